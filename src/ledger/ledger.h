/* The ledger of a story: what its reports say, compared across outlets.
 *
 * Facts (facts.c): numeric facts about the same thing and event are put
 * together, then split into readings — sets of reports whose intervals
 * all meet ("at least 91 drones" / "over ninety") — and readings that
 * do not meet are a conflict ("one fatality" / "at least three dead") or
 * an update (a report says the count changed, or a later report gives a
 * higher casualty count).
 *
 * Remarks (remarks.c): quotes of the same remark by the same speaker are
 * put together across reports — the same words, an excerpt of them, or
 * a variant wording (a dropped word, a paraphrase, a translation) — and
 * each wording is diffed word by word (word_diff.c) against the one most
 * reports carry.
 *
 * Agreement counts independent reports: copies of one text (one duplicate
 * group) count once. The ledger is store-independent: the caller gives it
 * the reports and their facts or quotes (src/store/claim_queries.c). */
#ifndef XC_LEDGER_H
#define XC_LEDGER_H

#include <stdbool.h>
#include <stdint.h>

#include "crosscheck.h"

typedef struct xc_ledger_report {
    int64_t group;       /* duplicate group: copies of one text share it  */
    int64_t ts;          /* publication time, INT64_MIN when undated      */
    uint32_t outlet;     /* outlet number; a unique one when unknown      */
} xc_ledger_report;

/* The duplicate groups (independent reports) and outlets among
 * reports[report_of[0 .. n)]; `outlets` may be NULL. */
void xc_ledger_count_reports(const xc_ledger_report *reports, const uint32_t *report_of, size_t n,
                             uint32_t *independent, uint32_t *outlets);

/* ---- facts ---------------------------------------------------------- */

typedef struct xc_ledger_fact {
    xc_quantity q;
    uint32_t report;     /* index into the reports                        */
} xc_ledger_fact;

typedef enum xc_fact_verdict {
    XC_FACT_SINGLE,      /* one independent report                        */
    XC_FACT_AGREE,       /* independent reports, one reading              */
    XC_FACT_UPDATE,      /* readings that differ, one a later count       */
    XC_FACT_CONFLICT     /* readings that differ at the same time         */
} xc_fact_verdict;

typedef struct xc_fact_reading {
    uint32_t first, count;  /* members[first ..]: fact indices, by time   */
    uint32_t independent;   /* duplicate groups among its reports         */
    uint32_t outlets;
    double low, high;       /* the interval all its members share, in the
                               unit of its first member                   */
    bool low_open, high_open;
} xc_fact_reading;

typedef struct xc_reading_link {
    uint32_t a, b;          /* readings (indices into readings)           */
    uint8_t relation;       /* XC_QREL_CONFLICT or XC_QREL_UPDATE (b later) */
} xc_reading_link;

typedef struct xc_fact_group {
    uint32_t first_reading, reading_count;
    uint32_t first_link, link_count;
    uint32_t independent;   /* duplicate groups among all its reports     */
    uint8_t verdict;        /* xc_fact_verdict                            */
} xc_fact_group;

typedef struct xc_fact_ledger {
    struct { xc_fact_group *items; size_t count, capacity; } groups;   /* conflicts first */
    struct { xc_fact_reading *items; size_t count, capacity; } readings;
    struct { xc_reading_link *items; size_t count, capacity; } links;
    struct { uint32_t *items; size_t count, capacity; } members;
    /* scratch */
    struct { uint32_t *items; size_t count, capacity; } order, parent, scratch;
    struct { uint8_t *items; size_t count, capacity; } relation;
} xc_fact_ledger;

/* Facts of one counted thing in one story beyond this are left out. */
#define XC_LEDGER_MAX_FACTS_PER_THING 2000

/* Group `facts` (of `reports`) into facts with readings and verdicts,
 * replacing the ledger's contents. Facts without a counted thing are left
 * out. XC_ERR_NOMEM only. */
xc_status xc_fact_ledger_build(xc_fact_ledger *l, const xc_ledger_report *reports, size_t report_count,
                               const xc_ledger_fact *facts, size_t fact_count);
void xc_fact_ledger_free(xc_fact_ledger *l);
const char *xc_fact_verdict_name(xc_fact_verdict verdict);

/* ---- word diff ------------------------------------------------------ */

typedef struct xc_diff_op {
    char op;                /* '=' in both, '-' only in a, '+' only in b  */
    uint32_t start, end;    /* bytes of a ('=' and '-') or of b ('+'), from
                               the first word's start to the last's end   */
} xc_diff_op;

typedef struct xc_diff {
    struct { xc_diff_op *items; size_t count, capacity; } ops;
    size_t common, a_words, b_words;   /* words in the longest common
                                          subsequence, and in each text  */
    /* scratch */
    struct { xc_token *items; size_t count, capacity; } a, b;
    xc_token_list tokens;
    struct { uint64_t *items; size_t count, capacity; } ha, hb;
    struct { uint16_t *items; size_t count, capacity; } table;
} xc_diff;

/* Diff two texts word by word (punctuation ignored, words folded:
 * "Can't" = "can't", curly = straight apostrophes) along their longest
 * common subsequence of words; at most XC_DIFF_MAX_WORDS words of each
 * are compared (the rest is one change). XC_ERR_NOMEM only. */
#define XC_DIFF_MAX_WORDS 400
xc_status xc_word_diff(const char *a, size_t a_len, const char *b, size_t b_len, xc_diff *out);
void xc_diff_free(xc_diff *d);

/* ---- remarks -------------------------------------------------------- */

typedef struct xc_ledger_quote {
    const char *text;       /* the quote's content                        */
    size_t len;
    int64_t entity;         /* the speaker's entity, 0 when unknown       */
    uint32_t report;        /* index into the reports                     */
} xc_ledger_quote;

typedef enum xc_wording {
    XC_WORDING_MAIN,        /* the remark's wording                       */
    XC_WORDING_SAME,        /* the same words                             */
    XC_WORDING_EXCERPT,     /* a part of them, in order                   */
    XC_WORDING_VARIANT      /* other words: dropped, changed, translated  */
} xc_wording;

typedef struct xc_remark_member {
    uint32_t quote;         /* index into the quotes                      */
    uint8_t wording;        /* xc_wording, against the main quote          */
} xc_remark_member;

typedef struct xc_remark_group {
    uint32_t first, count;  /* members[first ..]; the main quote first     */
    uint32_t independent;   /* duplicate groups among its reports          */
    uint32_t outlets;
    int64_t entity;         /* the speaker, 0 when no report names one     */
} xc_remark_group;

typedef struct xc_remark_ledger {
    struct { xc_remark_group *items; size_t count, capacity; } remarks; /* most reports first */
    struct { xc_remark_member *items; size_t count, capacity; } members;
    /* scratch */
    xc_diff diff;
    struct { uint32_t *items; size_t count, capacity; } parent, order, words_of, seen;
    struct { uint64_t *items; size_t count, capacity; } words; /* content-word hashes per quote, sorted */
    struct { uint64_t *items; size_t count, capacity; } postings; /* (hash, quote) pairs, sorted */
    struct { uint64_t *items; size_t count, capacity; } sequence; /* hash of each quote's words in order */
    struct { uint8_t *items; size_t count, capacity; } copy;      /* same words as an earlier quote */
} xc_remark_ledger;

/* Group `quotes` (of `reports`) into remarks, replacing the ledger's
 * contents. Two quotes are one remark when their speakers are not two
 * different entities and their words match well enough along the longest
 * common subsequence (see remarks.c). Only quotes that share one of their
 * rarer words are compared, so a story of thousands of quotes costs far
 * less than all pairs. XC_ERR_NOMEM only. */
xc_status xc_remark_ledger_build(xc_remark_ledger *l, const xc_ledger_report *reports, size_t report_count,
                                 const xc_ledger_quote *quotes, size_t quote_count);
void xc_remark_ledger_free(xc_remark_ledger *l);
const char *xc_wording_name(xc_wording wording);

#endif
