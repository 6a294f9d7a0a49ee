/* Coreference scores over mentions: B³ (and pairwise, ARI, V-measure) from
 * xc_score_clustering, MUC from the same contingency table, and the
 * alignment of predicted mention spans to gold ones. */
#include "mention_metrics.h"

#include <stdlib.h>
#include <string.h>

#include "../util/vec.h"

typedef struct pair {
    int64_t gold, predicted;
} pair;

static int by_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

static int by_pair(const void *a, const void *b)
{
    const pair *x = a, *y = b;
    if (x->gold != y->gold)
        return x->gold < y->gold ? -1 : 1;
    return (x->predicted > y->predicted) - (x->predicted < y->predicted);
}

static double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

xc_status xc_score_mentions(const uint64_t *gold_chain, const uint64_t *predicted, size_t n,
                            xc_mention_scores *out)
{
    memset(out, 0, sizeof *out);
    out->mentions = n;
    if (n == 0)
        return xc_score_clustering(NULL, NULL, 0, &out->clustering);
    uint64_t *ids = malloc(n * sizeof *ids);
    int64_t *gold = malloc(n * sizeof *gold);
    int64_t *pred = malloc(n * sizeof *pred);
    pair *pairs = malloc(n * sizeof *pairs);
    if (!ids || !gold || !pred || !pairs) {
        free(ids), free(gold), free(pred), free(pairs);
        return XC_ERR_NOMEM;
    }
    /* Predicted ids become dense labels 0..k-1; each missed mention then
     * gets a label of its own past them, so none can collide. */
    size_t found = 0;
    for (size_t i = 0; i < n; i++)
        if (predicted[i] != XC_MENTION_MISSED)
            ids[found++] = predicted[i];
    qsort(ids, found, sizeof *ids, by_u64);
    size_t distinct = 0;
    for (size_t i = 0; i < found; i++)
        if (distinct == 0 || ids[distinct - 1] != ids[i])
            ids[distinct++] = ids[i];
    int64_t next = (int64_t)distinct;
    for (size_t i = 0; i < n; i++) {
        gold[i] = (int64_t)gold_chain[i]; /* only equality matters */
        if (predicted[i] == XC_MENTION_MISSED) {
            pred[i] = next++;
            out->missed++;
        } else {
            const uint64_t *hit = bsearch(&predicted[i], ids, distinct, sizeof *ids, by_u64);
            pred[i] = (int64_t)(hit - ids);
        }
        pairs[i] = (pair){gold[i], pred[i]};
    }
    xc_status st = xc_score_clustering(gold, pred, n, &out->clustering);
    if (st == XC_OK) {
        qsort(pairs, n, sizeof *pairs, by_pair);
        size_t cells = 0;
        for (size_t i = 0; i < n; i++)
            if (i == 0 || by_pair(&pairs[i - 1], &pairs[i]) != 0)
                cells++;
        double links = (double)(n - cells);
        size_t classes = out->clustering.classes, clusters = out->clustering.clusters;
        out->muc_r = n > classes ? links / (double)(n - classes) : 0;
        out->muc_p = n > clusters ? links / (double)(n - clusters) : 0;
        out->muc_f1 = f1(out->muc_p, out->muc_r);
    }
    free(ids), free(gold), free(pred), free(pairs);
    return st;
}

/* ------------------------------------------------------------------ */
/* Alignment                                                            */
/* ------------------------------------------------------------------ */

typedef struct candidate {
    uint32_t gold, predicted;
    uint32_t overlap, length_difference;
    bool exact;
} candidate;

typedef struct candidate_list {
    candidate *items;
    size_t count, capacity;
} candidate_list;

typedef struct by_end_entry {
    uint32_t end, index;
} by_end_entry;

static int by_end(const void *a, const void *b)
{
    const by_end_entry *x = a, *y = b;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    return (x->index > y->index) - (x->index < y->index);
}

static int by_candidate(const void *a, const void *b)
{
    const candidate *x = a, *y = b;
    if (x->exact != y->exact)
        return x->exact ? -1 : 1;
    if (x->overlap != y->overlap)
        return x->overlap > y->overlap ? -1 : 1;
    if (x->length_difference != y->length_difference)
        return x->length_difference < y->length_difference ? -1 : 1;
    if (x->gold != y->gold)
        return x->gold < y->gold ? -1 : 1;
    return (x->predicted > y->predicted) - (x->predicted < y->predicted);
}

xc_status xc_align_mentions(const xc_mention_span *gold, size_t gold_count,
                            const xc_mention_span *predicted, size_t predicted_count, int64_t *match)
{
    for (size_t i = 0; i < gold_count; i++)
        match[i] = -1;
    if (gold_count == 0 || predicted_count == 0)
        return XC_OK;
    if (gold_count > UINT32_MAX || predicted_count > UINT32_MAX)
        return XC_ERR_TOO_BIG;
    by_end_entry *ends = malloc(predicted_count * sizeof *ends);
    bool *taken = calloc(predicted_count, sizeof *taken);
    candidate_list cands = {0};
    xc_status st = XC_OK;
    if (!ends || !taken) {
        st = XC_ERR_NOMEM;
        goto done;
    }
    for (size_t j = 0; j < predicted_count; j++)
        ends[j] = (by_end_entry){predicted[j].end, (uint32_t)j};
    qsort(ends, predicted_count, sizeof *ends, by_end);
    for (size_t i = 0; i < gold_count; i++) {
        const xc_mention_span g = gold[i];
        if (g.end < g.start)
            continue;
        /* Predicted spans ending in (g.start, g.end]: their last byte is inside
         * the gold span; an empty gold span needs an exact match (end == g.end). */
        uint32_t low = g.start < g.end ? g.start + 1 : g.end;
        size_t lo = 0, hi = predicted_count;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (ends[mid].end < low)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t k = lo; k < predicted_count && ends[k].end <= g.end; k++) {
            const xc_mention_span p = predicted[ends[k].index];
            bool exact = p.start == g.start && p.end == g.end;
            if (!exact && (p.start >= p.end || g.start >= g.end))
                continue; /* empty or reversed spans: only an exact match */
            uint32_t from = p.start > g.start ? p.start : g.start;
            uint32_t glen = g.end - g.start, plen = p.end - p.start;
            candidate c = {(uint32_t)i, ends[k].index, p.end - from,
                           glen > plen ? glen - plen : plen - glen, exact};
            if (!XC_VEC_PUSH(&cands, c)) {
                st = XC_ERR_NOMEM;
                goto done;
            }
        }
    }
    if (cands.count > 1)
        qsort(cands.items, cands.count, sizeof *cands.items, by_candidate);
    for (size_t k = 0; k < cands.count; k++) {
        const candidate *c = &cands.items[k];
        if (match[c->gold] < 0 && !taken[c->predicted]) {
            match[c->gold] = c->predicted;
            taken[c->predicted] = true;
        }
    }
done:
    free(ends);
    free(taken);
    free(cands.items);
    return st;
}
