/* The HTTP API's routes (api.h, docs/api.md): each one reads the store
 * through the public queries and writes its answer with json_views.c. */
#include "api.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <xxhash.h>

#include "json_views.h"
#include "../core/context.h"
#include "../store/store.h"
#include "../util/error.h"
#include "../util/intmap.h"
#include "../util/json_writer.h"
#include "../util/vec.h"
#include "../util/clock.h"

#define LIST_DEFAULT 20
#define LIST_MAX 200
#define SEARCH_MAX 100
#define STORY_ENTITIES 40
#define ENTITY_STORIES 50

struct xc_api {
    char *token;
    size_t max_body;
    /* A story's conflict and update counts for the story list, kept for
     * each version of the story (a write leaves the stories it did not
     * touch as they were, and their counts with them). */
    pthread_mutex_t lock;
    int64_t generation;
    xc_intmap verdicts; /* hash of story version → conflicts << 16 | updates */
    /* The answers for story pages that were slow to make (big stories:
     * their ledgers and brief), kept for the same generation. */
    struct {
        struct cached_story *items;
        size_t count, capacity, bytes;
    } stories;
};

typedef struct cached_story {
    int64_t id;
    char *json;
    size_t len;
} cached_story;

#define SLOW_STORY_SECONDS 0.02
#define VERDICTS_KEPT ((size_t)1 << 20)
#define STORY_CACHE_BYTES ((size_t)64 << 20)

static void forget_stories(xc_api *api)
{
    for (size_t i = 0; i < api->stories.count; i++)
        free(api->stories.items[i].json);
    api->stories.count = 0;
    api->stories.bytes = 0;
}

/* The store's generation counts committed batches: when it moves, a
 * cached story page may have changed. Call with the lock held. */
static void follow_generation(xc_api *api, int64_t generation)
{
    if (generation == api->generation)
        return;
    forget_stories(api);
    api->generation = generation;
}

xc_api *xc_api_new(const xc_api_config *config)
{
    xc_api *api = calloc(1, sizeof *api);
    if (!api)
        return NULL;
    if (config && config->token && *config->token && !(api->token = strdup(config->token))) {
        free(api);
        return NULL;
    }
    api->max_body = config && config->max_body ? config->max_body : XC_API_DEFAULT_MAX_BODY;
    api->generation = -1;
    pthread_mutex_init(&api->lock, NULL);
    return api;
}

void xc_api_free(xc_api *api)
{
    if (!api)
        return;
    if (api->token)
        memset(api->token, 0, strlen(api->token));
    free(api->token);
    xc_intmap_free(&api->verdicts);
    forget_stories(api);
    free(api->stories.items);
    pthread_mutex_destroy(&api->lock);
    free(api);
}

/* ---- responses -------------------------------------------------------------- */

static const char json_type[] = "application/json; charset=utf-8";

void xc_api_error(xc_api_response *res, int status, const char *fmt, ...)
{
    char message[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    /* A message may quote the request (its method, path or a parameter:
     * any bytes), and %.40s may cut a character: the answer stays UTF-8. */
    size_t len = strlen(message);
    char *repaired = xc_utf8_valid(message, len, NULL) ? NULL : xc_utf8_repair(message, len, NULL, NULL);
    xc_buf_reset(&res->body);
    xc_json j;
    xc_json_init(&j, &res->body);
    xc_json_object_begin(&j);
    xc_json_key(&j, "error");
    xc_json_object_begin(&j);
    xc_json_key(&j, "status"), xc_json_int(&j, status);
    xc_json_key(&j, "message"), xc_json_string(&j, repaired ? repaired : message);
    xc_json_object_end(&j);
    xc_json_object_end(&j);
    free(repaired);
    res->status = status;
    res->content_type = json_type;
    res->cacheable = false;
}

/* An error from the store's queries, with the status that fits it. */
static void fail_with(xc_api_response *res, const xc_error *err)
{
    int status;
    switch (err->status) {
    case XC_ERR_NOT_FOUND: status = 404; break;
    case XC_ERR_ARG:
    case XC_ERR_FORMAT:
    case XC_ERR_UTF8: status = 400; break;
    case XC_ERR_TOO_BIG: status = 413; break;
    default: status = 500; break;
    }
    xc_api_error(res, status, "%s", err->message[0] ? err->message : xc_status_name(err->status));
}

static void ok_json(xc_api_response *res)
{
    res->status = 200;
    res->content_type = json_type;
}

/* The JSON written so far is the answer, unless the query failed. */
static void finish(xc_api_response *res, xc_status st, const xc_error *err)
{
    if (st != XC_OK)
        fail_with(res, err);
    else
        ok_json(res);
}

/* ---- parameters ------------------------------------------------------------- */

static const char *param(const xc_api_request *req, const char *name)
{
    const char *v = req->param ? req->param(req->param_user, name) : NULL;
    return v && *v ? v : NULL;
}

/* A whole number in [min, max]; false (and a 400) otherwise. */
static bool number_param(const xc_api_request *req, xc_api_response *res, const char *name, long long min,
                         long long max, long long *out)
{
    const char *v = param(req, name);
    if (!v)
        return true;
    char *end;
    errno = 0;
    long long n = strtoll(v, &end, 10);
    if (errno || *end || end == v || n < min || n > max) {
        xc_api_error(res, 400, "%s must be a whole number from %lld to %lld, not \"%.40s\"", name, min, max, v);
        return false;
    }
    *out = n;
    return true;
}

/* The id after a route's prefix: a positive number. */
static bool id_in_path(const char *rest, int64_t *id)
{
    char *end;
    errno = 0;
    long long n = strtoll(rest, &end, 10);
    if (errno || *end || end == rest || n <= 0 || rest[0] == '+' || rest[0] == ' ')
        return false;
    *id = n;
    return true;
}

/* ---- GET /health -------------------------------------------------------------- */

static void health(xc_ctx *ctx, xc_api_response *res)
{
    xc_store_stats stats;
    xc_error err = {0};
    if (xc_stats(ctx, &stats, &err) != XC_OK) {
        xc_api_error(res, 503, "the store cannot be read: %s", err.message);
        return;
    }
    xc_json j;
    xc_json_init(&j, &res->body);
    xc_json_object_begin(&j);
    xc_json_key(&j, "status"), xc_json_string(&j, "ok");
    xc_json_key(&j, "schema"), xc_json_int(&j, stats.schema_version);
    xc_json_key(&j, "articles"), xc_json_int(&j, (int64_t)stats.articles);
    xc_json_key(&j, "stories"), xc_json_int(&j, (int64_t)stats.stories);
    xc_json_key(&j, "entities"), xc_json_int(&j, (int64_t)stats.entities);
    xc_json_object_end(&j);
    ok_json(res);
}

/* ---- GET /api/stories ------------------------------------------------------------ */

typedef struct verdict_count {
    size_t conflicts, updates;
} verdict_count;

static int count_verdict(void *user, const xc_fact *f)
{
    verdict_count *c = user;
    if (strcmp(f->verdict, "conflict") == 0)
        c->conflicts++;
    else if (strcmp(f->verdict, "update") == 0)
        c->updates++;
    return 0;
}

/* A story's facts change only with its members: its id, size and latest
 * member name the version the counts belong to. */
static uint64_t story_version(const xc_story *s)
{
    int64_t parts[3] = {s->id, (int64_t)s->article_count, s->last_seq};
    return XXH3_64bits(parts, sizeof parts);
}

static verdict_count story_verdicts(xc_api *api, xc_ctx *ctx, const xc_story *story)
{
    uint64_t version = story_version(story);
    uint32_t packed;
    pthread_mutex_lock(&api->lock);
    bool cached = xc_intmap_get(&api->verdicts, version, &packed);
    pthread_mutex_unlock(&api->lock);
    if (cached)
        return (verdict_count){packed >> 16, packed & 0xffff};
    verdict_count c = {0};
    xc_error err = {0};
    if (xc_story_facts(ctx, story->id, count_verdict, &c, &err) != XC_OK)
        return c; /* not cached: asked again next time */
    if (c.conflicts > 0xffff)
        c.conflicts = 0xffff;
    if (c.updates > 0xffff)
        c.updates = 0xffff;
    pthread_mutex_lock(&api->lock);
    if (api->verdicts.count >= VERDICTS_KEPT) { /* old versions pile up: start again */
        xc_intmap_free(&api->verdicts);
        memset(&api->verdicts, 0, sizeof api->verdicts);
    }
    xc_intmap_put(&api->verdicts, version, (uint32_t)(c.conflicts << 16 | c.updates));
    pthread_mutex_unlock(&api->lock);
    return c;
}

typedef struct list_view {
    xc_api *api;
    xc_ctx *ctx;
    xc_json *j;
} list_view;

static int on_listed_story(void *user, const xc_story *s)
{
    list_view *v = user;
    verdict_count c = story_verdicts(v->api, v->ctx, s);
    xc_json_object_begin(v->j);
    xc_view_story_fields(v->j, s, false);
    xc_json_key(v->j, "conflicts"), xc_json_int(v->j, (int64_t)c.conflicts);
    xc_json_key(v->j, "updates"), xc_json_int(v->j, (int64_t)c.updates);
    xc_json_object_end(v->j);
    return 0;
}

static void list_stories(xc_api *api, xc_ctx *ctx, const xc_api_request *req, xc_api_response *res)
{
    static const struct {
        const char *name;
        xc_story_order order;
    } sorts[] = {{"recent", XC_STORIES_BY_RECENCY}, {"size", XC_STORIES_BY_SIZE}, {"outlets", XC_STORIES_BY_OUTLETS}};
    long long limit = LIST_DEFAULT, offset = 0, min_size = 0, entity = 0;
    if (!number_param(req, res, "limit", 1, LIST_MAX, &limit) ||
        !number_param(req, res, "offset", 0, 1000000000, &offset) ||
        !number_param(req, res, "min_size", 0, 1000000000, &min_size) ||
        !number_param(req, res, "entity", 1, INT64_MAX, &entity))
        return;
    const char *sort = param(req, "sort") ? param(req, "sort") : "recent";
    size_t which = 0;
    while (which < sizeof sorts / sizeof *sorts && strcmp(sorts[which].name, sort))
        which++;
    if (which == sizeof sorts / sizeof *sorts) {
        xc_api_error(res, 400, "sort must be recent, size or outlets, not \"%.40s\"", sort);
        return;
    }
    xc_story_query q = {
        .order = sorts[which].order,
        .limit = (size_t)limit,
        .offset = (size_t)offset,
        .min_articles = (size_t)min_size,
        .articles_per_story = 1, /* a list shows no articles */
        .from = param(req, "from"),
        .to = param(req, "to"),
        .outlet = param(req, "outlet"),
        .entity = entity,
        .text = param(req, "q"),
    };
    size_t total;
    xc_error err = {0};
    if (xc_stories_count(ctx, &q, &total, &err) != XC_OK) {
        fail_with(res, &err);
        return;
    }
    xc_json j;
    xc_json_init(&j, &res->body);
    xc_json_object_begin(&j);
    xc_json_key(&j, "total"), xc_json_int(&j, (int64_t)total);
    xc_json_key(&j, "offset"), xc_json_int(&j, offset);
    xc_json_key(&j, "limit"), xc_json_int(&j, limit);
    xc_json_key(&j, "sort"), xc_json_string(&j, sorts[which].name);
    xc_json_key(&j, "stories");
    xc_json_array_begin(&j);
    list_view view = {api, ctx, &j};
    xc_status st = xc_stories_each(ctx, &q, on_listed_story, &view, &err);
    xc_json_array_end(&j);
    xc_json_object_end(&j);
    finish(res, st, &err);
}

/* ---- GET /api/stories/{id} --------------------------------------------------------- */

typedef struct story_view {
    xc_ctx *ctx;
    xc_json *j;
    xc_status status;
    xc_error err;
} story_view;

static int on_brief(void *user, const xc_brief *b)
{
    xc_json *j = user;
    xc_json_key(j, "brief");
    xc_json_object_begin(j);
    xc_view_brief_sentences(j, b);
    xc_json_object_end(j);
    xc_view_timeline(j, b);
    return 0;
}

static int on_story(void *user, const xc_story *s)
{
    story_view *v = user;
    xc_json_object_begin(v->j);
    xc_view_story_fields(v->j, s, true);
    v->status = xc_view_story_ledger(v->j, v->ctx, s->id, STORY_ENTITIES, &v->err);
    if (v->status == XC_OK)
        v->status = xc_story_brief(v->ctx, s->id, NULL, on_brief, v->j, &v->err);
    xc_json_object_end(v->j);
    return 0;
}

static bool cached_story_copy(xc_api *api, int64_t generation, int64_t id, xc_api_response *res)
{
    bool found = false;
    pthread_mutex_lock(&api->lock);
    follow_generation(api, generation);
    for (size_t i = 0; i < api->stories.count && !found; i++)
        if (api->stories.items[i].id == id) {
            xc_buf_append(&res->body, api->stories.items[i].json, api->stories.items[i].len);
            found = true;
        }
    pthread_mutex_unlock(&api->lock);
    return found && !res->body.failed;
}

static void cache_story(xc_api *api, int64_t generation, int64_t id, const xc_buf *json)
{
    if (json->len > STORY_CACHE_BYTES / 4)
        return;
    char *copy = malloc(json->len + 1);
    if (!copy)
        return;
    memcpy(copy, xc_buf_str(json), json->len + 1);
    cached_story entry = {id, copy, json->len};
    pthread_mutex_lock(&api->lock);
    follow_generation(api, generation);
    if (api->stories.bytes + json->len > STORY_CACHE_BYTES)
        forget_stories(api); /* start again rather than track use */
    for (size_t i = 0; i < api->stories.count; i++)
        if (api->stories.items[i].id == id) /* another thread made it too */
            entry.json = NULL;
    if (entry.json && XC_VEC_PUSH(&api->stories, entry)) {
        api->stories.bytes += json->len;
        copy = NULL;
    }
    pthread_mutex_unlock(&api->lock);
    free(copy);
}

static void get_story(xc_api *api, xc_ctx *ctx, int64_t id, xc_api_response *res)
{
    int64_t generation = xc_store_meta_int(&ctx->store, "generation", 0);
    if (cached_story_copy(api, generation, id, res)) {
        ok_json(res);
        return;
    }
    xc_buf_reset(&res->body);
    double started = xc_seconds_now();
    xc_json j;
    xc_json_init(&j, &res->body);
    story_view view = {ctx, &j, XC_OK, {0}};
    xc_status st = xc_story_get(ctx, id, on_story, &view, &view.err);
    if (st == XC_OK)
        st = view.status;
    finish(res, st, &view.err);
    if (st == XC_OK && !res->body.failed && xc_seconds_now() - started > SLOW_STORY_SECONDS)
        cache_story(api, generation, id, &res->body);
}

/* ---- GET /api/articles/{id} -------------------------------------------------------- */

static int on_article(void *user, const xc_article *a)
{
    xc_json *j = user;
    xc_json_object_begin(j);
    xc_view_article_fields(j, a);
    xc_view_story_field(j, a->story);
    xc_view_membership_fields(j, a);
    xc_json_key(j, "text"), xc_json_string_n(j, a->text, a->text_len);
    return 0;
}

/* The marks of one article, one JSON array per kind. */
typedef struct mark_arrays {
    xc_buf buf[4];
    xc_json j[4];
} mark_arrays;

static void number_or_null(xc_json *j, double v)
{
    if (isfinite(v))
        xc_json_double(j, v);
    else
        xc_json_null(j);
}

static int on_mark(void *user, const xc_mark *m)
{
    mark_arrays *arrays = user;
    if ((unsigned)m->kind > XC_MARK_DATE)
        return 0;
    xc_json *j = &arrays->j[m->kind];
    xc_json_object_begin(j);
    xc_json_key(j, "start"), xc_json_int(j, (int64_t)m->start);
    xc_json_key(j, "end"), xc_json_int(j, (int64_t)m->end);
    xc_json_key(j, "text"), xc_json_string(j, m->text);
    switch (m->kind) {
    case XC_MARK_MENTION:
        xc_json_key(j, "entity"), xc_json_int(j, m->entity);
        xc_json_key(j, "type"), xc_json_string(j, m->label);
        xc_json_key(j, "role"), xc_json_string(j, m->detail);
        break;
    case XC_MARK_QUOTE:
        xc_json_key(j, "speaker"), xc_json_string(j, m->label);
        xc_json_key(j, "entity");
        if (m->entity)
            xc_json_int(j, m->entity);
        else
            xc_json_null(j);
        xc_json_key(j, "cue"), xc_json_string(j, m->detail);
        break;
    case XC_MARK_NUMBER:
        xc_json_key(j, "kind"), xc_json_string(j, m->label);
        xc_json_key(j, "low"), number_or_null(j, m->low);
        xc_json_key(j, "high"), number_or_null(j, m->high);
        xc_json_key(j, "unit"), xc_json_string(j, m->unit);
        xc_json_key(j, "thing"), xc_json_string(j, m->detail);
        break;
    case XC_MARK_DATE:
        xc_json_key(j, "type"), xc_json_string(j, m->label);
        xc_json_key(j, "value"), xc_json_string(j, m->detail);
        break;
    }
    xc_json_object_end(j);
    return 0;
}

static void get_article(xc_ctx *ctx, const char *id, xc_api_response *res)
{
    static const char *const names[] = {"mentions", "quotes", "numbers", "dates"};
    xc_json j;
    xc_json_init(&j, &res->body);
    xc_error err = {0};
    if (xc_article_get(ctx, id, on_article, &j, &err) != XC_OK) {
        fail_with(res, &err);
        return;
    }
    mark_arrays arrays = {0};
    for (int k = 0; k < 4; k++) {
        xc_json_init(&arrays.j[k], &arrays.buf[k]);
        xc_json_array_begin(&arrays.j[k]);
    }
    xc_status st = xc_article_marks(ctx, id, on_mark, &arrays, &err);
    for (int k = 0; k < 4; k++) {
        xc_json_array_end(&arrays.j[k]);
        xc_json_key(&j, names[k]);
        xc_json_raw(&j, xc_buf_str(&arrays.buf[k]));
        xc_buf_free(&arrays.buf[k]);
    }
    xc_json_object_end(&j);
    finish(res, st, &err);
}

/* ---- GET /api/entities/{id} -------------------------------------------------------- */

static int on_entity_story(void *user, const xc_story *s)
{
    xc_json *j = user;
    xc_json_object_begin(j);
    xc_json_key(j, "id"), xc_json_int(j, s->id);
    xc_json_key(j, "title"), xc_json_string(j, s->title);
    xc_json_key(j, "size"), xc_json_int(j, (int64_t)s->article_count);
    xc_json_key(j, "independent_outlets"), xc_json_int(j, (int64_t)s->independent_outlets);
    xc_json_key(j, "last_published"), xc_json_string(j, s->last_published);
    xc_json_object_end(j);
    return 0;
}

typedef struct entity_view {
    xc_ctx *ctx;
    xc_json *j;
    bool found;
    xc_status status;
    xc_error err;
} entity_view;

static int on_entity(void *user, const xc_entity *e)
{
    entity_view *v = user;
    v->found = true;
    xc_json_object_begin(v->j);
    xc_view_entity_fields(v->j, e);
    xc_json_key(v->j, "stories");
    xc_json_array_begin(v->j);
    xc_story_query q = {.order = XC_STORIES_BY_RECENCY, .limit = ENTITY_STORIES, .articles_per_story = 1,
                        .entity = e->id};
    v->status = xc_stories_each(v->ctx, &q, on_entity_story, v->j, &v->err);
    xc_json_array_end(v->j);
    xc_json_object_end(v->j);
    return 1;
}

static void get_entity(xc_ctx *ctx, int64_t id, xc_api_response *res)
{
    xc_json j;
    xc_json_init(&j, &res->body);
    entity_view view = {ctx, &j, false, XC_OK, {0}};
    xc_entity_query q = {.id = id};
    xc_status st = xc_entities_each(ctx, &q, on_entity, &view, &view.err);
    if (st == XC_OK)
        st = view.status;
    if (st != XC_OK)
        fail_with(res, &view.err);
    else if (!view.found)
        xc_api_error(res, 404, "no entity %lld", (long long)id);
    else
        ok_json(res);
}

/* ---- GET /api/search ---------------------------------------------------------------- */

/* Matches come marked with two private-use characters, which the answer
 * turns into parts: the page shows them without parsing any markup. */
#define MARK_OPEN "\xEE\x80\x80"  /* U+E000 */
#define MARK_CLOSE "\xEE\x80\x81" /* U+E001 */

static void snippet_parts(xc_json *j, const char *s)
{
    xc_json_array_begin(j);
    bool match = false;
    while (s && *s) {
        const char *mark = strstr(s, match ? MARK_CLOSE : MARK_OPEN);
        size_t n = mark ? (size_t)(mark - s) : strlen(s);
        if (n) {
            xc_json_object_begin(j);
            xc_json_key(j, "text"), xc_json_string_n(j, s, n);
            xc_json_key(j, "match"), xc_json_bool(j, match);
            xc_json_object_end(j);
        }
        if (!mark)
            break;
        s = mark + 3;
        match = !match;
    }
    xc_json_array_end(j);
}

static int on_hit(void *user, const xc_search_hit *h)
{
    xc_json *j = user;
    xc_json_object_begin(j);
    xc_view_article_fields(j, h->article);
    xc_view_story_field(j, h->article->story);
    xc_json_key(j, "score"), xc_json_double(j, h->score);
    xc_json_key(j, "snippet"), snippet_parts(j, h->snippet);
    xc_json_object_end(j);
    return 0;
}

static void search(xc_ctx *ctx, const xc_api_request *req, xc_api_response *res)
{
    long long limit = 20;
    if (!number_param(req, res, "limit", 1, SEARCH_MAX, &limit))
        return;
    const char *q = param(req, "q");
    if (!q) {
        xc_api_error(res, 400, "search needs q, the words to look for: /api/search?q=ferry");
        return;
    }
    if (!xc_utf8_valid(q, strlen(q), NULL)) { /* the answer repeats it */
        xc_api_error(res, 400, "q is not UTF-8 text");
        return;
    }
    xc_search_options opt = {.limit = (size_t)limit, .mark_open = MARK_OPEN, .mark_close = MARK_CLOSE};
    xc_json j;
    xc_json_init(&j, &res->body);
    xc_json_object_begin(&j);
    xc_json_key(&j, "query"), xc_json_string(&j, q);
    xc_json_key(&j, "hits");
    xc_json_array_begin(&j);
    xc_error err = {0};
    xc_status st = xc_search(ctx, q, &opt, on_hit, &j, &err);
    xc_json_array_end(&j);
    xc_json_object_end(&j);
    finish(res, st, &err);
}

/* ---- POST /api/articles ------------------------------------------------------------- */

/* Compare without stopping at the first difference, so the time taken
 * says nothing about how much of a guess was right. */
static bool same_secret(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    unsigned char diff = (unsigned char)(n != m);
    for (size_t i = 0; i < m; i++)
        diff |= (unsigned char)(a[i % (n ? n : 1)] ^ b[i]);
    return diff == 0 && n == m;
}

static bool media_type_is(const char *content_type, const char *type)
{
    if (!content_type)
        return false;
    size_t n = strlen(type);
    return strncasecmp(content_type, type, n) == 0 && (content_type[n] == '\0' || content_type[n] == ';' ||
                                                       content_type[n] == ' ');
}

/* Items are reported as they are decided (a bad line at once, a stored
 * one when its batch commits); the answer lists them in input order. */
typedef struct item_entry {
    long line;
    size_t order;
    char *json;
} item_entry;

typedef struct item_log {
    item_entry *items;
    size_t count, capacity;
    bool failed;
} item_log;

static void on_item(void *user, const xc_item_report *r)
{
    static const char *const outcomes[] = {"added", "updated", "unchanged", "failed", "warning"};
    item_log *log = user;
    xc_buf buf = {0};
    xc_json j;
    xc_json_init(&j, &buf);
    xc_json_object_begin(&j);
    xc_json_key(&j, "line"), xc_json_int(&j, r->line);
    xc_json_key(&j, "id"), xc_json_string(&j, r->article_id);
    xc_json_key(&j, "outcome"), xc_json_string(&j, outcomes[r->outcome]);
    if (r->message)
        xc_json_key(&j, "message"), xc_json_string(&j, r->message);
    xc_json_object_end(&j);
    item_entry e = {r->line, log->count, xc_buf_detach(&buf, NULL)};
    if (!e.json || !XC_VEC_PUSH(log, e)) {
        free(e.json);
        log->failed = true;
    }
}

static int by_line(const void *a, const void *b)
{
    const item_entry *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

static void write_items(xc_json *j, item_log *log)
{
    if (log->count > 1)
        qsort(log->items, log->count, sizeof *log->items, by_line);
    xc_json_array_begin(j);
    for (size_t i = 0; i < log->count; i++) {
        xc_json_raw(j, log->items[i].json);
        free(log->items[i].json);
    }
    xc_json_array_end(j);
    free(log->items);
    memset(log, 0, sizeof *log);
}

/* A JSON body (one object, or an array of them) as JSON Lines. */
static bool json_to_lines(const char *body, size_t len, xc_buf *lines, xc_api_response *res)
{
    cJSON *root = cJSON_ParseWithLength(body, len);
    if (!root) {
        xc_api_error(res, 400, "the body is not JSON (near byte %zu)",
                     cJSON_GetErrorPtr() ? (size_t)(cJSON_GetErrorPtr() - body) : 0);
        return false;
    }
    bool ok = true;
    if (cJSON_IsObject(root) || cJSON_IsArray(root)) {
        const cJSON *item = cJSON_IsArray(root) ? root->child : root;
        for (; item && ok; item = cJSON_IsArray(root) ? item->next : NULL) {
            char *line = cJSON_PrintUnformatted(item);
            if (!line) {
                xc_api_error(res, 500, "out of memory");
                ok = false;
                break;
            }
            xc_buf_puts(lines, line);
            xc_buf_putc(lines, '\n');
            free(line);
        }
    } else {
        xc_api_error(res, 400, "the body must be an article object or an array of them");
        ok = false;
    }
    cJSON_Delete(root);
    return ok;
}

static void post_articles(xc_api *api, xc_ctx *ctx, const xc_api_request *req, xc_api_response *res)
{
    if (!api->token) {
        xc_api_error(res, 403, "writes are off: start the server with CROSSCHECK_TOKEN set or --token-file");
        return;
    }
    const char *auth = req->authorization;
    if (!auth || strncasecmp(auth, "Bearer ", 7) != 0 || !same_secret(api->token, auth + 7)) {
        xc_api_error(res, 401, "this needs the server's token: Authorization: Bearer TOKEN");
        return;
    }
    if (req->body_len > api->max_body) {
        xc_api_error(res, 413, "the body has %zu bytes; the limit is %zu", req->body_len, api->max_body);
        return;
    }
    xc_buf converted = {0};
    const char *lines = req->body;
    size_t len = req->body_len;
    if (media_type_is(req->content_type, "application/json")) {
        if (!json_to_lines(req->body, req->body_len, &converted, res)) {
            xc_buf_free(&converted);
            return;
        }
        lines = xc_buf_str(&converted), len = converted.len;
    } else if (!media_type_is(req->content_type, "application/x-ndjson") &&
               !media_type_is(req->content_type, "application/jsonl") &&
               !media_type_is(req->content_type, "application/json-lines")) {
        xc_api_error(res, 415, "send application/json (an article or an array) or application/x-ndjson (JSON Lines)");
        return;
    }
    item_log log = {0};
    xc_ingest_options opt = {.format = XC_FORMAT_JSONL};
    xc_ingest_summary sum = {0};
    xc_error err = {0};
    xc_status st = xc_ingest_data(ctx, "request", lines, len, &opt, on_item, &log, &sum, &err);
    xc_buf_free(&converted);
    if (st == XC_OK && log.failed)
        st = xc_fail(&err, XC_ERR_NOMEM, "out of memory");
    xc_json j;
    xc_json_init(&j, &res->body);
    xc_json_object_begin(&j);
    xc_json_key(&j, "added"), xc_json_int(&j, (int64_t)sum.added);
    xc_json_key(&j, "updated"), xc_json_int(&j, (int64_t)sum.updated);
    xc_json_key(&j, "unchanged"), xc_json_int(&j, (int64_t)sum.unchanged);
    xc_json_key(&j, "failed"), xc_json_int(&j, (int64_t)sum.failed);
    xc_json_key(&j, "items"), write_items(&j, &log);
    xc_json_object_end(&j);
    if (st != XC_OK) {
        fail_with(res, &err);
        return;
    }
    ok_json(res);
    if (sum.added + sum.updated + sum.unchanged == 0)
        res->status = 400;
}

/* ---- routing ---------------------------------------------------------------------- */

bool xc_api_writes(const xc_api_request *req)
{
    return strcmp(req->method, "POST") == 0 && strcmp(req->path, "/api/articles") == 0;
}

static const char *after(const char *path, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncmp(path, prefix, n) == 0 ? path + n : NULL;
}

static void serve_asset(const char *path, xc_api_response *res)
{
    const xc_asset *a = xc_asset_find(strcmp(path, "/") == 0 ? "/index.html" : path);
    if (!a) {
        xc_api_error(res, 404, "nothing at %.200s", path);
        return;
    }
    xc_buf_append(&res->body, a->data, a->len);
    res->status = 200;
    res->content_type = a->content_type;
    res->cacheable = true;
}

void xc_api_handle(xc_api *api, xc_ctx *ctx, const xc_api_request *req, xc_api_response *res)
{
    const char *path = req->path ? req->path : "/";
    bool read = strcmp(req->method, "GET") == 0 || strcmp(req->method, "HEAD") == 0;
    const char *rest;
    int64_t id;
    res->cacheable = false;
    if (strcmp(path, "/api/articles") == 0) {
        if (strcmp(req->method, "POST") == 0)
            post_articles(api, ctx, req, res);
        else
            xc_api_error(res, 405, "%s /api/articles: only POST (to add articles)", req->method);
        return;
    }
    if (!read) {
        xc_api_error(res, 405, "%s is not allowed here: only GET and HEAD", req->method);
        return;
    }
    if (strcmp(path, "/health") == 0)
        health(ctx, res);
    else if (strcmp(path, "/api/stories") == 0 || strcmp(path, "/api/stories/") == 0)
        list_stories(api, ctx, req, res);
    else if ((rest = after(path, "/api/stories/")))
        id_in_path(rest, &id) ? get_story(api, ctx, id, res) : xc_api_error(res, 404, "no story \"%.100s\"", rest);
    else if ((rest = after(path, "/api/articles/")) && *rest)
        get_article(ctx, rest, res);
    else if ((rest = after(path, "/api/entities/")))
        id_in_path(rest, &id) ? get_entity(ctx, id, res) : xc_api_error(res, 404, "no entity \"%.100s\"", rest);
    else if (strcmp(path, "/api/search") == 0)
        search(ctx, req, res);
    else if (strcmp(path, "/api/openapi.json") == 0 || !after(path, "/api/"))
        serve_asset(path, res);
    else
        xc_api_error(res, 404, "no such API path: %.200s (see /api/openapi.json)", path);
}
