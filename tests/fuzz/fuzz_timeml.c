/* Fuzz the TimeML reader: any bytes as a document. What it accepts must
 * hold together (spans inside the text, the text as long as it says),
 * and the recogniser must run on the text and the DCT it found. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crosscheck.h"
#include "eval/timeml.h"

#define CHECK(cond) \
    do { \
        if (!(cond)) \
            abort(); \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    xc_timeml_doc doc;
    xc_error err = {0};
    if (xc_timeml_parse("fuzz.tml", (const char *)data, size, &doc, &err) != XC_OK) {
        CHECK(err.message[0] && !doc.text && !doc.timexes && !doc.name);
        return 0;
    }
    CHECK(doc.name && doc.text && strlen(doc.text) <= doc.text_len);
    CHECK(strnlen(doc.dct, sizeof doc.dct) < sizeof doc.dct);
    for (size_t i = 0; i < doc.timex_count; i++) {
        const xc_timeml_timex *t = &doc.timexes[i];
        CHECK(t->start <= t->end && t->end <= doc.text_len);
        CHECK(strnlen(t->value, sizeof t->value) < sizeof t->value);
        CHECK(strnlen(t->type, sizeof t->type) < sizeof t->type);
        CHECK(strnlen(t->tid, sizeof t->tid) < sizeof t->tid);
    }
    xc_date anchor;
    bool dated = doc.dct[0] && xc_date_parse(doc.dct, strlen(doc.dct), &anchor);
    xc_timex_list list = {0};
    CHECK(xc_find_dates(doc.text, doc.text_len, dated ? &anchor : NULL, &list) == XC_OK);
    for (size_t i = 0; i < list.count; i++)
        CHECK(list.items[i].end <= doc.text_len);
    xc_timex_list_free(&list);
    xc_timeml_doc_free(&doc);
    return 0;
}
