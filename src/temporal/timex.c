/* The temporal expression recogniser: scan the text into words, try every
 * rule at each word (absolute dates, relative dates, durations and sets),
 * keep the longest match, let modifiers (early, late, mid-, the end of,
 * earlier, about ...) widen it, and resolve what is relative against the
 * anchor (the document's date) or the date the text mentioned last.
 *
 * Tense. A bare weekday or month says nothing of which one it is: "met on
 * Friday" is the last Friday, "will meet on Friday" the next. The nearest
 * tense marker in the same clause decides (will, 'll, scheduled,
 * expected, plans / said, was, a verb in -ed ...); with none, news being
 * news, the past. Months and days without a year take the nearest year
 * unless a marker says otherwise. */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "calendar.h"
#include "rules.h"
#include "timex.h"
#include "../util/vec.h"

/* How far (in words) a tense marker may be before and after the
 * expression: about a clause. Measured on TimeBank (value accuracy): the
 * whole sentence 0.855, 6 before / 4 after 0.866, no tense at all 0.864;
 * a marker further away belongs to another verb too often. */
#define TENSE_BEFORE 6
#define TENSE_AFTER 4

/* ------------------------------------------------------------------ */
/* Resolution helpers                                                   */
/* ------------------------------------------------------------------ */

xc_tval xc_rc_anchor_period(const xc_rc *r, xc_gran g)
{
    if (!r->anchored)
        return xc_tval_unknown(g);
    return xc_tval_from_days(r->anchor, g);
}

/* Of the same day (or month) in the anchor's year, the year before and the
 * year after, the nearest; but a past-tense sentence does not talk about a
 * day more than `slack` ahead, nor a future one about a day that far back. */
static int nearest_year(const xc_rc *r, int64_t gaps[3], int64_t slack, xc_tense tense)
{
    int best = 1;
    for (int k = 0; k < 3; k++)
        if (gaps[k] != INT64_MIN && (gaps[best] == INT64_MIN || llabs(gaps[k]) < llabs(gaps[best])))
            best = k;
    if (tense == XC_TENSE_PAST && gaps[best] > slack && best > 0 && gaps[best - 1] != INT64_MIN)
        best--;
    else if (tense == XC_TENSE_FUTURE && gaps[best] < -slack && best < 2 && gaps[best + 1] != INT64_MIN)
        best++;
    return r->ay - 1 + best;
}

int xc_rc_year_for_day(const xc_rc *r, int month, int day, xc_tense tense)
{
    if (!r->anchored)
        return XC_NO_YEAR;
    int64_t gaps[3];
    for (int k = 0; k < 3; k++) {
        int y = r->ay - 1 + k;
        gaps[k] = xc_valid_day(y, month, day) ? xc_days_from_civil(y, month, day) - r->anchor : INT64_MIN;
    }
    return nearest_year(r, gaps, 31, tense);
}

int xc_rc_year_said(const xc_rc *r, size_t i)
{
    if (r->no_discourse || !r->year_said || i >= r->n || i < r->year_said_at || i - r->year_said_at > 12 ||
        r->w[i].sentence != r->w[r->year_said_at].sentence)
        return 0;
    return r->year_said;
}

int xc_rc_year_for_month(const xc_rc *r, int month, xc_tense tense)
{
    if (!r->anchored)
        return XC_NO_YEAR;
    int64_t gaps[3];
    for (int k = 0; k < 3; k++)
        gaps[k] = (int64_t)(k - 1) * 12 + month - r->am;
    return nearest_year(r, gaps, 1, tense);
}

xc_tval xc_rc_weekday(const xc_rc *r, int weekday, int direction, xc_tense tense)
{
    if (!r->anchored) {
        xc_tval v = xc_tval_unknown(XC_G_DAY);
        v.weekday = (int8_t)weekday;
        return v;
    }
    int64_t d = r->anchor;
    int back = (r->aw - weekday + 7) % 7, ahead = (weekday - r->aw + 7) % 7;
    if (direction < 0)
        d -= back ? back : 7;
    else if (direction > 0)
        d += ahead ? ahead : 7;
    else if (weekday == r->aw)
        ; /* the anchor's own weekday: the anchor */
    else if (tense == XC_TENSE_FUTURE)
        d += ahead;
    else
        d -= back;
    return xc_tval_from_days(d, XC_G_DAY);
}

static bool ends_in_ed(const xc_rc *r, const xc_tw *t)
{
    size_t n = t->end - t->start;
    const char *s = r->text + t->start;
    if (n < 5 || (t->flags & XC_TWF_CAP) || s[n - 2] != 'e' || s[n - 1] != 'd')
        return false;
    return s[n - 3] != 'e'; /* need, speed, indeed */
}

/* The tense of the marker at token k: 0 none. */
static xc_tense marker(const xc_rc *r, size_t k)
{
    const xc_tw *t = &r->w[k];
    if (t->kind != XC_TW_WORD)
        return XC_TENSE_NONE;
    /* 'll, won't */
    if (t->end - t->start == 2 && strncasecmp(r->text + t->start, "ll", 2) == 0 && xc_rc_attached(r, k) &&
        xc_rc_punct(r, k - 1, '\''))
        return XC_TENSE_FUTURE;
    if (t->lex && t->lex->kw == K_WON && xc_rc_punct(r, k + 1, '\'') && xc_rc_attached(r, k + 1))
        return XC_TENSE_FUTURE;
    if (t->lex && t->lex->kw == K_GOING && xc_rc_is(r, k + 1, K_TO))
        return XC_TENSE_FUTURE;
    if (t->lex && t->lex->tense)
        return t->lex->tense == 'F' ? XC_TENSE_FUTURE : XC_TENSE_PAST;
    if (ends_in_ed(r, t))
        return XC_TENSE_PAST;
    return XC_TENSE_NONE;
}

xc_tense xc_tense_at(const xc_rc *r, size_t start, size_t end)
{
    if (start >= r->n || r->no_tense)
        return XC_TENSE_NONE;
    uint32_t s = r->w[start].sentence;
    /* nearest marker on either side, within the clause-sized window */
    for (size_t d = 1; d <= TENSE_BEFORE || d <= TENSE_AFTER; d++) {
        xc_tense before = XC_TENSE_NONE, after = XC_TENSE_NONE;
        bool any = false;
        if (start >= d && d <= TENSE_BEFORE && r->w[start - d].sentence == s) {
            before = marker(r, start - d);
            any = true;
        }
        size_t k = end - 1 + d;
        if (k < r->n && d <= TENSE_AFTER && r->w[k].sentence == s) {
            after = marker(r, k);
            any = true;
        }
        /* a future marker wins a tie: "said it will meet Friday" */
        if (before == XC_TENSE_FUTURE || after == XC_TENSE_FUTURE)
            return XC_TENSE_FUTURE;
        if (before || after)
            return XC_TENSE_PAST;
        if (!any)
            break;
    }
    return XC_TENSE_NONE;
}

/* ------------------------------------------------------------------ */
/* Matching                                                             */
/* ------------------------------------------------------------------ */

static size_t core_match(xc_rc *r, size_t i, xc_hit *h)
{
    xc_hit c;
    size_t best = 0, e;
    if ((e = xc_rules_absolute(r, i, &c)) != 0)
        best = xc_keep_longer(h, best, &c, e);
    if ((e = xc_rules_relative(r, i, &c)) != 0)
        best = xc_keep_longer(h, best, &c, e);
    if ((e = xc_rules_quantities(r, i, &c)) != 0)
        best = xc_keep_longer(h, best, &c, e);
    return best;
}

typedef enum mod_kind { MOD_PART, MOD_EDGE, MOD_APPROX } mod_kind;

/* A modifier before a date: returns the token after it. */
static size_t modifier(const xc_rc *r, size_t i, const char **mod, mod_kind *kind, bool *the_decade)
{
    int kw = xc_rc_kw(r, i);
    size_t j = i;
    *the_decade = false;
    if (kw == K_THE && (xc_rc_is(r, i + 1, K_EARLY) || xc_rc_is(r, i + 1, K_LATE) || xc_rc_is(r, i + 1, K_MID))) {
        /* the early 1980s, the late summer, the mid-1990s */
        *the_decade = true;
        j++;
        kw = xc_rc_kw(r, j);
    }
    if (kw == K_EARLY || kw == K_LATE) {
        *mod = kw == K_EARLY ? "START" : "END";
        *kind = MOD_PART;
        j++;
        if (xc_rc_punct(r, j, '-') && xc_rc_attached(r, j))
            j++;
        else if (!*the_decade && xc_rc_is(r, j, K_IN))
            j++; /* early in the year */
        return j;
    }
    if (kw == K_MID) {
        *mod = "MID";
        *kind = MOD_PART;
        j++;
        if (xc_rc_punct(r, j, '-') && xc_rc_attached(r, j))
            j++;
        return j;
    }
    if (*the_decade)
        return 0;
    if (kw == K_THE) {
        int k = xc_rc_kw(r, i + 1);
        if (!xc_rc_is(r, i + 2, K_OF))
            return 0;
        *kind = MOD_PART;
        switch (k) {
        case K_END: *mod = "END"; return i + 3;
        case K_BEGINNING:
        case K_START: *mod = "START"; return i + 3;
        case K_MIDDLE: *mod = "MID"; return i + 3;
        case K_TURN: *mod = "START"; return i + 3;
        default: return 0;
        }
    }
    if (kw == K_EARLIER || kw == K_LATER) {
        *mod = NULL;
        *kind = MOD_EDGE;
        j++;
        if (xc_rc_is(r, j, K_IN))
            j++;
        return j;
    }
    *kind = MOD_APPROX;
    switch (kw) {
    case K_ABOUT:
    case K_AROUND:
    case K_APPROXIMATELY:
    case K_ROUGHLY:
    case K_SOME:
        *mod = "APPROX";
        return i + 1;
    case K_NEARLY:
    case K_ALMOST:
        *mod = "LESS_THAN";
        return i + 1;
    case K_JUST:
    case K_ONLY:
        *mod = "EQUAL_OR_LESS";
        return i + 1;
    case K_MORE:
    case K_LESS:
        if (!xc_rc_is(r, i + 1, K_THAN))
            return 0;
        *mod = kw == K_MORE ? "MORE_THAN" : "LESS_THAN";
        return i + 2;
    case K_OVER:
        *mod = "MORE_THAN";
        return i + 1;
    default:
        return 0;
    }
}

/* The best match at token i, modifiers included. */
static size_t match_at(xc_rc *r, size_t i, xc_hit *h)
{
    size_t best = core_match(r, i, h);
    const char *mod = NULL;
    mod_kind kind;
    bool the_decade;
    size_t j = modifier(r, i, &mod, &kind, &the_decade);
    if (j > i && j < r->n) {
        xc_hit c;
        size_t e = core_match(r, j, &c);
        bool ok = e && (c.type == XC_TIMEX_DATE || c.type == XC_TIMEX_TIME) && c.v.gran != XC_G_REF;
        if (ok && kind == MOD_PART)
            ok = !c.ago && (!the_decade || c.core == XC_CORE_DECADE || c.core == XC_CORE_SEASON ||
                            c.core == XC_CORE_YEAR);
        if (ok && kind == MOD_EDGE)
            ok = c.core == XC_CORE_DEICTIC || c.core == XC_CORE_WEEKDAY ||
                 (c.core == XC_CORE_RELATIVE && !c.ago);
        if (ok && kind == MOD_APPROX)
            ok = c.ago || c.explicit_day || c.core == XC_CORE_CLOCK;
        if (ok && e > best) {
            *h = c;
            h->start = i;
            if (!h->mod)
                h->mod = mod;
            best = e;
        }
    }
    if (best && h->type == XC_TIMEX_DATE && h->core == XC_CORE_RELATIVE && xc_rc_is(r, best, K_OR) &&
        xc_rc_is(r, best + 1, K_SO))
        best += 2; /* the next year or so */
    return best;
}

/* ------------------------------------------------------------------ */
/* The public API                                                       */
/* ------------------------------------------------------------------ */

static void set_anchor(xc_rc *r, const xc_date *anchor)
{
    r->anchored = false;
    if (!anchor || anchor->precision == XC_DATE_NONE)
        return;
    int64_t days = anchor->unix_seconds / 86400;
    if (anchor->unix_seconds % 86400 < 0)
        days--;
    int y, m, d;
    xc_civil_from_days(days, &y, &m, &d);
    if (y < 1 || y > 9999)
        return;
    r->anchored = true;
    r->anchor = days;
    r->ay = y, r->am = m, r->ad = d;
    r->aw = xc_weekday(days);
}

/* What later relative expressions count from: dates the text names, or
 * resolves against the anchor, at month level or finer or as a quarter. */
static void update_ref(xc_rc *r, const xc_hit *h)
{
    if (h->explicit_year && xc_tval_known(&h->v) && h->v.gran >= XC_G_YEAR && h->start < r->n) {
        r->year_said = h->v.year;
        r->year_said_at = h->start;
    }
    if (h->type != XC_TIMEX_DATE && h->type != XC_TIMEX_TIME)
        return;
    if (r->no_discourse || h->from_ref || !xc_tval_known(&h->v) || h->v.gran < XC_G_YEAR)
        return;
    r->ref = h->v;
    r->ref.hour = r->ref.minute = -1;
    r->ref.part = NULL;
    r->have_ref = true;
}

xc_status xc_find_dates_with(const char *text, size_t len, const xc_date *anchor, const xc_timex_options *options,
                             xc_timex_list *out)
{
    if (!text)
        len = 0;
    xc_tw_list words = {0};
    xc_status st = xc_temporal_scan(text ? text : "", len, &words);
    if (st != XC_OK) {
        xc_tw_list_free(&words);
        return st;
    }
    xc_rc r = {0};
    r.text = text;
    r.w = words.items;
    r.n = words.count;
    r.no_tense = options && options->no_tense;
    r.no_discourse = options && options->no_discourse;
    set_anchor(&r, anchor);
    for (size_t i = 0; i < r.n;) {
        xc_hit h;
        size_t e = match_at(&r, i, &h);
        if (!e) {
            i++;
            continue;
        }
        xc_timex t = {0};
        t.start = r.w[h.start].start;
        t.end = r.w[e - 1].end;
        t.type = h.type;
        t.mod = h.mod;
        if (h.literal[0])
            memcpy(t.value, h.literal, sizeof t.value);
        else
            xc_tval_format(&h.v, t.value, sizeof t.value);
        if (!XC_VEC_PUSH(out, t)) {
            xc_tw_list_free(&words);
            return XC_ERR_NOMEM;
        }
        update_ref(&r, &h);
        i = e;
    }
    xc_tw_list_free(&words);
    return XC_OK;
}

xc_status xc_find_dates(const char *text, size_t len, const xc_date *anchor, xc_timex_list *out)
{
    return xc_find_dates_with(text, len, anchor, NULL, out);
}

void xc_timex_list_free(xc_timex_list *list)
{
    if (!list)
        return;
    free(list->items);
    memset(list, 0, sizeof *list);
}

const char *xc_timex_type_name(xc_timex_type type)
{
    switch (type) {
    case XC_TIMEX_DATE: return "DATE";
    case XC_TIMEX_TIME: return "TIME";
    case XC_TIMEX_DURATION: return "DURATION";
    case XC_TIMEX_SET: return "SET";
    }
    return "DATE";
}
