/* A throw-away store for evaluations (and for `crosscheck brief FILE...`):
 * a temporary folder holding a fresh database, removed again when done. */
#ifndef XC_EVAL_STORE_H
#define XC_EVAL_STORE_H

#include "crosscheck.h"

typedef struct xc_eval_store {
    char dir[4096];
    xc_ctx *ctx;
} xc_eval_store;

/* `settings`: "name=value" strings for xc_set_param, NULL-ended (or NULL).
 * Entities and claims are off in an evaluation store unless a setting
 * turns them on. `gold_field` may be NULL (nothing is scored). */
xc_status xc_eval_store_open(xc_eval_store *s, const char *gold_field, const char *const *settings,
                             xc_error *err);
/* Ingest a JSON Lines file; fails when nothing could be read. */
xc_status xc_eval_store_ingest(xc_eval_store *s, const char *jsonl_path, xc_ingest_summary *summary,
                               double *seconds, xc_error *err);
void xc_eval_store_close(xc_eval_store *s);

#endif
