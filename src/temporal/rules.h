/* What the temporal rules share: the scanned words, the anchor (the
 * document's date), the discourse reference (the last date the text
 * mentioned, which "a year earlier" or "the following month" count from),
 * and the match a rule returns. Internal to src/temporal/. */
#ifndef XC_TEMPORAL_RULES_H
#define XC_TEMPORAL_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "crosscheck.h"
#include "lexicon.h"
#include "scan.h"
#include "tvalue.h"

typedef enum xc_tense { XC_TENSE_NONE = 0, XC_TENSE_PAST, XC_TENSE_FUTURE } xc_tense;

typedef struct xc_rc {
    const char *text;
    const xc_tw *w;
    size_t n;
    bool anchored;
    int64_t anchor;       /* days since 1970-01-01                        */
    int ay, am, ad, aw;   /* the anchor's year, month, day, weekday        */
    xc_tval ref;          /* the discourse reference                       */
    bool have_ref;
    bool no_tense, no_discourse; /* xc_timex_options                       */
    int year_said;        /* the last year written out ("in 2014"), 0 none */
    size_t year_said_at;  /* its token */
} xc_rc;

/* What a rule found: tokens [start, end), a type, and a value (a period,
 * or for durations and sets a ready-made string). */
typedef struct xc_hit {
    size_t start, end;
    xc_timex_type type;
    xc_tval v;
    char literal[XC_TIMEX_VALUE_MAX]; /* used when non-empty (P3Y, XXXX-WXX-1) */
    const char *mod;
    bool from_ref;     /* resolved against the discourse reference          */
    bool ago;          /* "two years ago": approximate modifiers may precede */
    bool explicit_day; /* a calendar date written out ("March 11")          */
    bool explicit_year;/* the year is written out ("2014", "March 2025")    */
    uint8_t core;      /* what the core was (for modifiers), XC_CORE_*      */
} xc_hit;

enum {
    XC_CORE_OTHER = 0, XC_CORE_YEAR, XC_CORE_DECADE, XC_CORE_SEASON, XC_CORE_MONTH, XC_CORE_DAY,
    XC_CORE_WEEKDAY, XC_CORE_DEICTIC, XC_CORE_RELATIVE, XC_CORE_CLOCK
};

/* ---- token access, safe past the end ---- */

static inline const xc_tw *xc_rc_tok(const xc_rc *r, size_t i)
{
    return i < r->n ? &r->w[i] : NULL;
}

static inline const xc_lex *xc_rc_lex(const xc_rc *r, size_t i)
{
    return i < r->n && r->w[i].kind == XC_TW_WORD ? r->w[i].lex : NULL;
}

static inline int xc_rc_kw(const xc_rc *r, size_t i)
{
    const xc_lex *l = xc_rc_lex(r, i);
    return l ? l->kw : K_NONE;
}

static inline bool xc_rc_is(const xc_rc *r, size_t i, int kw)
{
    return kw != K_NONE && xc_rc_kw(r, i) == kw;
}

static inline bool xc_rc_punct(const xc_rc *r, size_t i, char ch)
{
    return i < r->n && r->w[i].kind == XC_TW_PUNCT && r->w[i].ch == ch;
}

/* Token i follows the one before it with no space between. */
static inline bool xc_rc_attached(const xc_rc *r, size_t i)
{
    return i < r->n && i > 0 && !(r->w[i].flags & XC_TWF_SPACE);
}

static inline bool xc_rc_cap(const xc_rc *r, size_t i)
{
    return i < r->n && (r->w[i].flags & XC_TWF_CAP);
}

static inline bool xc_rc_num(const xc_rc *r, size_t i, int max_digits)
{
    return i < r->n && r->w[i].kind == XC_TW_NUM && r->w[i].digits <= max_digits;
}

static inline bool xc_rc_word(const xc_rc *r, size_t i)
{
    return i < r->n && r->w[i].kind == XC_TW_WORD;
}

/* The unit named at i (U_NONE if none) and whether it is plural. */
static inline int xc_rc_unit(const xc_rc *r, size_t i, bool *plural)
{
    const xc_lex *l = xc_rc_lex(r, i);
    if (!l || l->unit == U_NONE)
        return U_NONE;
    if (plural)
        *plural = l->plural;
    return l->unit;
}

/* ---- shared parsers (rules_absolute.c) ---- */

/* A year written as digits (1000-2999) or in words ("nineteen ninety-six",
 * "two thousand and one"); returns the token after it, or 0. */
size_t xc_parse_year(const xc_rc *r, size_t i, int *year);
/* A number in words, 0-99 ("twenty-one", "eleven"); token after it or 0. */
size_t xc_parse_number_word(const xc_rc *r, size_t i, int *value);
/* A weekday name ("Friday", "Wed." with its stop: Sun, Wed and Sat are
 * words too); token after it or 0. */
size_t xc_parse_weekday(const xc_rc *r, size_t i, int *weekday);
/* A day of the month: 11, 11th, eleventh, twenty-first. */
size_t xc_parse_day(const xc_rc *r, size_t i, int *day);
/* A month name (with its abbreviation's full stop); `strict` wants the
 * context that makes "May" or "march" a month. */
size_t xc_parse_month(const xc_rc *r, size_t i, int *month, bool strict);
/* A quantity: 3, three, twenty-five, a, an, one; or vague (a few, several,
 * many, some, a couple of): *n = -1. */
size_t xc_parse_quantity(const xc_rc *r, size_t i, int *n);

/* ---- resolution helpers (timex.c) ---- */

xc_tense xc_tense_at(const xc_rc *r, size_t start, size_t end);
/* The anchor's period of granularity g, or an unknown one. */
xc_tval xc_rc_anchor_period(const xc_rc *r, xc_gran g);
/* A month-day without a year: the year that puts it closest to the
 * anchor, unless that is over a month away on the side the tense denies. */
int xc_rc_year_for_day(const xc_rc *r, int month, int day, xc_tense tense);
/* A month without a year, in a sentence of the given tense. */
int xc_rc_year_for_month(const xc_rc *r, int month, xc_tense tense);
/* The year written out shortly before token i in its sentence, or 0:
 * "the crisis began in 2014, in March" is March 2014. */
int xc_rc_year_said(const xc_rc *r, size_t i);
/* A weekday (1-7) seen from the anchor. `direction`: -1 the last one
 * before the anchor, +1 the next one after it, 0 by the tense (the
 * anchor's own weekday is the anchor). An unknown anchor gives XXXX-WXX-N. */
xc_tval xc_rc_weekday(const xc_rc *r, int weekday, int direction, xc_tense tense);
/* The day part after a time of day: [on] Friday, today, yesterday,
 * tomorrow, [,] March 11 [, 2025]. Returns the token after it (i when
 * there is none) and the day in *day (the anchor's when none). */
size_t xc_parse_day_after_time(const xc_rc *r, size_t i, xc_tval *day);

/* ---- rule families: each returns the end of its longest match, or 0 ---- */

size_t xc_rules_absolute(xc_rc *r, size_t i, xc_hit *h);
size_t xc_rules_relative(xc_rc *r, size_t i, xc_hit *h);
size_t xc_rules_quantities(xc_rc *r, size_t i, xc_hit *h);

/* Keep `cand` in `best` when it ends later (or `best` is empty). */
static inline size_t xc_keep_longer(xc_hit *best, size_t best_end, const xc_hit *cand, size_t cand_end)
{
    if (cand_end > best_end) {
        *best = *cand;
        best->end = cand_end;
        return cand_end;
    }
    return best_end;
}

/* A fresh hit at token i. */
static inline void xc_hit_init(xc_hit *h, size_t i, xc_timex_type type, xc_tval v)
{
    *h = (xc_hit){0};
    h->start = i;
    h->type = type;
    h->v = v;
}

#endif
