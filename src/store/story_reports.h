/* A story's articles as reports, for everything that cross-checks them
 * (the ledger in claim_queries.c, the brief in brief_queries.c): earliest
 * first, each with its duplicate group, publication time and outlet
 * number (src/ledger/'s xc_ledger_report), where it is (id, outlet, date,
 * the article it copies) and its title. Strings live in the arena. */
#ifndef XC_STORE_STORY_REPORTS_H
#define XC_STORE_STORY_REPORTS_H

#include "store.h"
#include "../ledger/ledger.h"
#include "../util/arena.h"

typedef struct xc_report_key {
    int64_t key;            /* the article's row key                    */
    uint32_t index;
} xc_report_key;

typedef struct xc_story_reports {
    xc_arena arena;
    struct { xc_ledger_report *items; size_t count, capacity; } reports;
    struct { xc_attestation *items; size_t count, capacity; } where; /* article, source, published, copy_of */
    struct { int64_t *items; size_t count, capacity; } key;          /* per report: the article's row key */
    struct { const char **items; size_t count, capacity; } title;    /* per report */
    struct { xc_report_key *items; size_t count, capacity; } keys;   /* sorted by key */
} xc_story_reports;

/* The articles of `story` (XC_ALL_ARTICLES: of the whole store);
 * XC_ERR_NOT_FOUND when there is no such story. */
xc_status xc_story_reports_load(xc_store *s, int64_t story, xc_story_reports *r, xc_error *err);
/* The report of the article with this row key, or -1. */
int xc_story_reports_find(const xc_story_reports *r, int64_t key);
void xc_story_reports_free(xc_story_reports *r);
/* A copy of a text column in r's arena (NULL stays NULL); *ok = false
 * when out of memory. */
const char *xc_story_reports_column(xc_story_reports *r, sqlite3_stmt *st, int col, bool *ok);

/* The facts ledger of these reports (claim_queries.c; xc_story_facts
 * loads the reports itself): for a caller that has them already. */
xc_status xc_story_reports_facts(xc_store *s, int64_t story, xc_story_reports *r, xc_fact_fn fn, void *user,
                                 xc_error *err);

#endif
