/* The temporal expression recogniser (xc_find_dates in the public header)
 * with switches for measuring what its resolution rules are worth. */
#ifndef XC_TEMPORAL_TIMEX_H
#define XC_TEMPORAL_TIMEX_H

#include "crosscheck.h"

typedef struct xc_timex_options {
    bool no_tense;     /* bare weekdays and months: always the last one    */
    bool no_discourse; /* "a year earlier" ... from the anchor, never from
                          the date the text mentioned last                 */
} xc_timex_options;

/* xc_find_dates with options (NULL: the defaults, all rules on). */
xc_status xc_find_dates_with(const char *text, size_t len, const xc_date *anchor,
                             const xc_timex_options *options, xc_timex_list *out);

#endif
