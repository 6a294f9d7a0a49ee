#include "background.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "../ingest/article.h"
#include "../util/error.h"

uint32_t xc_background_df(const char *term, size_t len)
{
    size_t lo = 0, hi = xc_background_term_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const char *t = xc_background_terms[mid].term;
        size_t n = strlen(t);
        int c = memcmp(t, term, n < len ? n : len);
        if (c == 0)
            c = (n > len) - (n < len);
        if (c == 0)
            return xc_background_terms[mid].df;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

typedef struct counter {
    xc_termdict terms;
    xc_analysis analysis;
    xc_u32_list distinct;
    size_t documents;
} counter;

static xc_status count_article(void *user, const xc_article_in *a)
{
    counter *c = user;
    xc_status st = xc_analyze(&c->terms, NULL, a->title_from_text ? NULL : a->title, a->text, a->text_len,
                              &c->analysis);
    if (st != XC_OK)
        return st;
    c->distinct.count = 0;
    if (!XC_VEC_RESERVE(&c->distinct, c->analysis.counts.count + 1))
        return XC_ERR_NOMEM;
    c->distinct.count = xc_analysis_terms(&c->analysis, c->distinct.items, c->analysis.counts.count);
    xc_termdict_count(&c->terms, c->distinct.items, c->distinct.count, +1);
    c->documents++;
    return XC_OK;
}

static int by_term(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

xc_status xc_background_build(const char *const *paths, size_t path_count, const char *out_path, unsigned min_df,
                              size_t *documents, size_t *terms, xc_error *err)
{
    counter c = {0};
    xc_stemmer *stemmer = xc_stemmer_new("english");
    if (!stemmer)
        return xc_fail(err, XC_ERR_NOMEM, "cannot create the English stemmer");
    xc_termdict_init(&c.terms, stemmer);
    xc_ingest_summary summary;
    xc_status st = xc_read_paths(paths, path_count, NULL, count_article, &c, NULL, NULL, &summary, err);
    const char **kept = NULL;
    size_t n = 0;
    if (st == XC_OK) {
        kept = malloc((c.terms.count ? c.terms.count : 1) * sizeof *kept);
        if (!kept)
            st = xc_fail(err, XC_ERR_NOMEM, "out of memory");
    }
    for (size_t i = 0; st == XC_OK && i < c.terms.count; i++)
        if (c.terms.df[i] >= min_df && !strchr(c.terms.terms[i], '\t') && !strchr(c.terms.terms[i], '\n'))
            kept[n++] = c.terms.terms[i];
    if (st == XC_OK) {
        qsort(kept, n, sizeof *kept, by_term);
        FILE *f = fopen(out_path, "w");
        if (!f) {
            st = xc_fail(err, XC_ERR_IO, "cannot write %s", out_path);
        } else {
            fprintf(f, "#documents\t%zu\n", c.documents);
            for (size_t i = 0; i < n; i++) {
                uint32_t index;
                xc_strmap_get(&c.terms.stems, kept[i], strlen(kept[i]), &index);
                fprintf(f, "%s\t%u\n", kept[i], c.terms.df[index]);
            }
            if (fclose(f) != 0)
                st = xc_fail(err, XC_ERR_IO, "cannot write %s", out_path);
        }
    }
    if (documents)
        *documents = c.documents;
    if (terms)
        *terms = n;
    free(kept);
    free(c.distinct.items);
    xc_analysis_free(&c.analysis);
    xc_termdict_free(&c.terms);
    xc_stemmer_free(stemmer);
    return st;
}
