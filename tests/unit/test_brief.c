/* Story briefs (src/brief/): TimeML values read back; sentence units and
 * their similarity; crosscheck's summariser (budget, support from other
 * reports, copies counted once, repeats left out); citations; the
 * timeline (like sentences on one date are one event, unlike ones two,
 * copies one report, years unknown last). All texts are written for this
 * test. */
#include "test_util.h"

#include "../../src/brief/brief.h"
#include "../../src/temporal/tvalue.h"

static xc_summary_doc doc(const char *text, int64_t group)
{
    return (xc_summary_doc){.text = text, .text_len = strlen(text), .group = group, .outlet = (uint32_t)group,
                            .ts = INT64_MIN};
}

static bool contains(const char *text, size_t len, const char *word)
{
    size_t n = strlen(word);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(text + i, word, n) == 0)
            return true;
    return false;
}

static void test_tval_parse(void **state)
{
    (void)state;
    static const char *const good[] = {"2025", "2025-03", "2025-03-11", "2025-W11", "2025-W11-WE", "2025-Q1",
                                       "2025-H2", "2025-SU", "199", "19", "2025-03-11T15:00", "2025-03-11T09",
                                       "2025-03-11TNI", "2024-02-29"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
        xc_tval v;
        char back[64];
        assert_true(xc_tval_parse(good[i], &v));
        xc_tval_format(&v, back, sizeof back);
        assert_string_equal(back, good[i]);
    }
    static const char *const bad[] = {"XXXX-03-11", "PRESENT_REF", "P3Y", "2025-13", "2025-02-30", "2025-W54",
                                      "2025-Q5", "2025-03-11T25:00", "2025-03-11x", "", "0000", "20251"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        xc_tval v;
        assert_false(xc_tval_parse(bad[i], &v));
    }
    xc_tval v;
    assert_true(xc_tval_parse("2025-03-11", &v));
    assert_string_equal(xc_tval_precision(&v), "day");
    assert_true(xc_tval_parse("2025-03-11T15:00", &v));
    assert_string_equal(xc_tval_precision(&v), "time");
    assert_true(xc_tval_parse("199", &v));
    assert_string_equal(xc_tval_precision(&v), "decade");
}

static void test_units(void **state)
{
    (void)state;
    xc_stemmer *stemmer = xc_stemmer_new("english");
    xc_summary_doc docs[2] = {
        doc("The ferry sank off the cape on Monday. Rescuers pulled forty people from the water.", 1),
        doc("Rescuers pulled forty people from the water. The captain is missing.", 2)};
    docs[0].title = "Ferry sinks";
    docs[0].title_len = strlen(docs[0].title);
    xc_units u = {0};
    assert_int_equal(xc_units_build(&u, stemmer, docs, 2, 0), XC_OK);
    assert_int_equal(u.units.count, 4);
    assert_int_equal(u.units.items[1].position, 1);
    assert_int_equal(u.units.items[1].words, 7);
    size_t len;
    const char *text = xc_unit_text(docs, &u.units.items[3], &len);
    assert_int_equal(len, strlen("The captain is missing."));
    assert_memory_equal(text, "The captain is missing.", len);
    /* the same words are the same vector; unrelated ones share nothing */
    assert_true(xc_units_similarity(&u, 1, 2) > 0.999);
    assert_true(xc_units_similarity(&u, 0, 3) < 0.01);
    /* with titles: the title comes first, position 0 */
    assert_int_equal(xc_units_build(&u, stemmer, docs, 2, XC_UNITS_TITLES), XC_OK);
    assert_int_equal(u.units.count, 5);
    assert_true(u.units.items[0].title);
    assert_false(u.units.items[1].title);
    xc_units_free(&u);
    xc_stemmer_free(stemmer);
}

static void test_summarize(void **state)
{
    (void)state;
    xc_stemmer *stemmer = xc_stemmer_new("english");
    /* The harbour fire is told by three independent reports; the mayor's
     * visit by one (and its copy). */
    xc_summary_doc docs[4] = {
        doc("The mayor visited the flooded school in the northern district on Friday. "
            "A fire destroyed three warehouses at the harbour overnight, officials said.", 1),
        doc("Three harbour warehouses were destroyed by a fire overnight, the fire brigade said. "
            "Fishermen fear for their boats.", 2),
        doc("A fire overnight destroyed three warehouses in the harbour, port officials said. "
            "Traffic was diverted around the port for hours.", 3),
        doc("The mayor visited the flooded school in the northern district on Friday. "
            "A fire destroyed three warehouses at the harbour overnight, officials said.", 1)};
    xc_units u = {0};
    xc_u32_list picked = {0}, carriers = {0};
    assert_int_equal(xc_units_build(&u, stemmer, docs, 4, 0), XC_OK);
    /* one sentence's budget: the fire, which three reports carry, wins
     * over the lead sentence only one report (and its copy) has */
    assert_int_equal(xc_summarize_brief(&u, docs, 4, 12, &picked), XC_OK);
    assert_int_equal(picked.count, 1);
    size_t len;
    const char *text = xc_unit_text(docs, &u.units.items[picked.items[0]], &len);
    assert_non_null(strstr(text, "fire"));
    /* its carriers: the three reports and the copy */
    assert_int_equal(xc_brief_carriers(&xc_brief_defaults, &u, picked.items[0], &carriers), XC_OK);
    assert_int_equal(carriers.count, 4);
    /* a larger budget: the fire once (its other wordings are the same
     * news), the copy never, words within the budget, reading order */
    assert_int_equal(xc_summarize_brief(&u, docs, 4, 40, &picked), XC_OK);
    size_t words = 0, fires = 0;
    for (size_t i = 0; i < picked.count; i++) {
        const xc_unit *unit = &u.units.items[picked.items[i]];
        words += unit->words;
        assert_int_not_equal(unit->doc, 3);
        text = xc_unit_text(docs, unit, &len);
        fires += contains(text, len, "fire");
        if (i > 0) {
            const xc_unit *before = &u.units.items[picked.items[i - 1]];
            assert_true(before->doc < unit->doc || (before->doc == unit->doc && before->position < unit->position));
        }
    }
    assert_int_equal(fires, 1);
    assert_true(words <= 40);
    assert_true(picked.count >= 2);
    /* parameters by name */
    xc_brief_params p = xc_brief_defaults;
    assert_int_equal(xc_brief_param_set(&p, "support", 2.5, NULL), XC_OK);
    assert_true(p.support == 2.5);
    assert_int_equal(xc_brief_param_set(&p, "min_words", 3, NULL), XC_OK);
    assert_int_equal(p.min_words, 3);
    assert_int_equal(xc_brief_param_set(&p, "nonsense", 1, NULL), XC_ERR_ARG);
    assert_int_equal(xc_brief_param_set(&p, "support", -1, NULL), XC_ERR_ARG);
    /* nothing to pick from */
    assert_int_equal(xc_units_build(&u, stemmer, docs, 0, 0), XC_OK);
    assert_int_equal(xc_summarize_brief(&u, docs, 0, 40, &picked), XC_OK);
    assert_int_equal(picked.count, 0);
    free(picked.items);
    free(carriers.items);
    xc_units_free(&u);
    xc_stemmer_free(stemmer);
}

static xc_dated dated(uint32_t doc, const char *text, const char *words, const char *value)
{
    xc_dated d = {.doc = doc};
    const char *at = strstr(text, words);
    assert_non_null(at);
    d.start = (uint32_t)(at - text);
    d.end = d.start + (uint32_t)strlen(words);
    snprintf(d.value, sizeof d.value, "%s", value);
    return d;
}

static void test_timeline(void **state)
{
    (void)state;
    xc_stemmer *stemmer = xc_stemmer_new("english");
    xc_summary_doc docs[3] = {
        doc("The dam burst on Tuesday after days of heavy rain in the valley. "
            "The village had been evacuated in 2019 as well. Engineers warned of cracks on February 28 last.", 1),
        doc("Days of heavy rain made the dam in the valley burst on Tuesday, engineers said. "
            "On Tuesday the regional council also met to discuss the school budget for next year.", 2),
        doc("The dam burst on Tuesday after days of heavy rain in the valley. "
            "The village had been evacuated in 2019 as well. Engineers warned of cracks on February 28 last.", 1)};
    xc_dated dates[] = {
        dated(0, docs[0].text, "Tuesday", "2031-04-29"),
        dated(0, docs[0].text, "2019", "2019"),
        dated(0, docs[0].text, "February 28", "XXXX-02-28"),
        dated(1, docs[1].text, "Tuesday", "2031-04-29"),
        dated(1, docs[1].text, "On Tuesday", "2031-04-29"),
        dated(2, docs[2].text, "Tuesday", "2031-04-29"),
        dated(2, docs[2].text, "2019", "2019"),
        dated(0, docs[0].text, "days", "PAST_REF"),       /* not a date of the timeline */
    };
    size_t n = sizeof dates / sizeof *dates;
    xc_units u = {0};
    xc_timeline t = {0};
    assert_int_equal(xc_units_build(&u, stemmer, docs, 3, 0), XC_OK);
    assert_int_equal(xc_timeline_build(&t, &u, docs, 3, dates, n, 0), XC_OK);
    /* 2019; the burst (three docs, two independent); the council; February 28 of an unknown year last */
    assert_int_equal(t.items.count, 4);
    assert_string_equal(t.items.items[0].value, "2019");
    assert_string_equal(t.items.items[0].precision, "year");
    assert_int_equal(t.items.items[0].doc_count, 2);
    assert_int_equal(t.items.items[0].independent, 1);
    assert_string_equal(t.items.items[3].value, "XXXX-02-28");
    assert_string_equal(t.items.items[3].precision, "day");
    size_t burst = 0, council = 0;
    for (size_t i = 1; i < 3; i++) {
        const xc_timeline_item *item = &t.items.items[i];
        assert_string_equal(item->value, "2031-04-29");
        size_t len;
        const char *text = xc_unit_text(docs, &u.units.items[item->unit], &len);
        if (contains(text, len, "council")) {
            council++;
            assert_int_equal(item->doc_count, 1);
        } else {
            burst++;
            assert_int_equal(item->doc_count, 3);
            assert_int_equal(item->independent, 2);
            assert_int_equal(u.units.items[item->unit].doc, 0); /* told in the earliest doc's words */
        }
    }
    assert_int_equal(burst, 1);
    assert_int_equal(council, 1);
    /* a limit keeps the best told, still in date order */
    assert_int_equal(xc_timeline_build(&t, &u, docs, 3, dates, n, 2), XC_OK);
    assert_int_equal(t.items.count, 2);
    assert_string_equal(t.items.items[0].value, "2019");
    assert_string_equal(t.items.items[1].value, "2031-04-29");
    assert_int_equal(t.items.items[1].doc_count, 3);
    xc_timeline_free(&t);
    xc_units_free(&u);
    xc_stemmer_free(stemmer);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tval_parse),
        cmocka_unit_test(test_units),
        cmocka_unit_test(test_summarize),
        cmocka_unit_test(test_timeline),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
