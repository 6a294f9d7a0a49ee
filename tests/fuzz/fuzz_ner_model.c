/* Fuzz the entity model loader: damaged or hostile model files are refused
 * with an error, never read out of bounds. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ner/features.h"
#include "ner/model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* the loader wants 8-byte aligned data, as files read by malloc are */
    uint64_t *copy = malloc(size / 8 * 8 + 8);
    if (!copy)
        return 0;
    memcpy(copy, data, size);
    xc_ner_model m;
    xc_error err = {0};
    if (xc_ner_model_load(&m, copy, size, &err) == XC_OK) {
        static const char *const words[] = {"Marco", "Rubio", "met", "officials", "in", "Jeddah", "."};
        static const size_t lengths[] = {5, 5, 3, 9, 2, 6, 1};
        xc_ner_sentence s = {0};
        uint8_t labels[7];
        if (xc_ner_sentence_prepare(&s, NULL, words, lengths, 7) == XC_OK) {
            xc_ner_model_decode(&m, &s, NULL, labels);
            for (int i = 0; i < 7; i++)
                if (labels[i] >= XC_NER_LABELS)
                    abort();
        }
        xc_ner_sentence_free(&s);
        xc_ner_model_free(&m);
    } else if (!err.message[0])
        abort();
    free(copy);
    return 0;
}
