#include <stdlib.h>

#include "ner/metrics.h"

static void count(xc_ner_counts *c, size_t correct, size_t predicted, size_t gold)
{
    c->correct += correct;
    c->predicted += predicted;
    c->gold += gold;
}

void xc_ner_scores_add(xc_ner_scores *s, const uint8_t *gold, const uint8_t *predicted, size_t n)
{
    s->tokens += n;
    s->sentences++;
    if (n == 0)
        return;
    xc_ner_span *g = malloc(n * sizeof *g), *p = malloc(n * sizeof *p);
    if (!g || !p) {
        free(g);
        free(p);
        return;
    }
    size_t ng = xc_iob_spans(gold, n, g), np = xc_iob_spans(predicted, n, p);
    for (size_t i = 0; i < ng; i++)
        count(&s->per_type[g[i].type], 0, 0, 1);
    for (size_t i = 0; i < np; i++)
        count(&s->per_type[p[i].type], 0, 1, 0);
    /* both lists are in token order: merge */
    for (size_t i = 0, j = 0; i < ng && j < np;) {
        if (g[i].start == p[j].start && g[i].end == p[j].end && g[i].type == p[j].type) {
            count(&s->per_type[g[i].type], 1, 0, 0);
            i++;
            j++;
        } else if (g[i].start < p[j].start || (g[i].start == p[j].start && g[i].end < p[j].end))
            i++;
        else
            j++;
    }
    s->all = (xc_ner_counts){0};
    for (int t = 0; t < XC_NER_TYPES; t++)
        count(&s->all, s->per_type[t].correct, s->per_type[t].predicted, s->per_type[t].gold);
    free(g);
    free(p);
}

double xc_ner_precision(const xc_ner_counts *c)
{
    return c->predicted ? (double)c->correct / (double)c->predicted : 0;
}

double xc_ner_recall(const xc_ner_counts *c)
{
    return c->gold ? (double)c->correct / (double)c->gold : 0;
}

double xc_ner_f1(const xc_ner_counts *c)
{
    double p = xc_ner_precision(c), r = xc_ner_recall(c);
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
}
