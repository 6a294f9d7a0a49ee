/* Dates as articles carry them in metadata: ISO 8601, RFC 2822, the
 * "March 11, 2025" and "11 March 2025" of bylines, numeric epochs. Each is
 * turned into UTC seconds and a precision; anything ambiguous (03/11/2025:
 * March or November?) is refused rather than guessed. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "crosscheck.h"

typedef struct fields {
    int year, month, day, hour, minute, second;
    int offset_minutes; /* east of UTC */
    xc_date_precision precision;
} fields;

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
 * days_from_civil). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d)
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

static int days_in_month(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
        return 29;
    return days[month - 1];
}

static bool finish(fields *f, xc_date *out)
{
    if (f->year < 1 || f->year > 9999)
        return false;
    if (f->precision >= XC_DATE_MONTH && (f->month < 1 || f->month > 12))
        return false;
    if (f->precision >= XC_DATE_DAY && (f->day < 1 || f->day > days_in_month(f->year, f->month)))
        return false;
    if (f->hour > 23 || f->minute > 59 || f->second > 60 || f->hour < 0 || f->minute < 0)
        return false;
    int month = f->month ? f->month : 1, day = f->day ? f->day : 1;
    int64_t t = days_from_civil(f->year, month, day) * 86400 + f->hour * 3600 + f->minute * 60 +
                (f->second == 60 ? 59 : f->second);
    out->unix_seconds = t - (int64_t)f->offset_minutes * 60;
    out->precision = f->precision;
    return true;
}

/* Read exactly `n` digits at *p. */
static bool fixed_digits(const char **p, const char *end, int n, int *value)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (*p >= end || !isdigit((unsigned char)**p))
            return false;
        v = v * 10 + (**p - '0');
        (*p)++;
    }
    *value = v;
    return true;
}

typedef struct zone {
    const char *name;
    int offset_minutes;
} zone;

static const zone zones[] = {
    {"z", 0},       {"ut", 0},      {"utc", 0},     {"gmt", 0},     {"est", -300},
    {"edt", -240},  {"cst", -360},  {"cdt", -300},  {"mst", -420},  {"mdt", -360},
    {"pst", -480},  {"pdt", -420},  {"bst", 60},    {"cet", 60},    {"cest", 120},
    {"eet", 120},   {"eest", 180},  {"msk", 180},   {"jst", 540},   {"aest", 600},
};

/* A zone name or a numeric offset (+01:00, +0100, -05). */
static bool parse_zone(const char *p, const char *end, int *offset)
{
    size_t n = (size_t)(end - p);
    if (n == 0)
        return false;
    if (*p == '+' || *p == '-') {
        int sign = *p == '-' ? -1 : 1, h, m = 0;
        p++;
        if (!fixed_digits(&p, end, 2, &h))
            return false;
        if (p < end && *p == ':')
            p++;
        if (p < end && !fixed_digits(&p, end, 2, &m))
            return false;
        if (p != end || h > 14 || m > 59)
            return false;
        *offset = sign * (h * 60 + m);
        return true;
    }
    for (size_t i = 0; i < sizeof zones / sizeof *zones; i++) {
        if (strlen(zones[i].name) == n && strncasecmp(zones[i].name, p, n) == 0) {
            *offset = zones[i].offset_minutes;
            return true;
        }
    }
    return false;
}

/* hh:mm[:ss[.fff]] */
static bool parse_clock(const char **p, const char *end, fields *f)
{
    if (!fixed_digits(p, end, 2, &f->hour) || *p >= end || **p != ':')
        return false;
    (*p)++;
    if (!fixed_digits(p, end, 2, &f->minute))
        return false;
    f->precision = XC_DATE_MINUTE;
    if (*p < end && **p == ':') {
        (*p)++;
        if (!fixed_digits(p, end, 2, &f->second))
            return false;
        f->precision = XC_DATE_SECOND;
        if (*p < end && (**p == '.' || **p == ',')) {
            (*p)++;
            while (*p < end && isdigit((unsigned char)**p))
                (*p)++;
        }
    }
    return true;
}

/* 2025, 2025-03, 2025-03-11, 2025-03-11T09:00[:00[.000]][Z|±hh:mm], also
 * with / or . between the date parts and a space before the time. */
static bool parse_iso(const char *p, const char *end, xc_date *out)
{
    fields f = {.precision = XC_DATE_YEAR};
    if (!fixed_digits(&p, end, 4, &f.year))
        return false;
    if (p == end)
        return finish(&f, out);
    char sep = *p;
    if (sep != '-' && sep != '/' && sep != '.')
        return false;
    p++;
    if (!fixed_digits(&p, end, 2, &f.month))
        return false;
    f.precision = XC_DATE_MONTH;
    if (p == end)
        return finish(&f, out);
    if (*p != sep)
        return false;
    p++;
    if (!fixed_digits(&p, end, 2, &f.day))
        return false;
    f.precision = XC_DATE_DAY;
    if (p == end)
        return finish(&f, out);
    if (*p != 'T' && *p != 't' && *p != ' ')
        return false;
    p++;
    if (!parse_clock(&p, end, &f))
        return false;
    while (p < end && *p == ' ')
        p++;
    if (p < end && !parse_zone(p, end, &f.offset_minutes))
        return false;
    return finish(&f, out);
}

static int month_number(const char *word, size_t n)
{
    static const char *const names[] = {"january", "february", "march",     "april",
                                        "may",     "june",     "july",      "august",
                                        "september", "october", "november", "december"};
    if (n < 3)
        return 0;
    for (int m = 0; m < 12; m++) {
        size_t full = strlen(names[m]);
        if (n > full)
            continue;
        /* Full name, three-letter form, or "Sept". */
        if ((n == full || n == 3 || (m == 8 && n == 4)) && strncasecmp(names[m], word, n) == 0)
            return m + 1;
    }
    return 0;
}

static bool is_weekday(const char *word, size_t n)
{
    static const char *const names[] = {"monday", "tuesday", "wednesday", "thursday",
                                        "friday", "saturday", "sunday"};
    for (int d = 0; d < 7; d++) {
        size_t full = strlen(names[d]);
        if ((n == full || n == 3 || (n == 4 && (d == 1 || d == 3))) && n <= full &&
            strncasecmp(names[d], word, n) == 0)
            return true;
    }
    return false;
}

/* Word-by-word parse for "Tue, 11 Mar 2025 09:00:00 GMT", "March 11, 2025",
 * "11 March 2025 10:30 a.m. EST", "Mar. 11 2025". */
static bool parse_words(const char *p, const char *end, xc_date *out)
{
    fields f = {.precision = XC_DATE_NONE};
    int day = 0, month = 0, year = 0;
    bool have_time = false, pm = false, am = false, have_zone = false, short_year = false;
    while (p < end) {
        if (*p == ' ' || *p == ',' || *p == '\t') {
            p++;
            continue;
        }
        if (*p == '(') { /* RFC 2822 comment at the end: "+0000 (UTC)" */
            const char *close = memchr(p, ')', (size_t)(end - p));
            if (!close)
                return false;
            for (p = close + 1; p < end && (*p == ' ' || *p == '\t'); p++)
                ;
            if (p != end)
                return false;
            break;
        }
        const char *w = p;
        if (isdigit((unsigned char)*p)) {
            while (p < end && isdigit((unsigned char)*p))
                p++;
            size_t n = (size_t)(p - w);
            if (p < end && *p == ':') { /* a clock time */
                if (have_time || n > 2)
                    return false;
                const char *clock = w;
                char padded[16];
                if (n == 1) { /* 9:30 → 09:30 */
                    size_t rest = (size_t)(end - w);
                    if (rest + 2 > sizeof padded)
                        rest = sizeof padded - 2;
                    padded[0] = '0';
                    memcpy(padded + 1, w, rest);
                    const char *q = padded;
                    if (!parse_clock(&q, padded + rest + 1, &f))
                        return false;
                    p = w + (q - padded) - 1;
                } else {
                    p = clock;
                    if (!parse_clock(&p, end, &f))
                        return false;
                }
                have_time = true;
                continue;
            }
            /* ordinal suffix: 11th, 1st */
            const char *suffix = p;
            while (p < end && isalpha((unsigned char)*p))
                p++;
            size_t sn = (size_t)(p - suffix);
            if (sn && !(sn == 2 && (strncasecmp(suffix, "st", 2) == 0 || strncasecmp(suffix, "nd", 2) == 0 ||
                                    strncasecmp(suffix, "rd", 2) == 0 || strncasecmp(suffix, "th", 2) == 0)))
                return false;
            if (n > 4) /* no day or year has more digits */
                return false;
            int v = 0;
            for (const char *d = w; d < w + n; d++)
                v = v * 10 + (*d - '0');
            if (n == 4 && !sn && !year)
                year = v;
            else if (n <= 2 && !day)
                day = v;
            else if (n == 2 && !sn && day && month && !year) {
                /* RFC 822's two-digit year ("11 Mar 25 17:02 EST"), only
                 * with a time after it; 50-99 are 19xx as RFC 2822 says. */
                year = v < 50 ? 2000 + v : 1900 + v;
                short_year = true;
            } else
                return false;
            continue;
        }
        if (*p == '+' || *p == '-') {
            const char *z = p++;
            while (p < end && (isdigit((unsigned char)*p) || *p == ':'))
                p++;
            if (have_zone || !parse_zone(z, p, &f.offset_minutes))
                return false;
            have_zone = true;
            continue;
        }
        if (isalpha((unsigned char)*p)) {
            while (p < end && (isalpha((unsigned char)*p) || *p == '.'))
                p++;
            size_t n = (size_t)(p - w);
            while (n > 0 && w[n - 1] == '.')
                n--;
            int m;
            if (n == 0)
                continue;
            if ((n == 2 && strncasecmp(w, "am", 2) == 0) || (n == 3 && strncasecmp(w, "a.m", 3) == 0))
                am = true;
            else if ((n == 2 && strncasecmp(w, "pm", 2) == 0) || (n == 3 && strncasecmp(w, "p.m", 3) == 0))
                pm = true;
            else if ((m = month_number(w, n)) != 0 && !month)
                month = m;
            else if (is_weekday(w, n) || (n == 2 && strncasecmp(w, "of", 2) == 0) ||
                     (n == 2 && strncasecmp(w, "at", 2) == 0))
                ;
            else if (!have_zone && parse_zone(w, w + n, &f.offset_minutes))
                have_zone = true;
            else
                return false;
            continue;
        }
        return false;
    }
    if (!month || !year || (short_year && !have_time))
        return false;
    if ((am || pm) && (!have_time || f.hour < 1 || f.hour > 12))
        return false;
    if (pm && f.hour < 12)
        f.hour += 12;
    if (am && f.hour == 12)
        f.hour = 0;
    f.year = year;
    f.month = month;
    f.day = day;
    if (!have_time)
        f.precision = day ? XC_DATE_DAY : XC_DATE_MONTH;
    else if (!day)
        return false;
    return finish(&f, out);
}

/* 1741683600 (seconds) or 1741683600000 (milliseconds). */
static bool parse_epoch(const char *p, const char *end, xc_date *out)
{
    size_t n = (size_t)(end - p);
    if (n != 9 && n != 10 && n != 13)
        return false;
    int64_t v = 0;
    for (; p < end; p++) {
        if (!isdigit((unsigned char)*p))
            return false;
        v = v * 10 + (*p - '0');
    }
    if (n == 13)
        v /= 1000;
    out->unix_seconds = v;
    out->precision = XC_DATE_SECOND;
    return true;
}

bool xc_date_parse(const char *text, size_t len, xc_date *out)
{
    const char *p = text, *end = text + len;
    while (p < end && isspace((unsigned char)*p))
        p++;
    while (end > p && isspace((unsigned char)end[-1]))
        end--;
    if (p == end || end - p > 64)
        return false;
    return parse_epoch(p, end, out) || parse_iso(p, end, out) || parse_words(p, end, out);
}

size_t xc_date_format(const xc_date *date, char *out, size_t cap)
{
    int64_t days = date->unix_seconds / 86400, secs = date->unix_seconds % 86400;
    if (secs < 0) {
        secs += 86400;
        days--;
    }
    int y, m, d;
    civil_from_days(days, &y, &m, &d);
    int n;
    switch (date->precision) {
    case XC_DATE_NONE:
        n = snprintf(out, cap, "%s", "");
        break;
    case XC_DATE_YEAR:
        n = snprintf(out, cap, "%04d", y);
        break;
    case XC_DATE_MONTH:
        n = snprintf(out, cap, "%04d-%02d", y, m);
        break;
    case XC_DATE_DAY:
        n = snprintf(out, cap, "%04d-%02d-%02d", y, m, d);
        break;
    default:
        n = snprintf(out, cap, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, (int)(secs / 3600),
                     (int)(secs / 60 % 60), (int)(secs % 60));
        break;
    }
    return n < 0 ? 0 : (size_t)n;
}
