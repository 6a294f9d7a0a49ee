/* Brown word clusters (Brown et al. 1992, "Class-based n-gram models of
 * natural language"), computed the way Liang (2005, "Semi-supervised
 * learning for natural language", wcluster) does:
 *
 *   - words seen at least min_count times, taken in order of frequency;
 *   - the C most frequent start as C clusters; each further word enters as
 *     a cluster of its own and the pair of clusters whose merge loses the
 *     least average mutual information of the class bigram model is merged,
 *     so C clusters stay active (exact loss, updated incrementally in O(C²)
 *     per step);
 *   - when every word is in, the C clusters are merged the same way down to
 *     one, and that merge tree gives each cluster a bit path ("0110...");
 *     words of one cluster share the path, and a prefix of the path is a
 *     coarser cluster (the tagger features of Ratinov & Roth 2009 use the
 *     prefixes of length 4, 6, 10 and 20).
 *
 * As in wcluster, p(c) is the unigram frequency of a cluster's words and
 * p(c1, c2) the frequency of the bigram "word of c1, then word of c2";
 * bigrams with a left-out word or across a break are not counted.
 * Cost: O(V·C²) time for V kept words, O(C²) memory besides the bigrams. */
#ifndef XC_BROWN_H
#define XC_BROWN_H

#include <stddef.h>
#include <stdint.h>

#include "crosscheck.h"

/* In a token stream: a boundary (document, paragraph); no bigram spans it. */
#define XC_BROWN_BREAK UINT32_MAX
/* xc_brown_result.cluster of a word that was left out. */
#define XC_BROWN_NONE UINT32_MAX

#define XC_BROWN_DEFAULT_CLUSTERS 256
#define XC_BROWN_DEFAULT_MIN_COUNT 3

typedef struct xc_brown_params {
    uint32_t clusters;  /* active clusters C (≥ 2); 0 = XC_BROWN_DEFAULT_CLUSTERS   */
    uint32_t min_count; /* words seen fewer times are left out; 0 = the default  */
    /* Called now and then with the steps done and the steps in all
     * (one step = a word added or a merge of the final tree); may be NULL. */
    void (*progress)(void *user, size_t done, size_t total);
    void *user;
} xc_brown_params;

typedef struct xc_brown_result {
    uint32_t words;       /* size of the word-id space that was given           */
    uint32_t kept;        /* words with count ≥ min_count                       */
    uint32_t clusters;    /* leaf clusters: min(C, kept)                        */
    uint32_t *count;      /* [words] occurrences of each word id                */
    uint32_t *cluster;    /* [words] leaf cluster of each word, or XC_BROWN_NONE */
    char **paths;         /* [clusters] bit path of each leaf cluster           */
    uint64_t tokens;      /* tokens of kept words                               */
    uint64_t bigrams;     /* bigrams counted (both words kept, no break between) */
    double mi_bits;       /* average mutual information of the leaf clusters'
                             bigram model, in bits (the quantity maximised)     */
} xc_brown_result;

/* Cluster the words of a token stream of `n` word ids, each < `words` or
 * XC_BROWN_BREAK. `params` may be NULL (defaults). Fills `out` (free it
 * with xc_brown_result_free, also after a failure). XC_ERR_ARG for an id out
 * of range or C < 2; XC_ERR_NOMEM. No tokens or no kept words is not an
 * error: the result then has no clusters. */
xc_status xc_brown_cluster(const uint32_t *tokens, size_t n, uint32_t words,
                           const xc_brown_params *params, xc_brown_result *out, xc_error *err);

/* The bit path of a word, or NULL when it was left out. */
const char *xc_brown_path(const xc_brown_result *r, uint32_t word);

void xc_brown_result_free(xc_brown_result *r);

#endif
