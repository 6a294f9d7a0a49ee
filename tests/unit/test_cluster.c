/* The streaming clusterer without a store. */
#include "test_util.h"

#include "analyze/analysis.h"
#include "cluster/cluster.h"

typedef struct fixture {
    xc_stemmer *stemmer;
    xc_termdict terms;
    xc_clusterer *c;
    xc_analysis a;
    int64_t seq;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->stemmer = xc_stemmer_new("english");
    xc_termdict_init(&f->terms, f->stemmer);
    f->c = xc_clusterer_new(NULL, &f->terms, 1);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    xc_clusterer_free(f->c);
    xc_analysis_free(&f->a);
    xc_termdict_free(&f->terms);
    xc_stemmer_free(f->stemmer);
    free(f);
    return 0;
}

static xc_cluster_decision place(fixture *f, const char *text, int64_t ts)
{
    assert_int_equal(xc_analyze(&f->terms, NULL, NULL, text, strlen(text), &f->a), XC_OK);
    xc_cluster_item item = {.key = ++f->seq, .seq = f->seq, .ts = ts, .analysis = &f->a};
    xc_cluster_decision d;
    assert_int_equal(xc_clusterer_assign(f->c, &item, &d), XC_OK);
    return d;
}

#define DAY (24 * 3600)

static const char *const ferry[] = {
    "A passenger ferry capsized in a gale off Ostrel Island on Wednesday, and Interior Minister Helena "
    "Varga-Moss said at least 23 people died. The Saint Brannock, run by Varne Island Lines, carried 214 people.",
    "Rescuers searched the Gulf of Varne for 11 people still missing after the Saint Brannock ferry rolled over "
    "near Ostrel Island. Varga-Moss said divers would resume at dawn. Survivors described the ferry listing.",
    "The death toll from the Saint Brannock ferry disaster off Ostrel Island rose to 27, and the captain was "
    "detained, Interior Minister Varga-Moss told reporters. Varne Island Lines suspended its Ostrel service.",
};

static const char *const bank[] = {
    "The National Bank of Vestmark raised its main interest rate by half a point to 4.75%, Governor Ilse Marrant "
    "said, citing stubborn inflation in services and rising wages. Five of seven board members voted for the rise.",
    "Governor Marrant defended the half-point rate rise by the National Bank, saying inflation had stayed above "
    "target for too long. Banks passed the 4.75% rate on to mortgage holders within hours.",
};

static void events_form_separate_stories(void **state)
{
    fixture *f = *state;
    xc_cluster_decision d0 = place(f, ferry[0], 1000);
    assert_true(d0.new_story);
    assert_int_equal(d0.story, 1);
    xc_cluster_decision b0 = place(f, bank[0], 2000);
    assert_true(b0.new_story);
    assert_int_equal(b0.story, 2);
    for (int i = 1; i < 3; i++) {
        xc_cluster_decision d = place(f, ferry[i], 1000 + i * 3600);
        assert_false(d.new_story);
        assert_int_equal(d.story, d0.story);
        assert_true(d.score >= xc_cluster_defaults.threshold);
        assert_true(d.term_count > 0);
        assert_true(d.gap >= 0);
    }
    xc_cluster_decision b1 = place(f, bank[1], 5000);
    assert_int_equal(b1.story, b0.story);
    /* The why names what they share. */
    bool marrant = false;
    for (size_t i = 0; i < b1.name_count; i++)
        marrant |= strcmp(xc_termdict_string(&f->terms, b1.shared_names[i]), "@marrant") == 0;
    assert_true(marrant);
    assert_int_equal(xc_clusterer_active(f->c), 2);
}

static void time_separates_the_same_words(void **state)
{
    fixture *f = *state;
    xc_cluster_decision a = place(f, ferry[0], 0);
    /* The same report a month later is another event (a new story). */
    xc_cluster_decision b = place(f, ferry[1], 30LL * DAY);
    assert_true(b.new_story);
    assert_true(b.story != a.story);
    /* Undated: time says nothing, words decide. */
    xc_cluster_decision c = place(f, ferry[2], INT64_MIN);
    assert_false(c.new_story);
    assert_int_equal(c.time_factor, 1.0);
}

/* A text of words made from n, so that different n share no words. */
static void distinct_text(char *out, size_t cap, int n)
{
    size_t len = 0;
    for (int w = 0; w < 12 && len + 16 < cap; w++) {
        int v = n * 12 + w;
        out[len++] = 'q';
        for (int k = 0; k < 4; k++, v /= 26)
            out[len++] = (char)('a' + v % 26);
        out[len++] = ' ';
    }
    out[len] = '\0';
}

static void idle_stories_leave_the_index(void **state)
{
    fixture *f = *state;
    char text[300];
    /* One distinct story a day for 400 days: only about a window's worth stay active. */
    for (int day = 0; day < 400; day++) {
        distinct_text(text, sizeof text, day);
        place(f, text, (int64_t)day * DAY);
        xc_clusterer_flush(f->c, NULL, NULL);
    }
    assert_true(xc_clusterer_active(f->c) <= 7 + 1 + 256);
    size_t memory = xc_clusterer_memory(f->c);
    for (int day = 400; day < 800; day++) {
        distinct_text(text, sizeof text, day);
        place(f, text, (int64_t)day * DAY);
        xc_clusterer_flush(f->c, NULL, NULL);
    }
    /* Memory is bounded by the window, not by the stream. */
    assert_true(xc_clusterer_memory(f->c) < memory * 2 + 65536);
    assert_int_equal(xc_clusterer_next_story(f->c), 801);
}

static xc_status count_state(void *user, const xc_story_state *s, bool emptied)
{
    int *seen = user;
    (void)s;
    seen[emptied ? 1 : 0]++;
    return XC_OK;
}

static void attach_detach_and_flush(void **state)
{
    fixture *f = *state;
    xc_cluster_decision d = place(f, ferry[0], 1000);
    xc_cluster_item copy = {.key = 99, .seq = 99, .ts = 9000, .analysis = NULL};
    assert_int_equal(xc_clusterer_attach(f->c, d.story, &copy), XC_OK);
    assert_int_equal(xc_clusterer_attach(f->c, 12345, &copy), XC_ERR_NOT_FOUND);
    int seen[2] = {0};
    assert_int_equal(xc_clusterer_flush(f->c, count_state, seen), XC_OK);
    assert_int_equal(seen[0], 1);
    /* Taking both out empties the story: flushed as emptied, then gone. */
    assert_int_equal(xc_clusterer_detach(f->c, d.story, &copy, true), XC_OK);
    assert_int_equal(xc_analyze(&f->terms, NULL, NULL, ferry[0], strlen(ferry[0]), &f->a), XC_OK);
    xc_cluster_item first = {.key = 1, .seq = 1, .ts = 1000, .analysis = &f->a};
    assert_int_equal(xc_clusterer_detach(f->c, d.story, &first, false), XC_OK);
    memset(seen, 0, sizeof seen);
    assert_int_equal(xc_clusterer_flush(f->c, count_state, seen), XC_OK);
    assert_int_equal(seen[1], 1);
    assert_false(xc_clusterer_has(f->c, d.story));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(events_form_separate_stories, setup, teardown),
        cmocka_unit_test_setup_teardown(time_separates_the_same_words, setup, teardown),
        cmocka_unit_test_setup_teardown(idle_stories_leave_the_index, setup, teardown),
        cmocka_unit_test_setup_teardown(attach_detach_and_flush, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
