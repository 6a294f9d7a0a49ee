/* Features of a token for the entity tagger, as 64-bit hashes: the word,
 * its shape, prefixes and suffixes, its neighbours, gazetteer matches and
 * word clusters (static: computed once per token), and the labels already
 * given to the words before it (computed during decoding). */
#ifndef XC_NER_FEATURES_H
#define XC_NER_FEATURES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "crosscheck.h"
#include "ner/clusters.h"
#include "ner/gazetteer.h"
#include "util/strmap.h"

#define XC_NER_MAX_STATIC 96
#define XC_NER_MAX_LABEL_FEATURES 8

typedef struct xc_ner_resources {
    const xc_gazetteer *gazetteer;  /* may be NULL */
    const xc_word_clusters *clusters; /* may be NULL */
} xc_ner_resources;

typedef struct xc_ner_token_info {
    uint32_t form, form_len;   /* offsets into chars */
    uint32_t lower, lower_len; /* lower case, digits as 0 */
    uint32_t shape, shape_len; /* Xx, X.X., d-d ... */
    const char *cluster;       /* Brown path or NULL */
    uint32_t cluster_len;
    uint32_t gazetteer;        /* XC_GAZ_* bits */
    uint8_t document;          /* XC_NER_DOC_* bits: how the document writes the word */
} xc_ner_token_info;



/* A sentence prepared for feature extraction; reuse one for many sentences. */
typedef struct xc_ner_sentence {
    size_t count;
    xc_ner_token_info *tokens;
    size_t token_capacity;
    char *chars;
    size_t chars_len, chars_capacity;
    const char **words; /* scratch for the gazetteer */
    size_t *lengths;
    bool headline;      /* every cased letter upper case */
} xc_ner_sentence;

/* How the rest of a document writes a word: a capitalised word that the
 * same text also writes in lower case is likelier a common word starting a
 * sentence; one capitalised mid-sentence elsewhere is likelier a name. */
enum { XC_NER_DOC_LOWER = 1, XC_NER_DOC_CAPITALISED_INSIDE = 2 };

typedef struct xc_ner_document {
    xc_strmap words; /* lower-cased word → XC_NER_DOC_* bits */
} xc_ner_document;

void xc_ner_document_clear(xc_ner_document *d);
void xc_ner_document_free(xc_ner_document *d);
/* Note how one sentence (its words) writes each word. */
bool xc_ner_document_add(xc_ner_document *d, const char *const *words, const size_t *lengths, size_t count);
/* Set each token's `document` bits in a prepared sentence. */
void xc_ner_document_apply(const xc_ner_document *d, xc_ner_sentence *s);

xc_status xc_ner_sentence_prepare(xc_ner_sentence *s, const xc_ner_resources *r, const char *const *words,
                                  const size_t *lengths, size_t count);
void xc_ner_sentence_free(xc_ner_sentence *s);

/* What the tagger said earlier in the same document about each capitalised
 * word ("extended prediction history", Ratinov & Roth 2009): a name tagged
 * PER once is likely PER again where the context is poorer. */
typedef struct xc_ner_history {
    xc_strmap words; /* lower-cased word → row of counts */
    struct { uint16_t *items; size_t count, capacity; } counts; /* 1 + XC_NER_TYPES per word */
} xc_ner_history;

void xc_ner_history_clear(xc_ner_history *h);
void xc_ner_history_free(xc_ner_history *h);
/* Records the labels (BILOU) of a tagged sentence. */
bool xc_ner_history_add(xc_ner_history *h, const xc_ner_sentence *s, const uint8_t *labels);
/* Features of token i from the history (none when h is NULL). */
size_t xc_ner_history_features(const xc_ner_sentence *s, size_t i, const xc_ner_history *h, uint64_t *out);
#define XC_NER_MAX_HISTORY 4

/* The label-independent features of token i; returns how many (≤ XC_NER_MAX_STATIC). */
size_t xc_ner_static_features(const xc_ner_sentence *s, size_t i, uint64_t *out);
/* Features that depend on the two previous labels (XC_NER_NO_LABEL before the start). */
size_t xc_ner_label_features(const xc_ner_sentence *s, size_t i, uint8_t prev, uint8_t prev2, uint64_t *out);

#endif
