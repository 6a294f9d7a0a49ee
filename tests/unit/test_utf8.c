#include "test_util.h"

static void valid_text(void **state)
{
    (void)state;
    const char *ok[] = {"", "plain ASCII", "Zelenskyy’s visit", "Ελληνικά", "中文", "emoji 🚀",
                        "\xF4\x8F\xBF\xBF" /* U+10FFFF */};
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
        assert_true(xc_utf8_valid(ok[i], strlen(ok[i]), NULL));
}

static void invalid_text_reports_first_bad_byte(void **state)
{
    (void)state;
    struct {
        const char *text;
        size_t len, bad;
    } cases[] = {
        {"caf\xE9 au lait", 12, 3},          /* latin-1 é */
        {"ab\xC0\xAF", 4, 2},                /* overlong '/' */
        {"x\xED\xA0\x80y", 5, 1},            /* UTF-16 surrogate D800 */
        {"\xF4\x90\x80\x80", 4, 0},          /* above U+10FFFF */
        {"ok \x80", 4, 3},                   /* lone continuation byte */
        {"cut \xE2\x80", 6, 4},              /* truncated sequence at the end */
        {"12345678901234567\xFF", 18, 17},   /* after the 8-byte ASCII fast path */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t bad = 999;
        assert_false(xc_utf8_valid(cases[i].text, cases[i].len, &bad));
        assert_int_equal(bad, cases[i].bad);
    }
}

static void repair_replaces_each_bad_byte(void **state)
{
    (void)state;
    size_t len, repairs;
    char *fixed = xc_utf8_repair("caf\xE9 \xFF\xFE ok", 10, &len, &repairs);
    assert_non_null(fixed);
    assert_int_equal(repairs, 3);
    assert_string_equal(fixed, "caf\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD ok");
    assert_int_equal(len, strlen(fixed));
    assert_true(xc_utf8_valid(fixed, len, NULL));
    free(fixed);

    fixed = xc_utf8_repair("all good ✓", strlen("all good ✓"), &len, &repairs);
    assert_int_equal(repairs, 0);
    assert_string_equal(fixed, "all good ✓");
    free(fixed);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(valid_text),
        cmocka_unit_test(invalid_text_reports_first_bad_byte),
        cmocka_unit_test(repair_replaces_each_bad_byte),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
