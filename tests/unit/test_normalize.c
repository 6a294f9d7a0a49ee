#include "test_util.h"

static char *norm(const char *s, unsigned forms)
{
    size_t len;
    char *out = xc_normalize(s, strlen(s), forms, &len, NULL);
    assert_non_null(out);
    assert_int_equal(strlen(out), len);
    return out;
}

#define assert_norm(input, forms, expected)                                                        \
    do {                                                                                           \
        char *got_ = norm(input, forms);                                                           \
        assert_string_equal(got_, expected);                                                       \
        free(got_);                                                                                \
    } while (0)

static void composition(void **state)
{
    (void)state;
    assert_norm("Cafe\xCC\x81", XC_NORM_NFC, "Café");                 /* e + U+0301 → é */
    assert_norm("Café", XC_NORM_NFC, "Café");                         /* already composed */
    assert_norm("\xEF\xAC\x81nance", XC_NORM_NFKC, "finance");         /* ﬁ ligature */
    assert_norm("\xEF\xAC\x81nance", XC_NORM_NFC, "\xEF\xAC\x81nance"); /* NFC keeps it */
    assert_norm("q\xCC\xA3\xCC\x87", XC_NORM_NFC, "q\xCC\xA3\xCC\x87"); /* marks in canonical order */
    assert_norm("q\xCC\x87\xCC\xA3", XC_NORM_NFC, "q\xCC\xA3\xCC\x87"); /* ... reordered */
    assert_norm("x\xCC\xA3\xCC\x87", XC_NORM_NFC, "\xE1\xBA\x8B\xCC\xA3"); /* ẋ + dot below */
    assert_norm("\xE1\x84\x80\xE1\x85\xA1", XC_NORM_NFC, "가");        /* Hangul jamo compose */
}

static void folding(void **state)
{
    (void)state;
    assert_norm("Straße", XC_NORM_CASEFOLD, "strasse");
    assert_norm("ZELENSKYY", XC_NORM_CASEFOLD, "zelenskyy");
    assert_norm("Ελλάδα", XC_NORM_FOLD, "ελλαδα");
    assert_norm("Zelenśkyj Ångström", XC_NORM_FOLD, "zelenskyj angstrom");
    assert_norm("İstanbul", XC_NORM_FOLD, "istanbul");
}

static void punctuation(void **state)
{
    (void)state;
    assert_norm("“Realistic” ‘proposals’ — Kyiv–Moscow…", XC_NORM_PUNCT,
                "\"Realistic\" 'proposals' - Kyiv-Moscow...");
    assert_norm("Zelenskyy’s «truce» „Frieden“", XC_NORM_PUNCT,
                "Zelenskyy's \"truce\" \"Frieden\"");
    assert_norm("soft\xC2\xADhyphen zero\xE2\x80\x8Bwidth", XC_NORM_PUNCT, "softhyphen zerowidth");
}

static void white_space(void **state)
{
    (void)state;
    assert_norm("  one\t\ttwo\n\nthree\xC2\xA0" "four  ", XC_NORM_SPACE, "one two three four");
    assert_norm("\n\n", XC_NORM_SPACE, "");
}

static void offsets_point_into_the_original(void **state)
{
    (void)state;
    const char *text = "“Café”  Zelenskyy’s";
    size_t len;
    uint32_t *map = NULL;
    char *out = xc_normalize(text, strlen(text), XC_NORM_FOLD | XC_NORM_SPACE, &len, &map);
    assert_string_equal(out, "\"cafe\" zelenskyy's");
    assert_non_null(map);
    /* "cafe" starts at output byte 1, which came from the 'C' after “ (3 bytes). */
    assert_int_equal(map[1], 3);
    /* The output 'e' of "cafe" comes from 'é' at byte 6. */
    assert_int_equal(map[4], 6);
    /* The collapsed space maps to the first of the two spaces. */
    assert_int_equal(map[6], (uint32_t)(strstr(text, "  ") - text));
    /* "zelenskyy" starts where 'Z' is in the original. */
    const char *z = strstr(text, "Z");
    assert_int_equal(map[7], (uint32_t)(z - text));
    /* The apostrophe maps to the curly ’ (3 bytes) that produced it. */
    assert_int_equal(map[16], (uint32_t)(strstr(text, "’") - text));
    assert_int_equal(map[len], strlen(text));
    free(out);
    free(map);
}

static void invalid_input_is_refused(void **state)
{
    (void)state;
    size_t len;
    assert_null(xc_normalize("bad \xFF", 5, XC_NORM_FOLD, &len, NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(composition),
        cmocka_unit_test(folding),
        cmocka_unit_test(punctuation),
        cmocka_unit_test(white_space),
        cmocka_unit_test(offsets_point_into_the_original),
        cmocka_unit_test(invalid_input_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
