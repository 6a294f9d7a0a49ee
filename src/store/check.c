/* Consistency checks over a whole store: what `crosscheck check` runs, and
 * what the crash test relies on to prove that a killed ingest left no half
 * article behind. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "store.h"
#include "../core/context.h"
#include "../util/error.h"

typedef struct checker {
    xc_store *store;
    xc_problem_fn problem;
    void *user;
    xc_check_report *out;
} checker;

__attribute__((format(printf, 2, 3))) static void problem(checker *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char message[256];
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    c->out->problems++;
    if (c->problem)
        c->problem(c->user, message);
}

/* Run a query that yields one number; -1 on error. */
static long long count(checker *c, const char *sql)
{
    sqlite3_stmt *st;
    long long n = -1;
    if (sqlite3_prepare_v2(c->store->db, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

xc_status xc_check(xc_ctx *ctx, xc_problem_fn problem_fn, void *user, xc_check_report *out,
                   xc_error *err)
{
    xc_check_report local;
    checker c = {&ctx->store, problem_fn, user, out ? out : &local};
    memset(c.out, 0, sizeof *c.out);

    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(c.store->db, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK)
        return xc_store_error(c.store, err, "integrity check");
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *line = (const char *)sqlite3_column_text(st, 0);
        if (line && strcmp(line, "ok") != 0) {
            char message[300];
            snprintf(message, sizeof message, "sqlite: %s", line);
            c.out->problems++;
            if (problem_fn)
                problem_fn(user, message);
        }
    }
    sqlite3_finalize(st);

    /* FTS5 compares its index with the articles table (rank = 1). */
    char *message = NULL;
    if (sqlite3_exec(c.store->db, "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)",
                     NULL, NULL, &message) != SQLITE_OK) {
        char text[300];
        snprintf(text, sizeof text, "full-text index does not match the articles: %s",
                 message ? message : "?");
        c.out->problems++;
        if (problem_fn)
            problem_fn(user, text);
    }
    sqlite3_free(message);

    long long n;
    n = count(&c, "SELECT count(*) FROM articles");
    c.out->articles = n > 0 ? (size_t)n : 0;
    n = count(&c, "SELECT count(*) FROM stories");
    c.out->stories = n > 0 ? (size_t)n : 0;
    if ((n = count(&c, "SELECT count(*) FROM articles WHERE key NOT IN (SELECT article FROM story_articles)")) != 0)
        problem(&c, "%lld articles are in no story", n);
    if ((n = count(&c, "SELECT count(*) FROM story_articles WHERE article NOT IN (SELECT key FROM articles)")) != 0)
        problem(&c, "%lld story memberships point at no article", n);
    if ((n = count(&c, "SELECT count(*) FROM stories s WHERE size != "
                       "(SELECT count(*) FROM story_articles sa WHERE sa.story = s.id)")) != 0)
        problem(&c, "%lld stories have a wrong size", n);
    if ((n = count(&c, "SELECT count(*) FROM stories s WHERE NOT EXISTS "
                       "(SELECT 1 FROM story_articles sa WHERE sa.story = s.id)")) != 0)
        problem(&c, "%lld stories are empty", n);
    if ((n = count(&c, "SELECT count(*) FROM articles WHERE length(text) = 0")) != 0)
        problem(&c, "%lld articles have no text", n);
    /* Copies do not enter the term statistics or a story's count of
     * independent reports. */
    if ((n = count(&c, "SELECT (SELECT coalesce(value, 0) FROM meta WHERE key = 'term_articles') - "
                       "(SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM lineage l "
                       " WHERE l.article = a.key AND l.copy_of IS NOT NULL))")) != 0 && n != -1)
        problem(&c, "term statistics count %lld articles more than the stored originals", n);
    if ((n = count(&c, "SELECT count(*) FROM stories s WHERE originals != (SELECT count(*) FROM story_articles sa "
                       "WHERE sa.story = s.id AND NOT EXISTS (SELECT 1 FROM lineage l WHERE l.article = sa.article "
                       "AND l.copy_of IS NOT NULL))")) != 0)
        problem(&c, "%lld stories have a wrong count of independent reports", n);
    if ((n = count(&c, "SELECT count(*) FROM stories s WHERE outlets != (SELECT count(DISTINCT a.source) "
                       "FROM story_articles sa JOIN articles a ON a.key = sa.article LEFT JOIN lineage l "
                       "ON l.article = a.key WHERE sa.story = s.id AND a.source IS NOT NULL "
                       "AND l.copy_of IS NULL)")) != 0)
        problem(&c, "%lld stories have a wrong count of independent outlets", n);
    if ((n = count(&c, "SELECT count(*) FROM story_articles sa JOIN articles a ON a.key = sa.article "
                       "WHERE sa.published_ts IS NOT a.published_ts OR sa.seq != a.seq "
                       "OR sa.source IS NOT a.source OR sa.published IS NOT a.published")) != 0)
        problem(&c, "%lld story memberships disagree with their article's outlet, date or order", n);
    if ((n = count(&c, "SELECT count(*) FROM lineage l JOIN story_articles a ON a.article = l.article "
                       "JOIN story_articles b ON b.article = l.copy_of WHERE a.story != b.story")) != 0)
        problem(&c, "%lld copies are in another story than what they copy", n);
    /* Entities: every mention names a stored entity, and each entity's
     * counts match its mentions. */
    if ((n = count(&c, "SELECT count(*) FROM mentions WHERE entity NOT IN (SELECT id FROM entities)")) != 0)
        problem(&c, "%lld mentions point at no entity", n);
    if ((n = count(&c, "SELECT count(*) FROM entities e WHERE mentions != "
                       "(SELECT count(*) FROM mentions m WHERE m.entity = e.id)")) != 0)
        problem(&c, "%lld entities have a wrong count of mentions", n);
    return XC_OK;
}
