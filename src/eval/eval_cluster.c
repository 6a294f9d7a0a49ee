/* crosscheck eval cluster: ingest a gold-labelled JSON Lines file into a
 * fresh temporary store and score the stories it forms. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <xxhash.h>

#include "../core/context.h"
#include "../util/error.h"
#include "../util/vec.h"

typedef struct labels {
    int64_t *items;
    size_t count, capacity;
} labels;

static void remove_store(const char *dir)
{
    static const char *const suffixes[] = {"", "-wal", "-shm"};
    char path[4200];
    for (size_t i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/eval.db%s", dir, suffixes[i]);
        unlink(path);
    }
    rmdir(dir);
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static xc_status collect(xc_ctx *ctx, const char *field, labels *gold, labels *predicted,
                         size_t *without_gold, xc_error *err)
{
    static const char sql[] = "SELECT CAST(json_extract(a.extra, ?1) AS TEXT), sa.story "
                              "FROM articles a JOIN story_articles sa ON sa.article = a.key";
    char path[300];
    snprintf(path, sizeof path, "$.\"%s\"", field);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(ctx->store.db, sql, -1, &st, NULL) != SQLITE_OK)
        return xc_store_error(&ctx->store, err, "reading gold labels");
    sqlite3_bind_text(st, 1, path, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *g = (const char *)sqlite3_column_text(st, 0);
        if (!g) {
            (*without_gold)++;
            continue;
        }
        /* Labels may be strings or numbers: compare them as text. */
        int64_t label = (int64_t)XXH3_64bits(g, (size_t)sqlite3_column_bytes(st, 0));
        if (!XC_VEC_PUSH(gold, label) || !XC_VEC_PUSH(predicted, sqlite3_column_int64(st, 1))) {
            sqlite3_finalize(st);
            return xc_fail(err, XC_ERR_NOMEM, "out of memory");
        }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? XC_OK : xc_store_error(&ctx->store, err, "reading gold labels");
}

xc_status xc_eval_cluster(const char *jsonl_path, const char *gold_field, xc_eval_cluster_result *out,
                          xc_error *err)
{
    memset(out, 0, sizeof *out);
    if (!gold_field || !*gold_field || strlen(gold_field) > 200 || strchr(gold_field, '"'))
        return xc_fail(err, XC_ERR_ARG, "bad gold field name");
    const char *tmp = getenv("TMPDIR");
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/crosscheck-eval-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir))
        return xc_fail(err, XC_ERR_IO, "cannot make a temporary folder in %s", tmp && *tmp ? tmp : "/tmp");
    char db[4200];
    snprintf(db, sizeof db, "%s/eval.db", dir);
    xc_ctx *ctx = xc_open(db, err);
    if (!ctx) {
        remove_store(dir);
        return err ? err->status : XC_ERR_STORE;
    }
    xc_ingest_options options = {.format = XC_FORMAT_JSONL};
    double start = now_seconds();
    xc_status st = xc_ingest_paths(ctx, &jsonl_path, 1, &options, NULL, NULL, &out->ingest, err);
    out->seconds = now_seconds() - start;
    labels gold = {0}, predicted = {0};
    if (st == XC_OK && out->ingest.added + out->ingest.updated + out->ingest.unchanged == 0)
        st = xc_fail(err, XC_ERR_FORMAT, "%s: no article could be read (%zu failed)", jsonl_path,
                     out->ingest.failed);
    if (st == XC_OK)
        st = collect(ctx, gold_field, &gold, &predicted, &out->without_gold, err);
    if (st == XC_OK && gold.count == 0)
        st = xc_fail(err, XC_ERR_FORMAT, "%s: no record has a \"%s\" field", jsonl_path, gold_field);
    if (st == XC_OK)
        st = xc_score_clustering(gold.items, predicted.items, gold.count, &out->scores);
    free(gold.items);
    free(predicted.items);
    xc_close(ctx);
    remove_store(dir);
    return st;
}
