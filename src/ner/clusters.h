/* Word clusters: each word's path in a Brown-cluster tree ("0110…"), whose
 * prefixes give the tagger word classes at several granularities. */
#ifndef XC_NER_CLUSTERS_H
#define XC_NER_CLUSTERS_H

#include <stddef.h>

#include "crosscheck.h"
#include "util/strmap.h"

typedef struct xc_word_clusters {
    xc_strmap words; /* word → offset of its path in `paths` */
    char *paths;     /* NUL-separated bit strings */
    size_t paths_len;
} xc_word_clusters;

/* Parses "PATH<TAB>WORD[<TAB>COUNT]" lines. Malformed lines are skipped. */
xc_status xc_word_clusters_parse(xc_word_clusters *c, const char *data, size_t len, xc_error *err);
/* The path of `word` (digits read as 0), or NULL; *path_len set. */
const char *xc_word_clusters_path(const xc_word_clusters *c, const char *word, size_t len, size_t *path_len);
void xc_word_clusters_free(xc_word_clusters *c);

#endif
