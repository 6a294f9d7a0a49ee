/* Reading the store: stories with their articles, single articles, full-text
 * search and counts. Results are handed to callbacks as structs of the
 * public header; strings live in an arena for the duration of one call. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store.h"
#include "../core/context.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/error.h"
#include "../util/vec.h"

static const char *keep(xc_arena *a, sqlite3_stmt *st, int col)
{
    const char *s = xc_column_text(st, col);
    return s ? xc_arena_strndup(a, s, (size_t)sqlite3_column_bytes(st, col)) : NULL;
}

typedef struct article_list {
    xc_article *items;
    size_t count, capacity;
} article_list;

typedef struct string_list {
    const char **items;
    size_t count, capacity;
} string_list;

/* Fill story->articles/sources/dates for one story row. */
static xc_status load_story_members(xc_ctx *ctx, xc_story *story, size_t limit, xc_arena *arena,
                                    article_list *articles, string_list *sources, xc_error *err)
{
    /* Order, outlets and dates come from story_articles and its
     * story_articles_members index; an article's own row is read only for
     * the members shown (the subquery picks them before the join). */
    static const char members_sql[] =
        "SELECT a.id, a.title, sa.source, a.url, sa.published, sa.similarity, sa.why, "
        "       l.grp, c.id, l.kind "
        "FROM (SELECT article, source, published, similarity, why, published_ts, seq FROM story_articles "
        "      WHERE story = ?1 ORDER BY published_ts IS NULL, published_ts, seq LIMIT ?2) sa "
        "JOIN articles a ON a.key = sa.article "
        "LEFT JOIN lineage l ON l.article = a.key LEFT JOIN articles c ON c.key = l.copy_of "
        "ORDER BY sa.published_ts IS NULL, sa.published_ts, sa.seq";
    static const char sources_sql[] =
        "SELECT DISTINCT sa.source FROM story_articles sa "
        "WHERE sa.story = ? AND sa.source IS NOT NULL ORDER BY sa.source";
    static const char span_sql[] =
        "SELECT (SELECT sa.published FROM story_articles sa WHERE sa.story = ?1 AND sa.published_ts IS NOT NULL "
        "        ORDER BY sa.published_ts, sa.seq LIMIT 1),"
        "       (SELECT sa.published FROM story_articles sa WHERE sa.story = ?1 AND sa.published_ts IS NOT NULL "
        "        ORDER BY sa.published_ts DESC, sa.seq DESC LIMIT 1)";
    xc_store *s = &ctx->store;
    articles->count = 0;
    sources->count = 0;

    sqlite3_stmt *st = xc_store_prepare(s, members_sql, err);
    if (!st)
        return XC_ERR_STORE;
    sqlite3_bind_int64(st, 1, story->id);
    sqlite3_bind_int64(st, 2, limit ? (int64_t)limit : -1);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        xc_article a = {
            .id = keep(arena, st, 0),
            .title = keep(arena, st, 1),
            .source = keep(arena, st, 2),
            .url = keep(arena, st, 3),
            .published = keep(arena, st, 4),
            .similarity = sqlite3_column_double(st, 5),
            .why_json = keep(arena, st, 6),
            .duplicate_group = sqlite3_column_int64(st, 7),
            .copy_of = keep(arena, st, 8),
            .copy_kind = keep(arena, st, 9),
            .story = story->id,
        };
        if (!XC_VEC_PUSH(articles, a)) {
            sqlite3_reset(st);
            return xc_fail(err, XC_ERR_NOMEM, "out of memory");
        }
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return xc_store_error(s, err, "reading a story's articles");

    st = xc_store_prepare(s, sources_sql, err);
    if (!st)
        return XC_ERR_STORE;
    sqlite3_bind_int64(st, 1, story->id);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *source = keep(arena, st, 0);
        if (!XC_VEC_PUSH(sources, source)) {
            sqlite3_reset(st);
            return xc_fail(err, XC_ERR_NOMEM, "out of memory");
        }
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return xc_store_error(s, err, "reading a story's sources");

    st = xc_store_prepare(s, span_sql, err);
    if (!st)
        return XC_ERR_STORE;
    sqlite3_bind_int64(st, 1, story->id);
    if (sqlite3_step(st) == SQLITE_ROW) {
        story->first_published = keep(arena, st, 0);
        story->last_published = keep(arena, st, 1);
    }
    sqlite3_reset(st);

    story->articles = articles->items;
    story->articles_shown = articles->count;
    story->sources = sources->items;
    story->source_count = sources->count;
    return XC_OK;
}

/* ---- story lists ------------------------------------------------------- */

static xc_status translate_query(const char *q, xc_buf *out, xc_error *err);

/* Unix seconds of an ISO 8601 date; a day, month or year given as an
 * upper bound reaches to its last second. */
static xc_status bound_seconds(const char *iso, bool upper, int64_t *out, xc_error *err)
{
    xc_date d;
    if (!xc_date_parse(iso, strlen(iso), &d) || d.precision == XC_DATE_NONE)
        return xc_fail(err, XC_ERR_ARG, "not a date: \"%s\" (give one as 2026-02-19 or 2026-02-19T06:00:00Z)",
                       iso);
    *out = d.unix_seconds;
    if (upper) {
        if (d.precision == XC_DATE_DAY)
            *out += 86399;
        else if (d.precision == XC_DATE_MINUTE)
            *out += 59;
        else if (d.precision == XC_DATE_MONTH || d.precision == XC_DATE_YEAR) {
            /* the start of the next month or year, less a second */
            time_t t = (time_t)d.unix_seconds;
            struct tm tm;
            gmtime_r(&t, &tm);
            if (d.precision == XC_DATE_MONTH)
                tm.tm_mon++;
            else
                tm.tm_year++;
            *out = (int64_t)timegm(&tm) - 1;
        }
    }
    return XC_OK;
}

/* The parameters of a story query's SQL: ?1 minimum size, ?2 limit,
 * ?3 offset, ?4/?5 the date range, ?6 outlet, ?7 entity, ?8 the FTS5 query. */
typedef struct story_filter {
    int64_t from, to;
    bool dated;
    xc_buf fts;
} story_filter;

static xc_status story_filter_make(const xc_story_query *q, story_filter *f, xc_buf *where, xc_error *err)
{
    memset(f, 0, sizeof *f);
    f->from = INT64_MIN;
    f->to = INT64_MAX;
    xc_buf_puts(where, " WHERE s.size >= ?1");
    if (!q)
        return XC_OK;
    xc_status st = XC_OK;
    if (q->from && *q->from)
        st = bound_seconds(q->from, false, &f->from, err), f->dated = true;
    if (st == XC_OK && q->to && *q->to)
        st = bound_seconds(q->to, true, &f->to, err), f->dated = true;
    if (st == XC_OK && q->text && *q->text)
        st = translate_query(q->text, &f->fts, err);
    if (st != XC_OK)
        return st;
    if (f->dated)
        xc_buf_puts(where, " AND s.id IN (SELECT sa.story FROM articles a JOIN story_articles sa "
                           "ON sa.article = a.key WHERE a.published_ts BETWEEN ?4 AND ?5)");
    if (q->outlet && *q->outlet)
        xc_buf_puts(where, " AND s.id IN (SELECT sa.story FROM articles a JOIN story_articles sa "
                           "ON sa.article = a.key WHERE a.source = ?6)");
    if (q->entity)
        xc_buf_puts(where, " AND s.id IN (SELECT sa.story FROM mentions m JOIN story_articles sa "
                           "ON sa.article = m.article WHERE m.entity = ?7)");
    if (f->fts.len)
        xc_buf_puts(where, " AND s.id IN (SELECT sa.story FROM articles_fts JOIN story_articles sa "
                           "ON sa.article = articles_fts.rowid WHERE articles_fts MATCH ?8)");
    return where->failed ? xc_fail(err, XC_ERR_NOMEM, "out of memory") : XC_OK;
}

static void story_filter_bind(sqlite3_stmt *st, const xc_story_query *q, const story_filter *f)
{
    sqlite3_bind_int64(st, 1, q && q->min_articles ? (int64_t)q->min_articles : 0);
    sqlite3_bind_int64(st, 2, q && q->limit ? (int64_t)q->limit : -1);
    sqlite3_bind_int64(st, 3, q ? (int64_t)q->offset : 0);
    sqlite3_bind_int64(st, 4, f->from);
    sqlite3_bind_int64(st, 5, f->to);
    if (q && q->outlet)
        sqlite3_bind_text(st, 6, q->outlet, -1, SQLITE_STATIC);
    if (q && q->entity)
        sqlite3_bind_int64(st, 7, q->entity);
    if (f->fts.len)
        sqlite3_bind_text(st, 8, xc_buf_str((xc_buf *)&f->fts), (int)f->fts.len, SQLITE_STATIC);
}

static xc_status walk_stories(xc_ctx *ctx, const char *sql, int64_t id, const xc_story_query *q,
                              const story_filter *f, xc_story_fn fn, void *user, bool *found, xc_error *err)
{
    xc_store *s = &ctx->store;
    sqlite3_stmt *st = NULL;
    /* The listing statement stays open while member queries run, so it is
     * prepared for this walk only rather than taken from the cache. */
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return xc_store_error(s, err, "listing stories");
    if (id)
        sqlite3_bind_int64(st, 1, id);
    else
        story_filter_bind(st, q, f);
    article_list articles = {0};
    string_list sources = {0};
    xc_status status = XC_OK;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        xc_arena arena = {0};
        xc_story story = {
            .id = sqlite3_column_int64(st, 0),
            .title = keep(&arena, st, 1),
            .article_count = (size_t)sqlite3_column_int64(st, 2),
            .independent = (size_t)sqlite3_column_int64(st, 3),
            .independent_outlets = (size_t)sqlite3_column_int64(st, 4),
            .last_seq = sqlite3_column_int64(st, 5),
        };
        status = load_story_members(ctx, &story, q ? q->articles_per_story : 0, &arena, &articles,
                                    &sources, err);
        int stop = status == XC_OK ? fn(user, &story) : 1;
        xc_arena_free(&arena);
        if (found)
            *found = true;
        if (stop)
            break;
    }
    if (status == XC_OK && rc != SQLITE_ROW && rc != SQLITE_DONE)
        status = xc_store_error(s, err, "listing stories");
    sqlite3_finalize(st);
    free(articles.items);
    free(sources.items);
    return status;
}

#define STORY_COLUMNS "SELECT s.id, s.title, s.size, s.originals, s.outlets, s.last_seq FROM stories s"

xc_status xc_stories_each(xc_ctx *ctx, const xc_story_query *query, xc_story_fn fn, void *user,
                          xc_error *err)
{
    static const char *const orders[] = {
        [XC_STORIES_BY_SIZE] = " ORDER BY s.originals DESC, s.size DESC, coalesce(s.last_ts, 0) DESC, s.id",
        /* SQLite sorts NULL first, so descending puts undated stories
         * last, and the order is the stories_recent index read backwards */
        [XC_STORIES_BY_RECENCY] = " ORDER BY s.last_ts DESC, s.last_seq DESC",
        [XC_STORIES_BY_ID] = " ORDER BY s.id",
        [XC_STORIES_BY_OUTLETS] =
            " ORDER BY s.outlets DESC, s.originals DESC, s.size DESC, coalesce(s.last_ts, 0) DESC, s.id",
    };
    xc_story_order order = query ? query->order : XC_STORIES_BY_SIZE;
    if ((unsigned)order >= sizeof orders / sizeof *orders)
        return xc_fail(err, XC_ERR_ARG, "unknown story order %d", (int)order);
    story_filter f;
    xc_buf sql = {0};
    xc_buf_puts(&sql, STORY_COLUMNS);
    xc_status st = story_filter_make(query, &f, &sql, err);
    if (st == XC_OK) {
        xc_buf_puts(&sql, orders[order]);
        xc_buf_puts(&sql, " LIMIT ?2 OFFSET ?3");
        st = sql.failed ? xc_fail(err, XC_ERR_NOMEM, "out of memory")
                        : walk_stories(ctx, xc_buf_str(&sql), 0, query, &f, fn, user, NULL, err);
    }
    xc_buf_free(&sql);
    xc_buf_free(&f.fts);
    return st;
}

xc_status xc_stories_count(xc_ctx *ctx, const xc_story_query *query, size_t *count, xc_error *err)
{
    story_filter f;
    xc_buf sql = {0};
    *count = 0;
    xc_buf_puts(&sql, "SELECT count(*) FROM stories s");
    xc_status status = story_filter_make(query, &f, &sql, err);
    sqlite3_stmt *st = NULL;
    if (status == XC_OK && sql.failed)
        status = xc_fail(err, XC_ERR_NOMEM, "out of memory");
    if (status == XC_OK && sqlite3_prepare_v2(ctx->store.db, xc_buf_str(&sql), -1, &st, NULL) != SQLITE_OK)
        status = xc_store_error(&ctx->store, err, "counting stories");
    if (status == XC_OK) {
        story_filter_bind(st, query, &f);
        if (sqlite3_step(st) == SQLITE_ROW)
            *count = (size_t)sqlite3_column_int64(st, 0);
        else
            status = xc_store_error(&ctx->store, err, "counting stories");
    }
    sqlite3_finalize(st);
    xc_buf_free(&sql);
    xc_buf_free(&f.fts);
    return status;
}

xc_status xc_story_get(xc_ctx *ctx, int64_t id, xc_story_fn fn, void *user, xc_error *err)
{
    static const char sql[] = STORY_COLUMNS " WHERE s.id = ?1";
    if (id <= 0)
        return xc_fail(err, XC_ERR_NOT_FOUND, "no story %lld", (long long)id);
    bool found = false;
    xc_status st = walk_stories(ctx, sql, id, NULL, NULL, fn, user, &found, err);
    if (st == XC_OK && !found)
        return xc_fail(err, XC_ERR_NOT_FOUND, "no story %lld (see: crosscheck stories)", (long long)id);
    return st;
}

xc_status xc_article_get(xc_ctx *ctx, const char *id, xc_article_fn fn, void *user, xc_error *err)
{
    static const char sql[] =
        "SELECT a.id, a.title, a.source, a.url, a.published, a.text, a.extra, a.origin, "
        "a.origin_line, a.body_offset, sa.story, sa.similarity, sa.why, l.grp, c.id, l.kind "
        "FROM articles a LEFT JOIN story_articles sa ON sa.article = a.key "
        "LEFT JOIN lineage l ON l.article = a.key LEFT JOIN articles c ON c.key = l.copy_of "
        "WHERE a.id = ?";
    sqlite3_stmt *st = xc_store_prepare(&ctx->store, sql, err);
    if (!st)
        return XC_ERR_STORE;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(st);
        if (rc == SQLITE_DONE)
            return xc_fail(err, XC_ERR_NOT_FOUND, "no article \"%s\"", id);
        return xc_store_error(&ctx->store, err, "reading an article");
    }
    xc_article a = {
        .id = xc_column_text(st, 0),
        .title = xc_column_text(st, 1),
        .source = xc_column_text(st, 2),
        .url = xc_column_text(st, 3),
        .published = xc_column_text(st, 4),
        .text = xc_column_text(st, 5),
        .text_len = (size_t)sqlite3_column_bytes(st, 5),
        .extra_json = xc_column_text(st, 6),
        .origin = xc_column_text(st, 7),
        .origin_line = (long)sqlite3_column_int64(st, 8),
        .body_offset = (long)sqlite3_column_int64(st, 9),
        .story = sqlite3_column_int64(st, 10),
        .similarity = sqlite3_column_double(st, 11),
        .why_json = xc_column_text(st, 12),
        .duplicate_group = sqlite3_column_int64(st, 13),
        .copy_of = xc_column_text(st, 14),
        .copy_kind = xc_column_text(st, 15),
    };
    fn(user, &a);
    sqlite3_reset(st);
    return XC_OK;
}

/* ---- search ------------------------------------------------------------ */

/* One query word or phrase as an FTS5 string literal. */
static void quote_term(xc_buf *out, const char *s, size_t n)
{
    xc_buf_putc(out, '"');
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            xc_buf_putc(out, '"');
        xc_buf_putc(out, s[i]);
    }
    xc_buf_putc(out, '"');
}

/* The user's query in FTS5 syntax: words AND-ed, "phrases", OR, -word,
 * word* — everything else quoted, so "U.S." or "don't" cannot break it. */
static xc_status translate_query(const char *q, xc_buf *out, xc_error *err)
{
    bool positive = false, pending_or = false;
    const char *p = q;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
            p++;
        if (!*p)
            break;
        bool negate = false;
        if (*p == '-' && p[1] && p[1] != ' ') {
            negate = true;
            p++;
        }
        const char *start;
        size_t n;
        bool prefix = false;
        if (*p == '"') {
            start = ++p;
            while (*p && *p != '"')
                p++;
            n = (size_t)(p - start);
            if (*p == '"')
                p++;
        } else {
            start = p;
            while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
                p++;
            n = (size_t)(p - start);
            if (!negate && n == 2 && memcmp(start, "OR", 2) == 0) {
                if (positive)
                    pending_or = true;
                continue;
            }
            if (n > 1 && start[n - 1] == '*') {
                prefix = true;
                n--;
            }
        }
        /* Skip terms with nothing FTS5 would index (punctuation only). */
        bool has_word = false;
        for (size_t i = 0; i < n && !has_word; i++) {
            unsigned char c = (unsigned char)start[i];
            has_word = c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
        }
        if (!has_word)
            continue;
        if (negate) {
            if (!positive)
                continue; /* exclusions apply once something is included */
            xc_buf_puts(out, " NOT ");
        } else if (positive) {
            xc_buf_puts(out, pending_or ? " OR " : " ");
        }
        pending_or = false;
        quote_term(out, start, n);
        if (prefix)
            xc_buf_putc(out, '*');
        if (!negate)
            positive = true;
    }
    if (!positive)
        return xc_fail(err, XC_ERR_ARG, "empty query: give at least one word to search for");
    return out->failed ? xc_fail(err, XC_ERR_NOMEM, "out of memory") : XC_OK;
}

xc_status xc_search(xc_ctx *ctx, const char *query, const xc_search_options *options, xc_hit_fn fn,
                    void *user, xc_error *err)
{
    static const char sql[] =
        "SELECT a.id, a.title, a.source, a.url, a.published, sa.story, sa.similarity,"
        "       bm25(articles_fts, 4.0, 1.0) AS score,"
        /* FTS5 snippets take time with the number of matches: a huge article
         * gets its opening instead. */
        "       CASE WHEN length(a.text) <= 262144 THEN snippet(articles_fts, 1, ?2, ?3, '\xE2\x80\xA6', 20) "
        "            ELSE substr(a.text, 1, 160) || '\xE2\x80\xA6' END "
        "FROM articles_fts JOIN articles a ON a.key = articles_fts.rowid "
        "LEFT JOIN story_articles sa ON sa.article = a.key "
        "WHERE articles_fts MATCH ?1 ORDER BY score LIMIT ?4";
    xc_search_options opt = options ? *options : (xc_search_options){0};
    if (!opt.limit)
        opt.limit = 20;
    if (!query)
        return xc_fail(err, XC_ERR_ARG, "no query");
    xc_buf fts = {0};
    if (opt.raw) {
        xc_buf_puts(&fts, query);
    } else {
        xc_status st = translate_query(query, &fts, err);
        if (st != XC_OK) {
            xc_buf_free(&fts);
            return st;
        }
    }
    sqlite3_stmt *st = xc_store_prepare(&ctx->store, sql, err);
    if (!st) {
        xc_buf_free(&fts);
        return XC_ERR_STORE;
    }
    sqlite3_bind_text(st, 1, xc_buf_str(&fts), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, opt.mark_open ? opt.mark_open : "[", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, opt.mark_close ? opt.mark_close : "]", -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 4, (int64_t)opt.limit);
    xc_buf_free(&fts);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        xc_article a = {
            .id = xc_column_text(st, 0),
            .title = xc_column_text(st, 1),
            .source = xc_column_text(st, 2),
            .url = xc_column_text(st, 3),
            .published = xc_column_text(st, 4),
            .story = sqlite3_column_int64(st, 5),
            .similarity = sqlite3_column_double(st, 6),
        };
        xc_search_hit hit = {&a, -sqlite3_column_double(st, 7), xc_column_text(st, 8)};
        if (fn(user, &hit))
            break;
    }
    xc_status status = XC_OK;
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        const char *message = sqlite3_errmsg(ctx->store.db);
        /* A plain SQLITE_ERROR from MATCH is the query's fault. */
        status = (rc & 0xff) == SQLITE_ERROR ? xc_fail(err, XC_ERR_ARG, "bad query: %s", message)
                     : xc_store_error(&ctx->store, err, "searching");
    }
    sqlite3_reset(st);
    return status;
}

xc_status xc_stats(xc_ctx *ctx, xc_store_stats *out, xc_error *err)
{
    static const char sql[] = "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM stories),"
                              " (SELECT count(DISTINCT source) FROM articles),"
                              " (SELECT count(*) FROM terms),"
                              " (SELECT count(*) FROM entities WHERE articles > 0), (SELECT count(*) FROM mentions)";
    sqlite3_stmt *st = xc_store_prepare(&ctx->store, sql, err);
    if (!st)
        return XC_ERR_STORE;
    memset(out, 0, sizeof *out);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        out->articles = (size_t)sqlite3_column_int64(st, 0);
        out->stories = (size_t)sqlite3_column_int64(st, 1);
        out->sources = (size_t)sqlite3_column_int64(st, 2);
        out->terms = (size_t)sqlite3_column_int64(st, 3);
        out->entities = (size_t)sqlite3_column_int64(st, 4);
        out->mentions = (size_t)sqlite3_column_int64(st, 5);
    }
    sqlite3_reset(st);
    out->schema_version = xc_store_version(&ctx->store);
    return rc == SQLITE_ROW ? XC_OK : xc_store_error(&ctx->store, err, "counting");
}
