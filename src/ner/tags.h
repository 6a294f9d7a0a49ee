/* Entity types and the two tag encodings the tagger uses: IOB2 at its edges
 * (CoNLL files, output) and BILOU inside (Ratinov & Roth 2009 found it
 * learns boundaries better than IOB). */
#ifndef XC_NER_TAGS_H
#define XC_NER_TAGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { XC_NER_PER, XC_NER_ORG, XC_NER_LOC, XC_NER_MISC, XC_NER_TYPES };

/* IOB2 tags: 0 = O, 1 + 2t = B-t, 2 + 2t = I-t. */
#define XC_IOB_TAGS (1 + 2 * XC_NER_TYPES)
/* BILOU labels: 0 = O, 1 + 4t + {0 B, 1 I, 2 L, 3 U}. */
#define XC_NER_LABELS (1 + 4 * XC_NER_TYPES)
#define XC_NER_NO_LABEL 0xff

const char *xc_ner_type_name(int type);          /* "PER", ... */
int xc_ner_type_parse(const char *s, size_t len); /* -1 when unknown */

/* "B-PER" → IOB tag; -1 when not a tag. "O" → 0. */
int xc_iob_parse(const char *s, size_t len);
/* Writes "B-PER" etc.; returns the static string. */
const char *xc_iob_name(int tag);

/* IOB2 (or IOB1) tags of a sentence → BILOU labels, and back. */
void xc_iob_to_bilou(const uint8_t *iob, size_t n, uint8_t *bilou);
void xc_bilou_to_iob(const uint8_t *bilou, size_t n, uint8_t *iob);

/* May `next` follow `prev` in BILOU? prev = XC_NER_NO_LABEL at the start. */
bool xc_bilou_allowed(uint8_t prev, uint8_t next);
/* May a sentence end after `last`? */
bool xc_bilou_may_end(uint8_t last);

static inline int xc_bilou_type(uint8_t label) { return label ? (label - 1) / 4 : -1; }
static inline int xc_bilou_part(uint8_t label) { return label ? (label - 1) % 4 : -1; }

/* An entity span over tokens [start, end). */
typedef struct xc_ner_span {
    uint32_t start, end;
    int type;
} xc_ner_span;

/* Spans of IOB tags with conlleval's rules: a chunk starts at B-x, or at
 * I-x after anything but B-x/I-x. Returns the number written (≤ n). */
size_t xc_iob_spans(const uint8_t *iob, size_t n, xc_ner_span *out);

#endif
