/* Clustering metrics against values computed independently (the textbook
 * definitions, as in scikit-learn). */
#include "test_util.h"

#define assert_near(a, b) assert_true(fabs((a) - (b)) < 1e-5)
#include <math.h>

static void known_values(void **state)
{
    (void)state;
    int64_t gold[] = {0, 0, 0, 1, 1, 2, 2, 2, 2};
    int64_t pred[] = {0, 0, 1, 1, 1, 2, 2, 3, 3};
    xc_cluster_scores s;
    assert_int_equal(xc_score_clustering(gold, pred, 9, &s), XC_OK);
    assert_near(s.bcubed_p, 0.851852);
    assert_near(s.bcubed_r, 0.629630);
    assert_near(s.pairwise_p, 0.666667);
    assert_near(s.pairwise_r, 0.400000);
    assert_near(s.ari, 0.368421);
    assert_near(s.homogeneity, 0.800000);
    assert_near(s.completeness, 0.619966);
    assert_near(s.v_measure, 0.698570);
    assert_int_equal(s.classes, 3);
    assert_int_equal(s.clusters, 4);
}

static void extremes(void **state)
{
    (void)state;
    int64_t gold[] = {5, 5, 7, 7, 9};
    int64_t same[] = {1, 1, 2, 2, 3};
    int64_t one[] = {0, 0, 0, 0, 0};
    int64_t each[] = {1, 2, 3, 4, 5};
    xc_cluster_scores s;
    xc_score_clustering(gold, same, 5, &s); /* labels differ, partition equal */
    assert_near(s.bcubed_f1, 1.0);
    assert_near(s.pairwise_f1, 1.0);
    assert_near(s.ari, 1.0);
    assert_near(s.v_measure, 1.0);
    xc_score_clustering(gold, one, 5, &s);
    assert_near(s.bcubed_r, 1.0);
    assert_near(s.bcubed_p, (2 * 2 / 5.0 + 2 * 2 / 5.0 + 1 / 5.0) / 5);
    assert_near(s.completeness, 1.0);
    xc_score_clustering(gold, each, 5, &s);
    assert_near(s.bcubed_p, 1.0);
    assert_near(s.homogeneity, 1.0);
    assert_near(s.pairwise_p, 1.0); /* no predicted pairs: nothing wrong */
    assert_near(s.pairwise_r, 0.0);
    assert_int_equal(xc_score_clustering(gold, one, 0, &s), XC_OK);
    assert_int_equal(s.items, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(known_values),
        cmocka_unit_test(extremes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
