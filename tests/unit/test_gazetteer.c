/* Gazetteers: the embedded lists and the matcher. */
#include <time.h>

#include "test_util.h"

#include "ner/gazetteer.h"

#define MAX_TEST_TOKENS 64

typedef struct tokens {
    char text[512];
    const char *items[MAX_TEST_TOKENS];
    size_t lengths[MAX_TEST_TOKENS];
    uint16_t flags[MAX_TEST_TOKENS];
    size_t count;
} tokens;

/* Split on spaces, as CoNLL-2003 text comes. */
static void split_spaces(tokens *t, const char *text)
{
    snprintf(t->text, sizeof t->text, "%s", text);
    t->count = 0;
    for (char *p = t->text; *p;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        char *start = p;
        while (*p && *p != ' ')
            p++;
        assert_true(t->count < MAX_TEST_TOKENS);
        t->items[t->count] = start;
        t->lengths[t->count++] = (size_t)(p - start);
    }
}

/* Cut by the project's tokenizer. */
static void split_tokenizer(tokens *t, const char *text)
{
    snprintf(t->text, sizeof t->text, "%s", text);
    xc_token_list list = {0};
    assert_int_equal(xc_tokenize(t->text, strlen(t->text), &list), XC_OK);
    assert_true(list.count <= MAX_TEST_TOKENS);
    for (size_t i = 0; i < list.count; i++) {
        t->items[i] = t->text + list.items[i].start;
        t->lengths[i] = list.items[i].end - list.items[i].start;
    }
    t->count = list.count;
    xc_token_list_free(&list);
}

/* The tokens with the matches of one list marked: "in Jeddah/B , Saudi/B Arabia/I". */
static char *marked(const xc_gazetteer *g, tokens *t, xc_gazetteer_list list)
{
    xc_gazetteer_match(g, t->items, t->lengths, t->count, t->flags);
    char *out = calloc(1, sizeof t->text * 2);
    size_t n = 0;
    for (size_t i = 0; i < t->count; i++) {
        n += (size_t)sprintf(out + n, "%s%.*s", i ? " " : "", (int)t->lengths[i], t->items[i]);
        if (t->flags[i] & XC_GAZ_BEGIN(list))
            n += (size_t)sprintf(out + n, "/B");
        if (t->flags[i] & XC_GAZ_INSIDE(list))
            n += (size_t)sprintf(out + n, "/I");
    }
    return out;
}

#define assert_marked(g, split, text, list, expected)                                              \
    do {                                                                                           \
        tokens t_;                                                                                 \
        split(&t_, text);                                                                          \
        char *got_ = marked(g, &t_, list);                                                         \
        assert_string_equal(got_, expected);                                                       \
        free(got_);                                                                                \
    } while (0)

static int load_embedded(void **state)
{
    xc_error err = {0};
    xc_gazetteer *g = xc_gazetteer_load_embedded(&err);
#if defined(__has_include)
#if !__has_include("gazetteer_data.c")
    /* A build that does not generate build/gen/gazetteer_data.c: the tests
     * of the embedded lists skip (see embedded()). */
    if (!g && err.status == XC_ERR_NOT_FOUND) {
        print_message("gazetteer lists not built: %s\n", err.message);
        *state = NULL;
        return 0;
    }
#endif
#endif
    if (!g)
        fail_msg("cannot load the gazetteers: %s", err.message);
    *state = g;
    return 0;
}

static const xc_gazetteer *embedded(void **state)
{
    if (!*state)
        skip();
    return *state;
}

static int free_gazetteer(void **state)
{
    xc_gazetteer_free(*state);
    return 0;
}

static void loads_every_list_quickly(void **state)
{
    embedded(state);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    xc_gazetteer *g = xc_gazetteer_load_embedded(NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    assert_non_null(g);
    double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    print_message("gazetteers loaded in %.1f ms:", ms);
    for (int l = 0; l < XC_GAZ_LIST_COUNT; l++)
        print_message(" %s %zu", xc_gazetteer_list_name((xc_gazetteer_list)l),
                      xc_gazetteer_entries(g, (xc_gazetteer_list)l));
    print_message("\n");
    assert_true(xc_gazetteer_entries(g, XC_GAZ_COUNTRY) >= 250);
    assert_true(xc_gazetteer_entries(g, XC_GAZ_SUBDIVISION) >= 3000);
    assert_true(xc_gazetteer_entries(g, XC_GAZ_CITY) >= 10000);
    assert_true(xc_gazetteer_entries(g, XC_GAZ_REGION) >= 100);
    assert_true(xc_gazetteer_entries(g, XC_GAZ_DEMONYM) >= 300);
    assert_true(xc_gazetteer_entries(g, XC_GAZ_ORG) >= 300);
    /* Generous: a sanitizer build on a busy machine is many times slower
     * than the release build's few milliseconds. */
    assert_true(ms < 5000);
    xc_gazetteer_free(g);
}

static void cities_and_countries(void **state)
{
    const xc_gazetteer *g = embedded(state);
    const char *text = "talks in Jeddah , Saudi Arabia";
    assert_marked(g, split_spaces, text, XC_GAZ_CITY, "talks in Jeddah/B , Saudi Arabia");
    assert_marked(g, split_spaces, text, XC_GAZ_COUNTRY, "talks in Jeddah , Saudi/B Arabia/I");
    assert_marked(g, split_tokenizer, "talks in Jeddah, Saudi Arabia", XC_GAZ_COUNTRY,
                  "talks in Jeddah , Saudi/B Arabia/I");
    text = "the United States and U.S. officials";
    assert_marked(g, split_spaces, text, XC_GAZ_COUNTRY,
                  "the United/B States/I and U.S./B officials");
    assert_marked(g, split_tokenizer, "Officials in Washington, D.C., said", XC_GAZ_CITY,
                  "Officials in Washington/B ,/I D.C./I , said");
}

static void capitals_match_without_case(void **state)
{
    const xc_gazetteer *g = embedded(state);
    assert_marked(g, split_spaces, "BRUSSELS 1996-08-22", XC_GAZ_CITY, "BRUSSELS/B 1996-08-22");
    assert_marked(g, split_spaces, "NEW YORK 1996-08-22", XC_GAZ_CITY, "NEW/B YORK/I 1996-08-22");
    assert_marked(g, split_spaces, "BOSNIA AND HERZEGOVINA", XC_GAZ_COUNTRY,
                  "BOSNIA/B AND/I HERZEGOVINA/I");
    /* Otherwise case counts: a lower-case word is not a name. */
    assert_marked(g, split_spaces, "brussels said", XC_GAZ_CITY, "brussels said");
    assert_marked(g, split_spaces, "BRUSSELS brussels", XC_GAZ_CITY, "BRUSSELS/B brussels");
}

static void longest_match_wins(void **state)
{
    const xc_gazetteer *g = embedded(state);
    assert_marked(g, split_spaces, "Bosnia and Herzegovina", XC_GAZ_COUNTRY,
                  "Bosnia/B and/I Herzegovina/I");
    assert_marked(g, split_spaces, "Bosnia and Serbia", XC_GAZ_COUNTRY, "Bosnia/B and Serbia/B");
    assert_marked(g, split_spaces, "in New York City today", XC_GAZ_CITY,
                  "in New/B York/I City/I today");
    /* Two names side by side stay two matches. */
    assert_marked(g, split_spaces, "Britain France", XC_GAZ_COUNTRY, "Britain/B France/B");
}

static void demonyms_and_organisations(void **state)
{
    const xc_gazetteer *g = embedded(state);
    assert_string_equal(xc_gazetteer_demonym_country(g, "Ukrainian", 9), "Ukraine");
    assert_string_equal(xc_gazetteer_demonym_country(g, "Americans", 9), "United States");
    assert_string_equal(xc_gazetteer_demonym_country(g, "American", 8), "United States");
    assert_string_equal(xc_gazetteer_demonym_country(g, "British", 7), "United Kingdom");
    assert_string_equal(xc_gazetteer_demonym_country(g, "Israelis", 8), "Israel");
    assert_string_equal(xc_gazetteer_demonym_country(g, "South Korean", 12), "South Korea");
    assert_string_equal(xc_gazetteer_demonym_country(g, "SAUDI", 5), "Saudi Arabia");
    assert_string_equal(xc_gazetteer_demonym_country(g, "Ukrainianx", 9), "Ukraine"); /* length */
    assert_null(xc_gazetteer_demonym_country(g, "ukrainian", 9));
    assert_null(xc_gazetteer_demonym_country(g, "Jeddah", 6));
    assert_null(xc_gazetteer_demonym_country(g, "", 0));
    assert_null(xc_gazetteer_demonym_country(g, NULL, 4));
    assert_marked(g, split_spaces, "German and Palestinian officials", XC_GAZ_DEMONYM,
                  "German/B and Palestinian/B officials");
    assert_marked(g, split_spaces, "NATO and the European Union told Reuters", XC_GAZ_ORG,
                  "NATO/B and the European/B Union/I told Reuters/B");
    /* Either tokenisation of a name matches. */
    assert_marked(g, split_spaces, "AT&T and McDonald 's", XC_GAZ_ORG, "AT&T/B and McDonald/B 's/I");
    assert_marked(g, split_tokenizer, "AT&T and McDonald’s", XC_GAZ_ORG,
                  "AT/B &/I T/I and McDonald/B ’s/I");
}

static void odd_input_is_safe(void **state)
{
    const xc_gazetteer *g = embedded(state);
    uint16_t flags[8] = {1, 1, 1, 1, 1, 1, 1, 1};
    xc_gazetteer_match(g, NULL, NULL, 0, flags);
    xc_gazetteer_match(g, NULL, NULL, 0, NULL);
    assert_int_equal(flags[0], 1);
    /* Empty, missing, invalid UTF-8 and huge tokens match nothing. */
    char huge[5000];
    memset(huge, 'A', sizeof huge);
    const char *items[8] = {"", NULL, "\xff\xfe", "\xc3", huge, "Paris", "\xe2\x80", "Paris"};
    size_t lengths[8] = {0, 5, 2, 1, sizeof huge, 5, 2, 0};
    xc_gazetteer_match(g, items, lengths, 8, flags);
    for (int i = 0; i < 8; i++)
        assert_int_equal(flags[i] & ~(i == 5 ? 0xffff : 0), 0);
    assert_true(flags[5] & XC_GAZ_BEGIN(XC_GAZ_CITY));
    /* A missing gazetteer or token array clears the flags. */
    flags[5] = 7;
    xc_gazetteer_match(NULL, items, lengths, 8, flags);
    assert_int_equal(flags[5], 0);
    /* A long run: the ring of token ids wraps many times. */
    enum { N = 100000 };
    const char **many = malloc(N * sizeof *many);
    size_t *many_len = malloc(N * sizeof *many_len);
    uint16_t *many_flags = malloc(N * sizeof *many_flags);
    assert_non_null(many);
    assert_non_null(many_len);
    assert_non_null(many_flags);
    static const char *const cycle[] = {"New", "York", "City", "and", "Paris", "\xc0", "NEW", "YORK"};
    for (size_t i = 0; i < N; i++) {
        many[i] = cycle[i % 8];
        many_len[i] = strlen(cycle[i % 8]);
    }
    xc_gazetteer_match(g, many, many_len, N, many_flags);
    uint16_t city_b = XC_GAZ_BEGIN(XC_GAZ_CITY), city_i = XC_GAZ_INSIDE(XC_GAZ_CITY);
    for (size_t i = 0; i + 8 <= N; i += 8) {
        assert_int_equal(many_flags[i] & (city_b | city_i), city_b);
        assert_int_equal(many_flags[i + 1] & (city_b | city_i), city_i);
        assert_int_equal(many_flags[i + 2] & (city_b | city_i), city_i);
        assert_int_equal(many_flags[i + 3], 0);
        assert_int_equal(many_flags[i + 4] & city_b, city_b);
        assert_int_equal(many_flags[i + 5], 0);
        assert_int_equal(many_flags[i + 6] & (city_b | city_i), city_b);
        assert_int_equal(many_flags[i + 7] & (city_b | city_i), city_i);
    }
    free(many);
    free(many_len);
    free(many_flags);
}

/* Lists given directly: the matching rules on a small, fixed gazetteer. */
static void own_lists(void **state)
{
    (void)state;
    static const char cities[] = "York\nNew York\nNew York City\n\n# comment\nSt. Louis\n"
                                 "\xff\xfe broken line\nSão Paulo\n";
    static const char demonyms[] = "Yorker\tYork\nNew Yorker\tNew York\nNoPlace\n";
    const xc_gazetteer_file files[] = {
        {"cities", cities, sizeof cities - 1},
        {"demonyms", demonyms, sizeof demonyms - 1},
        {"unknown", "Paris\n", 6},
        {0, 0, 0},
    };
    xc_error err = {0};
    xc_gazetteer *g = xc_gazetteer_load(files, 3, &err);
    assert_non_null(g);
    assert_int_equal(xc_gazetteer_entries(g, XC_GAZ_CITY), 5);
    assert_int_equal(xc_gazetteer_entries(g, XC_GAZ_DEMONYM), 3);
    assert_int_equal(xc_gazetteer_entries(g, XC_GAZ_COUNTRY), 0);
    assert_marked(g, split_spaces, "York New York New York City York", XC_GAZ_CITY,
                  "York/B New/B York/I New/B York/I City/I York/B");
    /* Matches of one list do not overlap: "York" inside "New York" starts none. */
    tokens t;
    split_spaces(&t, "New York");
    xc_gazetteer_match(g, t.items, t.lengths, t.count, t.flags);
    assert_int_equal(t.flags[1], XC_GAZ_INSIDE(XC_GAZ_CITY));
    assert_marked(g, split_spaces, "in St. Louis and SÃO PAULO and Paris", XC_GAZ_CITY,
                  "in St./B Louis/I and SÃO/B PAULO/I and Paris");
    /* Capitals start a case-blind match only with a word in capitals. */
    assert_marked(g, split_spaces, "NEW York new york", XC_GAZ_CITY, "NEW York/B new york");
    assert_string_equal(xc_gazetteer_demonym_country(g, "New Yorker", 10), "New York");
    assert_string_equal(xc_gazetteer_demonym_country(g, "NEW YORKER", 10), "New York");
    assert_null(xc_gazetteer_demonym_country(g, "NoPlace", 7));
    assert_marked(g, split_spaces, "a NoPlace Yorker", XC_GAZ_DEMONYM, "a NoPlace/B Yorker/B");
    xc_gazetteer_free(g);

    /* No lists: an empty gazetteer that matches nothing. */
    g = xc_gazetteer_load(NULL, 0, &err);
    assert_non_null(g);
    assert_marked(g, split_spaces, "New York", XC_GAZ_CITY, "New York");
    assert_null(xc_gazetteer_demonym_country(g, "Yorker", 6));
    xc_gazetteer_free(g);
    xc_gazetteer_free(NULL);
    assert_string_equal(xc_gazetteer_list_name(XC_GAZ_ORG), "org");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(own_lists),
        cmocka_unit_test_setup_teardown(loads_every_list_quickly, load_embedded, free_gazetteer),
        cmocka_unit_test_setup_teardown(cities_and_countries, load_embedded, free_gazetteer),
        cmocka_unit_test_setup_teardown(capitals_match_without_case, load_embedded, free_gazetteer),
        cmocka_unit_test_setup_teardown(longest_match_wins, load_embedded, free_gazetteer),
        cmocka_unit_test_setup_teardown(demonyms_and_organisations, load_embedded, free_gazetteer),
        cmocka_unit_test_setup_teardown(odd_input_is_safe, load_embedded, free_gazetteer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
