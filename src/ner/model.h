/* A trained tagger model: sparse weights per feature hash, one weight per
 * label the feature ever voted for. The file is the in-memory layout, so a
 * model loads without parsing: validate, then build the lookup table. */
#ifndef XC_NER_MODEL_H
#define XC_NER_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "crosscheck.h"
#include "ner/tags.h"

/* Which resources the features were computed with. */
enum { XC_NER_USES_GAZETTEER = 1, XC_NER_USES_CLUSTERS = 2 };

/* A lookup slot holds the key and its weights' range, so scoring a
 * feature touches one slot and then its weights. */
typedef struct xc_ner_slot {
    uint64_t key;
    uint32_t first, end; /* end == 0: empty (a feature has ≥ 1 weight) */
} xc_ner_slot;

typedef struct xc_ner_weight {
    float weight;
    uint32_t label;
} xc_ner_weight;

typedef struct xc_ner_model {
    uint64_t features, pairs, flags;
    const uint64_t *keys;     /* feature hashes                     */
    const uint32_t *offsets;  /* features + 1 starts into the pairs */
    const float *weights;     /* pairs                               */
    const uint8_t *labels;    /* pairs: BILOU label of each weight   */
    struct xc_ner_slot *table;/* open addressing on the feature hash  */
    xc_ner_weight *packed;    /* weights with their labels, side by side */
    uint64_t mask;
    void *owned;              /* the buffer behind the arrays, when the model owns it */
} xc_ner_model;

/* Uses `data` in place (it must outlive the model and be 8-byte aligned). */
xc_status xc_ner_model_load(xc_ner_model *m, const void *data, size_t len, xc_error *err);
xc_status xc_ner_model_read(xc_ner_model *m, const char *path, xc_error *err);
/* Builds a model that owns its arrays, from parallel sorted arrays. */
xc_status xc_ner_model_build(xc_ner_model *m, uint64_t flags, const uint64_t *keys, const uint32_t *offsets,
                             size_t features, const float *weights, const uint8_t *labels, size_t pairs,
                             xc_error *err);
xc_status xc_ner_model_write(const xc_ner_model *m, const char *path, xc_error *err);
void xc_ner_model_free(xc_ner_model *m);

/* Adds the weights of `count` features to scores[XC_NER_LABELS]. */
void xc_ner_model_score(const xc_ner_model *m, const uint64_t *features, size_t count, float *scores);

/* Greedy left-to-right labelling (BILOU), each label allowed by the one
 * before it. `labels` has s->count entries. */
struct xc_ner_sentence;
struct xc_ner_history;
void xc_ner_model_decode(const xc_ner_model *m, const struct xc_ner_sentence *s, const struct xc_ner_history *h,
                         uint8_t *labels);

#endif
