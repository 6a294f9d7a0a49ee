/* Normalised temporal values: arithmetic on periods and TimeML formatting. */
#include "tvalue.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "calendar.h"

/* Years the arithmetic keeps; anything else becomes unknown, so that no
 * input can push a value out of TimeML's four digits or overflow. */
#define MIN_YEAR 1
#define MAX_YEAR 9999

xc_tval xc_tval_unknown(xc_gran g)
{
    xc_tval v = {0};
    v.gran = (uint8_t)g;
    v.year = XC_NO_YEAR;
    v.hour = v.minute = -1;
    return v;
}

xc_tval xc_tval_ref(const char *ref)
{
    xc_tval v = xc_tval_unknown(XC_G_REF);
    v.ref = ref;
    return v;
}

bool xc_tval_known(const xc_tval *v)
{
    return v->year != XC_NO_YEAR;
}

static int clamp_year(int64_t y)
{
    return y < MIN_YEAR || y > MAX_YEAR ? XC_NO_YEAR : (int)y;
}

xc_tval xc_tval_from_days(int64_t days, xc_gran g)
{
    xc_tval v = xc_tval_unknown(g);
    int y, m, d;
    xc_civil_from_days(days, &y, &m, &d);
    if (clamp_year(y) == XC_NO_YEAR)
        return v;
    switch (g) {
    case XC_G_CENTURY: v.year = y / 100; break;
    case XC_G_DECADE: v.year = y / 10; break;
    case XC_G_YEAR: v.year = y; break;
    case XC_G_HALF: v.year = y; v.sub = (int16_t)(m <= 6 ? 1 : 2); break;
    case XC_G_QUARTER: v.year = y; v.sub = (int16_t)((m - 1) / 3 + 1); break;
    case XC_G_SEASON:
        /* Spring March-May, summer June-August, fall September-November;
         * winter belongs to the year it starts in. */
        v.year = m <= 2 ? y - 1 : y;
        v.sub = (int16_t)(m <= 2 || m == 12 ? 4 : (m - 3) / 3 + 1);
        break;
    case XC_G_MONTH: v.year = y; v.sub = (int16_t)m; break;
    case XC_G_WEEK:
    case XC_G_WEEKEND: {
        int wy, w;
        xc_iso_week(days, &wy, &w);
        v.year = clamp_year(wy);
        v.sub = (int16_t)w;
        break;
    }
    case XC_G_DAY: v.year = y; v.sub = (int16_t)m; v.day = (int16_t)d; break;
    default: break;
    }
    return v;
}

int64_t xc_tval_first_day(const xc_tval *v)
{
    int y = v->year;
    switch (v->gran) {
    case XC_G_CENTURY: return xc_days_from_civil((int64_t)y * 100, 1, 1);
    case XC_G_DECADE: return xc_days_from_civil((int64_t)y * 10, 1, 1);
    case XC_G_HALF: return xc_days_from_civil(y, v->sub == 2 ? 7 : 1, 1);
    case XC_G_QUARTER: return xc_days_from_civil(y, v->sub >= 1 && v->sub <= 4 ? (v->sub - 1) * 3 + 1 : 1, 1);
    case XC_G_SEASON: return xc_days_from_civil(y, v->sub >= 1 && v->sub <= 4 ? v->sub * 3 : 1, 1);
    case XC_G_MONTH: return xc_days_from_civil(y, v->sub >= 1 && v->sub <= 12 ? v->sub : 1, 1);
    case XC_G_WEEK:
    case XC_G_WEEKEND: return xc_iso_week_monday(y, v->sub >= 1 ? v->sub : 1) + (v->gran == XC_G_WEEKEND ? 5 : 0);
    case XC_G_DAY: return xc_days_from_civil(y, v->sub >= 1 && v->sub <= 12 ? v->sub : 1, v->day >= 1 ? v->day : 1);
    default: return xc_days_from_civil(y, 1, 1);
    }
}

xc_tval xc_tval_shift_years(xc_tval v, int n)
{
    if (!xc_tval_known(&v) || v.gran <= XC_G_DECADE)
        return v.gran == XC_G_DECADE && xc_tval_known(&v) && n % 10 == 0 ? (v.year += n / 10, v) : v;
    if (v.gran == XC_G_WEEK || v.gran == XC_G_WEEKEND) {
        int64_t days = xc_tval_first_day(&v) + (int64_t)n * 364; /* 52 weeks: the same week number */
        xc_tval r = xc_tval_from_days(days, (xc_gran)v.gran);
        return r;
    }
    int64_t y = (int64_t)v.year + n;
    v.year = clamp_year(y);
    if (v.gran == XC_G_DAY && v.year != XC_NO_YEAR && v.day > xc_days_in_month(v.year, v.sub))
        v.day = (int16_t)xc_days_in_month(v.year, v.sub); /* February 29th a year on */
    return v;
}

xc_tval xc_tval_shift(xc_tval v, int n)
{
    if (!xc_tval_known(&v))
        return v;
    int64_t index;
    switch (v.gran) {
    case XC_G_CENTURY:
    case XC_G_DECADE: {
        int64_t y = (int64_t)v.year + n;
        v.year = y < 0 || y > (v.gran == XC_G_DECADE ? 999 : 99) ? XC_NO_YEAR : (int)y;
        return v;
    }
    case XC_G_YEAR: return xc_tval_shift_years(v, n);
    case XC_G_HALF:
    case XC_G_QUARTER:
    case XC_G_SEASON:
    case XC_G_MONTH: {
        int per = v.gran == XC_G_HALF ? 2 : v.gran == XC_G_MONTH ? 12 : 4;
        if (v.sub < 1 || v.sub > per)
            return xc_tval_shift_years(v, n / per);
        index = (int64_t)v.year * per + (v.sub - 1) + n;
        int64_t y = index >= 0 ? index / per : -1;
        v.year = clamp_year(y);
        v.sub = (int16_t)(index - y * per + 1);
        return v;
    }
    case XC_G_WEEK:
    case XC_G_WEEKEND:
        if (v.sub < 1)
            return v;
        return xc_tval_from_days(xc_tval_first_day(&v) + (int64_t)n * 7, (xc_gran)v.gran);
    case XC_G_DAY: {
        if (v.sub < 1 || v.day < 1)
            return v;
        xc_tval r = xc_tval_from_days(xc_tval_first_day(&v) + n, XC_G_DAY);
        r.hour = v.hour, r.minute = v.minute, r.part = v.part;
        return r;
    }
    default: return v;
    }
}

xc_tval xc_tval_coarsen(xc_tval v, xc_gran g)
{
    if (v.gran <= g || v.gran == XC_G_REF)
        return v;
    if (!xc_tval_known(&v))
        return xc_tval_unknown(g);
    if (v.gran == XC_G_DAY && (v.sub < 1 || v.day < 1)) {
        if (g == XC_G_YEAR) {
            xc_tval r = xc_tval_unknown(g);
            r.year = v.year;
            return r;
        }
        return xc_tval_unknown(g);
    }
    return xc_tval_from_days(xc_tval_first_day(&v), g);
}

static size_t put(char *out, size_t cap, size_t at, const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static size_t put(char *out, size_t cap, size_t at, const char *fmt, ...)
{
    if (at >= cap)
        return at;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(out + at, cap - at, fmt, ap);
    va_end(ap);
    return n < 0 ? at : at + (size_t)n;
}

static size_t puts_at(char *out, size_t cap, size_t at, const char *s)
{
    if (at >= cap)
        return at;
    int n = snprintf(out + at, cap - at, "%s", s);
    return n < 0 ? at : at + (size_t)n;
}

size_t xc_tval_format(const xc_tval *v, char *out, size_t cap)
{
    static const char *const seasons[] = {"X", "SP", "SU", "FA", "WI"};
    char tmp[64];
    size_t n = 0;
    bool known = xc_tval_known(v);
    tmp[0] = '\0';
    switch (v->gran) {
    case XC_G_REF:
        n = puts_at(tmp, sizeof tmp, 0, v->ref ? v->ref : "PRESENT_REF");
        break;
    case XC_G_CENTURY:
        n = known ? put(tmp, sizeof tmp, 0, "%02d", v->year) : puts_at(tmp, sizeof tmp, 0, "XX");
        break;
    case XC_G_DECADE:
        n = known ? put(tmp, sizeof tmp, 0, "%03d", v->year) : puts_at(tmp, sizeof tmp, 0, "XXX");
        break;
    case XC_G_NONE:
        break;
    default:
        n = known ? put(tmp, sizeof tmp, 0, "%04d", v->year) : puts_at(tmp, sizeof tmp, 0, "XXXX");
        break;
    }
    switch (v->gran) {
    case XC_G_HALF:
    case XC_G_QUARTER:
        n = puts_at(tmp, sizeof tmp, n, v->gran == XC_G_HALF ? "-H" : "-Q");
        n = v->sub ? put(tmp, sizeof tmp, n, "%d", v->sub) : puts_at(tmp, sizeof tmp, n, "X");
        break;
    case XC_G_SEASON:
        n = puts_at(tmp, sizeof tmp, n, "-");
        n = puts_at(tmp, sizeof tmp, n, seasons[v->sub >= 1 && v->sub <= 4 ? v->sub : 0]);
        break;
    case XC_G_MONTH:
        n = v->sub ? put(tmp, sizeof tmp, n, "-%02d", v->sub) : puts_at(tmp, sizeof tmp, n, "-XX");
        break;
    case XC_G_WEEK:
    case XC_G_WEEKEND:
        n = v->sub ? put(tmp, sizeof tmp, n, "-W%02d", v->sub) : puts_at(tmp, sizeof tmp, n, "-WXX");
        if (v->gran == XC_G_WEEKEND)
            n = puts_at(tmp, sizeof tmp, n, "-WE");
        break;
    case XC_G_DAY:
        if (!known && v->weekday >= 1 && v->weekday <= 7 && (v->sub == 0 || v->day == 0)) {
            n = put(tmp, sizeof tmp, n, "-WXX-%d", v->weekday);
        } else {
            n = v->sub ? put(tmp, sizeof tmp, n, "-%02d", v->sub) : puts_at(tmp, sizeof tmp, n, "-XX");
            n = v->day ? put(tmp, sizeof tmp, n, "-%02d", v->day) : puts_at(tmp, sizeof tmp, n, "-XX");
        }
        break;
    default:
        break;
    }
    if (v->gran == XC_G_DAY && (v->hour >= 0 || v->part)) {
        if (v->hour >= 0) {
            n = put(tmp, sizeof tmp, n, "T%02d", v->hour);
            if (v->minute >= 0)
                n = put(tmp, sizeof tmp, n, ":%02d", v->minute);
        } else {
            n = puts_at(tmp, sizeof tmp, n, "T");
            n = puts_at(tmp, sizeof tmp, n, v->part);
        }
    }
    if (n >= sizeof tmp)
        n = sizeof tmp - 1;
    if (cap > 0) {
        size_t k = n < cap - 1 ? n : cap - 1;
        memcpy(out, tmp, k);
        out[k] = '\0';
    }
    return n;
}

/* Exactly n digits at *p (advanced past them) as a number; -1 otherwise. */
static int digits(const char **p, int n)
{
    int value = 0;
    for (int i = 0; i < n; i++) {
        if ((*p)[i] < '0' || (*p)[i] > '9')
            return -1;
        value = value * 10 + ((*p)[i] - '0');
    }
    *p += n;
    return value;
}

static bool parse_time(const char *p, xc_tval *v)
{
    static const char *const parts[] = {"MO", "AF", "EV", "NI", "DT"};
    if (*p == '\0')
        return true;
    if (*p++ != 'T')
        return false;
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
        if (strcmp(p, parts[i]) == 0) {
            v->part = parts[i];
            return true;
        }
    int hour = digits(&p, 2), minute = -1;
    if (hour < 0 || hour > 24)
        return false;
    if (*p == ':') {
        p++;
        if ((minute = digits(&p, 2)) < 0 || minute > 59)
            return false;
    }
    v->hour = (int8_t)hour;
    v->minute = (int8_t)minute;
    return *p == '\0';
}

bool xc_tval_parse(const char *value, xc_tval *out)
{
    const char *p = value;
    size_t leading = strspn(p, "0123456789");
    xc_tval v = xc_tval_unknown(XC_G_YEAR);
    if (leading == 2 || leading == 3) { /* a century or a decade */
        v.gran = leading == 2 ? XC_G_CENTURY : XC_G_DECADE;
        v.year = digits(&p, (int)leading);
        *out = v;
        return *p == '\0';
    }
    if (leading < 4 || (v.year = digits(&p, 4)) < 1)
        return false;
    if (*p == '\0') {
        *out = v;
        return true;
    }
    if (*p++ != '-')
        return false;
    static const char *const seasons[] = {"SP", "SU", "FA", "WI"};
    for (int s = 0; s < 4; s++)
        if (strcmp(p, seasons[s]) == 0) {
            v.gran = XC_G_SEASON, v.sub = (int16_t)(s + 1);
            *out = v;
            return true;
        }
    int n;
    if (*p == 'H' || *p == 'Q') {
        v.gran = *p == 'H' ? XC_G_HALF : XC_G_QUARTER;
        p++;
        if ((n = digits(&p, 1)) < 1 || n > (v.gran == XC_G_HALF ? 2 : 4) || *p != '\0')
            return false;
        v.sub = (int16_t)n;
    } else if (*p == 'W') {
        p++;
        if ((n = digits(&p, 2)) < 1 || n > 53)
            return false;
        v.gran = XC_G_WEEK, v.sub = (int16_t)n;
        if (strcmp(p, "-WE") == 0)
            v.gran = XC_G_WEEKEND;
        else if (*p != '\0')
            return false;
    } else {
        if ((n = digits(&p, 2)) < 1 || n > 12)
            return false;
        v.gran = XC_G_MONTH, v.sub = (int16_t)n;
        if (*p == '-') {
            p++;
            if ((n = digits(&p, 2)) < 1 || n > xc_days_in_month(v.year, v.sub))
                return false;
            v.gran = XC_G_DAY, v.day = (int16_t)n;
            if (!parse_time(p, &v))
                return false;
        } else if (*p != '\0') {
            return false;
        }
    }
    *out = v;
    return true;
}

const char *xc_tval_precision(const xc_tval *v)
{
    switch (v->gran) {
    case XC_G_CENTURY: return "century";
    case XC_G_DECADE: return "decade";
    case XC_G_YEAR: return "year";
    case XC_G_HALF: return "half";
    case XC_G_QUARTER: return "quarter";
    case XC_G_SEASON: return "season";
    case XC_G_MONTH: return "month";
    case XC_G_WEEK: return "week";
    case XC_G_WEEKEND: return "weekend";
    case XC_G_DAY: return v->hour >= 0 || v->part ? "time" : "day";
    default: return "unknown";
    }
}
