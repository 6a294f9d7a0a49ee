/* Scoring quotes against PolNeAR attributions (crosscheck eval quotes).
 *
 * Gold direct quotes. PolNeAR marks every attribution's Content, direct
 * or reported, with its quote marks inside the span. A gold Content is a
 * direct quote when its text, trimmed of white space, opens with a quote
 * mark and closes with one (“We will,” … “win.” / "…" / ''…''); reported
 * speech with a quoted phrase inside (that the plan was “dead.”) is not.
 * Its extent is the first fragment's start to the last one's end with the
 * outer marks and white space trimmed, which is what crosscheck reports
 * for a quote (content without its marks). A gold quote's speaker is its
 * Source span(s).
 *
 * Predicted quotes. Every quote crosscheck finds except partial ones (a
 * phrase inside a sentence: those answer to reported speech, not to
 * direct quotes); they are counted apart.
 *
 * Matching, one to one, greedily in text order:
 *   content exact    the same extent;
 *   content overlap  the characters (code points) the two share are at
 *                    least half of each (fragments counted, the text
 *                    between them not);
 *   pair             the content matches (exact or overlap) and the
 *                    speaker does: crosscheck's speaker mention overlaps
 *                    a gold Source fragment, or the entity it resolves to
 *                    has a mention there (the same person, named where
 *                    the gold source is).
 * Gold quotes without a Source, and predicted ones without a speaker,
 * count for contents only. P = matched / predicted, R = matched / gold. */
#ifndef XC_EVAL_QUOTES_H
#define XC_EVAL_QUOTES_H

#include <stddef.h>
#include <stdint.h>

#include "crosscheck.h"
#include "eval/polnear.h"

/* One quote to score: content fragments (sorted, disjoint) and speaker
 * spans (any of them may match a gold source). Byte offsets. */
typedef struct xc_scored_quote {
    const xc_brat_part *parts;
    size_t part_count;
    const xc_brat_part *speakers;
    size_t speaker_count;
} xc_scored_quote;

typedef struct xc_quote_counts {
    size_t gold, predicted, gold_pairs, predicted_pairs;
    size_t content_exact, content_overlap, pair_exact, pair_overlap; /* matched */
} xc_quote_counts;

/* Scores one document's quotes into `counts`; `text` is the document
 * (for counting characters). Returns false when out of memory. */
bool xc_quote_counts_add(xc_quote_counts *counts, const char *text, const xc_scored_quote *gold, size_t gold_count,
                         const xc_scored_quote *predicted, size_t predicted_count);

/* Is the gold Content a direct quote? When it is, *start / *end get its
 * extent without marks. */
bool xc_gold_direct_quote(const char *text, const xc_brat_part *parts, size_t count, uint32_t *start, uint32_t *end);

/* Precision, recall and F1 of one measure. */
typedef struct xc_prf {
    double precision, recall, f1;
} xc_prf;

typedef struct xc_eval_quotes_result {
    xc_prf content_exact, content_overlap, pair_exact, pair_overlap;
    size_t gold, predicted;             /* direct quotes                   */
    size_t gold_pairs, predicted_pairs; /* of which with a source / speaker */
    size_t partial;                     /* predicted phrases inside a
                                           sentence, not scored             */
    size_t files, failed_files, bad_lines;
    size_t bytes;                       /* of text                          */
    double seconds;                     /* tagging and finding quotes       */
    double quote_seconds;               /* finding quotes alone             */
} xc_eval_quotes_result;

/* Quotes and their speakers against a PolNeAR-style folder, scored as
 * above with the built-in tagger. XC_ERR_IO when DIR/text or
 * DIR/attributions cannot be read, XC_ERR_NOT_FOUND when no text has
 * annotations; a text or annotation file that cannot be read is counted
 * in failed_files. */
xc_status xc_eval_quotes(const char *dir, xc_eval_quotes_result *out, xc_error *err);

/* xc_eval_quotes, with each annotation line left out (and each file not
 * read) reported through `warn` (may be NULL). */
xc_status xc_eval_quotes_report(const char *dir, xc_brat_warn warn, void *user, xc_eval_quotes_result *out,
                                xc_error *err);

#endif
