/* crosscheck's brief: which sentences of a story to show.
 *
 * A sentence scores by three things a reader wants from thirty seconds:
 *   centrality  its cosine to the centroid of the independent reports (one
 *               doc per duplicate group, so a wire story copied twenty
 *               times does not become the story's centre);
 *   support     how much of it the other independent reports carry: for
 *               each other duplicate group, its best cosine to a sentence
 *               of that group, averaged over the groups;
 *   position    1 / (1 + its sentence number): news puts the facts first.
 * Sentences are then picked by maximal marginal relevance (score minus
 * `redundancy` times the best cosine to a sentence already picked; one
 * `repeat` close to a pick is the same news, and left out) while they fit
 * the word budget, and put in reading order: by doc (the caller
 * gives docs earliest first), then by position. */
#include "brief.h"

#include <math.h>
#include <string.h>

#include "../util/error.h"

/* Chosen on the NeuS training clusters (../shared/data/neus_allsides/
 * train.*, ROUGE-2 at the reference's length; README); `val` is kept for
 * the figures. The ROUGE surface is flat around these values. */
const xc_brief_params xc_brief_defaults = {
    .centrality = 2.0,
    .support = 1.0,
    .position = 0.5,
    .redundancy = 0.7,
    .carry = 0.5,
    .repeat = 0.8,
    .coverage = 0.5,
    .min_words = 6,
    .max_words = 60,
};

xc_status xc_brief_param_set(xc_brief_params *p, const char *name, double value, xc_error *err)
{
    struct { const char *name; double *weight; } weights[] = {
        {"centrality", &p->centrality}, {"support", &p->support}, {"position", &p->position},
        {"redundancy", &p->redundancy}, {"carry", &p->carry}, {"repeat", &p->repeat}, {"coverage", &p->coverage},
    };
    for (size_t i = 0; i < sizeof weights / sizeof weights[0]; i++)
        if (strcmp(name, weights[i].name) == 0) {
            if (!(value >= 0 && value <= 100))
                return xc_fail(err, XC_ERR_ARG, "brief parameter %s must be within 0 .. 100", name);
            *weights[i].weight = value;
            return XC_OK;
        }
    if (strcmp(name, "min_words") == 0 || strcmp(name, "max_words") == 0) {
        if (!(value >= 0 && value <= 10000))
            return xc_fail(err, XC_ERR_ARG, "brief parameter %s must be within 0 .. 10000", name);
        *(strcmp(name, "min_words") == 0 ? &p->min_words : &p->max_words) = (unsigned)value;
        return XC_OK;
    }
    return xc_fail(err, XC_ERR_ARG,
                   "unknown brief parameter \"%s\" (known: centrality, support, position, redundancy, carry, repeat, coverage, "
                   "min_words, max_words)",
                   name);
}

typedef struct doc_group {
    int64_t group;
    uint32_t doc;
} doc_group;

static int compare_doc_groups(const void *x, const void *y)
{
    const doc_group *a = x, *b = y;
    if (a->group != b->group)
        return a->group < b->group ? -1 : 1;
    return (a->doc > b->doc) - (a->doc < b->doc);
}

/* Dense group numbers per doc, and whether a doc is its group's first
 * (the one that stands for the group). Returns the number of groups, or
 * SIZE_MAX when out of memory. */
static size_t number_groups(const xc_summary_doc *docs, size_t n, uint32_t *group_of, bool *stands)
{
    doc_group *order = malloc((n ? n : 1) * sizeof *order);
    if (!order)
        return SIZE_MAX;
    for (size_t d = 0; d < n; d++)
        order[d] = (doc_group){docs[d].group, (uint32_t)d};
    qsort(order, n, sizeof *order, compare_doc_groups);
    size_t groups = 0;
    for (size_t i = 0; i < n; i++) {
        bool first = i == 0 || order[i].group != order[i - 1].group;
        if (first)
            groups++;
        group_of[order[i].doc] = (uint32_t)(groups - 1);
        stands[order[i].doc] = first;
    }
    free(order);
    return groups;
}

static bool eligible(const xc_brief_params *p, const xc_unit *unit)
{
    return unit->term_count > 0 && unit->words >= p->min_words && unit->words <= p->max_words;
}

typedef struct scoring {
    uint32_t *group_of;   /* per doc */
    bool *stands;         /* per doc */
    size_t groups;
    double *score;        /* per unit */
    float *best;          /* per group, scratch */
    float *centroid;      /* per term (dense, by term id) */
    /* concepts: word pairs of two or more independent reports */
    struct concept { uint64_t bigram; uint32_t weight; bool covered; } *concepts;
    size_t concept_count;
    double best_gain;     /* the largest gain of one unit, to scale gains */
} scoring;

typedef struct concept concept;

static void scoring_free(scoring *s)
{
    free(s->group_of);
    free(s->stands);
    free(s->score);
    free(s->best);
    free(s->centroid);
    free(s->concepts);
}

static int compare_concepts(const void *x, const void *y)
{
    const concept *a = x, *b = y;
    if (a->bigram != b->bigram)
        return a->bigram < b->bigram ? -1 : 1;
    return (a->weight > b->weight) - (a->weight < b->weight); /* weight holds a group here */
}

/* The word pairs that two or more independent reports write, weighted by
 * how many do (Gillick & Favre's concepts, counted over reports). */
static xc_status find_concepts(const xc_units *u, scoring *s)
{
    size_t n = 0;
    for (size_t i = 0; i < u->units.count; i++)
        if (s->stands[u->units.items[i].doc])
            n += u->units.items[i].bigram_count;
    concept *pairs = malloc((n ? n : 1) * sizeof *pairs);
    if (!pairs)
        return XC_ERR_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < u->units.count; i++) {
        const xc_unit *unit = &u->units.items[i];
        if (!s->stands[unit->doc])
            continue;
        for (uint32_t b = 0; b < unit->bigram_count; b++)
            pairs[k++] = (concept){u->bigrams.items[unit->first_bigram + b], s->group_of[unit->doc], false};
    }
    if (n > 1)
        qsort(pairs, n, sizeof *pairs, compare_concepts);
    size_t out = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i, groups = 0;
        for (; j < n && pairs[j].bigram == pairs[i].bigram; j++)
            groups += j == i || pairs[j].weight != pairs[j - 1].weight;
        if (groups >= 2)
            pairs[out++] = (concept){pairs[i].bigram, (uint32_t)groups, false};
        i = j;
    }
    s->concepts = pairs;
    s->concept_count = out;
    return XC_OK;
}

static concept *find_concept(scoring *s, uint64_t bigram)
{
    size_t lo = 0, hi = s->concept_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->concepts[mid].bigram < bigram)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < s->concept_count && s->concepts[lo].bigram == bigram ? &s->concepts[lo] : NULL;
}

/* The weight of the concepts a unit would add to the picks. */
static double gain_of(const xc_units *u, scoring *s, size_t i)
{
    const xc_unit *unit = &u->units.items[i];
    double gain = 0;
    for (uint32_t b = 0; b < unit->bigram_count && s->concept_count; b++) {
        const concept *c = find_concept(s, u->bigrams.items[unit->first_bigram + b]);
        if (c && !c->covered)
            gain += c->weight;
    }
    return gain;
}

static void cover(const xc_units *u, scoring *s, size_t i)
{
    const xc_unit *unit = &u->units.items[i];
    for (uint32_t b = 0; b < unit->bigram_count && s->concept_count; b++) {
        concept *c = find_concept(s, u->bigrams.items[unit->first_bigram + b]);
        if (c)
            c->covered = true;
    }
}

static xc_status score_units(const xc_brief_params *p, const xc_units *u, const xc_summary_doc *docs, size_t n,
                             scoring *s)
{
    size_t units = u->units.count, terms = u->dict.count + 1;
    s->group_of = malloc((n ? n : 1) * sizeof *s->group_of);
    s->stands = malloc((n ? n : 1) * sizeof *s->stands);
    s->score = calloc(units ? units : 1, sizeof *s->score);
    s->centroid = calloc(terms, sizeof *s->centroid);
    if (!s->group_of || !s->stands || !s->score || !s->centroid)
        return XC_ERR_NOMEM;
    s->groups = number_groups(docs, n, s->group_of, s->stands);
    if (s->groups == SIZE_MAX)
        return XC_ERR_NOMEM;
    s->best = calloc(s->groups ? s->groups : 1, sizeof *s->best);
    if (!s->best)
        return XC_ERR_NOMEM;

    /* The centroid of the independent reports. */
    for (size_t i = 0; i < units; i++) {
        const xc_unit *unit = &u->units.items[i];
        if (!s->stands[unit->doc])
            continue;
        for (uint32_t t = 0; t < unit->term_count; t++) {
            const xc_term_weight *w = &u->terms.items[unit->first_term + t];
            s->centroid[w->term] += w->weight;
        }
    }
    double norm = 0;
    for (size_t t = 0; t < terms; t++)
        norm += (double)s->centroid[t] * s->centroid[t];
    norm = norm > 0 ? sqrt(norm) : 1;

    for (size_t i = 0; i < units; i++) {
        const xc_unit *unit = &u->units.items[i];
        if (!s->stands[unit->doc] || !eligible(p, unit))
            continue;
        double centrality = 0;
        for (uint32_t t = 0; t < unit->term_count; t++) {
            const xc_term_weight *w = &u->terms.items[unit->first_term + t];
            centrality += w->weight * s->centroid[w->term];
        }
        centrality /= norm;

        double support = 0;
        if (s->groups > 1) {
            memset(s->best, 0, s->groups * sizeof *s->best);
            uint32_t own = s->group_of[unit->doc];
            for (size_t j = 0; j < units; j++) {
                uint32_t g = s->group_of[u->units.items[j].doc];
                if (g == own || !s->stands[u->units.items[j].doc])
                    continue;
                float sim = (float)xc_units_similarity(u, i, j);
                if (sim > s->best[g])
                    s->best[g] = sim;
            }
            for (size_t g = 0; g < s->groups; g++)
                support += s->best[g];
            support /= (double)(s->groups - 1);
        }
        s->score[i] = p->centrality * centrality + p->support * support +
                      p->position / (1.0 + unit->position);
    }
    if (find_concepts(u, s) != XC_OK)
        return XC_ERR_NOMEM;
    for (size_t i = 0; i < units; i++)
        if (s->stands[u->units.items[i].doc] && eligible(p, &u->units.items[i])) {
            double gain = gain_of(u, s, i);
            if (gain > s->best_gain)
                s->best_gain = gain;
        }
    return XC_OK;
}

static int compare_reading_order(const void *x, const void *y, const xc_units *u)
{
    const xc_unit *a = &u->units.items[*(const uint32_t *)x], *b = &u->units.items[*(const uint32_t *)y];
    if (a->doc != b->doc)
        return a->doc < b->doc ? -1 : 1;
    if (a->title != b->title)
        return a->title ? -1 : 1;
    return (a->position > b->position) - (a->position < b->position);
}

/* Insertion sort: a brief is a handful of sentences. */
static void sort_reading_order(const xc_units *u, xc_u32_list *picked)
{
    for (size_t i = 1; i < picked->count; i++) {
        uint32_t key = picked->items[i];
        size_t j = i;
        while (j > 0 && compare_reading_order(&picked->items[j - 1], &key, u) > 0) {
            picked->items[j] = picked->items[j - 1];
            j--;
        }
        picked->items[j] = key;
    }
}

xc_status xc_summarize_brief_with(const xc_brief_params *p, const xc_units *u, const xc_summary_doc *docs,
                                  size_t doc_count, size_t budget, xc_u32_list *picked)
{
    picked->count = 0;
    scoring s = {0};
    xc_status status = score_units(p, u, docs, doc_count, &s);
    size_t used = 0;
    while (status == XC_OK) {
        double best = -INFINITY;
        size_t choice = SIZE_MAX;
        for (size_t i = 0; i < u->units.count; i++) {
            const xc_unit *unit = &u->units.items[i];
            if (!s.stands[unit->doc] || !eligible(p, unit) || (picked->count > 0 && used + unit->words > budget))
                continue;
            double overlap = 0;
            bool taken = false;
            for (size_t k = 0; k < picked->count && !taken; k++) {
                double sim = xc_units_similarity(u, i, picked->items[k]);
                taken = picked->items[k] == i || sim >= p->repeat;
                if (sim > overlap)
                    overlap = sim;
            }
            double value = s.score[i] - p->redundancy * overlap;
            if (p->coverage > 0 && s.best_gain > 0)
                value += p->coverage * gain_of(u, &s, i) / s.best_gain;
            if (!taken && value > best) {
                best = value;
                choice = i;
            }
        }
        if (choice == SIZE_MAX)
            break;
        if (!XC_VEC_PUSH(picked, (uint32_t)choice))
            status = XC_ERR_NOMEM;
        used += u->units.items[choice].words;
        cover(u, &s, choice);
        if (used >= budget)
            break;
    }
    scoring_free(&s);
    if (status == XC_OK && picked->count == 0 && p->max_words < UINT32_MAX) {
        /* every sentence too long (a text without full stops): the best of
         * them rather than nothing */
        xc_brief_params longer = *p;
        longer.max_words = UINT32_MAX;
        return xc_summarize_brief_with(&longer, u, docs, doc_count, budget, picked);
    }
    if (status == XC_OK)
        sort_reading_order(u, picked);
    return status;
}

xc_status xc_summarize_brief(const xc_units *u, const xc_summary_doc *docs, size_t doc_count, size_t budget,
                             xc_u32_list *picked)
{
    return xc_summarize_brief_with(&xc_brief_defaults, u, docs, doc_count, budget, picked);
}

xc_status xc_brief_carriers(const xc_brief_params *p, const xc_units *u, size_t unit, xc_u32_list *carriers)
{
    carriers->count = 0;
    uint32_t own = u->units.items[unit].doc;
    uint32_t last = UINT32_MAX;
    for (size_t j = 0; j < u->units.count; j++) {
        uint32_t doc = u->units.items[j].doc;
        if (doc == last)
            continue;
        if (doc == own || xc_units_similarity(u, unit, j) >= p->carry) {
            if (!XC_VEC_PUSH(carriers, doc))
                return XC_ERR_NOMEM;
            last = doc; /* units come by doc: skip the rest of this one */
        }
    }
    return XC_OK;
}
