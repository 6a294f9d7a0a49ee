/* Inside the quantity finder (src/quantity/): the view of a sentence the
 * files share, and what each file provides. A sentence is seen as words:
 * tokens, with hyphenated ones cut into their parts ("nine-mile-long" →
 * nine | mile | long, "one-fifth" → one | fifth) so that a number written
 * inside a compound is read like one written apart. */
#ifndef XC_QUANTITY_NUMBERS_H
#define XC_QUANTITY_NUMBERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "crosscheck.h"

#define XC_QWORD_MAX 32

typedef struct xc_qword {
    uint32_t start, end;     /* bytes of the word in the text                 */
    uint8_t type;            /* xc_token_type of the token it comes from      */
    uint8_t tflags;          /* that token's XC_TF_* flags                    */
    bool joined;             /* a hyphen joins it to the next word, inside one
                                token ("nine" in "nine-mile")                 */
    bool inner;              /* a part after the first of such a token        */
    uint8_t len;             /* length of `low`                               */
    char low[XC_QWORD_MAX];  /* folded (lower case, ’ → '), cut to fit        */
} xc_qword;

typedef struct xc_qsent {
    const char *text;
    const xc_qword *w;
    size_t n;
    uint32_t start, end;     /* the sentence's bytes                          */
    xc_stemmer *stemmer;
} xc_qsent;

static inline bool xc_qw_is(const xc_qsent *s, size_t i, const char *word)
{
    return i < s->n && strcmp(s->w[i].low, word) == 0;
}

/* One of a NULL-terminated list of words. */
static inline bool xc_qw_in(const char *word, const char *const *list)
{
    for (; *list; list++)
        if ((*list)[0] == word[0] && strcmp(word, *list) == 0) /* first byte: most lookups end there */
            return true;
    return false;
}

static inline bool xc_qw_digit(const xc_qsent *s, size_t i)
{
    return i < s->n && s->w[i].low[0] >= '0' && s->w[i].low[0] <= '9';
}

static inline bool xc_qw_punct(const xc_qsent *s, size_t i)
{
    return i < s->n && (s->w[i].type == XC_TOK_PUNCT || s->w[i].type == XC_TOK_SYMBOL);
}

/* How many words of a phrase ("at least") match from word i; 0 if not. */
size_t xc_qw_phrase(const xc_qsent *s, size_t i, const char *phrase);
/* A word made of letters (no digits, not punctuation). */
bool xc_qw_alpha(const xc_qsent *s, size_t i);
/* Written with a capital where a sentence does not start. */
bool xc_qw_capitalised(const xc_qsent *s, size_t i);

/* ---- number_words.c: the figures ------------------------------------ */

/* Shapes of a figure written in digits. */
enum {
    XC_NUM_PLAIN,  /* 91, 1,234.5, 0900                          */
    XC_NUM_PAIR,   /* 10-15, 88-81: two groups and a hyphen       */
    XC_NUM_SLASH,  /* 1/5, 3/11                                   */
    XC_NUM_COLON,  /* 9:30                                        */
    XC_NUM_MULTI   /* 2025-03-11, 555-123-4567, 1.2.3, very long  */
};

typedef struct xc_qnum {
    size_t next;          /* the first word after the figure              */
    double value;         /* the figure (for a pair: the first)           */
    double low, high;     /* its interval: equal to value unless vague    */
    double second;        /* a pair's second figure                       */
    bool high_open;       /* the upper end is excluded ("dozens" < 100)   */
    uint16_t flags;       /* XC_QF_VAGUE, XC_QF_WORDS                      */
    uint8_t shape;        /* XC_NUM_*                                     */
    bool fraction;        /* one-fifth, half of, 1/5: value is 0..1       */
    bool percent;         /* "20%": the sign is glued on                  */
    bool ordinal;         /* 3rd                                          */
    bool decade;          /* 1990s, 40s                                   */
    bool time_suffix;     /* 10am, 9pm                                    */
    bool metre_or_million;/* "15m": metres or million, the caller decides */
    bool scaled;          /* a scale word or suffix: 1.5 million, 5bn     */
    double scale;         /* that scale (1e6), 1 when none                */
    uint8_t int_digits;   /* digits of a plain integer without separators
                             (0900 → 4), 0 otherwise                      */
    bool leading_zero;
    char unit[8];         /* a unit glued on: "km" of "15km"              */
} xc_qnum;

/* Read a figure starting at word i: digits, number words, a scale
 * ("1.5 million"), a vague amount ("dozens", "tens of thousands", "a
 * few hundred"), a fraction ("one-fifth", "a third of", "half of",
 * "one in five"). False when no figure starts there. */
bool xc_qn_parse(const xc_qsent *s, size_t i, xc_qnum *out);
/* Could a figure start at word i? A cheap test before xc_qn_parse. */
bool xc_qn_may_start(const xc_qsent *s, size_t i);
/* The value of a cardinal word (one..ninety, hundred, ...), or -1. */
double xc_qn_word_value(const char *word);

/* ---- units.c: percent signs, currencies, units ---------------------- */

/* Units, percentages and currencies written after a figure at word i:
 * "%", "per cent", "percentage points", "km", "square kilometres",
 * "dollars", "euros". Returns the words used (0 for none) and sets the
 * kind (XC_QK_PERCENT, XC_QK_MEASURE or XC_QK_MONEY) and canonical unit. */
size_t xc_qu_after(const xc_qsent *s, size_t i, uint8_t *kind, char unit[8]);
/* A currency written before a figure at word i: "$", "US$", "€", "£",
 * "USD". Returns the words used. */
size_t xc_qu_before(const xc_qsent *s, size_t i, char unit[8]);
/* A unit glued to digits ("km" of "15km"); false when not a unit. */
bool xc_qu_glued(const char *suffix, char unit[8]);
/* Dimension (1, 2, ...; 0 when unknown) and factor to its base unit. */
int xc_qu_dimension(const char *unit, double *factor);
/* Is it a unit of time (day, year, ...)? */
bool xc_qu_is_time(const char *unit);

/* ---- hedges.c -------------------------------------------------------- */

/* A hedge before a figure at word i ("at least", "more than", "about");
 * returns the words used, 0 for none. */
size_t xc_qh_before(const xc_qsent *s, size_t i, xc_hedge *hedge);
/* A hedge after a figure at word i ("or more", "+", "-odd", "or so"). */
size_t xc_qh_after(const xc_qsent *s, size_t i, xc_hedge *hedge);
/* Set q->low/high/low_open/high_open from the figure's interval [low,
 * high] and the hedge (q->hedge, q->kind); q->high_open on entry says the
 * figure's own upper end is open ("dozens": [24, 100)). */
void xc_qh_interval(xc_quantity *q, double low, double high);

/* ---- not_counts.c: years, dates, times, ages, phones, scores, labels */

typedef struct xc_qspan {
    size_t first, next;   /* words of the expression                       */
} xc_qspan;

/* The kind of the figure at words [span->first, span->next) when it is not
 * a counted fact (XC_QK_YEAR, XC_QK_DATE, ...), else XC_QK_COUNT. May
 * widen the span ("February 28, 2025"). `hedged` and `unit` say what was
 * read around the figure. */
xc_quantity_kind xc_qc_classify(const xc_qsent *s, xc_qspan *span, const xc_qnum *num,
                                bool hedged, bool unit);
bool xc_qc_is_month(const char *word);
/* Does the sentence read like sport ("beat", "won", "points")? */
bool xc_qc_sport_context(const xc_qsent *s);

/* ---- things.c: the counted thing and the predicate ------------------ */

/* Fill q->thing* and q->predicate* for a fact read from words
 * [first, next) (hedge to unit); `prev` is the previous quantity of the
 * sentence when it ends right before this one (apposition: "six-mile
 * (10km)"), else NULL. */
void xc_qt_attach(const xc_qsent *s, size_t first, size_t next, xc_quantity *q,
                  const xc_quantity *prev, size_t prev_next);
/* The casualty class of a folded word ("killed" → "deaths"), or NULL. */
const char *xc_qt_casualty_class(const char *word);
/* The class of a predicate stem for comparison ("deploy" and "launch" →
 * "attack"); the stem itself when it has none. */
const char *xc_qt_predicate_class(const char *stem);
/* A plural noun: "drones", "people", "crew". */
bool xc_qt_plural(const xc_qsent *s, size_t i);
/* Verbs that say a count changed: rose, climbed, reached, ... */
bool xc_qt_is_change_verb(const char *word);

#endif
