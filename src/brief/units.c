/* The sentences of a set of reports as TF-IDF vectors: the units every
 * summariser picks from. Terms are the stems of content words (the term
 * dictionary's rule, as the clusterer uses); a term's IDF counts the
 * background collection and these reports, so a word all the reports
 * share is not weighed down to nothing as it would be by five documents
 * alone. */
#include "brief.h"

#include <string.h>
#include <xxhash.h>

static bool counts_as_word(const xc_token *t)
{
    return t->type == XC_TOK_WORD || t->type == XC_TOK_NUMBER || t->type == XC_TOK_ABBREV;
}

static int compare_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return (a > b) - (a < b);
}

/* A word's key for bigrams: its term (the stem) for a content word, else
 * its folded text; the low bit says which. */
static uint64_t word_key(const char *text, const xc_token *token, uint32_t term)
{
    if (term != XC_TERM_NONE)
        return (uint64_t)term << 1 | 1;
    char folded[64];
    size_t n = xc_token_fold(text, token, folded, sizeof folded);
    return XXH3_64bits(folded, n < sizeof folded ? n : sizeof folded - 1) << 1;
}

/* One unit from tokens[first .. first + count) of `text`: its raw term
 * counts go to u->terms, its distinct terms to u->seen (for the doc's df). */
static bool add_unit(xc_units *u, const char *text, const xc_token *tokens, size_t count, xc_unit unit)
{
    u->vec.count = 0;
    unit.first_bigram = (uint32_t)u->bigrams.count;
    uint64_t previous = 0; /* 0: none yet */
    for (size_t i = 0; i < count; i++) {
        if (!counts_as_word(&tokens[i]))
            continue; /* punctuation neither counts nor breaks a pair */
        unit.words++;
        const xc_surface_info *info = xc_termdict_lookup(&u->dict, text, &tokens[i]);
        if (info->term != XC_TERM_NONE && !XC_VEC_PUSH(&u->vec, ((xc_term_weight){info->term, 1.0f})))
            return false;
        uint64_t key = word_key(text, &tokens[i], info->term);
        if (previous && ((previous | key) & 1) &&
            !XC_VEC_PUSH(&u->bigrams, XXH3_64bits_withSeed(&key, sizeof key, previous)))
            return false;
        previous = key;
    }
    size_t pairs = u->bigrams.count - unit.first_bigram;
    if (pairs > 0) {
        uint64_t *mine = u->bigrams.items + unit.first_bigram;
        qsort(mine, pairs, sizeof *mine, compare_u64);
        size_t distinct = 0;
        for (size_t i = 0; i < pairs; i++)
            if (distinct == 0 || mine[distinct - 1] != mine[i])
                mine[distinct++] = mine[i];
        u->bigrams.count = unit.first_bigram + distinct;
        unit.bigram_count = (uint32_t)distinct;
    }
    if (u->vec.count > 1)
        xc_docvec_merge_duplicates(&u->vec);
    unit.first_term = (uint32_t)u->terms.count;
    unit.term_count = (uint32_t)u->vec.count;
    if (!XC_VEC_RESERVE(&u->terms, u->vec.count) || !XC_VEC_RESERVE(&u->seen, u->vec.count))
        return false;
    for (size_t i = 0; i < u->vec.count; i++) {
        u->terms.items[u->terms.count++] = u->vec.items[i];
        u->seen.items[u->seen.count++] = u->vec.items[i].term;
    }
    return XC_VEC_PUSH(&u->units, unit);
}

static int compare_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return (a > b) - (a < b);
}

/* Count the doc's distinct terms (gathered in u->seen) in the df. */
static void count_doc(xc_units *u)
{
    if (u->seen.count > 1) /* qsort wants a non-null array, even empty */
        qsort(u->seen.items, u->seen.count, sizeof *u->seen.items, compare_u32);
    size_t distinct = 0;
    for (size_t i = 0; i < u->seen.count; i++)
        if (distinct == 0 || u->seen.items[distinct - 1] != u->seen.items[i])
            u->seen.items[distinct++] = u->seen.items[i];
    xc_termdict_count(&u->dict, u->seen.items, distinct, +1);
    u->seen.count = 0;
}

static bool add_doc(xc_units *u, const xc_summary_doc *doc, uint32_t index, unsigned flags)
{
    if ((flags & XC_UNITS_TITLES) && doc->title && doc->title_len > 0) {
        u->tokens.count = 0;
        if (xc_tokenize(doc->title, doc->title_len, &u->tokens) != XC_OK)
            return false;
        if (u->tokens.count > 0) {
            xc_unit unit = {.doc = index, .start = u->tokens.items[0].start,
                            .end = u->tokens.items[u->tokens.count - 1].end, .title = true};
            if (!add_unit(u, doc->title, u->tokens.items, u->tokens.count, unit))
                return false;
        }
    }
    u->tokens.count = 0;
    u->sentences.count = 0;
    if (xc_tokenize(doc->text, doc->text_len, &u->tokens) != XC_OK ||
        xc_split_sentences(doc->text, doc->text_len, &u->tokens, &u->sentences) != XC_OK)
        return false;
    for (size_t s = 0; s < u->sentences.count; s++) {
        const xc_sentence *sentence = &u->sentences.items[s];
        xc_unit unit = {.doc = index, .start = sentence->start, .end = sentence->end, .position = (uint32_t)s};
        if (!add_unit(u, doc->text, u->tokens.items + sentence->first_token, sentence->token_count, unit))
            return false;
    }
    count_doc(u);
    return true;
}

xc_status xc_units_build(xc_units *u, xc_stemmer *stemmer, const xc_summary_doc *docs, size_t doc_count,
                         unsigned flags)
{
    xc_termdict_free(&u->dict);
    xc_termdict_init(&u->dict, stemmer);
    u->units.count = 0;
    u->terms.count = 0;
    u->bigrams.count = 0;
    u->seen.count = 0;
    for (size_t d = 0; d < doc_count; d++)
        if (!add_doc(u, &docs[d], (uint32_t)d, flags))
            return XC_ERR_NOMEM;
    /* Now that the df is known: counts → unit-length TF-IDF, in place. */
    for (size_t i = 0; i < u->units.count; i++) {
        xc_unit *unit = &u->units.items[i];
        if (unit->term_count == 0)
            continue;
        xc_docvec v = {u->terms.items + unit->first_term, unit->term_count, unit->term_count};
        xc_docvec_weigh(&u->dict, &v, unit->term_count); /* keeps every term: no reallocation */
        unit->term_count = (uint32_t)v.count;
    }
    return XC_OK;
}

void xc_units_free(xc_units *u)
{
    free(u->units.items);
    free(u->terms.items);
    free(u->bigrams.items);
    xc_termdict_free(&u->dict);
    xc_token_list_free(&u->tokens);
    xc_sentence_list_free(&u->sentences);
    xc_docvec_free(&u->vec);
    free(u->seen.items);
    memset(u, 0, sizeof *u);
}

double xc_units_similarity(const xc_units *u, size_t a, size_t b)
{
    const xc_unit *x = &u->units.items[a], *y = &u->units.items[b];
    if (x->term_count == 0 || y->term_count == 0)
        return 0;
    return xc_docvec_dot(u->terms.items + x->first_term, x->term_count, u->terms.items + y->first_term,
                         y->term_count);
}

const char *xc_unit_text(const xc_summary_doc *docs, const xc_unit *unit, size_t *len)
{
    const xc_summary_doc *doc = &docs[unit->doc];
    *len = unit->end - unit->start;
    return (unit->title ? doc->title : doc->text) + unit->start;
}
