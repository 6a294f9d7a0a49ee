#include "test_util.h"

static void plain_marks(void **state)
{
    (void)state;
    assert_sentences("The talks began. Rubio spoke! Did it work? Yes.",
                     "The talks began. || Rubio spoke! || Did it work? || Yes.");
    assert_sentences("No final mark", "No final mark");
    assert_sentences("It rose in 2014. 2015 was worse.", "It rose in 2014. || 2015 was worse.");
    assert_sentences("Wait... what happened?", "Wait... what happened?");
    assert_sentences("He paused… Then he left.", "He paused… || Then he left.");
}

static void abbreviations_and_initials(void **state)
{
    (void)state;
    assert_sentences("U.S. Vice President J.D. Vance met Mr. Zelenskyy on Feb. 18 in St. Petersburg.",
                     "U.S. Vice President J.D. Vance met Mr. Zelenskyy on Feb. 18 in St. Petersburg.");
    assert_sentences("They met at 9 a.m. Tuesday in Jeddah.", "They met at 9 a.m. Tuesday in Jeddah.");
    assert_sentences("They met at 9 a.m. The talks lasted hours.",
                     "They met at 9 a.m. || The talks lasted hours.");
    assert_sentences("Aid flows from the U.S. But Kyiv wants more.",
                     "Aid flows from the U.S. || But Kyiv wants more.");
    assert_sentences("Michael J. Fox spoke. Dr. Smith agreed.", "Michael J. Fox spoke. || Dr. Smith agreed.");
    assert_sentences("Shares of Acme Inc. rose. Analysts cheered.",
                     "Shares of Acme Inc. rose. || Analysts cheered.");
    assert_sentences("Sold by Acme Inc. The deal closed.", "Sold by Acme Inc. || The deal closed.");
    assert_sentences("Pens, paper, etc. were sold.", "Pens, paper, etc. were sold.");
}

static void quotes_and_brackets(void **state)
{
    (void)state;
    assert_sentences("He said: “We will win.” Then he left.",
                     "He said: “We will win.” || Then he left.");
    assert_sentences("“Stop!” he said. “Now.”", "“Stop!” he said. || “Now.”");
    assert_sentences("\"Is it over?\" she asked.", "\"Is it over?\" she asked.");
    assert_sentences("(See the map.) The front moved.", "(See the map.) || The front moved.");
    assert_sentences("It ended. \"Good,\" he said.", "It ended. || \"Good,\" he said.");
    assert_sentences("The drones (over ninety!) hit Moscow.", "The drones (over ninety!) hit Moscow.");
    assert_sentences("«C’est fini.» Il est parti.", "«C’est fini.» || Il est parti.");
}

static void lines_and_paragraphs(void **state)
{
    (void)state;
    /* One paragraph a line, with a heading without a full stop. */
    assert_sentences("Diplomatic Push for Peace\nThe talks began on Tuesday.\nWhy now?\nBecause.",
                     "Diplomatic Push for Peace || The talks began on Tuesday. || Why now? || Because.");
    /* A blank line always ends a sentence. */
    assert_sentences("Title without stop\n\nBody starts here.", "Title without stop || Body starts here.");
    /* Hard-wrapped text: line breaks inside sentences are not boundaries. */
    assert_sentences("The delegation led by the secretary of state arrived in\n"
                     "Jeddah on Monday evening for talks with officials from\n"
                     "Kyiv, who had travelled overnight. The meeting began at\n"
                     "nine in the morning and lasted for most of the day.\n",
                     "The delegation led by the secretary of state arrived in\n"
                     "Jeddah on Monday evening for talks with officials from\n"
                     "Kyiv, who had travelled overnight. || The meeting began at\n"
                     "nine in the morning and lasted for most of the day.");
}

static void spans_and_token_ranges(void **state)
{
    (void)state;
    const char *text = "  First one.  Second one?  ";
    xc_token_list tokens = {0};
    xc_sentence_list sentences = {0};
    assert_int_equal(xc_tokenize(text, strlen(text), &tokens), XC_OK);
    assert_int_equal(xc_split_sentences(text, strlen(text), &tokens, &sentences), XC_OK);
    assert_int_equal(sentences.count, 2);
    assert_int_equal(sentences.items[0].start, 2);
    assert_int_equal(sentences.items[0].end, 12);
    assert_int_equal(sentences.items[0].first_token, 0);
    assert_int_equal(sentences.items[0].token_count, 3);
    assert_int_equal(sentences.items[1].first_token, 3);
    assert_int_equal(sentences.items[1].token_count, 3);
    xc_token_list_free(&tokens);
    xc_sentence_list_free(&sentences);
}

static void very_long_runs_are_cut(void **state)
{
    (void)state;
    size_t n = 5000;
    char *text = malloc(n * 2 + 1);
    for (size_t i = 0; i < n; i++) {
        text[2 * i] = 'w';
        text[2 * i + 1] = ' ';
    }
    text[2 * n] = '\0';
    xc_token_list tokens = {0};
    xc_sentence_list sentences = {0};
    assert_int_equal(xc_tokenize(text, strlen(text), &tokens), XC_OK);
    assert_int_equal(xc_split_sentences(text, strlen(text), &tokens, &sentences), XC_OK);
    assert_int_equal(sentences.count, 5);
    size_t total = 0;
    for (size_t i = 0; i < sentences.count; i++) {
        assert_true(sentences.items[i].token_count <= 1000);
        total += sentences.items[i].token_count;
    }
    assert_int_equal(total, n);
    xc_token_list_free(&tokens);
    xc_sentence_list_free(&sentences);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_marks),
        cmocka_unit_test(abbreviations_and_initials),
        cmocka_unit_test(quotes_and_brackets),
        cmocka_unit_test(lines_and_paragraphs),
        cmocka_unit_test(spans_and_token_ranges),
        cmocka_unit_test(very_long_runs_are_cut),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
