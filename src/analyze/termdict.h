/* The term dictionary: stems of content words (and name keys, which start
 * with '@') with their document frequencies, persisted in the `terms`
 * table. Term ids are dense (id = index + 1) so vectors can use them
 * directly. It also caches, per token as written, what it is, so each
 * distinct word is folded and stemmed once. */
#ifndef XC_TERMDICT_H
#define XC_TERMDICT_H

#include <stdint.h>

#include "crosscheck.h"
#include "../store/store.h"
#include "../util/strmap.h"

#define XC_TERM_NONE 0u

typedef struct xc_surface_info {
    uint32_t term;      /* XC_TERM_NONE for stopwords, punctuation, ... */
    uint32_t flags;     /* XC_SURFACE_*                                 */
} xc_surface_info;

enum {
    XC_SURFACE_WORD = 1 << 0,     /* a word or a number                   */
    XC_SURFACE_STOPWORD = 1 << 1, /* a function word (the, of, said ...)  */
    XC_SURFACE_CALENDAR = 1 << 2  /* a month or weekday name: not a name  */
};

typedef struct xc_termdict {
    xc_strmap stems;     /* stem → index                                     */
    xc_strmap surface;   /* token as written → index into surface_info       */
    xc_surface_info *surface_info;
    size_t surface_count, surface_capacity;
    const char **terms;  /* index → stem                                     */
    uint32_t *df;        /* index → articles containing it                   */
    uint32_t *background;/* index → documents of the background collection  */
    uint8_t *dirty;      /* index → needs saving                             */
    size_t count, capacity;
    int64_t articles;    /* N: articles counted in df                        */
    bool articles_dirty;
    xc_stemmer *stemmer;
} xc_termdict;

/* An empty dictionary (no store), or one loaded from the store. */
void xc_termdict_init(xc_termdict *d, xc_stemmer *stemmer);
xc_status xc_termdict_load(xc_termdict *d, xc_store *store, xc_stemmer *stemmer, xc_error *err);
void xc_termdict_free(xc_termdict *d);

/* What a token is: its term (content words: folded, stopwords out, stemmed;
 * numbers of 2+ characters are terms too) and flags. */
const xc_surface_info *xc_termdict_lookup(xc_termdict *d, const char *text, const xc_token *token);

/* The id of a key used as is (name keys "@marco rubio"), added if new. */
uint32_t xc_termdict_intern(xc_termdict *d, const char *key, size_t len);

/* Inverse document frequency, smoothed, with the background collection's
 * counts added to the store's: ln((N + 1) / (df + 1)) + 1. */
double xc_termdict_idf(const xc_termdict *d, uint32_t term);

/* Count an article in (delta +1) or out (-1) for each of its terms. */
void xc_termdict_count(xc_termdict *d, const uint32_t *terms, size_t n, int delta);

const char *xc_termdict_string(const xc_termdict *d, uint32_t term);

/* Write changed terms (inside the caller's transaction). */
xc_status xc_termdict_save(xc_termdict *d, xc_store *store, xc_error *err);

size_t xc_termdict_memory(const xc_termdict *d);

#endif
