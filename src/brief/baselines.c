/* The summarisers crosscheck's brief is measured against
 * (crosscheck eval summary), each the textbook method, nothing tuned:
 *
 *   Lead      the reports' opening sentences in turn: the first unit of
 *             each doc (its title, when the units have titles), then the
 *             second of each, and so on. A doc of the same duplicate group
 *             as an earlier one is a copy and is not visited.
 *   LexRank   Erkan & Radev (2004), "LexRank with threshold": a graph whose
 *             nodes are the units and whose edges join two units whose
 *             cosine (xc_units_similarity: TF-IDF, so IDF-weighted) is
 *             above 0.1, each unit joined to itself as in the paper's
 *             algorithm; the score is the stationary distribution of the
 *             random walk on it with damping 0.85 (jump to any unit with
 *             probability 0.15; a unit with no edge jumps anywhere), by
 *             power iteration until the scores move by less than 1e-10 in
 *             sum (at most 1,000 rounds).
 *   Centroid  after Radev et al. (2004), MEAD's centroid feature alone: the
 *             centroid is the sum of the units' vectors, a unit's score its
 *             cosine to it.
 *
 * For all three: units of fewer than 5 words are neither candidates nor
 * part of the graph or the centroid. LexRank and centroid take units by
 * score (ties: reading order) and pass over a unit whose cosine to one
 * already taken is 0.8 or more (the redundancy check of the MEAD and
 * LexRank papers' summarisers), the threshold crosscheck's own summariser
 * uses for a repeat (xc_brief_defaults.repeat): the same rule for all. At
 * 0.5 they leave words of the budget unused and score lower (README). Every method passes
 * over a unit that would take the words past the budget and tries the
 * next, except that the first unit taken may be longer than the budget
 * alone (brief.h); it stops once the budget is reached. The units are
 * handed back in reading order: by doc, then place in the doc. */
#include "brief.h"

#include <math.h>
#include <string.h>

#define MIN_WORDS 5
#define REDUNDANT 0.8
#define LEXRANK_THRESHOLD 0.1
#define LEXRANK_DAMPING 0.85
#define LEXRANK_TOLERANCE 1e-10
#define LEXRANK_ROUNDS 1000

static bool eligible(const xc_unit *unit)
{
    return unit->words >= MIN_WORDS;
}

static int compare_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return (a > b) - (a < b);
}

/* Units are stored by doc, then place in the doc (a title first): their
 * index order is the reading order. */
static void sort_reading_order(xc_u32_list *picked)
{
    if (picked->count > 1)
        qsort(picked->items, picked->count, sizeof *picked->items, compare_u32);
}

/* Does `unit` fit the budget with `used` words taken? The first always does. */
static bool fits(const xc_u32_list *picked, size_t used, const xc_unit *unit, size_t budget)
{
    return picked->count == 0 || used + unit->words <= budget;
}

/* ---- Lead ------------------------------------------------------------ */

xc_status xc_summarize_lead(const xc_units *u, const xc_summary_doc *docs, size_t doc_count, size_t budget,
                            xc_u32_list *picked)
{
    picked->count = 0;
    /* next[d]: the next unit of doc d to consider; units come by doc */
    size_t *next = malloc((doc_count ? doc_count : 1) * sizeof *next);
    if (!next)
        return XC_ERR_NOMEM;
    size_t i = 0;
    for (size_t d = 0; d < doc_count; d++) {
        while (i < u->units.count && u->units.items[i].doc < d)
            i++;
        next[d] = i;
        for (size_t k = 0; k < d; k++)
            if (docs[k].group == docs[d].group)
                next[d] = u->units.count; /* a copy: nothing new to read */
    }
    size_t used = 0;
    bool more = true;
    while (more && used < budget) {
        more = false;
        for (size_t d = 0; d < doc_count && used < budget; d++) {
            /* the doc's next unit long enough to count */
            size_t k = next[d];
            while (k < u->units.count && u->units.items[k].doc == d && !eligible(&u->units.items[k]))
                k++;
            if (k >= u->units.count || u->units.items[k].doc != d) {
                next[d] = u->units.count;
                continue;
            }
            next[d] = k + 1;
            more = true;
            const xc_unit *unit = &u->units.items[k];
            if (!fits(picked, used, unit, budget))
                continue;
            if (!XC_VEC_PUSH(picked, (uint32_t)k)) {
                free(next);
                return XC_ERR_NOMEM;
            }
            used += unit->words;
        }
    }
    free(next);
    sort_reading_order(picked);
    return XC_OK;
}

/* ---- by score, with the redundancy check ----------------------------- */

typedef struct scored_unit {
    double score;
    uint32_t unit;
} scored_unit;

static int by_score(const void *x, const void *y)
{
    const scored_unit *a = x, *b = y;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return (a->unit > b->unit) - (a->unit < b->unit);
}

/* Takes the candidates in the order of their scores (sorted here) within
 * the budget, passing over redundant ones. */
static xc_status pick_by_score(const xc_units *u, scored_unit *candidates, size_t n, size_t budget,
                               xc_u32_list *picked)
{
    qsort(candidates, n, sizeof *candidates, by_score);
    size_t used = 0;
    for (size_t c = 0; c < n && used < budget; c++) {
        uint32_t i = candidates[c].unit;
        const xc_unit *unit = &u->units.items[i];
        if (!fits(picked, used, unit, budget))
            continue;
        bool redundant = false;
        for (size_t k = 0; k < picked->count && !redundant; k++)
            redundant = xc_units_similarity(u, i, picked->items[k]) >= REDUNDANT;
        if (redundant)
            continue;
        if (!XC_VEC_PUSH(picked, i))
            return XC_ERR_NOMEM;
        used += unit->words;
    }
    sort_reading_order(picked);
    return XC_OK;
}

/* The eligible units, scores zero. */
static scored_unit *candidates_of(const xc_units *u, size_t *n)
{
    scored_unit *c = malloc((u->units.count ? u->units.count : 1) * sizeof *c);
    *n = 0;
    if (!c)
        return NULL;
    for (size_t i = 0; i < u->units.count; i++)
        if (eligible(&u->units.items[i]))
            c[(*n)++] = (scored_unit){0, (uint32_t)i};
    return c;
}

/* ---- LexRank --------------------------------------------------------- */

/* The graph as adjacency lists: node a's neighbours are
 * targets[first[a] .. first[a + 1]), nodes numbered as the candidates. */
typedef struct graph {
    size_t *first;
    xc_u32_list targets;
} graph;

static bool build_graph(const xc_units *u, const scored_unit *nodes, size_t n, graph *g)
{
    g->first = malloc((n + 1) * sizeof *g->first);
    if (!g->first)
        return false;
    for (size_t a = 0; a < n; a++) {
        g->first[a] = g->targets.count;
        for (size_t b = 0; b < n; b++)
            if (xc_units_similarity(u, nodes[a].unit, nodes[b].unit) > LEXRANK_THRESHOLD &&
                !XC_VEC_PUSH(&g->targets, (uint32_t)b))
                return false;
    }
    g->first[n] = g->targets.count;
    return true;
}

/* PageRank on the (symmetric) graph: p'(a) = (1 - d) / n + d (sum over the
 * neighbours b of p(b) / degree(b) + the mass of nodes without edges / n). */
static bool lexrank_scores(const graph *g, scored_unit *nodes, size_t n)
{
    double *p = malloc(n * sizeof *p), *q = malloc(n * sizeof *q);
    if (!p || !q) {
        free(p);
        free(q);
        return false;
    }
    for (size_t a = 0; a < n; a++)
        p[a] = 1.0 / (double)n;
    for (int round = 0; round < LEXRANK_ROUNDS; round++) {
        double stranded = 0;
        for (size_t a = 0; a < n; a++)
            if (g->first[a + 1] == g->first[a])
                stranded += p[a];
        double base = (1 - LEXRANK_DAMPING) / (double)n + LEXRANK_DAMPING * stranded / (double)n;
        double moved = 0;
        for (size_t a = 0; a < n; a++) {
            double in = 0;
            for (size_t e = g->first[a]; e < g->first[a + 1]; e++) {
                size_t b = g->targets.items[e];
                in += p[b] / (double)(g->first[b + 1] - g->first[b]);
            }
            q[a] = base + LEXRANK_DAMPING * in;
            moved += fabs(q[a] - p[a]);
        }
        double *swap = p;
        p = q;
        q = swap;
        if (moved < LEXRANK_TOLERANCE)
            break;
    }
    for (size_t a = 0; a < n; a++)
        nodes[a].score = p[a];
    free(p);
    free(q);
    return true;
}

xc_status xc_summarize_lexrank(const xc_units *u, const xc_summary_doc *docs, size_t doc_count, size_t budget,
                               xc_u32_list *picked)
{
    (void)docs, (void)doc_count;
    picked->count = 0;
    size_t n;
    scored_unit *nodes = candidates_of(u, &n);
    if (!nodes)
        return XC_ERR_NOMEM;
    graph g = {0};
    xc_status status = XC_OK;
    if (n > 0 && (!build_graph(u, nodes, n, &g) || !lexrank_scores(&g, nodes, n)))
        status = XC_ERR_NOMEM;
    if (status == XC_OK)
        status = pick_by_score(u, nodes, n, budget, picked);
    free(g.first);
    free(g.targets.items);
    free(nodes);
    return status;
}

/* ---- Centroid -------------------------------------------------------- */

xc_status xc_summarize_centroid(const xc_units *u, const xc_summary_doc *docs, size_t doc_count, size_t budget,
                                xc_u32_list *picked)
{
    (void)docs, (void)doc_count;
    picked->count = 0;
    size_t n;
    scored_unit *candidates = candidates_of(u, &n);
    double *centroid = calloc(u->dict.count + 1, sizeof *centroid); /* by term id */
    if (!candidates || !centroid) {
        free(candidates);
        free(centroid);
        return XC_ERR_NOMEM;
    }
    for (size_t c = 0; c < n; c++) {
        const xc_unit *unit = &u->units.items[candidates[c].unit];
        for (uint32_t t = 0; t < unit->term_count; t++) {
            const xc_term_weight *w = &u->terms.items[unit->first_term + t];
            centroid[w->term] += w->weight;
        }
    }
    double norm = 0;
    for (size_t t = 0; t <= u->dict.count; t++)
        norm += centroid[t] * centroid[t];
    norm = norm > 0 ? sqrt(norm) : 1;
    /* the units' vectors have unit length: the dot product over the
     * centroid's length is the cosine */
    for (size_t c = 0; c < n; c++) {
        const xc_unit *unit = &u->units.items[candidates[c].unit];
        double dot = 0;
        for (uint32_t t = 0; t < unit->term_count; t++) {
            const xc_term_weight *w = &u->terms.items[unit->first_term + t];
            dot += w->weight * centroid[w->term];
        }
        candidates[c].score = dot / norm;
    }
    xc_status status = pick_by_score(u, candidates, n, budget, picked);
    free(candidates);
    free(centroid);
    return status;
}
