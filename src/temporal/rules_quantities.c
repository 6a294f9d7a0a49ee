/* Durations and sets: three years, the past two weeks, the first nine
 * months, five-year, for years (DURATION P3Y, P2W, P9M, P5Y, PXY); every
 * week, each July, every Monday, twice a year, annually (SET). They are
 * not dates, but finding them keeps "the first nine months" or "a year"
 * from being read as one. */
#include <stdio.h>
#include <string.h>

#include "rules.h"

/* TimeML's unit letter(s) and whether they follow a T (times of day). */
static const char *unit_code(int unit, bool *time)
{
    *time = false;
    switch (unit) {
    case U_SECOND: *time = true; return "S";
    case U_MINUTE: *time = true; return "M";
    case U_HOUR: *time = true; return "H";
    case U_DAY: return "D";
    case U_WEEKEND: return "WE";
    case U_WEEK:
    case U_FORTNIGHT: return "W";
    case U_MONTH: return "M";
    case U_QUARTER: return "Q";
    case U_YEAR: return "Y";
    case U_DECADE: return "DE";
    case U_CENTURY: return "CE";
    case U_MILLENNIUM: return "ML";
    default: return NULL;
    }
}

static void duration_value(char *out, int n, int unit)
{
    bool time;
    const char *code = unit_code(unit, &time);
    if (!code) {
        out[0] = '\0';
        return;
    }
    if (unit == U_FORTNIGHT && n >= 0)
        n *= 2;
    if (n < 0)
        snprintf(out, XC_TIMEX_VALUE_MAX, "P%sX%s", time ? "T" : "", code);
    else
        snprintf(out, XC_TIMEX_VALUE_MAX, "P%s%d%s", time ? "T" : "", n, code);
}

/* [the] [past|last|next|first|coming|previous|following|final] QUANTITY
 * [-] UNIT [or so] | for|over|in UNITS */
static size_t duration(xc_rc *r, size_t i, xc_hit *h)
{
    size_t j = i;
    bool the = false;
    if (xc_rc_is(r, j, K_THE)) {
        the = true;
        j++;
        int kw = xc_rc_kw(r, j);
        if (kw == K_PAST || kw == K_LAST || kw == K_NEXT || kw == K_FIRST || kw == K_COMING ||
            kw == K_PREVIOUS || kw == K_FOLLOWING)
            j++;
    }
    int n;
    size_t q = xc_parse_quantity(r, j, &n);
    bool plural = false;
    int unit;
    size_t e;
    if (q) {
        if ((xc_rc_is(r, j, K_A) || xc_rc_is(r, j, K_AN)) && the)
            return 0;
        size_t u = q;
        bool hyphen = false;
        if (xc_rc_punct(r, u, '-') && xc_rc_attached(r, u) && xc_rc_attached(r, u + 1)) {
            u++;
            hyphen = true;
        }
        unit = xc_rc_unit(r, u, &plural);
        if (unit == U_NONE)
            return 0;
        if (n > 1 && !plural && !hyphen && r->w[j].kind == XC_TW_WORD && !xc_rc_word(r, u + 1))
            return 0; /* "two year" needs to be an adjective: "a two year low" */
        if (n == 1 && plural)
            return 0;
        if (unit == U_SECOND && !plural && !hyphen && xc_rc_word(r, u + 1) && !xc_rc_is(r, u + 1, K_OR) &&
            !xc_rc_is(r, u + 1, K_AND))
            return 0; /* "a second round": an ordinal */
        if (xc_rc_punct(r, u + 1, '-') && xc_rc_attached(r, u + 1) && xc_rc_attached(r, u + 2) &&
            !(xc_rc_word(r, u + 2) && r->w[u + 2].end - r->w[u + 2].start == 3 &&
              strncasecmp(r->text + r->w[u + 2].start, "old", 3) == 0))
            return 0; /* "a year-earlier loss": year-earlier is the date */
        /* a 10-year-old: an age, not a duration */
        if (xc_rc_punct(r, u + 1, '-') && xc_rc_attached(r, u + 1) && xc_rc_word(r, u + 2) &&
            r->w[u + 2].end - r->w[u + 2].start == 3 && strncasecmp(r->text + r->w[u + 2].start, "old", 3) == 0)
            return 0;
        e = u + 1;
    } else {
        /* for years, over decades, in weeks */
        int before = i > 0 ? xc_rc_kw(r, i - 1) : K_NONE;
        unit = xc_rc_unit(r, j, &plural);
        if (the || !plural || unit < U_DAY ||
            !(before == K_FOR || before == K_OVER || before == K_IN || before == K_WITHIN))
            return 0;
        n = -1;
        e = j + 1;
    }
    if (xc_rc_is(r, e, K_OR) && xc_rc_is(r, e + 1, K_SO))
        e += 2;
    xc_hit_init(h, i, XC_TIMEX_DURATION, xc_tval_unknown(XC_G_NONE));
    duration_value(h->literal, n, unit);
    /* once a week, twice a year, three times a day: a set */
    if (n == 1 && !the && i > 0 && (xc_rc_is(r, i - 1, K_ONCE) || xc_rc_is(r, i - 1, K_TIMES) ||
                                     (xc_rc_word(r, i - 1) && r->w[i - 1].end - r->w[i - 1].start == 5 &&
                                      strncasecmp(r->text + r->w[i - 1].start, "twice", 5) == 0)))
        h->type = XC_TIMEX_SET;
    return h->literal[0] ? e : 0;
}

/* every week, each year, every Monday, each July, every other week,
 * annually, hourly, per year */
static size_t set_rule(xc_rc *r, size_t i, xc_hit *h)
{
    int kw = xc_rc_kw(r, i);
    if (kw == K_ANNUALLY || kw == K_HOURLY) {
        xc_hit_init(h, i, XC_TIMEX_SET, xc_tval_unknown(XC_G_NONE));
        snprintf(h->literal, sizeof h->literal, "%s", kw == K_ANNUALLY ? "P1Y" : "PT1H");
        return i + 1;
    }
    if (kw != K_EVERY && kw != K_EACH && kw != K_PER)
        return 0;
    size_t j = i + 1;
    int every = 1;
    const xc_tw *t = xc_rc_tok(r, j);
    if (t && t->kind == XC_TW_WORD && t->end - t->start == 5 && strncasecmp(r->text + t->start, "other", 5) == 0) {
        every = 2;
        j++;
    }
    const xc_lex *l = xc_rc_lex(r, j);
    if (!l)
        return 0;
    xc_hit_init(h, i, XC_TIMEX_SET, xc_tval_unknown(XC_G_NONE));
    if (l->weekday && !l->abbr && kw != K_PER) {
        snprintf(h->literal, sizeof h->literal, "XXXX-WXX-%d", l->weekday);
        return j + 1;
    }
    if (l->month && !l->abbr && xc_rc_cap(r, j) && kw != K_PER) {
        snprintf(h->literal, sizeof h->literal, "XXXX-%02d", l->month);
        return j + 1;
    }
    if (l->unit >= U_SECOND && !l->plural) {
        duration_value(h->literal, every, l->unit);
        return h->literal[0] ? j + 1 : 0;
    }
    /* every three years */
    int n;
    size_t q = xc_parse_quantity(r, j, &n);
    bool plural = false;
    int unit = q ? xc_rc_unit(r, q, &plural) : U_NONE;
    if (q && n > 1 && plural && unit >= U_SECOND && kw == K_EVERY) {
        duration_value(h->literal, n, unit);
        return h->literal[0] ? q + 1 : 0;
    }
    return 0;
}

size_t xc_rules_quantities(xc_rc *r, size_t i, xc_hit *h)
{
    xc_hit c;
    size_t best = 0, e;
    if ((e = duration(r, i, &c)) != 0)
        best = xc_keep_longer(h, best, &c, e);
    if ((e = set_rule(r, i, &c)) != 0)
        best = xc_keep_longer(h, best, &c, e);
    return best;
}
