/* Fuzz the temporal expression recogniser and the date inference: any
 * bytes (valid UTF-8 or not), anchored at a few dates and at none. Spans
 * must be in order, inside the text and apart; values printable TimeML;
 * an inferred date a real day with its evidence said. */
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

static void check(const char *text, size_t len, const xc_date *anchor)
{
    xc_timex_list list = {0};
    CHECK(xc_find_dates(text, len, anchor, &list) == XC_OK);
    uint32_t last = 0;
    for (size_t i = 0; i < list.count; i++) {
        const xc_timex *t = &list.items[i];
        CHECK(t->start < t->end && t->end <= len && t->start >= last);
        last = t->end;
        size_t n = strnlen(t->value, sizeof t->value);
        CHECK(n > 0 && n < sizeof t->value);
        for (size_t k = 0; k < n; k++)
            CHECK(t->value[k] > 0x20 && t->value[k] < 0x7F);
        CHECK(t->type <= XC_TIMEX_SET);
        CHECK(strcmp(xc_timex_type_name(t->type), "") != 0);
    }
    xc_timex_list_free(&list);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    xc_date anchors[3] = {
        {20158 * 86400, XC_DATE_DAY},   /* 2025-03-11 */
        {7238 * 86400, XC_DATE_DAY},    /* 1989-10-26 */
        {2932896LL * 86400, XC_DATE_DAY}, /* 9999-12-31: the end of the calendar */
    };
    check(text, size, NULL);
    check(text, size, &anchors[size % 3]);
    xc_date d;
    char evidence[120];
    xc_status st = xc_infer_document_date(text, size, &d, evidence, sizeof evidence);
    CHECK(st == XC_OK || st == XC_ERR_NOT_FOUND);
    if (st == XC_OK) {
        CHECK(d.precision == XC_DATE_DAY && evidence[0] && d.unix_seconds % 86400 == 0);
        char day[32];
        CHECK(xc_date_format(&d, day, sizeof day) == 10);
    } else {
        CHECK(evidence[0] == '\0');
    }
    return 0;
}
