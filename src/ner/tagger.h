/* The entity tagger as the rest of crosscheck uses it: a model with the
 * resources its features need (gazetteers, word clusters), all built into
 * the library, or a model file from `crosscheck train ner`. */
#ifndef XC_NER_TAGGER_H
#define XC_NER_TAGGER_H

#include "ner/conll.h"
#include "ner/features.h"
#include "ner/model.h"

typedef struct xc_ner_tagger {
    xc_ner_model model;
    xc_gazetteer *gazetteer;
    xc_word_clusters clusters;
    xc_ner_resources resources;
} xc_ner_tagger;

/* Loads the resources of the given kinds (XC_NER_USES_* bits). */
xc_status xc_ner_resources_load(xc_ner_tagger *t, uint64_t kinds, xc_error *err);
/* The built-in model when `model_path` is NULL. */
xc_status xc_ner_tagger_open(xc_ner_tagger *t, const char *model_path, xc_error *err);
void xc_ner_tagger_close(xc_ner_tagger *t);

/* The built-in model's bytes (for benchmarks and `ner --model-info`). */
const void *xc_ner_builtin_model(size_t *len);

#endif
