#include "docvec.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>


static int by_term(const void *a, const void *b)
{
    uint32_t x = ((const xc_term_weight *)a)->term, y = ((const xc_term_weight *)b)->term;
    return (x > y) - (x < y);
}

static int by_weight_desc(const void *a, const void *b)
{
    const xc_term_weight *x = a, *y = b;
    if (x->weight != y->weight)
        return x->weight < y->weight ? 1 : -1;
    return (x->term > y->term) - (x->term < y->term); /* stable across runs */
}

void xc_docvec_merge_duplicates(xc_docvec *v)
{
    if (v->count < 2) /* nothing to merge; an empty vector may have no items (qsort(NULL) is undefined) */
        return;
    qsort(v->items, v->count, sizeof *v->items, by_term);
    size_t k = 0;
    for (size_t i = 0; i < v->count; i++) {
        if (k && v->items[k - 1].term == v->items[i].term)
            v->items[k - 1].weight += v->items[i].weight;
        else
            v->items[k++] = v->items[i];
    }
    v->count = k;
}

void xc_docvec_truncate(xc_docvec *v, size_t keep)
{
    if (v->count > keep) {
        qsort(v->items, v->count, sizeof *v->items, by_weight_desc);
        v->count = keep;
        qsort(v->items, v->count, sizeof *v->items, by_term);
    }
}

void xc_docvec_weigh(const xc_termdict *d, xc_docvec *v, size_t keep)
{
    for (size_t i = 0; i < v->count; i++) {
        float tf = 1.0f + logf(v->items[i].weight);
        v->items[i].weight = tf * (float)xc_termdict_idf(d, v->items[i].term);
    }
    xc_docvec_truncate(v, keep);
    double norm = xc_docvec_norm(v->items, v->count);
    if (norm > 0)
        for (size_t i = 0; i < v->count; i++)
            v->items[i].weight = (float)(v->items[i].weight / norm);
}

double xc_docvec_norm(const xc_term_weight *items, size_t n)
{
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += (double)items[i].weight * items[i].weight;
    return sqrt(sum);
}

double xc_docvec_dot(const xc_term_weight *a, size_t na, const xc_term_weight *b, size_t nb)
{
    double dot = 0;
    size_t i = 0, j = 0;
    while (i < na && j < nb) {
        if (a[i].term < b[j].term)
            i++;
        else if (a[i].term > b[j].term)
            j++;
        else
            dot += (double)a[i++].weight * b[j++].weight;
    }
    return dot;
}

xc_status xc_docvec_add(xc_docvec *a, const xc_term_weight *b, size_t nb, float scale)
{
    size_t capacity = a->count + nb + 1;
    xc_term_weight *merged = malloc(capacity * sizeof *merged);
    if (!merged)
        return XC_ERR_NOMEM;
    size_t i = 0, j = 0, k = 0;
    while (i < a->count || j < nb) {
        xc_term_weight tw;
        if (j >= nb || (i < a->count && a->items[i].term < b[j].term)) {
            tw = a->items[i++];
        } else if (i >= a->count || b[j].term < a->items[i].term) {
            tw = (xc_term_weight){b[j].term, scale * b[j].weight};
            j++;
        } else {
            tw = (xc_term_weight){a->items[i].term, a->items[i].weight + scale * b[j].weight};
            i++;
            j++;
        }
        if (tw.weight > 1e-6f)
            merged[k++] = tw;
    }
    free(a->items);
    a->items = merged;
    a->count = k;
    a->capacity = capacity;
    return XC_OK;
}

void xc_docvec_shrink(xc_docvec *v)
{
    if (v->capacity <= v->count + v->count / 8 + 4)
        return;
    size_t capacity = v->count ? v->count : 1;
    xc_term_weight *items = realloc(v->items, capacity * sizeof *items);
    if (items) {
        v->items = items;
        v->capacity = capacity;
    }
}

void xc_docvec_free(xc_docvec *v)
{
    free(v->items);
    memset(v, 0, sizeof *v);
}

