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
    l->words.count = l->words_of.count = 0;
    xc_token_list *tokens = &l->diff.tokens;
    for (size_t q = 0; q < n; q++) {
        if (!XC_VEC_PUSH(&l->words_of, (uint32_t)l->words.count))
            return false;
        size_t first = l->words.count;
        tokens->count = 0;
        if (xc_tokenize(quotes[q].text, quotes[q].len, tokens) != XC_OK)
            return false;
        for (size_t i = 0; i < tokens->count && l->words.count - first < XC_DIFF_MAX_WORDS; i++) {
            const xc_token *t = &tokens->items[i];
            if (t->type != XC_TOK_WORD && t->type != XC_TOK_NUMBER && t->type != XC_TOK_ABBREV)
                continue;
            char folded[128];
            size_t len = xc_token_fold(quotes[q].text, t, folded, sizeof folded);
            if (len >= sizeof folded)
                len = sizeof folded - 1;
            if (xc_is_stopword("english", folded, len))
                continue;
            if (!XC_VEC_PUSH(&l->words, XXH3_64bits(folded, len)))
                return false;
        }
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
        for (uint32_t k = l->words_of.items[q]; k < l->words_of.items[q + 1]; k++) {
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

/* Count the duplicate groups and outlets among a remark's members. */
static void count_reports(xc_remark_group *r, const xc_remark_member *members, const xc_ledger_quote *quotes,
                          const xc_ledger_report *reports)
{
    r->independent = r->outlets = 0;
    for (uint32_t i = 0; i < r->count; i++) {
        const xc_ledger_report *ri = &reports[quotes[members[r->first + i].quote].report];
        bool new_group = true, new_outlet = true;
        for (uint32_t k = 0; k < i; k++) {
            const xc_ledger_report *rk = &reports[quotes[members[r->first + k].quote].report];
            new_group &= rk->group != ri->group;
            new_outlet &= rk->outlet != ri->outlet;
        }
        r->independent += new_group;
        r->outlets += new_outlet;
    }
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
    l->seen.count = 0;
    bool failed = !index_words(l, n) || !XC_VEC_RESERVE(&l->seen, n);
    if (!failed && n)
        memset(l->seen.items, 0, n * sizeof *l->seen.items);
    for (size_t a = 0; a < n && !failed; a++) {
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
    /* members of each set, in quote order, then the main wording: the one
     * the most others read inside (same words or an excerpt), the longest
     * on a tie */
    uint32_t *order = l->order.items;
    size_t k = 0;
    for (size_t q = 0; q < n; q++)
        if (find(parent, (uint32_t)q) == q)
            for (size_t m = q; m < n; m++)
                if (find(parent, (uint32_t)m) == q)
                    order[k++] = (uint32_t)m;
    for (size_t start = 0; start < n && !failed;) {
        uint32_t root = find(parent, order[start]);
        size_t end = start + 1;
        while (end < n && find(parent, order[end]) == root)
            end++;
        size_t best = start, best_inside = 0, best_len = 0;
        for (size_t c = start; c < end && end - start > 1; c++) {
            size_t inside = 0;
            for (size_t m = start; m < end; m++)
                if (m != c && wording_against(l, &quotes[order[c]], &quotes[order[m]], &failed) != XC_WORDING_VARIANT)
                    inside++;
            size_t len = quotes[order[c]].len;
            if (c == start || inside > best_inside || (inside == best_inside && len > best_len))
                best = c, best_inside = inside, best_len = len;
        }
        xc_remark_group r = {(uint32_t)l->members.count, (uint32_t)(end - start), 0, 0, speaker[root]};
        if (!XC_VEC_PUSH(&l->members, ((xc_remark_member){order[best], XC_WORDING_MAIN}))) {
            failed = true;
            break;
        }
        for (size_t m = start; m < end && !failed; m++) {
            if (m == best)
                continue;
            xc_wording w = wording_against(l, &quotes[order[best]], &quotes[order[m]], &failed);
            if (!XC_VEC_PUSH(&l->members, ((xc_remark_member){order[m], (uint8_t)w})))
                failed = true;
        }
        if (!failed) {
            count_reports(&r, l->members.items, quotes, reports);
            failed = !XC_VEC_PUSH(&l->remarks, r);
        }
        start = end;
    }
    free(speaker);
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
    memset(l, 0, sizeof *l);
}
