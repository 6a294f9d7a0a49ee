/* ROUGE as rouge-score computes it (see rouge.h). */
#include <stdlib.h>
#include <string.h>

#include "eval/rouge.h"
#include "util/error.h"

xc_status xc_rouge_tokenizer_init(xc_rouge_tokenizer *t, xc_error *err)
{
    memset(t, 0, sizeof *t);
    t->porter = xc_stemmer_new("porter");
    if (!t->porter)
        return xc_fail(err, XC_ERR_NOMEM, "cannot make the Porter stemmer");
    return XC_OK;
}

void xc_rouge_tokenizer_free(xc_rouge_tokenizer *t)
{
    xc_stemmer_free(t->porter);
    xc_strmap_free(&t->forms);
    xc_strmap_free(&t->stems);
    free(t->word);
    memset(t, 0, sizeof *t);
}

/* The id of a token as written (lower case): its stem's. */
static bool token_id(xc_rouge_tokenizer *t, const char *word, size_t len, uint32_t *id)
{
    if (xc_strmap_get(&t->forms, word, len, id))
        return true;
    const char *stem = word;
    size_t stem_len = len;
    if (len > 3) /* rouge-score stems only tokens longer than 3 characters */
        stem = xc_stem(t->porter, word, len, &stem_len);
    if (!xc_strmap_get(&t->stems, stem, stem_len, id)) {
        *id = (uint32_t)t->stems.count;
        if (!xc_strmap_put(&t->stems, stem, stem_len, *id))
            return false;
    }
    return xc_strmap_put(&t->forms, word, len, *id);
}

static bool add_char(xc_rouge_tokenizer *t, size_t len, char c)
{
    if (len + 1 > t->word_capacity) {
        size_t cap = t->word_capacity ? 2 * t->word_capacity : 64;
        char *p = realloc(t->word, cap);
        if (!p)
            return false;
        t->word = p;
        t->word_capacity = cap;
    }
    t->word[len] = c;
    return true;
}

static bool end_token(xc_rouge_tokenizer *t, size_t *len, xc_u32_list *out)
{
    if (*len == 0)
        return true;
    uint32_t id;
    bool ok = token_id(t, t->word, *len, &id) && XC_VEC_PUSH(out, id);
    *len = 0;
    return ok;
}

bool xc_rouge_tokenize(xc_rouge_tokenizer *t, const char *text, size_t len, xc_u32_list *out)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = s[i];
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (!add_char(t, n++, (char)c))
                return false;
        } else if (c >= 'A' && c <= 'Z') {
            if (!add_char(t, n++, (char)(c - 'A' + 'a')))
                return false;
        } else if (c == 0xE2 && i + 2 < len && s[i + 1] == 0x84 && s[i + 2] == 0xAA) {
            /* the Kelvin sign: Python's lower() makes it "k" */
            if (!add_char(t, n++, 'k'))
                return false;
            i += 2;
        } else if (c == 0xC4 && i + 1 < len && s[i + 1] == 0xB0) {
            /* "İ": lower() makes it "i" and a combining dot, a separator */
            if (!add_char(t, n++, 'i') || !end_token(t, &n, out))
                return false;
            i += 1;
        } else if (!end_token(t, &n, out)) {
            return false;
        }
    }
    return end_token(t, &n, out);
}

static int by_value(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* The n-grams (n = 1 or 2) of a sequence as sorted 64-bit keys. */
static uint64_t *sorted_ngrams(const uint32_t *tokens, size_t len, int n, size_t *count)
{
    *count = len >= (size_t)n ? len - (size_t)n + 1 : 0;
    uint64_t *grams = malloc((*count ? *count : 1) * sizeof *grams);
    if (!grams)
        return NULL;
    for (size_t i = 0; i < *count; i++)
        grams[i] = n == 1 ? tokens[i] : (uint64_t)tokens[i] << 32 | tokens[i + 1];
    qsort(grams, *count, sizeof *grams, by_value);
    return grams;
}

static double f1(double p, double r)
{
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

static bool rouge_n(const uint32_t *ref, size_t nr, const uint32_t *cand, size_t nc, int n, xc_rouge *out)
{
    size_t rn, cn;
    uint64_t *r = sorted_ngrams(ref, nr, n, &rn);
    uint64_t *c = sorted_ngrams(cand, nc, n, &cn);
    if (!r || !c) {
        free(r);
        free(c);
        return false;
    }
    /* a merge of the sorted lists: each common n-gram counts min(ref, cand) times */
    size_t overlap = 0;
    for (size_t i = 0, k = 0; i < rn && k < cn;) {
        if (r[i] < c[k])
            i++;
        else if (r[i] > c[k])
            k++;
        else
            overlap++, i++, k++;
    }
    free(r);
    free(c);
    out->precision = (double)overlap / (double)(cn ? cn : 1);
    out->recall = (double)overlap / (double)(rn ? rn : 1);
    out->f1 = f1(out->precision, out->recall);
    return true;
}

/* Length of the longest common subsequence: the dynamic programme, two rows. */
static bool lcs_length(const uint32_t *a, size_t na, const uint32_t *b, size_t nb, size_t *out)
{
    size_t *prev = calloc(nb + 1, sizeof *prev), *row = calloc(nb + 1, sizeof *row);
    if (!prev || !row) {
        free(prev);
        free(row);
        return false;
    }
    for (size_t i = 1; i <= na; i++) {
        for (size_t k = 1; k <= nb; k++)
            row[k] = a[i - 1] == b[k - 1] ? prev[k - 1] + 1 : (prev[k] > row[k - 1] ? prev[k] : row[k - 1]);
        size_t *swap = prev;
        prev = row;
        row = swap;
    }
    *out = prev[nb];
    free(prev);
    free(row);
    return true;
}

bool xc_rouge_score(const uint32_t *reference, size_t reference_len, const uint32_t *candidate,
                    size_t candidate_len, xc_rouge_scores *out)
{
    memset(out, 0, sizeof *out);
    if (!rouge_n(reference, reference_len, candidate, candidate_len, 1, &out->rouge1) ||
        !rouge_n(reference, reference_len, candidate, candidate_len, 2, &out->rouge2))
        return false;
    if (reference_len == 0 || candidate_len == 0)
        return true;
    size_t lcs;
    if (!lcs_length(reference, reference_len, candidate, candidate_len, &lcs))
        return false;
    out->rougeL.precision = (double)lcs / (double)candidate_len;
    out->rougeL.recall = (double)lcs / (double)reference_len;
    out->rougeL.f1 = f1(out->rougeL.precision, out->rougeL.recall);
    return true;
}
