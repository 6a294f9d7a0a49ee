/* Article analysis for clustering: one pass over an article's tokens gives
 * its term counts (title and name words weighted up) and the names it
 * mentions. (Dedup has its own, faster pass: src/dedup/features.c.) */
#ifndef XC_ANALYSIS_H
#define XC_ANALYSIS_H

#include "docvec.h"
#include "termdict.h"
#include "../util/vec.h"

typedef struct xc_analysis_params {
    float title_weight;     /* a title word counts this many body words     */
    float name_weight;      /* so does a word inside a name                 */
    float name_key_weight;  /* the weight of a whole name ("@marco rubio")  */
    float lead_weight;      /* a word of the opening sentences counts this much */
    unsigned lead_sentences;/* how many sentences make the opening          */
} xc_analysis_params;

extern const xc_analysis_params xc_analysis_defaults;

typedef struct xc_analysis {
    xc_docvec counts;      /* term → count, sorted by term; names included    */
    xc_u32_list names;     /* distinct name keys (term ids of "@..." keys)    */
    /* scratch, reused */
    xc_token_list tokens;
    float *accumulator;    /* dense, by term: counts are added up here        */
    size_t accumulator_capacity;
    xc_u32_list touched;
} xc_analysis;

xc_status xc_analyze(xc_termdict *d, const xc_analysis_params *p, const char *title, const char *text,
                     size_t len, xc_analysis *out);
void xc_analysis_free(xc_analysis *a);

/* The distinct terms of out->counts, for document frequencies. */
size_t xc_analysis_terms(const xc_analysis *a, uint32_t *out, size_t cap);

#endif
