/* Clustering metrics from the contingency table of gold classes × predicted
 * clusters: B³, pairwise precision/recall, adjusted Rand index, V-measure. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "crosscheck.h"

typedef struct cell {
    int64_t gold, predicted;
} cell;

static int by_gold_then_predicted(const void *a, const void *b)
{
    const cell *x = a, *y = b;
    if (x->gold != y->gold)
        return x->gold < y->gold ? -1 : 1;
    return (x->predicted > y->predicted) - (x->predicted < y->predicted);
}

static int by_value(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* Sizes of the groups of equal values, after sorting a copy. */
static double *group_sizes(const int64_t *labels, size_t n, size_t *groups)
{
    int64_t *sorted = malloc((n ? n : 1) * sizeof *sorted);
    double *sizes = malloc((n ? n : 1) * sizeof *sizes);
    if (!sorted || !sizes) {
        free(sorted);
        free(sizes);
        return NULL;
    }
    memcpy(sorted, labels, n * sizeof *sorted);
    qsort(sorted, n, sizeof *sorted, by_value);
    size_t g = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && sorted[j] == sorted[i])
            j++;
        sizes[g++] = (double)(j - i);
        i = j;
    }
    free(sorted);
    *groups = g;
    return sizes;
}

static double pairs(double k) { return k * (k - 1) / 2; }

static double entropy(const double *sizes, size_t count, double n)
{
    double h = 0;
    for (size_t i = 0; i < count; i++)
        if (sizes[i] > 0)
            h -= sizes[i] / n * log(sizes[i] / n);
    return h;
}

/* Size of the group holding each item, looked up in a sorted label list. */
static double size_of(const int64_t *sorted, size_t n, int64_t label)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (sorted[mid] < label)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t first = lo;
    hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (sorted[mid] <= label)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (double)(lo - first);
}

xc_status xc_score_clustering(const int64_t *gold, const int64_t *predicted, size_t n,
                              xc_cluster_scores *out)
{
    memset(out, 0, sizeof *out);
    out->items = n;
    if (n == 0)
        return XC_OK;
    cell *cells = malloc(n * sizeof *cells);
    int64_t *gold_sorted = malloc(n * sizeof *gold_sorted);
    int64_t *pred_sorted = malloc(n * sizeof *pred_sorted);
    size_t classes = 0, clusters = 0;
    double *class_sizes = group_sizes(gold, n, &classes);
    double *cluster_sizes = group_sizes(predicted, n, &clusters);
    if (!cells || !gold_sorted || !pred_sorted || !class_sizes || !cluster_sizes) {
        free(cells), free(gold_sorted), free(pred_sorted), free(class_sizes), free(cluster_sizes);
        return XC_ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++)
        cells[i] = (cell){gold[i], predicted[i]};
    qsort(cells, n, sizeof *cells, by_gold_then_predicted);
    memcpy(gold_sorted, gold, n * sizeof *gold);
    memcpy(pred_sorted, predicted, n * sizeof *predicted);
    qsort(gold_sorted, n, sizeof *gold_sorted, by_value);
    qsort(pred_sorted, n, sizeof *pred_sorted, by_value);

    double N = (double)n, sum_pairs_cells = 0, bp = 0, br = 0, mutual = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && cells[j].gold == cells[i].gold && cells[j].predicted == cells[i].predicted)
            j++;
        double nij = (double)(j - i);
        double gsize = size_of(gold_sorted, n, cells[i].gold);
        double psize = size_of(pred_sorted, n, cells[i].predicted);
        /* B³: each of the nij items has precision nij/|cluster| and recall nij/|class|. */
        bp += nij * nij / psize;
        br += nij * nij / gsize;
        sum_pairs_cells += pairs(nij);
        mutual += nij / N * log(N * nij / (gsize * psize));
        i = j;
    }
    out->classes = classes;
    out->clusters = clusters;
    out->bcubed_p = bp / N;
    out->bcubed_r = br / N;
    out->bcubed_f1 = out->bcubed_p + out->bcubed_r > 0
                         ? 2 * out->bcubed_p * out->bcubed_r / (out->bcubed_p + out->bcubed_r)
                         : 0;
    double class_pairs = 0, cluster_pairs = 0;
    for (size_t i = 0; i < classes; i++)
        class_pairs += pairs(class_sizes[i]);
    for (size_t i = 0; i < clusters; i++)
        cluster_pairs += pairs(cluster_sizes[i]);
    out->pairwise_p = cluster_pairs > 0 ? sum_pairs_cells / cluster_pairs : 1;
    out->pairwise_r = class_pairs > 0 ? sum_pairs_cells / class_pairs : 1;
    out->pairwise_f1 = out->pairwise_p + out->pairwise_r > 0
                           ? 2 * out->pairwise_p * out->pairwise_r / (out->pairwise_p + out->pairwise_r)
                           : 0;
    double expected = class_pairs * cluster_pairs / pairs(N);
    double max_index = (class_pairs + cluster_pairs) / 2;
    out->ari = max_index - expected != 0 ? (sum_pairs_cells - expected) / (max_index - expected) : 1;
    double h_class = entropy(class_sizes, classes, N), h_cluster = entropy(cluster_sizes, clusters, N);
    out->homogeneity = h_class > 0 ? mutual / h_class : 1;
    out->completeness = h_cluster > 0 ? mutual / h_cluster : 1;
    out->v_measure = out->homogeneity + out->completeness > 0
                         ? 2 * out->homogeneity * out->completeness / (out->homogeneity + out->completeness)
                         : 0;
    free(cells), free(gold_sorted), free(pred_sorted), free(class_sizes), free(cluster_sizes);
    return XC_OK;
}
