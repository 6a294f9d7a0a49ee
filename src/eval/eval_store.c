#include "eval_store.h"
#include "../core/context.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../util/error.h"
#include "../util/clock.h"

static void remove_files(const char *dir)
{
    static const char *const suffixes[] = {"", "-wal", "-shm"};
    char path[4200];
    for (size_t i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/eval.db%s", dir, suffixes[i]);
        unlink(path);
    }
    rmdir(dir);
}

xc_status xc_eval_store_open(xc_eval_store *s, const char *gold_field, const char *const *settings,
                             xc_error *err)
{
    memset(s, 0, sizeof *s);
    if (gold_field && (!*gold_field || strlen(gold_field) > 200 || strchr(gold_field, '"')))
        return xc_fail(err, XC_ERR_ARG, "bad gold field name");
    const char *tmp = getenv("TMPDIR");
    snprintf(s->dir, sizeof s->dir, "%s/crosscheck-eval-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(s->dir))
        return xc_fail(err, XC_ERR_IO, "cannot make a temporary folder in %s", tmp && *tmp ? tmp : "/tmp");
    char db[4200];
    snprintf(db, sizeof db, "%s/eval.db", s->dir);
    s->ctx = xc_open(db, err);
    if (!s->ctx) {
        remove_files(s->dir);
        return err ? err->status : XC_ERR_STORE;
    }
    /* names, quotes, numbers and dates are not needed to score stories or
     * copies; eval entities turns names back on */
    s->ctx->entities = false;
    s->ctx->claims = false;
    for (const char *const *set = settings; set && *set; set++) {
        xc_status st = xc_set_param_text(s->ctx, *set, err);
        if (st != XC_OK) {
            xc_eval_store_close(s);
            return st;
        }
    }
    return XC_OK;
}

xc_status xc_eval_store_ingest(xc_eval_store *s, const char *jsonl_path, xc_ingest_summary *summary,
                               double *seconds, xc_error *err)
{
    xc_ingest_options options = {.format = XC_FORMAT_JSONL, .batch_size = 5000};
    double start = xc_seconds_now();
    xc_status st = xc_ingest_paths(s->ctx, &jsonl_path, 1, &options, NULL, NULL, summary, err);
    *seconds = xc_seconds_now() - start;
    if (st == XC_OK && summary->added + summary->updated + summary->unchanged == 0)
        st = xc_fail(err, XC_ERR_FORMAT, "%s: no article could be read (%zu failed)", jsonl_path, summary->failed);
    return st;
}

void xc_eval_store_close(xc_eval_store *s)
{
    xc_close(s->ctx);
    s->ctx = NULL;
    if (s->dir[0])
        remove_files(s->dir);
}
