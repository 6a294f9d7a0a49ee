/* Rules for dates told relative to the anchor or to the date the text
 * last mentioned: today, yesterday, tonight, Friday, last Friday, this
 * week, next year, the past year, the coming month, that year, the
 * following month, last spring, the weekend, the third quarter, this
 * year's second half, two years ago, a year earlier, year-earlier, the
 * year-ago quarter, year-end; and the vague references: now, currently
 * (PRESENT_REF), recently, the past (PAST_REF), the future, soon
 * (FUTURE_REF). */
#include <string.h>

#include "calendar.h"
#include "rules.h"

static xc_gran unit_gran(int unit)
{
    switch (unit) {
    case U_DAY: return XC_G_DAY;
    case U_WEEK:
    case U_FORTNIGHT: return XC_G_WEEK;
    case U_WEEKEND: return XC_G_WEEKEND;
    case U_MONTH: return XC_G_MONTH;
    case U_QUARTER: return XC_G_QUARTER;
    case U_YEAR: return XC_G_YEAR;
    case U_DECADE: return XC_G_DECADE;
    case U_CENTURY: return XC_G_CENTURY;
    default: return XC_G_NONE;
    }
}

/* The discourse reference seen at granularity g, when it is that fine. */
static bool ref_at(const xc_rc *r, xc_gran g, xc_tval *out)
{
    if (!r->have_ref || !xc_tval_known(&r->ref) || r->ref.gran < g)
        return false;
    if (g == XC_G_WEEK || g == XC_G_WEEKEND) {
        if (r->ref.gran != XC_G_DAY && r->ref.gran != XC_G_WEEK && r->ref.gran != XC_G_WEEKEND)
            return false;
    }
    if (g == XC_G_SEASON && r->ref.gran != XC_G_DAY && r->ref.gran != XC_G_MONTH && r->ref.gran != XC_G_SEASON)
        return false;
    if (r->ref.gran == XC_G_DAY && (r->ref.sub == 0 || r->ref.day == 0))
        return false;
    *out = xc_tval_coarsen(r->ref, g);
    return xc_tval_known(out);
}

/* ------------------------------------------------------------------ */
/* today, yesterday, tomorrow, tonight, this morning, last night         */
/* ------------------------------------------------------------------ */

static const char *part_of_day(int kw)
{
    switch (kw) {
    case K_MORNING: return "MO";
    case K_AFTERNOON: return "AF";
    case K_EVENING: return "EV";
    case K_NIGHT: return "NI";
    default: return NULL;
    }
}

static size_t deictic(xc_rc *r, size_t i, xc_hit *h)
{
    int kw = xc_rc_kw(r, i), shift = 0;
    size_t j;
    const char *part = NULL;
    if (kw == K_TODAY || kw == K_YESTERDAY || kw == K_TOMORROW) {
        shift = kw == K_YESTERDAY ? -1 : kw == K_TOMORROW ? 1 : 0;
        j = i + 1;
        if ((part = part_of_day(xc_rc_kw(r, j))) != NULL)
            j++;
    } else if (kw == K_TONIGHT) {
        part = "NI";
        j = i + 1;
    } else if ((kw == K_THIS || kw == K_LAST) && (part = part_of_day(xc_rc_kw(r, i + 1))) != NULL) {
        if (kw == K_LAST && strcmp(part, "NI") != 0)
            return 0; /* "last morning" is not a date */
        shift = kw == K_LAST ? -1 : 0;
        j = i + 2;
    } else if (kw == K_THE && xc_rc_unit(r, i + 1, NULL) == U_DAY && !xc_rc_lex(r, i + 1)->plural &&
               ((xc_rc_is(r, i + 2, K_BEFORE) && xc_rc_is(r, i + 3, K_YESTERDAY)) ||
                (xc_rc_is(r, i + 2, K_AFTER) && xc_rc_is(r, i + 3, K_TOMORROW)))) {
        shift = xc_rc_is(r, i + 2, K_BEFORE) ? -2 : 2;
        j = i + 4;
    } else {
        return 0;
    }
    xc_hit_init(h, i, part ? XC_TIMEX_TIME : XC_TIMEX_DATE, xc_tval_shift(xc_rc_anchor_period(r, XC_G_DAY), shift));
    h->v.part = part;
    h->core = XC_CORE_DEICTIC;
    return j;
}

/* ------------------------------------------------------------------ */
/* PRESENT_REF, PAST_REF, FUTURE_REF                                    */
/* ------------------------------------------------------------------ */

static bool plural_unit_at(const xc_rc *r, size_t i)
{
    bool plural = false;
    int u = xc_rc_unit(r, i, &plural);
    return u >= U_DAY && plural;
}

static size_t vague(xc_rc *r, size_t i, xc_hit *h)
{
    int kw = xc_rc_kw(r, i);
    const char *ref = NULL;
    size_t j = i + 1;
    switch (kw) {
    case K_NOW:
        ref = "PRESENT_REF";
        break;
    case K_RIGHT:
        if (!xc_rc_is(r, i + 1, K_NOW))
            return 0;
        ref = "PRESENT_REF";
        j = i + 2;
        break;
    case K_CURRENTLY:
    case K_PRESENTLY:
    case K_NOWADAYS:
        ref = "PRESENT_REF";
        break;
    case K_CURRENT:
        /* an adjective before a noun: "the current chairman" */
        if (!xc_rc_word(r, i + 1) || xc_rc_cap(r, i + 1) || xc_rc_lex(r, i + 1))
            return 0;
        ref = "PRESENT_REF";
        break;
    case K_THESE:
        if (xc_rc_unit(r, i + 1, NULL) != U_DAY || !xc_rc_lex(r, i + 1)->plural)
            return 0;
        ref = "PRESENT_REF";
        j = i + 2;
        break;
    case K_PREVIOUSLY:
    case K_FORMERLY: {
        /* "previously announced": part of a verb phrase, not a date */
        const xc_tw *t = xc_rc_tok(r, i + 1);
        if (t && t->kind == XC_TW_WORD && t->end - t->start > 4 && r->text[t->end - 2] == 'e' &&
            r->text[t->end - 1] == 'd')
            return 0;
        ref = "PAST_REF";
        break;
    }
    case K_RECENTLY:
    case K_LATELY:
        ref = "PAST_REF";
        break;
    case K_MORE:
        if (!xc_rc_is(r, i + 1, K_RECENTLY))
            return 0;
        ref = "PAST_REF";
        j = i + 2;
        break;
    case K_RECENT:
        ref = "PAST_REF";
        if (plural_unit_at(r, i + 1))
            j = i + 2; /* recent years */
        break;
    case K_SOON:
        /* not "soon after", "as soon as" (but "as soon as possible") */
        if (xc_rc_is(r, i + 1, K_AFTER) || xc_rc_is(r, i + 1, K_BEFORE))
            return 0;
        if (i > 0 && xc_rc_is(r, i - 1, K_AS) && xc_rc_is(r, i + 1, K_AS))
            return 0;
        ref = "FUTURE_REF";
        break;
    case K_AS:
        if (!xc_rc_is(r, i + 1, K_SOON) || !xc_rc_is(r, i + 2, K_AS) || !xc_rc_is(r, i + 3, K_POSSIBLE))
            return 0;
        ref = "FUTURE_REF";
        j = i + 4;
        break;
    case K_FUTURE:
        /* "future quarters"; the adjective alone ("future earnings") is not a date */
        if (!plural_unit_at(r, i + 1))
            return 0;
        ref = "FUTURE_REF";
        j = i + 2;
        break;
    case K_PAST:
        /* "in past years" */
        if (!plural_unit_at(r, i + 1) || i == 0 || xc_rc_is(r, i - 1, K_THE))
            return 0;
        ref = "PAST_REF";
        j = i + 2;
        break;
    case K_COMING:
        if (!plural_unit_at(r, i + 1))
            return 0;
        ref = "FUTURE_REF";
        j = i + 2;
        break;
    case K_THE: {
        int next = xc_rc_kw(r, i + 1);
        if (next == K_FUTURE) {
            ref = "FUTURE_REF";
            j = i + 2;
        } else if (next == K_NEAR && (xc_rc_is(r, i + 2, K_FUTURE) || xc_rc_is(r, i + 2, K_TERM))) {
            ref = "FUTURE_REF";
            j = i + 3;
        } else if ((next == K_SHORT || next == K_LONG) && xc_rc_is(r, i + 2, K_TERM)) {
            ref = "FUTURE_REF";
            j = i + 3;
        } else if (next == K_COMING && plural_unit_at(r, i + 2)) {
            ref = "FUTURE_REF";
            j = i + 3;
        } else if (next == K_PAST || next == K_PRESENT) {
            /* "the past" alone: not "the past year", "the past three years" */
            const xc_tw *t = xc_rc_tok(r, i + 2);
            const xc_lex *l = xc_rc_lex(r, i + 2);
            int n;
            if (xc_rc_unit(r, i + 2, NULL) != U_NONE || xc_parse_quantity(r, i + 2, &n) || (l && l->season))
                return 0;
            if (t && t->kind == XC_TW_WORD && !(t->flags & XC_TWF_CAP) && !xc_rc_lex(r, i + 2) &&
                !(i > 0 && xc_rc_is(r, i - 1, K_IN)))
                return 0; /* "the past performance": an adjective (but "in the past it ...") */
            ref = next == K_PAST ? "PAST_REF" : "PRESENT_REF";
            j = i + 2;
        } else {
            return 0;
        }
        break;
    }
    case K_A:
        if (xc_rc_is(r, i + 1, K_LATER) && xc_rc_is(r, i + 2, K_DATE)) {
            ref = "FUTURE_REF";
            j = i + 3;
            break;
        }
        return 0;
    default:
        return 0;
    }
    xc_hit_init(h, i, XC_TIMEX_DATE, xc_tval_ref(ref));
    return j;
}

/* ------------------------------------------------------------------ */
/* Weekdays                                                             */
/* ------------------------------------------------------------------ */

static size_t weekday_rule(xc_rc *r, size_t i, xc_hit *h)
{
    size_t j = i;
    int direction = 0, weekday;
    bool this_week = false, from_ref = false;
    int kw = xc_rc_kw(r, j);
    if (kw == K_LAST || kw == K_PAST) {
        direction = -1;
        j++;
    } else if (kw == K_NEXT || kw == K_COMING) {
        direction = 1;
        j++;
    } else if (kw == K_THIS) {
        j++;
        if (xc_rc_is(r, j, K_PAST)) {
            direction = -1;
            j++;
        } else if (xc_rc_is(r, j, K_COMING)) {
            direction = 1;
            j++;
        } else {
            this_week = true;
        }
    } else if (kw == K_THE && (xc_rc_is(r, j + 1, K_PREVIOUS) || xc_rc_is(r, j + 1, K_PRIOR) ||
                               xc_rc_is(r, j + 1, K_FOLLOWING) || xc_rc_is(r, j + 1, K_NEXT))) {
        direction = xc_rc_is(r, j + 1, K_PREVIOUS) || xc_rc_is(r, j + 1, K_PRIOR) ? -1 : 1;
        from_ref = true;
        j += 2;
    }
    size_t e = xc_parse_weekday(r, j, &weekday);
    if (!e)
        return 0;
    xc_tval v;
    if (this_week && r->anchored) {
        v = xc_tval_from_days(r->anchor - (r->aw - 1) + (weekday - 1), XC_G_DAY);
    } else if (from_ref && r->have_ref && r->ref.gran == XC_G_DAY && xc_tval_known(&r->ref) && r->ref.day) {
        int64_t base = xc_tval_first_day(&r->ref);
        int bw = xc_weekday(base);
        int64_t d = direction < 0 ? base - ((bw - weekday + 6) % 7 + 1) : base + ((weekday - bw + 6) % 7 + 1);
        v = xc_tval_from_days(d, XC_G_DAY);
    } else {
        v = xc_rc_weekday(r, weekday, direction, xc_tense_at(r, i, e));
    }
    const char *part = part_of_day(xc_rc_kw(r, e));
    if (part)
        e++;
    xc_hit_init(h, i, part ? XC_TIMEX_TIME : XC_TIMEX_DATE, v);
    h->v.part = part;
    h->from_ref = from_ref;
    h->core = XC_CORE_WEEKDAY;
    return e;
}

/* ------------------------------------------------------------------ */
/* last week, this month, next year, the past year, that year ...       */
/* ------------------------------------------------------------------ */

typedef enum rel_kind {
    REL_NONE = 0, REL_LAST, REL_THIS, REL_NEXT, REL_REF_PREV, REL_REF_SAME, REL_REF_NEXT, REL_THE, REL_LATEST,
    REL_THIS_PAST /* "this past": the latest one, which may be this year's */
} rel_kind;

/* The words before a unit: returns the token after them and the kind. */
static size_t rel_words(const xc_rc *r, size_t i, rel_kind *kind)
{
    int kw = xc_rc_kw(r, i);
    int next = xc_rc_kw(r, i + 1);
    switch (kw) {
    case K_LAST: *kind = REL_LAST; return i + 1;
    case K_NEXT:
    case K_COMING: *kind = REL_NEXT; return i + 1;
    case K_CURRENT: *kind = REL_THIS; return i + 1;
    case K_THIS:
        if (next == K_PAST) { *kind = REL_THIS_PAST; return i + 2; }
        if (next == K_COMING) { *kind = REL_NEXT; return i + 2; }
        *kind = REL_THIS;
        return i + 1;
    case K_THAT: *kind = REL_REF_SAME; return i + 1;
    case K_THE:
        switch (next) {
        case K_FULL:
        case K_WHOLE:
        case K_ENTIRE: *kind = REL_THE; return i + 2;
        case K_PAST:
        case K_LAST: *kind = REL_LAST; return i + 2;
        case K_NEXT:
        case K_COMING: *kind = REL_NEXT; return i + 2;
        case K_CURRENT:
        case K_PRESENT: *kind = REL_THIS; return i + 2;
        case K_PREVIOUS:
        case K_PRIOR: *kind = REL_REF_PREV; return i + 2;
        case K_FOLLOWING: *kind = REL_REF_NEXT; return i + 2;
        case K_SAME: *kind = REL_REF_SAME; return i + 2;
        case K_LATEST: *kind = REL_LATEST; return i + 2;
        default: *kind = REL_THE; return i + 1;
        }
    default: return 0;
    }
}

static xc_tval weekend(const xc_rc *r, rel_kind kind, xc_tense tense)
{
    if (kind == REL_THIS_PAST)
        kind = REL_LAST;
    if (!r->anchored)
        return xc_tval_unknown(XC_G_WEEKEND);
    xc_tval w = xc_tval_from_days(r->anchor, XC_G_WEEKEND);
    bool on_weekend = r->aw >= 6;
    switch (kind) {
    case REL_LAST: return xc_tval_shift(w, -1);
    case REL_NEXT: return r->aw >= 5 ? xc_tval_shift(w, 1) : w;
    case REL_THIS: return tense == XC_TENSE_PAST && !on_weekend ? xc_tval_shift(w, -1) : w;
    default:
        /* "the weekend": the last one in past tense, else the coming one */
        if (tense == XC_TENSE_FUTURE)
            return r->aw == 7 ? xc_tval_shift(w, 1) : w;
        return on_weekend ? w : xc_tval_shift(w, -1);
    }
}

static xc_tval season_value(const xc_rc *r, int season, rel_kind kind, int year)
{
    xc_tval v = xc_tval_unknown(XC_G_SEASON);
    v.sub = (int16_t)season;
    if (year) {
        v.year = year;
        return v;
    }
    if (!r->anchored)
        return v;
    /* the month each season begins in: spring March ... winter December */
    int begins = season * 3, y = r->ay;
    switch (kind) {
    case REL_LAST:
    case REL_REF_PREV: v.year = y - 1; break;
    case REL_NEXT:
    case REL_REF_NEXT: v.year = begins > r->am ? y : y + 1; break;
    case REL_THIS_PAST: v.year = begins < r->am ? y : y - 1; break;
    default: v.year = season == 4 && r->am <= 2 ? y - 1 : y; break;
    }
    return v;
}

/* [last|this|next|this past|the|early ...] spring|summer|fall|autumn|winter [of] [YEAR] */
static size_t season_rule(xc_rc *r, size_t i, xc_hit *h)
{
    rel_kind kind = REL_NONE;
    size_t j = rel_words(r, i, &kind);
    if (!j) {
        j = i;
        kind = REL_NONE;
    }
    const xc_lex *l = xc_rc_lex(r, j);
    if (!l || !l->season)
        return 0;
    size_t e = j + 1;
    int year = 0;
    size_t k = e;
    if (xc_rc_is(r, k, K_OF))
        k++;
    size_t y = xc_parse_year(r, k, &year);
    if (!y && xc_rc_is(r, k - 1, K_OF) && k - 1 == e) {
        /* "the fall of Rome": not a season */
        if (l->ambiguous)
            return 0;
    }
    if (y)
        e = y;
    else
        year = 0;
    if (kind == REL_NONE && !y) {
        /* a bare season needs "in", "during", "by", "since" or "until" before it */
        int before = i > 0 ? xc_rc_kw(r, i - 1) : K_NONE;
        if (l->ambiguous || !(before == K_IN || before == K_DURING || before == K_BY || before == K_SINCE ||
                              before == K_UNTIL || before == K_THROUGH || before == K_EARLY || before == K_LATE ||
                              before == K_MID))
            return 0;
    }
    if (kind == REL_LATEST)
        return 0;
    if (kind == REL_THE && !y && l->ambiguous) {
        int before = i > 0 ? xc_rc_kw(r, i - 1) : K_NONE;
        if (!(before == K_IN || before == K_DURING || before == K_BY || before == K_SINCE || before == K_UNTIL ||
              before == K_THROUGH || before == K_OF || before == K_FOR || before == K_THIS))
            return 0; /* "the fall in prices" */
    }
    xc_tval v;
    if ((kind == REL_REF_SAME || kind == REL_REF_PREV || kind == REL_REF_NEXT) && !year && r->have_ref &&
        xc_tval_known(&r->ref)) {
        v = xc_tval_unknown(XC_G_SEASON);
        v.sub = (int16_t)l->season;
        v.year = r->ref.gran <= XC_G_DECADE ? XC_NO_YEAR
                                            : xc_tval_coarsen(r->ref, XC_G_YEAR).year +
                                                  (kind == REL_REF_PREV ? -1 : kind == REL_REF_NEXT ? 1 : 0);
    } else {
        v = season_value(r, l->season, kind, year);
    }
    xc_hit_init(h, i, XC_TIMEX_DATE, v);
    h->core = XC_CORE_SEASON;
    return e;
}

/* last April, next March, this September, this past May */
static size_t relative_month(xc_rc *r, size_t i, xc_hit *h)
{
    rel_kind kind = REL_NONE;
    size_t j = rel_words(r, i, &kind);
    if (kind == REL_THIS_PAST)
        kind = REL_LAST;
    if (!j || (kind != REL_LAST && kind != REL_NEXT && kind != REL_THIS))
        return 0;
    if (xc_rc_is(r, i, K_CURRENT))
        return 0;
    int month;
    size_t e = xc_parse_month(r, j, &month, false);
    if (!e)
        return 0;
    xc_tval v = xc_tval_unknown(XC_G_MONTH);
    v.sub = (int16_t)month;
    if (r->anchored) {
        int y = r->ay;
        if (kind == REL_LAST)
            y = month < r->am ? r->ay : r->ay - 1;
        else if (kind == REL_NEXT)
            y = month > r->am ? r->ay : r->ay + 1;
        v.year = y;
    }
    xc_hit_init(h, i, XC_TIMEX_DATE, v);
    h->core = XC_CORE_MONTH;
    return e;
}

/* The period `kind` names at granularity g. */
static xc_tval relative_period(xc_rc *r, rel_kind kind, xc_gran g, int step, bool *from_ref)
{
    xc_tval base;
    *from_ref = false;
    if (kind == REL_THIS_PAST)
        kind = REL_LAST;
    switch (kind) {
    case REL_REF_PREV:
    case REL_REF_SAME:
    case REL_REF_NEXT:
        if (ref_at(r, g, &base)) {
            *from_ref = true;
            return xc_tval_shift(base, (kind == REL_REF_PREV ? -1 : kind == REL_REF_NEXT ? 1 : 0) * step);
        }
        base = xc_rc_anchor_period(r, g);
        return xc_tval_shift(base, (kind == REL_REF_PREV ? -1 : kind == REL_REF_NEXT ? 1 : 0) * step);
    case REL_LAST: return xc_tval_shift(xc_rc_anchor_period(r, g), -step);
    case REL_NEXT: return xc_tval_shift(xc_rc_anchor_period(r, g), step);
    default: return xc_rc_anchor_period(r, g);
    }
}

/* last week, this month, next year, the past year, the coming week, that
 * year, the following month, the previous week, current year, the year,
 * the week, the month, the weekend, the decade. Quarters and halves are
 * quarter_rule's. */
static size_t relative_unit(xc_rc *r, size_t i, xc_hit *h)
{
    rel_kind kind = REL_NONE;
    size_t j = rel_words(r, i, &kind);
    if (!j)
        return 0;
    bool fiscal = false;
    if (xc_rc_is(r, j, K_FISCAL)) {
        fiscal = true;
        j++;
    }
    bool plural = false;
    int unit = xc_rc_unit(r, j, &plural);
    if (unit == U_NONE || plural || unit == U_QUARTER || unit < U_DAY)
        return 0;
    if (fiscal && unit != U_YEAR)
        return 0;
    size_t e = j + 1;
    /* "the year 2000" is year_rule's, "the year-ago quarter" quarter_rule's */
    int dummy;
    if (xc_parse_year(r, e, &dummy) || (xc_rc_punct(r, e, '-') && xc_rc_attached(r, e)))
        return 0;
    /* "This Week" in the middle of a sentence is a title */
    if (xc_rc_cap(r, j) && !(r->w[i].flags & XC_TWF_SENT) && !(r->w[j].flags & XC_TWF_ALLCAP))
        return 0;
    xc_tense tense = xc_tense_at(r, i, e);
    xc_gran g = unit_gran(unit);
    int step = unit == U_FORTNIGHT ? 2 : 1;
    xc_tval v;
    bool from_ref = false;
    if (unit == U_DAY) {
        /* that day, the same day, the previous day, the following day */
        if (kind != REL_REF_SAME && kind != REL_REF_PREV && kind != REL_REF_NEXT)
            return 0;
        xc_tval base;
        if (!ref_at(r, XC_G_DAY, &base))
            return 0;
        v = xc_tval_shift(base, kind == REL_REF_PREV ? -1 : kind == REL_REF_NEXT ? 1 : 0);
        from_ref = true;
    } else if (unit == U_WEEKEND) {
        if (kind == REL_REF_PREV || kind == REL_REF_NEXT || kind == REL_LATEST)
            return 0;
        v = kind == REL_REF_SAME && ref_at(r, XC_G_WEEKEND, &v) ? v : weekend(r, kind, tense);
    } else if (kind == REL_THE) {
        /* "the year", "the month", "the week": the current one, unless it
         * measures time ("for the year") */
        int before = i > 0 ? xc_rc_kw(r, i - 1) : K_NONE;
        if (unit != U_YEAR && unit != U_MONTH && unit != U_WEEK && unit != U_DECADE)
            return 0;
        if (before == K_FOR || before == K_OVER || before == K_THROUGH || before == K_WITHIN ||
            before == K_WHOLE || before == K_ENTIRE || before == K_FULL)
            return 0;
        if (xc_rc_punct(r, e, '\'') || xc_rc_is(r, e, K_AGO) || xc_rc_is(r, e, K_BEFORE) || xc_rc_is(r, e, K_AFTER) ||
            xc_rc_is(r, e, K_ENDED) || xc_rc_is(r, e, K_ENDING))
            return 0; /* "the year ended March 31" measures a fiscal year */
        if (unit == U_YEAR && r->have_ref && xc_tval_known(&r->ref) && r->ref.gran >= XC_G_YEAR &&
            r->ref.gran != XC_G_WEEK && r->ref.gran != XC_G_WEEKEND) {
            v = xc_tval_coarsen(r->ref, XC_G_YEAR);
            from_ref = true;
        } else {
            v = xc_rc_anchor_period(r, g);
        }
    } else if (kind == REL_LATEST) {
        if (!fiscal || unit != U_YEAR)
            return 0;
        v = xc_tval_shift(xc_rc_anchor_period(r, g), -1);
    } else {
        v = relative_period(r, kind, g, step, &from_ref);
    }
    xc_hit_init(h, i, XC_TIMEX_DATE, v);
    h->from_ref = from_ref;
    h->core = XC_CORE_RELATIVE;
    return e;
}

/* ------------------------------------------------------------------ */
/* Quarters and halves                                                  */
/* ------------------------------------------------------------------ */

/* first..fourth, 1st..4th (max 4 for quarters, 2 for halves) */
static size_t ordinal(const xc_rc *r, size_t i, int max, int *n)
{
    const xc_tw *t = xc_rc_tok(r, i);
    if (!t)
        return 0;
    if (t->kind == XC_TW_NUM && t->suffix == 'o' && t->num >= 1 && t->num <= max) {
        *n = t->num;
        return i + 1;
    }
    const xc_lex *l = xc_rc_lex(r, i);
    if (l && l->ord >= 1 && l->ord <= max) {
        *n = l->ord;
        return i + 1;
    }
    return 0;
}

/* Which year a quarter (or half) without one is in: the anchor's, or the
 * year before when that quarter has not begun yet (unless the sentence
 * looks ahead). */
static int year_for_part(const xc_rc *r, xc_gran g, int n, xc_tense tense)
{
    if (!r->anchored)
        return XC_NO_YEAR;
    int current = g == XC_G_HALF ? (r->am <= 6 ? 1 : 2) : (r->am - 1) / 3 + 1;
    if (n > current && tense != XC_TENSE_FUTURE)
        return r->ay - 1;
    return r->ay;
}

/* The year-ago comparison base: the quarter (or half) under discussion. */
static bool discussed_part(const xc_rc *r, xc_tval *out)
{
    if (!r->have_ref || !xc_tval_known(&r->ref))
        return false;
    if (r->ref.gran != XC_G_QUARTER && r->ref.gran != XC_G_HALF)
        return false;
    if (r->anchored && (r->ref.year > r->ay || r->ref.year < r->ay - 1))
        return false;
    *out = r->ref;
    return true;
}

/* The last quarter that has ended by the anchor's date. */
static xc_tval last_completed_quarter(const xc_rc *r)
{
    xc_tval q = xc_rc_anchor_period(r, XC_G_QUARTER);
    return xc_tval_known(&q) ? xc_tval_shift(q, -1) : xc_tval_unknown(XC_G_QUARTER);
}

/* "this year's", "last year's", "next year's": the year, or 0. */
static size_t possessive_year(const xc_rc *r, size_t j, int *year)
{
    int k = xc_rc_kw(r, j);
    if ((k != K_THIS && k != K_LAST && k != K_NEXT) || xc_rc_unit(r, j + 1, NULL) != U_YEAR ||
        xc_rc_lex(r, j + 1)->plural || !xc_rc_punct(r, j + 2, '\'') || !xc_rc_attached(r, j + 2))
        return 0;
    const xc_tw *s = xc_rc_tok(r, j + 3);
    if (!s || s->kind != XC_TW_WORD || s->end - s->start != 1 || (r->text[s->start] | 0x20) != 's')
        return 0;
    xc_tval y = xc_rc_anchor_period(r, XC_G_YEAR);
    *year = xc_tval_known(&y) ? y.year + (k == K_LAST ? -1 : k == K_NEXT ? 1 : 0) : XC_NO_YEAR;
    return j + 4;
}

/* "year-earlier", "year-ago", "year-before" at j: the token after, or 0. */
static size_t year_ago_adjective(const xc_rc *r, size_t j)
{
    if (xc_rc_unit(r, j, NULL) != U_YEAR || xc_rc_lex(r, j)->plural || !xc_rc_punct(r, j + 1, '-') ||
        !xc_rc_attached(r, j + 1) || !xc_rc_attached(r, j + 2))
        return 0;
    if (xc_rc_is(r, j + 2, K_EARLIER) || xc_rc_is(r, j + 2, K_AGO) || xc_rc_is(r, j + 2, K_BEFORE))
        return j + 3;
    return 0;
}

/* [the|a|this|that|next|last] [this year's|last year's|1988|fiscal 1990's|
 * year-earlier|latest|current|comparable|same] [fiscal] [first..fourth]
 * [-] quarter|half|period [of|in [fiscal] YEAR] [last year] [a year ago].
 * "Its third quarter" and "a third-quarter loss" are "third quarter" and
 * "third-quarter": TimeBank leaves possessives and the article of a
 * hyphenated adjective out of the span. */
static size_t quarter_rule(xc_rc *r, size_t i, xc_hit *h)
{
    size_t j = i;
    int year = 0, n = 0, shift = 0;
    bool det = false, the = false, latest = false, this_one = false, ref_same = false, yago = false;
    size_t p = possessive_year(r, j, &year);
    if (p) {
        j = p;
    } else {
        switch (xc_rc_kw(r, j)) {
        case K_THE: the = det = true; j++; break;
        case K_A: det = true; j++; break;
        case K_THIS:
        case K_CURRENT: this_one = det = true; j++; break;
        case K_LAST: shift = -1; det = true; j++; break;
        case K_NEXT:
        case K_COMING: shift = 1; det = true; j++; break;
        case K_THAT: ref_same = det = true; j++; break;
        default: break;
        }
        if (the) {
            switch (xc_rc_kw(r, j)) {
            case K_CURRENT:
            case K_PRESENT: this_one = true; j++; break;
            case K_LATEST:
            case K_MOST: latest = true; j++; break;
            case K_LAST:
                if (xc_rc_is(r, j + 1, K_HALF))
                    break; /* "the last half": the second one */
                shift = -1;
                j++;
                break;
            case K_PREVIOUS:
            case K_PRIOR:
            case K_PAST: shift = -1; j++; break;
            case K_NEXT:
            case K_COMING:
            case K_FOLLOWING: shift = 1; j++; break;
            case K_SAME:
            case K_COMPARABLE:
            case K_CORRESPONDING: ref_same = true; j++; break;
            default: break;
            }
        }
        size_t y = year_ago_adjective(r, j);
        if (y) {
            yago = true;
            j = y;
        }
    }
    if (!year) {
        size_t k = j;
        if (xc_rc_is(r, k, K_FISCAL))
            k++;
        int yv;
        size_t e = xc_parse_year(r, k, &yv);
        if (e && r->w[k].kind == XC_TW_NUM) {
            year = yv;
            j = e;
            if (xc_rc_punct(r, j, '\'') && xc_rc_word(r, j + 1) && r->w[j + 1].end - r->w[j + 1].start == 1)
                j += 2; /* 1990's */
        }
    }
    if (xc_rc_is(r, j, K_FISCAL)) {
        j++;
        if (xc_rc_punct(r, j, '-') && xc_rc_attached(r, j))
            j++;
    }
    bool last_half = false, hyphen = false;
    size_t o = ordinal(r, j, 4, &n);
    if (!o && (xc_rc_is(r, j, K_LAST) || xc_rc_is(r, j, K_LATTER)) && xc_rc_is(r, j + 1, K_HALF)) {
        last_half = true; /* "the last half of 1989" */
        o = j + 1;
    }
    if (o) {
        j = o;
        if (xc_rc_punct(r, j, '-') && xc_rc_attached(r, j) && xc_rc_attached(r, j + 1)) {
            hyphen = true;
            j++;
        }
    }
    bool plural = false;
    int unit = xc_rc_unit(r, j, &plural);
    bool half = xc_rc_is(r, j, K_HALF);
    bool period = xc_rc_is(r, j, K_PERIOD);
    if ((unit != U_QUARTER && !half && !period) || plural)
        return 0;
    if (last_half)
        n = 2;
    if (half && (n > 2 || n == 0))
        return 0;
    if (period && (n || !(latest || yago || ref_same || year)))
        return 0; /* only "the latest period", "the year-ago period" ... */
    if (hyphen && det && !yago && !year && !latest && !ref_same && !this_one && !shift)
        return 0; /* "a third-quarter loss": the span starts at "third" */
    if (!det && !yago && !year && !n && !p)
        return 0; /* "quarter" alone */
    if (xc_rc_is(r, i, K_A) && !n)
        return 0; /* "a quarter" */
    if (the && !n && !latest && !ref_same && !yago && !year && !shift && !this_one &&
        (xc_rc_is(r, j + 1, K_OF) || xc_rc_punct(r, j + 1, '-')))
        return 0; /* "the quarter of a point" */
    size_t e = j + 1;
    if (xc_rc_punct(r, e, '-') && xc_rc_attached(r, e) && !hyphen)
        return 0; /* quarter-point, half-hour */
    /* of 1990, of fiscal 1990, in 1990; of next year; last year */
    if (xc_rc_is(r, e, K_OF) || xc_rc_is(r, e, K_IN)) {
        size_t k = e + 1;
        if (xc_rc_is(r, k, K_FISCAL))
            k++;
        int yv;
        size_t ye = xc_parse_year(r, k, &yv);
        rel_kind kind = REL_NONE;
        size_t rk;
        if (ye) {
            year = yv;
            e = ye;
        } else if (xc_rc_is(r, e, K_OF) && (rk = rel_words(r, e + 1, &kind)) != 0 &&
                   xc_rc_unit(r, rk, NULL) == U_YEAR && !xc_rc_lex(r, rk)->plural &&
                   (kind == REL_LAST || kind == REL_NEXT || kind == REL_THIS || kind == REL_THE)) {
            xc_tval y2 = xc_rc_anchor_period(r, XC_G_YEAR);
            if (kind == REL_THE && r->have_ref && xc_tval_known(&r->ref) && r->ref.gran >= XC_G_YEAR)
                y2 = xc_tval_coarsen(r->ref, XC_G_YEAR);
            year = xc_tval_known(&y2) ? y2.year + (kind == REL_LAST ? -1 : kind == REL_NEXT ? 1 : 0) : XC_NO_YEAR;
            e = rk + 1;
        } else if (half || !n) {
            return 0; /* "the last half of the '80s", "the quarter of a point" */
        }
    } else if ((n || ref_same) && (xc_rc_is(r, e, K_LAST) || xc_rc_is(r, e, K_THIS) || xc_rc_is(r, e, K_NEXT)) &&
               xc_rc_unit(r, e + 1, NULL) == U_YEAR && !xc_rc_lex(r, e + 1)->plural) {
        /* the third quarter last year, the same quarter last year */
        int kk = xc_rc_kw(r, e);
        if (kk == K_LAST && !n)
            yago = true;
        else {
            xc_tval y2 = xc_rc_anchor_period(r, XC_G_YEAR);
            year = xc_tval_known(&y2) ? y2.year + (kk == K_LAST ? -1 : kk == K_NEXT ? 1 : 0) : XC_NO_YEAR;
        }
        e += 2;
    }
    /* the quarter a year ago / a year earlier */
    int year_shift = 0;
    if (xc_rc_is(r, e, K_A) && xc_rc_unit(r, e + 1, NULL) == U_YEAR && !xc_rc_lex(r, e + 1)->plural &&
        (xc_rc_is(r, e + 2, K_AGO) || xc_rc_is(r, e + 2, K_EARLIER))) {
        year_shift = -1;
        e += 3;
    }
    xc_gran g = half ? XC_G_HALF : XC_G_QUARTER;
    xc_tense tense = xc_tense_at(r, i, e);
    xc_tval v = xc_tval_unknown(g), base;
    bool from_ref = false, have_base = discussed_part(r, &base) && (base.gran == g || period);
    if (year) {
        /* a year and maybe a number: the 1988 third quarter, the 1989 period */
        v.year = year;
        v.sub = (int16_t)n;
        if (!n && have_base && base.gran == g) {
            v.sub = base.sub;
            from_ref = true;
        } else if (!n && period) {
            v = xc_tval_unknown(XC_G_YEAR);
            v.year = year;
        }
    } else if (yago) {
        if (n) {
            v.sub = (int16_t)n;
            v.year = have_base ? base.year : year_for_part(r, g, n, tense);
        } else {
            v = have_base ? base : last_completed_quarter(r);
        }
        from_ref = true;
        v = xc_tval_shift_years(v, -1);
    } else if (n) {
        v.sub = (int16_t)n;
        if (ref_same && have_base)
            v.year = base.year;
        else
            v.year = year_for_part(r, g, n, shift > 0 ? XC_TENSE_FUTURE : tense);
    } else if (latest) {
        v = last_completed_quarter(r);
    } else if (this_one) {
        v = xc_rc_anchor_period(r, g);
    } else if (shift) {
        v = xc_tval_shift(xc_rc_anchor_period(r, g), shift);
    } else if (have_base && base.gran == g) {
        v = base; /* the quarter, that quarter: the one under discussion */
        from_ref = true;
    } else {
        v = last_completed_quarter(r);
    }
    if (year_shift)
        v = xc_tval_shift_years(v, year_shift);
    xc_hit_init(h, i, XC_TIMEX_DATE, v);
    h->from_ref = from_ref;
    h->core = XC_CORE_RELATIVE;
    return e;
}

/* ------------------------------------------------------------------ */
/* two years ago, a year earlier, three months later, a week or so ago  */
/* ------------------------------------------------------------------ */

/* "compared with ... a year earlier", "from ... a year ago", "than a year
 * earlier": a comparison with the same period before the present one, not
 * with the date the text mentioned last. */
static bool comparison_before(const xc_rc *r, size_t i)
{
    for (size_t d = 1; d <= 8 && d <= i; d++) {
        const xc_tw *t = &r->w[i - d];
        if (t->sentence != r->w[i].sentence)
            break;
        int kw = t->lex ? t->lex->kw : K_NONE;
        if (kw == K_COMPARED || kw == K_FROM || kw == K_THAN || kw == K_VERSUS || kw == K_VS || kw == K_AGAINST)
            return true;
    }
    return false;
}

static size_t ago_rule(xc_rc *r, size_t i, xc_hit *h)
{
    int n;
    size_t j = xc_parse_quantity(r, i, &n);
    if (!j)
        return 0;
    bool plural = false;
    int unit = xc_rc_unit(r, j, &plural);
    if (unit < U_DAY)
        return 0;
    if (n == 1 && plural && r->w[i].kind == XC_TW_WORD)
        return 0; /* "a years" */
    size_t e = j + 1;
    if (xc_rc_is(r, e, K_OR) && xc_rc_is(r, e + 1, K_SO))
        e += 2;
    int kw = xc_rc_kw(r, e);
    int sign;
    bool from_ref = false;
    if (kw == K_AGO) {
        sign = -1;
    } else if (kw == K_EARLIER || kw == K_LATER) {
        sign = kw == K_EARLIER ? -1 : 1;
        from_ref = true;
    } else if (kw == K_BEFORE || kw == K_AFTER) {
        /* only as an adverb: "two days before." not "two days before the vote" */
        const xc_tw *t = xc_rc_tok(r, e + 1);
        if (t && t->kind != XC_TW_PUNCT)
            return 0;
        sign = kw == K_BEFORE ? -1 : 1;
        from_ref = true;
    } else if (kw == K_FROM && xc_rc_is(r, e + 1, K_NOW)) {
        sign = 1;
        e++;
    } else if (kw == K_HENCE) {
        sign = 1;
    } else {
        return 0;
    }
    e++;
    xc_tval v;
    if (n < 0) {
        v = xc_tval_ref(sign < 0 ? "PAST_REF" : "FUTURE_REF");
    } else {
        xc_gran g = unit_gran(unit);
        int steps = n > 10000 ? 10000 : n;
        if (unit == U_FORTNIGHT)
            steps *= 2;
        xc_tval base;
        bool used_ref = false;
        if (unit == U_YEAR && (from_ref || sign < 0) && discussed_part(r, &base)) {
            /* results news: "a year ago" is the same quarter a year before */
            v = xc_tval_shift_years(base, sign * steps);
            used_ref = true;
        } else if (from_ref && r->have_ref && xc_tval_known(&r->ref) && r->ref.gran >= g &&
                   !comparison_before(r, i) &&
                   !(g == XC_G_WEEK && r->ref.gran != XC_G_DAY && r->ref.gran != XC_G_WEEK)) {
            /* "three months later": from the date just mentioned */
            base = r->ref.gran == XC_G_DAY && (r->ref.sub == 0 || r->ref.day == 0) ? xc_tval_coarsen(r->ref, g)
                                                                                 : r->ref;
            if (unit == U_YEAR)
                v = xc_tval_shift_years(base, sign * steps);
            else
                v = xc_tval_shift(xc_tval_coarsen(base, g), sign * steps);
            used_ref = true;
        } else if (unit == U_DECADE || unit == U_CENTURY) {
            xc_tval y = xc_rc_anchor_period(r, XC_G_YEAR);
            y = xc_tval_shift_years(y, sign * steps * (unit == U_DECADE ? 10 : 100));
            v = xc_tval_coarsen(y, g);
        } else if (g == XC_G_WEEK) {
            /* "two weeks ago": TimeBank writes the day */
            v = xc_tval_shift(xc_rc_anchor_period(r, XC_G_DAY), sign * steps * 7);
        } else {
            v = xc_tval_shift(xc_rc_anchor_period(r, g), sign * steps);
        }
        from_ref = used_ref;
    }
    xc_hit_init(h, i, XC_TIMEX_DATE, v);
    h->from_ref = from_ref;
    h->ago = true;
    h->core = XC_CORE_RELATIVE;
    return e;
}

/* year-earlier, year-ago, the year-ago period (with its quarter, when the
 * text is about one), the same period last year; year-end, year's end. */
static size_t year_compound(xc_rc *r, size_t i, xc_hit *h)
{
    size_t j = i;
    if (xc_rc_unit(r, j, NULL) != U_YEAR || xc_rc_lex(r, j)->plural)
        return 0;
    size_t e;
    bool end = false;
    if (xc_rc_punct(r, j + 1, '-') && xc_rc_attached(r, j + 1) && xc_rc_attached(r, j + 2) &&
        (xc_rc_is(r, j + 2, K_EARLIER) || xc_rc_is(r, j + 2, K_AGO) || xc_rc_is(r, j + 2, K_BEFORE))) {
        e = j + 3;
    } else if (xc_rc_punct(r, j + 1, '-') && xc_rc_attached(r, j + 1) && xc_rc_is(r, j + 2, K_END)) {
        e = j + 3;
        end = true;
    } else if (xc_rc_is(r, j + 1, K_END) && !xc_rc_is(r, j + 2, K_OF)) {
        e = j + 2;
        end = true;
    } else if (xc_rc_punct(r, j + 1, '\'') && xc_rc_attached(r, j + 1) && xc_rc_word(r, j + 2) &&
               r->w[j + 2].end - r->w[j + 2].start == 1 && xc_rc_is(r, j + 3, K_END)) {
        e = j + 4;
        end = true;
    } else {
        return 0;
    }
    xc_tval base;
    if (end) {
        /* the end of the anchor's year: a mentioned year would be "the end of 1990" */
        xc_hit_init(h, i, XC_TIMEX_DATE, xc_rc_anchor_period(r, XC_G_YEAR));
        h->mod = "END";
    } else {
        /* the quarter under discussion a year before, else the anchor's year before */
        xc_tval v = discussed_part(r, &base) ? base : xc_rc_anchor_period(r, XC_G_YEAR);
        xc_hit_init(h, i, XC_TIMEX_DATE, xc_tval_shift_years(v, -1));
        h->from_ref = true; /* not a reference for what follows */
    }
    h->core = XC_CORE_RELATIVE;
    return e;
}

/* the same period last year, the corresponding quarter of last year */
static size_t same_period_last_year(xc_rc *r, size_t i, xc_hit *h)
{
    if (!xc_rc_is(r, i, K_THE))
        return 0;
    int k = xc_rc_kw(r, i + 1);
    if (k != K_SAME && k != K_CORRESPONDING && k != K_COMPARABLE)
        return 0;
    size_t j = i + 2;
    if (!xc_rc_is(r, j, K_PERIOD) && xc_rc_unit(r, j, NULL) != U_QUARTER)
        return 0;
    j++;
    if (xc_rc_is(r, j, K_OF) || xc_rc_is(r, j, K_IN))
        j++;
    if (!xc_rc_is(r, j, K_LAST) || xc_rc_unit(r, j + 1, NULL) != U_YEAR || xc_rc_lex(r, j + 1)->plural)
        return 0;
    xc_tval base, v;
    if (discussed_part(r, &base))
        v = xc_tval_shift_years(base, -1);
    else
        v = xc_tval_shift_years(xc_rc_anchor_period(r, XC_G_YEAR), -1);
    xc_hit_init(h, i, XC_TIMEX_DATE, v);
    h->from_ref = true;
    h->core = XC_CORE_RELATIVE;
    return j + 2;
}

size_t xc_rules_relative(xc_rc *r, size_t i, xc_hit *h)
{
    xc_hit c;
    size_t best = 0, e;
    if ((e = deictic(r, i, &c)) != 0)
        best = xc_keep_longer(h, best, &c, e);
    if ((e = vague(r, i, &c)) != 0)
        best = xc_keep_longer(h, best, &c, e);
    if ((e = weekday_rule(r, i, &c)) != 0)
        best = xc_keep_longer(h, best, &c, e);
    if ((e = season_rule(r, i, &c)) != 0)
        best = xc_keep_longer(h, best, &c, e);
    if ((e = relative_month(r, i, &c)) != 0)
        best = xc_keep_longer(h, best, &c, e);
    if ((e = relative_unit(r, i, &c)) != 0)
        best = xc_keep_longer(h, best, &c, e);
    if ((e = quarter_rule(r, i, &c)) != 0)
        best = xc_keep_longer(h, best, &c, e);
    if ((e = ago_rule(r, i, &c)) != 0)
        best = xc_keep_longer(h, best, &c, e);
    if ((e = year_compound(r, i, &c)) != 0)
        best = xc_keep_longer(h, best, &c, e);
    if ((e = same_period_last_year(r, i, &c)) != 0)
        best = xc_keep_longer(h, best, &c, e);
    return best;
}
