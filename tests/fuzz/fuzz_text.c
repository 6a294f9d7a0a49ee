/* Fuzz the text core: UTF-8 repair, normalisation with offsets, tokens,
 * sentences, folding and date parsing, with their invariants checked. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crosscheck.h"

#define CHECK(cond) \
    do { \
        if (!(cond)) \
            abort(); \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t len, repairs;
    char *text = xc_utf8_repair((const char *)data, size, &len, &repairs);
    if (!text)
        return 0;
    CHECK(xc_utf8_valid(text, len, NULL));
    CHECK((repairs == 0) == xc_utf8_valid((const char *)data, size, NULL));

    uint32_t *offsets = NULL;
    size_t norm_len;
    char *norm = xc_normalize(text, len, XC_NORM_FOLD | XC_NORM_SPACE, &norm_len, &offsets);
    CHECK(norm && offsets);
    CHECK(xc_utf8_valid(norm, norm_len, NULL));
    for (size_t i = 0; i <= norm_len; i++)
        CHECK(offsets[i] <= len);
    free(norm);
    free(offsets);

    xc_token_list tokens = {0};
    CHECK(xc_tokenize(text, len, &tokens) == XC_OK);
    uint32_t last = 0;
    char folded[256];
    for (size_t i = 0; i < tokens.count; i++) {
        const xc_token *t = &tokens.items[i];
        CHECK(t->start >= last && t->start < t->end && t->end <= len);
        CHECK(t->type <= XC_TOK_SYMBOL);
        last = t->end;
        xc_token_fold(text, t, folded, sizeof folded);
    }
    xc_sentence_list sentences = {0};
    CHECK(xc_split_sentences(text, len, &tokens, &sentences) == XC_OK);
    size_t next_token = 0;
    for (size_t i = 0; i < sentences.count; i++) {
        const xc_sentence *s = &sentences.items[i];
        CHECK(s->first_token == next_token && s->token_count > 0);
        next_token += s->token_count;
        CHECK(s->start < s->end && s->end <= len);
    }
    CHECK(next_token == tokens.count);
    xc_token_list_free(&tokens);
    xc_sentence_list_free(&sentences);

    xc_date date;
    if (xc_date_parse(text, len, &date)) {
        char iso[40];
        CHECK(xc_date_format(&date, iso, sizeof iso) < sizeof iso);
    }
    free(text);
    return 0;
}
