/* Word-by-word difference of two wordings of one remark, along their
 * longest common subsequence of folded words. */
#include <string.h>
#include <xxhash.h>

#include "ledger.h"
#include "../util/vec.h"

/* Words of `text` (punctuation and symbols left out) and their hashes. */
static bool words_of(const char *text, size_t len, xc_token_list *tokens, void *words_v, void *hashes_v)
{
    struct { xc_token *items; size_t count, capacity; } *words = words_v;
    struct { uint64_t *items; size_t count, capacity; } *hashes = hashes_v;
    tokens->count = words->count = hashes->count = 0;
    if (xc_tokenize(text, len, tokens) != XC_OK)
        return false;
    for (size_t i = 0; i < tokens->count && words->count < XC_DIFF_MAX_WORDS; i++) {
        const xc_token *t = &tokens->items[i];
        if (t->type == XC_TOK_PUNCT || t->type == XC_TOK_SYMBOL)
            continue;
        char folded[128];
        size_t n = xc_token_fold(text, t, folded, sizeof folded);
        if (n >= sizeof folded)
            n = sizeof folded - 1;
        if (!XC_VEC_PUSH(words, *t) || !XC_VEC_PUSH(hashes, XXH3_64bits(folded, n)))
            return false;
    }
    /* past the limit, the rest is one last "word" */
    if (words->count == XC_DIFF_MAX_WORDS && tokens->count) {
        xc_token rest = words->items[words->count - 1];
        rest.end = tokens->items[tokens->count - 1].end;
        words->items[words->count - 1] = rest;
        hashes->items[hashes->count - 1] = XXH3_64bits(text + rest.start, rest.end - rest.start);
    }
    return true;
}

static bool emit(xc_diff *d, char op, uint32_t start, uint32_t end)
{
    if (d->ops.count && d->ops.items[d->ops.count - 1].op == op) {
        d->ops.items[d->ops.count - 1].end = end; /* one run of one kind */
        return true;
    }
    return XC_VEC_PUSH(&d->ops, ((xc_diff_op){op, start, end}));
}

xc_status xc_word_diff(const char *a, size_t a_len, const char *b, size_t b_len, xc_diff *d)
{
    d->ops.count = 0;
    d->common = 0;
    if (!words_of(a, a_len, &d->tokens, &d->a, &d->ha) || !words_of(b, b_len, &d->tokens, &d->b, &d->hb))
        return XC_ERR_NOMEM;
    size_t n = d->a.count, m = d->b.count;
    d->a_words = n;
    d->b_words = m;
    /* lcs[i][j]: longest common subsequence of a[i..] and b[j..] */
    size_t cells = (n + 1) * (m + 1);
    d->table.count = 0;
    if (!XC_VEC_RESERVE(&d->table, cells))
        return XC_ERR_NOMEM;
    uint16_t *lcs = d->table.items;
    for (size_t i = n + 1; i-- > 0;)
        for (size_t j = m + 1; j-- > 0;) {
            uint16_t *cell = &lcs[i * (m + 1) + j];
            if (i == n || j == m)
                *cell = 0;
            else if (d->ha.items[i] == d->hb.items[j])
                *cell = (uint16_t)(lcs[(i + 1) * (m + 1) + j + 1] + 1);
            else {
                uint16_t down = lcs[(i + 1) * (m + 1) + j], right = lcs[i * (m + 1) + j + 1];
                *cell = down > right ? down : right;
            }
        }
    d->common = n && m ? lcs[0] : 0;
    size_t i = 0, j = 0;
    bool ok = true;
    while (ok && (i < n || j < m)) {
        if (i < n && j < m && d->ha.items[i] == d->hb.items[j]) {
            ok = emit(d, '=', d->a.items[i].start, d->a.items[i].end);
            i++, j++;
        } else if (i < n && (j == m || lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1])) {
            ok = emit(d, '-', d->a.items[i].start, d->a.items[i].end); /* what went, then what came */
            i++;
        } else {
            ok = emit(d, '+', d->b.items[j].start, d->b.items[j].end);
            j++;
        }
    }
    return ok ? XC_OK : XC_ERR_NOMEM;
}

void xc_diff_free(xc_diff *d)
{
    free(d->ops.items);
    free(d->a.items);
    free(d->b.items);
    xc_token_list_free(&d->tokens);
    free(d->ha.items);
    free(d->hb.items);
    free(d->table.items);
    memset(d, 0, sizeof *d);
}
