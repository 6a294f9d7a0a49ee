/* ROUGE against values worked out by hand, the NeuS line reader, eval
 * summary on files of our own, and the Lead, LexRank and centroid
 * baselines on small invented reports. */
#include <math.h>

#include "test_util.h"

#include "brief/brief.h"
#include "eval/neus.h"
#include "eval/rouge.h"

#define assert_near(a, b)                                                                                      \
    do {                                                                                                       \
        double a_ = (a), b_ = (b);                                                                             \
        if (fabs(a_ - b_) > 1e-9)                                                                              \
            fail_msg("%s is %.9f, expected %.9f", #a, a_, b_);                                                 \
    } while (0)

/* ---- ROUGE ----------------------------------------------------------- */

static xc_rouge_tokenizer tokenizer;

static int tokenizer_up(void **state)
{
    (void)state;
    return xc_rouge_tokenizer_init(&tokenizer, NULL) == XC_OK ? 0 : -1;
}

static int tokenizer_down(void **state)
{
    (void)state;
    xc_rouge_tokenizer_free(&tokenizer);
    return 0;
}

static xc_rouge_scores rouge_of(const char *reference, const char *candidate)
{
    xc_u32_list r = {0}, c = {0};
    assert_true(xc_rouge_tokenize(&tokenizer, reference, strlen(reference), &r));
    assert_true(xc_rouge_tokenize(&tokenizer, candidate, strlen(candidate), &c));
    xc_rouge_scores s;
    assert_true(xc_rouge_score(r.items, r.count, c.items, c.count, &s));
    free(r.items);
    free(c.items);
    return s;
}

static size_t token_count(const char *text)
{
    xc_u32_list t = {0};
    assert_true(xc_rouge_tokenize(&tokenizer, text, strlen(text), &t));
    size_t n = t.count;
    free(t.items);
    return n;
}

static void test_rouge_by_hand(void **state)
{
    (void)state;
    /* the cat sat on the mat / the cat was on the mat: 5 of 6 unigrams
     * (the twice), bigrams the-cat on-the the-mat of 5, LCS the cat on the mat */
    xc_rouge_scores s = rouge_of("the cat sat on the mat", "the cat was on the mat");
    assert_near(s.rouge1.precision, 5.0 / 6);
    assert_near(s.rouge1.recall, 5.0 / 6);
    assert_near(s.rouge1.f1, 5.0 / 6);
    assert_near(s.rouge2.f1, 3.0 / 5);
    assert_near(s.rougeL.f1, 5.0 / 6);
    /* Case, punctuation and stems: run dog / the dog run */
    s = rouge_of("Running dogs!", "the DOG runs.");
    assert_near(s.rouge1.precision, 2.0 / 3);
    assert_near(s.rouge1.recall, 1.0);
    assert_near(s.rouge1.f1, 0.8);
    assert_near(s.rouge2.f1, 0.0);
    assert_near(s.rougeL.precision, 1.0 / 3); /* LCS of [run dog] and [the dog run] is 1 */
    assert_near(s.rougeL.recall, 1.0 / 2);
    assert_near(s.rougeL.f1, 0.4);
    /* counts clipped: a a b / a a a a */
    s = rouge_of("a a b", "a a a a");
    assert_near(s.rouge1.precision, 2.0 / 4);
    assert_near(s.rouge1.recall, 2.0 / 3);
    assert_near(s.rouge2.precision, 1.0 / 3); /* a-a once of a-a a-a a-a */
    assert_near(s.rouge2.recall, 1.0 / 2);
    assert_near(s.rougeL.f1, 2 * (2.0 / 4) * (2.0 / 3) / (2.0 / 4 + 2.0 / 3));
    s = rouge_of("a a a a", "a a b"); /* and the other way round */
    assert_near(s.rouge1.precision, 2.0 / 3);
    assert_near(s.rouge1.recall, 2.0 / 4);
    /* order matters for L and 2, not for 1 */
    s = rouge_of("alpha beta gamma delta", "delta gamma beta alpha");
    assert_near(s.rouge1.f1, 1.0);
    assert_near(s.rouge2.f1, 0.0);
    assert_near(s.rougeL.f1, 0.25);
}

static void test_rouge_tokens(void **state)
{
    (void)state;
    /* only tokens longer than 3 characters are stemmed: "was" stays (Porter
     * would make it "wa"), "ties" becomes "ti" */
    assert_near(rouge_of("wa", "was").rouge1.f1, 0.0);
    assert_near(rouge_of("ti", "ties").rouge1.f1, 1.0);
    /* the original Porter algorithm: generalizations → gener */
    assert_near(rouge_of("generalizations", "generate").rouge1.f1, 1.0);
    /* every other character separates: U.S. is u s, don't is don t,
     * café is caf and a separator, 3.5% is 3 5 */
    assert_int_equal(token_count("U.S. don't caf\xc3\xa9 3.5%"), 7);
    assert_near(rouge_of("u s don t caf 3 5", "U.S. don't caf\xc3\xa9 3.5%").rougeL.f1, 1.0);
    /* Python's lower(): the Kelvin sign is k, İ is i and a separator */
    assert_near(rouge_of("5 k", "5 \xe2\x84\xaa").rouge1.f1, 1.0);
    assert_near(rouge_of("i stanbul", "\xc4\xb0stanbul").rouge2.f1, 1.0);
    assert_int_equal(token_count(""), 0);
    assert_int_equal(token_count(" -- \xe2\x80\x94 "), 0);
    /* an empty side scores 0 (and does not divide by zero) */
    xc_rouge_scores s = rouge_of("the cat", "");
    assert_near(s.rouge1.f1, 0.0);
    assert_near(s.rougeL.f1, 0.0);
    s = rouge_of("", "the cat");
    assert_near(s.rouge2.recall, 0.0);
    assert_near(s.rougeL.precision, 0.0);
}

/* ---- NeuS lines ------------------------------------------------------ */

static bool span_is(const char *s, size_t n, const char *expected)
{
    return n == strlen(expected) && memcmp(s, expected, n) == 0;
}

#define assert_span(s, n, expected)                                                                            \
    do {                                                                                                       \
        if (!span_is((s), (n), (expected)))                                                                    \
            fail_msg("span is \"%.*s\", expected \"%s\"", (int)(n), (s), (expected));                          \
    } while (0)

static void test_neus_source(void **state)
{
    (void)state;
    const char *line = "TITLE=> Pier reopens.  ARTICLE=> Crews finished on Tuesday. The pier is open. [SEP] "
                       "TITLE=>Council vote ARTICLE=>  [SEP]TITLE=> ARTICLE=> Boats are back.  ";
    xc_neus_cluster c;
    char why[200];
    assert_true(xc_neus_parse_source(line, strlen(line), &c, why, sizeof why));
    assert_int_equal(c.count, 3);
    assert_span(c.docs[0].title, c.docs[0].title_len, "Pier reopens.");
    assert_span(c.docs[0].text, c.docs[0].text_len, "Crews finished on Tuesday. The pier is open.");
    assert_span(c.docs[1].title, c.docs[1].title_len, "Council vote");
    assert_int_equal(c.docs[1].text_len, 0); /* a headline alone */
    assert_int_equal(c.docs[2].title_len, 0);
    assert_span(c.docs[2].text, c.docs[2].text_len, "Boats are back.");

    xc_neus_doc ref;
    const char *target = "TITLE=> Pier Reopens. ARTICLE=> The pier is open again.";
    assert_true(xc_neus_parse_target(target, strlen(target), &ref, why, sizeof why));
    assert_span(ref.title, ref.title_len, "Pier Reopens.");
    assert_span(ref.text, ref.text_len, "The pier is open again.");
}

static void assert_bad_source(const char *line, size_t len, const char *reason)
{
    xc_neus_cluster c;
    char why[200] = "";
    if (xc_neus_parse_source(line, len, &c, why, sizeof why))
        fail_msg("\"%s\" was read as %zu parts", line, c.count);
    if (!strstr(why, reason))
        fail_msg("\"%s\": the reason is \"%s\", expected \"%s\"", line, why, reason);
    assert_int_equal(c.count, 0);
}

static void test_neus_malformed(void **state)
{
    (void)state;
#define BAD(line, reason) assert_bad_source(line, strlen(line), reason)
    BAD("", "blank");
    BAD("   \t ", "blank");
    BAD("Pier reopens. ARTICLE=> Crews finished.", "part 1 does not start with TITLE=>");
    BAD("TITLE=> Pier reopens. Crews finished.", "part 1 has no ARTICLE=>");
    BAD("TITLE=> A ARTICLE=> b. [SEP] TITLE=> C ARTICLE=> d. TITLE=> E ARTICLE=> f.", "part 2 has TITLE=>");
    BAD("TITLE=> A ARTICLE=> b. [SEP] ", "part 2 is empty");
    BAD("TITLE=> A ARTICLE=> b. [SEP] TITLE=> ARTICLE=>", "part 2 has neither a title nor a text");
    BAD("TITLE=> Caf\xe9 ARTICLE=> b.", "invalid UTF-8: byte 0xE9 at offset 11");
    const char *nul = "TITLE=> A\0 ARTICLE=> b.";
    xc_neus_cluster c;
    char why[200];
    assert_true(xc_neus_parse_source(nul, 23, &c, why, sizeof why)); /* a NUL is a character like any */
    char many[2048] = "";
    for (int i = 0; i <= XC_NEUS_MAX_DOCS; i++)
        strcat(many, i ? " [SEP] TITLE=> A ARTICLE=> b." : "TITLE=> A ARTICLE=> b.");
    BAD(many, "more than 16 parts");
#undef BAD
    xc_neus_doc ref;
    const char *two = "TITLE=> A ARTICLE=> b. [SEP] TITLE=> C ARTICLE=> d.";
    assert_false(xc_neus_parse_target(two, strlen(two), &ref, why, sizeof why));
    assert_non_null(strstr(why, "one part"));
    assert_false(xc_neus_parse_target("ARTICLE=> b.", 12, &ref, why, sizeof why));
    assert_non_null(strstr(why, "the line does not start with TITLE=>"));
}

static void test_neus_groups(void **state)
{
    (void)state;
    const char *line = "TITLE=> Pier reopens ARTICLE=> Crews finished.  The pier is open. [SEP] "
                       "TITLE=> Pier reopens ARTICLE=> Crews finished.\tThe pier is open. [SEP] "
                       "TITLE=> Pier reopens ARTICLE=> Crews finished. The pier is open now. [SEP] "
                       "TITLE=> Pier reopens ARTICLE=> Crews  finished. The pier is open.";
    xc_neus_cluster c;
    char why[200];
    assert_true(xc_neus_parse_source(line, strlen(line), &c, why, sizeof why));
    int64_t groups[XC_NEUS_MAX_DOCS];
    xc_neus_groups(&c, groups);
    assert_int_equal(groups[0], 0);
    assert_int_equal(groups[1], 0); /* white space differs only */
    assert_int_equal(groups[2], 2); /* a word more */
    assert_int_equal(groups[3], 0);
}

/* ---- eval summary on files of our own --------------------------------- */

typedef struct warnings {
    char text[4096];
    size_t count;
} warnings;

static void collect(void *user, const char *message)
{
    warnings *w = user;
    size_t n = strlen(w->text);
    snprintf(w->text + n, sizeof w->text - n, "%s\n", message);
    w->count++;
}

static const char source_lines[] =
    "TITLE=> Harbour pier reopens after three weeks of repairs. ARTICLE=> Harbour crews reopened the north pier "
    "on Tuesday after three weeks of repairs. The director said the repairs cost less than feared. [SEP] "
    "TITLE=> Fishermen welcome the pier. ARTICLE=> Fishermen welcomed the reopening of the north pier on Tuesday. "
    "They said the closure had cost them dearly. [SEP] "
    "TITLE=> Critics call pier delay a disgrace. ARTICLE=> Critics said the three weeks of repairs to the north "
    "pier were a disgrace. The mayor promised an inquiry into the delay.\n"
    "TITLE=> Broken line ARTICLE=> This part has no separator TITLE=> Oops ARTICLE=> so it is refused.\n"
    "TITLE=> Ferry timetable changes. ARTICLE=> The island ferry will sail twice a day from Monday. Officials "
    "said demand had grown all summer. [SEP] TITLE=> More ferries for the island. ARTICLE=> Two daily sailings "
    "start on Monday as demand for the island ferry grows. [SEP] TITLE=> Ferry plan. ARTICLE=> \n";
static const char target_lines[] =
    "TITLE=> North pier reopens. ARTICLE=> The north pier reopened on Tuesday after three weeks of repairs.\n"
    "TITLE=> Something. ARTICLE=> Anything.\n"
    "TITLE=> Island ferry to sail twice a day. ARTICLE=> The island ferry will sail twice a day from Monday.\n";

static void test_eval_summary_files(void **state)
{
    (void)state;
    char *dir = make_temp_dir();
    char source[512], target[512], given[512], short_target[512];
    snprintf(source, sizeof source, "%s/t.source", dir);
    snprintf(target, sizeof target, "%s/t.target", dir);
    snprintf(given, sizeof given, "%s/given.txt", dir);
    snprintf(short_target, sizeof short_target, "%s/short.target", dir);
    write_file(source, source_lines, strlen(source_lines));
    write_file(target, target_lines, strlen(target_lines));
    /* given summaries: the first reference word for word, then a
     * longer one that is cut to the budget, and nothing */
    const char *summaries = "North pier reopens. The north pier reopened on Tuesday after three weeks of repairs.\n"
                            "whatever\n"
                            "Island ferry to sail twice a day. The island ferry will sail twice a day from Monday. "
                            "And many more words that the budget cuts off.\n";
    write_file(given, summaries, strlen(summaries));
    write_file(short_target, target_lines, strchr(target_lines, '\n') + 1 - target_lines);

    warnings w = {{0}, 0};
    const char *settings[] = {"redundancy=0.5", NULL};
    xc_eval_summary_options options = {.settings = settings, .given_path = given, .given_name = "mine",
                                       .warn = collect, .user = &w};
    xc_eval_summary_result r;
    xc_error err = {0};
    assert_int_equal(xc_eval_summary(source, target, &options, &r, &err), XC_OK);
    assert_int_equal(r.clusters, 2);
    assert_int_equal(r.failed, 1);
    assert_int_equal(w.count, 1);
    char expected[600];
    snprintf(expected, sizeof expected, "%s:2: part 1 has TITLE=> or ARTICLE=> twice", source);
    if (!strstr(w.text, expected))
        fail_msg("warnings: %s", w.text);
    assert_near(r.reference_words, (14.0 + 17.0) / 2);
    assert_int_equal(r.system_count, 5);
    const char *names[] = {"crosscheck", "lead", "lexrank", "centroid", "mine"};
    for (size_t k = 0; k < 5; k++) {
        assert_string_equal(r.systems[k].name, names[k]);
        assert_true(r.systems[k].rouge1.f1 > 0.2 && r.systems[k].rouge1.f1 <= 1.0);
        assert_true(r.systems[k].words <= r.reference_words);
    }
    assert_near(r.systems[4].rouge1.f1, 1.0);
    assert_near(r.systems[4].rougeL.f1, 1.0);
    assert_near(r.systems[4].words, r.reference_words);

    /* --limit: the first line only */
    options.limit = 1;
    assert_int_equal(xc_eval_summary(source, target, &options, &r, &err), XC_OK);
    assert_int_equal(r.clusters, 1);
    assert_int_equal(r.failed, 0);
    options.limit = 0;

    /* files that do not pair */
    assert_int_equal(xc_eval_summary(source, short_target, &options, &r, &err), XC_ERR_FORMAT);
    assert_non_null(strstr(err.message, "has 3 lines"));
    assert_non_null(strstr(err.message, "has 1"));
    options.given_path = short_target;
    assert_int_equal(xc_eval_summary(source, target, &options, &r, &err), XC_ERR_FORMAT);
    options.given_path = NULL;
    /* a bad setting, a missing file */
    const char *bad[] = {"nonsense=1", NULL};
    options.settings = bad;
    assert_int_equal(xc_eval_summary(source, target, &options, &r, &err), XC_ERR_ARG);
    options.settings = NULL;
    snprintf(given, sizeof given, "%s/missing.source", dir);
    assert_int_equal(xc_eval_summary(given, target, &options, &r, &err), XC_ERR_IO);
    remove_tree(dir);
    free(dir);
}

/* ---- baselines ------------------------------------------------------- */

typedef struct fixture {
    xc_stemmer *stemmer;
    xc_units units;
    xc_summary_doc docs[4];
    size_t count;
    xc_u32_list picked;
} fixture;

static void build(fixture *f, const char *const *texts, size_t count, unsigned flags)
{
    f->stemmer = xc_stemmer_new("english");
    assert_non_null(f->stemmer);
    memset(&f->units, 0, sizeof f->units);
    f->count = count;
    for (size_t d = 0; d < count; d++)
        f->docs[d] = (xc_summary_doc){.text = texts[d], .text_len = strlen(texts[d]), .group = (int64_t)d,
                                      .outlet = (uint32_t)d, .ts = INT64_MIN};
    f->picked = (xc_u32_list){0};
    assert_int_equal(xc_units_build(&f->units, f->stemmer, f->docs, count, flags), XC_OK);
}

static void release(fixture *f)
{
    xc_units_free(&f->units);
    xc_stemmer_free(f->stemmer);
    free(f->picked.items);
}

/* The picked units as "doc.position" (t for a title), space-separated. */
static const char *picks(const fixture *f)
{
    static char out[256];
    out[0] = '\0';
    for (size_t i = 0; i < f->picked.count; i++) {
        const xc_unit *u = &f->units.units.items[f->picked.items[i]];
        size_t n = strlen(out);
        snprintf(out + n, sizeof out - n, "%s%u.%s%u", i ? " " : "", u->doc, u->title ? "t" : "", u->position);
    }
    return out;
}

static size_t picked_words(const fixture *f)
{
    size_t n = 0;
    for (size_t i = 0; i < f->picked.count; i++)
        n += f->units.units.items[f->picked.items[i]].words;
    return n;
}

/* Three reports of six-word sentences, and a shorter one in each. */
static const char *const pier_texts[] = {
    "Crews reopened the north pier today. Work took three weeks in all. Ships are back. The mayor thanked "
    "the crews warmly.",
    "Boats queued early at the pier. Fishermen said the closure cost money. Few complained. Prices may fall "
    "next week now.",
    "The council met about the pier. Critics called the delay a disgrace. Delay was long. An inquiry will "
    "start in May.",
};

static void test_lead(void **state)
{
    (void)state;
    fixture f;
    build(&f, pier_texts, 3, 0);
    /* first sentences in turn, then the second ones: 4 × 6 words fit 26 */
    assert_int_equal(xc_summarize_lead(&f.units, f.docs, f.count, 26, &f.picked), XC_OK);
    assert_string_equal(picks(&f), "0.0 0.1 1.0 2.0");
    /* the four-word sentences are never taken, whatever the budget */
    assert_int_equal(xc_summarize_lead(&f.units, f.docs, f.count, 1000, &f.picked), XC_OK);
    assert_string_equal(picks(&f), "0.0 0.1 0.3 1.0 1.1 1.3 2.0 2.1 2.3");
    /* the budget: words add up to at most it ... */
    for (size_t budget = 6; budget < 60; budget++) {
        assert_int_equal(xc_summarize_lead(&f.units, f.docs, f.count, budget, &f.picked), XC_OK);
        assert_true(picked_words(&f) <= budget);
        assert_int_equal(f.picked.count, budget / 6 < 9 ? budget / 6 : 9);
    }
    /* ... except that the first unit may be longer than the budget */
    assert_int_equal(xc_summarize_lead(&f.units, f.docs, f.count, 3, &f.picked), XC_OK);
    assert_string_equal(picks(&f), "0.0");
    /* a copy of an earlier report is not read again */
    f.docs[1].group = 0;
    assert_int_equal(xc_summarize_lead(&f.units, f.docs, f.count, 18, &f.picked), XC_OK);
    assert_string_equal(picks(&f), "0.0 0.1 2.0");
    release(&f);
}

static void test_lead_titles(void **state)
{
    (void)state;
    fixture f;
    build(&f, pier_texts, 2, 0);
    f.docs[0].title = "North pier reopens after long repairs";
    f.docs[0].title_len = strlen(f.docs[0].title);
    f.docs[1].title = "Boats return"; /* too short to count */
    f.docs[1].title_len = strlen(f.docs[1].title);
    assert_int_equal(xc_units_build(&f.units, f.stemmer, f.docs, f.count, XC_UNITS_TITLES), XC_OK);
    assert_int_equal(xc_summarize_lead(&f.units, f.docs, f.count, 18, &f.picked), XC_OK);
    assert_string_equal(picks(&f), "0.t0 0.0 1.0");
    release(&f);
}

/* The same fact in three reports (twice word for word), and sentences on
 * other things: the scored baselines take the fact once. */
static const char *const ferry_texts[] = {
    "The island ferry will sail twice daily from Monday. Ticket prices stay the same for residents.",
    "The island ferry will sail twice daily from Monday. A new café opened near the harbour steps.",
    "From Monday the island ferry will sail twice daily. The old timetable had one sailing each day.",
};

static void test_scored_baselines(void **state)
{
    (void)state;
    xc_summarizer methods[] = {xc_summarize_lexrank, xc_summarize_centroid};
    for (size_t m = 0; m < 2; m++) {
        fixture f;
        build(&f, ferry_texts, 3, 0);
        assert_int_equal(f.units.units.count, 6);
        assert_true(xc_units_similarity(&f.units, 0, 2) >= 0.99); /* word for word */
        assert_true(xc_units_similarity(&f.units, 0, 4) >= 0.5);
        /* the shared fact is the most central: alone it fills a budget of its length */
        assert_int_equal(methods[m](&f.units, f.docs, f.count, 9, &f.picked), XC_OK);
        assert_int_equal(f.picked.count, 1);
        assert_int_equal(f.units.units.items[f.picked.items[0]].position, 0);
        /* with room for everything, the fact is still there once only */
        assert_int_equal(methods[m](&f.units, f.docs, f.count, 1000, &f.picked), XC_OK);
        size_t facts = 0;
        for (size_t i = 0; i < f.picked.count; i++)
            facts += f.units.units.items[f.picked.items[i]].position == 0;
        assert_int_equal(facts, 1);
        assert_int_equal(f.picked.count, 4);
        /* in reading order */
        for (size_t i = 1; i < f.picked.count; i++)
            assert_true(f.picked.items[i - 1] < f.picked.items[i]);
        /* the budget holds */
        for (size_t budget = 9; budget < 40; budget++) {
            assert_int_equal(methods[m](&f.units, f.docs, f.count, budget, &f.picked), XC_OK);
            assert_true(picked_words(&f) <= budget);
        }
        /* nothing to pick from */
        assert_int_equal(xc_units_build(&f.units, f.stemmer, f.docs, 0, 0), XC_OK);
        assert_int_equal(methods[m](&f.units, f.docs, 0, 50, &f.picked), XC_OK);
        assert_int_equal(f.picked.count, 0);
        release(&f);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_rouge_by_hand, tokenizer_up, tokenizer_down),
        cmocka_unit_test_setup_teardown(test_rouge_tokens, tokenizer_up, tokenizer_down),
        cmocka_unit_test(test_neus_source),
        cmocka_unit_test(test_neus_malformed),
        cmocka_unit_test(test_neus_groups),
        cmocka_unit_test(test_eval_summary_files),
        cmocka_unit_test(test_lead),
        cmocka_unit_test(test_lead_titles),
        cmocka_unit_test(test_scored_baselines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
