/* Counting reports: how many independent reports (duplicate groups) and
 * outlets a list of reports holds. Lists are a fact's or a remark's
 * reports: small, so a scan of the ones before each will do. */
#include "ledger.h"

void xc_ledger_count_reports(const xc_ledger_report *reports, const uint32_t *report_of, size_t n,
                             uint32_t *independent, uint32_t *outlets)
{
    uint32_t groups = 0, distinct_outlets = 0;
    for (size_t i = 0; i < n; i++) {
        const xc_ledger_report *ri = &reports[report_of[i]];
        bool new_group = true, new_outlet = true;
        for (size_t k = 0; k < i && (new_group || new_outlet); k++) {
            const xc_ledger_report *rk = &reports[report_of[k]];
            new_group &= rk->group != ri->group;
            new_outlet &= rk->outlet != ri->outlet;
        }
        groups += new_group;
        distinct_outlets += new_outlet;
    }
    *independent = groups;
    if (outlets)
        *outlets = distinct_outlets;
}
