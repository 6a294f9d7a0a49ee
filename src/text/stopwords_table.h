/* The shape of the generated stopword tables (build/gen/stopwords_data.c). */
#ifndef XC_STOPWORDS_TABLE_H
#define XC_STOPWORDS_TABLE_H

#include <stddef.h>

typedef struct xc_stopword_table {
    const char *language;
    const char *const *words; /* sorted bytewise */
    size_t count;
} xc_stopword_table;

extern const xc_stopword_table xc_stopword_tables[]; /* ends with {0} */
extern const char *const xc_stopword_language_names[]; /* ends with NULL */

#endif
