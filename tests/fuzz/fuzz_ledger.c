/* Fuzz the story ledger on arbitrary text (repaired to UTF-8): each line
 * is a quote of one of four reports (its first byte picks the report and
 * the speaker), the whole text's numbers are facts spread over the
 * reports. Every quote lands in exactly one remark and every eligible fact
 * in exactly one reading; counts stay within bounds; word diffs cover
 * both texts in order. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crosscheck.h"
#include "ledger/ledger.h"

#define CHECK(cond) \
    do { \
        if (!(cond)) \
            abort(); \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_diff(const char *a, size_t an, const char *b, size_t bn, xc_diff *d)
{
    if (xc_word_diff(a, an, b, bn, d) != XC_OK)
        return;
    CHECK(d->common <= d->a_words && d->common <= d->b_words);
    uint32_t at = 0, bt = 0;
    for (size_t i = 0; i < d->ops.count; i++) {
        const xc_diff_op *op = &d->ops.items[i];
        CHECK(op->op == '=' || op->op == '-' || op->op == '+');
        CHECK(op->start < op->end);
        if (op->op == '+') {
            CHECK(op->start >= bt && op->end <= bn);
            bt = op->end;
        } else {
            CHECK(op->start >= at && op->end <= an);
            at = op->end;
        }
        if (i > 0)
            CHECK(op->op != d->ops.items[i - 1].op); /* runs are merged */
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t len, repairs;
    char *text = xc_utf8_repair((const char *)data, size, &len, &repairs);
    if (!text)
        return 0;
    xc_ledger_report reports[4] = {{1, 0, 0}, {2, 3600, 1}, {1, 7200, 2}, {3, INT64_MIN, 3}};
    /* quotes: one a line */
    xc_ledger_quote quotes[64];
    size_t n = 0;
    for (size_t start = 0; start < len && n < 64;) {
        size_t end = start;
        while (end < len && text[end] != '\n')
            end++;
        if (end > start) {
            unsigned char pick = (unsigned char)text[start];
            quotes[n++] = (xc_ledger_quote){text + start + 1, end - start - 1, pick % 3, (uint32_t)(pick / 3 % 4)};
        }
        start = end + 1;
    }
    xc_diff d = {0};
    if (n >= 2)
        check_diff(quotes[0].text, quotes[0].len, quotes[1].text, quotes[1].len, &d);
    xc_diff_free(&d);
    xc_remark_ledger remarks = {0};
    if (xc_remark_ledger_build(&remarks, reports, 4, quotes, n) == XC_OK) {
        CHECK(remarks.members.count == n);
        uint8_t *seen = calloc(n ? n : 1, 1);
        CHECK(seen);
        for (size_t r = 0; r < remarks.remarks.count; r++) {
            const xc_remark_group *g = &remarks.remarks.items[r];
            CHECK(g->count >= 1 && g->first + g->count <= remarks.members.count);
            CHECK(g->independent >= 1 && g->independent <= 3 && g->outlets <= 4);
            CHECK(remarks.members.items[g->first].wording == XC_WORDING_MAIN);
            for (uint32_t m = 0; m < g->count; m++) {
                uint32_t q = remarks.members.items[g->first + m].quote;
                CHECK(q < n && !seen[q]);
                seen[q] = 1;
                /* never two speakers in one remark */
                CHECK(!quotes[q].entity || !g->entity || quotes[q].entity == g->entity);
            }
        }
        free(seen);
    }
    xc_remark_ledger_free(&remarks);
    /* facts */
    xc_quantity_list list = {0};
    if (xc_find_quantities(text, len, &list) == XC_OK) {
        xc_ledger_fact *facts = malloc((list.count ? list.count : 1) * sizeof *facts);
        CHECK(facts);
        size_t eligible = 0;
        for (size_t i = 0; i < list.count; i++) {
            facts[i] = (xc_ledger_fact){list.items[i], (uint32_t)(i % 4)};
            eligible += list.items[i].thing[0] && xc_quantity_is_fact(&list.items[i]);
        }
        xc_fact_ledger l = {0};
        if (xc_fact_ledger_build(&l, reports, 4, facts, list.count) == XC_OK) {
            CHECK(l.members.count == eligible);
            for (size_t g = 0; g < l.groups.count; g++) {
                const xc_fact_group *group = &l.groups.items[g];
                CHECK(group->reading_count >= 1 && group->verdict <= XC_FACT_CONFLICT);
                CHECK(group->link_count == group->reading_count * (group->reading_count - 1) / 2);
                CHECK((group->verdict == XC_FACT_CONFLICT || group->verdict == XC_FACT_UPDATE) ==
                      (group->reading_count > 1));
                for (uint32_t k = 0; k < group->link_count; k++) {
                    const xc_reading_link *link = &l.links.items[group->first_link + k];
                    CHECK(link->a >= group->first_reading && link->a < group->first_reading + group->reading_count);
                    CHECK(link->b >= group->first_reading && link->b < group->first_reading + group->reading_count);
                }
            }
        }
        xc_fact_ledger_free(&l);
        free(facts);
    }
    xc_quantity_list_free(&list);
    free(text);
    return 0;
}
