/* Inferring an undated article's date from its own text. Four kinds of
 * evidence, strongest first:
 *   1. a header line: "Date: 2025-03-11" (the plain-text input format);
 *   2. "today (March 11)", "today, Tuesday, March 11": the day the text
 *      calls today, with its year when written, else the year written
 *      nearest to it (within 2,000 bytes);
 *   3. a dateline: a full date within the first lines ("JEDDAH, March 11,
 *      2025 -");
 *   4. full dates named with their weekday ("Tuesday, March 11, 2025"),
 *      which only count when they all name the same day.
 * A weekday that does not fit its date anywhere, "today" and the dateline
 * disagreeing, or two days for "today", and no date is inferred: a wrong
 * date is worse than none. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "crosscheck.h"
#include "calendar.h"
#include "lexicon.h"

#define DATELINE_BYTES 300
#define DATELINE_LINES 3
#define NEARBY 2000 /* bytes between "today (March 11)" and its year */

typedef struct found {
    bool have;
    bool conflict;
    int y, m, d;
    uint32_t start, end;
} found;

/* A value of the form YYYY-MM-DD[T...]. */
static bool full_day(const char *v, int *y, int *m, int *d)
{
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? v[i] != '-' : !(v[i] >= '0' && v[i] <= '9'))
            return false;
    if (v[10] != '\0' && v[10] != 'T')
        return false;
    *y = atoi(v);
    *m = atoi(v + 5);
    *d = atoi(v + 8);
    return xc_valid_day(*y, *m, *d);
}

/* A value XXXX-MM-DD: a day whose year the text did not say. */
static bool day_without_year(const char *v, int *m, int *d)
{
    if (strncmp(v, "XXXX-", 5) != 0 || !(v[5] >= '0' && v[5] <= '1') || v[7] != '-' ||
        !(v[8] >= '0' && v[8] <= '3') || (v[10] != '\0' && v[10] != 'T'))
        return false;
    *m = atoi(v + 5);
    *d = atoi(v + 8);
    return *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31;
}

static void note(found *f, int y, int m, int d, const xc_timex *t)
{
    if (f->have && (f->y != y || f->m != m || f->d != d)) {
        f->conflict = true;
        return;
    }
    if (!f->have) {
        f->have = true;
        f->y = y, f->m = m, f->d = d;
        f->start = t->start, f->end = t->end;
    }
}

/* The weekday a span starts with (1-7), or 0. */
static int leading_weekday(const char *text, const xc_timex *t)
{
    uint32_t i = t->start, e = t->start;
    while (e < t->end && ((text[e] >= 'a' && text[e] <= 'z') || (text[e] >= 'A' && text[e] <= 'Z')))
        e++;
    const xc_lex *l = xc_lex_lookup(text + i, e - i);
    return l && l->weekday > 0 ? l->weekday : 0;
}

/* "today" (and maybe a comma, a bracket or a weekday) right before byte p. */
static bool today_before(const char *text, uint32_t p)
{
    uint32_t i = p;
    for (int step = 0; step < 4 && i > 0; step++) {
        while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '(' || text[i - 1] == ',' || text[i - 1] == '\n'))
            i--;
        uint32_t e = i;
        while (i > 0 && ((text[i - 1] >= 'a' && text[i - 1] <= 'z') || (text[i - 1] >= 'A' && text[i - 1] <= 'Z')))
            i--;
        if (e - i == 5 && strncasecmp(text + i, "today", 5) == 0)
            return true;
        const xc_lex *l = xc_lex_lookup(text + i, e - i);
        if (!l || l->weekday <= 0)
            return false; /* only a weekday may stand between */
    }
    return false;
}

/* The span of t spells out the year y (not taken from a year nearby). */
static bool year_written(const char *text, const xc_timex *t, int y)
{
    char digits[8];
    int n = snprintf(digits, sizeof digits, "%04d", y);
    for (uint32_t i = t->start; i + (uint32_t)n <= t->end; i++)
        if (memcmp(text + i, digits, (size_t)n) == 0)
            return true;
    return false;
}

/* A value that starts with a year written out: 2025, 2025-03 ... */
static int year_of(const xc_timex *t)
{
    const char *v = t->value;
    if (t->type != XC_TIMEX_DATE && t->type != XC_TIMEX_TIME)
        return 0;
    for (int i = 0; i < 4; i++)
        if (!(v[i] >= '0' && v[i] <= '9'))
            return 0;
    return v[4] == '\0' || v[4] == '-' ? atoi(v) : 0;
}

/* The explicit year nearest to expression k (within NEARBY bytes), or 0. */
static int nearest_year(const xc_timex_list *list, size_t k)
{
    uint32_t p = list->items[k].start, q = list->items[k].end;
    for (size_t d = 1; d <= list->count; d++) {
        bool any = false;
        if (k >= d && p - list->items[k - d].end <= NEARBY) {
            any = true;
            if (year_of(&list->items[k - d]))
                return year_of(&list->items[k - d]);
        }
        if (k + d < list->count && list->items[k + d].start - q <= NEARBY) {
            any = true;
            if (year_of(&list->items[k + d]))
                return year_of(&list->items[k + d]);
        }
        if (!any)
            break;
    }
    return 0;
}

/* "Date:" or "Published:" in a header block at the top (up to the first
 * blank line, every line "Name: value"). */
static bool header_date(const char *text, size_t len, xc_date *out, char *quote, size_t cap)
{
    size_t i = 0;
    for (int lines = 0; i < len && lines < 20; lines++) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - text) : len;
        size_t n = e - i;
        if (n && text[e - 1] == '\r')
            n--;
        if (n == 0)
            return false;
        const char *colon = memchr(text + i, ':', n);
        if (!colon || colon == text + i || colon - (text + i) > 20)
            return false;
        size_t key = (size_t)(colon - (text + i));
        if ((key == 4 && strncasecmp(text + i, "date", 4) == 0) ||
            (key == 9 && strncasecmp(text + i, "published", 9) == 0)) {
            const char *v = colon + 1;
            size_t vn = n - key - 1;
            if (xc_date_parse(v, vn, out) && out->precision >= XC_DATE_DAY) {
                while (vn && *v == ' ')
                    v++, vn--;
                snprintf(quote, cap, "%.*s", (int)(vn > 60 ? 60 : vn), v);
                return true;
            }
        }
        i = e + 1;
    }
    return false;
}

static void say(char *evidence, size_t cap, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void say(char *evidence, size_t cap, const char *fmt, ...)
{
    if (!evidence || cap == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(evidence, cap, fmt, ap);
    va_end(ap);
}

static int clip(uint32_t start, uint32_t end)
{
    return (int)(end - start > 60 ? 60 : end - start);
}

xc_status xc_infer_document_date(const char *text, size_t len, xc_date *out, char *evidence, size_t cap)
{
    memset(out, 0, sizeof *out);
    if (evidence && cap)
        evidence[0] = '\0';
    if (!text || len == 0)
        return XC_ERR_NOT_FOUND;
    char quote[80];
    if (header_date(text, len, out, quote, sizeof quote)) {
        int64_t day = out->unix_seconds / 86400 - (out->unix_seconds % 86400 < 0);
        out->unix_seconds = day * 86400;
        out->precision = XC_DATE_DAY;
        say(evidence, cap, "the header line \"%s\"", quote);
        return XC_OK;
    }
    xc_timex_list list = {0};
    if (xc_find_dates(text, len, NULL, &list) != XC_OK) {
        xc_timex_list_free(&list);
        return XC_ERR_NOMEM;
    }
    /* where the dateline zone ends */
    size_t top = 0;
    for (int lines = 0; top < len && top < DATELINE_BYTES && lines < DATELINE_LINES;) {
        if (text[top] == '\n' && top > 0 && text[top - 1] != '\n')
            lines++;
        top++;
    }
    found today = {0}, dateline = {0}, weekday = {0};
    int today_year_from = 0;
    bool mismatch = false;
    for (size_t k = 0; k < list.count && !mismatch && !today.conflict; k++) {
        const xc_timex *t = &list.items[k];
        int y = 0, m = 0, d = 0;
        if (t->type != XC_TIMEX_DATE && t->type != XC_TIMEX_TIME)
            continue;
        bool full = full_day(t->value, &y, &m, &d);
        bool partial = !full && day_without_year(t->value, &m, &d);
        if (!full && !partial)
            continue;
        int wd = leading_weekday(text, t);
        if (full && wd && xc_weekday(xc_days_from_civil(y, m, d)) != wd)
            mismatch = true;
        bool is_today = today_before(text, t->start);
        if (is_today) {
            int year = full ? y : nearest_year(&list, k);
            if (!full)
                today_year_from = year;
            if (year && xc_valid_day(year, m, d)) {
                if (wd && xc_weekday(xc_days_from_civil(year, m, d)) != wd)
                    mismatch = true;
                note(&today, year, m, d, t);
            }
        }
        /* the dateline: the first full date at the top, its year written in it */
        if (full && !is_today && t->start < top && !dateline.have && year_written(text, t, y))
            note(&dateline, y, m, d, t);
        if (full && wd)
            note(&weekday, y, m, d, t);
    }
    xc_status st = XC_ERR_NOT_FOUND;
    if (mismatch || today.conflict) {
        st = XC_ERR_NOT_FOUND;
    } else if (today.have) {
        if (!dateline.have || dateline.conflict ||
            (dateline.y == today.y && dateline.m == today.m && dateline.d == today.d)) {
            st = XC_OK;
            out->unix_seconds = xc_days_from_civil(today.y, today.m, today.d) * 86400;
            if (today_year_from)
                say(evidence, cap, "\"today (%.*s)\", the year %d from the text", clip(today.start, today.end),
                    text + today.start, today_year_from);
            else
                say(evidence, cap, "\"today (%.*s)\"", clip(today.start, today.end), text + today.start);
        }
    } else if (dateline.have) {
        if (!dateline.conflict) {
            st = XC_OK;
            out->unix_seconds = xc_days_from_civil(dateline.y, dateline.m, dateline.d) * 86400;
            say(evidence, cap, "the dateline \"%.*s\"", clip(dateline.start, dateline.end), text + dateline.start);
        }
    } else if (weekday.have && !weekday.conflict) {
        st = XC_OK;
        out->unix_seconds = xc_days_from_civil(weekday.y, weekday.m, weekday.d) * 86400;
        say(evidence, cap, "\"%.*s\", a date named with its weekday", clip(weekday.start, weekday.end),
            text + weekday.start);
    }
    if (st == XC_OK)
        out->precision = XC_DATE_DAY;
    else if (evidence && cap)
        evidence[0] = '\0';
    xc_timex_list_free(&list);
    return st;
}
