/* Fuzz the brief on arbitrary text (repaired to UTF-8): blank lines split
 * it into up to eight reports (every third a copy of the one before), the
 * dates each names are found against a fixed anchor, and the summariser,
 * its citations and the timeline run over them. Picks stay within the
 * budget and in reading order, citations name real docs, timeline events
 * come in date order and point at sentences of their docs. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crosscheck.h"
#include "brief/brief.h"

#define CHECK(cond) \
    do { \
        if (!(cond)) \
            abort(); \
    } while (0)

#define MAX_DOCS 8

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static xc_stemmer *stemmer;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!stemmer && !(stemmer = xc_stemmer_new("english")))
        return 0;
    size_t len, repairs;
    char *text = xc_utf8_repair((const char *)data, size, &len, &repairs);
    if (!text)
        return 0;
    xc_summary_doc docs[MAX_DOCS];
    size_t n = 0, start = 0;
    for (size_t i = 0; i <= len && n < MAX_DOCS; i++)
        if (i == len || (i + 1 < len && text[i] == '\n' && text[i + 1] == '\n')) {
            int64_t group = n % 3 == 2 ? (int64_t)n - 1 : (int64_t)n;
            docs[n] = (xc_summary_doc){.text = text + start, .text_len = i - start, .group = group,
                                       .outlet = (uint32_t)n, .ts = (int64_t)n * 3600};
            if (n == 0 && i > start) { /* the first line of the first report is its title too */
                docs[n].title = text + start;
                docs[n].title_len = strcspn(text + start, "\n") < i - start ? strcspn(text + start, "\n") : i - start;
            }
            n++;
            start = i + 2 <= len ? i + 2 : len;
        }
    xc_date anchor = {0};
    xc_date_parse("2031-05-02", 10, &anchor);
    struct { xc_dated *items; size_t count, capacity; } dates = {0};
    xc_timex_list found = {0};
    for (size_t d = 0; d < n; d++) {
        found.count = 0;
        if (xc_find_dates(docs[d].text, docs[d].text_len, &anchor, &found) != XC_OK)
            continue;
        for (size_t k = 0; k < found.count; k++) {
            xc_dated x = {.doc = (uint32_t)d, .start = found.items[k].start, .end = found.items[k].end};
            memcpy(x.value, found.items[k].value, sizeof x.value);
            if (!XC_VEC_PUSH(&dates, x))
                break;
        }
    }
    xc_units u = {0};
    xc_u32_list picked = {0}, carriers = {0};
    xc_timeline t = {0};
    size_t budget = size % 97 + 1;
    if (xc_units_build(&u, stemmer, docs, n, size % 2 ? XC_UNITS_TITLES : 0) == XC_OK &&
        xc_summarize_brief(&u, docs, n, budget, &picked) == XC_OK) {
        size_t words = 0;
        for (size_t i = 0; i < picked.count; i++) {
            CHECK(picked.items[i] < u.units.count);
            const xc_unit *unit = &u.units.items[picked.items[i]];
            words += unit->words;
            CHECK(unit->doc < n && unit->start <= unit->end);
            CHECK(unit->end <= (unit->title ? docs[unit->doc].title_len : docs[unit->doc].text_len));
            if (i > 0) {
                const xc_unit *before = &u.units.items[picked.items[i - 1]];
                CHECK(before->doc < unit->doc || (before->doc == unit->doc && (before->title > unit->title ||
                      before->position <= unit->position)));
            }
            if (xc_brief_carriers(&xc_brief_defaults, &u, picked.items[i], &carriers) == XC_OK) {
                CHECK(carriers.count >= 1);
                bool own = false;
                for (size_t k = 0; k < carriers.count; k++) {
                    CHECK(carriers.items[k] < n);
                    CHECK(k == 0 || carriers.items[k] > carriers.items[k - 1]);
                    own = own || carriers.items[k] == unit->doc;
                }
                CHECK(own);
            }
        }
        CHECK(picked.count <= 1 || words <= budget);
        if (xc_timeline_build(&t, &u, docs, n, dates.items, dates.count, size % 5) == XC_OK) {
            CHECK(size % 5 == 0 || t.items.count <= size % 5);
            for (size_t i = 0; i < t.items.count; i++) {
                const xc_timeline_item *item = &t.items.items[i];
                CHECK(item->unit < u.units.count && item->dated < dates.count);
                CHECK(item->doc_count >= 1 && item->independent >= 1 && item->independent <= item->doc_count);
                CHECK(item->first_doc + item->doc_count <= t.docs.count);
                CHECK(dates.items[item->dated].doc == u.units.items[item->unit].doc);
                CHECK(i == 0 || t.items.items[i - 1].first_day <= item->first_day);
            }
        }
    }
    xc_timeline_free(&t);
    xc_units_free(&u);
    free(picked.items);
    free(carriers.items);
    free(dates.items);
    xc_timex_list_free(&found);
    free(text);
    return 0;
}
