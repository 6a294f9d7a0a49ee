/* crosscheck eval dedup: ingest a JSON Lines file whose records carry a
 * gold duplicate group (and optionally a "kind") into a temporary store,
 * and score the copies found against it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "eval_store.h"
#include "../core/context.h"
#include "../util/error.h"

xc_status xc_eval_dedup(const char *jsonl_path, const char *gold_field, const char *const *settings,
                        xc_eval_dedup_result *out, xc_error *err)
{
    /* For each article: its gold group, its gold kind, whether it is the
     * earliest of its group (the gold origin), and what it copies. */
    static const char sql[] =
        "WITH g AS (SELECT a.key, CAST(json_extract(a.extra, ?1) AS TEXT) AS grp, "
        "                  json_extract(a.extra, '$.kind') AS kind, a.published_ts AS ts, a.seq "
        "           FROM articles a) "
        "SELECT g.grp, g.kind, "
        "       NOT EXISTS (SELECT 1 FROM g h WHERE h.grp = g.grp AND "
        "                   (coalesce(h.ts, 0), h.seq) < (coalesce(g.ts, 0), g.seq)) AS origin, "
        "       l.copy_of IS NOT NULL, (SELECT grp FROM g c WHERE c.key = l.copy_of) "
        "FROM g LEFT JOIN lineage l ON l.article = g.key WHERE g.grp IS NOT NULL";
    memset(out, 0, sizeof *out);
    xc_eval_store store;
    xc_status st = xc_eval_store_open(&store, gold_field, settings, err);
    if (st != XC_OK)
        return st;
    xc_ingest_summary summary;
    st = xc_eval_store_ingest(&store, jsonl_path, &summary, &out->seconds, err);
    sqlite3_stmt *q = NULL;
    if (st == XC_OK && sqlite3_prepare_v2(store.ctx->store.db, sql, -1, &q, NULL) != SQLITE_OK)
        st = xc_store_error(&store.ctx->store, err, "scoring duplicates");
    if (st == XC_OK) {
        char path[300];
        snprintf(path, sizeof path, "$.\"%s\"", gold_field);
        sqlite3_bind_text(q, 1, path, -1, SQLITE_TRANSIENT);
        while (sqlite3_step(q) == SQLITE_ROW) {
            const char *group = (const char *)sqlite3_column_text(q, 0);
            const char *kind = (const char *)sqlite3_column_text(q, 1);
            bool gold_copy = !sqlite3_column_int(q, 2);
            bool predicted = sqlite3_column_int(q, 3);
            const char *copy_group = (const char *)sqlite3_column_text(q, 4);
            bool right = predicted && copy_group && group && strcmp(copy_group, group) == 0;
            out->articles++;
            out->gold_copies += gold_copy;
            out->predicted_copies += predicted;
            out->correct += right;
            if (!gold_copy || !kind)
                continue;
            size_t k = 0;
            while (k < out->kind_count && strcmp(out->kinds[k].kind, kind) != 0)
                k++;
            if (k == out->kind_count) {
                if (k == sizeof out->kinds / sizeof *out->kinds)
                    continue;
                snprintf(out->kinds[k].kind, sizeof out->kinds[k].kind, "%s", kind);
                out->kind_count++;
            }
            out->kinds[k].copies++;
            out->kinds[k].found += right;
        }
        out->precision = out->predicted_copies ? (double)out->correct / out->predicted_copies : 1;
        out->recall = out->gold_copies ? (double)out->correct / out->gold_copies : 1;
        out->f1 = out->precision + out->recall > 0
                      ? 2 * out->precision * out->recall / (out->precision + out->recall)
                      : 0;
    }
    sqlite3_finalize(q);
    xc_eval_store_close(&store);
    return st;
}
