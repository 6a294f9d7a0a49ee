/* The store through the public API: ingest, re-ingest, updates, stories,
 * search, bad items and schema versions. Uses the demo corpus in examples/. */
#include <sqlite3.h>
#include <sys/stat.h>

#include "test_util.h"

typedef struct fixture {
    char *dir;
    char db[512];
    xc_ctx *ctx;
} fixture;

static const char *examples_dir(void)
{
    const char *dir = getenv("CROSSCHECK_EXAMPLES");
    return dir && *dir ? dir : "examples";
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->dir = make_temp_dir();
    snprintf(f->db, sizeof f->db, "%s/test.db", f->dir);
    xc_error err = {0};
    f->ctx = xc_open(f->db, &err);
    if (!f->ctx)
        fail_msg("open: %s", err.message);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    xc_close(f->ctx);
    remove_tree(f->dir);
    free(f->dir);
    free(f);
    return 0;
}

typedef struct collected {
    size_t failed, warnings;
    char messages[4096];
} collected;

static void collect(void *user, const xc_item_report *r)
{
    collected *c = user;
    if (r->outcome != XC_ITEM_FAILED && r->outcome != XC_ITEM_WARNING)
        return;
    if (r->outcome == XC_ITEM_FAILED)
        c->failed++;
    else
        c->warnings++;
    size_t n = strlen(c->messages);
    snprintf(c->messages + n, sizeof c->messages - n, "%s:%ld: %s\n", r->path, r->line, r->message);
}

static xc_ingest_summary ingest(fixture *f, const char *path, collected *c)
{
    xc_ingest_summary sum;
    xc_error err = {0};
    const char *paths[] = {path};
    xc_status st = xc_ingest_paths(f->ctx, paths, 1, NULL, collect, c, &sum, &err);
    if (st != XC_OK)
        fail_msg("ingest %s: %s", path, err.message);
    return sum;
}

/* article id → story id, through the story listing */
typedef struct membership {
    char ids[64][64];
    int64_t stories[64];
    size_t count;
    size_t story_count;
} membership;

static int note_story(void *user, const xc_story *s)
{
    membership *m = user;
    m->story_count++;
    assert_int_equal(s->articles_shown, s->article_count);
    for (size_t i = 0; i < s->articles_shown && m->count < 64; i++) {
        snprintf(m->ids[m->count], sizeof m->ids[0], "%s", s->articles[i].id);
        m->stories[m->count++] = s->id;
    }
    return 0;
}

static int64_t story_of(const membership *m, const char *id)
{
    for (size_t i = 0; i < m->count; i++)
        if (strcmp(m->ids[i], id) == 0)
            return m->stories[i];
    fail_msg("article %s is in no story", id);
    return 0;
}

static membership memberships(fixture *f)
{
    membership m = {0};
    xc_error err = {0};
    xc_story_query q = {.order = XC_STORIES_BY_ID};
    assert_int_equal(xc_stories_each(f->ctx, &q, note_story, &m, &err), XC_OK);
    return m;
}

static void demo_corpus_groups_into_its_events(void **state)
{
    fixture *f = *state;
    collected c = {0};
    xc_ingest_summary sum = ingest(f, examples_dir(), &c);
    assert_int_equal(c.failed, 0);
    assert_int_equal(sum.added, 29);
    membership m = memberships(f);
    assert_int_equal(m.count, 29);
    static const char *const events[][7] = {
        {"ferry-halcyon-wire", "ferry-brightwater-herald", "ferry-calder-gazette", "ferry-radio-osprey",
         "ferry-lantern-courier", "feed-ferry-eastmarch-daily", NULL},
        {"bank-halcyon-wire", "bank-eastmarch-daily", "bank-calder-gazette",
         "feed-bank-vestmark-business-journal", NULL},
        {"train-halcyon-wire", "train-radio-osprey", "train-calder-gazette", "train-lantern-courier",
         "feed-train-kestane-evening-star", NULL},
        {"election-halcyon-wire", "election-brightwater-herald", "election-eastmarch-daily",
         "election-lantern-courier", "feed-election-radio-osprey", NULL},
        {"recall-vestmark-business-journal", "recall-halcyon-wire", "recall-brightwater-herald", NULL},
    };
    int64_t event_story[5];
    for (size_t e = 0; e < 5; e++) {
        event_story[e] = story_of(&m, events[e][0]);
        for (size_t k = 1; events[e][k]; k++)
            if (story_of(&m, events[e][k]) != event_story[e])
                fail_msg("%s is not in the story of %s", events[e][k], events[e][0]);
        for (size_t other = 0; other < e; other++)
            assert_int_not_equal(event_story[e], event_story[other]);
    }
    /* 5 events + 6 unrelated articles, each its own story. */
    assert_int_equal(m.story_count, 11);
}

static void reingest_changes_nothing(void **state)
{
    fixture *f = *state;
    collected c = {0};
    ingest(f, examples_dir(), &c);
    membership before = memberships(f);
    xc_ingest_summary again = ingest(f, examples_dir(), &c);
    assert_int_equal(again.added, 0);
    assert_int_equal(again.updated, 0);
    assert_int_equal(again.unchanged, 29);
    membership after = memberships(f);
    assert_int_equal(after.count, before.count);
    for (size_t i = 0; i < before.count; i++)
        assert_int_equal(story_of(&after, before.ids[i]), before.stories[i]);
    xc_store_stats stats;
    xc_error err;
    assert_int_equal(xc_stats(f->ctx, &stats, &err), XC_OK);
    assert_int_equal(stats.articles, 29);
}

static void story_ids_are_stable_as_stories_grow(void **state)
{
    fixture *f = *state;
    char first[600], second[600], path[700];
    snprintf(first, sizeof first, "%s/first", f->dir);
    snprintf(second, sizeof second, "%s/second", f->dir);
    mkdir(first, 0700);
    mkdir(second, 0700);
    /* Half of the ferry reports first, the rest later. */
    const char *early[] = {"ferry-halcyon-wire", "ferry-radio-osprey"};
    const char *late[] = {"ferry-calder-gazette", "ferry-brightwater-herald"};
    for (int i = 0; i < 2; i++) {
        char cmd[2048];
        snprintf(cmd, sizeof cmd, "cp '%s/%s.txt' '%s/' && cp '%s/%s.txt' '%s/'", examples_dir(), early[i],
                 first, examples_dir(), late[i], second);
        assert_int_equal(system(cmd), 0);
    }
    collected c = {0};
    ingest(f, first, &c);
    membership m1 = memberships(f);
    int64_t story = story_of(&m1, "ferry-halcyon-wire");
    assert_int_equal(story_of(&m1, "ferry-radio-osprey"), story);
    ingest(f, second, &c);
    membership m2 = memberships(f);
    assert_int_equal(story_of(&m2, "ferry-halcyon-wire"), story);
    assert_int_equal(story_of(&m2, "ferry-brightwater-herald"), story);
    assert_int_equal(story_of(&m2, "ferry-calder-gazette"), story);
    (void)path;
}

static void changed_article_is_updated(void **state)
{
    fixture *f = *state;
    char path[600];
    snprintf(path, sizeof path, "%s/note.txt", f->dir);
    const char *v1 = "Title: Harbour note\nSource: Test\n\nThe harbour opened early today for the ferry.";
    const char *v2 = "Title: Harbour note\nSource: Test\n\nThe harbour opened late today because of fog.";
    write_file(path, v1, strlen(v1));
    collected c = {0};
    assert_int_equal(ingest(f, path, &c).added, 1);
    write_file(path, v2, strlen(v2));
    xc_ingest_summary sum = ingest(f, path, &c);
    assert_int_equal(sum.updated, 1);
    assert_int_equal(sum.added, 0);
    xc_store_stats stats;
    xc_error err;
    xc_stats(f->ctx, &stats, &err);
    assert_int_equal(stats.articles, 1);
    assert_int_equal(stats.stories, 1);
    membership m = memberships(f);
    assert_int_equal(m.count, 1);
}

static void bad_items_are_reported_and_the_rest_stored(void **state)
{
    fixture *f = *state;
    char dir[600], path[700];
    snprintf(dir, sizeof dir, "%s/in", f->dir);
    mkdir(dir, 0700);
    snprintf(path, sizeof path, "%s/good.txt", dir);
    write_file(path, "Title: Good\n\nA good article about the harbour.", 45);
    snprintf(path, sizeof path, "%s/latin1.txt", dir);
    write_file(path, "Title: Bad\n\nCaf\xE9 crème", 21);
    snprintf(path, sizeof path, "%s/empty.txt", dir);
    write_file(path, "", 0);
    snprintf(path, sizeof path, "%s/binary.txt", dir);
    write_file(path, "\x89PNG\r\n\x1a\n\0\0\0", 11);
    snprintf(path, sizeof path, "%s/ignored.md", dir);
    write_file(path, "not read: wrong extension", 25);
    snprintf(path, sizeof path, "%s/feed.jsonl", dir);
    const char *jsonl = "{\"id\":\"j1\",\"text\":\"First good line.\"}\n"
                        "{\"id\":\"j2\",\"text\":\n"
                        "\n"
                        "{\"id\":\"j3\",\"text\":\"Third line is fine.\"}\n";
    write_file(path, jsonl, strlen(jsonl));
    collected c = {0};
    xc_ingest_summary sum = ingest(f, dir, &c);
    assert_int_equal(sum.added, 3);
    assert_int_equal(sum.failed, 4);
    assert_non_null(strstr(c.messages, "feed.jsonl:2: malformed JSON"));
    assert_non_null(strstr(c.messages, "latin1.txt:3: invalid UTF-8"));
    assert_non_null(strstr(c.messages, "empty.txt:1: empty article"));
    assert_non_null(strstr(c.messages, "binary.txt:3: binary data"));
    assert_null(strstr(c.messages, "ignored.md"));
}

static void duplicate_id_in_one_batch_keeps_the_last(void **state)
{
    fixture *f = *state;
    char path[600];
    snprintf(path, sizeof path, "%s/dup.jsonl", f->dir);
    const char *jsonl = "{\"id\":\"same\",\"title\":\"Old\",\"text\":\"Old text about ferries.\"}\n"
                        "{\"id\":\"same\",\"title\":\"New\",\"text\":\"New text about ferries.\"}\n";
    write_file(path, jsonl, strlen(jsonl));
    collected c = {0};
    xc_ingest_summary sum = ingest(f, path, &c);
    assert_int_equal(sum.added, 1);
    assert_int_equal(sum.updated, 1);
    membership m = memberships(f);
    assert_int_equal(m.count, 1);
}

typedef struct hits {
    char ids[20][64];
    char snippet[512];
    size_t count;
} hits;

static int note_hit(void *user, const xc_search_hit *h)
{
    hits *s = user;
    if (s->count == 0)
        snprintf(s->snippet, sizeof s->snippet, "%s", h->snippet);
    if (s->count < 20)
        snprintf(s->ids[s->count++], 64, "%s", h->article->id);
    return 0;
}

static void search_ranks_and_survives_odd_queries(void **state)
{
    fixture *f = *state;
    collected c = {0};
    ingest(f, examples_dir(), &c);
    hits h = {0};
    xc_error err = {0};
    assert_int_equal(xc_search(f->ctx, "Voltrane recall", NULL, note_hit, &h, &err), XC_OK);
    assert_true(h.count >= 3);
    for (size_t i = 0; i < 3; i++)
        assert_non_null(strstr(h.ids[i], "recall"));
    assert_non_null(strstr(h.snippet, "["));

    const char *odd[] = {"U.S.", "\"unbalanced", "AND", "OR OR", "a-b-c", "NEAR(x y)", "*", "ferry -train",
                         "col:umn", "(", "ferr*"};
    for (size_t i = 0; i < sizeof odd / sizeof *odd; i++) {
        hits any = {0};
        xc_status st = xc_search(f->ctx, odd[i], NULL, note_hit, &any, &err);
        if (st != XC_OK && st != XC_ERR_ARG)
            fail_msg("query %s: %s", odd[i], err.message);
    }
    hits none = {0};
    assert_int_equal(xc_search(f->ctx, "   ", NULL, note_hit, &none, &err), XC_ERR_ARG);
    assert_int_equal(xc_search(f->ctx, "-ferry", NULL, note_hit, &none, &err), XC_ERR_ARG);
    /* Exclusion works. */
    hits with = {0}, without = {0};
    assert_int_equal(xc_search(f->ctx, "ferry", NULL, note_hit, &with, &err), XC_OK);
    assert_int_equal(xc_search(f->ctx, "ferry -Ostrel", NULL, note_hit, &without, &err), XC_OK);
    assert_true(without.count < with.count);
    /* Raw FTS5 syntax errors are reported, not crashed on. */
    xc_search_options raw = {.raw = true};
    assert_int_equal(xc_search(f->ctx, "\"unbalanced", &raw, note_hit, &none, &err), XC_ERR_ARG);
}

static void newer_schema_is_refused(void **state)
{
    fixture *f = *state;
    xc_close(f->ctx);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(f->db, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 999", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    xc_error err = {0};
    f->ctx = xc_open(f->db, &err);
    assert_null(f->ctx);
    assert_int_equal(err.status, XC_ERR_SCHEMA);
    assert_non_null(strstr(err.message, "999"));
    /* The store is left as it was for a newer crosscheck to use. */
    assert_int_equal(sqlite3_open(f->db, &db), SQLITE_OK);
    sqlite3_stmt *st;
    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 999);
    sqlite3_finalize(st);
    sqlite3_close(db);
}

static void fresh_store_has_current_schema(void **state)
{
    fixture *f = *state;
    assert_int_equal(xc_store_schema_version(f->ctx), xc_schema_version());
    assert_true(xc_schema_version() >= 1);
    xc_error err = {0};
    assert_null(xc_open("/nonexistent-dir/x.db", &err));
    assert_int_equal(err.status, XC_ERR_STORE);
    assert_non_null(strstr(err.message, "/nonexistent-dir/x.db"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(fresh_store_has_current_schema, setup, teardown),
        cmocka_unit_test_setup_teardown(demo_corpus_groups_into_its_events, setup, teardown),
        cmocka_unit_test_setup_teardown(reingest_changes_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(story_ids_are_stable_as_stories_grow, setup, teardown),
        cmocka_unit_test_setup_teardown(changed_article_is_updated, setup, teardown),
        cmocka_unit_test_setup_teardown(bad_items_are_reported_and_the_rest_stored, setup, teardown),
        cmocka_unit_test_setup_teardown(duplicate_id_in_one_batch_keeps_the_last, setup, teardown),
        cmocka_unit_test_setup_teardown(search_ranks_and_survives_odd_queries, setup, teardown),
        cmocka_unit_test_setup_teardown(newer_schema_is_refused, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
