/* The PolNeAR (brat standoff) reader and the quote scores, on texts and
 * annotations written for these tests. */
#include <sys/stat.h>

#include "test_util.h"

#include "eval/eval_quotes.h"
#include "eval/polnear.h"

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

static const xc_brat_span *span_named(const xc_brat_doc *d, const char *id)
{
    for (size_t i = 0; i < d->spans.count; i++)
        if (strcmp(d->spans.items[i].id, id) == 0)
            return &d->spans.items[i];
    return NULL;
}

static void assert_part_text(const xc_brat_doc *d, const xc_brat_span *s, size_t k, const char *expected)
{
    assert_non_null(s);
    assert_true(k < s->part_count);
    const xc_brat_part *p = &d->parts.items[s->first_part + k];
    if (p->end - p->start != strlen(expected) || memcmp(d->text + p->start, expected, p->end - p->start) != 0)
        fail_msg("part is \"%.*s\", expected \"%s\"", (int)(p->end - p->start), d->text + p->start, expected);
}

static void test_brat_offsets(void **state)
{
    (void)state;
    /* “Ça va,” dit Zoë. — curly marks and accents are one character each */
    const char *text = "\xe2\x80\x9c\xc3\x87" "a va,\xe2\x80\x9d said Zo\xc3\xab. \xe2\x80\x9c" "Fine.\xe2\x80\x9d";
    const char *ann = "T1\tContent 0 8;19 26\t"
                      "\xe2\x80\x9c\xc3\x87" "a va,\xe2\x80\x9d \xe2\x80\x9c" "Fine.\xe2\x80\x9d\n"
                      "E1\tAttribution:T4 Content:T1 Cue:T2 Source:T3\n" /* events may come before their spans */
                      "T2\tCue 9 13\tsaid\n"
                      "T3\tSource 14 17\tZo\xc3\xab\n"
                      "T4\tAttribution 9 13\tsaid\n";
    xc_brat_doc d;
    warnings w = {{0}, 0};
    xc_error err = {0};
    assert_int_equal(xc_brat_parse("mem.ann", ann, strlen(ann), text, strlen(text), &d, collect, &w, &err), XC_OK);
    assert_int_equal(w.count, 0);
    assert_int_equal(d.spans.count, 4);
    assert_int_equal(d.relations.count, 1);
    const xc_brat_span *content = span_named(&d, "T1");
    assert_string_equal(content->type, "Content");
    assert_int_equal(content->part_count, 2);
    assert_part_text(&d, content, 0, "\xe2\x80\x9c\xc3\x87" "a va,\xe2\x80\x9d");
    assert_part_text(&d, content, 1, "\xe2\x80\x9c" "Fine.\xe2\x80\x9d");
    assert_part_text(&d, span_named(&d, "T3"), 0, "Zo\xc3\xab");
    const xc_brat_relation *r = &d.relations.items[0];
    assert_ptr_equal(xc_brat_span_at(&d, r->content), content);
    assert_ptr_equal(xc_brat_span_at(&d, r->cue), span_named(&d, "T2"));
    assert_int_equal(r->source_count, 1);
    assert_ptr_equal(xc_brat_span_at(&d, r->sources[0]), span_named(&d, "T3"));
    /* the gold direct quote: marks off, both parts */
    uint32_t a, b;
    assert_true(xc_gold_direct_quote(d.text, d.parts.items + content->first_part, content->part_count, &a, &b));
    assert_int_equal(a, 3);
    assert_int_equal(b, strlen(text) - 3);
    xc_brat_doc_free(&d);
}

static void test_brat_bad_lines(void **state)
{
    (void)state;
    const char *text = "Ann said the pier would open.\nLine two.";
    const char *ann = "T1\tSource 0 3\tAnn\n"
                      "T2\tContent 9 999\ttoo far\n"          /* 2: outside the text */
                      "T3\tContent nine 12\tbad\n"             /* 3: not a number */
                      "T1\tCue 4 8\tsaid\n"                     /* 4: duplicate id */
                      "E1\tAttribution:T1 Content:T9\n"         /* 5: unknown span */
                      "T4\tContent 9 29\tthe pier would open.\n"
                      "and more text of a span that ran on\n"   /* 7: run-on, skipped quietly */
                      "#1\tAnnotatorNotes T4\tnote\n"
                      "T5\tCue\n"                               /* 9: no offsets */
                      "E2\tAttribution:T1 Source:T1\n";         /* 10: no content: skipped quietly */
    xc_brat_doc d;
    warnings w = {{0}, 0};
    xc_error err = {0};
    assert_int_equal(xc_brat_parse("bad.ann", ann, strlen(ann), text, strlen(text), &d, collect, &w, &err), XC_OK);
    assert_int_equal(w.count, 5);
    assert_int_equal(d.bad_lines, 5);
    assert_non_null(strstr(w.text, "bad.ann:2: offsets 9-999 outside the text"));
    assert_non_null(strstr(w.text, "bad.ann:3: bad offsets"));
    assert_non_null(strstr(w.text, "bad.ann:4: duplicate annotation id"));
    assert_non_null(strstr(w.text, "bad.ann:5: unknown annotation \"T9\""));
    assert_non_null(strstr(w.text, "bad.ann:9:"));
    assert_int_equal(d.spans.count, 2);
    assert_int_equal(d.relations.count, 0);
    xc_brat_doc_free(&d);
    /* text that is not UTF-8 is refused */
    assert_int_equal(xc_brat_parse("x.ann", "", 0, "\xff", 1, &d, NULL, NULL, &err), XC_ERR_UTF8);
    xc_brat_doc_free(&d);
}

static void test_gold_direct(void **state)
{
    (void)state;
    const char *t = "\xe2\x80\x9cWe won,\xe2\x80\x9d she said that \xe2\x80\x9cwe\xe2\x80\x9d did. ''Yes.'' \"No\"";
    uint32_t a, b;
    xc_brat_part direct = {0, 13}, reported = {23, 40}, typewriter = {42, 50}, ascii = {51, 55};
    assert_true(xc_gold_direct_quote(t, &direct, 1, &a, &b));
    assert_int_equal(a, 3);
    assert_int_equal(b, 10);
    assert_false(xc_gold_direct_quote(t, &reported, 1, &a, &b)); /* that “we” did */
    assert_true(xc_gold_direct_quote(t, &typewriter, 1, &a, &b));
    assert_int_equal(a, 44);
    assert_int_equal(b, 48);
    assert_true(xc_gold_direct_quote(t, &ascii, 1, &a, &b));
}

static void test_quote_scores(void **state)
{
    (void)state;
    const char *text = "0123456789 0123456789 0123456789 0123456789 0123456789";
    xc_brat_part g1[] = {{0, 10}, {22, 32}}, g1s[] = {{11, 15}};
    xc_brat_part g2[] = {{33, 54}}, g2s[] = {{0, 0}};
    xc_scored_quote gold[] = {{g1, 2, g1s, 1}, {g2, 1, g2s, 0}};
    /* p1 = g1 exactly, speaker overlapping; p2 overlaps g2 by 15 of 21 */
    xc_brat_part p1[] = {{0, 10}, {22, 32}}, p1s[] = {{14, 18}};
    xc_brat_part p2[] = {{39, 54}}, p2s[] = {{40, 41}};
    xc_brat_part p3[] = {{11, 21}};
    xc_scored_quote pred[] = {{p1, 2, p1s, 1}, {p2, 1, p2s, 1}, {p3, 1, NULL, 0}};
    xc_quote_counts c = {0};
    assert_true(xc_quote_counts_add(&c, text, gold, 2, pred, 3));
    assert_int_equal(c.gold, 2);
    assert_int_equal(c.predicted, 3);
    assert_int_equal(c.gold_pairs, 1);
    assert_int_equal(c.predicted_pairs, 2);
    assert_int_equal(c.content_exact, 1);
    assert_int_equal(c.content_overlap, 2);
    assert_int_equal(c.pair_exact, 1);
    assert_int_equal(c.pair_overlap, 1);
    /* a speaker elsewhere does not make a pair */
    xc_brat_part far[] = {{50, 52}};
    xc_scored_quote wrong[] = {{p1, 2, far, 1}};
    xc_quote_counts d = {0};
    assert_true(xc_quote_counts_add(&d, text, gold, 2, wrong, 1));
    assert_int_equal(d.content_exact, 1);
    assert_int_equal(d.pair_exact, 0);
    /* less than half of the longer one is no overlap match */
    xc_brat_part small[] = {{33, 40}};
    xc_scored_quote part[] = {{small, 1, NULL, 0}};
    xc_quote_counts e = {0};
    assert_true(xc_quote_counts_add(&e, text, gold, 2, part, 1));
    assert_int_equal(e.content_overlap, 0);
}

static void test_eval_folder(void **state)
{
    (void)state;
    char *dir = make_temp_dir();
    char path[600];
    snprintf(path, sizeof path, "%s/text", dir);
    assert_int_equal(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/attributions", dir);
    assert_int_equal(mkdir(path, 0700), 0);
    /* one article, two annotators (the first in name order counts), one
     * text without annotations */
    const char *text = "\xe2\x80\x9cWe will reopen the pier,\xe2\x80\x9d said Marta Olsen.\n\n"
                       "Olsen said the repairs were cheap.\n";
    snprintf(path, sizeof path, "%s/text/port.txt", dir);
    write_file(path, text, strlen(text));
    snprintf(path, sizeof path, "%s/text/lonely.txt", dir);
    write_file(path, "No annotations.", 15);
    const char *ann = "T1\tContent 0 26\t\xe2\x80\x9cWe will reopen the pier,\xe2\x80\x9d\n"
                      "T2\tCue 27 31\tsaid\nT3\tSource 32 43\tMarta Olsen\nT4\tAttribution 27 31\tsaid\n"
                      "E1\tAttribution:T4 Content:T1 Cue:T2 Source:T3\n"
                      "T5\tSource 46 51\tOlsen\nT6\tCue 52 56\tsaid\n"
                      "T7\tContent 57 79\tthe repairs were cheap\nT8\tAttribution 52 56\tsaid\n"
                      "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n";
    snprintf(path, sizeof path, "%s/attributions/port_aaaa.ann", dir);
    write_file(path, ann, strlen(ann));
    snprintf(path, sizeof path, "%s/attributions/port_bbbb.ann", dir);
    write_file(path, "T1\tContent 0 5\tx\n", 17);
    xc_polnear_list list;
    xc_error err = {0};
    assert_int_equal(xc_polnear_list_dir(dir, &list, &err), XC_OK);
    assert_int_equal(list.count, 1);
    assert_int_equal(list.unannotated, 1);
    assert_non_null(strstr(list.items[0].ann_path, "port_aaaa.ann"));
    xc_polnear_list_free(&list);
    xc_eval_quotes_result r;
    assert_int_equal(xc_eval_quotes(dir, &r, &err), XC_OK);
    assert_int_equal(r.files, 1);
    assert_int_equal(r.gold, 1); /* the reported speech is not a direct quote */
    assert_int_equal(r.predicted, 1);
    assert_true(r.content_exact.f1 == 1.0);
    assert_true(r.pair_exact.f1 == 1.0);
    assert_true(r.pair_overlap.precision == 1.0);
    /* a folder without the layout */
    snprintf(path, sizeof path, "%s/text", dir);
    assert_int_equal(xc_eval_quotes(path, &r, &err), XC_ERR_IO);
    assert_non_null(strstr(err.message, "cannot open folder"));
    remove_tree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_brat_offsets),
        cmocka_unit_test(test_brat_bad_lines),
        cmocka_unit_test(test_gold_direct),
        cmocka_unit_test(test_quote_scores),
        cmocka_unit_test(test_eval_folder),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
