/* Story briefs: an extractive summary of a set of reports, and the
 * summarisers it is measured against. Store-independent: the caller gives
 * the reports as xc_summary_doc (src/store/brief_queries.c for a story,
 * src/eval/eval_summary.c for NeuS clusters).
 *
 * units.c     the reports' sentences as TF-IDF vectors (stems of content
 *             words; IDF from the background collection plus these reports)
 * select.c    crosscheck's brief: each sentence scored by centrality, by how
 *             many independent reports carry its content, and by position;
 *             picked by MMR within a word budget; put in reading order; each
 *             cited to the outlets that carry it
 * timeline.c  the dated events the reports name: each date with the sentence
 *             that names it, told by one or more reports
 * baselines.c Lead, LexRank and centroid, for `crosscheck eval summary`
 */
#ifndef XC_BRIEF_H
#define XC_BRIEF_H

#include <stdbool.h>
#include <stdint.h>

#include "crosscheck.h"
#include "../analyze/docvec.h"
#include "../analyze/termdict.h"
#include "../util/vec.h"

typedef struct xc_summary_doc {
    const char *title;      /* NULL when none                               */
    size_t title_len;
    const char *text;       /* valid UTF-8                                  */
    size_t text_len;
    int64_t group;          /* duplicate group: copies of one text share it */
    uint32_t outlet;        /* outlet number; a unique one when unknown     */
    int64_t ts;             /* publication time (Unix s), INT64_MIN undated */
} xc_summary_doc;

typedef struct xc_unit {
    uint32_t doc;           /* index into the docs                          */
    uint32_t start, end;    /* bytes of the doc's text (of its title when
                               `title`)                                     */
    uint32_t position;      /* sentence number in the doc's text, from 0;
                               a title is 0 too                             */
    uint32_t words;         /* word and number tokens                       */
    uint32_t first_term, term_count; /* terms.items[first_term ..]: unit-
                               length TF-IDF, sorted by term; none for a
                               sentence without content words               */
    uint32_t first_bigram, bigram_count; /* bigrams.items[first_bigram ..]:
                               hashes of its pairs of adjacent words (one
                               of them a content word), sorted, distinct    */
    bool title;
} xc_unit;

enum {
    XC_UNITS_TITLES = 1 << 0 /* titles are units too (before the text's)    */
};

typedef struct xc_units {
    struct { xc_unit *items; size_t count, capacity; } units;  /* by doc, then position */
    struct { xc_term_weight *items; size_t count, capacity; } terms;
    struct { uint64_t *items; size_t count, capacity; } bigrams;
    xc_termdict dict;       /* the docs' terms; df counts the docs          */
    /* scratch */
    xc_token_list tokens;
    xc_sentence_list sentences;
    xc_docvec vec;
    xc_u32_list seen;
} xc_units;

/* Split the docs into sentence units with their vectors, replacing u's
 * contents. XC_ERR_NOMEM only. */
xc_status xc_units_build(xc_units *u, xc_stemmer *stemmer, const xc_summary_doc *docs, size_t doc_count,
                         unsigned flags);
void xc_units_free(xc_units *u);

/* Cosine similarity of two units' vectors (0 when either has none). */
double xc_units_similarity(const xc_units *u, size_t a, size_t b);

/* The unit's text (from its doc's title or text). */
const char *xc_unit_text(const xc_summary_doc *docs, const xc_unit *unit, size_t *len);

/* A summariser picks units within a word budget (the picked units' words
 * add up to at most `budget`, except that the first pick may be longer)
 * and leaves them in `picked`, in reading order. */
typedef xc_status (*xc_summarizer)(const xc_units *u, const xc_summary_doc *docs, size_t doc_count,
                                   size_t budget, xc_u32_list *picked);

/* ---- crosscheck's brief (select.c) ---------------------------------- */

typedef struct xc_brief_params {
    double centrality;      /* weight of similarity to the story's centroid */
    double support;         /* weight of the independent reports carrying it */
    double position;        /* weight of the lead: 1 / (1 + position)       */
    double redundancy;      /* MMR: penalty weight of similarity to a pick  */
    double carry;           /* a report carries a sentence when one of its
                               sentences is this similar                    */
    double repeat;          /* a sentence this similar to a pick says the
                               same: not picked                             */
    double coverage;        /* weight of the shared word pairs a sentence
                               adds to the picks (concepts: pairs that two
                               or more independent reports write)           */
    unsigned min_words;     /* shorter sentences are not picked             */
    unsigned max_words;     /* nor longer ones, unless none is shorter      */
} xc_brief_params;

extern const xc_brief_params xc_brief_defaults;

/* Set a parameter by name ("support", "redundancy", ...): XC_ERR_ARG when
 * the name is unknown or the value out of range. */
xc_status xc_brief_param_set(xc_brief_params *p, const char *name, double value, xc_error *err);

/* crosscheck's summariser with the default parameters (an xc_summarizer). */
xc_status xc_summarize_brief(const xc_units *u, const xc_summary_doc *docs, size_t doc_count, size_t budget,
                             xc_u32_list *picked);
xc_status xc_summarize_brief_with(const xc_brief_params *p, const xc_units *u, const xc_summary_doc *docs,
                                  size_t doc_count, size_t budget, xc_u32_list *picked);

/* The docs that carry a unit: its own and every doc with a sentence at
 * least p->carry similar; `carriers` gets doc indices, ascending. */
xc_status xc_brief_carriers(const xc_brief_params *p, const xc_units *u, size_t unit, xc_u32_list *carriers);

/* ---- timeline (timeline.c) ------------------------------------------ */

typedef struct xc_dated {
    uint32_t doc;           /* a doc ...                                    */
    uint32_t start, end;    /* ... names a date here, in its text           */
    char value[XC_TIMEX_VALUE_MAX]; /* TimeML value: 2025-03-11, 2025-W11 */
} xc_dated;

typedef struct xc_timeline_item {
    char value[XC_TIMEX_VALUE_MAX];
    const char *precision;  /* "day", "month", "year", "time", ...         */
    int64_t first_day;      /* days since 1970-01-01: the period's start    */
    uint32_t unit;          /* the sentence that tells it (the earliest doc's) */
    uint32_t dated;         /* index into the dates: the date as written there */
    uint32_t first_doc, doc_count; /* docs.items[first_doc ..], ascending   */
    uint32_t independent;   /* duplicate groups among those docs            */
} xc_timeline_item;

typedef struct xc_timeline {
    struct { xc_timeline_item *items; size_t count, capacity; } items; /* by date */
    xc_u32_list docs;
    /* scratch */
    struct { struct timeline_mention *items; size_t count, capacity; } mentions;
    struct { struct timeline_draft *items; size_t count, capacity; } drafts;
} xc_timeline;

/* The story's dated events: dates with a known year, or a known month
 * (XXXX-02-28: these go last), that a sentence of at least five words names; one date named in like sentences by several
 * docs is one event. The `limit` events most independent reports tell
 * are kept (0: all), in date order. XC_ERR_NOMEM only. */
xc_status xc_timeline_build(xc_timeline *t, const xc_units *u, const xc_summary_doc *docs, size_t doc_count,
                            const xc_dated *dates, size_t date_count, size_t limit);
void xc_timeline_free(xc_timeline *t);

/* ---- baselines (baselines.c) ---------------------------------------- */

xc_status xc_summarize_lead(const xc_units *u, const xc_summary_doc *docs, size_t doc_count, size_t budget,
                            xc_u32_list *picked);
xc_status xc_summarize_lexrank(const xc_units *u, const xc_summary_doc *docs, size_t doc_count, size_t budget,
                               xc_u32_list *picked);
xc_status xc_summarize_centroid(const xc_units *u, const xc_summary_doc *docs, size_t doc_count, size_t budget,
                                xc_u32_list *picked);

#endif
