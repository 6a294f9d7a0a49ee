/* Background document frequencies: how many documents of a reference
 * collection contain each term. Added to the store's own counts, they make
 * IDF meaningful from the first article on (with five articles, a word all
 * of them share would otherwise weigh less than a word only one has). The
 * table is built by `crosscheck train idf` (see data/idf/README.md) and
 * compiled in. */
#ifndef XC_BACKGROUND_H
#define XC_BACKGROUND_H

#include <stddef.h>
#include <stdint.h>

#include "crosscheck.h"

typedef struct xc_background_entry {
    const char *term;
    uint32_t df;
} xc_background_entry;

/* Generated (build/gen/background_data.c): sorted bytewise by term. */
extern const xc_background_entry xc_background_terms[];
extern const size_t xc_background_term_count;
extern const uint32_t xc_background_documents;

/* Documents of the background collection with this term (0 if none). */
uint32_t xc_background_df(const char *term, size_t len);

/* Count the document frequencies of the articles under `paths` and write
 * them as "term<TAB>df" lines (terms with at least min_df documents),
 * after a "#documents<TAB>N" line. */
xc_status xc_background_build(const char *const *paths, size_t path_count, const char *out_path,
                              unsigned min_df, size_t *documents, size_t *terms, xc_error *err);

#endif
