/* Rules for dates the text writes out: 2025-03-11, March 11, 2025,
 * Tuesday, March 11, 11 March 2025, March 2025, March, 1989, fiscal 1989,
 * the year two thousand, the 1990s, the '80s, the nineties, the 20th
 * century, and clock times (10:30 a.m., 5 p.m. EST Nov. 9, noon Saturday).
 * A missing year comes from the anchor; everything else is in the text. */
#include <string.h>
#include <strings.h>

#include "calendar.h"
#include "rules.h"

/* ------------------------------------------------------------------ */
/* Parsers                                                              */
/* ------------------------------------------------------------------ */

size_t xc_parse_number_word(const xc_rc *r, size_t i, int *value)
{
    const xc_lex *l = xc_rc_lex(r, i);
    if (!l || l->card < 0 || l->card > 90)
        return 0;
    int v = l->card;
    size_t j = i + 1;
    /* twenty-one, twenty one */
    if (v >= 20 && v % 10 == 0) {
        size_t k = j;
        if (xc_rc_punct(r, k, '-') && xc_rc_attached(r, k) && xc_rc_attached(r, k + 1))
            k++;
        const xc_lex *u = xc_rc_lex(r, k);
        if (u && u->card >= 1 && u->card <= 9 && (k > j || u->card > 0)) {
            v += u->card;
            j = k + 1;
        }
    }
    *value = v;
    return j;
}

/* Two number words that read as a year: nineteen ninety-six, nineteen
 * eighty, twenty twenty-five, nineteen hundred. */
static size_t year_in_words(const xc_rc *r, size_t i, int *year)
{
    int hi, lo;
    size_t j = xc_parse_number_word(r, i, &hi);
    if (!j || hi < 10 || hi > 29)
        return 0;
    if (xc_rc_punct(r, j, '-') && xc_rc_attached(r, j) && xc_rc_attached(r, j + 1)) /* nineteen-nineties */
        return 0;
    size_t k = xc_parse_number_word(r, j, &lo);
    if (!k || lo < 10)
        return 0;
    *year = hi * 100 + lo;
    return k;
}

/* two thousand, two thousand and one, two thousand one */
static size_t year_thousands(const xc_rc *r, size_t i, int *year)
{
    const xc_lex *a = xc_rc_lex(r, i), *b = xc_rc_lex(r, i + 1);
    if (!a || !b || (a->card != 1 && a->card != 2) || b->card != 1000)
        return 0;
    size_t j = i + 2;
    int rest = 0;
    size_t k = j;
    if (xc_rc_is(r, k, K_AND))
        k++;
    size_t e = xc_parse_number_word(r, k, &rest);
    if (e && rest >= 1) {
        j = e;
    } else {
        rest = 0;
    }
    *year = a->card * 1000 + rest;
    return j;
}

size_t xc_parse_year(const xc_rc *r, size_t i, int *year)
{
    const xc_tw *t = xc_rc_tok(r, i);
    if (!t)
        return 0;
    if (t->kind == XC_TW_NUM) {
        if (t->digits != 4 || t->suffix || t->num < 1000 || t->num > 2999)
            return 0;
        /* Not a part of a bigger number: 1,988,000 or 1988.5 or 10:1988. */
        if (xc_rc_attached(r, i + 1) && (xc_rc_punct(r, i + 1, ',') || xc_rc_punct(r, i + 1, '.') ||
                                         xc_rc_punct(r, i + 1, ':')) &&
            xc_rc_num(r, i + 2, 9) && xc_rc_attached(r, i + 2))
            return 0;
        if (i > 0 && xc_rc_attached(r, i) &&
            (xc_rc_punct(r, i - 1, ',') || xc_rc_punct(r, i - 1, '.') || xc_rc_punct(r, i - 1, ':')) && i > 1 &&
            xc_rc_num(r, i - 2, 9) && xc_rc_attached(r, i - 1))
            return 0;
        *year = t->num;
        return i + 1;
    }
    return year_in_words(r, i, year);
}

size_t xc_parse_day(const xc_rc *r, size_t i, int *day)
{
    const xc_tw *t = xc_rc_tok(r, i);
    if (!t)
        return 0;
    if (t->kind == XC_TW_NUM) {
        if (t->digits > 2 || t->num < 1 || t->num > 31 || t->suffix == 's')
            return 0;
        /* 11:30, 11.5, 11,000 and 11% are not days */
        if (xc_rc_attached(r, i + 1) &&
            (xc_rc_punct(r, i + 1, '%') ||
             ((xc_rc_punct(r, i + 1, '.') || xc_rc_punct(r, i + 1, ',') || xc_rc_punct(r, i + 1, ':')) &&
              xc_rc_num(r, i + 2, 9) && xc_rc_attached(r, i + 2))))
            return 0;
        *day = t->num;
        return i + 1;
    }
    const xc_lex *l = xc_rc_lex(r, i);
    if (!l)
        return 0;
    if (l->ord >= 1 && l->ord <= 31) {
        *day = l->ord;
        return i + 1;
    }
    /* twenty-first, thirty first */
    if (l->card == 20 || l->card == 30) {
        size_t k = i + 1;
        if (xc_rc_punct(r, k, '-') && xc_rc_attached(r, k))
            k++;
        const xc_lex *u = xc_rc_lex(r, k);
        if (u && u->ord >= 1 && u->ord <= 9 && l->card + u->ord <= 31) {
            *day = l->card + u->ord;
            return k + 1;
        }
    }
    return 0;
}

size_t xc_parse_month(const xc_rc *r, size_t i, int *month, bool strict)
{
    const xc_lex *l = xc_rc_lex(r, i);
    if (!l || l->month <= 0)
        return 0;
    bool cap = xc_rc_cap(r, i);
    if ((l->ambiguous || l->abbr) && !cap)
        return 0;
    if (strict && l->abbr)
        return 0;
    size_t j = i + 1;
    if (l->abbr && xc_rc_punct(r, j, '.') && xc_rc_attached(r, j))
        j++;
    *month = l->month;
    return j;
}

size_t xc_parse_quantity(const xc_rc *r, size_t i, int *n)
{
    const xc_tw *t = xc_rc_tok(r, i);
    if (!t)
        return 0;
    if (t->kind == XC_TW_NUM) {
        if (t->suffix || t->digits > 5)
            return 0;
        if (xc_rc_attached(r, i + 1) && (xc_rc_punct(r, i + 1, '.') || xc_rc_punct(r, i + 1, ',')) &&
            xc_rc_num(r, i + 2, 9) && xc_rc_attached(r, i + 2))
            return 0; /* 1.5, 1,000 */
        *n = t->num;
        return i + 1;
    }
    int kw = xc_rc_kw(r, i);
    if (kw == K_A || kw == K_AN) {
        if (xc_rc_is(r, i + 1, K_FEW)) {
            *n = -1;
            return i + 2;
        }
        if (xc_rc_is(r, i + 1, K_COUPLE) && xc_rc_is(r, i + 2, K_OF)) {
            *n = 2;
            return i + 3;
        }
        *n = 1;
        return i + 1;
    }
    if (kw == K_FEW || kw == K_SEVERAL || kw == K_MANY || kw == K_SOME) {
        *n = -1;
        return i + 1;
    }
    if (kw == K_COUPLE && xc_rc_is(r, i + 1, K_OF)) {
        *n = 2;
        return i + 2;
    }
    int v;
    size_t j = xc_parse_number_word(r, i, &v);
    if (j && v >= 1) {
        /* two hundred */
        const xc_lex *h = xc_rc_lex(r, j);
        if (h && h->card == 100 && v < 10) {
            v *= 100;
            j++;
        }
        *n = v;
        return j;
    }
    const xc_lex *l = xc_rc_lex(r, i);
    if (l && l->card == 12 && l->kw == K_NONE && i + 1 < r->n) { /* dozen */
        *n = 12;
        return i + 1;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Rules                                                                */
/* ------------------------------------------------------------------ */

static xc_tval day_value(int year, int month, int day)
{
    xc_tval v = xc_tval_unknown(XC_G_DAY);
    v.year = year;
    v.sub = (int16_t)month;
    v.day = (int16_t)day;
    return v;
}

/* 2025-03-11, 2025/03/11 [T09:30[:00][Z]] */
static size_t iso_date(xc_rc *r, size_t i, xc_hit *h)
{
    const xc_tw *t = xc_rc_tok(r, i);
    if (!t || t->kind != XC_TW_NUM || t->digits != 4 || t->suffix)
        return 0;
    char sep = 0;
    if (xc_rc_punct(r, i + 1, '-'))
        sep = '-';
    else if (xc_rc_punct(r, i + 1, '/'))
        sep = '/';
    if (!sep || !xc_rc_attached(r, i + 1) || !xc_rc_num(r, i + 2, 2) || !xc_rc_attached(r, i + 2) ||
        !xc_rc_punct(r, i + 3, sep) || !xc_rc_attached(r, i + 3) || !xc_rc_num(r, i + 4, 2) ||
        !xc_rc_attached(r, i + 4) || r->w[i + 2].suffix || r->w[i + 4].suffix)
        return 0;
    int y = t->num, m = r->w[i + 2].num, d = r->w[i + 4].num;
    if (y < 1000 || !xc_valid_day(y, m, d))
        return 0;
    xc_hit_init(h, i, XC_TIMEX_DATE, day_value(y, m, d));
    h->explicit_day = true;
    h->core = XC_CORE_DAY;
    size_t j = i + 5;
    /* 2025-03-11T09:30, with the T glued to the day */
    const xc_tw *tt = xc_rc_tok(r, j);
    if (tt && tt->kind == XC_TW_WORD && xc_rc_attached(r, j) && tt->end - tt->start == 1 &&
        (r->text[tt->start] == 'T' || r->text[tt->start] == 't') && xc_rc_num(r, j + 1, 2) &&
        xc_rc_attached(r, j + 1) && xc_rc_punct(r, j + 2, ':') && xc_rc_num(r, j + 3, 2) &&
        r->w[j + 1].num <= 23 && r->w[j + 3].num <= 59) {
        h->type = XC_TIMEX_TIME;
        h->v.hour = (int8_t)r->w[j + 1].num;
        h->v.minute = (int8_t)r->w[j + 3].num;
        j += 4;
        if (xc_rc_punct(r, j, ':') && xc_rc_num(r, j + 1, 2) && xc_rc_attached(r, j))
            j += 2;
        const xc_tw *z = xc_rc_tok(r, j);
        if (z && z->kind == XC_TW_WORD && xc_rc_attached(r, j) && z->end - z->start == 1 &&
            (r->text[z->start] == 'Z' || r->text[z->start] == 'z'))
            j++;
    }
    return j;
}

/* 11/03/2025, 3/11/2025, 11.03.2025: day-month or month-day by which part
 * can only be a day; when both could be months the month and day stay
 * unknown (2025-XX-XX), as the project refuses to guess them. */
static size_t numeric_date(xc_rc *r, size_t i, xc_hit *h)
{
    if (!xc_rc_num(r, i, 2))
        return 0;
    char sep = 0;
    if (xc_rc_punct(r, i + 1, '/'))
        sep = '/';
    else if (xc_rc_punct(r, i + 1, '.'))
        sep = '.';
    else if (xc_rc_punct(r, i + 1, '-'))
        sep = '-';
    if (!sep || !xc_rc_attached(r, i + 1) || !xc_rc_num(r, i + 2, 2) || !xc_rc_attached(r, i + 2) ||
        !xc_rc_punct(r, i + 3, sep) || !xc_rc_attached(r, i + 3) || !xc_rc_attached(r, i + 4))
        return 0;
    const xc_tw *yt = xc_rc_tok(r, i + 4);
    if (!yt || yt->kind != XC_TW_NUM || yt->suffix || (yt->digits != 4 && !(yt->digits == 2 && sep != '.')))
        return 0;
    if (i > 0 && xc_rc_attached(r, i) && (xc_rc_punct(r, i - 1, sep) || r->w[i - 1].kind == XC_TW_NUM))
        return 0; /* 1/2/3/4 or a version number */
    if (xc_rc_attached(r, i + 5) && (xc_rc_punct(r, i + 5, sep) || xc_rc_num(r, i + 5, 9)))
        return 0;
    int a = r->w[i].num, b = r->w[i + 2].num, y = yt->num;
    if (yt->digits == 2)
        y += y < 50 ? 2000 : 1900;
    int m = 0, d = 0;
    if (a > 12 && b <= 12)
        d = a, m = b;
    else if (b > 12 && a <= 12)
        m = a, d = b;
    else if (a == b)
        m = a, d = b;
    if (a < 1 || b < 1 || a > 31 || b > 31 || (m && !xc_valid_day(y, m, d)))
        return 0;
    xc_hit_init(h, i, XC_TIMEX_DATE, day_value(y, m, d));
    h->explicit_day = m != 0;
    h->core = XC_CORE_DAY;
    size_t j = i + 5;
    /* 02/06/1998 22:19:00 */
    if (xc_rc_num(r, j, 2) && xc_rc_punct(r, j + 1, ':') && xc_rc_num(r, j + 2, 2) && xc_rc_attached(r, j + 1) &&
        r->w[j].num <= 23 && r->w[j + 2].num <= 59) {
        h->type = XC_TIMEX_TIME;
        h->v.hour = (int8_t)r->w[j].num;
        h->v.minute = (int8_t)r->w[j + 2].num;
        j += 3;
        if (xc_rc_punct(r, j, ':') && xc_rc_num(r, j + 1, 2) && xc_rc_attached(r, j))
            j += 2;
    }
    return j;
}

size_t xc_parse_weekday(const xc_rc *r, size_t i, int *weekday)
{
    const xc_lex *l = xc_rc_lex(r, i);
    if (!l || l->weekday <= 0)
        return 0;
    if (l->abbr) {
        /* Sun, Wed, Sat are words too: only "Wed." with its stop */
        if (!xc_rc_cap(r, i) || !xc_rc_punct(r, i + 1, '.') || !xc_rc_attached(r, i + 1))
            return 0;
        *weekday = l->weekday;
        return i + 2;
    }
    *weekday = l->weekday;
    return i + 1;
}

/* The year after a day and month: ", 2025" or " 2025". */
static size_t year_after(const xc_rc *r, size_t j, int *year)
{
    size_t k = j;
    if (xc_rc_punct(r, k, ','))
        k++;
    size_t e = xc_parse_year(r, k, year);
    if (!e)
        return 0;
    /* "March 11, 2025" but not "March 11, 2000 people" */
    const xc_tw *t = xc_rc_tok(r, k);
    if (t->kind == XC_TW_NUM && xc_rc_attached(r, e) && (xc_rc_punct(r, e, '%')))
        return 0;
    return e;
}

static size_t finish_day(xc_rc *r, size_t i, size_t j, int year, int month, int day, int weekday, xc_hit *h)
{
    bool given_year = year != 0;
    if (year) {
        if (!xc_valid_day(year, month, day))
            return 0;
    } else if (xc_rc_year_said(r, i)) {
        year = xc_rc_year_said(r, i);
        if (!xc_valid_day(year, month, day))
            return 0;
    } else {
        if (day > xc_days_in_month(2000, month)) /* 2000: a leap year */
            return 0;
        year = xc_rc_year_for_day(r, month, day, xc_tense_at(r, i, j));
        if (year != XC_NO_YEAR && !xc_valid_day(year, month, day))
            year = XC_NO_YEAR; /* February 29th far from a leap year */
    }
    xc_tval v = day_value(year, month, day);
    (void)weekday;
    xc_hit_init(h, i, XC_TIMEX_DATE, v);
    h->explicit_day = true;
    h->explicit_year = given_year;
    h->core = XC_CORE_DAY;
    return j;
}

/* [Tuesday,] March 11[th][, 2025]   [Tuesday,] [the] 11[th] [of] March[, 2025] */
static size_t calendar_day(xc_rc *r, size_t i, xc_hit *h)
{
    size_t j = i;
    int weekday = 0, month, day, year = 0;
    size_t w = xc_parse_weekday(r, j, &weekday);
    if (w) {
        j = w;
        if (xc_rc_punct(r, j, ','))
            j++;
    }
    size_t m = xc_parse_month(r, j, &month, false);
    if (m) {
        size_t d = xc_parse_day(r, m, &day);
        if (!d)
            return 0;
        /* "March 11 - 12": the first day; "May 5, 6": the first too */
        size_t y = year_after(r, d, &year);
        if (!y)
            year = 0;
        return finish_day(r, i, y ? y : d, year, month, day, weekday, h);
    }
    size_t k = j;
    bool the = xc_rc_is(r, k, K_THE);
    if (the)
        k++;
    size_t d = xc_parse_day(r, k, &day);
    if (!d)
        return 0;
    bool number = r->w[k].kind == XC_TW_NUM;
    bool of = xc_rc_is(r, d, K_OF);
    if (of)
        d++;
    if (!number && !of)
        return 0; /* "first March" is not a date */
    m = xc_parse_month(r, d, &month, false);
    if (!m)
        return 0;
    if (the && !of && !number)
        return 0;
    size_t y = year_after(r, m, &year);
    if (!y)
        year = 0;
    return finish_day(r, i, y ? y : m, year, month, day, weekday, h);
}

/* March 2025, March of 2025, March last year, January this year */
static size_t month_year(xc_rc *r, size_t i, xc_hit *h)
{
    int month, year;
    size_t m = xc_parse_month(r, i, &month, false);
    if (!m)
        return 0;
    size_t k = m;
    if (xc_rc_punct(r, k, ',') || xc_rc_is(r, k, K_OF))
        k++;
    xc_tval v = xc_tval_unknown(XC_G_MONTH);
    v.sub = (int16_t)month;
    size_t e = xc_parse_year(r, k, &year);
    bool given = e != 0;
    if (e) {
        v.year = year;
    } else if ((xc_rc_is(r, m, K_LAST) || xc_rc_is(r, m, K_THIS) || xc_rc_is(r, m, K_NEXT)) &&
               xc_rc_unit(r, m + 1, NULL) == U_YEAR) {
        int kw = xc_rc_kw(r, m);
        xc_tval y = xc_rc_anchor_period(r, XC_G_YEAR);
        if (xc_tval_known(&y))
            v.year = y.year + (kw == K_LAST ? -1 : kw == K_NEXT ? 1 : 0);
        e = m + 2;
    } else {
        return 0;
    }
    xc_hit_init(h, i, XC_TIMEX_DATE, v);
    h->explicit_year = given;
    h->core = XC_CORE_MONTH;
    return e;
}

/* A month on its own: "in March", "early May". May, March and August are
 * also words, so they need a preposition or a modifier before them. */
static size_t bare_month(xc_rc *r, size_t i, xc_hit *h)
{
    int month;
    size_t m = xc_parse_month(r, i, &month, true);
    if (!m)
        return 0;
    const xc_lex *l = xc_rc_lex(r, i);
    if (!xc_rc_cap(r, i))
        return 0;
    if (l->ambiguous) {
        int before = i > 0 ? xc_rc_kw(r, i - 1) : K_NONE;
        bool ok = before == K_IN || before == K_ON || before == K_BY || before == K_SINCE || before == K_UNTIL ||
                  before == K_TILL || before == K_THROUGH || before == K_FROM || before == K_BEFORE ||
                  before == K_AFTER || before == K_DURING || before == K_EARLY || before == K_LATE ||
                  before == K_MID || before == K_OF || before == K_END || before == K_START ||
                  before == K_BEGINNING || before == K_MIDDLE || before == K_LAST || before == K_NEXT ||
                  before == K_THIS || before == K_EACH || before == K_EVERY || before == K_TO ||
                  (i > 0 && xc_rc_punct(r, i - 1, '-') && xc_rc_attached(r, i));
        if (!ok)
            return 0;
        /* "August Wilson", "May Day": a name */
        if (xc_rc_word(r, m) && xc_rc_cap(r, m) && !(r->w[m].flags & XC_TWF_SENT) && xc_rc_attached(r, m) == false &&
            !xc_rc_lex(r, m))
            return 0;
    }
    xc_tval v = xc_tval_unknown(XC_G_MONTH);
    v.sub = (int16_t)month;
    v.year = xc_rc_year_said(r, i) ? xc_rc_year_said(r, i) : xc_rc_year_for_month(r, month, xc_tense_at(r, i, m));
    xc_hit_init(h, i, XC_TIMEX_DATE, v);
    h->core = XC_CORE_MONTH;
    return m;
}

/* Words after a four-digit number that make it a count, not a year. */
static bool count_noun(const xc_rc *r, size_t i)
{
    static const char *const nouns[] = {
        "people", "persons", "men", "women", "children", "troops", "soldiers", "workers", "employees", "jobs",
        "shares", "dollars", "yen", "pounds", "euros", "marks", "francs", "miles", "kilometers", "kilometres",
        "km", "meters", "metres", "feet", "tons", "tonnes", "units", "cars", "vehicles", "homes", "houses",
        "cases", "deaths", "votes", "seats", "copies", "pages", "points", "students", "members", "residents",
        "patients", "barrels", "acres", "hectares", "refugees", "prisoners", "officers", "police", "delegates",
        "signatures", "stores", "companies", "flights", "passengers", "lbs", "kg", "mph", "rpm", "hp", "calories",
        "words", "rooms", "beds", "games", "runs", "yards", "times", "percent", "pct", "bp"};
    const xc_tw *t = xc_rc_tok(r, i);
    if (!t || t->kind != XC_TW_WORD)
        return false;
    size_t n = t->end - t->start;
    for (size_t k = 0; k < sizeof nouns / sizeof *nouns; k++)
        if (strlen(nouns[k]) == n && strncasecmp(nouns[k], r->text + t->start, n) == 0)
            return true;
    return false;
}

static bool currency_before(const xc_rc *r, size_t i)
{
    if (i == 0)
        return false;
    const xc_tw *p = &r->w[i - 1];
    if (p->kind != XC_TW_PUNCT)
        return false;
    if (p->ch == '$' || p->ch == '#')
        return true;
    /* £ € ¥ and other symbols */
    return p->ch == '?' && xc_rc_attached(r, i);
}

/* A year alone: 1989, fiscal 1989, fiscal year 1990, FY2025, the year 2000,
 * the year two thousand, nineteen ninety-six. */
static size_t year_rule(xc_rc *r, size_t i, xc_hit *h)
{
    size_t j = i, e = 0;
    int year = 0;
    bool lead = false; /* fiscal, the year: the number is surely a year */
    if (xc_rc_is(r, j, K_FISCAL)) {
        j++;
        if (xc_rc_unit(r, j, NULL) == U_YEAR && !xc_rc_lex(r, j)->plural)
            j++;
        lead = true;
    } else if (xc_rc_is(r, j, K_THE) && xc_rc_unit(r, j + 1, NULL) == U_YEAR && !xc_rc_lex(r, j + 1)->plural) {
        j += 2;
        lead = true;
    } else if (xc_rc_is(r, j, K_FY) && xc_rc_num(r, j + 1, 4) && !r->w[j + 1].suffix &&
               (r->w[j + 1].digits == 2 || r->w[j + 1].digits == 4)) {
        int v = r->w[j + 1].num;
        year = r->w[j + 1].digits == 2 ? (v < 50 ? 2000 + v : 1900 + v) : v;
        if (year < 1000)
            return 0;
        e = j + 2;
    }
    if (!e) {
        e = xc_parse_year(r, j, &year);
        if (!e && lead)
            e = year_thousands(r, j, &year);
        if (!e)
            return 0;
    }
    const xc_tw *t = &r->w[j];
    if (!lead && t->kind == XC_TW_NUM && e == j + 1) {
        if (currency_before(r, j) || count_noun(r, e))
            return 0;
        if (xc_rc_attached(r, e) && (xc_rc_punct(r, e, '%') || xc_rc_word(r, e)))
            return 0; /* 1990% or 1990mAh */
        bool mid = j > 1 && xc_rc_punct(r, j - 1, '-') && xc_rc_is(r, j - 2, K_MID);
        if (j > 0 && xc_rc_attached(r, j) && !mid &&
            (xc_rc_word(r, j - 1) || xc_rc_punct(r, j - 1, '-') || xc_rc_punct(r, j - 1, '/') ||
             xc_rc_punct(r, j - 1, '.')))
            return 0; /* A1990, 10-1990, version numbers (not mid-1990) */
        if (xc_rc_attached(r, e) && (xc_rc_punct(r, e, '/') || xc_rc_punct(r, e, ':')) && xc_rc_num(r, e + 1, 9))
            return 0;
        int before = j > 0 ? xc_rc_kw(r, j - 1) : K_NONE;
        if (before == K_ABOUT || before == K_AROUND || before == K_NEARLY || before == K_ALMOST ||
            before == K_OVER || before == K_THAN || before == K_SOME || before == K_APPROXIMATELY ||
            before == K_ROUGHLY || before == K_UNDER)
            if (count_noun(r, e + 1) || !(year >= 1900 && year <= 2099))
                return 0;
        if (year < 1900 || year > 2099) {
            /* old years need a word that makes them years */
            if (!(before == K_IN || before == K_SINCE || before == K_FROM || before == K_UNTIL ||
                  before == K_BY || before == K_BEFORE || before == K_AFTER || before == K_OF ||
                  before == K_DURING || before == K_TILL || before == K_THROUGH))
                return 0;
        }
    }
    xc_tval v = xc_tval_unknown(XC_G_YEAR);
    v.year = year;
    xc_hit_init(h, i, XC_TIMEX_DATE, v);
    h->explicit_year = true;
    h->core = XC_CORE_YEAR;
    return e;
}

/* Decades and centuries: the 1990s, 1990s, the '80s, the eighties, the
 * nineteen-nineties, the 20th century, the twentieth century, the 1800s. */
static size_t decade_rule(xc_rc *r, size_t i, xc_hit *h)
{
    size_t j = i;
    bool the = xc_rc_is(r, j, K_THE);
    if (the)
        j++;
    const xc_tw *t = xc_rc_tok(r, j);
    if (!t)
        return 0;
    xc_tval v = xc_tval_unknown(XC_G_DECADE);
    size_t e = 0;
    if (t->kind == XC_TW_NUM && t->suffix == 's' && t->digits == 4 && t->num % 10 == 0 && t->num >= 1000 &&
        t->num <= 2990) {
        if (t->num % 100 == 0 && the) {
            v = xc_tval_unknown(XC_G_CENTURY);
            v.year = t->num / 100;
        } else {
            v.year = t->num / 10;
        }
        e = j + 1;
    } else if (t->kind == XC_TW_PUNCT && t->ch == '\'' && xc_rc_num(r, j + 1, 2) && r->w[j + 1].digits == 2 &&
               r->w[j + 1].suffix == 's' && r->w[j + 1].num % 10 == 0 && xc_rc_attached(r, j + 1)) {
        int d = r->w[j + 1].num;
        v.year = d >= 20 ? 190 + d / 10 : 200 + d / 10;
        e = j + 2;
    } else if (t->kind == XC_TW_NUM && t->suffix == 's' && t->digits == 2 && t->num % 10 == 0 && the) {
        int d = t->num;
        v.year = d >= 20 ? 190 + d / 10 : 200 + d / 10;
        e = j + 1;
    } else if (the && xc_rc_lex(r, j) && xc_rc_lex(r, j)->decade) {
        v.year = 190 + xc_rc_lex(r, j)->decade / 10;
        e = j + 1;
    } else if (the && xc_rc_lex(r, j) && xc_rc_lex(r, j)->card >= 18 && xc_rc_lex(r, j)->card <= 20 &&
               xc_rc_punct(r, j + 1, '-') && xc_rc_lex(r, j + 2) && xc_rc_lex(r, j + 2)->decade) {
        v.year = xc_rc_lex(r, j)->card * 10 + xc_rc_lex(r, j + 2)->decade / 10; /* the nineteen-nineties */
        e = j + 3;
    } else {
        /* the 20th century, the twentieth century, the twenty-first century, an 11th century temple */
        int ord = 0;
        size_t k = j;
        const xc_lex *l = xc_rc_lex(r, k);
        if (t->kind == XC_TW_NUM && t->suffix == 'o' && t->digits <= 2) {
            ord = t->num;
            k++;
        } else if (l && l->ord >= 1 && l->ord <= 21) {
            ord = l->ord;
            k++;
        } else if (l && l->card == 20 && xc_rc_punct(r, k + 1, '-') && xc_rc_lex(r, k + 2) &&
                   xc_rc_lex(r, k + 2)->ord >= 1 && xc_rc_lex(r, k + 2)->ord <= 9) {
            ord = 20 + xc_rc_lex(r, k + 2)->ord;
            k += 3;
        }
        if (ord >= 1 && ord <= 30 && xc_rc_unit(r, k, NULL) == U_CENTURY && !xc_rc_lex(r, k)->plural) {
            v = xc_tval_unknown(XC_G_CENTURY);
            v.year = ord - 1;
            e = k + 1;
        }
    }
    if (!e)
        return 0;
    xc_hit_init(h, i, XC_TIMEX_DATE, v);
    h->core = XC_CORE_DECADE;
    return e;
}

/* a.m. / p.m. / am / pm after a number: 1 for am, 2 for pm. */
static size_t meridiem(const xc_rc *r, size_t i, int *which)
{
    int kw = xc_rc_kw(r, i);
    if (kw == K_AM || kw == K_PM) {
        *which = kw == K_AM ? 1 : 2;
        size_t j = i + 1;
        if (xc_rc_punct(r, j, '.') && xc_rc_attached(r, j) && !(j + 1 < r->n && (r->w[j + 1].flags & XC_TWF_SENT)))
            j++;
        return j;
    }
    const xc_tw *t = xc_rc_tok(r, i);
    if (!t || t->kind != XC_TW_WORD || t->end - t->start != 1)
        return 0;
    char c = r->text[t->start];
    if (c != 'a' && c != 'p' && c != 'A' && c != 'P')
        return 0;
    if (!xc_rc_punct(r, i + 1, '.') || !xc_rc_attached(r, i + 1) || !xc_rc_attached(r, i + 2))
        return 0;
    const xc_tw *m = xc_rc_tok(r, i + 2);
    if (!m || m->kind != XC_TW_WORD || m->end - m->start != 1 || (r->text[m->start] | 0x20) != 'm')
        return 0;
    size_t j = i + 3;
    /* the stop of "p.m." ends the sentence as well: keep it out then */
    if (xc_rc_punct(r, j, '.') && xc_rc_attached(r, j) && !(j + 1 < r->n && (r->w[j + 1].flags & XC_TWF_SENT)))
        j++;
    *which = (c | 0x20) == 'a' ? 1 : 2;
    return j;
}

static size_t zone_word(const xc_rc *r, size_t i)
{
    int kw = xc_rc_kw(r, i);
    if (kw == K_GMT || kw == K_UTC || kw == K_EST || kw == K_EDT || kw == K_CST || kw == K_CDT ||
        kw == K_PST || kw == K_PDT || kw == K_BST || kw == K_CET || kw == K_IST)
        return xc_rc_cap(r, i) ? i + 1 : 0;
    if (kw == K_LOCAL && xc_rc_is(r, i + 1, K_TIME))
        return i + 2;
    return 0;
}

/* 10:30 a.m., 5 p.m. EST, 22:19, noon, midnight; then maybe the day. */
static size_t clock_rule(xc_rc *r, size_t i, xc_hit *h)
{
    int hour = -1, minute = -1, which = 0;
    size_t j;
    int kw = xc_rc_kw(r, i);
    if (kw == K_NOON || kw == K_MIDDAY || kw == K_MIDNIGHT) {
        hour = kw == K_MIDNIGHT ? 24 : 12;
        minute = kw == K_MIDNIGHT ? -1 : 0;
        j = i + 1;
    } else {
        if (!xc_rc_num(r, i, 2) || r->w[i].suffix)
            return 0;
        if (i > 0 && xc_rc_attached(r, i) && (xc_rc_punct(r, i - 1, ':') || xc_rc_punct(r, i - 1, '.') ||
                                              r->w[i - 1].kind == XC_TW_NUM))
            return 0;
        hour = r->w[i].num;
        j = i + 1;
        if (xc_rc_punct(r, j, ':') && xc_rc_attached(r, j) && xc_rc_num(r, j + 1, 2) && r->w[j + 1].digits == 2 &&
            xc_rc_attached(r, j + 1)) {
            minute = r->w[j + 1].num;
            j += 2;
            if (xc_rc_punct(r, j, ':') && xc_rc_attached(r, j) && xc_rc_num(r, j + 1, 2))
                j += 2;
        }
        size_t m = meridiem(r, j, &which);
        if (m) {
            if (hour < 1 || hour > 12)
                return 0;
            hour = which == 2 ? (hour == 12 ? 12 : hour + 12) : (hour == 12 ? 0 : hour);
            if (minute < 0)
                minute = 0;
            j = m;
        } else if (minute < 0 || hour > 23 || minute > 59) {
            return 0;
        } else if (xc_rc_attached(r, j) && (xc_rc_num(r, j, 9) || xc_rc_punct(r, j, ':') || xc_rc_punct(r, j, '.'))) {
            return 0;
        } else if (!zone_word(r, j)) {
            /* a bare 10:30 needs "at" (or the like) before it */
            int before = i > 0 ? xc_rc_kw(r, i - 1) : K_NONE;
            if (!(before == K_AT || before == K_BY || before == K_UNTIL || before == K_AROUND ||
                  before == K_ABOUT || before == K_BEFORE || before == K_AFTER || before == K_SINCE ||
                  before == K_FROM || before == K_TILL))
                return 0;
        }
        if (minute > 59)
            return 0;
    }
    size_t z = zone_word(r, j);
    if (z)
        j = z;
    xc_tval day;
    size_t d = xc_parse_day_after_time(r, j, &day);
    xc_hit_init(h, i, XC_TIMEX_TIME, day);
    h->v.hour = (int8_t)hour;
    h->v.minute = (int8_t)minute;
    h->core = XC_CORE_CLOCK;
    return d;
}

size_t xc_parse_day_after_time(const xc_rc *r, size_t i, xc_tval *day)
{
    *day = xc_rc_anchor_period(r, XC_G_DAY);
    size_t j = i;
    if (xc_rc_is(r, j, K_ON))
        j++;
    int weekday, month, d, year;
    size_t e = xc_parse_weekday(r, j, &weekday);
    if (e) {
        *day = xc_rc_weekday(r, weekday, 0, xc_tense_at(r, i, e));
        return e;
    }
    int kw = xc_rc_kw(r, j);
    if (kw == K_TODAY || kw == K_YESTERDAY || kw == K_TOMORROW || kw == K_TONIGHT) {
        *day = xc_tval_shift(*day, kw == K_YESTERDAY ? -1 : kw == K_TOMORROW ? 1 : 0);
        return j + 1;
    }
    size_t k = j;
    if (xc_rc_punct(r, k, ','))
        k++;
    size_t m = xc_parse_month(r, k, &month, false);
    if (m && (e = xc_parse_day(r, m, &d)) != 0) {
        size_t y = year_after(r, e, &year);
        if (!y)
            year = xc_rc_year_for_day(r, month, d, xc_tense_at(r, i, e));
        if (year != XC_NO_YEAR && !xc_valid_day(year, month, d))
            return i;
        *day = day_value(year, month, d);
        return y ? y : e;
    }
    return i;
}

size_t xc_rules_absolute(xc_rc *r, size_t i, xc_hit *h)
{
    xc_hit c;
    size_t best = 0, e;
    if ((e = iso_date(r, i, &c)) != 0)
        best = xc_keep_longer(h, best, &c, e);
    if ((e = numeric_date(r, i, &c)) != 0)
        best = xc_keep_longer(h, best, &c, e);
    if ((e = calendar_day(r, i, &c)) != 0)
        best = xc_keep_longer(h, best, &c, e);
    if ((e = month_year(r, i, &c)) != 0)
        best = xc_keep_longer(h, best, &c, e);
    if ((e = bare_month(r, i, &c)) != 0)
        best = xc_keep_longer(h, best, &c, e);
    if ((e = year_rule(r, i, &c)) != 0)
        best = xc_keep_longer(h, best, &c, e);
    if ((e = decade_rule(r, i, &c)) != 0)
        best = xc_keep_longer(h, best, &c, e);
    if ((e = clock_rule(r, i, &c)) != 0)
        best = xc_keep_longer(h, best, &c, e);
    return best;
}
