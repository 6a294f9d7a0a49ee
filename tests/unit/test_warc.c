/* The WARC reader, HTTP bodies and WARC records as articles, on invented
 * archives built here: plain, gzip per record, gzip as a whole. */
#include "test_util.h"

#include <zlib.h>

#include "util/buf.h"
#include "web/http_response.h"
#include "web/warc.h"

/* ---- building archives ----------------------------------------------- */

static const char *const PARAGRAPHS[] = {
    "The harbour authority of Port Aldwick said on Tuesday that the northern breakwater would "
    "close for six weeks of repairs after winter storms opened a gap in its outer wall.",
    "Engineers from the regional works department found that two sections of the wall had moved "
    "by almost a metre, and that the lighthouse at its end could no longer be reached on foot.",
    "Fishing crews who moor behind the breakwater will be moved to the southern quay, where the "
    "authority has set aside twelve berths and a temporary fuel point for the duration of the work.",
};

/* An HTML page with a title and three paragraphs of invented news. */
static char *news_page(const char *title)
{
    xc_buf b = {0};
    xc_buf_printf(&b, "<!DOCTYPE html>\n<html><head><title>%s</title></head><body>"
                      "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
                      "<article><h1>%s</h1>", title, title);
    for (size_t i = 0; i < 3; i++)
        xc_buf_printf(&b, "<p>%s</p>\n", PARAGRAPHS[i]);
    xc_buf_puts(&b, "</article><footer>Copyright Example</footer></body></html>\n");
    return xc_buf_detach(&b, NULL);
}

static void add_record(xc_buf *b, const char *type, const char *uri, const char *content_type,
                       const char *block, size_t len)
{
    xc_buf_printf(b, "WARC/1.0\r\nWARC-Type: %s\r\n", type);
    if (uri)
        xc_buf_printf(b, "WARC-Target-URI: %s\r\n", uri);
    xc_buf_printf(b, "WARC-Date: 2026-03-01T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:%08zx>\r\n", b->len);
    if (content_type)
        xc_buf_printf(b, "Content-Type: %s\r\n", content_type);
    xc_buf_printf(b, "Content-Length: %zu\r\n\r\n", len);
    xc_buf_append(b, block, len);
    xc_buf_puts(b, "\r\n\r\n");
}

/* A response record: HTTP head + body. */
static void add_response(xc_buf *b, const char *uri, const char *http_head, const char *body,
                         size_t body_len)
{
    xc_buf block = {0};
    xc_buf_puts(&block, http_head);
    xc_buf_append(&block, body, body_len);
    add_record(b, "response", uri, "application/http; msgtype=response", xc_buf_str(&block), block.len);
    xc_buf_free(&block);
}

static void add_html_response(xc_buf *b, const char *uri, const char *title)
{
    char *page = news_page(title);
    add_response(b, uri, "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n", page,
                 strlen(page));
    free(page);
}

/* gzip (or, with window_bits 15, zlib; -15 raw deflate) of some bytes. */
static void deflate_into(xc_buf *out, const void *data, size_t len, int window_bits)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY), Z_OK);
    size_t bound = deflateBound(&z, (uLong)len);
    assert_true(xc_buf_reserve(out, bound));
    z.next_in = (unsigned char *)data;
    z.avail_in = (uInt)len;
    z.next_out = (unsigned char *)out->data + out->len;
    z.avail_out = (uInt)bound;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    out->len += bound - z.avail_out;
    out->data[out->len] = '\0';
    deflateEnd(&z);
}

/* The archive with every record in a gzip member of its own: records are
 * cut at each "WARC/1." that starts a record of the plain archive. */
static xc_buf gzip_per_record(const xc_buf *plain)
{
    xc_buf out = {0};
    const char *p = plain->data, *end = plain->data + plain->len;
    while (p < end) {
        const char *next = p + 1;
        /* the blank line before a record: never read before the archive's start */
        while (next < end && !(next - plain->data >= 4 && memcmp(next - 4, "\r\n\r\n", 4) == 0 &&
                               end - next >= 7 && memcmp(next, "WARC/1.", 7) == 0))
            next++;
        deflate_into(&out, p, (size_t)(next - p), 15 + 16);
        p = next;
    }
    return out;
}

/* ---- reading them ----------------------------------------------------- */

typedef struct result {
    size_t articles, skipped, failed;
    char titles[8][128];
    char urls[8][160];
    long lines[8];
    char errors[8][512];
    long error_records[8];
} result;

static result read_articles(const char *data, size_t len, size_t max_bytes)
{
    result res;
    memset(&res, 0, sizeof res);
    FILE *f = fmemopen((void *)data, len, "rb");
    assert_non_null(f);
    xc_warc_reader *r = xc_warc_reader_new(f);
    assert_non_null(r);
    for (;;) {
        xc_article_in a;
        xc_error err = {0};
        long record;
        xc_warc_item item = xc_warc_next_article(r, max_bytes, &a, &record, &err);
        if (item == XC_WARC_END)
            break;
        if (item == XC_WARC_ARTICLE) {
            if (res.articles < 8) {
                snprintf(res.titles[res.articles], 128, "%s", a.title);
                snprintf(res.urls[res.articles], 160, "%s", a.url ? a.url : "(none)");
                res.lines[res.articles] = a.line;
            }
            assert_non_null(a.text);
            assert_non_null(strstr(a.text, "breakwater"));
            assert_int_equal(a.line, record);
            xc_article_in_free(&a);
            res.articles++;
        } else if (item == XC_WARC_SKIPPED) {
            res.skipped++;
        } else {
            assert_true(err.message[0] != '\0');
            if (res.failed < 8) {
                snprintf(res.errors[res.failed], 512, "%s", err.message);
                res.error_records[res.failed] = record;
            }
            res.failed++;
        }
    }
    xc_warc_counts counts = xc_warc_reader_counts(r);
    assert_int_equal(counts.articles, res.articles);
    assert_int_equal(counts.skipped, res.skipped);
    assert_int_equal(counts.failed, res.failed);
    xc_warc_reader_free(r);
    fclose(f);
    return res;
}

/* warcinfo, request, an HTML page, an image, a 404 page, a redirect, an
 * HTML resource, metadata: two articles, the rest skipped. */
static xc_buf mixed_archive(void)
{
    xc_buf b = {0};
    const char *info = "software: invented\r\nformat: WARC File Format 1.0\r\n";
    add_record(&b, "warcinfo", NULL, "application/warc-fields", info, strlen(info));
    const char *request = "GET /2026/03/01/breakwater HTTP/1.1\r\nHost: harbour.example\r\n\r\n";
    add_record(&b, "request", "https://harbour.example/2026/03/01/breakwater",
               "application/http; msgtype=request", request, strlen(request));
    add_html_response(&b, "https://harbour.example/2026/03/01/breakwater", "Breakwater to close for repairs");
    const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    add_response(&b, "https://harbour.example/logo.png", "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n",
                 png, sizeof png - 1);
    char *page = news_page("Not found");
    add_response(&b, "https://harbour.example/missing", "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n",
                 page, strlen(page));
    add_response(&b, "https://harbour.example/old", "HTTP/1.1 301 Moved Permanently\r\nLocation: /new\r\n\r\n", "", 0);
    free(page);
    page = news_page("Lighthouse cut off by storm damage");
    add_record(&b, "resource", "https://harbour.example/lighthouse", "text/html; charset=UTF-8", page, strlen(page));
    free(page);
    const char *meta = "via: https://harbour.example/\r\n";
    add_record(&b, "metadata", "https://harbour.example/2026/03/01/breakwater", "application/warc-fields",
               meta, strlen(meta));
    return b;
}

static void check_mixed(const result *res)
{
    assert_int_equal(res->articles, 2);
    assert_int_equal(res->skipped, 6);
    assert_int_equal(res->failed, 0);
    assert_string_equal(res->titles[0], "Breakwater to close for repairs");
    assert_string_equal(res->urls[0], "https://harbour.example/2026/03/01/breakwater");
    assert_int_equal(res->lines[0], 3);
    assert_string_equal(res->titles[1], "Lighthouse cut off by storm damage");
    assert_int_equal(res->lines[1], 7);
}

static void plain_archive(void **state)
{
    (void)state;
    xc_buf b = mixed_archive();
    result res = read_articles(b.data, b.len, 1 << 20);
    check_mixed(&res);
    xc_buf_free(&b);
}

static void gzip_member_per_record(void **state)
{
    (void)state;
    xc_buf plain = mixed_archive();
    xc_buf gz = gzip_per_record(&plain);
    assert_true(gz.len < plain.len);
    result res = read_articles(gz.data, gz.len, 1 << 20);
    check_mixed(&res);
    xc_buf_free(&plain);
    xc_buf_free(&gz);
}

static void gzip_whole_file(void **state)
{
    (void)state;
    xc_buf plain = mixed_archive();
    xc_buf gz = {0};
    deflate_into(&gz, plain.data, plain.len, 15 + 16);
    result res = read_articles(gz.data, gz.len, 1 << 20);
    check_mixed(&res);
    xc_buf_free(&plain);
    xc_buf_free(&gz);
}

/* The record headers as the reader gives them. */
static void record_fields(void **state)
{
    (void)state;
    xc_buf b = {0};
    const char *body = "hello";
    xc_buf_puts(&b, "WARC/1.1\r\nwarc-type: resource\r\nWARC-Target-URI: <https://a.example/x>\r\n"
                    "WARC-Date: 2026-03-01T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
                    "Content-Type: text/plain\r\nX-Folded: one\r\n  two\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n");
    size_t second = b.len;
    add_record(&b, "metadata", "https://a.example/y", "application/warc-fields", body, 0);
    FILE *f = fmemopen(b.data, b.len, "rb");
    xc_warc_reader *r = xc_warc_reader_new(f);
    xc_warc_record rec;
    xc_error err = {0};
    assert_true(xc_warc_next(r, &rec, &err));
    assert_int_equal(rec.status, XC_OK);
    assert_int_equal(rec.number, 1);
    assert_int_equal(rec.offset, 0);
    assert_string_equal(rec.version, "WARC/1.1");
    assert_string_equal(rec.type, "resource");
    assert_string_equal(rec.target_uri, "https://a.example/x");
    assert_string_equal(rec.date, "2026-03-01T10:00:00Z");
    assert_string_equal(rec.record_id, "<urn:uuid:1>");
    assert_string_equal(rec.content_type, "text/plain");
    assert_int_equal(rec.length, 5);
    const char *peeked;
    size_t n;
    assert_int_equal(xc_warc_peek(r, 3, &peeked, &n, &err), XC_OK);
    assert_int_equal(n, 3);
    assert_memory_equal(peeked, "hel", 3);
    char *block;
    assert_int_equal(xc_warc_block(r, 100, &block, &n, &err), XC_OK);
    assert_string_equal(block, "hello");
    assert_true(xc_warc_next(r, &rec, &err));
    assert_int_equal(rec.status, XC_OK);
    assert_int_equal(rec.number, 2);
    assert_int_equal(rec.offset, second);
    assert_int_equal(rec.length, 0);
    assert_int_equal(xc_warc_block(r, 100, &block, &n, &err), XC_OK);
    assert_int_equal(n, 0);
    assert_string_equal(block, "");
    assert_false(xc_warc_next(r, &rec, &err));
    xc_warc_counts counts = xc_warc_reader_counts(r);
    assert_int_equal(counts.records, 2);
    assert_int_equal(counts.block_bytes, 5);
    xc_warc_reader_free(r);
    fclose(f);
    xc_buf_free(&b);
}

/* ---- HTTP bodies ------------------------------------------------------ */

static void content_types(void **state)
{
    (void)state;
    char media[96], charset[48];
    const char *v = " Text/HTML ; Charset=\"ISO-8859-1\" ";
    xc_parse_content_type(v, strlen(v), media, sizeof media, charset, sizeof charset);
    assert_string_equal(media, "text/html");
    assert_string_equal(charset, "iso-8859-1");
    v = "application/xhtml+xml;foo=bar; charset=utf-8";
    xc_parse_content_type(v, strlen(v), media, sizeof media, charset, sizeof charset);
    assert_string_equal(media, "application/xhtml+xml");
    assert_string_equal(charset, "utf-8");
    assert_true(xc_is_html_media_type(media));
    assert_false(xc_is_html_media_type("text/plain"));

    assert_true(xc_sniff_html("\xEF\xBB\xBF  <!DOCTYPE HTML><p>", 21));
    assert_true(xc_sniff_html("<!-- a comment --><?xml x?>\n<html lang=en>", 42));
    assert_false(xc_sniff_html("<htmlx>", 7));
    assert_false(xc_sniff_html("{\"json\": true}", 14));

    xc_http_head h;
    xc_error err = {0};
    const char *head = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                       "Transfer-Encoding: gzip, chunked\r\nContent-Encoding: GZIP\r\n\r\nbody";
    assert_int_equal(xc_http_parse_head(head, strlen(head), &h, &err), XC_OK);
    assert_int_equal(h.status, 200);
    assert_true(h.chunked);
    assert_string_equal(h.content_encoding, "gzip");
    assert_string_equal(head + h.length, "body");
    assert_int_equal(xc_http_parse_head("GET / HTTP/1.1\r\n", 16, &h, &err), XC_ERR_FORMAT);
    assert_non_null(strstr(err.message, "not an HTTP response"));
    assert_int_equal(xc_http_parse_head("HTTP/1.1 OK\r\n", 13, &h, &err), XC_ERR_FORMAT);
}

static char *decode(const char *head_text, const void *body, size_t len, size_t max, xc_status *st)
{
    xc_http_head h;
    xc_error err = {0};
    assert_int_equal(xc_http_parse_head(head_text, strlen(head_text), &h, &err), XC_OK);
    char *copy = malloc(len + 1);
    memcpy(copy, body, len);
    char *out = NULL;
    size_t out_len;
    *st = xc_http_decode_body(&h, copy, len, max, &out, &out_len, &err);
    free(copy);
    if (*st == XC_OK)
        assert_int_equal(strlen(out), out_len);
    return out;
}

static void chunked_and_compressed_bodies(void **state)
{
    (void)state;
    xc_status st;
    const char *text = "<html><body><p>The harbour reopened.</p></body></html>";
    size_t n = strlen(text);

    /* Chunked: sizes in hex, an extension, a trailer. */
    xc_buf chunked = {0};
    xc_buf_printf(&chunked, "a;ext=1\r\n%.10s\r\n%zx\r\n%s\r\n0\r\nX-Trailer: y\r\n\r\n", text, n - 10, text + 10);
    char *out = decode("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", chunked.data, chunked.len, 1000, &st);
    assert_int_equal(st, XC_OK);
    assert_string_equal(out, text);
    free(out);

    /* gzip content, then chunked. */
    xc_buf gz = {0};
    deflate_into(&gz, text, n, 15 + 16);
    xc_buf both = {0};
    size_t half = gz.len / 2;
    xc_buf_printf(&both, "%zx\r\n", half);
    xc_buf_append(&both, gz.data, half);
    xc_buf_printf(&both, "\r\n%zX\r\n", gz.len - half);
    xc_buf_append(&both, gz.data + half, gz.len - half);
    xc_buf_puts(&both, "\r\n0\r\n\r\n");
    out = decode("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n",
                 both.data, both.len, 1000, &st);
    assert_int_equal(st, XC_OK);
    assert_string_equal(out, text);
    free(out);

    /* deflate, zlib-wrapped as the standard says, and raw as some servers send. */
    for (int bits = 15; bits >= -15; bits -= 30) {
        xc_buf z = {0};
        deflate_into(&z, text, n, bits);
        out = decode("HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n", z.data, z.len, 1000, &st);
        assert_int_equal(st, XC_OK);
        assert_string_equal(out, text);
        free(out);
        xc_buf_free(&z);
    }

    /* Headers that say gzip and chunked over a body stored decoded. */
    out = decode("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n", text, n, 1000, &st);
    assert_int_equal(st, XC_OK);
    assert_string_equal(out, text);
    free(out);

    /* The output cap, and a body cut short (what arrived is kept). */
    out = decode("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n", gz.data, gz.len, 20, &st);
    assert_int_equal(st, XC_ERR_TOO_BIG);
    assert_null(out);
    out = decode("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n", gz.data, gz.len - 12, 1000, &st);
    assert_int_equal(st, XC_OK);
    assert_true(strncmp(out, text, strlen(out)) == 0);
    free(out);
    out = decode("HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n", "\x1b\x03\x00", 3, 1000, &st);
    assert_int_equal(st, XC_ERR_FORMAT);
    xc_buf_free(&chunked);
    xc_buf_free(&gz);
    xc_buf_free(&both);
}

/* A chunked, gzip-encoded page in an archive becomes an article. */
static void chunked_gzip_page(void **state)
{
    (void)state;
    char *page = news_page("Storm repairs to take six weeks");
    xc_buf gz = {0};
    deflate_into(&gz, page, strlen(page), 15 + 16);
    xc_buf body = {0};
    for (size_t at = 0; at < gz.len; at += 100) {
        size_t k = gz.len - at < 100 ? gz.len - at : 100;
        xc_buf_printf(&body, "%zx\r\n", k);
        xc_buf_append(&body, gz.data + at, k);
        xc_buf_puts(&body, "\r\n");
    }
    xc_buf_puts(&body, "0\r\n\r\n");
    xc_buf b = {0};
    add_response(&b, "https://harbour.example/repairs",
                 "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
                 "Transfer-Encoding: chunked\r\n\r\n", body.data, body.len);
    /* No Content-Type: sniffed. */
    add_response(&b, "https://harbour.example/sniffed", "HTTP/1.0 200 OK\r\n\r\n", page, strlen(page));
    add_response(&b, "https://harbour.example/data.json", "HTTP/1.0 200 OK\r\n\r\n", "{\"a\":1}", 7);
    result res = read_articles(b.data, b.len, 1 << 20);
    assert_int_equal(res.articles, 2);
    assert_int_equal(res.skipped, 1);
    assert_string_equal(res.titles[0], "Storm repairs to take six weeks");
    assert_string_equal(res.urls[1], "https://harbour.example/sniffed");
    free(page);
    xc_buf_free(&gz);
    xc_buf_free(&body);
    xc_buf_free(&b);
}

/* ---- bad records -------------------------------------------------------- */

static void truncated_last_record(void **state)
{
    (void)state;
    xc_buf b = {0};
    add_html_response(&b, "https://harbour.example/a", "First page");
    size_t second = b.len;
    add_html_response(&b, "https://harbour.example/b", "Second page");
    size_t cut = b.len - 300;
    result res = read_articles(b.data, cut, 1 << 20);
    assert_int_equal(res.articles, 1);
    assert_int_equal(res.failed, 1);
    assert_int_equal(res.error_records[0], 2);
    char want[128];
    snprintf(want, sizeof want, "record 2 (offset %zu): truncated block (", second);
    assert_true(strncmp(res.errors[0], want, strlen(want)) == 0);
    assert_non_null(strstr(res.errors[0], "the file ends"));

    /* Cut inside a gzip member: the same, said about the gzip data. */
    xc_buf gz = gzip_per_record(&b);
    res = read_articles(gz.data, gz.len - 40, 1 << 20);
    assert_int_equal(res.articles, 1);
    assert_int_equal(res.failed, 1);
    assert_non_null(strstr(res.errors[0], "record 2 (offset"));
    assert_non_null(strstr(res.errors[0], "the file ends inside a gzip member"));

    /* Cut inside the header of a record that is skipped anyway. */
    xc_buf c = {0};
    xc_buf_append(&c, b.data, second);
    xc_buf_puts(&c, "WARC/1.0\r\nWARC-Type: request\r\nContent-Le");
    res = read_articles(c.data, c.len, 1 << 20);
    assert_int_equal(res.articles, 1);
    assert_int_equal(res.failed, 1);
    assert_non_null(strstr(res.errors[0], "record 2 (offset"));
    assert_non_null(strstr(res.errors[0], "truncated header"));
    xc_buf_free(&b);
    xc_buf_free(&gz);
    xc_buf_free(&c);
}

static void garbage_between_records(void **state)
{
    (void)state;
    xc_buf b = {0};
    add_html_response(&b, "https://harbour.example/a", "First page");
    size_t garbage = b.len;
    xc_buf_puts(&b, "this is not a record\r\n\x01\x02\x03 binary junk\n");
    size_t second = b.len;
    add_html_response(&b, "https://harbour.example/b", "Second page");
    /* An old version, a record without Content-Length, one with a garbled one. */
    xc_buf_puts(&b, "WARC/0.18\r\nWARC-Type: response\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n");
    xc_buf_puts(&b, "WARC/1.0\r\nWARC-Type: response\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<html>x</html>\r\n\r\n");
    xc_buf_puts(&b, "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 12x\r\n\r\nabc\r\n\r\n");
    add_html_response(&b, "https://harbour.example/c", "Third page");
    xc_buf_puts(&b, "trailing junk without a newline");
    result res = read_articles(b.data, b.len, 1 << 20);
    assert_int_equal(res.articles, 3);
    assert_string_equal(res.titles[1], "Second page");
    assert_int_equal(res.lines[1], 3); /* the garbage counted as record 2 */
    assert_string_equal(res.titles[2], "Third page");
    assert_int_equal(res.lines[2], 7);
    assert_int_equal(res.failed, 5);
    char want[200];
    snprintf(want, sizeof want,
             "record 2 (offset %zu): expected a WARC/1.0 or WARC/1.1 version line, found \"this is not a record\"; "
             "skipped %zu bytes to the next record", garbage, second - garbage);
    assert_string_equal(res.errors[0], want);
    assert_non_null(strstr(res.errors[1], "record 4 (offset"));
    assert_non_null(strstr(res.errors[1], "unsupported version \"WARC/0.18\""));
    assert_non_null(strstr(res.errors[2], "record 5 (offset"));
    assert_non_null(strstr(res.errors[2], "no Content-Length; skipped"));
    assert_non_null(strstr(res.errors[3], "bad Content-Length \"12x\""));
    assert_non_null(strstr(res.errors[4], "record 8 (offset"));
    assert_non_null(strstr(res.errors[4], "found \"trailing junk without a newline\"; no record follows"));
    xc_buf_free(&b);
}

static void record_over_the_limit(void **state)
{
    (void)state;
    xc_buf b = {0};
    add_html_response(&b, "https://harbour.example/a", "First page");
    /* A page of 200 KB: over a 100 KB limit, reported, read past. */
    xc_buf big = {0};
    xc_buf_puts(&big, "<html><body>");
    while (big.len < 200000)
        xc_buf_printf(&big, "<p>%s</p>\n", PARAGRAPHS[big.len % 3]);
    xc_buf_puts(&big, "</body></html>");
    add_response(&b, "https://harbour.example/huge", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
                 big.data, big.len);
    /* A 1 MB image is no page: skipped, not an error. */
    char *image = calloc(1, 1 << 20);
    add_response(&b, "https://harbour.example/photo.jpg", "HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n",
                 image, 1 << 20);
    free(image);
    add_html_response(&b, "https://harbour.example/c", "After the big ones");
    result res = read_articles(b.data, b.len, 100000);
    assert_int_equal(res.articles, 2);
    assert_string_equal(res.titles[1], "After the big ones");
    assert_int_equal(res.lines[1], 4);
    assert_int_equal(res.skipped, 1);
    assert_int_equal(res.failed, 1);
    assert_non_null(strstr(res.errors[0], "record 2 (offset"));
    assert_non_null(strstr(res.errors[0], "too big: the block has"));
    assert_non_null(strstr(res.errors[0], "over the 100000-byte limit"));

    /* A gzip body that inflates past the limit. */
    xc_buf c = {0};
    xc_buf gz = {0};
    deflate_into(&gz, big.data, big.len, 15 + 16);
    add_response(&c, "https://harbour.example/bomb", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n",
                 gz.data, gz.len);
    res = read_articles(c.data, c.len, 100000);
    assert_int_equal(res.failed, 1);
    assert_non_null(strstr(res.errors[0], "https://harbour.example/bomb: the body inflates to more than 100000 bytes"));
    xc_buf_free(&b);
    xc_buf_free(&c);
    xc_buf_free(&big);
    xc_buf_free(&gz);
}

/* A damaged gzip member costs its record; the next member is read. */
static void corrupt_gzip_member(void **state)
{
    (void)state;
    xc_buf b = {0};
    add_html_response(&b, "https://harbour.example/a", "First page");
    add_html_response(&b, "https://harbour.example/b", "Second page");
    add_html_response(&b, "https://harbour.example/c", "Third page");
    xc_buf gz = gzip_per_record(&b);
    /* Find the second member and damage its deflate data. */
    size_t second = 0;
    for (size_t i = 10; i + 2 < gz.len; i++)
        if ((unsigned char)gz.data[i] == 0x1f && (unsigned char)gz.data[i + 1] == 0x8b && gz.data[i + 2] == 8) {
            second = i;
            break;
        }
    assert_true(second > 0);
    for (size_t i = second + 20; i < second + 60; i++)
        gz.data[i] = (char)0xff;
    result res = read_articles(gz.data, gz.len, 1 << 20);
    assert_int_equal(res.articles, 2);
    assert_string_equal(res.titles[0], "First page");
    assert_string_equal(res.titles[1], "Third page");
    assert_int_equal(res.failed, 1);
    assert_non_null(strstr(res.errors[0], "record 2 (offset"));
    assert_non_null(strstr(res.errors[0], "corrupt gzip data"));
    assert_non_null(strstr(res.errors[0], "going on at the next gzip member"));
    assert_int_equal(res.lines[1], 3);
    xc_buf_free(&b);
    xc_buf_free(&gz);
}

static void oversized_header_and_http_errors(void **state)
{
    (void)state;
    xc_buf b = {0};
    xc_buf_puts(&b, "WARC/1.0\r\nWARC-Type: response\r\n");
    while (b.len < 70000)
        xc_buf_puts(&b, "X-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n");
    xc_buf_puts(&b, "Content-Length: 0\r\n\r\n\r\n\r\n");
    add_html_response(&b, "https://harbour.example/a", "First page");
    add_response(&b, "https://harbour.example/not-http", "", "<html>no status line</html>", 27);
    add_response(&b, "https://harbour.example/empty", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
                 "<html><body></body></html>", 26);
    result res = read_articles(b.data, b.len, 1 << 20);
    assert_int_equal(res.articles, 1);
    assert_int_equal(res.failed, 3);
    assert_non_null(strstr(res.errors[0], "record 1 (offset 0): header over 64 KB; skipped"));
    assert_non_null(strstr(res.errors[1], "record 3 (offset"));
    assert_non_null(strstr(res.errors[1], "https://harbour.example/not-http: not an HTTP response"));
    assert_non_null(strstr(res.errors[2], "https://harbour.example/empty: no main text"));
    xc_buf_free(&b);
}

/* Nothing at all, blank lines, a lone gzip header: no records, no crash. */
static void empty_inputs(void **state)
{
    (void)state;
    result res = read_articles("", 0, 1000);
    assert_int_equal(res.articles + res.skipped + res.failed, 0);
    res = read_articles("\r\n\r\n\n", 5, 1000);
    assert_int_equal(res.articles + res.skipped + res.failed, 0);
    res = read_articles("\x1f\x8b", 2, 1000);
    assert_int_equal(res.failed, 1);
    res = read_articles("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03garbage", 17, 1000);
    assert_int_equal(res.failed, 1);
    assert_non_null(strstr(res.errors[0], "corrupt gzip data"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_archive),
        cmocka_unit_test(gzip_member_per_record),
        cmocka_unit_test(gzip_whole_file),
        cmocka_unit_test(record_fields),
        cmocka_unit_test(content_types),
        cmocka_unit_test(chunked_and_compressed_bodies),
        cmocka_unit_test(chunked_gzip_page),
        cmocka_unit_test(truncated_last_record),
        cmocka_unit_test(garbage_between_records),
        cmocka_unit_test(record_over_the_limit),
        cmocka_unit_test(corrupt_gzip_member),
        cmocka_unit_test(oversized_header_and_http_errors),
        cmocka_unit_test(empty_inputs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
