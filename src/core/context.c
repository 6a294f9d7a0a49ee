#include "context.h"

#include <stdlib.h>
#include <string.h>

#include "../ingest/pipeline.h"
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
    ctx->analysis = xc_analysis_defaults;
    ctx->cluster = xc_cluster_defaults;
    ctx->dedup = xc_dedup_defaults;
    ctx->entities = true;
    ctx->claims = true;
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
    xc_pipeline_free(ctx->pipeline);
    xc_store_close(&ctx->store);
    xc_stemmer_free(ctx->stemmer);
    free(ctx);
}

int xc_schema_version(void) { return xc_store_migration_count(); }

int xc_store_schema_version(xc_ctx *ctx) { return xc_store_version(&ctx->store); }

xc_status xc_set_param(xc_ctx *ctx, const char *name, double value, xc_error *err)
{
    xc_cluster_params *c = &ctx->cluster;
    xc_dedup_params *d = &ctx->dedup;
    if (value < 0 || value != value)
        return xc_fail(err, XC_ERR_ARG, "parameter %s: bad value", name);
    /* Engines loaded with the old value go; the next ingest loads them. */
    xc_pipeline_free(ctx->pipeline);
    ctx->pipeline = NULL;
    xc_analysis_params *a = &ctx->analysis;
    if (strcmp(name, "title_weight") == 0)
        a->title_weight = (float)value;
    else if (strcmp(name, "name_word_weight") == 0)
        a->name_weight = (float)value;
    else if (strcmp(name, "name_key_weight") == 0)
        a->name_key_weight = (float)value;
    else if (strcmp(name, "lead_weight") == 0)
        a->lead_weight = (float)value;
    else if (strcmp(name, "lead_sentences") == 0)
        a->lead_sentences = (unsigned)value;
    else if (strcmp(name, "threshold") == 0)
        c->threshold = value;
    else if (strcmp(name, "name_weight") == 0)
        c->name_weight = value;
    else if (strcmp(name, "entities") == 0)
        ctx->entities = value != 0;
    else if (strcmp(name, "claims") == 0)
        ctx->claims = value != 0;
    else if (strcmp(name, "time_boost") == 0)
        c->time_boost = value;
    else if (strcmp(name, "time_boost_hours") == 0 && value > 0)
        c->time_boost_scale = (int64_t)(value * 3600);
    else if (strcmp(name, "time_scale_hours") == 0 && value > 0)
        c->time_scale = (int64_t)(value * 3600);
    else if (strcmp(name, "window_days") == 0 && value > 0)
        c->window = (int64_t)(value * 86400);
    else if (strcmp(name, "article_terms") == 0 && value >= 1)
        c->article_terms = (size_t)value;
    else if (strcmp(name, "near_jaccard") == 0)
        d->near_jaccard = value;
    else if (strcmp(name, "min_containment") == 0)
        d->min_containment = value;
    else if (strcmp(name, "lead_containment") == 0)
        d->lead_containment = value;
    else if (strcmp(name, "shingle_words") == 0 && value >= 1)
        d->shingle_words = (unsigned)value;
    else if (strcmp(name, "bands") == 0 && value >= 1)
        d->bands = (unsigned)value;
    else if (strcmp(name, "rows") == 0 && value >= 1)
        d->rows = (unsigned)value;
    else if (strcmp(name, "dedup_window_days") == 0 && value > 0)
        d->window = (int64_t)(value * 86400);
    else
        return xc_fail(err, XC_ERR_ARG, "unknown parameter or bad value: %s=%g", name, value);
    if (d->bands * d->rows > 64)
        return xc_fail(err, XC_ERR_ARG, "bands x rows must be at most 64");
    return XC_OK;
}

xc_status xc_set_param_text(xc_ctx *ctx, const char *setting, xc_error *err)
{
    const char *eq = strchr(setting, '=');
    char name[64];
    char *end = NULL;
    double value = eq ? strtod(eq + 1, &end) : 0;
    if (!eq || (size_t)(eq - setting) >= sizeof name || !end || *end || end == eq + 1)
        return xc_fail(err, XC_ERR_ARG, "a setting is NAME=VALUE with a number, not \"%s\"", setting);
    memcpy(name, setting, (size_t)(eq - setting));
    name[eq - setting] = '\0';
    return xc_set_param(ctx, name, value, err);
}
