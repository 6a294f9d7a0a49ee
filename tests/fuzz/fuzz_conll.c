/* Fuzz the CoNLL reader and the tagger behind `ner --conll` / `eval ner`:
 * any bytes parse without crashing, and every token read gets a tag. */
#include <stdint.h>
#include <stdlib.h>

#include "ner/metrics.h"
#include "ner/tagger.h"
#include "ner/train.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static xc_ner_tagger tagger;
static int loaded; /* 1 loaded, -1 not built in */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!loaded) {
        xc_error err = {0};
        loaded = xc_ner_tagger_open(&tagger, NULL, &err) == XC_OK ? 1 : -1;
    }
    xc_conll c;
    xc_error err = {0};
    if (xc_conll_parse("fuzz.conll", (const char *)data, size, &c, NULL, NULL, &err) != XC_OK)
        return 0;
    size_t sum = 0;
    for (size_t k = 0; k < c.sentences.count; k++)
        sum += c.sentences.items[k].count;
    if (sum != c.tokens.count)
        abort();
    if (loaded == 1 && c.tokens.count > 0) {
        uint8_t *iob = malloc(c.tokens.count);
        if (iob && xc_ner_tag_conll(&tagger.model, &tagger.resources, &c, iob, &err) == XC_OK) {
            xc_ner_scores s = {0};
            for (size_t k = 0; k < c.sentences.count; k++) {
                const xc_conll_sentence *sent = &c.sentences.items[k];
                for (size_t i = 0; i < sent->count; i++)
                    if (iob[sent->first + i] >= XC_IOB_TAGS)
                        abort();
                xc_ner_scores_add(&s, iob + sent->first, iob + sent->first, sent->count);
            }
            if (s.all.correct != s.all.predicted)
                abort(); /* tags scored against themselves are all right */
        }
        free(iob);
    }
    xc_conll_free(&c);
    return 0;
}
