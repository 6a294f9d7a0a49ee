/* Stemming, stopwords and metadata dates. */
#include "test_util.h"

static void stems(void **state)
{
    (void)state;
    xc_stemmer *s = xc_stemmer_new("english");
    assert_non_null(s);
    struct {
        const char *word, *stem;
    } cases[] = {{"negotiations", "negoti"}, {"negotiating", "negoti"}, {"drones", "drone"},
                 {"ceasefire", "ceasefir"}, {"running", "run"}, {"zelenskyy", "zelenskyy"},
                 {"minerals", "miner"}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t n;
        const char *stem = xc_stem(s, cases[i].word, strlen(cases[i].word), &n);
        assert_int_equal(n, strlen(cases[i].stem));
        assert_memory_equal(stem, cases[i].stem, n);
    }
    xc_stemmer_free(s);
    assert_null(xc_stemmer_new("klingon"));
    xc_stemmer *de = xc_stemmer_new("german");
    assert_non_null(de);
    size_t n;
    const char *stem = xc_stem(de, "verhandlungen", 13, &n);
    assert_memory_equal(stem, "verhandl", n);
    xc_stemmer_free(de);
}

static void stopwords(void **state)
{
    (void)state;
    assert_true(xc_is_stopword("english", "the", 3));
    assert_true(xc_is_stopword("english", "but", 3));
    assert_true(xc_is_stopword(NULL, "which", 5));
    assert_false(xc_is_stopword("english", "jeddah", 6));
    assert_false(xc_is_stopword("english", "th", 2));
    assert_false(xc_is_stopword("english", "", 0));
    assert_true(xc_is_stopword("german", "und", 3));
    assert_true(xc_is_stopword("russian", "и", strlen("и")));
    assert_false(xc_is_stopword("klingon", "the", 3));
    size_t languages = 0;
    for (const char *const *l = xc_stopword_languages(); *l; l++)
        languages++;
    assert_true(languages >= 10);
}

static void check_date(const char *text, const char *iso, xc_date_precision precision)
{
    xc_date d;
    if (!xc_date_parse(text, strlen(text), &d))
        fail_msg("could not parse \"%s\"", text);
    char out[40];
    xc_date_format(&d, out, sizeof out);
    if (strcmp(out, iso) != 0)
        fail_msg("\"%s\" gave %s, expected %s", text, out, iso);
    if (d.precision != precision)
        fail_msg("\"%s\" has precision %d, expected %d", text, (int)d.precision, (int)precision);
}

static void dates(void **state)
{
    (void)state;
    check_date("2025-03-11", "2025-03-11", XC_DATE_DAY);
    check_date("2025-03-11T09:00:00Z", "2025-03-11T09:00:00Z", XC_DATE_SECOND);
    check_date("2025-03-11T09:00Z", "2025-03-11T09:00:00Z", XC_DATE_MINUTE);
    check_date("2025-03-11T11:30:00+02:00", "2025-03-11T09:30:00Z", XC_DATE_SECOND);
    check_date("2025-03-11 09:00:00.123-0500", "2025-03-11T14:00:00Z", XC_DATE_SECOND);
    check_date("2025-03", "2025-03", XC_DATE_MONTH);
    check_date("2025", "2025", XC_DATE_YEAR);
    check_date("2025/03/11", "2025-03-11", XC_DATE_DAY);
    check_date("Tue, 11 Mar 2025 09:00:00 GMT", "2025-03-11T09:00:00Z", XC_DATE_SECOND);
    check_date("Tue, 11 Mar 2025 09:00:00 +0100", "2025-03-11T08:00:00Z", XC_DATE_SECOND);
    check_date("March 11, 2025", "2025-03-11", XC_DATE_DAY);
    check_date("Mar. 11 2025", "2025-03-11", XC_DATE_DAY);
    check_date("11 March 2025", "2025-03-11", XC_DATE_DAY);
    check_date("Sept 3rd, 2024", "2024-09-03", XC_DATE_DAY);
    check_date("March 11, 2025 9:30 p.m. EST", "2025-03-12T02:30:00Z", XC_DATE_MINUTE);
    check_date("March 2025", "2025-03", XC_DATE_MONTH);
    check_date("1741683600", "2025-03-11T09:00:00Z", XC_DATE_SECOND);
    check_date("2024-02-29", "2024-02-29", XC_DATE_DAY);
    check_date("1969-07-20T20:17:00Z", "1969-07-20T20:17:00Z", XC_DATE_SECOND);

    const char *bad[] = {"", "yesterday", "2025-02-30", "2023-02-29", "2025-13-01", "03/11/2025",
                         "2025-03-11T25:00", "March 32, 2025", "11 Smarch 2025", "2025-03-11X",
                         "13:00 PM March 3, 2025"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        xc_date d;
        if (xc_date_parse(bad[i], strlen(bad[i]), &d))
            fail_msg("\"%s\" should not parse", bad[i]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(stems),
        cmocka_unit_test(stopwords),
        cmocka_unit_test(dates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
