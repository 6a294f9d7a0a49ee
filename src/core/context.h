/* The context behind the public xc_ctx handle: everything a call needs,
 * so nothing lives in globals. */
#ifndef XC_CONTEXT_H
#define XC_CONTEXT_H

#include "crosscheck.h"
#include "../analyze/analysis.h"
#include "../cluster/cluster.h"
#include "../dedup/dedup.h"
#include "../store/store.h"

struct xc_ctx {
    xc_store store;
    xc_stemmer *stemmer;
    xc_analysis_params analysis;
    xc_dedup_params dedup;
    xc_cluster_params cluster;
    bool entities; /* find and resolve named entities at ingest (default on) */
    bool claims;   /* find quotes, numeric facts and dates at ingest (default on) */
    /* Made by the first ingest and kept, so later ingests (a server's
     * writes) find the engines loaded; dropped when a parameter changes. */
    struct xc_pipeline *pipeline;
};

#endif
