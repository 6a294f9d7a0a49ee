/* Dates in text: the temporal expression recogniser and normaliser on
 * sentences written for these tests, anchored at Tuesday 2025-03-11 (and
 * at no date at all); inferring an article's date from its text; the
 * TimeML reader and the date scores on small invented TimeML files. */
#include "test_util.h"

#include <math.h>

#include "eval/eval_dates.h"
#include "eval/timeml.h"
#include "temporal/calendar.h"
#include "temporal/lexicon.h"
#include "temporal/tvalue.h"

#define assert_near(a, b) assert_true(fabs((a) - (b)) < 1e-9)

static xc_date day(int y, int m, int d)
{
    xc_date date = {xc_days_from_civil(y, m, d) * 86400, XC_DATE_DAY};
    return date;
}

/* Every expression of `text` as "text=value" (TYPE: prefix unless DATE),
 * joined by " | ". */
static char *dates_of(const char *text, const xc_date *anchor)
{
    xc_timex_list list = {0};
    assert_int_equal(xc_find_dates(text, strlen(text), anchor, &list), XC_OK);
    size_t cap = 64 + strlen(text) * 2 + list.count * 64;
    char *out = calloc(1, cap);
    size_t n = 0;
    for (size_t i = 0; i < list.count; i++) {
        const xc_timex *t = &list.items[i];
        assert_true(t->start < t->end && t->end <= strlen(text));
        if (i)
            assert_true(t->start >= list.items[i - 1].end);
        n += (size_t)snprintf(out + n, cap - n, "%s%s%s%.*s=%s", i ? " | " : "",
                              t->type == XC_TIMEX_DATE ? "" : xc_timex_type_name(t->type),
                              t->type == XC_TIMEX_DATE ? "" : ":", (int)(t->end - t->start), text + t->start,
                              t->value);
    }
    xc_timex_list_free(&list);
    return out;
}

#define assert_dates(text, anchor, expected)                                                       \
    do {                                                                                           \
        char *got_ = dates_of(text, anchor);                                                       \
        assert_string_equal(got_, expected);                                                       \
        free(got_);                                                                                \
    } while (0)

static const xc_date tuesday = {20158 * 86400, XC_DATE_DAY}; /* 2025-03-11 */

static void calendar(void **state)
{
    (void)state;
    assert_int_equal(xc_days_from_civil(2025, 3, 11), 20158);
    assert_int_equal(xc_weekday(20158), 2);
    int y, w;
    xc_iso_week(xc_days_from_civil(2025, 3, 11), &y, &w);
    assert_int_equal(y, 2025), assert_int_equal(w, 11);
    xc_iso_week(xc_days_from_civil(2021, 1, 3), &y, &w);
    assert_int_equal(y, 2020), assert_int_equal(w, 53);
    xc_iso_week(xc_days_from_civil(2024, 12, 30), &y, &w);
    assert_int_equal(y, 2025), assert_int_equal(w, 1);
    assert_int_equal(xc_iso_week_monday(2025, 11), xc_days_from_civil(2025, 3, 10));
    assert_true(xc_valid_day(2024, 2, 29));
    assert_false(xc_valid_day(2025, 2, 29));
    /* values: shifting and printing */
    char v[32];
    xc_tval q = xc_tval_from_days(xc_days_from_civil(2025, 1, 15), XC_G_QUARTER);
    q = xc_tval_shift(q, -1);
    xc_tval_format(&q, v, sizeof v);
    assert_string_equal(v, "2024-Q4");
    xc_tval leap = xc_tval_from_days(xc_days_from_civil(2024, 2, 29), XC_G_DAY);
    leap = xc_tval_shift_years(leap, 1);
    xc_tval_format(&leap, v, sizeof v);
    assert_string_equal(v, "2025-02-28");
    xc_tval x = xc_tval_unknown(XC_G_DAY);
    x.weekday = 5;
    xc_tval_format(&x, v, sizeof v);
    assert_string_equal(v, "XXXX-WXX-5");
    xc_tval far = xc_tval_from_days(xc_days_from_civil(9999, 6, 1), XC_G_YEAR);
    far = xc_tval_shift(far, 5);
    xc_tval_format(&far, v, sizeof v);
    assert_string_equal(v, "XXXX"); /* out of range: unknown, never five digits */
}

static void lexicon_sorted(void **state)
{
    (void)state;
    size_t n;
    const xc_lex *t = xc_lex_table(&n);
    for (size_t i = 1; i < n; i++)
        assert_true(strcmp(t[i - 1].word, t[i].word) < 0);
    for (size_t i = 0; i < n; i++)
        assert_ptr_equal(xc_lex_lookup(t[i].word, strlen(t[i].word)), &t[i]);
    assert_int_equal(xc_lex_lookup("FEBRUARY", 8)->month, 2);
    assert_int_equal(xc_lex_lookup("Thu", 3)->weekday, 4);
    assert_null(xc_lex_lookup("caf\xc3\xa9", 5));
    assert_null(xc_lex_lookup("", 0));
}

static void absolute_dates(void **state)
{
    (void)state;
    assert_dates("The talks ended on February 28 after a round on Feb. 18.", &tuesday,
                 "February 28=2025-02-28 | Feb. 18=2025-02-18");
    assert_dates("A new round opened 11 March 2025 in Riga.", &tuesday, "11 March 2025=2025-03-11");
    assert_dates("Elections were held on Sunday, March 9, 2025, and again on the 3rd of May 2020.", &tuesday,
                 "Sunday, March 9, 2025=2025-03-09 | the 3rd of May 2020=2020-05-03");
    assert_dates("The law dates from 2014.", &tuesday, "2014=2014");
    assert_dates("It was signed on March 3rd and ratified in March.", &tuesday,
                 "March 3rd=2025-03-03 | March=2025-03");
    /* a year written just before counts for a month without one */
    assert_dates("Prices fell in October 2024 and in May.", &tuesday, "October 2024=2024-10 | May=2024-05");
    assert_dates("Prices fell in October 2024. They meet in May.", &tuesday, "October 2024=2024-10 | May=2025-05");
    assert_dates("It happened on 2025-03-01 at the port.", &tuesday, "2025-03-01=2025-03-01");
    assert_dates("Posted 2025-03-01T09:30Z.", &tuesday, "TIME:2025-03-01T09:30Z=2025-03-01T09:30");
    assert_dates("Filed 13/02/2025, amended 02/13/2025, read 03/04/2025.", &tuesday,
                 "13/02/2025=2025-02-13 | 02/13/2025=2025-02-13 | 03/04/2025=2025-XX-XX");
    assert_dates("In fiscal 1989 and the year 2000, and in nineteen ninety-six.", &tuesday,
                 "fiscal 1989=1989 | the year 2000=2000 | nineteen ninety-six=1996");
    assert_dates("A fad of the 1990s, the '80s and the nineties, of the 20th century.", &tuesday,
                 "the 1990s=199 | the '80s=198 | the nineties=199 | the 20th century=19");
    /* what is not a date */
    assert_dates("Some 2000 people and $1990 and 1,988 tonnes; may march in August Wilson's play.", &tuesday, "");
    assert_dates("He may stay. The March on Rome. Version 2.2025 and 10:1995.", &tuesday, "");
}

static void relative_dates(void **state)
{
    (void)state;
    assert_dates("On Monday the envoys met; yesterday they signed, and last week they agreed.", &tuesday,
                 "Monday=2025-03-10 | yesterday=2025-03-10 | last week=2025-W10");
    assert_dates("Three years ago no one spoke; 11 years ago the war began.", &tuesday,
                 "Three years ago=2022 | 11 years ago=2014");
    assert_dates("This week, next year, last month and this summer.", &tuesday,
                 "This week=2025-W11 | next year=2026 | last month=2025-02 | this summer=2025-SU");
    assert_dates("Sales rose in the third quarter and in the first quarter of 2024.", &tuesday,
                 "the third quarter=2024-Q3 | the first quarter of 2024=2024-Q1");
    assert_dates("Its fourth quarter beat this year's first half and last spring.", &tuesday,
                 "fourth quarter=2024-Q4 | this year's first half=2025-H1 | last spring=2024-SP");
    assert_dates("Today, tomorrow and tonight; this morning and last night.", &tuesday,
                 "Today=2025-03-11 | tomorrow=2025-03-12 | TIME:tonight=2025-03-11TNI | "
                 "TIME:this morning=2025-03-11TMO | TIME:last night=2025-03-10TNI");
    assert_dates("Late last month, early next year, mid-2024 and the mid-1990s.", &tuesday,
                 "Late last month=2025-02 | early next year=2026 | mid-2024=2024 | the mid-1990s=199");
    assert_dates("Earlier this month the plan was revised, two weeks ago.", &tuesday,
                 "Earlier this month=2025-03 | two weeks ago=2025-02-25");
    assert_dates("It will reopen at the weekend. Prices fell over the weekend.", &tuesday,
                 "the weekend=2025-W11-WE | the weekend=2025-W10-WE");
}

static void discourse(void **state)
{
    (void)state;
    /* "a year earlier" counts from the date last mentioned ... */
    assert_dates("The bridge opened in June 2019. A year earlier, the plans were drawn.", &tuesday,
                 "June 2019=2019-06 | A year earlier=2018-06");
    assert_dates("The crisis began in 2014, in March, and the following year it ended.", &tuesday,
                 "2014=2014 | March=2014-03 | the following year=2015");
    /* ... but a comparison is with the present period */
    assert_dates("Profit rose in the third quarter, compared with a loss a year earlier.", &tuesday,
                 "the third quarter=2024-Q3 | a year earlier=2023-Q3");
    assert_dates("Net rose in the third quarter. In the year-earlier quarter it fell; year-earlier sales rose.",
                 &tuesday, "the third quarter=2024-Q3 | the year-earlier quarter=2023-Q3 | year-earlier=2023-Q3");
}

static void vague_references(void **state)
{
    (void)state;
    assert_dates("Prices are now high and currently rising; the current chairman agrees.", &tuesday,
                 "now=PRESENT_REF | currently=PRESENT_REF | current=PRESENT_REF");
    assert_dates("They recently fell, as in the past, and in recent years.", &tuesday,
                 "recently=PAST_REF | the past=PAST_REF | recent years=PAST_REF");
    assert_dates("In the future, and soon, in coming months.", &tuesday,
                 "the future=FUTURE_REF | soon=FUTURE_REF | coming months=FUTURE_REF");
    assert_dates("Several years ago the firm was smaller.", &tuesday, "Several years ago=PAST_REF");
    /* not dates */
    assert_dates("The previously announced sale; soon after the vote; future earnings.", &tuesday, "");
}

static void tense(void **state)
{
    (void)state;
    assert_dates("The ministers will meet on Friday.", &tuesday, "Friday=2025-03-14");
    assert_dates("The ministers met on Friday.", &tuesday, "Friday=2025-03-07");
    assert_dates("The ministers are in Riga. Friday was calm.", &tuesday, "Friday=2025-03-07");
    assert_dates("The vote is on Tuesday.", &tuesday, "Tuesday=2025-03-11");
    assert_dates("Talks resume next Monday, not last Monday.", &tuesday,
                 "next Monday=2025-03-17 | last Monday=2025-03-10");
    /* the nearest year, unless the tense says otherwise */
    assert_dates("The dividend is payable Jan. 2.", &tuesday, "Jan. 2=2025-01-02");
    assert_dates("The fiscal year ended Sept. 30.", &tuesday, "Sept. 30=2024-09-30");
    assert_dates("The merger will close in November.", &tuesday, "November=2025-11");
    assert_dates("The merger closed in November.", &tuesday, "November=2024-11");
}

static void durations_sets_times(void **state)
{
    (void)state;
    assert_dates("It lasted three years and a five-year plan, for years.", &tuesday,
                 "DURATION:three years=P3Y | DURATION:five-year=P5Y | DURATION:years=PXY");
    assert_dates("In the first nine months and the past two weeks.", &tuesday,
                 "DURATION:the first nine months=P9M | DURATION:the past two weeks=P2W");
    assert_dates("They meet every week, each July and every Monday, twice a year.", &tuesday,
                 "SET:every week=P1W | SET:each July=XXXX-07 | SET:every Monday=XXXX-WXX-1 | SET:a year=P1Y");
    assert_dates("The deal closed at 10:30 a.m. EST on March 5, and at noon Friday.", &tuesday,
                 "TIME:10:30 a.m. EST on March 5=2025-03-05T10:30 | TIME:noon Friday=2025-03-07T12:00");
    assert_dates("A second round; a 10-year-old boy.", &tuesday, "");
}

static void unknown_anchor(void **state)
{
    (void)state;
    assert_dates("On March 11 and Friday, yesterday, last week, in May, two years ago, the third quarter.", NULL,
                 "March 11=XXXX-03-11 | Friday=XXXX-WXX-5 | yesterday=XXXX-XX-XX | last week=XXXX-WXX | "
                 "May=XXXX-05 | two years ago=XXXX | the third quarter=XXXX-Q3");
    xc_date none = {0, XC_DATE_NONE};
    assert_dates("Signed March 3, 2025, and now.", &none, "March 3, 2025=2025-03-03 | now=PRESENT_REF");
}

static void any_bytes(void **state)
{
    (void)state;
    xc_timex_list list = {0};
    assert_int_equal(xc_find_dates(NULL, 0, &tuesday, &list), XC_OK);
    assert_int_equal(list.count, 0);
    const char weird[] = "\xff\xfe March \xe2\x80\x99" "80s 99999999999 years ago 0th of May 31 February 2025 "
                         "mid- the the the - - 's 9999-99-99 Feb. 29 1/1/1 Q Q5 FY 12:99 p.m. 0 a.m.";
    assert_int_equal(xc_find_dates(weird, sizeof weird - 1, &tuesday, &list), XC_OK);
    for (size_t i = 0; i < list.count; i++)
        assert_true(list.items[i].end <= sizeof weird - 1 && list.items[i].value[0]);
    xc_timex_list_free(&list);
    assert_dates("It ended 99999 years ago.", &tuesday, "99999 years ago=XXXX");
    assert_dates("Born Feb. 29.", &tuesday, "Feb. 29=2024-02-29");
    xc_date far = day(9999, 12, 31);
    assert_dates("Tomorrow, next year.", &far, "Tomorrow=XXXX-XX-XX | next year=XXXX");
}

/* ---- inferring the article's date ---- */

static xc_status infer(const char *text, char *day_out, char *evidence)
{
    xc_date d;
    xc_status st = xc_infer_document_date(text, strlen(text), &d, evidence, 200);
    if (st == XC_OK)
        xc_date_format(&d, day_out, 32);
    else
        day_out[0] = '\0';
    return st;
}

static void inference(void **state)
{
    (void)state;
    char d[32], ev[200];
    const char *lead = "Ministers met in Riga.\nThey talked.\nThey ate.\nThey left.\n\n";
    char text[400];
    snprintf(text, sizeof text, "%sOn Tuesday, March 11, 2025, the ministers met again.", lead);
    assert_int_equal(infer(text, d, ev), XC_OK);
    assert_string_equal(d, "2025-03-11");
    assert_non_null(strstr(ev, "weekday"));
    /* the weekday does not fit: March 11, 2025 was a Tuesday */
    snprintf(text, sizeof text, "%sOn Monday, March 11, 2025, they met again.", lead);
    assert_int_equal(infer(text, d, ev), XC_ERR_NOT_FOUND);
    assert_string_equal(ev, "");
    /* two weekday-dates naming different days: no way to choose */
    snprintf(text, sizeof text, "%sOn Monday, March 10, 2025, they met; on Tuesday, March 11, 2025, they signed.",
             lead);
    assert_int_equal(infer(text, d, ev), XC_ERR_NOT_FOUND);
    /* "today (March 11)" and a year nearby */
    assert_int_equal(infer("A quiet start to spring.\n\nThe council, which was elected in 2025, votes today "
                           "(March 11) on the budget.",
                           d, ev),
                     XC_OK);
    assert_string_equal(d, "2025-03-11");
    assert_non_null(strstr(ev, "today"));
    /* a dateline */
    assert_int_equal(infer("RIGA, March 11, 2025 - Ministers met on Monday.", d, ev), XC_OK);
    assert_string_equal(d, "2025-03-11");
    assert_non_null(strstr(ev, "dateline"));
    /* "today" and the dateline disagree */
    assert_int_equal(infer("RIGA, March 10, 2025 - The council votes today (March 11).", d, ev), XC_ERR_NOT_FOUND);
    /* a header line */
    assert_int_equal(infer("Title: Budget vote\nDate: 2025-03-11T09:00:00Z\n\nThe council voted.", d, ev), XC_OK);
    assert_string_equal(d, "2025-03-11");
    assert_non_null(strstr(ev, "header"));
    /* nothing to go by */
    assert_int_equal(infer("The council voted on Tuesday. It met in March.", d, ev), XC_ERR_NOT_FOUND);
    assert_int_equal(infer("", d, ev), XC_ERR_NOT_FOUND);
    assert_int_equal(infer("The council votes today (March 11).", d, ev), XC_ERR_NOT_FOUND); /* no year */
}

/* ---- TimeML ---- */

static const char tml_a[] =
    "<?xml version=\"1.0\" ?>\n"
    "<TimeML>\n"
    "<DOCID>TEST1</DOCID>\n"
    "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2025-03-11\" functionInDocument=\"CREATION_TIME\">"
    "20250311</TIMEX3></DCT>\n"
    "<TEXT>\n"
    "The council <EVENT eid=\"e1\">met</EVENT> <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2025-03-10\">"
    "yesterday</TIMEX3> &amp; will vote <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2025-03-14\">Friday</TIMEX3>"
    " for <TIMEX3 tid=\"t3\" type=\"DURATION\" value=\"P2H\">two hours</TIMEX3>. It was "
    "<TIMEX3 tid=\"t4\" type=\"DATE\" value=\"2024-Q3\">the third quarter</TIMEX3>.\n"
    "</TEXT>\n"
    "<TLINK lid=\"l1\" relType=\"BEFORE\" eventInstanceID=\"ei1\" relatedToTime=\"t0\"/>\n"
    "</TimeML>\n";

static void timeml_reader(void **state)
{
    (void)state;
    xc_timeml_doc doc;
    xc_error err = {0};
    assert_int_equal(xc_timeml_parse("a.tml", tml_a, sizeof tml_a - 1, &doc, &err), XC_OK);
    assert_string_equal(doc.name, "TEST1");
    assert_string_equal(doc.dct, "2025-03-11");
    assert_string_equal(doc.text, "\nThe council met yesterday & will vote Friday for two hours. It was the third "
                                  "quarter.\n");
    assert_int_equal(doc.timex_count, 4);
    const xc_timeml_timex *t = doc.timexes;
    assert_string_equal(t[0].tid, "t1");
    assert_int_equal(t[0].end - t[0].start, 9);
    assert_memory_equal(doc.text + t[0].start, "yesterday", 9);
    assert_memory_equal(doc.text + t[1].start, "Friday", 6);
    assert_string_equal(t[2].type, "DURATION");
    assert_string_equal(t[3].value, "2024-Q3");
    assert_int_equal(t[3].line, 6);
    xc_timeml_doc_free(&doc);

    /* errors name the file and the line */
    const char bad[] = "<TimeML>\n<TEXT>\n<TIMEX3 tid=\"t1\">x</TEXT>\n</TimeML>\n";
    assert_int_equal(xc_timeml_parse("bad.tml", bad, sizeof bad - 1, &doc, &err), XC_ERR_FORMAT);
    assert_non_null(strstr(err.message, "bad.tml:3:"));
    assert_null(doc.text);
    const char no_text[] = "<TimeML><DCT/></TimeML>";
    assert_int_equal(xc_timeml_parse("n.tml", no_text, sizeof no_text - 1, &doc, &err), XC_ERR_FORMAT);
    assert_non_null(strstr(err.message, "no <TEXT>"));
    const char doctype[] = "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><TimeML><TEXT>&a;</TEXT></TimeML>";
    assert_int_equal(xc_timeml_parse("d.tml", doctype, sizeof doctype - 1, &doc, &err), XC_ERR_FORMAT);
    assert_non_null(strstr(err.message, "DOCTYPE"));
    assert_int_equal(xc_timeml_read("/nonexistent/x.tml", &doc, &err), XC_ERR_IO);
    assert_non_null(strstr(err.message, "/nonexistent/x.tml"));
}

static void eval_scores(void **state)
{
    (void)state;
    char *dir = make_temp_dir();
    char path[600];
    snprintf(path, sizeof path, "%s/a.tml", dir);
    write_file(path, tml_a, sizeof tml_a - 1);
    /* b: one date found with the wrong span and value, one missed */
    const char tml_b[] = "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2025-03-11\" "
                         "functionInDocument=\"CREATION_TIME\">x</TIMEX3></DCT><TEXT>"
                         "It rose <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2024\">last</TIMEX3> year, "
                         "<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"PAST_REF\">then</TIMEX3>.</TEXT></TimeML>";
    snprintf(path, sizeof path, "%s/b.tml", dir);
    write_file(path, tml_b, sizeof tml_b - 1);
    snprintf(path, sizeof path, "%s/c.tml", dir);
    write_file(path, "<TimeML><TEXT>", 14); /* unreadable */
    xc_eval_dates_result r;
    xc_error err = {0};
    assert_int_equal(xc_eval_dates(dir, &r, &err), XC_OK);
    assert_int_equal(r.files, 2);
    assert_int_equal(r.failed_files, 1);
    /* gold DATEs: yesterday, Friday, the third quarter, last, then = 5;
     * found DATEs: yesterday, Friday, the third quarter, last year = 4 */
    assert_int_equal(r.gold, 5);
    assert_int_equal(r.predicted, 4);
    assert_int_equal(r.strict_match, 3);
    assert_int_equal(r.relaxed_gold, 4);
    assert_int_equal(r.relaxed_predicted, 4);
    assert_int_equal(r.value_correct, 4); /* "last year" overlaps gold "last" with its value */
    assert_near(r.strict_p, 3.0 / 4);
    assert_near(r.strict_r, 3.0 / 5);
    assert_near(r.relaxed_r, 4.0 / 5);
    assert_near(r.value_accuracy, 4.0 / 5);
    assert_int_equal(xc_eval_dates("/nonexistent-dir", &r, &err), XC_ERR_NOT_FOUND);
    remove_tree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(calendar),       cmocka_unit_test(lexicon_sorted), cmocka_unit_test(absolute_dates),
        cmocka_unit_test(relative_dates), cmocka_unit_test(discourse),      cmocka_unit_test(vague_references),
        cmocka_unit_test(tense),          cmocka_unit_test(durations_sets_times),
        cmocka_unit_test(unknown_anchor), cmocka_unit_test(any_bytes),      cmocka_unit_test(inference),
        cmocka_unit_test(timeml_reader),  cmocka_unit_test(eval_scores),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
