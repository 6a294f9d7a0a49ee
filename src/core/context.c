#include "context.h"

#include <stdlib.h>

#include "../util/error.h"

xc_ctx *xc_open(const char *db_path, xc_error *err)
{
    if (!db_path || !*db_path) {
        xc_fail(err, XC_ERR_ARG, "no database path");
        return NULL;
    }
    xc_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx) {
        xc_fail(err, XC_ERR_NOMEM, "out of memory");
        return NULL;
    }
    ctx->cluster = xc_cluster_defaults;
    ctx->dedup = xc_dedup_defaults;
    ctx->stemmer = xc_stemmer_new("english");
    if (!ctx->stemmer) {
        xc_fail(err, XC_ERR_NOMEM, "cannot create the English stemmer");
        free(ctx);
        return NULL;
    }
    if (xc_store_open(&ctx->store, db_path, err) != XC_OK) {
        xc_stemmer_free(ctx->stemmer);
        free(ctx);
        return NULL;
    }
    return ctx;
}

void xc_close(xc_ctx *ctx)
{
    if (!ctx)
        return;
    xc_store_close(&ctx->store);
    xc_stemmer_free(ctx->stemmer);
    free(ctx);
}

int xc_schema_version(void) { return xc_store_migration_count(); }

int xc_store_schema_version(xc_ctx *ctx) { return xc_store_version(&ctx->store); }
