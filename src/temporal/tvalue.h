/* The normaliser's values: a calendar period at some granularity (a day, a
 * week, a month, a quarter ... a century), with unknown parts kept as
 * unknown so that they print as TimeML's X digits, and the arithmetic the
 * rules need (the period holding a day, the one n periods before or after,
 * a coarser or finer view of it). */
#ifndef XC_TEMPORAL_TVALUE_H
#define XC_TEMPORAL_TVALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define XC_NO_YEAR INT32_MIN

typedef enum xc_gran {
    XC_G_NONE = 0,
    XC_G_REF,       /* PRESENT_REF, PAST_REF, FUTURE_REF                   */
    XC_G_CENTURY,   /* year = century number: 19 for the 1900s              */
    XC_G_DECADE,    /* year = decade number: 199 for the 1990s              */
    XC_G_YEAR,
    XC_G_HALF,      /* sub = 1, 2                                           */
    XC_G_QUARTER,   /* sub = 1-4                                            */
    XC_G_SEASON,    /* sub = 1 spring, 2 summer, 3 fall, 4 winter           */
    XC_G_MONTH,     /* sub = 1-12                                           */
    XC_G_WEEK,      /* year = ISO week-numbering year, sub = ISO week       */
    XC_G_WEEKEND,   /* as WEEK                                              */
    XC_G_DAY        /* sub = month, day = day of month                      */
} xc_gran;

typedef struct xc_tval {
    uint8_t gran;        /* xc_gran                                         */
    int32_t year;        /* XC_NO_YEAR when unknown                         */
    int16_t sub;         /* 0 when unknown (printed as X)                   */
    int16_t day;         /* 0 when unknown                                  */
    int8_t weekday;      /* a day known only by its weekday: XXXX-WXX-5     */
    int8_t hour, minute; /* a time of day (TIME), -1 when none              */
    const char *part;    /* a part of the day: "MO", "AF", "EV", "NI"       */
    const char *ref;     /* XC_G_REF: "PRESENT_REF" ...                     */
} xc_tval;

/* A value with nothing known at granularity g. */
xc_tval xc_tval_unknown(xc_gran g);
xc_tval xc_tval_ref(const char *ref);
/* The day `days` (since 1970-01-01) and the period of granularity g
 * holding it. */
xc_tval xc_tval_from_days(int64_t days, xc_gran g);
bool xc_tval_known(const xc_tval *v); /* the year (or decade ...) is known */
/* The first day of a value whose year is known (for comparisons). */
int64_t xc_tval_first_day(const xc_tval *v);
/* n periods of the value's own granularity later (n < 0: earlier). Unknown
 * values stay unknown. */
xc_tval xc_tval_shift(xc_tval v, int n);
/* n years later, keeping the granularity (the quarter a year earlier). */
xc_tval xc_tval_shift_years(xc_tval v, int n);
/* The same time seen at a coarser granularity (a day's month or year). */
xc_tval xc_tval_coarsen(xc_tval v, xc_gran g);

/* TimeML's value: 2025-03-11, XXXX-03, 1989-Q3, 199, 2025-W11-WE,
 * 2025-03-11T15:00 ... Returns the length (output always NUL-terminated
 * when cap > 0). */
size_t xc_tval_format(const xc_tval *v, char *out, size_t cap);

/* Read back a value xc_tval_format wrote, when it names a known period:
 * a year, decade or century, with its half, quarter, season, month, week
 * or day, and a day's time. False for X digits, references (PRESENT_REF),
 * durations and anything else. */
bool xc_tval_parse(const char *value, xc_tval *out);

/* The granularity's name: "century", "decade", "year", "half", "quarter",
 * "season", "month", "week", "weekend", "day"; "time" for a day's time. */
const char *xc_tval_precision(const xc_tval *v);

#endif
