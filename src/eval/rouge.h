/* ROUGE-1, ROUGE-2 and ROUGE-L (Lin 2004), computed as Google's
 * rouge-score package computes them (rouge_scorer with use_stemmer=True,
 * the measures "rouge1", "rouge2" and "rougeL"), so figures compare with
 * published ones:
 *
 *   tokens   the text lower-cased; every run of characters other than
 *            [a-z0-9] is a separator; tokens longer than 3 characters are
 *            stemmed with the original Porter algorithm (libstemmer's
 *            "porter"), shorter ones kept as they are; no stopwords removed.
 *   ROUGE-N  n-grams counted with repeats, overlap clipped to the smaller
 *            count; P = overlap / candidate n-grams, R = overlap /
 *            reference n-grams (a side with none counts as 1 there).
 *   ROUGE-L  the longest common subsequence of the two whole token
 *            sequences (rouge-score's "rougeL", not "rougeLsum"):
 *            P = LCS / candidate tokens, R = LCS / reference tokens,
 *            0 when either side has no token.
 *   F1       2PR / (P + R), 0 when P + R is 0.
 *
 * Two differences from rouge-score remain. rouge-score stems with NLTK's
 * PorterStemmer, whose default mode adds NLTK's own extensions to Porter's
 * rules (a few irregular forms, "-ies" and "-li" endings); the original
 * algorithm is used here. Python's lower() turns two non-ASCII letters
 * into ASCII ones (the Kelvin sign into "k", "İ" into "i" and a dot):
 * those two are folded here as well, every other non-ASCII character is a
 * separator, as there. */
#ifndef XC_EVAL_ROUGE_H
#define XC_EVAL_ROUGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "crosscheck.h"
#include "util/strmap.h"
#include "util/vec.h"

/* Turns texts into token ids; one id per distinct (stemmed) token, shared
 * by every text tokenized with it, so candidate and reference compare by
 * id. Each word form is stemmed once. */
typedef struct xc_rouge_tokenizer {
    xc_stemmer *porter;
    xc_strmap forms;   /* a token as written (lower case) → its stem's id */
    xc_strmap stems;   /* stem → id                                        */
    char *word;        /* scratch: the token being read                    */
    size_t word_capacity;
} xc_rouge_tokenizer;

/* XC_ERR_NOMEM when the stemmer cannot be made. */
xc_status xc_rouge_tokenizer_init(xc_rouge_tokenizer *t, xc_error *err);
void xc_rouge_tokenizer_free(xc_rouge_tokenizer *t);

/* Appends the tokens of `text` (any bytes) to `out`; false when out of
 * memory. */
bool xc_rouge_tokenize(xc_rouge_tokenizer *t, const char *text, size_t len, xc_u32_list *out);

/* The three measures of one candidate against one reference. */
typedef struct xc_rouge_scores {
    xc_rouge rouge1, rouge2, rougeL;
} xc_rouge_scores;

/* Scores token sequences; false when out of memory. */
bool xc_rouge_score(const uint32_t *reference, size_t reference_len, const uint32_t *candidate,
                    size_t candidate_len, xc_rouge_scores *out);

#endif
