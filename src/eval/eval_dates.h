/* Scoring the temporal expression recogniser on TimeML (xc_eval_dates in
 * the public header), with a look at each error for tuning the rules. */
#ifndef XC_EVAL_DATES_H
#define XC_EVAL_DATES_H

#include "crosscheck.h"
#include "../temporal/timex.h"

typedef enum xc_date_error_kind {
    XC_DATE_MISSED,      /* a gold DATE nothing overlaps                       */
    XC_DATE_SPURIOUS,    /* a predicted DATE overlapping no gold DATE           */
    XC_DATE_WRONG_VALUE, /* overlapping, but another value                     */
    XC_DATE_SPAN         /* right value, overlapping but not the same span     */
} xc_date_error_kind;

typedef struct xc_date_error {
    xc_date_error_kind kind;
    const char *file, *dct;
    const char *gold_text, *gold_value;   /* NULL for SPURIOUS                */
    size_t gold_len;
    const char *pred_text, *pred_value;   /* NULL for MISSED                  */
    size_t pred_len;
    const char *context;                  /* the words around, for reading    */
    size_t context_len;
} xc_date_error;

typedef struct xc_eval_dates_options {
    const xc_timex_options *timex;          /* NULL: the defaults              */
    void (*warn)(void *user, const char *message);      /* unreadable files   */
    void (*error)(void *user, const xc_date_error *e);  /* each error         */
    void *user;
} xc_eval_dates_options;

xc_status xc_eval_dates_run(const char *dir, const xc_eval_dates_options *options, xc_eval_dates_result *out,
                            xc_error *err);

#endif
