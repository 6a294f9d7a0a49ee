/* Training the entity tagger: an averaged perceptron (Collins 2002) over
 * greedy left-to-right decoding, the model kept from the epoch that scores
 * best on the development set. */
#ifndef XC_NER_TRAIN_H
#define XC_NER_TRAIN_H

#include <stdio.h>

#include "ner/conll.h"
#include "ner/features.h"
#include "ner/metrics.h"
#include "ner/model.h"

typedef struct xc_ner_train_options {
    unsigned epochs;   /* passes over the training set (default 12) */
    uint64_t seed;     /* shuffling */
    FILE *log;         /* progress lines, may be NULL */
} xc_ner_train_options;

typedef struct xc_ner_train_report {
    unsigned best_epoch;
    xc_ner_scores dev; /* scores of the kept model on dev */
    size_t features, pairs;
} xc_ner_train_report;

xc_status xc_ner_train(const xc_conll *train, const xc_conll *dev, const xc_ner_resources *resources,
                       const xc_ner_train_options *options, xc_ner_model *out, xc_ner_train_report *report,
                       xc_error *err);

/* Tags every sentence of a CoNLL file: IOB tags, one per token. */
xc_status xc_ner_tag_conll(const xc_ner_model *m, const xc_ner_resources *resources, const xc_conll *c,
                           uint8_t *iob, xc_error *err);

#endif
