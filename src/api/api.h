/* The HTTP API without the HTTP: a request (method, path, parameters,
 * body) in, a status and a body out. The server (src/server/) does the
 * sockets; this file's functions can be called and tested without one.
 * docs/api.md describes every route. */
#ifndef XC_API_H
#define XC_API_H

#include <stdbool.h>
#include <stddef.h>

#include "crosscheck.h"
#include "../util/buf.h"

typedef struct xc_api xc_api;

typedef struct xc_api_config {
    const char *token;      /* the bearer token writes need; NULL: writes refused */
    size_t max_body;        /* bytes of a POST body; 0: XC_API_DEFAULT_MAX_BODY */
} xc_api_config;

#define XC_API_DEFAULT_MAX_BODY ((size_t)16 << 20)

/* A parameter of the query string by name, NULL when absent. */
typedef const char *(*xc_api_param_fn)(void *user, const char *name);

typedef struct xc_api_request {
    const char *method;         /* "GET", "HEAD", "POST", ...             */
    const char *path;           /* percent-decoded, without the query     */
    xc_api_param_fn param;      /* may be NULL: no parameters             */
    void *param_user;
    const char *authorization;  /* the Authorization header, or NULL      */
    const char *content_type;   /* of the body, or NULL                   */
    const char *body;
    size_t body_len;
} xc_api_request;

typedef struct xc_api_response {
    int status;
    const char *content_type;   /* static string                          */
    xc_buf body;                /* the caller frees it                    */
    bool cacheable;             /* a built-in file, not store data        */
} xc_api_response;

xc_api *xc_api_new(const xc_api_config *config);
void xc_api_free(xc_api *api);

/* Whether the request writes (it then needs the writer's context). */
bool xc_api_writes(const xc_api_request *req);

/* Answer one request with `ctx`. Thread-safe for distinct contexts. */
void xc_api_handle(xc_api *api, xc_ctx *ctx, const xc_api_request *req, xc_api_response *res);

/* An error response: {"error": {"status": N, "message": "..."}}. */
void xc_api_error(xc_api_response *res, int status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* The files built into the binary: the web page and the OpenAPI
 * document (build/gen/web_assets.c, from web/ and src/api/openapi.json). */
typedef struct xc_asset {
    const char *path;           /* "/index.html", "/api/openapi.json"     */
    const char *content_type;
    const unsigned char *data;
    size_t len;
} xc_asset;

const xc_asset *xc_asset_find(const char *path);

#endif
