/* Two quantities from two reports: the same thing, and if so do their
 * intervals meet? The scale is put in common first: a fraction becomes a
 * percentage (one-fifth = 20%), a measure its dimension's base unit (with
 * 5% slack when the units differ, for the rounding of conversions: six
 * miles is 9.7 km and a report converting it writes 10km). Money is
 * compared within one currency only: exchange rates are not ours to
 * guess. */
#include <math.h>

#include "numbers.h"

typedef struct scaled {
    double low, high;
    bool low_open, high_open;
} scaled;

#define UNIT_SLACK 0.05

/* The kind two quantities are compared as: fractions as percentages. */
static int compared_kind(const xc_quantity *q)
{
    return q->kind == XC_QK_FRACTION ? XC_QK_PERCENT : q->kind;
}

static scaled in_common(const xc_quantity *q, double factor, double slack)
{
    scaled v = {q->low * factor, q->high * factor, q->low_open, q->high_open};
    if (slack > 0) {
        if (isfinite(v.low))
            v.low -= fabs(v.low) * slack, v.low_open = false;
        if (isfinite(v.high))
            v.high += fabs(v.high) * slack, v.high_open = false;
    }
    return v;
}

static bool overlap(const scaled *a, const scaled *b)
{
    double low = a->low > b->low ? a->low : b->low;
    double high = a->high < b->high ? a->high : b->high;
    if (low < high)
        return true;
    if (low > high)
        return false;
    /* touching at one point: both must include it */
    bool low_open = (a->low == low && a->low_open) || (b->low == low && b->low_open);
    bool high_open = (a->high == high && a->high_open) || (b->high == high && b->high_open);
    return !low_open && !high_open;
}

xc_quantity_relation xc_compare_quantities(const xc_quantity *a, const xc_quantity *b)
{
    if (!a || !b || !xc_quantity_is_fact(a) || !xc_quantity_is_fact(b))
        return XC_QREL_UNRELATED;
    if (compared_kind(a) != compared_kind(b))
        return XC_QREL_UNRELATED;
    if (!a->thing[0] || strcmp(a->thing, b->thing) != 0)
        return XC_QREL_UNRELATED;
    double fa = 1, fb = 1, slack = 0;
    if (a->kind == XC_QK_PERCENT || b->kind == XC_QK_PERCENT) {
        /* percentage points are not a share of anything */
        if ((a->kind == XC_QK_PERCENT && strcmp(a->unit, "%") != 0) ||
            (b->kind == XC_QK_PERCENT && strcmp(b->unit, "%") != 0)) {
            if (strcmp(a->unit, b->unit) != 0)
                return XC_QREL_UNRELATED;
        }
        fa = a->kind == XC_QK_FRACTION ? 100 : 1;
        fb = b->kind == XC_QK_FRACTION ? 100 : 1;
    } else if (a->kind == XC_QK_MONEY) {
        if (strcmp(a->unit, b->unit) != 0)
            return XC_QREL_UNRELATED;
    } else if (a->kind == XC_QK_MEASURE) {
        int da = xc_qu_dimension(a->unit, &fa), db = xc_qu_dimension(b->unit, &fb);
        if (strcmp(a->unit, b->unit) != 0) {
            if (da == 0 || da != db)
                return XC_QREL_UNRELATED;
            slack = UNIT_SLACK;
        } else {
            fa = fb = 1;
        }
    }
    /* Counts of the same thing under different events ("launched 40
     * rockets", "intercepted 65 rockets") are two facts, whether or not
     * their figures happen to meet. Casualty counts are compared whatever
     * verb reports them. */
    bool casualty = xc_qt_casualty_class(a->thing) != NULL; /* the class names are casualty words */
    if (!casualty && a->predicate[0] && b->predicate[0] &&
        strcmp(xc_qt_predicate_class(a->predicate), xc_qt_predicate_class(b->predicate)) != 0)
        return XC_QREL_DISTINCT;
    /* ... but not under two different events ("drone attack" / "missile
     * attack"): both must be named for that to show */
    if (casualty && a->event[0] && b->event[0] && strcmp(a->event, b->event) != 0) {
        const char *ca = strrchr(a->event, ' '), *cb = strrchr(b->event, ' ');
        bool a_bare = !ca, b_bare = !cb;
        ca = ca ? ca + 1 : a->event;
        cb = cb ? cb + 1 : b->event;
        /* "drone attack" / "attack": one may just not say what kind */
        if (strcmp(ca, cb) != 0 || (!a_bare && !b_bare))
            return XC_QREL_DISTINCT;
    }
    scaled va = in_common(a, fa, slack), vb = in_common(b, fb, slack);
    if (overlap(&va, &vb))
        return XC_QREL_AGREE;
    if ((a->flags | b->flags) & (XC_QF_CHANGE | XC_QF_PREVIOUS))
        return XC_QREL_UPDATE;
    return XC_QREL_CONFLICT;
}

const char *xc_quantity_relation_name(xc_quantity_relation relation)
{
    switch (relation) {
    case XC_QREL_UNRELATED: return "unrelated";
    case XC_QREL_AGREE: return "agree";
    case XC_QREL_CONFLICT: return "conflict";
    case XC_QREL_UPDATE: return "update";
    case XC_QREL_DISTINCT: return "distinct";
    }
    return "unknown";
}
