/* WARC records as articles: which records are pages, their HTTP bodies
 * decoded, their main text extracted (page.h). See warc.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "warc.h"
#include "http_response.h"
#include "page.h"
#include "../util/buf.h"
#include "../util/error.h"
#include "../util/json_writer.h"

/* The HTTP status line and headers must fit in the block's first bytes. */
#define HTTP_HEAD_MAX (64 * 1024)
#define SNIFF_BYTES 4096

/* A record that is not a page: read past its block. Only a block cut
 * short makes it a failure. */
static xc_warc_item skip(xc_warc_reader *r, xc_error *err)
{
    return xc_warc_skip(r, err) == XC_OK ? XC_WARC_SKIPPED : XC_WARC_FAILED;
}

/* An error about the record's content, prefixed like the reader's own. */
static xc_warc_item fail_record(const xc_warc_record *rec, const xc_error *why, xc_error *err)
{
    char uri[160] = "";
    if (rec->target_uri) {
        size_t n = strlen(rec->target_uri);
        snprintf(uri, sizeof uri, "%.*s%s: ", n > 120 ? 120 : (int)n, rec->target_uri,
                 n > 120 ? "..." : "");
    }
    xc_fail(err, why->status, "record %ld (offset %llu): %s%s", rec->number,
            (unsigned long long)rec->offset, uri, why->message);
    return XC_WARC_FAILED;
}

/* The application/http record of a response (not of a request). */
static bool is_http_response_type(const char *content_type)
{
    char media[96], unused[8];
    xc_parse_content_type(content_type, strlen(content_type), media, sizeof media, unused,
                          sizeof unused);
    if (strcmp(media, "application/http") != 0)
        return false;
    for (const char *p = content_type; (p = strchr(p, ';')) != NULL;) {
        p++;
        while (*p == ' ' || *p == '\t')
            p++;
        if (strncasecmp(p, "msgtype=", 8) == 0)
            return strncasecmp(p + 8, "response", 8) == 0 || strncasecmp(p + 8, "\"response\"", 10) == 0;
    }
    return true; /* no msgtype: a response record holds a response */
}

/* Add the crawl date to the page's extra fields: it is when the page was
 * fetched, not when it was published, so it is not the article's date. */
static bool add_crawled(xc_article_in *a, const char *date)
{
    size_t n = strlen(date);
    if (n == 0 || n > 40)
        return true;
    for (size_t i = 0; i < n; i++)
        if (date[i] < 0x20 || date[i] > 0x7e)
            return true; /* not a date worth keeping */
    xc_buf b = {0};
    if (a->extra_json && strlen(a->extra_json) > 2) {
        size_t len = strlen(a->extra_json);
        xc_buf_append(&b, a->extra_json, len - 1); /* without its closing brace */
        xc_buf_puts(&b, ",\"crawled\":");
    } else {
        xc_buf_puts(&b, "{\"crawled\":");
    }
    xc_json_escape(&b, date, n);
    xc_buf_putc(&b, '}');
    if (b.failed) {
        xc_buf_free(&b);
        return false;
    }
    free(a->extra_json);
    a->extra_json = xc_buf_detach(&b, NULL);
    return true;
}

static xc_warc_item page_article(const xc_warc_record *rec, const char *body, size_t len,
                                 const char *charset, xc_article_in *out, xc_error *err)
{
    xc_page page;
    xc_error why = {0};
    xc_html_options options = {.url = rec->target_uri, .charset = charset && charset[0] ? charset : NULL};
    if (xc_html_extract(body, len, &options, &page, &why) != XC_OK)
        return fail_record(rec, &why, err);
    if (xc_page_to_article(&page, NULL, out, &why) != XC_OK)
        return fail_record(rec, &why, err);
    out->line = rec->number;
    out->body_offset = -1; /* the text comes out of markup: no offset into the file */
    if (out->warning[0])
        out->warning_line = rec->number;
    if (rec->date && !add_crawled(out, rec->date)) {
        xc_article_in_free(out);
        why = (xc_error){.status = XC_ERR_NOMEM};
        snprintf(why.message, sizeof why.message, "out of memory");
        return fail_record(rec, &why, err);
    }
    xc_article_hash(out);
    return XC_WARC_ARTICLE;
}

/* WARC-Type: response. */
static xc_warc_item response_article(xc_warc_reader *r, const xc_warc_record *rec, size_t max_bytes,
                                     xc_article_in *out, xc_error *err)
{
    if (!rec->content_type || !is_http_response_type(rec->content_type))
        return skip(r, err);
    const char *head_bytes;
    size_t head_len;
    if (xc_warc_peek(r, HTTP_HEAD_MAX, &head_bytes, &head_len, err) != XC_OK)
        return XC_WARC_FAILED;
    xc_http_head head;
    xc_error why = {0};
    if (xc_http_parse_head(head_bytes, head_len, &head, &why) != XC_OK) {
        xc_warc_skip(r, NULL);
        return fail_record(rec, &why, err);
    }
    if (head.length == head_len && head_len < rec->length) {
        xc_warc_skip(r, NULL);
        xc_fail(&why, XC_ERR_FORMAT, "HTTP headers over %d KB", HTTP_HEAD_MAX / 1024);
        return fail_record(rec, &why, err);
    }
    if (head.status < 200 || head.status > 299)
        return skip(r, err); /* errors, redirects, not-modified: no page */
    if (head.has_content_type && !xc_is_html_media_type(head.media_type))
        return skip(r, err);
    if (!head.has_content_type && !head.chunked && !head.content_encoding[0] &&
        !xc_sniff_html(head_bytes + head.length, head_len - head.length))
        return skip(r, err);
    char *block;
    size_t block_len;
    if (xc_warc_block(r, max_bytes, &block, &block_len, err) != XC_OK)
        return XC_WARC_FAILED;
    char *body;
    size_t body_len;
    if (xc_http_decode_body(&head, block + head.length, block_len - head.length, max_bytes, &body,
                            &body_len, &why) != XC_OK)
        return fail_record(rec, &why, err);
    xc_warc_item item;
    if (!head.has_content_type && !xc_sniff_html(body, body_len))
        item = XC_WARC_SKIPPED;
    else
        item = page_article(rec, body, body_len, head.charset, out, err);
    free(body);
    return item;
}

/* WARC-Type: resource — the block is the document itself. */
static xc_warc_item resource_article(xc_warc_reader *r, const xc_warc_record *rec, size_t max_bytes,
                                     xc_article_in *out, xc_error *err)
{
    char media[96] = "", charset[48] = "";
    if (rec->content_type)
        xc_parse_content_type(rec->content_type, strlen(rec->content_type), media, sizeof media,
                              charset, sizeof charset);
    if (media[0] && !xc_is_html_media_type(media))
        return skip(r, err);
    if (!media[0]) {
        const char *start;
        size_t n;
        if (xc_warc_peek(r, SNIFF_BYTES, &start, &n, err) != XC_OK)
            return XC_WARC_FAILED;
        if (!xc_sniff_html(start, n))
            return skip(r, err);
    }
    char *block;
    size_t block_len;
    if (xc_warc_block(r, max_bytes, &block, &block_len, err) != XC_OK)
        return XC_WARC_FAILED;
    return page_article(rec, block, block_len, charset, out, err);
}

xc_warc_item xc_warc_next_article(xc_warc_reader *r, size_t max_bytes, xc_article_in *out,
                                  long *record, xc_error *err)
{
    memset(out, 0, sizeof *out);
    xc_error local;
    if (!err)
        err = &local;
    xc_warc_record rec;
    *record = 0;
    if (!xc_warc_next(r, &rec, err))
        return XC_WARC_END;
    *record = rec.number;
    xc_warc_item item;
    if (rec.status != XC_OK)
        item = XC_WARC_FAILED;
    else if (rec.type && strcasecmp(rec.type, "response") == 0)
        item = response_article(r, &rec, max_bytes, out, err);
    else if (rec.type && strcasecmp(rec.type, "resource") == 0)
        item = resource_article(r, &rec, max_bytes, out, err);
    else
        item = skip(r, err); /* warcinfo, request, metadata, revisit, conversion, ... */
    xc_warc_count(r, item);
    return item;
}
