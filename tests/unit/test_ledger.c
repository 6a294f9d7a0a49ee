/* The ledger of a story (src/ledger/): word diffs; facts grouped into
 * readings with their verdicts, copies counted once, updates by change
 * words and by time; quotes grouped into remarks with their wordings. All
 * sentences are written for this test. */
#include "test_util.h"

#include "../../src/ledger/ledger.h"

/* ---- word diff ------------------------------------------------------- */

static void test_word_diff(void **state)
{
    (void)state;
    xc_diff d = {0};
    const char *a = "The Russians can't conquer all of it, and it will be hard.";
    const char *b = "The Russians cannot conquer all of it and it will be very hard";
    assert_int_equal(xc_word_diff(a, strlen(a), b, strlen(b), &d), XC_OK);
    /* can't = ca + n't: two words out, one in; "very" in; punctuation ignored */
    assert_int_equal(d.a_words, 13);
    assert_int_equal(d.b_words, 13);
    assert_int_equal(d.common, 11);
    char ops[16] = "";
    for (size_t i = 0; i < d.ops.count && i < sizeof ops - 1; i++)
        ops[i] = d.ops.items[i].op;
    assert_string_equal(ops, "=-+=+=");
    assert_memory_equal(a + d.ops.items[1].start, "can't", 5);
    assert_memory_equal(b + d.ops.items[2].start, "cannot", 6);
    assert_memory_equal(b + d.ops.items[4].start, "very", 4);
    /* folding: case and curly apostrophes do not count as changes */
    const char *c = "WE CAN\xE2\x80\x99T WAIT";
    const char *e = "we can't wait";
    assert_int_equal(xc_word_diff(c, strlen(c), e, strlen(e), &d), XC_OK);
    assert_int_equal(d.ops.count, 1);
    assert_int_equal(d.ops.items[0].op, '=');
    /* empty sides */
    assert_int_equal(xc_word_diff("", 0, e, strlen(e), &d), XC_OK);
    assert_int_equal(d.common, 0);
    assert_int_equal(d.ops.count, 1);
    assert_int_equal(d.ops.items[0].op, '+');
    assert_int_equal(xc_word_diff("", 0, "", 0, &d), XC_OK);
    assert_int_equal(d.ops.count, 0);
    xc_diff_free(&d);
}

/* ---- facts ------------------------------------------------------------ */

static xc_ledger_fact fact_of(const char *sentence, uint32_t report)
{
    xc_quantity_list list = {0};
    assert_int_equal(xc_find_quantities(sentence, strlen(sentence), &list), XC_OK);
    xc_ledger_fact f = {.report = report};
    bool found = false;
    for (size_t i = 0; i < list.count && !found; i++)
        if (xc_quantity_is_fact(&list.items[i])) {
            f.q = list.items[i];
            found = true;
        }
    if (!found) {
        fprintf(stderr, "no fact in \"%s\"\n", sentence);
        fail();
    }
    xc_quantity_list_free(&list);
    return f;
}

#define HOUR 3600

static void test_facts_agree_and_copies(void **state)
{
    (void)state;
    /* reports 0 and 2 are copies of one text (group 10) */
    xc_ledger_report reports[] = {{10, 0, 0}, {11, HOUR, 1}, {10, 2 * HOUR, 2}, {12, 3 * HOUR, 3}};
    xc_ledger_fact facts[] = {
        fact_of("Rebels launched at least 40 drones at the port.", 0),
        fact_of("The port was hit by over forty drones.", 1),
        fact_of("Rebels launched at least 40 drones at the port.", 2),
        fact_of("Air defences downed 25 drones over the port.", 3), /* another act: distinct */
    };
    xc_fact_ledger l = {0};
    assert_int_equal(xc_fact_ledger_build(&l, reports, 4, facts, 4), XC_OK);
    assert_int_equal(l.groups.count, 2);
    const xc_fact_group *g = &l.groups.items[0];
    assert_int_equal(g->verdict, XC_FACT_AGREE);
    assert_int_equal(g->reading_count, 1);
    const xc_fact_reading *r = &l.readings.items[g->first_reading];
    assert_int_equal(r->count, 3);
    assert_int_equal(r->independent, 2); /* the copy counts once */
    assert_int_equal(r->outlets, 3);
    assert_true(r->low == 40 && r->low_open == true); /* [40, inf) and (40, inf) share (40, inf) */
    assert_int_equal(l.groups.items[1].verdict, XC_FACT_SINGLE);
    /* only copies of one text: one independent report, no agreement */
    xc_ledger_fact copies[] = {facts[0], facts[2]};
    assert_int_equal(xc_fact_ledger_build(&l, reports, 4, copies, 2), XC_OK);
    assert_int_equal(l.groups.count, 1);
    assert_int_equal(l.groups.items[0].verdict, XC_FACT_SINGLE);
    assert_int_equal(l.groups.items[0].independent, 1);
    xc_fact_ledger_free(&l);
}

static void test_facts_conflict_and_events(void **state)
{
    (void)state;
    xc_ledger_report reports[] = {{1, 0, 0}, {2, HOUR, 1}, {3, 2 * HOUR, 2}};
    xc_ledger_fact facts[] = {
        fact_of("The drone strike on the port caused one fatality.", 0),
        /* same article, another event: not a contradiction of itself */
        fact_of("A missile assault on the town last week left at least 14 dead.", 0),
        fact_of("The drone attack on the port left at least three dead.", 1),
        fact_of("The drone strike on the port caused one fatality.", 2),
    };
    xc_fact_ledger l = {0};
    assert_int_equal(xc_fact_ledger_build(&l, reports, 3, facts, 4), XC_OK);
    assert_int_equal(l.groups.count, 2);
    const xc_fact_group *g = &l.groups.items[0];
    assert_int_equal(g->verdict, XC_FACT_CONFLICT);
    assert_int_equal(g->reading_count, 2);
    assert_int_equal(g->link_count, 1);
    assert_int_equal(l.links.items[g->first_link].relation, XC_QREL_CONFLICT);
    /* the most independent reports first: "one fatality" (2), then 3+ */
    const xc_fact_reading *first = &l.readings.items[g->first_reading];
    assert_int_equal(first->independent, 2);
    assert_true(first->low == 1 && first->high == 1);
    assert_int_equal(l.groups.items[1].verdict, XC_FACT_SINGLE); /* the missile assault */
    xc_fact_ledger_free(&l);
}

static void test_facts_updates(void **state)
{
    (void)state;
    /* a day apart: a higher death toll later is an update */
    xc_ledger_report reports[] = {{1, 0, 0}, {2, 24 * HOUR, 1}, {3, 25 * HOUR, 2}};
    xc_ledger_fact later[] = {
        fact_of("The ferry disaster killed 23 people.", 0),
        fact_of("The ferry disaster killed 31 people.", 1),
    };
    xc_fact_ledger l = {0};
    assert_int_equal(xc_fact_ledger_build(&l, reports, 3, later, 2), XC_OK);
    assert_int_equal(l.groups.count, 1);
    assert_int_equal(l.groups.items[0].verdict, XC_FACT_UPDATE);
    const xc_reading_link *link = &l.links.items[l.groups.items[0].first_link];
    assert_int_equal(link->relation, XC_QREL_UPDATE);
    /* the link runs from the earlier reading to the later */
    const xc_fact_reading *to = &l.readings.items[link->b];
    assert_true(to->low == 31);
    /* the same a few minutes apart, or undated: a conflict */
    reports[1].ts = HOUR;
    assert_int_equal(xc_fact_ledger_build(&l, reports, 3, later, 2), XC_OK);
    assert_int_equal(l.groups.items[0].verdict, XC_FACT_CONFLICT);
    /* a lower figure later is no update either */
    reports[1].ts = 24 * HOUR;
    xc_ledger_fact lower[] = {later[1], later[0]};
    lower[0].report = 0, lower[1].report = 1; /* 31 first, 23 a day later */
    assert_int_equal(xc_fact_ledger_build(&l, reports, 3, lower, 2), XC_OK);
    assert_int_equal(l.groups.items[0].verdict, XC_FACT_CONFLICT);
    /* words of change make an update whenever it came */
    reports[1].ts = INT64_MIN;
    xc_ledger_fact rose[] = {fact_of("The ferry disaster killed 23 people.", 0),
                             fact_of("The death toll from the ferry disaster rose to 27.", 1)};
    assert_int_equal(xc_fact_ledger_build(&l, reports, 3, rose, 2), XC_OK);
    assert_int_equal(l.groups.items[0].verdict, XC_FACT_UPDATE);
    link = &l.links.items[l.groups.items[0].first_link];
    assert_true(l.readings.items[link->b].low == 27);
    xc_fact_ledger_free(&l);
}

/* ---- remarks ------------------------------------------------------------ */

static xc_ledger_quote quote(const char *text, int64_t entity, uint32_t report)
{
    return (xc_ledger_quote){text, strlen(text), entity, report};
}

static void test_remarks(void **state)
{
    (void)state;
    xc_ledger_report reports[] = {{1, 0, 0}, {2, 0, 1}, {3, 0, 2}, {1, 0, 3}};
    xc_ledger_quote quotes[] = {
        quote("We will rebuild the harbour within a year, whatever it costs.", 7, 0),
        quote("We will rebuild the harbor in one year, whatever it costs", 7, 1),   /* variant */
        quote("rebuild the harbour within a year", 7, 2),                           /* excerpt */
        quote("We will rebuild the harbour within a year, whatever it costs.", 0, 3), /* copy, no speaker */
        quote("We will never rebuild anything for them.", 8, 1),                    /* another speaker */
        quote("harbour", 7, 1),                                                     /* one word: alone */
    };
    xc_remark_ledger l = {0};
    assert_int_equal(xc_remark_ledger_build(&l, reports, 4, quotes, 6), XC_OK);
    assert_int_equal(l.remarks.count, 3);
    const xc_remark_group *r = &l.remarks.items[0];
    assert_int_equal(r->count, 4);
    assert_int_equal(r->entity, 7);
    assert_int_equal(r->independent, 3); /* reports 0 and 3 are one text */
    assert_int_equal(r->outlets, 4);
    const xc_remark_member *m = &l.members.items[r->first];
    assert_int_equal(m[0].wording, XC_WORDING_MAIN);
    assert_true(m[0].quote == 0 || m[0].quote == 3);
    int variants = 0, excerpts = 0, same = 0;
    for (uint32_t i = 1; i < r->count; i++) {
        variants += m[i].wording == XC_WORDING_VARIANT;
        excerpts += m[i].wording == XC_WORDING_EXCERPT;
        same += m[i].wording == XC_WORDING_SAME;
    }
    assert_int_equal(variants, 1);
    assert_int_equal(excerpts, 1);
    assert_int_equal(same, 1);
    /* two different speakers never share a remark, even in the same words */
    xc_ledger_quote two[] = {quote("We will rebuild the harbour within a year.", 7, 0),
                             quote("We will rebuild the harbour within a year.", 8, 1)};
    assert_int_equal(xc_remark_ledger_build(&l, reports, 4, two, 2), XC_OK);
    assert_int_equal(l.remarks.count, 2);
    /* nothing: nothing */
    assert_int_equal(xc_remark_ledger_build(&l, reports, 4, NULL, 0), XC_OK);
    assert_int_equal(l.remarks.count, 0);
    xc_remark_ledger_free(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_word_diff),
        cmocka_unit_test(test_facts_agree_and_copies),
        cmocka_unit_test(test_facts_conflict_and_events),
        cmocka_unit_test(test_facts_updates),
        cmocka_unit_test(test_remarks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
