/* HTTP/1.x responses as archived in WARC records: the status line and the
 * headers that say what the body is, and the body decoded (chunked
 * transfer coding removed, gzip or deflate content coding inflated). */
#ifndef XC_WEB_HTTP_RESPONSE_H
#define XC_WEB_HTTP_RESPONSE_H

#include <stdbool.h>
#include <stddef.h>

#include "crosscheck.h"

typedef struct xc_http_head {
    int status;                 /* 200, 404, ...                                 */
    bool has_content_type;
    char media_type[96];        /* Content-Type without parameters, lower case   */
    char charset[48];           /* its charset parameter, or ""                  */
    char content_encoding[32];  /* lower case, "" for none                       */
    bool chunked;               /* Transfer-Encoding ends with "chunked"         */
    size_t length;              /* bytes of status line, headers and blank line  */
} xc_http_head;

/* A Content-Type value: the media type in lower case without parameters,
 * and the charset parameter without quotes ("" when absent). */
void xc_parse_content_type(const char *value, size_t len, char *media_type, size_t media_size,
                           char *charset, size_t charset_size);

/* The status line and headers at the start of `data`. A head that does not
 * end within `len` bytes ends there (a response cut after its headers).
 * XC_ERR_FORMAT when it is not an HTTP response. */
xc_status xc_http_parse_head(const char *data, size_t len, xc_http_head *out, xc_error *err);

/* The body after the head, decoded into a new NUL-terminated buffer of at
 * most `max` bytes. The body is de-chunked in place (it may be changed). A
 * body that is already decoded although its headers say otherwise, as some
 * crawlers store them, is taken as it is. XC_ERR_TOO_BIG past `max`,
 * XC_ERR_FORMAT for corrupt compressed data or an unknown coding. */
xc_status xc_http_decode_body(const xc_http_head *head, char *body, size_t len, size_t max,
                              char **out, size_t *out_len, xc_error *err);

/* text/html and application/xhtml+xml. */
bool xc_is_html_media_type(const char *media_type);

/* Bytes that start like an HTML document: "<!doctype html" or "<html"
 * after white space, a byte-order mark and comments. */
bool xc_sniff_html(const char *data, size_t len);

#endif
