/* The HTTP API without sockets: xc_api_handle on a temporary store holding
 * the demo corpus (examples/). Routing, status codes, the error object,
 * parameter checks, the bearer token, POST bodies turned into items, and
 * the story list's conflict and update counts against the store's own. */
#include <cjson/cJSON.h>

#include "test_util.h"
#include "api/api.h"

#define TOKEN "s3cret-token"
#define MAX_BODY 4096

typedef struct fixture {
    char *dir;
    char db[512];
    xc_ctx *ctx;
    xc_api *api;       /* token TOKEN, body limit MAX_BODY */
    xc_api *readonly;  /* no token: writes refused        */
} fixture;

static fixture F;

static const char *examples_dir(void)
{
    const char *dir = getenv("CROSSCHECK_EXAMPLES");
    return dir && *dir ? dir : "examples";
}

static int group_setup(void **state)
{
    (void)state;
    F.dir = make_temp_dir();
    snprintf(F.db, sizeof F.db, "%s/api.db", F.dir);
    xc_error err = {0};
    F.ctx = xc_open(F.db, &err);
    if (!F.ctx)
        fail_msg("open: %s", err.message);
    const char *paths[] = {examples_dir()};
    xc_ingest_summary sum = {0};
    if (xc_ingest_paths(F.ctx, paths, 1, NULL, NULL, NULL, &sum, &err) != XC_OK)
        fail_msg("ingest: %s", err.message);
    assert_int_equal(sum.added, 29);
    xc_api_config with = {TOKEN, MAX_BODY}, without = {NULL, 0};
    F.api = xc_api_new(&with);
    F.readonly = xc_api_new(&without);
    assert_non_null(F.api);
    assert_non_null(F.readonly);
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    xc_api_free(F.api);
    xc_api_free(F.readonly);
    xc_close(F.ctx);
    remove_tree(F.dir);
    free(F.dir);
    return 0;
}

/* ---- calling the API ------------------------------------------------------ */

/* Query parameters: NULL-terminated name, value pairs. */
static const char *lookup(void *user, const char *name)
{
    const char *const *kv = user;
    for (size_t i = 0; kv && kv[i]; i += 2)
        if (strcmp(kv[i], name) == 0)
            return kv[i + 1];
    return NULL;
}

typedef struct answer {
    int status;
    const char *content_type;
    cJSON *json; /* NULL when the body is not JSON */
    char *body;
    size_t len;
} answer;

static answer call_full(xc_api *api, const char *method, const char *path, const char *const *params,
                        const char *authorization, const char *content_type, const char *body, size_t body_len)
{
    xc_api_request req = {
        .method = method,
        .path = path,
        .param = params ? lookup : NULL,
        .param_user = (void *)params,
        .authorization = authorization,
        .content_type = content_type,
        .body = body,
        .body_len = body_len,
    };
    xc_api_response res = {0};
    res.status = -1;
    xc_api_handle(api, F.ctx, &req, &res);
    answer a = {res.status, res.content_type, NULL, NULL, 0};
    a.body = xc_buf_detach(&res.body, &a.len);
    if (!a.body)
        a.body = strdup("");
    a.json = cJSON_ParseWithLength(a.body, a.len);
    assert_true(a.status >= 200 && a.status < 600);
    if (!xc_utf8_valid(a.body, a.len, NULL))
        fail_msg("%s %s: the answer is not UTF-8: %s", method, path ? path : "(null)", a.body);
    assert_non_null(a.content_type);
    return a;
}

static answer get(const char *path, const char *const *params)
{
    return call_full(F.api, "GET", path, params, NULL, NULL, NULL, 0);
}

static answer post(xc_api *api, const char *authorization, const char *content_type, const char *body)
{
    return call_full(api, "POST", "/api/articles", NULL, authorization, content_type, body, strlen(body));
}

static void done(answer *a)
{
    cJSON_Delete(a->json);
    free(a->body);
}

static const cJSON *field(const cJSON *obj, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);
    if (!v)
        fail_msg("no \"%s\" in %s", name, cJSON_PrintUnformatted(obj));
    return v;
}

static double number(const cJSON *obj, const char *name)
{
    const cJSON *v = field(obj, name);
    assert_true(cJSON_IsNumber(v));
    return v->valuedouble;
}

static const char *string(const cJSON *obj, const char *name)
{
    const cJSON *v = field(obj, name);
    assert_true(cJSON_IsString(v));
    return v->valuestring;
}

/* The answer is the error object, exactly: {"error": {"status": N, "message": "..."}}
 * with N the response's status. */
static void assert_error(answer *a, int status, const char *message_part)
{
    if (a->status != status)
        fail_msg("status %d, expected %d: %s", a->status, status, a->body);
    assert_string_equal(a->content_type, "application/json; charset=utf-8");
    assert_non_null(a->json);
    assert_true(cJSON_IsObject(a->json));
    assert_int_equal(cJSON_GetArraySize(a->json), 1);
    const cJSON *e = field(a->json, "error");
    assert_true(cJSON_IsObject(e));
    assert_int_equal(cJSON_GetArraySize(e), 2);
    assert_int_equal((int)number(e, "status"), status);
    const char *message = string(e, "message");
    assert_true(strlen(message) > 0);
    if (message_part && !strstr(message, message_part))
        fail_msg("message \"%s\" lacks \"%s\"", message, message_part);
}

static void expect_error(const char *method, const char *path, const char *const *params, int status,
                         const char *message_part)
{
    answer a = call_full(F.api, method, path, params, NULL, NULL, NULL, 0);
    assert_error(&a, status, message_part);
    done(&a);
}

static void assert_ok(answer *a)
{
    if (a->status != 200)
        fail_msg("status %d: %s", a->status, a->body);
    assert_string_equal(a->content_type, "application/json; charset=utf-8");
    assert_non_null(a->json);
}

/* ---- the store's own answers, to check the API's against ----------------- */

static int note_id(void *user, const xc_story *s)
{
    cJSON *ids = user;
    cJSON_AddItemToArray(ids, cJSON_CreateNumber((double)s->id));
    return 0;
}

/* The ids of the stories the store lists for a query, as a JSON array. */
static cJSON *store_story_ids(const xc_story_query *q)
{
    cJSON *ids = cJSON_CreateArray();
    xc_error err = {0};
    if (xc_stories_each(F.ctx, q, note_id, ids, &err) != XC_OK)
        fail_msg("stories: %s", err.message);
    return ids;
}

static cJSON *api_story_ids(const cJSON *list)
{
    cJSON *ids = cJSON_CreateArray();
    const cJSON *s;
    cJSON_ArrayForEach(s, field(list, "stories"))
        cJSON_AddItemToArray(ids, cJSON_CreateNumber(number(s, "id")));
    return ids;
}

static void assert_same_json(const cJSON *a, const cJSON *b)
{
    if (!cJSON_Compare(a, b, true)) {
        char *x = cJSON_PrintUnformatted(a), *y = cJSON_PrintUnformatted(b);
        fail_msg("%s != %s", x, y);
    }
}

typedef struct verdicts {
    int conflicts, updates;
} verdicts;

static int count_verdicts(void *user, const xc_fact *f)
{
    verdicts *v = user;
    v->conflicts += strcmp(f->verdict, "conflict") == 0;
    v->updates += strcmp(f->verdict, "update") == 0;
    return 0;
}

static verdicts store_verdicts(int64_t story)
{
    verdicts v = {0, 0};
    xc_error err = {0};
    if (xc_story_facts(F.ctx, story, count_verdicts, &v, &err) != XC_OK)
        fail_msg("facts of %lld: %s", (long long)story, err.message);
    return v;
}

/* ---- tests ------------------------------------------------------------------ */

static void test_health(void **state)
{
    (void)state;
    xc_store_stats stats;
    xc_error err = {0};
    assert_int_equal(xc_stats(F.ctx, &stats, &err), XC_OK);
    answer a = get("/health", NULL);
    assert_ok(&a);
    assert_string_equal(string(a.json, "status"), "ok");
    assert_int_equal((int)number(a.json, "schema"), stats.schema_version);
    assert_int_equal((size_t)number(a.json, "articles"), stats.articles);
    assert_int_equal((size_t)number(a.json, "stories"), stats.stories);
    assert_int_equal((size_t)number(a.json, "entities"), stats.entities);
    assert_true(stats.articles >= 29 && stats.stories >= 11 && stats.entities > 0);
    done(&a);
    /* HEAD answers like GET (the server drops the body) */
    a = call_full(F.api, "HEAD", "/health", NULL, NULL, NULL, NULL, 0);
    assert_ok(&a);
    done(&a);
}

static void test_routing(void **state)
{
    (void)state;
    expect_error("GET", "/api/nothing", NULL, 404, "no such API path");
    expect_error("GET", "/api/stories/99999", NULL, 404, "99999");
    expect_error("GET", "/api/stories/abc", NULL, 404, "abc");
    expect_error("GET", "/api/stories/0", NULL, 404, NULL);
    expect_error("GET", "/api/stories/-2", NULL, 404, NULL);
    expect_error("GET", "/api/stories/+2", NULL, 404, NULL);
    expect_error("GET", "/api/stories/2x", NULL, 404, NULL);
    expect_error("GET", "/api/stories/2/", NULL, 404, NULL);
    expect_error("GET", "/api/stories/99999999999999999999", NULL, 404, NULL);
    expect_error("GET", "/api/articles/no-such-article", NULL, 404, "no-such-article");
    expect_error("GET", "/api/articles/", NULL, 404, NULL);
    expect_error("GET", "/api/entities/999999", NULL, 404, "999999");
    expect_error("GET", "/api/entities/x", NULL, 404, NULL);
    expect_error("GET", "/api/entities/", NULL, 404, NULL);
    expect_error("GET", "/health/", NULL, 404, NULL);
    expect_error("GET", "/../etc/passwd", NULL, 404, NULL);
    expect_error("GET", "/api/../etc/passwd", NULL, 404, NULL);
    expect_error("GET", "/etc/passwd", NULL, 404, NULL);
    /* methods */
    expect_error("DELETE", "/api/stories", NULL, 405, "DELETE");
    expect_error("POST", "/api/stories", NULL, 405, "POST");
    expect_error("PUT", "/api/stories/2", NULL, 405, NULL);
    expect_error("POST", "/health", NULL, 405, NULL);
    expect_error("GET", "/api/articles", NULL, 405, "only POST");
    expect_error("DELETE", "/api/articles", NULL, 405, NULL);
    expect_error("HEAD", "/api/articles", NULL, 405, NULL);
    /* only POST /api/articles writes */
    xc_api_request w = {.method = "POST", .path = "/api/articles"};
    assert_true(xc_api_writes(&w));
    w.method = "GET";
    assert_false(xc_api_writes(&w));
    w.method = "POST", w.path = "/api/articles/x";
    assert_false(xc_api_writes(&w));
    w.path = "/api/stories";
    assert_false(xc_api_writes(&w));
    /* a path-less request is the root */
    answer a = call_full(F.api, "GET", NULL, NULL, NULL, NULL, NULL, 0);
    assert_true(a.status == 200 || a.status == 404);
    done(&a);
}

static void test_openapi(void **state)
{
    (void)state;
    const xc_asset *asset = xc_asset_find("/api/openapi.json");
    assert_non_null(asset); /* src/api/openapi.json is built in */
    answer a = get("/api/openapi.json", NULL);
    assert_ok(&a);
    assert_int_equal(a.len, asset->len);
    assert_string_equal(string(a.json, "openapi"), "3.0.3");
    /* every route of docs/api.md is described */
    const cJSON *paths = field(a.json, "paths");
    const char *routes[] = {"/health", "/api/stories", "/api/stories/{id}", "/api/articles/{id}",
                            "/api/entities/{id}", "/api/search", "/api/articles", "/api/openapi.json"};
    for (size_t i = 0; i < sizeof routes / sizeof *routes; i++)
        if (!cJSON_GetObjectItemCaseSensitive(paths, routes[i]))
            fail_msg("openapi.json has no path %s", routes[i]);
    assert_non_null(cJSON_GetObjectItemCaseSensitive(field(field(paths, "/api/articles"), "post"), "security"));
    done(&a);
}

static void test_list_params(void **state)
{
    (void)state;
    const char *bad[][2] = {
        {"limit", "0"},       {"limit", "201"},   {"limit", "abc"},      {"limit", "5x"},
        {"limit", "-1"},      {"offset", "-1"},   {"offset", "1e3"},     {"min_size", "-3"},
        {"entity", "0"},      {"entity", "x"},    {"sort", "bogus"},     {"sort", "id"},
        {"from", "yesterday"}, {"to", "2026-13-45"}, {"from", "2026-02-30x"},
        {"limit", "99999999999999999999999"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        const char *params[] = {bad[i][0], bad[i][1], NULL};
        answer a = get("/api/stories", params);
        if (a.status != 400)
            fail_msg("%s=%s: status %d, expected 400", bad[i][0], bad[i][1], a.status);
        assert_error(&a, 400, NULL);
        done(&a);
    }
    const char *q[] = {"q", "\"", NULL};
    expect_error("GET", "/api/stories", q, 400, NULL);
    /* the limits themselves are fine */
    const char *edges[][2] = {{"limit", "1"}, {"limit", "200"}, {"offset", "0"}, {"min_size", "0"},
                              {"offset", "1000000000"}, {"sort", "recent"}, {"sort", "size"},
                              {"sort", "outlets"}, {"limit", ""}, {"from", "2026-02-19"},
                              {"to", "2026-02-19T06:00:00Z"}};
    for (size_t i = 0; i < sizeof edges / sizeof *edges; i++) {
        const char *params[] = {edges[i][0], edges[i][1], NULL};
        answer a = get("/api/stories", params);
        if (a.status != 200)
            fail_msg("%s=%s: status %d: %s", edges[i][0], edges[i][1], a.status, a.body);
        done(&a);
    }
}

static void test_list_paging_and_sorts(void **state)
{
    (void)state;
    const char *sorts[] = {"recent", "size", "outlets"};
    const xc_story_order orders[] = {XC_STORIES_BY_RECENCY, XC_STORIES_BY_SIZE, XC_STORIES_BY_OUTLETS};
    for (size_t s = 0; s < 3; s++) {
        const char *all[] = {"sort", sorts[s], "limit", "200", NULL};
        answer whole = get("/api/stories", all);
        assert_ok(&whole);
        size_t total = (size_t)number(whole.json, "total");
        assert_int_equal(total, 11);
        assert_int_equal(cJSON_GetArraySize(field(whole.json, "stories")), total);
        assert_string_equal(string(whole.json, "sort"), sorts[s]);
        xc_story_query q = {.order = orders[s], .articles_per_story = 1};
        cJSON *want = store_story_ids(&q), *got = api_story_ids(whole.json);
        assert_same_json(got, want);
        /* the key of each order never increases */
        const cJSON *prev = NULL, *story;
        cJSON_ArrayForEach(story, field(whole.json, "stories")) {
            if (prev && s == 1)
                assert_true(number(prev, "size") >= number(story, "size"));
            if (prev && s == 2)
                assert_true(number(prev, "independent_outlets") >= number(story, "independent_outlets"));
            if (prev && s == 0 && cJSON_IsString(field(story, "last_published")))
                assert_true(strncmp(string(prev, "last_published"), string(story, "last_published"), 10) >= 0);
            prev = story;
        }
        /* pages of 4 put together are the whole list */
        cJSON *paged = cJSON_CreateArray();
        for (size_t offset = 0; offset < total + 4; offset += 4) {
            char off[32];
            snprintf(off, sizeof off, "%zu", offset);
            const char *page[] = {"sort", sorts[s], "limit", "4", "offset", off, NULL};
            answer a = get("/api/stories", page);
            assert_ok(&a);
            assert_int_equal((size_t)number(a.json, "total"), total);
            assert_int_equal((int)number(a.json, "limit"), 4);
            assert_int_equal((size_t)number(a.json, "offset"), offset);
            size_t n = (size_t)cJSON_GetArraySize(field(a.json, "stories"));
            assert_int_equal(n, offset >= total ? 0 : (total - offset < 4 ? total - offset : 4));
            cJSON *ids = api_story_ids(a.json);
            cJSON *id;
            cJSON_ArrayForEach(id, ids)
                cJSON_AddItemToArray(paged, cJSON_CreateNumber(id->valuedouble));
            cJSON_Delete(ids);
            done(&a);
        }
        assert_same_json(paged, got);
        cJSON_Delete(paged), cJSON_Delete(want), cJSON_Delete(got);
        done(&whole);
    }
    /* the default: recent, 20 */
    answer a = get("/api/stories", NULL);
    assert_ok(&a);
    assert_string_equal(string(a.json, "sort"), "recent");
    assert_int_equal((int)number(a.json, "limit"), 20);
    assert_int_equal((int)number(a.json, "offset"), 0);
    done(&a);
}

static void test_list_filters(void **state)
{
    (void)state;
    struct {
        const char *params[5];
        xc_story_query q;
        size_t at_least, at_most;
    } cases[] = {
        {{"outlet", "Radio Osprey", NULL}, {.outlet = "Radio Osprey"}, 2, 10},
        {{"from", "2026-02-20", "to", "2026-03-05"}, {.from = "2026-02-20", .to = "2026-03-05"}, 2, 10},
        {{"q", "ferry", NULL}, {.text = "ferry"}, 1, 10},
        {{"min_size", "3", NULL}, {.min_articles = 3}, 2, 10},
        {{"entity", "1", NULL}, {.entity = 1}, 1, 10},
        {{"outlet", "No Such Outlet", NULL}, {.outlet = "No Such Outlet"}, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *params[8] = {0};
        memcpy(params, cases[i].params, sizeof cases[i].params);
        size_t n = 0;
        while (params[n])
            n++;
        params[n] = "limit", params[n + 1] = "200";
        answer a = get("/api/stories", params);
        assert_ok(&a);
        cases[i].q.order = XC_STORIES_BY_RECENCY;
        cases[i].q.articles_per_story = 1;
        cJSON *want = store_story_ids(&cases[i].q), *got = api_story_ids(a.json);
        assert_same_json(got, want);
        size_t total = (size_t)number(a.json, "total");
        assert_int_equal(total, (size_t)cJSON_GetArraySize(got));
        if (total < cases[i].at_least || total > cases[i].at_most)
            fail_msg("filter %s: %zu stories", params[0], total);
        cJSON_Delete(want), cJSON_Delete(got);
        done(&a);
    }
    /* every story listed under an outlet has it among its outlets */
    const char *params[] = {"outlet", "Vestmark Business Journal", NULL};
    answer a = get("/api/stories", params);
    assert_ok(&a);
    assert_true(number(a.json, "total") >= 1);
    const cJSON *s;
    cJSON_ArrayForEach(s, field(a.json, "stories")) {
        bool found = false;
        const cJSON *o;
        cJSON_ArrayForEach(o, field(s, "outlets"))
            found |= strcmp(o->valuestring, "Vestmark Business Journal") == 0;
        assert_true(found);
        assert_true(number(s, "size") >= 1);
    }
    done(&a);
}

/* Every story of the list counts the conflicts and updates the store's
 * ledger gives now. */
static void assert_list_counts_current(void)
{
    const char *all[] = {"limit", "200", NULL};
    answer l = get("/api/stories", all);
    assert_ok(&l);
    const cJSON *s;
    cJSON_ArrayForEach(s, field(l.json, "stories")) {
        verdicts v = store_verdicts((int64_t)number(s, "id"));
        assert_int_equal((int)number(s, "conflicts"), v.conflicts);
        assert_int_equal((int)number(s, "updates"), v.updates);
    }
    done(&l);
}

static void test_list_verdict_counts(void **state)
{
    (void)state;
    const char *all[] = {"limit", "200", NULL};
    answer a = get("/api/stories", all);
    assert_ok(&a);
    int conflicts = 0, updates = 0;
    const cJSON *s;
    cJSON_ArrayForEach(s, field(a.json, "stories")) {
        verdicts v = store_verdicts((int64_t)number(s, "id"));
        assert_int_equal((int)number(s, "conflicts"), v.conflicts);
        assert_int_equal((int)number(s, "updates"), v.updates);
        conflicts += v.conflicts, updates += v.updates;
        /* the list shows no articles */
        assert_null(cJSON_GetObjectItemCaseSensitive(s, "articles"));
        assert_true(number(s, "independent") <= number(s, "size"));
    }
    assert_true(conflicts > 0); /* the ferry's missing */
    assert_true(updates > 0);
    done(&a);
    /* the second time from the cache: the same */
    assert_list_counts_current();
}

static void test_story(void **state)
{
    (void)state;
    const char *first[] = {"sort", "size", "limit", "1", NULL};
    answer l = get("/api/stories", first);
    assert_ok(&l);
    const cJSON *top = cJSON_GetArrayItem(field(l.json, "stories"), 0);
    char path[64];
    snprintf(path, sizeof path, "/api/stories/%d", (int)number(top, "id"));
    answer a = get(path, NULL);
    assert_ok(&a);
    assert_int_equal((int)number(a.json, "id"), (int)number(top, "id"));
    assert_string_equal(string(a.json, "title"), string(top, "title"));
    const char *keys[] = {"size", "independent", "outlets", "independent_outlets", "first_published",
                          "last_published", "articles", "reports", "facts", "quotes", "entities", "brief",
                          "timeline"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        field(a.json, keys[i]);
    assert_int_equal(cJSON_GetArraySize(field(a.json, "articles")), (int)number(a.json, "size"));
    /* one report per independent article, every copy under one */
    int copies = 0;
    const cJSON *r;
    cJSON_ArrayForEach(r, field(a.json, "reports"))
        copies += cJSON_GetArraySize(field(r, "copies"));
    assert_int_equal(cJSON_GetArraySize(field(a.json, "reports")) + copies, (int)number(a.json, "size"));
    /* conflicts as the list counts them */
    int conflicts = 0;
    const cJSON *f;
    cJSON_ArrayForEach(f, field(a.json, "facts"))
        conflicts += strcmp(string(f, "verdict"), "conflict") == 0;
    assert_int_equal(conflicts, (int)number(top, "conflicts"));
    assert_true(cJSON_GetArraySize(field(field(a.json, "brief"), "sentences")) > 0);
    done(&a);
    done(&l);
}

/* Each mark's span cuts its text out of the article's text. */
static void test_article(void **state)
{
    (void)state;
    answer a = get("/api/articles/ferry-halcyon-wire", NULL);
    assert_ok(&a);
    assert_string_equal(string(a.json, "id"), "ferry-halcyon-wire");
    assert_string_equal(string(a.json, "source"), "Halcyon Wire Service");
    assert_true(number(a.json, "story") >= 1);
    const char *text = string(a.json, "text");
    size_t len = strlen(text);
    const char *kinds[] = {"mentions", "numbers", "dates", "quotes"};
    for (size_t k = 0; k < 4; k++) {
        const cJSON *marks = field(a.json, kinds[k]), *m;
        assert_true(cJSON_GetArraySize(marks) > 0);
        cJSON_ArrayForEach(m, marks) {
            size_t start = (size_t)number(m, "start"), end = (size_t)number(m, "end");
            const char *t = string(m, "text");
            assert_true(start < end && end <= len);
            if (k < 3) {
                if (strlen(t) != end - start || memcmp(text + start, t, end - start) != 0)
                    fail_msg("%s [%zu, %zu) is \"%.*s\", not \"%s\"", kinds[k], start, end, (int)(end - start),
                             text + start, t);
            } else {
                /* a quote's text is its content: an interrupted one is
                 * joined with " … ", so only its first run starts the span */
                const char *gap = strstr(t, " \xE2\x80\xA6 ");
                size_t n = gap ? (size_t)(gap - t) : strlen(t);
                assert_true(n <= end - start);
                assert_memory_equal(text + start, t, n);
            }
        }
    }
    done(&a);
}

static void test_entity(void **state)
{
    (void)state;
    answer a = get("/api/entities/1", NULL);
    assert_ok(&a);
    assert_int_equal((int)number(a.json, "id"), 1);
    string(a.json, "name");
    string(a.json, "type");
    assert_true(cJSON_GetArraySize(field(a.json, "articles")) > 0);
    xc_story_query q = {.order = XC_STORIES_BY_RECENCY, .articles_per_story = 1, .entity = 1};
    cJSON *want = store_story_ids(&q), *got = api_story_ids(a.json);
    assert_true(cJSON_GetArraySize(want) > 0);
    assert_same_json(got, want);
    cJSON_Delete(want), cJSON_Delete(got);
    done(&a);
}

static void test_search(void **state)
{
    (void)state;
    const char *params[] = {"q", "\"life jackets\"", "limit", "3", NULL};
    answer a = get("/api/search", params);
    assert_ok(&a);
    assert_string_equal(string(a.json, "query"), "\"life jackets\"");
    const cJSON *hits = field(a.json, "hits"), *h;
    assert_true(cJSON_GetArraySize(hits) >= 1 && cJSON_GetArraySize(hits) <= 3);
    cJSON_ArrayForEach(h, hits) {
        string(h, "id");
        assert_true(number(h, "score") != 0);
        int matches = 0;
        const cJSON *part;
        cJSON_ArrayForEach(part, field(h, "snippet")) {
            const char *t = string(part, "text");
            assert_true(*t);
            assert_null(strstr(t, "\xEE\x80\x80")); /* no marker left in */
            assert_null(strstr(t, "\xEE\x80\x81"));
            if (cJSON_IsTrue(field(part, "match"))) {
                matches++;
                assert_string_equal(t, "life jackets");
            }
        }
        assert_true(matches >= 1);
    }
    done(&a);
    const char *none[] = {NULL};
    expect_error("GET", "/api/search", none, 400, "q");
    const char *empty[] = {"q", "", NULL};
    expect_error("GET", "/api/search", empty, 400, NULL);
    const char *quote[] = {"q", "\"", NULL};
    expect_error("GET", "/api/search", quote, 400, NULL);
    const char *too_many[] = {"q", "ferry", "limit", "101", NULL};
    expect_error("GET", "/api/search", too_many, 400, "limit");
    const char *most[] = {"q", "ferry", "limit", "100", NULL};
    answer m = get("/api/search", most);
    assert_ok(&m);
    done(&m);
}

static void test_token(void **state)
{
    (void)state;
    const char *body = "{\"id\": \"tok-1\", \"text\": \"A short note about the Kestane bakery.\"}";
    answer a = post(F.readonly, "Bearer " TOKEN, "application/json", body);
    assert_error(&a, 403, NULL);
    done(&a);
    const char *wrong[] = {NULL, "", "Bearer", "Bearer ", "Bearer wrong", "Bearer s3cret-toke",
                           "Bearer s3cret-tokenX", "Bearer s3cret-tokeX", "Bearer X3cret-token",
                           "Bearer S3CRET-TOKEN", "Basic " TOKEN, TOKEN, "Bearer  " TOKEN, "Bearer " TOKEN " "};
    for (size_t i = 0; i < sizeof wrong / sizeof *wrong; i++) {
        a = post(F.api, wrong[i], "application/json", body);
        if (a.status != 401)
            fail_msg("Authorization \"%s\": %d", wrong[i] ? wrong[i] : "(none)", a.status);
        assert_error(&a, 401, "token");
        done(&a);
    }
    /* nothing was stored */
    a = get("/api/articles/tok-1", NULL);
    assert_error(&a, 404, NULL);
    done(&a);
    a = post(F.api, "bearer " TOKEN, "application/json", body); /* the scheme is case-insensitive */
    assert_ok(&a);
    assert_int_equal((int)number(a.json, "added"), 1);
    done(&a);
}

static void test_content_types(void **state)
{
    (void)state;
    const char *body = "{\"id\": \"ct-1\", \"text\": \"The Kestane bakery opens on Sundays.\"}";
    const char *refused[] = {NULL, "", "text/plain", "application/jsonx", "application/xml", "multipart/form-data",
                             "application/x-www-form-urlencoded"};
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
        answer a = post(F.api, "Bearer " TOKEN, refused[i], body);
        if (a.status != 415)
            fail_msg("Content-Type \"%s\": %d", refused[i] ? refused[i] : "(none)", a.status);
        assert_error(&a, 415, NULL);
        done(&a);
    }
    const char *taken[] = {"application/json", "application/json; charset=utf-8", "APPLICATION/JSON",
                           "application/x-ndjson", "application/jsonl", "application/json-lines"};
    for (size_t i = 0; i < sizeof taken / sizeof *taken; i++) {
        answer a = post(F.api, "Bearer " TOKEN, taken[i], body);
        if (a.status != 200)
            fail_msg("Content-Type \"%s\": %d %s", taken[i], a.status, a.body);
        assert_int_equal((int)(number(a.json, "added") + number(a.json, "unchanged")), 1);
        done(&a);
    }
}

/* The items of an answer by line. */
static const cJSON *item(const cJSON *json, int line)
{
    const cJSON *it;
    cJSON_ArrayForEach(it, field(json, "items"))
        if ((int)number(it, "line") == line)
            return it;
    fail_msg("no item for line %d", line);
    return NULL;
}

static void test_bodies(void **state)
{
    (void)state;
    const char *auth = "Bearer " TOKEN;
    /* an array: one good, one without text */
    answer a = post(F.api, auth, "application/json",
                    "[{\"id\": \"body-1\", \"title\": \"Bakery\", \"text\": \"The Kestane bakery opens on Sundays "
                    "from April.\", \"source\": \"Test Wire\", \"published\": \"2026-04-02\"},"
                    " {\"id\": \"body-2\", \"title\": \"No text\"}]");
    assert_ok(&a);
    assert_int_equal((int)number(a.json, "added"), 1);
    assert_int_equal((int)number(a.json, "failed"), 1);
    assert_int_equal((int)number(a.json, "updated"), 0);
    assert_int_equal((int)number(a.json, "unchanged"), 0);
    assert_int_equal(cJSON_GetArraySize(field(a.json, "items")), 2);
    assert_string_equal(string(item(a.json, 1), "outcome"), "added");
    assert_string_equal(string(item(a.json, 1), "id"), "body-1");
    assert_string_equal(string(item(a.json, 2), "outcome"), "failed");
    assert_non_null(strstr(string(item(a.json, 2), "message"), "text"));
    done(&a);
    answer g = get("/api/articles/body-1", NULL);
    assert_ok(&g);
    assert_string_equal(string(g.json, "text"), "The Kestane bakery opens on Sundays from April.");
    assert_string_equal(string(g.json, "source"), "Test Wire");
    assert_true(number(g.json, "story") >= 1);
    done(&g);
    /* the same again: unchanged; new text: updated */
    a = post(F.api, auth, "application/json",
             "{\"id\": \"body-1\", \"title\": \"Bakery\", \"text\": \"The Kestane bakery opens on Sundays from "
             "April.\", \"source\": \"Test Wire\", \"published\": \"2026-04-02\"}");
    assert_ok(&a);
    assert_int_equal((int)number(a.json, "unchanged"), 1);
    done(&a);
    a = post(F.api, auth, "application/json",
             "{\"id\": \"body-1\", \"title\": \"Bakery\", \"text\": \"The Kestane bakery opens on Sundays from "
             "May.\", \"source\": \"Test Wire\", \"published\": \"2026-04-02\"}");
    assert_ok(&a);
    assert_int_equal((int)number(a.json, "updated"), 1);
    assert_string_equal(string(item(a.json, 1), "outcome"), "updated");
    done(&a);
    /* JSON Lines: a good line, a broken one */
    a = post(F.api, auth, "application/x-ndjson",
             "{\"id\": \"body-3\", \"text\": \"The Marrowby library lends bicycles now.\"}\n{\"id\": \"body-4\", "
             "\"text\": \n");
    assert_ok(&a);
    assert_int_equal((int)number(a.json, "added"), 1);
    assert_int_equal((int)number(a.json, "failed"), 1);
    assert_string_equal(string(item(a.json, 1), "outcome"), "added");
    assert_string_equal(string(item(a.json, 2), "outcome"), "failed");
    done(&a);
    /* nothing in it was an article: 400, with the items */
    a = post(F.api, auth, "application/x-ndjson", "{\"title\": \"no text\"}\n");
    assert_int_equal(a.status, 400);
    assert_int_equal((int)number(a.json, "failed"), 1);
    done(&a);
    a = post(F.api, auth, "application/json", "[]");
    assert_int_equal(a.status, 400);
    assert_int_equal((int)number(a.json, "added"), 0);
    done(&a);
    a = post(F.api, auth, "application/x-ndjson", "");
    assert_int_equal(a.status, 400);
    done(&a);
    /* not JSON, not an object: the error object */
    const char *bad[] = {"{\"id\": ", "\"a string\"", "42", "null", "", "[1, 2"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        a = post(F.api, auth, "application/json", bad[i]);
        if (a.status != 400)
            fail_msg("body \"%s\": %d", bad[i], a.status);
        assert_error(&a, 400, "body");
        done(&a);
    }
    /* over the limit */
    char *big = malloc(MAX_BODY + 64);
    memset(big, ' ', MAX_BODY + 63);
    big[MAX_BODY + 63] = '\0';
    big[0] = '{', big[MAX_BODY + 62] = '}';
    a = post(F.api, auth, "application/json", big);
    assert_error(&a, 413, NULL);
    done(&a);
    free(big);
}

/* Conflict counts in the list follow new articles (the cache is per store generation). */
static void test_counts_follow_writes(void **state)
{
    (void)state;
    const char *auth = "Bearer " TOKEN;
    answer a = post(F.api, auth, "application/json",
                    "{\"id\": \"mill-1\", \"title\": \"Fire at Kestane mill kills 12\", \"source\": \"Halcyon Wire "
                    "Service\", \"published\": \"2030-04-01T08:00:00Z\", \"text\": \"KESTANE — A fire at the old "
                    "Kestane textile mill killed 12 workers on Tuesday night, the fire brigade said. Forty "
                    "firefighters fought the blaze for six hours before it was brought under control.\"}");
    assert_ok(&a);
    done(&a);
    const char *recent[] = {"limit", "1", NULL};
    answer l = get("/api/stories", recent);
    assert_ok(&l);
    const cJSON *s = cJSON_GetArrayItem(field(l.json, "stories"), 0);
    int64_t story = (int64_t)number(s, "id");
    assert_int_equal((int)number(s, "size"), 1);
    assert_int_equal((int)number(s, "conflicts"), 0);
    done(&l);
    a = post(F.api, auth, "application/x-ndjson",
             "{\"id\": \"mill-2\", \"title\": \"Kestane mill fire: 15 workers dead\", \"source\": \"Radio Osprey\", "
             "\"published\": \"2030-04-01T12:00:00Z\", \"text\": \"A fire at the Kestane textile mill killed 15 "
             "workers on Tuesday night, according to the fire brigade. Forty firefighters battled the blaze at the "
             "old mill for six hours.\"}\n");
    assert_ok(&a);
    done(&a);
    l = get("/api/stories", recent);
    assert_ok(&l);
    s = cJSON_GetArrayItem(field(l.json, "stories"), 0);
    assert_int_equal((int64_t)number(s, "id"), story);
    assert_int_equal((int)number(s, "size"), 2);
    verdicts v = store_verdicts(story);
    assert_true(v.conflicts >= 1);
    assert_int_equal((int)number(s, "conflicts"), v.conflicts);
    done(&l);
    /* the stories the writes did not touch keep their cached counts, and
     * those are still the store's */
    assert_list_counts_current();
}

/* Odd inputs answer with a status and JSON, never a crash. */
static void test_odd_requests(void **state)
{
    (void)state;
    const char *methods[] = {"GET", "HEAD", "POST", "OPTIONS", "", "get"};
    const char *paths[] = {"", "/", "/api", "/api/", "/api/stories//2", "/api/articles/%00", "/api/search/",
                           "/api/stories/9223372036854775807", "/api/entities/-1"};
    for (size_t m = 0; m < sizeof methods / sizeof *methods; m++)
        for (size_t p = 0; p < sizeof paths / sizeof *paths; p++) {
            answer a = call_full(F.api, methods[m], paths[p], NULL, NULL, NULL, NULL, 0);
            if (a.status != 200)
                assert_error(&a, a.status, NULL);
            if (m >= 2)
                assert_int_equal(a.status, 405);
            done(&a);
        }
    /* bytes of the request that are not UTF-8, and characters cut by a
     * message's length limit, come back as UTF-8 (call_full checks) */
    expect_error("GE\xff", "/health", NULL, 405, NULL);
    expect_error("GET", "/api/\xff\xfe", NULL, 404, NULL);
    expect_error("GET", "/\xc3", NULL, 404, NULL);
    char cut[256] = "/api/stories/";
    for (size_t i = strlen(cut); i + 2 < sizeof cut; i += 2)
        memcpy(cut + i, "\xc3\xa9", 2); /* é, cut at 100 bytes of the id */
    cut[sizeof cut - 1] = '\0';
    expect_error("GET", cut, NULL, 404, NULL);
    const char *bad_sort[] = {"sort", "\xff", NULL};
    expect_error("GET", "/api/stories", bad_sort, 400, NULL);
    const char *bad_q[] = {"q", "ferry \xff", NULL};
    expect_error("GET", "/api/search", bad_q, 400, "UTF-8");
    const char *long_date[] = {"from", "\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80"
                                         "\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2"
                                         "\x80\x94\xe2\x80\x94\xe2\x80\x94\xe2\x80\x94", NULL};
    expect_error("GET", "/api/stories", long_date, 400, NULL);
    /* a long parameter is cut in the message, not copied whole */
    char longv[2000];
    memset(longv, '9', sizeof longv - 1);
    longv[sizeof longv - 1] = '\0';
    const char *params[] = {"limit", longv, NULL};
    answer a = get("/api/stories", params);
    assert_error(&a, 400, NULL);
    assert_true(a.len < 400);
    done(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_health),
        cmocka_unit_test(test_routing),
        cmocka_unit_test(test_openapi),
        cmocka_unit_test(test_list_params),
        cmocka_unit_test(test_list_paging_and_sorts),
        cmocka_unit_test(test_list_filters),
        cmocka_unit_test(test_list_verdict_counts),
        cmocka_unit_test(test_story),
        cmocka_unit_test(test_article),
        cmocka_unit_test(test_entity),
        cmocka_unit_test(test_search),
        cmocka_unit_test(test_odd_requests),
        /* these write; the ones above count the demo corpus */
        cmocka_unit_test(test_token),
        cmocka_unit_test(test_content_types),
        cmocka_unit_test(test_bodies),
        cmocka_unit_test(test_counts_follow_writes),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
