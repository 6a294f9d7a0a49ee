/* Fuzz the quantity finder on arbitrary text (repaired to UTF-8): every
 * span lies inside the text and inside its sentence, intervals are
 * ordered and never NaN, names are known, and the comparison is
 * symmetric and never relates a non-fact. */
#include <math.h>
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
    xc_quantity_list list = {0};
    /* invalid UTF-8 is refused, never read */
    if (!xc_utf8_valid((const char *)data, size, NULL))
        CHECK(xc_find_quantities((const char *)data, size, &list) == XC_ERR_UTF8 && list.count == 0);
    size_t len, repairs;
    char *text = xc_utf8_repair((const char *)data, size, &len, &repairs);
    if (!text)
        return 0;
    xc_status st = xc_find_quantities(text, len, &list);
    CHECK(st == XC_OK || st == XC_ERR_NOMEM);
    uint32_t last_start = 0;
    for (size_t i = 0; i < list.count; i++) {
        const xc_quantity *q = &list.items[i];
        CHECK(q->start < q->end && q->end <= len);
        CHECK(q->start >= last_start); /* in text order */
        last_start = q->start;
        CHECK(q->number_start >= q->start && q->number_end <= q->end && q->number_start < q->number_end);
        CHECK(q->sentence_start <= q->start && q->end <= q->sentence_end && q->sentence_end <= len);
        CHECK(q->thing_start <= q->thing_end && q->thing_end <= len);
        CHECK(q->predicate_start <= q->predicate_end && q->predicate_end <= len);
        CHECK(!isnan(q->value) && !isnan(q->low) && !isnan(q->high));
        CHECK(q->low <= q->high);
        CHECK(memchr(q->thing, '\0', sizeof q->thing) && memchr(q->predicate, '\0', sizeof q->predicate));
        CHECK(memchr(q->unit, '\0', sizeof q->unit));
        CHECK(strcmp(xc_quantity_kind_name((xc_quantity_kind)q->kind), "unknown") != 0);
        CHECK(strcmp(xc_hedge_name((xc_hedge)q->hedge), "unknown") != 0);
        const xc_quantity *o = &list.items[(i + 1) % list.count];
        xc_quantity_relation r = xc_compare_quantities(q, o);
        CHECK(r == xc_compare_quantities(o, q));
        CHECK(xc_compare_quantities(q, q) == (xc_quantity_is_fact(q) && q->thing[0] ? XC_QREL_AGREE
                                                                                     : XC_QREL_UNRELATED));
        if (!xc_quantity_is_fact(q) || !xc_quantity_is_fact(o))
            CHECK(r == XC_QREL_UNRELATED);
    }
    xc_quantity_list_free(&list);
    free(text);
    return 0;
}
