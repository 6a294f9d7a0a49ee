/* Proleptic Gregorian calendar arithmetic (Howard Hinnant's algorithms)
 * and ISO 8601 weeks. */
#include "calendar.h"

int64_t xc_days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void xc_civil_from_days(int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int xc_days_in_month(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
        return 29;
    return days[month - 1];
}

bool xc_valid_day(int year, int month, int day)
{
    return month >= 1 && month <= 12 && day >= 1 && day <= xc_days_in_month(year, month);
}

int xc_weekday(int64_t days)
{
    /* 1970-01-01 was a Thursday (4). */
    int64_t w = (days + 3) % 7;
    if (w < 0)
        w += 7;
    return (int)w + 1;
}

int64_t xc_iso_week_monday(int week_year, int week)
{
    /* Week 1 holds January 4th. */
    int64_t jan4 = xc_days_from_civil(week_year, 1, 4);
    return jan4 - (xc_weekday(jan4) - 1) + (int64_t)(week - 1) * 7;
}

void xc_iso_week(int64_t days, int *week_year, int *week)
{
    int y, m, d;
    /* The Thursday of the same week decides the week-numbering year. */
    int64_t thursday = days - xc_weekday(days) + 4;
    xc_civil_from_days(thursday, &y, &m, &d);
    *week_year = y;
    *week = (int)((thursday - xc_days_from_civil(y, 1, 1)) / 7) + 1;
}
