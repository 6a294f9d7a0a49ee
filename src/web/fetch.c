/* GET over libcurl's easy interface. The body is collected in memory up
 * to a cap; ETag and Last-Modified come from the header callback (of the
 * last response, after redirects). */
#include "fetch.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/buf.h"
#include "../util/error.h"

struct xc_fetcher {
    CURL *curl;
};

typedef struct transfer {
    xc_buf body;
    size_t max;
    bool too_big;
    char *etag, *last_modified;
    volatile sig_atomic_t *cancel;
} transfer;

xc_fetcher *xc_fetcher_new(void)
{
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
        return NULL;
    xc_fetcher *f = calloc(1, sizeof *f);
    if (f)
        f->curl = curl_easy_init();
    if (!f || !f->curl) {
        free(f);
        curl_global_cleanup();
        return NULL;
    }
    return f;
}

void xc_fetcher_free(xc_fetcher *f)
{
    if (!f)
        return;
    curl_easy_cleanup(f->curl);
    free(f);
    curl_global_cleanup();
}

void xc_fetch_result_free(xc_fetch_result *r)
{
    free(r->body);
    free(r->etag);
    free(r->last_modified);
    free(r->content_type);
    free(r->final_url);
    memset(r, 0, sizeof *r);
}

static size_t on_body(char *data, size_t size, size_t count, void *user)
{
    transfer *t = user;
    size_t n = size * count;
    if (t->body.len + n > t->max) {
        t->too_big = true;
        return 0; /* makes curl stop with CURLE_WRITE_ERROR */
    }
    xc_buf_append(&t->body, data, n);
    return t->body.failed ? 0 : n;
}

/* A header's value, trimmed, when the line is "Name: value". */
static char *header_value(const char *line, size_t n, const char *name)
{
    size_t k = strlen(name);
    if (n <= k || strncasecmp(line, name, k) != 0 || line[k] != ':')
        return NULL;
    const char *v = line + k + 1, *end = line + n;
    while (v < end && (*v == ' ' || *v == '\t'))
        v++;
    while (end > v && (end[-1] == '\r' || end[-1] == '\n' || end[-1] == ' ' || end[-1] == '\t'))
        end--;
    if (end == v)
        return NULL;
    char *s = malloc((size_t)(end - v) + 1);
    if (s) {
        memcpy(s, v, (size_t)(end - v));
        s[end - v] = '\0';
    }
    return s;
}

static size_t on_header(char *data, size_t size, size_t count, void *user)
{
    transfer *t = user;
    size_t n = size * count;
    if (n >= 5 && strncmp(data, "HTTP/", 5) == 0) {
        /* a new response (after a redirect or a 100 Continue): its own headers */
        free(t->etag), free(t->last_modified);
        t->etag = t->last_modified = NULL;
        return n;
    }
    char *v;
    if ((v = header_value(data, n, "ETag")) != NULL) {
        free(t->etag);
        t->etag = v;
    } else if ((v = header_value(data, n, "Last-Modified")) != NULL) {
        free(t->last_modified);
        t->last_modified = v;
    }
    return n;
}

static int on_progress(void *user, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
                       curl_off_t ulnow)
{
    (void)dltotal, (void)dlnow, (void)ultotal, (void)ulnow;
    transfer *t = user;
    return t->cancel && *t->cancel ? 1 : 0;
}

bool xc_url_fetchable(const char *url)
{
    return url && (strncasecmp(url, "http://", 7) == 0 || strncasecmp(url, "https://", 8) == 0);
}

void xc_url_host(const char *url, char *out, size_t cap)
{
    out[0] = '\0';
    if (!cap)
        return;
    CURLU *u = curl_url();
    char *host = NULL;
    if (u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK && host) {
        size_t i = 0;
        for (; host[i] && i + 1 < cap; i++)
            out[i] = (char)(host[i] >= 'A' && host[i] <= 'Z' ? host[i] + 32 : host[i]);
        out[i] = '\0';
    }
    curl_free(host);
    curl_url_cleanup(u);
}

bool xc_content_type_charset(const char *content_type, char *out, size_t cap)
{
    if (!content_type || !cap)
        return false;
    const char *p = content_type;
    while ((p = strchr(p, ';')) != NULL) {
        p++;
        while (*p == ' ' || *p == '\t')
            p++;
        if (strncasecmp(p, "charset=", 8) != 0)
            continue;
        p += 8;
        if (*p == '"')
            p++;
        size_t n = 0;
        while (p[n] && p[n] != '"' && p[n] != ';' && p[n] != ' ' && n + 1 < cap) {
            out[n] = p[n];
            n++;
        }
        out[n] = '\0';
        return n > 0;
    }
    return false;
}

/* What a failed transfer means to a person. */
static xc_status transfer_failed(xc_error *err, CURLcode rc, const char *detail, const char *url,
                                 long timeout_ms, long connect_ms)
{
    const char *why = detail && *detail ? detail : curl_easy_strerror(rc);
    switch (rc) {
    case CURLE_OPERATION_TIMEDOUT:
        return xc_fail(err, XC_ERR_IO, "timed out (limit %.3g s, connect %.3g s): %s",
                       timeout_ms / 1000.0, connect_ms / 1000.0, why);
    case CURLE_COULDNT_CONNECT:
        return xc_fail(err, XC_ERR_IO, "cannot connect: %s", why);
    case CURLE_COULDNT_RESOLVE_HOST:
        return xc_fail(err, XC_ERR_IO, "unknown host: %s", why);
    case CURLE_TOO_MANY_REDIRECTS:
        return xc_fail(err, XC_ERR_IO, "more than %ld redirects", XC_FETCH_MAX_REDIRECTS);
    case CURLE_UNSUPPORTED_PROTOCOL:
        return xc_fail(err, XC_ERR_IO, "redirected to a URL that is not http or https");
    case CURLE_ABORTED_BY_CALLBACK:
        return xc_fail(err, XC_ERR_IO, "interrupted");
    default:
        (void)url;
        return xc_fail(err, XC_ERR_IO, "%s", why);
    }
}

xc_status xc_fetch(xc_fetcher *f, const char *url, const xc_fetch_options *options,
                   xc_fetch_result *out, xc_error *err)
{
    memset(out, 0, sizeof *out);
    if (!xc_url_fetchable(url))
        return xc_fail(err, XC_ERR_ARG, "not an http or https URL: %.200s", url ? url : "(none)");
    xc_fetch_options opt = options ? *options : (xc_fetch_options){0};
    if (opt.connect_timeout_ms <= 0)
        opt.connect_timeout_ms = XC_FETCH_CONNECT_TIMEOUT_MS;
    if (opt.timeout_ms <= 0)
        opt.timeout_ms = XC_FETCH_TIMEOUT_MS;
    if (!opt.max_bytes)
        opt.max_bytes = XC_FETCH_MAX_BYTES;

    CURL *c = f->curl;
    curl_easy_reset(c);
    transfer t = {.max = opt.max_bytes, .cancel = opt.cancel};
    char detail[CURL_ERROR_SIZE] = "";
    struct curl_slist *headers = NULL;
    char line[1024];
    if (opt.etag) {
        snprintf(line, sizeof line, "If-None-Match: %s", opt.etag);
        headers = curl_slist_append(headers, line);
    }
    if (opt.last_modified) {
        snprintf(line, sizeof line, "If-Modified-Since: %s", opt.last_modified);
        headers = curl_slist_append(headers, line);
    }
    if (opt.accept) {
        snprintf(line, sizeof line, "Accept: %s", opt.accept);
        headers = curl_slist_append(headers, line);
    }
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, XC_FETCH_MAX_REDIRECTS);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "crosscheck/" XC_VERSION);
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, ""); /* every encoding curl can decode */
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, opt.connect_timeout_ms);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, opt.timeout_ms);
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)opt.max_bytes);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, detail);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, &t);
    if (headers)
        curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);

    CURLcode rc = curl_easy_perform(c);
    curl_slist_free_all(headers);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, NULL);
    xc_status st = XC_OK;
    if (t.too_big || rc == CURLE_FILESIZE_EXCEEDED)
        st = xc_fail(err, XC_ERR_TOO_BIG, "too big: the response passes %zu bytes", opt.max_bytes);
    else if (t.body.failed)
        st = xc_fail(err, XC_ERR_NOMEM, "out of memory");
    else if (rc != CURLE_OK)
        st = transfer_failed(err, rc, detail, url, opt.timeout_ms, opt.connect_timeout_ms);
    if (st != XC_OK) {
        xc_buf_free(&t.body);
        free(t.etag), free(t.last_modified);
        return st;
    }
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &out->status);
    char *type = NULL, *final = NULL;
    curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &type);
    curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &final);
    out->content_type = type ? strdup(type) : NULL;
    out->final_url = strdup(final ? final : url);
    out->etag = t.etag;
    out->last_modified = t.last_modified;
    out->body = xc_buf_detach(&t.body, &out->body_len);
    if (!out->body) { /* an empty body: "" rather than NULL for the callers */
        out->body = calloc(1, 1);
        out->body_len = 0;
    }
    if (!out->final_url || !out->body || (type && !out->content_type)) {
        xc_fetch_result_free(out);
        return xc_fail(err, XC_ERR_NOMEM, "out of memory");
    }
    return XC_OK;
}
