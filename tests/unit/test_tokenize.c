#include "test_util.h"

static void words_and_hyphens(void **state)
{
    (void)state;
    assert_tokens("US-Ukraine talks, Saudi-hosted", "US-Ukraine|talks|,|Saudi-hosted");
    assert_tokens("a state-of-the-art system", "a|state-of-the-art|system");
    assert_tokens("the 15-year-old and a nine-mile walk", "the|15-year-old|and|a|nine-mile|walk");
    assert_tokens("Kyiv–Moscow", "Kyiv|–|Moscow"); /* an en dash separates */
    assert_tokens("end -- start", "end|--|start");
    assert_tokens("MH17 and G7 and F-16s", "MH17|and|G7|and|F-16s");
}

static void apostrophes_and_clitics(void **state)
{
    (void)state;
    assert_tokens("Zelenskyy’s visit", "Zelenskyy|’s|visit");
    assert_tokens("Zelenskyy's visit", "Zelenskyy|'s|visit");
    assert_tokens("don't", "do|n't");
    assert_tokens("We can’t and won't", "We|ca|n’t|and|wo|n't");
    assert_tokens("they're I'm we'll you've he'd", "they|'re|I|'m|we|'ll|you|'ve|he|'d");
    assert_tokens("O'Brien and rock'n'roll", "O'Brien|and|rock'n'roll");
    assert_tokens("the allies’ position", "the|allies|’|position");
    assert_tokens("‘quoted’", "‘|quoted|’");
    assert_tokens("Zelensky‘s proposal", "Zelensky|‘s|proposal");
    assert_tokens("‘sorry’ she said", "‘|sorry|’|she|said");
}

static void numbers(void **state)
{
    (void)state;
    assert_tokens("1,234.5 drones", "1,234.5|drones");
    assert_tokens("about 20% of", "about|20%|of");
    assert_tokens("a 15km zone", "a|15km|zone");
    assert_tokens("around 0900 GMT", "around|0900|GMT");
    assert_tokens("on 2025-03-11 at 09:30", "on|2025-03-11|at|09:30");
    assert_tokens("the 3rd and 22nd, the 1990s", "the|3rd|and|22nd|,|the|1990s");
    assert_tokens("$5.5bn or €20", "$|5.5bn|or|€|20");
    assert_tokens("in 2014.", "in|2014|.");
    assert_tokens("1,2,3", "1|,|2|,|3");
    assert_tokens("3,5 km", "3|,|5|km");
    assert_tokens("9/11 and 1/5", "9/11|and|1/5");
}

static void abbreviations(void **state)
{
    (void)state;
    assert_tokens("the U.S. and the U.K.", "the|U.S.|and|the|U.K.");
    assert_tokens("J.D. Vance", "J.D.|Vance");
    assert_tokens("Mr. Rubio and Dr. Smith", "Mr.|Rubio|and|Dr.|Smith");
    assert_tokens("Feb. 18 at 9 a.m. sharp", "Feb.|18|at|9|a.m.|sharp");
    assert_tokens("St. Petersburg, e.g. here", "St.|Petersburg|,|e.g.|here");
    assert_tokens("Michael J. Fox", "Michael|J.|Fox");
    assert_tokens("No. 10 but said no.", "No.|10|but|said|no|.");
    assert_tokens("Acme Inc. said", "Acme|Inc.|said");
    assert_tokens("the end.The next", "the|end|.|The|next");
    assert_tokens("Washington, D.C., on", "Washington|,|D.C.|,|on");
}

static void urls_emails_tags(void **state)
{
    (void)state;
    assert_tokens("see https://example.com/a?b=c.", "see|https://example.com/a?b=c|.");
    assert_tokens("(www.example.org/path)", "(|www.example.org/path|)");
    assert_tokens("https://en.wikipedia.org/wiki/Foo_(bar) ok",
                  "https://en.wikipedia.org/wiki/Foo_(bar)|ok");
    assert_tokens("mail press@example.org, now", "mail|press@example.org|,|now");
    assert_tokens("not@an email", "not|@an|email");
    assert_tokens("#Jeddah talks @ZelenskyyUa", "#Jeddah|talks|@ZelenskyyUa");
}

static void punctuation_and_quotes(void **state)
{
    (void)state;
    assert_tokens("“You’re gambling,” he said…", "“|You|’re|gambling|,|”|he|said|…");
    assert_tokens("Wait... what?!", "Wait|...|what|?|!");
    assert_tokens("«truce» „Frieden“", "«|truce|»|„|Frieden|“");
}

static void offsets_types_and_flags(void **state)
{
    (void)state;
    const char *text = "Hello\n\n  NATO’s 20% U.S. 🚀";
    xc_token_list list = {0};
    assert_int_equal(xc_tokenize(text, strlen(text), &list), XC_OK);
    assert_int_equal(list.count, 6);
    assert_int_equal(list.items[0].type, XC_TOK_WORD);
    assert_true(list.items[0].flags & XC_TF_UPPER_INITIAL);
    assert_false(list.items[0].flags & XC_TF_ALL_UPPER);
    assert_int_equal(list.items[1].start, 9);
    assert_int_equal(list.items[1].end, 13);
    assert_true(list.items[1].flags & XC_TF_PARAGRAPH_BEFORE);
    assert_true(list.items[1].flags & XC_TF_ALL_UPPER);
    assert_int_equal(list.items[2].type, XC_TOK_CLITIC);
    assert_int_equal(list.items[3].type, XC_TOK_NUMBER);
    assert_true(list.items[3].flags & XC_TF_HAS_DIGIT);
    assert_int_equal(list.items[4].type, XC_TOK_ABBREV);
    assert_int_equal(list.items[5].type, XC_TOK_SYMBOL);
    for (size_t i = 0; i < list.count; i++) {
        assert_true(list.items[i].start < list.items[i].end);
        assert_true(list.items[i].end <= strlen(text));
    }
    xc_token_list_free(&list);
}

static void folding_tokens(void **state)
{
    (void)state;
    const char *text = "ZELENSKYY Zelenśkyj Straße";
    xc_token_list list = {0};
    assert_int_equal(xc_tokenize(text, strlen(text), &list), XC_OK);
    char out[64];
    assert_int_equal(xc_token_fold(text, &list.items[0], out, sizeof out), 9);
    assert_string_equal(out, "zelenskyy");
    xc_token_fold(text, &list.items[1], out, sizeof out);
    assert_string_equal(out, "zelenskyj");
    xc_token_fold(text, &list.items[2], out, sizeof out);
    assert_string_equal(out, "strasse");
    /* A small buffer truncates but reports the full length. */
    assert_int_equal(xc_token_fold(text, &list.items[0], out, 4), 9);
    assert_string_equal(out, "zel");
    xc_token_list_free(&list);
}

static void never_stuck_on_odd_input(void **state)
{
    (void)state;
    /* Control characters, lone marks, invalid bytes: every byte is either in
     * a token or skipped, and offsets grow. */
    const char text[] = "\x01\xCC\x81x\xFF\xFE--\t'\"''.";
    xc_token_list list = {0};
    assert_int_equal(xc_tokenize(text, sizeof text - 1, &list), XC_OK);
    uint32_t last = 0;
    for (size_t i = 0; i < list.count; i++) {
        assert_true(list.items[i].start >= last);
        last = list.items[i].end;
    }
    xc_token_list_free(&list);
    xc_token_list empty = {0};
    assert_int_equal(xc_tokenize("", 0, &empty), XC_OK);
    assert_int_equal(empty.count, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(words_and_hyphens),
        cmocka_unit_test(apostrophes_and_clitics),
        cmocka_unit_test(numbers),
        cmocka_unit_test(abbreviations),
        cmocka_unit_test(urls_emails_tags),
        cmocka_unit_test(punctuation_and_quotes),
        cmocka_unit_test(offsets_types_and_flags),
        cmocka_unit_test(folding_tokens),
        cmocka_unit_test(never_stuck_on_odd_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
