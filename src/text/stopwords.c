/* Stopword lookup over the Snowball lists embedded at build time. */
#include <stdlib.h>
#include <string.h>

#include "crosscheck.h"
#include "stopwords_table.h"

static const xc_stopword_table *table_for(const char *language)
{
    for (const xc_stopword_table *t = xc_stopword_tables; t->language; t++)
        if (strcmp(t->language, language) == 0)
            return t;
    return NULL;
}

bool xc_is_stopword(const char *language, const char *word, size_t len)
{
    const xc_stopword_table *t = table_for(language ? language : "english");
    if (!t || len == 0)
        return false;
    size_t lo = 0, hi = t->count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const char *w = t->words[mid];
        size_t wlen = strlen(w);
        int c = memcmp(w, word, wlen < len ? wlen : len);
        if (c == 0)
            c = (wlen > len) - (wlen < len);
        if (c == 0)
            return true;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

const char *const *xc_stopword_languages(void) { return xc_stopword_language_names; }
