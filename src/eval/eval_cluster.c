/* crosscheck eval cluster: ingest a gold-labelled JSON Lines file into a
 * fresh temporary store and score the stories it forms. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <xxhash.h>

#include "eval_store.h"
#include "../core/context.h"
#include "../util/error.h"
#include "../util/vec.h"

typedef struct labels {
    int64_t *items;
    size_t count, capacity;
} labels;

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

xc_status xc_eval_cluster(const char *jsonl_path, const char *gold_field, const char *const *settings,
                          xc_eval_cluster_result *out, xc_error *err)
{
    memset(out, 0, sizeof *out);
    xc_eval_store store;
    xc_status st = xc_eval_store_open(&store, gold_field, settings, err);
    if (st != XC_OK)
        return st;
    st = xc_eval_store_ingest(&store, jsonl_path, &out->ingest, &out->seconds, err);
    labels gold = {0}, predicted = {0};
    if (st == XC_OK)
        st = collect(store.ctx, gold_field, &gold, &predicted, &out->without_gold, err);
    if (st == XC_OK && gold.count == 0)
        st = xc_fail(err, XC_ERR_FORMAT, "%s: no record has a \"%s\" field", jsonl_path, gold_field);
    if (st == XC_OK)
        st = xc_score_clustering(gold.items, predicted.items, gold.count, &out->scores);
    free(gold.items);
    free(predicted.items);
    xc_eval_store_close(&store);
    return st;
}
