/* HTTP(S) GET with libcurl: timeouts, a body size cap, redirects,
 * gzip, and conditional requests (ETag / Last-Modified). One fetcher keeps
 * one curl handle, so connections to a host are reused. */
#ifndef XC_WEB_FETCH_H
#define XC_WEB_FETCH_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#include "crosscheck.h"

#define XC_FETCH_CONNECT_TIMEOUT_MS 10000L
#define XC_FETCH_TIMEOUT_MS 30000L
#define XC_FETCH_MAX_BYTES ((size_t)32 << 20)
#define XC_FETCH_MAX_REDIRECTS 5L

typedef struct xc_fetch_options {
    long connect_timeout_ms; /* 0: XC_FETCH_CONNECT_TIMEOUT_MS */
    long timeout_ms;         /* the whole transfer; 0: XC_FETCH_TIMEOUT_MS */
    size_t max_bytes;        /* of the (decoded) body; 0: XC_FETCH_MAX_BYTES */
    const char *etag;        /* sent as If-None-Match, or NULL */
    const char *last_modified; /* sent as If-Modified-Since, or NULL */
    const char *accept;      /* the Accept header, or NULL */
    /* When non-NULL and set (by a signal handler), the transfer stops. */
    volatile sig_atomic_t *cancel;
} xc_fetch_options;

typedef struct xc_fetch_result {
    long status;          /* HTTP status: 200, 304, 404, 500 ...        */
    char *body;           /* NUL-terminated; "" when empty              */
    size_t body_len;
    char *etag;           /* response headers, NULL when absent         */
    char *last_modified;
    char *content_type;
    char *final_url;      /* after redirects                            */
} xc_fetch_result;

typedef struct xc_fetcher xc_fetcher;

xc_fetcher *xc_fetcher_new(void);
void xc_fetcher_free(xc_fetcher *f);

/* GET `url` (http or https only). Any HTTP response is XC_OK with its
 * status (the caller decides what a 404 or 500 means); a transfer that
 * failed — refused, unreachable, timed out, cancelled, a broken encoding —
 * is XC_ERR_IO, a body past the limit XC_ERR_TOO_BIG, a URL of another
 * scheme XC_ERR_ARG, each with a message that says which. */
xc_status xc_fetch(xc_fetcher *f, const char *url, const xc_fetch_options *options,
                   xc_fetch_result *out, xc_error *err);
void xc_fetch_result_free(xc_fetch_result *r);

/* The lower-cased host of an http(s) URL into out (empty when it has none). */
void xc_url_host(const char *url, char *out, size_t cap);

/* True for URLs crosscheck may fetch: http:// and https://. */
bool xc_url_fetchable(const char *url);

/* The charset parameter of a Content-Type ("text/html; charset=utf-8" →
 * "utf-8") into out; false when there is none. */
bool xc_content_type_charset(const char *content_type, char *out, size_t cap);

#endif
