/* Scoring coreference over mentions (ECB+ cross-document entity chains):
 * B³ and MUC given a gold chain and a predicted cluster per gold mention,
 * and the alignment of predicted mention spans to gold ones. */
#ifndef XC_MENTION_METRICS_H
#define XC_MENTION_METRICS_H

#include "crosscheck.h"

/* The predicted cluster of a gold mention the system did not find: the
 * scorer puts each such mention in a singleton cluster of its own. */
#define XC_MENTION_MISSED UINT64_MAX

typedef struct xc_mention_scores {
    /* Over the gold mentions, from xc_score_clustering: B³ precision,
     * recall and F1 (bcubed_*: per mention, averaged) and the rest. */
    xc_cluster_scores clustering;
    /* MUC (Vilain et al. 1995): links kept. R = (n - cells) / (n - gold
     * chains), P = (n - cells) / (n - predicted clusters), where cells =
     * distinct (gold, predicted) pairs; 0 when a denominator is 0, as in
     * the CoNLL reference scorer. */
    double muc_p, muc_r, muc_f1;
    size_t mentions; /* n                                                  */
    size_t missed;   /* mentions with predicted == XC_MENTION_MISSED        */
} xc_mention_scores;

/* Score `n` gold mentions: gold_chain[i] is the gold chain of mention i
 * (e.g. xc_ecb_mention.chain), predicted[i] the id of the cluster the system
 * put it in (any u64; XC_MENTION_MISSED when not found). Only gold mentions
 * count: predicted mentions matching none (see xc_align_mentions) are not
 * scored, and a predicted cluster's size is the number of gold mentions in
 * it. To leave out singletons or mentions outside the annotated sentences,
 * pass only the mentions to keep. */
xc_status xc_score_mentions(const uint64_t *gold_chain, const uint64_t *predicted, size_t n,
                            xc_mention_scores *out);

typedef struct xc_mention_span {
    uint32_t start, end; /* bytes [start, end) in one document's text       */
} xc_mention_span;

/* Match the predicted mentions of one document to its gold mentions,
 * one to one: match[i] = index of the predicted span matched to gold span
 * i, or -1. A predicted span is a candidate for a gold span when it is the
 * same span, or when its last byte (so its head, the last token, as gold
 * spans cover whole tokens) lies inside the gold span. Candidates are taken
 * greedily: exact matches first, then the largest byte overlap, then the
 * smallest difference in length, then the lower gold and predicted indices.
 * Empty predicted spans match only an identical (empty) gold span. */
xc_status xc_align_mentions(const xc_mention_span *gold, size_t gold_count,
                            const xc_mention_span *predicted, size_t predicted_count, int64_t *match);

#endif
