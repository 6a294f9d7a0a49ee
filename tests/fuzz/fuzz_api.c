/* Fuzz the HTTP API without sockets: arbitrary method, path, query,
 * content type, Authorization and body to xc_api_handle, on a small store
 * made once (two short articles that form one story with a conflicting
 * count). The server has a token, so a body with the right one reaches the
 * JSON parser and ingest.
 *
 * Input: lines, the last field taking the rest:
 *   METHOD \n PATH[?QUERY] \n CONTENT-TYPE \n AUTH \n BODY
 * An empty METHOD is GET; PATH and QUERY are percent-decoded as the server
 * does (QUERY as name=value&...); AUTH "T" is the right bearer token, else
 * it is sent as it is (empty: none).
 *
 * Every answer must be a known status with a content type and a body of
 * valid UTF-8 JSON; a failure must be exactly the error object with the
 * answer's status; a 200 list must hold no more stories than its limit. */
#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crosscheck.h"
#include "api/api.h"

#define CHECK(cond) \
    do { \
        if (!(cond)) { \
            fprintf(stderr, "fuzz_api: check failed: %s (line %d)\n", #cond, __LINE__); \
            abort(); \
        } \
    } while (0)

#define TOKEN "fuzz-token"
#define MAX_PARAMS 16

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64];
static char db[128];
static xc_ctx *ctx;
static xc_api *api;

static const char articles[] =
    "{\"id\": \"f1\", \"title\": \"Fire at Kestane mill kills 12\", \"source\": \"Halcyon Wire Service\", "
    "\"published\": \"2026-04-01T08:00:00Z\", \"url\": \"https://halcyonwire.example/f1\", \"text\": \"KESTANE \\u2014 "
    "A fire at the old Kestane textile mill killed 12 workers on Tuesday night, the fire brigade said. Forty "
    "firefighters fought the blaze for six hours. \\u201cWe did everything we could,\\u201d said the mill's "
    "owner, Doran Pellick.\"}\n"
    "{\"id\": \"f2\", \"title\": \"Kestane mill fire: 15 workers dead\", \"source\": \"Radio Osprey\", "
    "\"published\": \"2026-04-01T12:00:00Z\", \"text\": \"A fire at the Kestane textile mill killed 15 workers on "
    "Tuesday night, according to the fire brigade. Owner Doran Pellick said: \\u201cWe did everything we "
    "could.\\u201d\"}\n";

static void remove_store(void)
{
    xc_api_free(api);
    xc_close(ctx);
    const char *suffixes[] = {"", "-wal", "-shm", "-journal"};
    for (size_t i = 0; i < 4; i++) {
        char path[160];
        snprintf(path, sizeof path, "%s%s", db, suffixes[i]);
        unlink(path);
    }
    rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    snprintf(dir, sizeof dir, "/tmp/crosscheck-fuzz-api-XXXXXX");
    CHECK(mkdtemp(dir));
    snprintf(db, sizeof db, "%s/api.db", dir);
    xc_error err = {0};
    ctx = xc_open(db, &err);
    CHECK(ctx);
    xc_ingest_options opt = {.format = XC_FORMAT_JSONL};
    xc_ingest_summary sum = {0};
    CHECK(xc_ingest_data(ctx, "seed.jsonl", articles, sizeof articles - 1, &opt, NULL, NULL, &sum, &err) == XC_OK);
    CHECK(sum.added == 2);
    xc_api_config config = {TOKEN, 1 << 16};
    api = xc_api_new(&config);
    CHECK(api);
    atexit(remove_store);
    return 0;
}

/* ---- the request ------------------------------------------------------------ */

static int hex(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Percent-decode in place ('+' as a space when `plus`); stops at a NUL. */
static void unescape(char *s, bool plus)
{
    char *out = s;
    for (char *in = s; *in; in++) {
        int hi, lo;
        if (*in == '%' && (hi = hex(in[1])) >= 0 && (lo = hex(in[2])) >= 0) {
            *out++ = (char)(hi << 4 | lo);
            in += 2;
        } else {
            *out++ = plus && *in == '+' ? ' ' : *in;
        }
    }
    *out = '\0';
}

typedef struct params {
    const char *name[MAX_PARAMS], *value[MAX_PARAMS];
    size_t count;
} params;

static const char *lookup(void *user, const char *name)
{
    params *p = user;
    for (size_t i = 0; i < p->count; i++)
        if (strcmp(p->name[i], name) == 0)
            return p->value[i];
    return NULL;
}

/* The next field: up to '\n' (or the end), NUL-terminated in place. */
static char *field(char **at, char *end)
{
    char *start = *at;
    char *nl = memchr(start, '\n', (size_t)(end - start));
    if (!nl)
        nl = end;
    *nl = '\0';
    *at = nl < end ? nl + 1 : end;
    return start;
}

/* ---- the answer ------------------------------------------------------------- */

static bool known_status(int s)
{
    static const int known[] = {200, 400, 401, 403, 404, 405, 408, 413, 415, 500, 503};
    for (size_t i = 0; i < sizeof known / sizeof *known; i++)
        if (s == known[i])
            return true;
    return false;
}

static void check_answer(const xc_api_request *req, const xc_api_response *res)
{
    CHECK(known_status(res->status));
    CHECK(res->content_type);
    const char *body = res->body.data ? res->body.data : "";
    size_t len = res->body.len;
    CHECK(!res->body.failed);
    if (strncmp(res->content_type, "application/json", 16) != 0) {
        /* a file of the web page: only ever a whole built-in file */
        CHECK(res->cacheable && res->status == 200);
        const xc_asset *a = xc_asset_find(strcmp(req->path, "/") == 0 ? "/index.html" : req->path);
        CHECK(a && a->len == len && memcmp(a->data, body, len) == 0);
        return;
    }
    CHECK(xc_utf8_valid(body, len, NULL));
    cJSON *json = cJSON_ParseWithLength(body, len);
    CHECK(json);
    if (res->status != 200 && !(res->status == 400 && cJSON_GetObjectItemCaseSensitive(json, "items"))) {
        /* exactly {"error": {"status": N, "message": "..."}} */
        CHECK(cJSON_GetArraySize(json) == 1);
        const cJSON *e = cJSON_GetObjectItemCaseSensitive(json, "error");
        CHECK(cJSON_IsObject(e) && cJSON_GetArraySize(e) == 2);
        const cJSON *status = cJSON_GetObjectItemCaseSensitive(e, "status");
        const cJSON *message = cJSON_GetObjectItemCaseSensitive(e, "message");
        CHECK(cJSON_IsNumber(status) && status->valueint == res->status);
        CHECK(cJSON_IsString(message) && message->valuestring[0]);
        CHECK(!res->cacheable);
    } else if (res->status == 200 && strcmp(req->path, "/api/stories") == 0) {
        const cJSON *limit = cJSON_GetObjectItemCaseSensitive(json, "limit");
        const cJSON *stories = cJSON_GetObjectItemCaseSensitive(json, "stories");
        const cJSON *total = cJSON_GetObjectItemCaseSensitive(json, "total");
        CHECK(cJSON_IsNumber(limit) && limit->valueint >= 1 && limit->valueint <= 200);
        CHECK(cJSON_IsArray(stories) && cJSON_GetArraySize(stories) <= limit->valueint);
        CHECK(cJSON_IsNumber(total) && total->valuedouble >= 0);
    }
    /* a write is only ever answered to POST /api/articles */
    if (cJSON_GetObjectItemCaseSensitive(json, "items"))
        CHECK(xc_api_writes(req));
    cJSON_Delete(json);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *copy = malloc(size + 1);
    if (!copy)
        return 0;
    memcpy(copy, data, size);
    copy[size] = '\0';
    char *at = copy, *end = copy + size;
    char *method = field(&at, end);
    char *target = field(&at, end);
    char *content_type = field(&at, end);
    char *auth = field(&at, end);
    const char *body = at;
    size_t body_len = (size_t)(end - at);

    params p = {.count = 0};
    char *query = strchr(target, '?');
    if (query) {
        *query++ = '\0';
        for (char *pair = query; pair && *pair && p.count < MAX_PARAMS;) {
            char *next = strchr(pair, '&');
            if (next)
                *next++ = '\0';
            char *eq = strchr(pair, '=');
            if (eq)
                *eq++ = '\0';
            unescape(pair, true);
            if (eq)
                unescape(eq, true);
            p.name[p.count] = pair;
            p.value[p.count] = eq ? eq : "";
            p.count++;
            pair = next;
        }
    }
    unescape(target, false);

    xc_api_request req = {
        .method = *method ? method : "GET",
        .path = target,
        .param = lookup,
        .param_user = &p,
        .authorization = strcmp(auth, "T") == 0 ? "Bearer " TOKEN : *auth ? auth : NULL,
        .content_type = *content_type ? content_type : NULL,
        .body = body,
        .body_len = body_len,
    };
    xc_api_response res = {0};
    xc_api_handle(api, ctx, &req, &res);
    check_answer(&req, &res);
    xc_buf_free(&res.body);
    free(copy);
    return 0;
}
