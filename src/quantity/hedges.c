/* Hedges: the words that make a figure a bound or an estimate ("at least
 * 91", "over ninety", "about 20%", "up to 3", "40-odd"), and the interval
 * each one gives. The rules, with t = XC_QUANTITY_APPROX_TOLERANCE (0.10):
 *
 *   none, exactly     [v, v]             ranges and vague amounts keep
 *   at least          [v, inf)           their own interval [lo, hi]:
 *   more than         (v, inf)           "at least dozens" is [24, inf)
 *   just over         (v, v(1+t)]
 *   up to, at most    [0, v]
 *   less than         [0, v)
 *   nearly            [v(1-t), v)        "nearly 100" is [90, 100)
 *   about             [v(1-t), v(1+t)]   "about 20%" is [18, 22]
 *
 * A fraction never goes past 1 ("more than half" is (0.5, 1]). The
 * tolerance is a reading of how news writes estimates, not a measured
 * constant: "about 20%" for 19% or 21.5% is common, for 25% it is not. */
#include <math.h>

#include "numbers.h"

typedef struct hedge_phrase {
    const char *words; /* folded words, one space between */
    xc_hedge hedge;
} hedge_phrase;

static const hedge_phrase before_figure[] = {
    {"at least", XC_HEDGE_AT_LEAST}, {"no fewer than", XC_HEDGE_AT_LEAST},
    {"no less than", XC_HEDGE_AT_LEAST}, {"not less than", XC_HEDGE_AT_LEAST},
    {"not fewer than", XC_HEDGE_AT_LEAST}, {"a minimum of", XC_HEDGE_AT_LEAST},
    {"more than", XC_HEDGE_MORE_THAN}, {"over", XC_HEDGE_MORE_THAN}, {"above", XC_HEDGE_MORE_THAN},
    {"in excess of", XC_HEDGE_MORE_THAN}, {"upwards of", XC_HEDGE_MORE_THAN},
    {"upward of", XC_HEDGE_MORE_THAN}, {"greater than", XC_HEDGE_MORE_THAN},
    {"well over", XC_HEDGE_MORE_THAN}, {"well above", XC_HEDGE_MORE_THAN},
    {"well more than", XC_HEDGE_MORE_THAN}, {"far more than", XC_HEDGE_MORE_THAN},
    {"exceeding", XC_HEDGE_MORE_THAN},
    {"just over", XC_HEDGE_JUST_OVER}, {"just above", XC_HEDGE_JUST_OVER},
    {"just more than", XC_HEDGE_JUST_OVER}, {"slightly more than", XC_HEDGE_JUST_OVER},
    {"slightly over", XC_HEDGE_JUST_OVER}, {"a little over", XC_HEDGE_JUST_OVER},
    {"a little more than", XC_HEDGE_JUST_OVER}, {"a bit more than", XC_HEDGE_JUST_OVER},
    {"up to", XC_HEDGE_UP_TO}, {"as many as", XC_HEDGE_UP_TO}, {"as much as", XC_HEDGE_UP_TO},
    {"at most", XC_HEDGE_AT_MOST}, {"no more than", XC_HEDGE_AT_MOST},
    {"not more than", XC_HEDGE_AT_MOST}, {"a maximum of", XC_HEDGE_AT_MOST},
    {"at the most", XC_HEDGE_AT_MOST}, {"no greater than", XC_HEDGE_AT_MOST},
    {"less than", XC_HEDGE_LESS_THAN}, {"fewer than", XC_HEDGE_LESS_THAN},
    {"under", XC_HEDGE_LESS_THAN}, {"below", XC_HEDGE_LESS_THAN},
    {"well under", XC_HEDGE_LESS_THAN}, {"well below", XC_HEDGE_LESS_THAN},
    {"nearly", XC_HEDGE_NEARLY}, {"almost", XC_HEDGE_NEARLY}, {"close to", XC_HEDGE_NEARLY},
    {"just under", XC_HEDGE_NEARLY}, {"just below", XC_HEDGE_NEARLY},
    {"just shy of", XC_HEDGE_NEARLY}, {"slightly less than", XC_HEDGE_NEARLY},
    {"slightly fewer than", XC_HEDGE_NEARLY}, {"a little under", XC_HEDGE_NEARLY},
    {"a little less than", XC_HEDGE_NEARLY}, {"not quite", XC_HEDGE_NEARLY},
    {"approaching", XC_HEDGE_NEARLY}, {"nearing", XC_HEDGE_NEARLY},
    {"about", XC_HEDGE_ABOUT}, {"around", XC_HEDGE_ABOUT}, {"approximately", XC_HEDGE_ABOUT},
    {"approx", XC_HEDGE_ABOUT}, {"approx .", XC_HEDGE_ABOUT}, {"approx.", XC_HEDGE_ABOUT},
    {"roughly", XC_HEDGE_ABOUT}, {"some", XC_HEDGE_ABOUT}, {"an estimated", XC_HEDGE_ABOUT},
    {"estimated", XC_HEDGE_ABOUT}, {"circa", XC_HEDGE_ABOUT}, {"ca.", XC_HEDGE_ABOUT},
    {"more or less", XC_HEDGE_ABOUT}, {"in the region of", XC_HEDGE_ABOUT},
    {"on the order of", XC_HEDGE_ABOUT}, {"something like", XC_HEDGE_ABOUT},
    {"an approximate", XC_HEDGE_ABOUT}, {"give or take", XC_HEDGE_ABOUT},
    {"a reported", XC_HEDGE_NONE}, {"a total of", XC_HEDGE_NONE},
    {"exactly", XC_HEDGE_EXACTLY}, {"precisely", XC_HEDGE_EXACTLY}, {"only", XC_HEDGE_EXACTLY},
    {"just", XC_HEDGE_EXACTLY}, {"a mere", XC_HEDGE_EXACTLY},
    {NULL, XC_HEDGE_NONE}};

static const hedge_phrase after_figure[] = {
    {"or more", XC_HEDGE_AT_LEAST}, {"or higher", XC_HEDGE_AT_LEAST},
    {"or above", XC_HEDGE_AT_LEAST}, {"plus", XC_HEDGE_AT_LEAST},
    {"or so", XC_HEDGE_ABOUT}, {"odd", XC_HEDGE_ABOUT}, {"or thereabouts", XC_HEDGE_ABOUT},
    {"or fewer", XC_HEDGE_AT_MOST}, {"or less", XC_HEDGE_AT_MOST},
    {NULL, XC_HEDGE_NONE}};

static size_t longest(const xc_qsent *s, size_t i, const hedge_phrase *table, xc_hedge *hedge)
{
    size_t used = 0;
    for (const hedge_phrase *p = table; p->words; p++) {
        size_t n = xc_qw_phrase(s, i, p->words);
        if (n > used) {
            used = n;
            *hedge = p->hedge;
        }
    }
    return used;
}

size_t xc_qh_before(const xc_qsent *s, size_t i, xc_hedge *hedge)
{
    if (i >= s->n || s->w[i].type != XC_TOK_WORD)
        return 0;
    return longest(s, i, before_figure, hedge);
}

size_t xc_qh_after(const xc_qsent *s, size_t i, xc_hedge *hedge)
{
    if (i >= s->n)
        return 0;
    /* "91+" glued on */
    if (s->w[i].type == XC_TOK_SYMBOL && strcmp(s->w[i].low, "+") == 0 &&
        !(s->w[i].tflags & XC_TF_SPACE_BEFORE)) {
        *hedge = XC_HEDGE_AT_LEAST;
        return 1;
    }
    /* "forty-odd" is one token; "40 odd" written apart is not a hedge */
    if (xc_qw_is(s, i, "odd") && !s->w[i].inner)
        return 0;
    size_t used = longest(s, i, after_figure, hedge);
    /* "less than $3 million or more than $9 million": two figures, not a hedge */
    if (used && xc_qw_is(s, i + used, "than"))
        return 0;
    return used;
}

/* 12 significant digits: 20 × 0.9 prints as 18, not 18.000000000000004. */
static double tidy(double x)
{
    if (x == 0 || !isfinite(x))
        return x;
    double scale = pow(10, 11 - floor(log10(fabs(x))));
    if (!isfinite(scale) || scale == 0)
        return x;
    double r = round(x * scale) / scale;
    return isfinite(r) ? r : x;
}

void xc_qh_interval(xc_quantity *q, double low, double high)
{
    const double t = XC_QUANTITY_APPROX_TOLERANCE;
    double lo = low, hi = high;
    bool lo_open = false, hi_open = q->high_open; /* the figure's own: "dozens" < 100 */
    double floor_value = low >= 0 ? 0 : -HUGE_VAL;
    switch ((xc_hedge)q->hedge) {
    case XC_HEDGE_NONE:
    case XC_HEDGE_EXACTLY:
        break;
    case XC_HEDGE_AT_LEAST:
        hi = HUGE_VAL, hi_open = true;
        break;
    case XC_HEDGE_MORE_THAN:
        lo_open = true, hi = HUGE_VAL, hi_open = true;
        break;
    case XC_HEDGE_JUST_OVER:
        lo_open = true, hi = low + fabs(low) * t, hi_open = false;
        break;
    case XC_HEDGE_UP_TO:
    case XC_HEDGE_AT_MOST:
        lo = floor_value, lo_open = !isfinite(lo), hi_open = false;
        break;
    case XC_HEDGE_LESS_THAN:
        lo = floor_value, lo_open = !isfinite(lo), hi_open = true;
        break;
    case XC_HEDGE_NEARLY:
        lo = high - fabs(high) * t, hi_open = true;
        break;
    case XC_HEDGE_ABOUT:
        lo = low - fabs(low) * t, hi = high + fabs(high) * t, hi_open = false;
        break;
    }
    if (q->kind == XC_QK_FRACTION && hi > 1) {
        hi = 1;
        hi_open = false;
    }
    q->low = tidy(lo);
    q->high = tidy(hi);
    if (q->low > q->high) { /* never an empty interval: a point at least */
        double t2 = q->low;
        q->low = q->high;
        q->high = t2;
    }
    if (q->low == q->high)
        lo_open = hi_open = false;
    q->low_open = lo_open;
    q->high_open = hi_open;
}
