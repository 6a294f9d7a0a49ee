/* The HTTP server (server.h): libmicrohttpd with a pool of request
 * threads; each request borrows a store connection for as long as it runs
 * and is answered by xc_api_handle. */
#include "server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../api/api.h"
#include "../core/context.h"
#include "../util/buf.h"
#include "../util/error.h"
#include "../util/clock.h"

#define DEFAULT_THREADS 4
#define MAX_THREADS 64
#define DEFAULT_TIMEOUT 10
#define CONNECTION_LIMIT 512
#define HEADER_MEMORY (64 * 1024) /* request line and headers of one connection */

/* No script, style or connection from anywhere but this server, no
 * framing: article text shown by the page can never run as code. */
static const char csp[] = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                          "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/* Store connections: `count` readers handed out one per request, and the
 * writer, which writes take in turn. */
typedef struct ctx_pool {
    pthread_mutex_t lock;
    pthread_cond_t returned;
    xc_ctx **free_list;
    size_t free_count, count;
    xc_ctx **all;
    xc_ctx *writer;
    pthread_mutex_t write_lock;
} ctx_pool;

struct xc_server {
    struct MHD_Daemon *daemon;
    xc_api *api;
    ctx_pool pool;
    size_t max_body;
    unsigned timeout;
    bool access_log;
    char url[96];
};

/* ---- the store pool --------------------------------------------------------- */

static bool pool_open(ctx_pool *p, const char *db_path, size_t readers, xc_error *err)
{
    memset(p, 0, sizeof *p);
    pthread_mutex_init(&p->lock, NULL);
    pthread_mutex_init(&p->write_lock, NULL);
    pthread_cond_init(&p->returned, NULL);
    /* The writer first: it creates and migrates a new store. */
    if (!(p->writer = xc_open(db_path, err)))
        return false;
    p->all = calloc(readers, sizeof *p->all);
    p->free_list = calloc(readers, sizeof *p->free_list);
    if (!p->all || !p->free_list) {
        xc_fail(err, XC_ERR_NOMEM, "out of memory");
        return false;
    }
    for (size_t i = 0; i < readers; i++) {
        if (!(p->all[i] = xc_open(db_path, err)))
            return false;
        p->free_list[p->free_count++] = p->all[i];
        p->count++;
    }
    return true;
}

static void pool_close(ctx_pool *p)
{
    for (size_t i = 0; i < p->count; i++)
        xc_close(p->all[i]);
    xc_close(p->writer);
    free(p->all);
    free(p->free_list);
    pthread_mutex_destroy(&p->lock);
    pthread_mutex_destroy(&p->write_lock);
    pthread_cond_destroy(&p->returned);
}

static xc_ctx *pool_borrow(ctx_pool *p)
{
    pthread_mutex_lock(&p->lock);
    while (p->free_count == 0)
        pthread_cond_wait(&p->returned, &p->lock);
    xc_ctx *ctx = p->free_list[--p->free_count];
    pthread_mutex_unlock(&p->lock);
    return ctx;
}

static void pool_return(ctx_pool *p, xc_ctx *ctx)
{
    pthread_mutex_lock(&p->lock);
    p->free_list[p->free_count++] = ctx;
    pthread_cond_signal(&p->returned);
    pthread_mutex_unlock(&p->lock);
}

/* ---- time limits --------------------------------------------------------------- */

typedef struct deadline {
    double at;
    bool passed;
} deadline;

/* SQLite calls this every few thousand steps of a query; non-zero
 * interrupts it, and the request answers 503. */
static int past_deadline(void *user)
{
    deadline *d = user;
    if (xc_seconds_now() > d->at)
        d->passed = true;
    return d->passed;
}

/* ---- one request ------------------------------------------------------------------ */

typedef struct request {
    xc_buf body;
    bool too_big;
    bool answered; /* refused before its body was read */
} request;

static const char *query_param(void *connection, const char *name)
{
    return MHD_lookup_connection_value(connection, MHD_GET_ARGUMENT_KIND, name);
}

static enum MHD_Result send_response(struct MHD_Connection *connection, const char *method, xc_api_response *res,
                                     const char *allow)
{
    size_t len;
    char *body = xc_buf_detach(&res->body, &len);
    struct MHD_Response *r = body ? MHD_create_response_from_buffer_with_free_callback(len, body, free)
                                  : MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
    if (!r) {
        free(body);
        return MHD_NO;
    }
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, res->content_type);
    MHD_add_response_header(r, "Content-Security-Policy", csp);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, res->cacheable ? "no-cache" : "no-store");
    if (res->status == 401)
        MHD_add_response_header(r, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer realm=\"crosscheck\"");
    if (res->status == 405 && allow)
        MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, allow);
    (void)method;
    enum MHD_Result ok = MHD_queue_response(connection, (unsigned)res->status, r);
    MHD_destroy_response(r);
    return ok;
}

/* Request bytes as one log line: control bytes, DEL and backslashes
 * escaped (a decoded %0a must not forge a line), long paths cut. */
static void log_escaped(FILE *out, const char *text, size_t limit)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++, n++) {
        if (n == limit) {
            fputs("...", out);
            return;
        }
        if (*p < 0x20 || *p == 0x7f || *p == '\\')
            fprintf(out, "\\x%02x", *p);
        else
            fputc(*p, out);
    }
}

static void log_request(const xc_server *s, const char *method, const char *url, int status, double started)
{
    if (!s->access_log && status < 500)
        return;
    flockfile(stderr); /* one line per request, whatever the other threads write */
    fputs("crosscheck serve: ", stderr);
    log_escaped(stderr, method, 32);
    fputc(' ', stderr);
    log_escaped(stderr, url, 2048);
    fprintf(stderr, " %d %.1f ms\n", status, (xc_seconds_now() - started) * 1000.0);
    funlockfile(stderr);
}

static enum MHD_Result answer(void *cls, struct MHD_Connection *connection, const char *url, const char *method,
                              const char *version, const char *upload_data, size_t *upload_data_size,
                              void **con_cls)
{
    (void)version;
    xc_server *s = cls;
    request *req = *con_cls;
    if (!req) {
        /* The first call has the headers only: refuse an oversized body
         * before reading it. */
        if (!(req = calloc(1, sizeof *req)))
            return MHD_NO;
        *con_cls = req;
        const char *length = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (!length || strtoull(length, NULL, 10) <= s->max_body)
            return MHD_YES;
        /* Answered now, without reading the body (the connection closes). */
        req->too_big = req->answered = true;
        xc_api_response res = {0};
        xc_api_error(&res, 413, "the body is over the limit of %zu bytes", s->max_body);
        enum MHD_Result ok = send_response(connection, method, &res, NULL);
        xc_buf_free(&res.body);
        log_request(s, method, url, 413, xc_seconds_now());
        return ok;
    }
    if (req->answered) {
        *upload_data_size = 0; /* the answer is queued; the rest is dropped */
        return MHD_YES;
    }
    if (*upload_data_size) {
        if (!req->too_big && req->body.len + *upload_data_size > s->max_body)
            req->too_big = true;
        if (!req->too_big)
            xc_buf_append(&req->body, upload_data, *upload_data_size);
        *upload_data_size = 0;
        return MHD_YES;
    }
    double started = xc_seconds_now();
    xc_api_response res = {0};
    xc_api_request r = {
        .method = method,
        .path = url,
        .param = query_param,
        .param_user = connection,
        .authorization = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION),
        .content_type = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE),
        .body = xc_buf_str(&req->body),
        .body_len = req->body.len,
    };
    if (req->too_big || req->body.failed) {
        xc_api_error(&res, 413, "the body is over the limit of %zu bytes", s->max_body);
    } else {
        bool writes = xc_api_writes(&r);
        deadline limit = {started + (double)s->timeout * (writes ? 10 : 1), false};
        xc_ctx *ctx;
        if (writes) {
            pthread_mutex_lock(&s->pool.write_lock);
            ctx = s->pool.writer;
        } else {
            ctx = pool_borrow(&s->pool);
        }
        sqlite3_progress_handler(ctx->store.db, 10000, past_deadline, &limit);
        xc_api_handle(s->api, ctx, &r, &res);
        sqlite3_progress_handler(ctx->store.db, 0, NULL, NULL);
        if (writes)
            pthread_mutex_unlock(&s->pool.write_lock);
        else
            pool_return(&s->pool, ctx);
        if (limit.passed)
            xc_api_error(&res, 503, "the request took longer than %u s; narrow it (limit, filters)",
                         s->timeout * (writes ? 10 : 1));
    }
    const char *allow = strcmp(url, "/api/articles") == 0 ? "POST" : "GET, HEAD";
    int status = res.status;
    enum MHD_Result ok = send_response(connection, method, &res, allow);
    xc_buf_free(&res.body);
    log_request(s, method, url, status, started);
    return ok;
}

static void request_done(void *cls, struct MHD_Connection *connection, void **con_cls,
                         enum MHD_RequestTerminationCode code)
{
    (void)cls, (void)connection, (void)code;
    request *req = *con_cls;
    if (req) {
        xc_buf_free(&req->body);
        free(req);
    }
    *con_cls = NULL;
}

/* ---- start and stop ------------------------------------------------------------- */

/* "HOST:PORT", "[V6]:PORT" or "PORT" into a socket address. */
static bool parse_listen(const char *listen, struct sockaddr_storage *addr, bool *v6, xc_error *err)
{
    char host[64] = "127.0.0.1";
    const char *port_text = listen;
    const char *colon = strrchr(listen, ':');
    if (listen[0] == '[') {
        const char *close = strchr(listen, ']');
        if (!close || close[1] != ':' || (size_t)(close - listen - 1) >= sizeof host)
            return xc_fail(err, XC_ERR_ARG, "--listen: \"%s\" is not [ADDRESS]:PORT", listen), false;
        memcpy(host, listen + 1, (size_t)(close - listen - 1));
        host[close - listen - 1] = '\0';
        port_text = close + 2;
    } else if (colon) {
        if ((size_t)(colon - listen) >= sizeof host)
            return xc_fail(err, XC_ERR_ARG, "--listen: the address in \"%s\" is too long", listen), false;
        memcpy(host, listen, (size_t)(colon - listen));
        host[colon - listen] = '\0';
        port_text = colon + 1;
    }
    char *end;
    errno = 0;
    long port = strtol(port_text, &end, 10);
    if (errno || *end || end == port_text || port < 0 || port > 65535)
        return xc_fail(err, XC_ERR_ARG, "--listen: \"%s\" has no port from 0 to 65535", listen), false;
    memset(addr, 0, sizeof *addr);
    struct sockaddr_in *in4 = (struct sockaddr_in *)addr;
    struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)addr;
    if (inet_pton(AF_INET, host, &in4->sin_addr) == 1) {
        in4->sin_family = AF_INET;
        in4->sin_port = htons((uint16_t)port);
        *v6 = false;
    } else if (inet_pton(AF_INET6, host, &in6->sin6_addr) == 1) {
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons((uint16_t)port);
        *v6 = true;
    } else {
        return xc_fail(err, XC_ERR_ARG, "--listen: \"%s\" is not an IP address (give 127.0.0.1:8080)", host), false;
    }
    return true;
}

xc_server *xc_server_start(const xc_server_options *o, xc_error *err)
{
    struct sockaddr_storage addr;
    bool v6;
    if (!parse_listen(o->listen ? o->listen : "127.0.0.1:8080", &addr, &v6, err))
        return NULL;
    xc_server *s = calloc(1, sizeof *s);
    if (!s) {
        xc_fail(err, XC_ERR_NOMEM, "out of memory");
        return NULL;
    }
    unsigned threads = o->threads ? o->threads : DEFAULT_THREADS;
    if (threads > MAX_THREADS)
        threads = MAX_THREADS;
    s->max_body = o->max_body ? o->max_body : XC_API_DEFAULT_MAX_BODY;
    s->timeout = o->timeout_seconds ? o->timeout_seconds : DEFAULT_TIMEOUT;
    s->access_log = o->access_log;
    xc_api_config config = {o->token, s->max_body};
    if (!(s->api = xc_api_new(&config))) {
        xc_fail(err, XC_ERR_NOMEM, "out of memory");
        free(s);
        return NULL;
    }
    if (!pool_open(&s->pool, o->db_path, threads, err)) {
        pool_close(&s->pool);
        xc_api_free(s->api);
        free(s);
        return NULL;
    }
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ERROR_LOG;
    if (v6)
        flags |= MHD_USE_IPv6;
    s->daemon = MHD_start_daemon(flags, 0, NULL, NULL, answer, s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
                                 MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_CONNECTION_TIMEOUT,
                                 s->timeout * 3, MHD_OPTION_CONNECTION_LIMIT, CONNECTION_LIMIT,
                                 MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)HEADER_MEMORY,
                                 MHD_OPTION_NOTIFY_COMPLETED, request_done, s, MHD_OPTION_END);
    if (!s->daemon) {
        xc_fail(err, XC_ERR_IO, "cannot listen on %s (in use, or not an address of this machine?)",
                o->listen ? o->listen : "127.0.0.1:8080");
        pool_close(&s->pool);
        xc_api_free(s->api);
        free(s);
        return NULL;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
    unsigned port = info ? info->port : 0;
    char host[INET6_ADDRSTRLEN] = "127.0.0.1";
    if (v6)
        inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&addr)->sin6_addr, host, sizeof host);
    else
        inet_ntop(AF_INET, &((struct sockaddr_in *)&addr)->sin_addr, host, sizeof host);
    snprintf(s->url, sizeof s->url, v6 ? "http://[%s]:%u/" : "http://%s:%u/", host, port);
    return s;
}

const char *xc_server_url(const xc_server *s) { return s->url; }

void xc_server_stop(xc_server *s)
{
    if (!s)
        return;
    MHD_stop_daemon(s->daemon);
    pool_close(&s->pool);
    xc_api_free(s->api);
    free(s);
}
