/* Calendar arithmetic for the temporal expressions: proleptic Gregorian
 * days, weekdays and ISO 8601 weeks. Dates are plain integers so that the
 * normaliser can step by days, weeks, months and years without time zones. */
#ifndef XC_CALENDAR_H
#define XC_CALENDAR_H

#include <stdbool.h>
#include <stdint.h>

/* Days since 1970-01-01 of year-month-day (month 1-12, any day: 0 is the
 * last day of the month before), and back. */
int64_t xc_days_from_civil(int64_t year, int month, int day);
void xc_civil_from_days(int64_t days, int *year, int *month, int *day);

int xc_days_in_month(int year, int month);
bool xc_valid_day(int year, int month, int day);

/* ISO weekday of a day number: 1 = Monday ... 7 = Sunday. */
int xc_weekday(int64_t days);

/* ISO 8601 week of a day: the week-numbering year and week 1-53. */
void xc_iso_week(int64_t days, int *week_year, int *week);
/* The Monday of ISO week `week` of `week_year`. */
int64_t xc_iso_week_monday(int week_year, int week);

#endif
