/* HTTP responses as crawlers archive them: see http_response.h. Archived
 * bodies are what came over the wire — chunked, compressed, sometimes cut
 * short — and some crawlers store them decoded but keep the headers, so
 * decoding is lenient: a body that is not what its headers say is taken
 * as it is, and a compressed body cut short gives what it holds. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "http_response.h"
#include "../util/error.h"
#include "../util/gzip.h"

/* A copy of a header value, trimmed and lower-cased, cut to fit. */
static void lower_copy(const char *s, size_t len, char *out, size_t size)
{
    while (len && (*s == ' ' || *s == '\t'))
        s++, len--;
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
        len--;
    size_t n = len < size - 1 ? len : size - 1;
    for (size_t i = 0; i < n; i++)
        out[i] = (char)tolower((unsigned char)s[i]);
    out[n] = '\0';
}

void xc_parse_content_type(const char *value, size_t len, char *media_type, size_t media_size,
                           char *charset, size_t charset_size)
{
    const char *semi = memchr(value, ';', len);
    size_t type_len = semi ? (size_t)(semi - value) : len;
    lower_copy(value, type_len, media_type, media_size);
    charset[0] = '\0';
    const char *p = semi, *end = value + len;
    while (p && p < end) {
        p++; /* past ';' */
        while (p < end && (*p == ' ' || *p == '\t'))
            p++;
        const char *next = memchr(p, ';', (size_t)(end - p));
        const char *stop = next ? next : end;
        if (stop - p > 8 && strncasecmp(p, "charset=", 8) == 0) {
            const char *v = p + 8;
            size_t n = (size_t)(stop - v);
            while (n && (v[n - 1] == ' ' || v[n - 1] == '\t' || v[n - 1] == '\r'))
                n--;
            if (n >= 2 && (*v == '"' || *v == '\'') && v[n - 1] == *v)
                v++, n -= 2;
            lower_copy(v, n, charset, charset_size);
            return;
        }
        p = next;
    }
}

static xc_status parse_one_head(const char *data, size_t len, xc_http_head *out, xc_error *err)
{
    memset(out, 0, sizeof *out);
    const char *p = data, *end = data + len;
    if (len < 5 || strncasecmp(p, "HTTP/", 5) != 0) {
        char shown[48];
        size_t n = 0;
        for (size_t i = 0; i < len && i < 20 && n + 5 < sizeof shown; i++)
            n += (size_t)snprintf(shown + n, sizeof shown - n,
                                  isprint((unsigned char)data[i]) && data[i] != '"' ? "%c" : "\\x%02X",
                                  (unsigned char)data[i]);
        return xc_fail(err, XC_ERR_FORMAT, "not an HTTP response: it starts \"%s\"", shown);
    }
    while (p < end && *p != ' ' && *p != '\n')
        p++;
    while (p < end && *p == ' ')
        p++;
    if (end - p < 3 || !isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1]) ||
        !isdigit((unsigned char)p[2]) || (end - p > 3 && isdigit((unsigned char)p[3])))
        return xc_fail(err, XC_ERR_FORMAT, "HTTP response without a status code");
    out->status = (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0');
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    p = nl ? nl + 1 : end;
    while (p < end) {
        nl = memchr(p, '\n', (size_t)(end - p));
        const char *line_end = nl ? nl : end;
        size_t n = (size_t)(line_end - p);
        if (n && p[n - 1] == '\r')
            n--;
        const char *line = p;
        p = nl ? nl + 1 : end;
        if (n == 0)
            break; /* the blank line: the body follows */
        const char *colon = memchr(line, ':', n);
        if (!colon || line[0] == ' ' || line[0] == '\t')
            continue;
        size_t name_len = (size_t)(colon - line);
        const char *value = colon + 1;
        size_t value_len = n - name_len - 1;
        if (name_len == 12 && strncasecmp(line, "Content-Type", 12) == 0) {
            if (!out->has_content_type) {
                out->has_content_type = true;
                xc_parse_content_type(value, value_len, out->media_type, sizeof out->media_type,
                                      out->charset, sizeof out->charset);
            }
        } else if (name_len == 16 && strncasecmp(line, "Content-Encoding", 16) == 0) {
            lower_copy(value, value_len, out->content_encoding, sizeof out->content_encoding);
        } else if (name_len == 17 && strncasecmp(line, "Transfer-Encoding", 17) == 0) {
            char coding[64];
            lower_copy(value, value_len, coding, sizeof coding);
            size_t k = strlen(coding);
            out->chunked = k >= 7 && strcmp(coding + k - 7, "chunked") == 0;
        }
    }
    out->length = (size_t)(p - data);
    return XC_OK;
}

xc_status xc_http_parse_head(const char *data, size_t len, xc_http_head *out, xc_error *err)
{
    size_t skipped = 0;
    for (;;) {
        xc_status st = parse_one_head(data + skipped, len - skipped, out, err);
        if (st != XC_OK)
            return st;
        out->length += skipped;
        /* "100 Continue" and other interim responses come before the real one. */
        if (out->status >= 200 || out->length >= len)
            return XC_OK;
        skipped = out->length;
    }
}

bool xc_is_html_media_type(const char *media_type)
{
    return strcmp(media_type, "text/html") == 0 || strcmp(media_type, "application/xhtml+xml") == 0;
}

bool xc_sniff_html(const char *data, size_t len)
{
    const char *p = data, *end = data + (len < 4096 ? len : 4096);
    if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    for (;;) {
        while (p < end && isspace((unsigned char)*p))
            p++;
        const char *close = NULL;
        if (end - p >= 4 && memcmp(p, "<!--", 4) == 0)
            close = "-->";
        else if (end - p >= 2 && memcmp(p, "<?", 2) == 0)
            close = "?>";
        if (!close)
            break;
        size_t k = strlen(close);
        const char *q = p + 2;
        while (q + k <= end && memcmp(q, close, k) != 0)
            q++;
        if (q + k > end)
            return false;
        p = q + k;
    }
    return (end - p >= 14 && strncasecmp(p, "<!doctype html", 14) == 0) ||
           (end - p >= 5 && strncasecmp(p, "<html", 5) == 0 &&
            (end - p == 5 || p[5] == '>' || isspace((unsigned char)p[5])));
}

/* ---- the body -------------------------------------------------------- */

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)tolower((unsigned char)c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Undo chunked transfer coding in place; returns the new length. A body
 * whose first line is not a chunk size was stored de-chunked: it is kept.
 * A body cut inside a chunk keeps what arrived. */
static size_t dechunk(char *body, size_t len)
{
    size_t pos = 0, w = 0;
    for (bool first = true;; first = false) {
        size_t size = 0, digits = 0;
        while (pos < len && hex_value(body[pos]) >= 0 && digits < 16) {
            size = size * 16 + (size_t)hex_value(body[pos++]);
            digits++;
        }
        const char *nl = pos < len ? memchr(body + pos, '\n', len - pos) : NULL;
        bool size_line = digits > 0 && nl && (pos < len && (body[pos] == '\r' || body[pos] == '\n' ||
                                                             body[pos] == ';' || body[pos] == ' '));
        if (!size_line)
            return first ? len : w;
        pos = (size_t)(nl - body) + 1;
        if (size == 0)
            return w;
        if (size > len - pos)
            size = len - pos;
        memmove(body + w, body + pos, size);
        w += size;
        pos += size;
        if (pos < len && body[pos] == '\r')
            pos++;
        if (pos < len && body[pos] == '\n')
            pos++;
        if (pos >= len)
            return w;
    }
}

/* Bodies are read leniently: a body cut short gives what it held, as a
 * browser shows a page cut short. */
static xc_status inflate_capped(const char *data, size_t len, int window_bits, size_t max,
                                char **out, size_t *out_len, xc_error *err)
{
    return xc_inflate(data, len, window_bits, max, XC_INFLATE_LENIENT, "the body", out,
                      out_len, err);
}

static xc_status copy_body(const char *body, size_t len, size_t max, char **out, size_t *out_len,
                           xc_error *err)
{
    if (len > max)
        return xc_fail(err, XC_ERR_TOO_BIG, "the body has %zu bytes, over the %zu-byte limit (--max-bytes)",
                       len, max);
    *out = malloc(len + 1);
    if (!*out)
        return xc_fail(err, XC_ERR_NOMEM, "out of memory");
    if (len)
        memcpy(*out, body, len);
    (*out)[len] = '\0';
    *out_len = len;
    return XC_OK;
}

/* A zlib header: deflate, a window of 32 KB or less, a valid check. */
static bool is_zlib(const unsigned char *p, size_t len)
{
    return len >= 2 && (p[0] & 0x0f) == 8 && (p[0] >> 4) <= 7 && (p[0] * 256 + p[1]) % 31 == 0;
}

xc_status xc_http_decode_body(const xc_http_head *head, char *body, size_t len, size_t max,
                              char **out, size_t *out_len, xc_error *err)
{
    *out = NULL;
    *out_len = 0;
    if (head->chunked)
        len = dechunk(body, len);
    const char *coding = head->content_encoding;
    const unsigned char *bytes = (const unsigned char *)body;
    if (!coding[0] || strcmp(coding, "identity") == 0)
        return copy_body(body, len, max, out, out_len, err);
    if (strcmp(coding, "gzip") == 0 || strcmp(coding, "x-gzip") == 0) {
        if (xc_is_gzip(body, len))
            return inflate_capped(body, len, 15 + 16, max, out, out_len, err);
    } else if (strcmp(coding, "deflate") == 0) {
        /* "deflate" is zlib-wrapped by the standard, raw in some servers. */
        if (is_zlib(bytes, len))
            return inflate_capped(body, len, 15, max, out, out_len, err);
        if (len && !xc_sniff_html(body, len))
            return inflate_capped(body, len, -15, max, out, out_len, err);
    } else if (!xc_sniff_html(body, len)) {
        return xc_fail(err, XC_ERR_FORMAT, "unsupported Content-Encoding \"%s\"", coding);
    }
    return copy_body(body, len, max, out, out_len, err); /* stored decoded */
}
