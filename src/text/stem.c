/* Snowball stemming through libstemmer. */
#include <libstemmer.h>
#include <stdlib.h>

#include "crosscheck.h"

struct xc_stemmer {
    struct sb_stemmer *snowball;
};

xc_stemmer *xc_stemmer_new(const char *language)
{
    struct sb_stemmer *snowball = sb_stemmer_new(language ? language : "english", "UTF_8");
    if (!snowball)
        return NULL;
    xc_stemmer *stemmer = malloc(sizeof *stemmer);
    if (!stemmer) {
        sb_stemmer_delete(snowball);
        return NULL;
    }
    stemmer->snowball = snowball;
    return stemmer;
}

void xc_stemmer_free(xc_stemmer *stemmer)
{
    if (!stemmer)
        return;
    sb_stemmer_delete(stemmer->snowball);
    free(stemmer);
}

const char *xc_stem(xc_stemmer *stemmer, const char *word, size_t len, size_t *out_len)
{
    const sb_symbol *stem = NULL;
    if (len < 1024) /* Snowball takes an int; longer "words" are not words */
        stem = sb_stemmer_stem(stemmer->snowball, (const sb_symbol *)word, (int)len);
    if (!stem) { /* out of memory, or too long: the word is its own stem */
        *out_len = len;
        return word;
    }
    *out_len = (size_t)sb_stemmer_length(stemmer->snowball);
    return (const char *)stem;
}
