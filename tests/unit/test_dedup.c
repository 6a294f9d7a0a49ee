/* The dedup engine and its features, without a store. */
#include <sys/resource.h>

#include "test_util.h"

#include "dedup/dedup.h"

static const char wire[] =
    "OSTREL ISLAND - A passenger ferry capsized in a gale off Ostrel Island on Wednesday night, killing at "
    "least 23 people, the Interior Ministry said. Eleven people are missing. The Saint Brannock, operated "
    "by Varne Island Lines, was carrying 214 passengers and crew when it rolled over. Rescue boats and "
    "fishermen pulled survivors from the water until dawn. The cause is not yet known, officials said, "
    "and an inquiry has been opened. The vessel was built in 1994 and had passed its last inspection.";

typedef struct fixture {
    xc_dedup *d;
    xc_dedup_scratch scratch;
    int64_t next_key;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->d = xc_dedup_new(NULL, 1);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    xc_dedup_free(f->d);
    xc_dedup_scratch_free(&f->scratch);
    free(f);
    return 0;
}

static xc_dedup_result add(fixture *f, const char *text, int64_t ts, int64_t *key)
{
    xc_dedup_item item;
    *key = ++f->next_key;
    assert_int_equal(xc_dedup_features(text, strlen(text), NULL, &f->scratch, *key, ts, &item), XC_OK);
    xc_dedup_result r;
    assert_int_equal(xc_dedup_process(f->d, &item, &r), XC_OK);
    return r;
}

static void features_fold_case_and_punctuation(void **state)
{
    fixture *f = *state;
    xc_dedup_item a, b, c;
    const char *x = "The U.S. envoy said: “We are hopeful” — talks resume Tuesday.";
    const char *y = "the US envoy said We are hopeful - talks resume tuesday";
    const char *z = "The U.S. envoy said: “We are hopeful” — talks resume Monday.";
    assert_int_equal(xc_dedup_features(x, strlen(x), NULL, &f->scratch, 1, INT64_MIN, &a), XC_OK);
    assert_int_equal(xc_dedup_features(y, strlen(y), NULL, &f->scratch, 2, INT64_MIN, &b), XC_OK);
    assert_int_equal(xc_dedup_features(z, strlen(z), NULL, &f->scratch, 3, INT64_MIN, &c), XC_OK);
    assert_true(a.text_hash != 0);
    assert_true(a.text_hash == b.text_hash);
    assert_true(a.text_hash != c.text_hash);
    xc_dedup_item empty;
    assert_int_equal(xc_dedup_features(" ,.; ", 5, NULL, &f->scratch, 4, INT64_MIN, &empty), XC_OK);
    assert_true(empty.text_hash == 0 && empty.shingles == 0);
}

static void kinds_of_copies(void **state)
{
    fixture *f = *state;
    int64_t origin, k;
    xc_dedup_result r = add(f, wire, 1000, &origin);
    assert_false(r.is_copy);

    /* The same words, other punctuation and case: exact. */
    char exact[sizeof wire + 16];
    snprintf(exact, sizeof exact, "%s", wire);
    for (char *p = exact; *p; p++)
        if (*p == '-')
            *p = ',';
    r = add(f, exact, 2000, &k);
    assert_true(r.is_copy);
    assert_int_equal(r.kind, XC_COPY_EXACT);
    assert_int_equal(r.copy_of, origin);
    assert_int_equal(r.origin, origin);
    int64_t group = r.group;
    assert_true(group > 0);
    assert_true(r.new_group);

    /* A new first paragraph, then the wire text: contains (or near). */
    char intro[2 * sizeof wire];
    snprintf(intro, sizeof intro, "Families waited at the Port Aldwick terminal through the night. %s", wire);
    r = add(f, intro, 3000, &k);
    assert_true(r.is_copy);
    assert_true(r.kind == XC_COPY_CONTAINS || r.kind == XC_COPY_NEAR);
    assert_int_equal(r.group, group);
    assert_false(r.new_group);

    /* The first half only: an excerpt. */
    char cut[sizeof wire];
    snprintf(cut, sizeof cut, "%.*s", (int)(strlen(wire) / 2), wire);
    r = add(f, cut, 4000, &k);
    assert_true(r.is_copy);
    assert_int_equal(r.kind, XC_COPY_EXCERPT);
    assert_true(r.containment > 0.7);

    /* A different article on another subject: not a copy. */
    r = add(f, "The central bank raised its main interest rate by half a point on Thursday, citing "
               "stubborn inflation in services and a tight labour market, and signalled more to come "
               "if wage growth does not slow in the second quarter of the year.",
            5000, &k);
    assert_false(r.is_copy);
}

static void an_earlier_copy_becomes_the_origin(void **state)
{
    fixture *f = *state;
    int64_t late, early;
    xc_dedup_result r = add(f, wire, 5000, &late);
    assert_false(r.is_copy);
    /* The same text, published earlier but arriving later. */
    r = add(f, wire, 1000, &early);
    assert_true(r.is_copy);
    assert_true(r.rerooted);
    assert_int_equal(r.origin, early);
    assert_int_equal(r.old_origin, late);
    assert_int_equal(r.old_origin_kind, XC_COPY_EXACT);
    /* A third copy, later again, joins the same group with the new origin. */
    int64_t k;
    r = add(f, wire, 9000, &k);
    assert_int_equal(r.origin, early);
}

static void short_texts_are_only_exact_copies(void **state)
{
    fixture *f = *state;
    int64_t k;
    assert_false(add(f, "Breaking", INT64_MIN, &k).is_copy);
    xc_dedup_result r = add(f, "breaking!", INT64_MIN, &k);
    assert_true(r.is_copy);
    assert_int_equal(r.kind, XC_COPY_EXACT);
    assert_false(add(f, "Breaking news", INT64_MIN, &k).is_copy);
    assert_false(add(f, "", INT64_MIN, &k).is_copy);
    assert_false(add(f, "", INT64_MIN, &k).is_copy); /* empty texts copy nothing */
}

static void hundred_thousand_copies(void **state)
{
    fixture *f = *state;
    int64_t first, k;
    add(f, wire, 0, &first);
    for (int i = 1; i < 100000; i++) {
        xc_dedup_result r = add(f, wire, i, &k);
        if (!r.is_copy || r.kind != XC_COPY_EXACT || r.origin != first || r.copy_of != first)
            fail_msg("copy %d: is_copy %d kind %d origin %lld", i, r.is_copy, r.kind, (long long)r.origin);
    }
    /* The index is bounded by its window, not by the stream. */
    assert_true(xc_dedup_live(f->d) <= xc_dedup_defaults.max_docs);
    assert_true(xc_dedup_memory(f->d) < (size_t)200 << 20);
}

static void window_bounds_memory(void **state)
{
    (void)state;
    xc_dedup_params p = xc_dedup_defaults;
    p.max_docs = 1000;
    p.window = 3600;
    xc_dedup *d = xc_dedup_new(&p, 1);
    xc_dedup_scratch scratch = {0};
    char text[200];
    size_t peak = 0;
    for (int i = 0; i < 20000; i++) {
        snprintf(text, sizeof text, "Bulletin number %d from the harbour office about tide %d and wind %d", i,
                 i * 7, i * 13);
        xc_dedup_item item;
        assert_int_equal(xc_dedup_features(text, strlen(text), &p, &scratch, i + 1, (int64_t)i * 60, &item), XC_OK);
        xc_dedup_result r;
        assert_int_equal(xc_dedup_process(d, &item, &r), XC_OK);
        if (i > 5000 && xc_dedup_memory(d) > peak)
            peak = xc_dedup_memory(d);
        /* one hour of articles, one a minute: about 60 in the window */
        assert_true(xc_dedup_live(d) <= 62);
    }
    assert_true(peak < (size_t)1 << 20);
    /* Undated articles are kept by count. */
    for (int i = 0; i < 3000; i++) {
        snprintf(text, sizeof text, "Undated note %d on the ferry timetable and the harbour %d", i, i * 3);
        xc_dedup_item item;
        xc_dedup_features(text, strlen(text), &p, &scratch, 100000 + i, INT64_MIN, &item);
        xc_dedup_result r;
        assert_int_equal(xc_dedup_process(d, &item, &r), XC_OK);
        assert_true(xc_dedup_live(d) <= p.max_docs);
    }
    xc_dedup_free(d);
    xc_dedup_scratch_free(&scratch);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(features_fold_case_and_punctuation, setup, teardown),
        cmocka_unit_test_setup_teardown(kinds_of_copies, setup, teardown),
        cmocka_unit_test_setup_teardown(an_earlier_copy_becomes_the_origin, setup, teardown),
        cmocka_unit_test_setup_teardown(short_texts_are_only_exact_copies, setup, teardown),
        cmocka_unit_test_setup_teardown(hundred_thousand_copies, setup, teardown),
        cmocka_unit_test(window_bounds_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
