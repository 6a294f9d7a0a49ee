#include "analysis.h"

#include <stdlib.h>
#include <string.h>

#include "../util/vec.h"

/* Chosen by measurement (docs/architecture.md, "Duplicates" and "Stories"). */
const xc_analysis_params xc_analysis_defaults = {
    .title_weight = 2.0f,
    .name_weight = 2.0f,
    .name_key_weight = 1.0f,
    .lead_weight = 2.0f,
    .lead_sentences = 4,
};

#define MAX_NAME_TOKENS 6
#define MAX_NAME_BYTES 120

/* A run of capitalised words is a name; these lower-case particles may sit
 * inside one ("Mohammed bin Salman", "Charles de Gaulle"). */
static bool is_name_particle(const char *w, size_t n)
{
    static const char *const particles[] = {"bin", "bint", "ibn", "al", "el", "de", "del", "della",
                                            "der", "di", "da", "du", "la", "le", "van", "von"};
    for (size_t i = 0; i < sizeof particles / sizeof *particles; i++)
        if (strlen(particles[i]) == n && memcmp(particles[i], w, n) == 0)
            return true;
    return false;
}

static bool starts_sentence(const char *text, const xc_token_list *tokens, size_t i)
{
    const xc_token *t = &tokens->items[i];
    if (i == 0 || (t->flags & XC_TF_NEWLINE_BEFORE))
        return true;
    const xc_token *prev = &tokens->items[i - 1];
    if (prev->type != XC_TOK_PUNCT)
        return false;
    unsigned char c = (unsigned char)text[prev->end - 1];
    /* . ! ? : and opening quotes (the last byte of “ is 0x9C) */
    return c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == 0x9C;
}

/* A capitalised content word that may belong to a name. */
static bool capitalised(const xc_token *t, const xc_surface_info *info)
{
    return t->type == XC_TOK_WORD && (t->flags & XC_TF_UPPER_INITIAL) &&
           !(info->flags & (XC_SURFACE_STOPWORD | XC_SURFACE_CALENDAR)) && info->term != XC_TERM_NONE;
}

typedef struct name_builder {
    char key[MAX_NAME_BYTES + 2];
    size_t len;
    size_t last_start; /* where the last word of the key begins */
    int words;
} name_builder;

static void name_add_word(name_builder *b, const char *text, const xc_token *t)
{
    char folded[64];
    size_t n = xc_token_fold(text, t, folded, sizeof folded);
    if (n >= sizeof folded || b->len + n + 2 > MAX_NAME_BYTES || b->words >= MAX_NAME_TOKENS)
        return;
    if (b->len == 0)
        b->key[b->len++] = '@';
    else
        b->key[b->len++] = ' ';
    b->last_start = b->len;
    memcpy(b->key + b->len, folded, n);
    b->len += n;
    b->words++;
}

/* Add to a term's count: a dense array by term id and the list of terms
 * touched, so no sorting of every occurrence is needed. */
static bool accumulate(xc_analysis *out, uint32_t term, float weight)
{
    if (term >= out->accumulator_capacity) {
        size_t capacity = out->accumulator_capacity ? out->accumulator_capacity : 4096;
        while (capacity <= term)
            capacity *= 2;
        float *grown = realloc(out->accumulator, capacity * sizeof *grown);
        if (!grown)
            return false;
        memset(grown + out->accumulator_capacity, 0, (capacity - out->accumulator_capacity) * sizeof *grown);
        out->accumulator = grown;
        out->accumulator_capacity = capacity;
    }
    if (out->accumulator[term] == 0 && !XC_VEC_PUSH(&out->touched, term))
        return false;
    out->accumulator[term] += weight;
    return true;
}

static int by_id(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* The accumulated counts, sorted by term, into out->counts (and the
 * accumulator cleared for the next article). */
static bool collect_counts(xc_analysis *out)
{
    qsort(out->touched.items, out->touched.count, sizeof *out->touched.items, by_id);
    out->counts.count = 0;
    if (!XC_VEC_RESERVE(&out->counts, out->touched.count + 1))
        return false;
    for (size_t i = 0; i < out->touched.count; i++) {
        uint32_t term = out->touched.items[i];
        out->counts.items[out->counts.count++] = (xc_term_weight){term, out->accumulator[term]};
        out->accumulator[term] = 0;
    }
    out->touched.count = 0;
    return true;
}

static bool push_name(xc_termdict *d, xc_analysis *out, const char *key, size_t len, float weight)
{
    uint32_t term = xc_termdict_intern(d, key, len);
    if (term == XC_TERM_NONE)
        return true;
    if (!accumulate(out, term, weight))
        return false;
    for (size_t i = 0; i < out->names.count; i++)
        if (out->names.items[i] == term)
            return true;
    return XC_VEC_PUSH(&out->names, term);
}

/* End of a name run: the whole name, and its last word alone so that a later
 * "Rubio" meets an earlier "Marco Rubio". */
static bool flush_name(xc_termdict *d, const xc_analysis_params *p, xc_analysis *out, name_builder *b)
{
    bool ok = true;
    if (b->words > 0) {
        ok = push_name(d, out, b->key, b->len, p->name_key_weight);
        if (ok && b->words > 1) {
            char last[MAX_NAME_BYTES + 2];
            size_t n = b->len - b->last_start;
            last[0] = '@';
            memcpy(last + 1, b->key + b->last_start, n);
            ok = push_name(d, out, last, n + 1, p->name_key_weight);
        }
    }
    b->len = 0;
    b->words = 0;
    return ok;
}

static xc_status scan(xc_termdict *d, const xc_analysis_params *p, const char *text, size_t len,
                      bool is_title, xc_analysis *out)
{
    out->tokens.count = 0;
    xc_status st = xc_tokenize(text, len, &out->tokens);
    if (st != XC_OK)
        return st;
    const xc_token_list *tokens = &out->tokens;
    name_builder name = {0};
    unsigned sentences = 0; /* ends of sentences seen: the lead is the first few */
    for (size_t i = 0; i < tokens->count; i++) {
        const xc_token *t = &tokens->items[i];
        if (!is_title && i > 0 && (t->flags & XC_TF_NEWLINE_BEFORE))
            sentences++;
        else if (!is_title && t->type == XC_TOK_PUNCT && t->end - t->start == 1 &&
                 (text[t->start] == '.' || text[t->start] == '!' || text[t->start] == '?'))
            sentences++;
        /* A copy: the next lookup may move the table. */
        xc_surface_info info = *xc_termdict_lookup(d, text, t);
        /* Names: capitalised words where a sentence does not start (or two
         * in a row where it does), with particles inside. Body only: titles
         * capitalise every word. */
        bool in_name = false;
        if (!is_title) {
            bool cap = capitalised(t, &info);
            if (cap && name.words == 0 && starts_sentence(text, tokens, i))
                cap = i + 1 < tokens->count &&
                      capitalised(&tokens->items[i + 1], xc_termdict_lookup(d, text, &tokens->items[i + 1]));
            if (cap) {
                name_add_word(&name, text, t);
                in_name = true;
            } else if (name.words > 0 && t->type == XC_TOK_WORD && !(t->flags & XC_TF_UPPER_INITIAL) &&
                       is_name_particle(text + t->start, t->end - t->start) && i + 1 < tokens->count &&
                       (tokens->items[i + 1].flags & XC_TF_UPPER_INITIAL)) {
                name_add_word(&name, text, t);
                in_name = true;
            } else if (!flush_name(d, p, out, &name)) {
                return XC_ERR_NOMEM;
            }
        }
        if (info.term == XC_TERM_NONE)
            continue;
        float weight = is_title ? p->title_weight : in_name ? p->name_weight : 1.0f;
        if (!is_title && sentences < p->lead_sentences)
            weight *= p->lead_weight;
        if (!accumulate(out, info.term, weight))
            return XC_ERR_NOMEM;
    }
    if (!is_title && !flush_name(d, p, out, &name))
        return XC_ERR_NOMEM;
    return XC_OK;
}

xc_status xc_analyze(xc_termdict *d, const xc_analysis_params *p, const char *title, const char *text,
                     size_t len, xc_analysis *out)
{
    if (!p)
        p = &xc_analysis_defaults;
    out->counts.count = 0;
    out->names.count = 0;
    for (size_t i = 0; i < out->touched.count; i++) /* left over by a failed call */
        out->accumulator[out->touched.items[i]] = 0;
    out->touched.count = 0;
    xc_status st = XC_OK;
    if (title)
        st = scan(d, p, title, strlen(title), true, out);
    if (st == XC_OK)
        st = scan(d, p, text, len, false, out);
    if (st != XC_OK)
        return st;
    return collect_counts(out) ? XC_OK : XC_ERR_NOMEM;
}

size_t xc_analysis_terms(const xc_analysis *a, uint32_t *out, size_t cap)
{
    size_t n = a->counts.count < cap ? a->counts.count : cap;
    for (size_t i = 0; i < n; i++)
        out[i] = a->counts.items[i].term;
    return n;
}

void xc_analysis_free(xc_analysis *a)
{
    xc_docvec_free(&a->counts);
    free(a->names.items);
    xc_token_list_free(&a->tokens);
    free(a->accumulator);
    free(a->touched.items);
    memset(a, 0, sizeof *a);
}
