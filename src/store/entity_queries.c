/* Reading entities: ranked lists for the whole store or one story, each
 * with its spellings, roles and articles. */
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "../core/context.h"
#include "../ner/tags.h"
#include "../util/error.h"
#include "../util/vec.h"

typedef struct variants {
    xc_variant *items;
    size_t count, capacity;
} variants;

typedef struct strings {
    const char **items;
    size_t count, capacity;
} strings;

static void free_variants(variants *v)
{
    for (size_t i = 0; i < v->count; i++)
        free((char *)v->items[i].text);
    free(v->items);
    memset(v, 0, sizeof *v);
}

static void free_strings(strings *v)
{
    for (size_t i = 0; i < v->count; i++)
        free((char *)v->items[i]);
    free(v->items);
    memset(v, 0, sizeof *v);
}

/* Each query in two forms, ?1 the entity and ?2 the story: over the whole
 * store, driven by the entity's mentions (the mentions_entity index), and
 * over one story, driven by the story's articles — CROSS JOIN keeps SQLite
 * from starting at the entity, whose mentions may fill the store. */
typedef struct scoped_sql {
    const char *store, *story;
} scoped_sql;

static const char *in_scope(const scoped_sql *sql, int64_t story) { return story ? sql->story : sql->store; }

/* Rows of (text, count) into `out`. */
static xc_status read_variants(xc_store *s, const scoped_sql *sql, int64_t entity, int64_t story, variants *out,
                               xc_error *err)
{
    sqlite3_stmt *st = xc_store_prepare(s, in_scope(sql, story), err);
    if (!st)
        return XC_ERR_STORE;
    sqlite3_bind_int64(st, 1, entity);
    sqlite3_bind_int64(st, 2, story);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *text = xc_column_text(st, 0);
        char *copy = text ? strdup(text) : NULL;
        if (!copy || !XC_VEC_PUSH(out, ((xc_variant){copy, (size_t)sqlite3_column_int64(st, 1)}))) {
            free(copy);
            sqlite3_reset(st);
            return xc_fail(err, XC_ERR_NOMEM, "out of memory");
        }
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? XC_OK : xc_store_error(s, err, "reading an entity");
}

static xc_status read_articles(xc_store *s, int64_t entity, int64_t story, strings *out, xc_error *err)
{
    static const scoped_sql sql = {
        "SELECT DISTINCT a.id FROM mentions m JOIN articles a ON a.key = m.article WHERE m.entity = ?1 "
        "ORDER BY a.key",
        "SELECT DISTINCT a.id FROM story_articles sa CROSS JOIN mentions m ON m.article = sa.article "
        "JOIN articles a ON a.key = m.article WHERE sa.story = ?2 AND m.entity = ?1 ORDER BY a.key"};
    sqlite3_stmt *st = xc_store_prepare(s, in_scope(&sql, story), err);
    if (!st)
        return XC_ERR_STORE;
    sqlite3_bind_int64(st, 1, entity);
    sqlite3_bind_int64(st, 2, story);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *id = xc_column_text(st, 0);
        char *copy = id ? strdup(id) : NULL;
        if (!copy || !XC_VEC_PUSH(out, (const char *)copy)) {
            free(copy);
            sqlite3_reset(st);
            return xc_fail(err, XC_ERR_NOMEM, "out of memory");
        }
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? XC_OK : xc_store_error(s, err, "reading an entity's articles");
}

typedef struct mention_rows {
    xc_entity_mention *items;
    size_t count, capacity;
} mention_rows;

static void free_mentions(mention_rows *m)
{
    for (size_t i = 0; i < m->count; i++) {
        free((char *)m->items[i].article);
        free((char *)m->items[i].text);
        free((char *)m->items[i].role);
    }
    free(m->items);
    memset(m, 0, sizeof *m);
}

static char *copy_column(sqlite3_stmt *st, int col, bool *ok)
{
    const char *s = xc_column_text(st, col);
    if (!s)
        return NULL;
    char *c = strdup(s);
    if (!c)
        *ok = false;
    return c;
}

static xc_status read_mentions(xc_store *s, int64_t entity, int64_t story, mention_rows *out, xc_error *err)
{
    static const scoped_sql sql = {
        "SELECT a.id, m.start, m.end, m.text, m.role FROM mentions m JOIN articles a ON a.key = m.article "
        "WHERE m.entity = ?1 ORDER BY m.article, m.start",
        "SELECT a.id, m.start, m.end, m.text, m.role FROM story_articles sa CROSS JOIN mentions m "
        "ON m.article = sa.article JOIN articles a ON a.key = m.article WHERE sa.story = ?2 AND m.entity = ?1 "
        "ORDER BY m.article, m.start"};
    sqlite3_stmt *st = xc_store_prepare(s, in_scope(&sql, story), err);
    if (!st)
        return XC_ERR_STORE;
    sqlite3_bind_int64(st, 1, entity);
    sqlite3_bind_int64(st, 2, story);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        bool ok = true;
        xc_entity_mention m = {copy_column(st, 0, &ok), (size_t)sqlite3_column_int64(st, 1),
                               (size_t)sqlite3_column_int64(st, 2), copy_column(st, 3, &ok), copy_column(st, 4, &ok)};
        if (!ok || !XC_VEC_PUSH(out, m)) {
            free((char *)m.article);
            free((char *)m.text);
            free((char *)m.role);
            sqlite3_reset(st);
            return xc_fail(err, XC_ERR_NOMEM, "out of memory");
        }
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? XC_OK : xc_store_error(s, err, "reading mentions");
}

typedef struct ranked {
    int64_t id, type;
    char *name;
    size_t articles, independent, mentions;
} ranked;

xc_status xc_entities_each(xc_ctx *ctx, const xc_entity_query *query, xc_entity_fn fn, void *user, xc_error *err)
{
    /* Counts per entity in the scope: articles, originals, mentions; over
     * one story, for one entity, or over everything. ?1 story, ?2 entity. */
#define RANKED_COLUMNS                                                                                            \
    "SELECT m.entity, e.type, e.name, count(DISTINCT m.article), "                                                \
    "count(DISTINCT CASE WHEN l.copy_of IS NULL THEN m.article END), count(*) "
#define RANKED_JOINS "JOIN entities e ON e.id = m.entity LEFT JOIN lineage l ON l.article = m.article "
#define RANKED_ORDER "GROUP BY m.entity ORDER BY 5 DESC, 6 DESC, m.entity LIMIT ?3"
    static const char in_story[] = RANKED_COLUMNS "FROM story_articles sa CROSS JOIN mentions m ON m.article = "
                                                  "sa.article " RANKED_JOINS
                                                  "WHERE sa.story = ?1 AND (?2 = 0 OR m.entity = ?2) " RANKED_ORDER;
    static const char one[] = RANKED_COLUMNS "FROM mentions m " RANKED_JOINS "WHERE m.entity = ?2 AND ?1 = 0 "
                                             RANKED_ORDER;
    static const char all[] = RANKED_COLUMNS "FROM mentions m " RANKED_JOINS "WHERE ?1 = 0 AND ?2 = 0 " RANKED_ORDER;
    static const scoped_sql spellings = {
        "SELECT m.text, count(*) FROM mentions m WHERE m.entity = ?1 GROUP BY m.text ORDER BY 2 DESC, 1",
        "SELECT m.text, count(*) FROM story_articles sa CROSS JOIN mentions m ON m.article = sa.article "
        "WHERE sa.story = ?2 AND m.entity = ?1 GROUP BY m.text ORDER BY 2 DESC, 1"};
    static const scoped_sql roles = {
        "SELECT m.role, count(*) FROM mentions m WHERE m.entity = ?1 AND m.role IS NOT NULL "
        "GROUP BY m.role ORDER BY 2 DESC, 1",
        "SELECT m.role, count(*) FROM story_articles sa CROSS JOIN mentions m ON m.article = sa.article "
        "WHERE sa.story = ?2 AND m.entity = ?1 AND m.role IS NOT NULL GROUP BY m.role ORDER BY 2 DESC, 1"};
    int64_t story = query ? query->story : 0, entity = query ? query->id : 0;
    const char *sql = story ? in_story : entity ? one : all;
    xc_store *s = &ctx->store;
    sqlite3_stmt *st = xc_store_prepare(s, sql, err);
    if (!st)
        return XC_ERR_STORE;
    sqlite3_bind_int64(st, 1, story);
    sqlite3_bind_int64(st, 2, entity);
    sqlite3_bind_int64(st, 3, query && query->limit ? (int64_t)query->limit : -1);
    /* read the ranking first: the per-entity queries reuse the connection */
    struct { ranked *items; size_t count, capacity; } list = {0};
    int rc;
    xc_status status = XC_OK;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *name = xc_column_text(st, 2);
        ranked r = {sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1), strdup(name ? name : ""),
                    (size_t)sqlite3_column_int64(st, 3), (size_t)sqlite3_column_int64(st, 4),
                    (size_t)sqlite3_column_int64(st, 5)};
        if (!r.name || !XC_VEC_PUSH(&list, r)) {
            free(r.name);
            status = xc_fail(err, XC_ERR_NOMEM, "out of memory");
            break;
        }
    }
    sqlite3_reset(st);
    if (status == XC_OK && rc != SQLITE_DONE)
        status = xc_store_error(s, err, "listing entities");
    for (size_t i = 0; status == XC_OK && i < list.count; i++) {
        const ranked *r = &list.items[i];
        variants v = {0}, ro = {0};
        strings a = {0};
        mention_rows ms = {0};
        status = read_variants(s, &spellings, r->id, story, &v, err);
        if (status == XC_OK)
            status = read_variants(s, &roles, r->id, story, &ro, err);
        if (status == XC_OK)
            status = read_articles(s, r->id, story, &a, err);
        if (status == XC_OK && query && query->with_mentions)
            status = read_mentions(s, r->id, story, &ms, err);
        if (status == XC_OK) {
            xc_entity e = {r->id,          r->name,  xc_ner_type_name((int)r->type),
                           r->articles,    r->independent,
                           r->mentions,    v.items,  v.count,
                           ro.items,       ro.count, a.items,
                           a.count,        ms.items, ms.count};
            if (fn(user, &e) != 0)
                i = list.count;
        }
        free_variants(&v);
        free_variants(&ro);
        free_strings(&a);
        free_mentions(&ms);
    }
    for (size_t i = 0; i < list.count; i++)
        free(list.items[i].name);
    free(list.items);
    return status;
}
