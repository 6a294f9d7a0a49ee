#include "docvec.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../util/vec.h"

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

/* Does the token look like part of a name: capitalised where a sentence
 * does not start? Names are what outlets share most reliably. */
static bool name_like(const char *text, const xc_token_list *tokens, size_t i)
{
    const xc_token *t = &tokens->items[i];
    if (!(t->flags & XC_TF_UPPER_INITIAL) || i == 0 || (t->flags & XC_TF_NEWLINE_BEFORE))
        return false;
    const xc_token *prev = &tokens->items[i - 1];
    if (prev->type != XC_TOK_PUNCT)
        return true;
    char c = text[prev->end - 1];
    return c != '.' && c != '!' && c != '?' && c != ':' && c != '"' && (unsigned char)c != 0x9C;
}

static xc_status add_tokens(xc_termdict *d, const char *text, size_t len, float weight,
                            float name_weight, xc_token_list *scratch, xc_docvec *out)
{
    scratch->count = 0;
    xc_status st = xc_tokenize(text, len, scratch);
    if (st != XC_OK)
        return st;
    for (size_t i = 0; i < scratch->count; i++) {
        uint32_t term = xc_termdict_term(d, text, &scratch->items[i]);
        if (term == XC_TERM_NONE)
            continue;
        xc_term_weight tw = {term, weight * (name_like(text, scratch, i) ? name_weight : 1.0f)};
        if (!XC_VEC_PUSH(out, tw))
            return XC_ERR_NOMEM;
    }
    return XC_OK;
}

xc_status xc_docvec_count(xc_termdict *d, const char *title, const char *text, size_t len,
                          float title_weight, float name_weight, xc_token_list *scratch,
                          xc_docvec *out)
{
    out->count = 0;
    xc_status st = XC_OK;
    if (title)
        st = add_tokens(d, title, strlen(title), title_weight, 1.0f, scratch, out);
    if (st == XC_OK)
        st = add_tokens(d, text, len, 1.0f, name_weight, scratch, out);
    if (st != XC_OK)
        return st;
    /* Sum the duplicates. */
    qsort(out->items, out->count, sizeof *out->items, by_term);
    size_t k = 0;
    for (size_t i = 0; i < out->count; i++) {
        if (k && out->items[k - 1].term == out->items[i].term)
            out->items[k - 1].weight += out->items[i].weight;
        else
            out->items[k++] = out->items[i];
    }
    out->count = k;
    return XC_OK;
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

void xc_docvec_free(xc_docvec *v)
{
    free(v->items);
    memset(v, 0, sizeof *v);
}

