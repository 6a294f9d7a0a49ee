/* Entity-level scores with conlleval's rules: an entity counts when its
 * span and type both match exactly. */
#ifndef XC_NER_METRICS_H
#define XC_NER_METRICS_H

#include <stddef.h>
#include <stdint.h>

#include "ner/tags.h"

typedef struct xc_ner_counts {
    size_t correct, predicted, gold;
} xc_ner_counts;

typedef struct xc_ner_scores {
    xc_ner_counts all, per_type[XC_NER_TYPES];
    size_t tokens, sentences;
} xc_ner_scores;

/* Adds one sentence's gold and predicted IOB tags to the counts. */
void xc_ner_scores_add(xc_ner_scores *s, const uint8_t *gold, const uint8_t *predicted, size_t n);

double xc_ner_precision(const xc_ner_counts *c);
double xc_ner_recall(const xc_ner_counts *c);
double xc_ner_f1(const xc_ner_counts *c);

#endif
