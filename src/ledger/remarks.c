/* The quote ledger: quotes of one remark across a story's reports.
 *
 * Two quotes are candidates when their speakers are not two different
 * entities and they share a content word. They are the same remark when,
 * along the longest common subsequence of their words, most of the
 * shorter one is found in the longer: at least half of it when both name
 * the same speaker (a paraphrase or translation keeps the structure and
 * the function words: "we need to comprehend the Ukrainian stance" /
 * "we need to understand the Ukrainian position"), at least 80% and four
 * words when one quote has no known speaker. A one-word quote joins only
 * its exact words. Remarks are the connected sets of such pairs, never
 * holding two different speakers. */
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "ledger.h"
#include "../util/intmap.h"
#include "../util/vec.h"

#define SAME_SPEAKER_SHARE 0.5
#define UNKNOWN_SPEAKER_SHARE 0.8
#define UNKNOWN_SPEAKER_WORDS 4

const char *xc_wording_name(xc_wording wording)
{
    switch (wording) {
    case XC_WORDING_MAIN: return "main";
    case XC_WORDING_SAME: return "same";
    case XC_WORDING_EXCERPT: return "excerpt";
    case XC_WORDING_VARIANT: return "variant";
    }
    return "unknown";
}

static int compare_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* The sorted distinct content-word hashes of every quote:
 * words[words_of[q] .. words_of[q + 1]). */
static bool content_words(xc_remark_ledger *l, const xc_ledger_quote *quotes, size_t n)
{
    l->words.count = l->words_of.count = l->sequence.count = 0;
    xc_token_list *tokens = &l->diff.tokens;
    for (size_t q = 0; q < n; q++) {
        if (!XC_VEC_PUSH(&l->words_of, (uint32_t)l->words.count))
            return false;
        size_t first = l->words.count;
        tokens->count = 0;
        if (xc_tokenize(quotes[q].text, quotes[q].len, tokens) != XC_OK)
            return false;
        uint64_t sequence = 0; /* all the words in order: equal for the same words */
        for (size_t i = 0; i < tokens->count; i++) {
            const xc_token *t = &tokens->items[i];
            if (t->type == XC_TOK_PUNCT || t->type == XC_TOK_SYMBOL)
                continue;
            char folded[128];
            size_t len = xc_token_fold(quotes[q].text, t, folded, sizeof folded);
            if (len >= sizeof folded)
                len = sizeof folded - 1;
            sequence = XXH3_64bits_withSeed(folded, len, sequence);
            if (t->type != XC_TOK_WORD && t->type != XC_TOK_NUMBER && t->type != XC_TOK_ABBREV)
                continue;
            if (xc_is_stopword("english", folded, len) || l->words.count - first >= XC_DIFF_MAX_WORDS)
                continue;
            if (!XC_VEC_PUSH(&l->words, XXH3_64bits(folded, len)))
                return false;
        }
        if (!XC_VEC_PUSH(&l->sequence, sequence))
            return false;
        size_t count = l->words.count - first, kept = 0;
        if (count == 0)
            continue;
        uint64_t *w = l->words.items + first;
        qsort(w, count, sizeof *w, compare_u64);
        for (size_t i = 0; i < count; i++)
            if (kept == 0 || w[kept - 1] != w[i])
                w[kept++] = w[i];
        l->words.count = first + kept;
    }
    return XC_VEC_PUSH(&l->words_of, (uint32_t)l->words.count);
}

/* The postings of every content word: postings[posting_of[w] ..] are
 * the quotes (ascending) that have word w, where words are numbered by
 * their rank among the sorted distinct hashes of the story. */
static int compare_pairs(const void *x, const void *y)
{
    const uint64_t *a = x, *b = y; /* (hash, quote) */
    if (a[0] != b[0])
        return a[0] < b[0] ? -1 : 1;
    return (a[1] > b[1]) - (a[1] < b[1]);
}

static bool index_words(xc_remark_ledger *l, size_t n)
{
    size_t total = l->words.count;
    l->postings.count = 0;
    if (!XC_VEC_RESERVE(&l->postings, 2 * total + 2))
        return false;
    uint64_t *pairs = l->postings.items;
    for (size_t q = 0; q < n; q++)
        for (uint32_t k = l->words_of.items[q]; k < l->words_of.items[q + 1] && !l->copy.items[q]; k++) {
            pairs[2 * l->postings.count] = l->words.items[k];
            pairs[2 * l->postings.count + 1] = q;
            l->postings.count++;
        }
    if (l->postings.count)
        qsort(pairs, l->postings.count, 2 * sizeof *pairs, compare_pairs);
    return true;
}

/* The postings of one word hash: [*first, *end) pairs. */
static void postings_of(const xc_remark_ledger *l, uint64_t word, size_t *first, size_t *end)
{
    const uint64_t *pairs = l->postings.items;
    size_t lo = 0, hi = l->postings.count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (pairs[2 * mid] < word)
            lo = mid + 1;
        else
            hi = mid;
    }
    *first = lo;
    while (lo < l->postings.count && pairs[2 * lo] == word)
        lo++;
    *end = lo;
}

/* Quotes before `a` sharing one of its RARE_WORDS rarest content words
 * (words in more than MAX_POSTINGS quotes are too common to say anything),
 * into l->order, each once. */
#define RARE_WORDS 4
#define MAX_POSTINGS 256
static bool candidates_of(xc_remark_ledger *l, size_t a)
{
    uint64_t rare[RARE_WORDS];
    size_t sizes[RARE_WORDS], kept = 0;
    for (uint32_t k = l->words_of.items[a]; k < l->words_of.items[a + 1]; k++) {
        size_t first, end;
        postings_of(l, l->words.items[k], &first, &end);
        size_t size = end - first;
        if (size < 2 || size > MAX_POSTINGS)
            continue;
        /* keep the RARE_WORDS smallest postings */
        size_t at = kept < RARE_WORDS ? kept++ : RARE_WORDS;
        if (at == RARE_WORDS) {
            size_t worst = 0;
            for (size_t i = 1; i < RARE_WORDS; i++)
                if (sizes[i] > sizes[worst])
                    worst = i;
            if (sizes[worst] <= size)
                continue;
            at = worst;
        }
        rare[at] = l->words.items[k];
        sizes[at] = size;
    }
    for (size_t r = 0; r < kept; r++) {
        size_t first, end;
        postings_of(l, rare[r], &first, &end);
        for (size_t p = first; p < end; p++) {
            uint32_t b = (uint32_t)l->postings.items[2 * p + 1];
            if (b >= a)
                break; /* ascending: the rest come after a */
            if (l->seen.items[b] == a + 1)
                continue;
            l->seen.items[b] = (uint32_t)a + 1;
            if (!XC_VEC_PUSH(&l->order, b))
                return false;
        }
    }
    return true;
}

static uint32_t find(uint32_t *parent, uint32_t x)
{
    while (parent[x] != x)
        x = parent[x] = parent[parent[x]];
    return x;
}

/* Are quotes a and b one remark? */
static bool same_remark(xc_remark_ledger *l, const xc_ledger_quote *a, const xc_ledger_quote *b, bool *failed)
{
    if (xc_word_diff(a->text, a->len, b->text, b->len, &l->diff) != XC_OK) {
        *failed = true;
        return false;
    }
    size_t shorter = l->diff.a_words < l->diff.b_words ? l->diff.a_words : l->diff.b_words;
    size_t common = l->diff.common;
    if (shorter == 0)
        return false;
    if (shorter == 1) /* "easier" is in many quotes; only "easier" is "easier" */
        return l->diff.a_words == 1 && l->diff.b_words == 1 && common == 1;
    if (a->entity && a->entity == b->entity)
        return common >= 2 && (double)common >= SAME_SPEAKER_SHARE * (double)shorter;
    return common >= UNKNOWN_SPEAKER_WORDS && (double)common >= UNKNOWN_SPEAKER_SHARE * (double)shorter;
}

/* Does quote `part` read in order inside quote `whole`? (sets l->diff) */
static xc_wording wording_against(xc_remark_ledger *l, const xc_ledger_quote *whole, const xc_ledger_quote *part,
                                  bool *failed)
{
    if (xc_word_diff(whole->text, whole->len, part->text, part->len, &l->diff) != XC_OK) {
        *failed = true;
        return XC_WORDING_VARIANT;
    }
    if (l->diff.common == l->diff.b_words && l->diff.common == l->diff.a_words)
        return XC_WORDING_SAME;
    if (l->diff.common == l->diff.b_words)
        return XC_WORDING_EXCERPT;
    return XC_WORDING_VARIANT;
}

static int compare_remarks(const void *x, const void *y)
{
    const xc_remark_group *a = x, *b = y;
    if (a->independent != b->independent)
        return a->independent > b->independent ? -1 : 1;
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    return (a->first > b->first) - (a->first < b->first);
}

xc_status xc_remark_ledger_build(xc_remark_ledger *l, const xc_ledger_report *reports, size_t report_count,
                                 const xc_ledger_quote *quotes, size_t n)
{
    (void)report_count;
    l->remarks.count = l->members.count = 0;
    l->parent.count = l->order.count = 0;
    if (!content_words(l, quotes, n) || !XC_VEC_RESERVE(&l->parent, n) || !XC_VEC_RESERVE(&l->order, n))
        return XC_ERR_NOMEM;
    uint32_t *parent = l->parent.items;
    /* the speaker of each set, held at its root */
    int64_t *speaker = malloc((n ? n : 1) * sizeof *speaker);
    if (!speaker)
        return XC_ERR_NOMEM;
    for (size_t q = 0; q < n; q++) {
        parent[q] = (uint32_t)q;
        speaker[q] = quotes[q].entity;
    }
    /* The same words again (a wire quote in a hundred copies) join their
     * first occurrence at once and stay out of the word index, so common
     * quotes do not crowd out the rare words. */
    l->seen.count = l->copy.count = 0;
    bool failed = !XC_VEC_RESERVE(&l->seen, n) || !XC_VEC_RESERVE(&l->copy, n);
    xc_intmap firsts = {0};
    for (size_t q = 0; q < n && !failed; q++) {
        uint32_t earlier;
        l->seen.items[q] = 0;
        l->copy.items[q] = 0;
        if (xc_intmap_get(&firsts, l->sequence.items[q], &earlier)) {
            uint32_t root = find(parent, earlier);
            if (!speaker[root] || !speaker[q] || speaker[root] == speaker[q]) {
                parent[q] = root;
                if (!speaker[root])
                    speaker[root] = speaker[q];
                l->copy.items[q] = 1;
            }
        } else {
            failed = !xc_intmap_put(&firsts, l->sequence.items[q], (uint32_t)q);
        }
    }
    xc_intmap_free(&firsts);
    failed = failed || !index_words(l, n);
    for (size_t a = 0; a < n && !failed; a++) {
        if (l->copy.items[a])
            continue;
        /* candidates: the quotes before it sharing one of its rarest words */
        l->order.count = 0;
        failed = !candidates_of(l, a);
        for (size_t c = 0; c < l->order.count && !failed; c++) {
            size_t b = l->order.items[c];
            uint32_t ra = find(parent, (uint32_t)b), rb = find(parent, (uint32_t)a);
            if (ra == rb || (speaker[ra] && speaker[rb] && speaker[ra] != speaker[rb]))
                continue;
            if (!same_remark(l, &quotes[b], &quotes[a], &failed))
                continue;
            if (rb < ra) {
                uint32_t t = ra;
                ra = rb, rb = t;
            }
            parent[rb] = ra;
            if (!speaker[ra])
                speaker[ra] = speaker[rb];
        }
    }
    l->order.count = 0;
    /* members of each set, in quote order: sort by (root, quote) */
    uint64_t *keys = malloc((n ? n : 1) * sizeof *keys);
    uint32_t *distinct = malloc((n ? n : 1) * sizeof *distinct), *weight = malloc((n ? n : 1) * sizeof *weight);
    uint8_t *wording = malloc(n ? n : 1);
    failed = failed || !keys || !distinct || !weight || !wording;
    for (size_t q = 0; q < n && !failed; q++)
        keys[q] = (uint64_t)find(parent, (uint32_t)q) << 32 | q;
    if (!failed && n)
        qsort(keys, n, sizeof *keys, compare_u64);
    uint32_t *order = l->order.items;
    for (size_t q = 0; q < n && !failed; q++)
        order[q] = (uint32_t)(keys[q] & 0xFFFFFFFFu);
    for (size_t start = 0; start < n && !failed;) {
        uint32_t root = (uint32_t)(keys[start] >> 32);
        size_t end = start + 1;
        while (end < n && (uint32_t)(keys[end] >> 32) == root)
            end++;
        /* its distinct wordings (by their words in order), how many each */
        size_t nd = 0;
        for (size_t m = start; m < end; m++) {
            size_t d = 0;
            while (d < nd && l->sequence.items[order[distinct[d]]] != l->sequence.items[order[m]])
                d++;
            if (d == nd)
                distinct[nd] = (uint32_t)m, weight[nd++] = 0;
            weight[d]++;
        }
        /* the main wording: the one the most others read inside (same
         * words or an excerpt), the longest on a tie; among the first
         * MAX_WORDINGS wordings, so a remark in many wordings stays cheap */
        enum { MAX_WORDINGS = 48 };
        size_t candidates = nd < MAX_WORDINGS ? nd : MAX_WORDINGS;
        size_t best = 0, best_inside = 0, best_len = 0;
        for (size_t c = 0; c < candidates && nd > 1; c++) {
            size_t inside = weight[c] - 1;
            for (size_t d = 0; d < candidates; d++)
                if (d != c && wording_against(l, &quotes[order[distinct[c]]], &quotes[order[distinct[d]]], &failed) !=
                                  XC_WORDING_VARIANT)
                    inside += weight[d];
            size_t len = quotes[order[distinct[c]]].len;
            if (c == 0 || inside > best_inside || (inside == best_inside && len > best_len))
                best = c, best_inside = inside, best_len = len;
        }
        const xc_ledger_quote *main_quote = &quotes[order[distinct[best]]];
        for (size_t d = 0; d < nd && !failed; d++)
            wording[d] = d == best ? XC_WORDING_SAME
                                   : (uint8_t)wording_against(l, main_quote, &quotes[order[distinct[d]]], &failed);
        xc_remark_group r = {(uint32_t)l->members.count, (uint32_t)(end - start), 0, 0, speaker[root]};
        if (!XC_VEC_PUSH(&l->members, ((xc_remark_member){order[distinct[best]], XC_WORDING_MAIN}))) {
            failed = true;
            break;
        }
        for (size_t m = start; m < end && !failed; m++) {
            if (m == distinct[best])
                continue;
            size_t d = 0;
            while (l->sequence.items[order[distinct[d]]] != l->sequence.items[order[m]])
                d++;
            if (!XC_VEC_PUSH(&l->members, ((xc_remark_member){order[m], wording[d]})))
                failed = true;
        }
        if (!failed) {
            /* the set's wording counts are spent: their room holds its reports */
            for (uint32_t m = 0; m < r.count; m++)
                weight[m] = quotes[l->members.items[r.first + m].quote].report;
            xc_ledger_count_reports(reports, weight, r.count, &r.independent, &r.outlets);
            failed = !XC_VEC_PUSH(&l->remarks, r);
        }
        start = end;
    }
    free(speaker);
    free(keys);
    free(distinct);
    free(weight);
    free(wording);
    if (failed)
        return XC_ERR_NOMEM;
    if (l->remarks.count)
        qsort(l->remarks.items, l->remarks.count, sizeof *l->remarks.items, compare_remarks);
    return XC_OK;
}

void xc_remark_ledger_free(xc_remark_ledger *l)
{
    free(l->remarks.items);
    free(l->members.items);
    xc_diff_free(&l->diff);
    free(l->parent.items);
    free(l->order.items);
    free(l->words_of.items);
    free(l->words.items);
    free(l->postings.items);
    free(l->seen.items);
    free(l->copy.items);
    free(l->sequence.items);
    memset(l, 0, sizeof *l);
}
