/* Brown word clusters (src/train/brown.c). */
#include "test_util.h"

#include <math.h>

#include "train/brown.h"

/* A tiny language with three obvious word classes: nouns and verbs in
 * "the cat runs ." sentences (words 0-5: cat dog bird horse cow fox; 6-11:
 * runs sleeps eats jumps sits barks), numbers in "count seven two ." lists
 * (12-18: one .. seven), then "the", "a", ".", "count", "and". */
enum { NOUNS = 6, VERBS = 6, NUMBERS = 7, OTHERS = 5 };
enum { NOUN0 = 0, VERB0 = NOUN0 + NOUNS, NUMBER0 = VERB0 + VERBS, OTHER0 = NUMBER0 + NUMBERS,
       WORDS = OTHER0 + OTHERS };
enum { THE = OTHER0, A, STOP, COUNT, AND };

static uint32_t rng(uint64_t *s)
{
    *s = *s * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(*s >> 33);
}

/* About n tokens of the tiny language; a break every 20 sentences. */
static uint32_t *make_corpus(size_t n, size_t *count)
{
    uint32_t *t = malloc((n + 16) * sizeof *t);
    assert_non_null(t);
    uint64_t seed = 42;
    size_t k = 0, sentences = 0;
    while (k < n) {
        if (rng(&seed) % 3) {
            t[k++] = rng(&seed) % 2 ? THE : A;
            t[k++] = NOUN0 + rng(&seed) % NOUNS;
            t[k++] = VERB0 + rng(&seed) % VERBS;
            if (rng(&seed) % 4 == 0) {
                t[k++] = AND;
                t[k++] = VERB0 + rng(&seed) % VERBS;
            }
        } else {
            t[k++] = COUNT;
            for (uint32_t i = 0, len = 2 + rng(&seed) % 4; i < len; i++)
                t[k++] = NUMBER0 + rng(&seed) % NUMBERS;
        }
        t[k++] = STOP;
        if (++sentences % 20 == 0)
            t[k++] = XC_BROWN_BREAK;
    }
    *count = k;
    return t;
}

static size_t common_prefix(const char *a, const char *b)
{
    size_t i = 0;
    while (a[i] && a[i] == b[i])
        i++;
    return i;
}

static void range_prefix(const xc_brown_result *r, uint32_t first, uint32_t count, size_t *min_in)
{
    *min_in = SIZE_MAX;
    for (uint32_t i = first; i < first + count; i++)
        for (uint32_t j = i + 1; j < first + count; j++) {
            size_t p = common_prefix(xc_brown_path(r, i), xc_brown_path(r, j));
            if (p < *min_in)
                *min_in = p;
        }
}

static size_t cross_prefix(const xc_brown_result *r, uint32_t a0, uint32_t na, uint32_t b0, uint32_t nb)
{
    size_t max = 0;
    for (uint32_t i = a0; i < a0 + na; i++)
        for (uint32_t j = b0; j < b0 + nb; j++) {
            size_t p = common_prefix(xc_brown_path(r, i), xc_brown_path(r, j));
            if (p > max)
                max = p;
        }
    return max;
}

/* Words of one class share a longer path prefix than words of two classes. */
static void check_classes(uint32_t clusters)
{
    size_t n;
    uint32_t *tokens = make_corpus(20000, &n);
    xc_brown_params p = {.clusters = clusters, .min_count = 1};
    xc_brown_result r;
    xc_error err = {0};
    assert_int_equal(xc_brown_cluster(tokens, n, WORDS, &p, &r, &err), XC_OK);
    assert_int_equal(r.kept, WORDS);
    assert_int_equal(r.clusters, clusters < WORDS ? clusters : WORDS);
    assert_true(r.mi_bits > 0.5);
    for (uint32_t w = 0; w < WORDS; w++)
        assert_non_null(xc_brown_path(&r, w));
    size_t in_nouns, in_verbs, in_numbers;
    range_prefix(&r, NOUN0, NOUNS, &in_nouns);
    range_prefix(&r, VERB0, VERBS, &in_verbs);
    range_prefix(&r, NUMBER0, NUMBERS, &in_numbers);
    assert_true(in_nouns > cross_prefix(&r, NOUN0, NOUNS, VERB0, VERBS));
    assert_true(in_nouns > cross_prefix(&r, NOUN0, NOUNS, NUMBER0, NUMBERS));
    assert_true(in_verbs > cross_prefix(&r, VERB0, VERBS, NOUN0, NOUNS));
    assert_true(in_verbs > cross_prefix(&r, VERB0, VERBS, NUMBER0, NUMBERS));
    assert_true(in_numbers > cross_prefix(&r, NUMBER0, NUMBERS, NOUN0, NOUNS));
    assert_true(in_numbers > cross_prefix(&r, NUMBER0, NUMBERS, VERB0, VERBS));
    /* "the" and "a" are each other's nearest kin too. */
    assert_true(common_prefix(xc_brown_path(&r, THE), xc_brown_path(&r, A)) >
                cross_prefix(&r, THE, 1, NOUN0, NOUNS));

    /* The leaves form a binary tree: distinct paths of 0s and 1s, none the
     * prefix of another. */
    for (uint32_t i = 0; i < r.clusters; i++) {
        assert_true(strlen(r.paths[i]) > 0);
        assert_int_equal(strspn(r.paths[i], "01"), strlen(r.paths[i]));
        for (uint32_t j = 0; j < r.clusters; j++)
            if (i != j)
                assert_true(common_prefix(r.paths[i], r.paths[j]) < strlen(r.paths[i]));
    }
    /* Same input, same result. */
    xc_brown_result again;
    assert_int_equal(xc_brown_cluster(tokens, n, WORDS, &p, &again, &err), XC_OK);
    for (uint32_t w = 0; w < WORDS; w++)
        assert_string_equal(xc_brown_path(&r, w), xc_brown_path(&again, w));
    xc_brown_result_free(&again);
    xc_brown_result_free(&r);
    free(tokens);
}

static void classes_with_fewer_clusters_than_words(void **state)
{
    (void)state;
    check_classes(5); /* words enter one by one and merge into 5 leaves */
    check_classes(8);
}

static void classes_with_more_clusters_than_words(void **state)
{
    (void)state;
    check_classes(256); /* every word a leaf; the tree alone separates them */
}

static void rare_words_are_left_out(void **state)
{
    (void)state;
    size_t n;
    uint32_t *tokens = make_corpus(5000, &n);
    /* Word ids WORDS and WORDS+1 appear twice and once. */
    tokens[10] = WORDS, tokens[20] = WORDS, tokens[30] = WORDS + 1;
    xc_brown_params p = {.clusters = 4}; /* default min_count: 3 */
    xc_brown_result r;
    xc_error err = {0};
    assert_int_equal(xc_brown_cluster(tokens, n, WORDS + 3, &p, &r, &err), XC_OK);
    assert_int_equal(r.count[WORDS], 2);
    assert_int_equal(r.count[WORDS + 1], 1);
    assert_int_equal(r.count[WORDS + 2], 0);
    assert_null(xc_brown_path(&r, WORDS));
    assert_null(xc_brown_path(&r, WORDS + 1));
    assert_null(xc_brown_path(&r, WORDS + 2));
    assert_null(xc_brown_path(&r, WORDS + 100));
    assert_int_equal(r.cluster[WORDS], XC_BROWN_NONE);
    assert_non_null(xc_brown_path(&r, THE));
    assert_int_equal(r.clusters, 4);
    xc_brown_result_free(&r);
    free(tokens);
}

static void degenerate_inputs(void **state)
{
    (void)state;
    xc_brown_result r;
    xc_error err = {0};
    /* No tokens at all. */
    assert_int_equal(xc_brown_cluster(NULL, 0, 0, NULL, &r, &err), XC_OK);
    assert_int_equal(r.kept, 0);
    assert_int_equal(r.clusters, 0);
    assert_null(xc_brown_path(&r, 0));
    xc_brown_result_free(&r);
    /* Only breaks; a vocabulary nobody uses. */
    uint32_t breaks[] = {XC_BROWN_BREAK, XC_BROWN_BREAK};
    assert_int_equal(xc_brown_cluster(breaks, 2, 10, NULL, &r, &err), XC_OK);
    assert_int_equal(r.kept, 0);
    assert_null(xc_brown_path(&r, 3));
    xc_brown_result_free(&r);
    /* Every word too rare. */
    uint32_t rare[] = {0, 1, 2, 0, 1, 2};
    assert_int_equal(xc_brown_cluster(rare, 6, 3, NULL, &r, &err), XC_OK);
    assert_int_equal(r.kept, 0);
    xc_brown_result_free(&r);
    /* One distinct word: one leaf with a one-bit path. */
    uint32_t same[50] = {0};
    assert_int_equal(xc_brown_cluster(same, 50, 1, NULL, &r, &err), XC_OK);
    assert_int_equal(r.kept, 1);
    assert_int_equal(r.clusters, 1);
    assert_int_equal(r.bigrams, 49);
    assert_string_equal(xc_brown_path(&r, 0), "0");
    xc_brown_result_free(&r);
    /* One word with no bigram (breaks between its occurrences). */
    uint32_t apart[] = {0, XC_BROWN_BREAK, 0, XC_BROWN_BREAK, 0};
    assert_int_equal(xc_brown_cluster(apart, 5, 1, NULL, &r, &err), XC_OK);
    assert_int_equal(r.bigrams, 0);
    assert_string_equal(xc_brown_path(&r, 0), "0");
    xc_brown_result_free(&r);
    /* Two words, three words: fewer than C; no bigram across a break. */
    uint32_t two[] = {0, 1, 0, 1, XC_BROWN_BREAK, 1, 0};
    assert_int_equal(xc_brown_cluster(two, 7, 2, &(xc_brown_params){.min_count = 1}, &r, &err), XC_OK);
    assert_int_equal(r.clusters, 2);
    assert_int_equal(r.bigrams, 4);
    assert_int_equal(strlen(xc_brown_path(&r, 0)), 1);
    assert_string_not_equal(xc_brown_path(&r, 0), xc_brown_path(&r, 1));
    xc_brown_result_free(&r);
    uint32_t three[] = {0, 1, 2, 2, 1, 0, 0, 2};
    assert_int_equal(xc_brown_cluster(three, 8, 3, &(xc_brown_params){.min_count = 1}, &r, &err), XC_OK);
    assert_int_equal(r.clusters, 3);
    for (uint32_t w = 0; w < 3; w++)
        assert_non_null(xc_brown_path(&r, w));
    xc_brown_result_free(&r);
    /* Two clusters for many words. */
    size_t n;
    uint32_t *tokens = make_corpus(3000, &n);
    assert_int_equal(xc_brown_cluster(tokens, n, WORDS, &(xc_brown_params){.clusters = 2}, &r, &err),
                     XC_OK);
    assert_int_equal(r.clusters, 2);
    for (uint32_t w = 0; w < WORDS; w++)
        assert_int_equal(strlen(xc_brown_path(&r, w)), 1);
    xc_brown_result_free(&r);
    free(tokens);
}

/* ---- a slow reference: greedy merging with the mutual information
 * computed from scratch for every candidate pair ---- */

/* Average mutual information (bits) of the bigram model of a labelling
 * (label[w] = UINT32_MAX: not in the model yet); p(c) from all kept tokens. */
static double reference_mi(const uint32_t *tokens, size_t n, const uint32_t *label, uint32_t labels,
                           double total_tokens, double total_bigrams)
{
    double *pair = calloc((size_t)labels * labels, sizeof *pair);
    double *unigram = calloc(labels, sizeof *unigram);
    assert_non_null(pair);
    assert_non_null(unigram);
    for (size_t i = 0; i < n; i++)
        if (tokens[i] != XC_BROWN_BREAK && label[tokens[i]] != UINT32_MAX)
            unigram[label[tokens[i]]]++;
    for (size_t i = 1; i < n; i++) {
        uint32_t a = tokens[i - 1], b = tokens[i];
        if (a != XC_BROWN_BREAK && b != XC_BROWN_BREAK && label[a] != UINT32_MAX &&
            label[b] != UINT32_MAX)
            pair[(size_t)label[a] * labels + label[b]]++;
    }
    double mi = 0.0;
    for (uint32_t x = 0; x < labels; x++)
        for (uint32_t y = 0; y < labels; y++) {
            double c = pair[(size_t)x * labels + y];
            if (c > 0)
                mi += c / total_bigrams *
                      log2((c / total_bigrams) / (unigram[x] / total_tokens * unigram[y] / total_tokens));
        }
    free(pair);
    free(unigram);
    return mi;
}

/* Liang's algorithm done slowly (every word is kept): the leaf labels of
 * each word and the final mutual information. */
static double reference_clusters(const uint32_t *tokens, size_t n, uint32_t words, uint32_t clusters,
                                 uint32_t *label)
{
    uint32_t count[64] = {0}, order[64];
    assert_true(words <= 64);
    double total_tokens = 0, total_bigrams = 0;
    for (size_t i = 0; i < n; i++)
        if (tokens[i] != XC_BROWN_BREAK) {
            count[tokens[i]]++;
            total_tokens++;
            total_bigrams += i > 0 && tokens[i - 1] != XC_BROWN_BREAK;
        }
    for (uint32_t w = 0; w < words; w++)
        order[w] = w;
    for (uint32_t i = 1; i < words; i++) /* by decreasing count, then id */
        for (uint32_t j = i; j > 0 && count[order[j]] > count[order[j - 1]]; j--) {
            uint32_t t = order[j];
            order[j] = order[j - 1], order[j - 1] = t;
        }
    for (uint32_t w = 0; w < words; w++)
        label[w] = UINT32_MAX;
    uint32_t trial[64];
    for (uint32_t r = 0; r < words; r++) {
        label[order[r]] = order[r]; /* a cluster of its own, labelled by the word */
        if (r < clusters)
            continue;
        double best = -INFINITY;
        uint32_t best_a = 0, best_b = 0;
        for (uint32_t a = 0; a < words; a++)
            for (uint32_t b = a + 1; b < words; b++) {
                bool has_a = false, has_b = false;
                for (uint32_t w = 0; w < words; w++)
                    has_a |= label[w] == a, has_b |= label[w] == b;
                if (!has_a || !has_b)
                    continue;
                for (uint32_t w = 0; w < words; w++)
                    trial[w] = label[w] == b ? a : label[w];
                double mi = reference_mi(tokens, n, trial, words, total_tokens, total_bigrams);
                if (mi > best)
                    best = mi, best_a = a, best_b = b;
            }
        for (uint32_t w = 0; w < words; w++)
            if (label[w] == best_b)
                label[w] = best_a;
    }
    return reference_mi(tokens, n, label, words, total_tokens, total_bigrams);
}

static void compare_with_reference(const uint32_t *tokens, size_t n, uint32_t words, uint32_t clusters)
{
    uint32_t label[64];
    double mi = reference_clusters(tokens, n, words, clusters, label);
    xc_brown_params p = {.clusters = clusters, .min_count = 1};
    xc_brown_result r;
    xc_error err = {0};
    assert_int_equal(xc_brown_cluster(tokens, n, words, &p, &r, &err), XC_OK);
    assert_true(fabs(r.mi_bits - mi) < 1e-9);
    for (uint32_t i = 0; i < words; i++)
        for (uint32_t j = 0; j < words; j++)
            assert_int_equal(label[i] == label[j], r.cluster[i] == r.cluster[j]);
    xc_brown_result_free(&r);
}

/* A Markov chain over 48 words of skewed frequencies in 6 loose groups. */
static uint32_t *make_markov(size_t n, uint32_t words)
{
    uint32_t *t = malloc(n * sizeof *t);
    assert_non_null(t);
    uint64_t seed = 7;
    uint32_t group = 0;
    for (size_t i = 0; i < n; i++) {
        group = rng(&seed) % 5 ? (group * 2 + 1) % 6 : rng(&seed) % 6;
        uint32_t k = rng(&seed) % 64, in_group = (k * k) / (64 * 64 / (words / 6));
        t[i] = group + 6 * in_group;
        if (rng(&seed) % 200 == 0)
            t[i] = XC_BROWN_BREAK;
    }
    return t;
}

/* The incremental losses pick the same merges as the slow reference. */
static void same_merges_as_reference(void **state)
{
    (void)state;
    size_t n;
    uint32_t *tokens = make_corpus(2000, &n);
    compare_with_reference(tokens, n, WORDS, 3);
    compare_with_reference(tokens, n, WORDS, 6);
    compare_with_reference(tokens, n, WORDS, 10);
    free(tokens);
    tokens = make_markov(6000, 48);
    compare_with_reference(tokens, 6000, 48, 5);
    compare_with_reference(tokens, 6000, 48, 12);
    free(tokens);
}

static void bad_arguments(void **state)
{
    (void)state;
    xc_brown_result r;
    xc_error err = {0};
    uint32_t out_of_range[] = {0, 1, 5};
    assert_int_equal(xc_brown_cluster(out_of_range, 3, 2, NULL, &r, &err), XC_ERR_ARG);
    assert_non_null(strstr(err.message, "word id 5"));
    xc_brown_result_free(&r);
    uint32_t fine[] = {0, 1, 0};
    assert_int_equal(xc_brown_cluster(fine, 3, 2, &(xc_brown_params){.clusters = 1}, &r, &err),
                     XC_ERR_ARG);
    xc_brown_result_free(&r);
    xc_brown_result_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(classes_with_fewer_clusters_than_words),
        cmocka_unit_test(classes_with_more_clusters_than_words),
        cmocka_unit_test(rare_words_are_left_out),
        cmocka_unit_test(degenerate_inputs),
        cmocka_unit_test(same_merges_as_reference),
        cmocka_unit_test(bad_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
