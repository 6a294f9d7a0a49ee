/* The entity tagger: tag encodings, CoNLL reading, scoring, the model file,
 * training on a small synthetic corpus, and the built-in model. */
#include <unistd.h>

#include "test_util.h"

#include "util/buf.h"

#include "ner/conll.h"
#include "ner/metrics.h"
#include "ner/tagger.h"
#include "ner/tags.h"
#include "ner/train.h"

static void parse_tags(const char *text, uint8_t *out, size_t *n)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", text);
    *n = 0;
    for (char *tok = strtok(buf, " "); tok; tok = strtok(NULL, " ")) {
        int t = xc_iob_parse(tok, strlen(tok));
        assert_true(t >= 0);
        out[(*n)++] = (uint8_t)t;
    }
}

static void test_iob_bilou_round_trip(void **state)
{
    (void)state;
    uint8_t iob[16], bilou[16], back[16];
    size_t n;
    /* adjacent entities of one type, a single-token entity, a long one */
    parse_tags("B-PER B-PER I-PER O B-LOC I-LOC I-LOC B-MISC O", iob, &n);
    xc_iob_to_bilou(iob, n, bilou);
    assert_int_equal(xc_bilou_part(bilou[0]), 3); /* U */
    assert_int_equal(xc_bilou_part(bilou[1]), 0); /* B */
    assert_int_equal(xc_bilou_part(bilou[2]), 2); /* L */
    assert_int_equal(xc_bilou_part(bilou[5]), 1); /* I */
    assert_int_equal(xc_bilou_type(bilou[7]), XC_NER_MISC);
    xc_bilou_to_iob(bilou, n, back);
    assert_memory_equal(iob, back, n);
    /* transitions: inside an entity only I/L of its type may follow */
    assert_false(xc_bilou_allowed(bilou[1], 0));
    assert_true(xc_bilou_allowed(bilou[1], bilou[2]));
    assert_false(xc_bilou_allowed(XC_NER_NO_LABEL, bilou[2]));
    assert_false(xc_bilou_may_end(bilou[4]));
}

static void test_spans_follow_conlleval(void **state)
{
    (void)state;
    uint8_t iob[16];
    size_t n;
    xc_ner_span spans[16];
    /* I- after O starts an entity (IOB1 style); a type change starts another */
    parse_tags("I-ORG I-ORG O I-PER I-LOC B-LOC", iob, &n);
    size_t k = xc_iob_spans(iob, n, spans);
    assert_int_equal(k, 4);
    assert_int_equal(spans[0].start, 0);
    assert_int_equal(spans[0].end, 2);
    assert_int_equal(spans[1].type, XC_NER_PER);
    assert_int_equal(spans[3].start, 5);
}

static void test_scores_need_exact_spans(void **state)
{
    (void)state;
    uint8_t gold[16], predicted[16];
    size_t n;
    parse_tags("B-PER I-PER O B-ORG O B-LOC", gold, &n);
    parse_tags("B-PER O O B-ORG O B-PER", predicted, &n);
    xc_ner_scores s = {0};
    xc_ner_scores_add(&s, gold, predicted, n);
    assert_int_equal(s.all.gold, 3);
    assert_int_equal(s.all.predicted, 3);
    assert_int_equal(s.all.correct, 1); /* only ORG: PER is cut short, LOC mistyped */
    assert_int_equal(s.per_type[XC_NER_ORG].correct, 1);
    assert_int_equal(s.per_type[XC_NER_PER].predicted, 2);
    assert_true(xc_ner_f1(&s.all) > 0.333 && xc_ner_f1(&s.all) < 0.334);
}

static int warnings;
static char last_warning[512];
static void count_warning(void *user, const char *message)
{
    (void)user;
    warnings++;
    snprintf(last_warning, sizeof last_warning, "%s", message);
}

static const char sample[] = "-DOCSTART- -X- -X- O\n"
                             "\n"
                             "EU NNP B-NP B-ORG\n"
                             "rejects VBZ B-VP O\n"
                             "German JJ B-NP NOT-A-TAG\n"
                             "\n\n"
                             "-DOCSTART- -X- -X- O\n"
                             "Peter NNP B-NP B-PER\r\n"
                             "Blackburn NNP I-NP I-PER\n"
                             "untagged\n";

static void test_conll_reader(void **state)
{
    (void)state;
    xc_conll c;
    xc_error err = {0};
    warnings = 0;
    assert_int_equal(xc_conll_parse("sample.conll", sample, sizeof sample - 1, &c, count_warning, NULL, &err), XC_OK);
    assert_int_equal(c.tokens.count, 6);
    assert_int_equal(c.sentences.count, 2);
    assert_int_equal(c.docs, 2);
    assert_int_equal(c.sentences.items[1].doc, 1);
    assert_string_equal(c.tokens.items[3].text, "Peter");
    assert_int_equal(c.tokens.items[3].gold, xc_iob_parse("B-PER", 5));
    assert_int_equal(c.tokens.items[2].gold, XC_NER_NO_LABEL);
    assert_int_equal(c.tokens.items[5].gold, XC_NER_NO_LABEL); /* one column: no tag, no complaint */
    assert_int_equal(c.bad_lines, 1);
    assert_int_equal(warnings, 1);
    assert_non_null(strstr(last_warning, "sample.conll:5:"));
    xc_conll_free(&c);
    assert_int_equal(xc_conll_parse("empty", "", 0, &c, NULL, NULL, &err), XC_OK);
    assert_int_equal(c.tokens.count, 0);
    xc_conll_free(&c);
    assert_int_equal(xc_conll_read("/nonexistent/file.conll", &c, NULL, NULL, &err), XC_ERR_IO);
}

/* A tiny corpus: first names before capitalised surnames are people,
 * "in X" places, "X Corp" organisations. */
static char *synthetic_corpus(int sentences, unsigned seed)
{
    static const char *first[] = {"Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid"};
    static const char *last[] = {"Kovacs", "Novak", "Mendez", "Okafor", "Lindqvist", "Tanaka"};
    static const char *place[] = {"Lisbon", "Harbin", "Quito", "Tromso", "Dakar", "Perth"};
    static const char *firm[] = {"Zentra", "Olvex", "Maruda", "Brisco", "Quell", "Vantor"};
    xc_buf b = {0};
    for (int i = 0; i < sentences; i++) {
        seed = seed * 1103515245u + 12345u;
        unsigned r = seed >> 8;
        xc_buf_printf(&b, "%s NNP B-NP B-PER\n%s NNP I-NP I-PER\nvisited VBD B-VP O\n", first[r % 6],
                      last[(r / 6) % 6]);
        xc_buf_printf(&b, "%s NNP B-NP B-ORG\nCorp NNP I-NP I-ORG\nin IN B-PP O\n%s NNP B-NP B-LOC\n. . O O\n\n",
                      firm[(r / 36) % 6], place[(r / 216) % 6]);
    }
    return xc_buf_detach(&b, NULL);
}

static void test_training_learns_and_model_round_trips(void **state)
{
    (void)state;
    char *text = synthetic_corpus(60, 7);
    xc_conll train;
    xc_error err = {0};
    assert_int_equal(xc_conll_parse("train", text, strlen(text), &train, NULL, NULL, &err), XC_OK);
    xc_ner_train_options options = {4, 1, NULL};
    xc_ner_model model;
    xc_ner_train_report report;
    xc_ner_resources none = {0};
    assert_int_equal(xc_ner_train(&train, &train, &none, &options, &model, &report, &err), XC_OK);
    assert_true(xc_ner_f1(&report.dev.all) > 0.99);
    assert_true(report.features > 0);

    char path[] = "/tmp/xc-ner-model-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(xc_ner_model_write(&model, path, &err), XC_OK);
    xc_ner_tagger t;
    assert_int_equal(xc_ner_tagger_open(&t, path, &err), XC_OK);
    assert_int_equal(t.model.features, model.features);
    uint8_t *a = malloc(train.tokens.count), *b = malloc(train.tokens.count);
    assert_int_equal(xc_ner_tag_conll(&model, &none, &train, a, &err), XC_OK);
    assert_int_equal(xc_ner_tag_conll(&t.model, &t.resources, &train, b, &err), XC_OK);
    assert_memory_equal(a, b, train.tokens.count);
    /* an unseen combination is still tagged from its context */
    static const char novel[] = "Farid NNP B-NP B-PER\nKovacs NNP I-NP I-PER\nvisited VBD B-VP O\n"
                                "Quell NNP B-NP B-ORG\nCorp NNP I-NP I-ORG\nin IN B-PP O\nTromso NNP B-NP B-LOC\n";
    xc_conll test;
    assert_int_equal(xc_conll_parse("test", novel, sizeof novel - 1, &test, NULL, NULL, &err), XC_OK);
    uint8_t tags[8];
    assert_int_equal(xc_ner_tag_conll(&t.model, &t.resources, &test, tags, &err), XC_OK);
    for (size_t i = 0; i < test.tokens.count; i++)
        assert_int_equal(tags[i], test.tokens.items[i].gold);
    xc_conll_free(&test);
    free(a);
    free(b);
    xc_ner_tagger_close(&t);
    xc_ner_model_free(&model);
    xc_conll_free(&train);
    free(text);
    remove(path);
}

static void test_model_loader_rejects_damage(void **state)
{
    (void)state;
    xc_ner_model m;
    xc_error err = {0};
    uint64_t junk[32] = {0};
    assert_int_equal(xc_ner_model_load(&m, junk, sizeof junk, &err), XC_ERR_FORMAT);
    assert_int_equal(xc_ner_model_load(&m, junk, 3, &err), XC_ERR_FORMAT);
    size_t len;
    const void *builtin = xc_ner_builtin_model(&len);
    if (len == 0)
        return;
    /* a truncated copy of the real model */
    uint64_t *copy = malloc(len + 8);
    memcpy(copy, builtin, len);
    assert_int_equal(xc_ner_model_load(&m, copy, len - 1, &err), XC_ERR_FORMAT);
    assert_int_equal(xc_ner_model_load(&m, copy, len, &err), XC_OK);
    xc_ner_model_free(&m);
    free(copy);
}

static void test_builtin_model_tags_news(void **state)
{
    (void)state;
    size_t len;
    xc_ner_builtin_model(&len);
    if (len == 0)
        skip();
    xc_ner_tagger t;
    xc_error err = {0};
    assert_int_equal(xc_ner_tagger_open(&t, NULL, &err), XC_OK);
    static const char text[] = "Secretary NNP O\nof IN O\nState NNP O\nMarco NNP B-PER\nRubio NNP I-PER\n"
                               "met VBD O\nUkrainian JJ B-MISC\nofficials NNS O\nin IN O\nJeddah NNP B-LOC\n"
                               ", , O\nSaudi NNP B-LOC\nArabia NNP I-LOC\n. . O\n";
    xc_conll c;
    assert_int_equal(xc_conll_parse("news", text, sizeof text - 1, &c, NULL, NULL, &err), XC_OK);
    uint8_t tags[16];
    assert_int_equal(xc_ner_tag_conll(&t.model, &t.resources, &c, tags, &err), XC_OK);
    xc_ner_scores s = {0};
    uint8_t gold[16];
    for (size_t i = 0; i < c.tokens.count; i++)
        gold[i] = c.tokens.items[i].gold;
    xc_ner_scores_add(&s, gold, tags, c.tokens.count);
    assert_int_equal(s.all.correct, 4);
    xc_conll_free(&c);
    xc_ner_tagger_close(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_iob_bilou_round_trip),
        cmocka_unit_test(test_spans_follow_conlleval),
        cmocka_unit_test(test_scores_need_exact_spans),
        cmocka_unit_test(test_conll_reader),
        cmocka_unit_test(test_training_learns_and_model_round_trips),
        cmocka_unit_test(test_model_loader_rejects_damage),
        cmocka_unit_test(test_builtin_model_tags_news),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
