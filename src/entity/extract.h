/* Entities of one article: the tagger finds the names, then mentions that
 * name the same thing are grouped (Rubio → Marco Rubio, EU → European
 * Union, Zelenskiy → Zelenskyy), each group with its fullest name. Roles
 * before a name (Secretary of State, Crown Prince) are kept apart. */
#ifndef XC_ENTITY_EXTRACT_H
#define XC_ENTITY_EXTRACT_H

#include <stdint.h>

#include "crosscheck.h"
#include "ner/tagger.h"
#include "util/buf.h"
#include "util/strmap.h"

typedef struct xc_mention {
    uint32_t start, end;           /* the name, roles excluded              */
    uint32_t role_start, role_end; /* the role before it; equal when none   */
    uint32_t key, key_len;         /* folded name: offset into `keys`       */
    uint8_t type;                  /* XC_NER_*                              */
    uint32_t entity;               /* index into the article's entities     */
} xc_mention;

typedef struct xc_local_entity {
    uint8_t type;
    uint32_t name;       /* the mention with the fullest name              */
    uint32_t mentions;   /* how many                                       */
} xc_local_entity;

typedef struct xc_entity_extractor {
    const xc_ner_tagger *tagger;
    struct { xc_mention *items; size_t count, capacity; } mentions;
    struct { xc_local_entity *items; size_t count, capacity; } entities;
    xc_buf keys;
    /* The mentions of entity e are by_entity[first[e] .. first[e + 1]),
     * in text order. */
    uint32_t *by_entity, *first;
    /* scratch */
    xc_token_list tokens;
    xc_sentence_list sentences;
    xc_ner_sentence prepared;
    xc_ner_history history;
    xc_ner_document document;
    xc_strmap surnames, seen;
    const char **words;
    size_t *lengths;
    uint8_t *labels, *iob;
    xc_ner_span *spans, *pieces;
    size_t scratch_capacity;
} xc_entity_extractor;

/* Tags `text` and groups its mentions; results in x->mentions / x->entities
 * until the next call. */
xc_status xc_entities_extract(xc_entity_extractor *x, const char *text, size_t len);
void xc_entity_extractor_free(xc_entity_extractor *x);

static inline const char *xc_mention_key(const xc_entity_extractor *x, const xc_mention *m)
{
    return x->keys.data + m->key;
}

/* Do two folded person names name the same person? Surnames must agree
 * (or differ only in spelling); first names must agree, be nicknames of
 * each other, or initials; a name that is the tail of the other (Rubio,
 * bin Salman) agrees. */
bool xc_person_names_agree(const char *a, size_t an, const char *b, size_t bn);
/* The same for organisations, places and others: equal keys, acronyms. */
bool xc_other_names_agree(const char *a, size_t an, const char *b, size_t bn);

#endif
