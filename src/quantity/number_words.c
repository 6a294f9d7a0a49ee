/* Figures: digits as the tokenizer cuts them ("1,234.5", "15km", "10-15",
 * "5.5bn", "0900") and numbers written in words ("ninety", "forty-two",
 * "two hundred and fifty", "1.5 million", "a dozen", "half a million"),
 * vague amounts ("dozens", "tens of thousands", "a few hundred") and
 * fractions ("one-fifth", "two-thirds", "a third of", "half of", "one in
 * five"). Only the figure is read here; hedges, units and what is counted
 * are read around it by the other files. */
#include <math.h>
#include <stdlib.h>

#include "numbers.h"

typedef struct named {
    const char *word;
    double value;
} named;

static const named cardinals[] = {
    {"zero", 0},      {"one", 1},        {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},      {"six", 6},        {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},      {"eleven", 11},    {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15},  {"sixteen", 16},   {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20},   {"thirty", 30},    {"forty", 40},     {"fifty", 50},    {"sixty", 60},
    {"seventy", 70},  {"eighty", 80},    {"ninety", 90},    {NULL, 0}};

/* Scales that multiply everything before them ("three thousand"). */
static const named scales[] = {
    {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12},
    {"mn", 1e6},       {"mln", 1e6},     {"bn", 1e9},      {"bln", 1e9},
    {"tn", 1e12},      {"trn", 1e12},    {NULL, 0}};

/* Denominators of fractions: "one-fifth", "two thirds", "a quarter of". */
static const named denominators[] = {
    {"half", 2},    {"halves", 2},   {"third", 3},   {"thirds", 3},     {"quarter", 4},
    {"quarters", 4}, {"fourth", 4},  {"fourths", 4}, {"fifth", 5},      {"fifths", 5},
    {"sixth", 6},   {"sixths", 6},   {"seventh", 7}, {"sevenths", 7},   {"eighth", 8},
    {"eighths", 8}, {"ninth", 9},    {"ninths", 9},  {"tenth", 10},     {"tenths", 10},
    {"hundredth", 100}, {"hundredths", 100}, {NULL, 0}};

/* Plurals that stand for an amount: "dozens" is [24, 100), "hundreds"
 * [200, 1000), "tens of thousands" [20 000, 100 000): from twice the unit
 * to the next order of magnitude, where the next word would be used. */
static const named vague_plurals[] = {
    {"tens", 10},        {"dozens", 12},     {"scores", 20},     {"hundreds", 100},
    {"thousands", 1e3},  {"millions", 1e6},  {"billions", 1e9},  {"trillions", 1e12},
    {NULL, 0}};

static const named *find(const named *table, const char *word)
{
    for (; table->word; table++)
        if (table->word[0] == word[0] && strcmp(table->word, word) == 0)
            return table;
    return NULL;
}

double xc_qn_word_value(const char *word)
{
    const named *c = find(cardinals, word);
    if (c)
        return c->value;
    if (strcmp(word, "hundred") == 0)
        return 100;
    c = find(scales, word);
    return c ? c->value : -1;
}

/* How many words of `phrase` (words separated by single spaces) match from
 * word i on (0 when it does not). Words of one hyphenated token ("km-long")
 * match as words apart. */
size_t xc_qw_phrase(const xc_qsent *s, size_t i, const char *phrase)
{
    size_t k = i;
    const char *p = phrase;
    if (i >= s->n || s->w[i].low[0] != p[0])
        return 0; /* the first byte rules out most phrases */
    while (*p) {
        const char *sp = strchr(p, ' ');
        size_t n = sp ? (size_t)(sp - p) : strlen(p);
        if (k >= s->n || s->w[k].len != n || memcmp(s->w[k].low, p, n) != 0)
            return 0;
        k++;
        p += n;
        if (*p == ' ')
            p++;
    }
    return k - i;
}

bool xc_qw_alpha(const xc_qsent *s, size_t i)
{
    if (i >= s->n || s->w[i].type != XC_TOK_WORD || !s->w[i].len)
        return false;
    for (const char *p = s->w[i].low; *p; p++)
        if (*p >= '0' && *p <= '9')
            return false;
    return true;
}

bool xc_qw_capitalised(const xc_qsent *s, size_t i)
{
    if (i >= s->n || !(s->w[i].tflags & XC_TF_UPPER_INITIAL) || s->w[i].inner)
        return false;
    if (i == 0)
        return false;
    /* After an opening quote, a colon or a dash a sentence starts again. */
    const xc_qword *p = &s->w[i - 1];
    if (p->type == XC_TOK_PUNCT && strchr("\"':(-", p->low[0]) && p->len <= 3)
        return false;
    /* A headline in capitals or title case: capitals say nothing. */
    if (s->w[i].tflags & XC_TF_ALL_UPPER)
        return (p->tflags & XC_TF_ALL_UPPER) == 0 && p->type == XC_TOK_WORD;
    return true;
}

bool xc_qn_may_start(const xc_qsent *s, size_t i)
{
    if (i >= s->n)
        return false;
    const char *w = s->w[i].low;
    if (w[0] >= '0' && w[0] <= '9')
        return true;
    if (s->w[i].type != XC_TOK_WORD)
        return false;
    return find(cardinals, w) || find(vague_plurals, w) || strcmp(w, "a") == 0 ||
           strcmp(w, "an") == 0 || strcmp(w, "half") == 0 || strcmp(w, "several") == 0;
}

/* ---- digits ------------------------------------------------------------ */

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* A figure in digits: the word at i as the tokenizer cut it. */
static bool parse_digits(const xc_qsent *s, size_t i, xc_qnum *out)
{
    const char *p = s->text + s->w[i].start, *end = s->text + s->w[i].end;
    char clean[40];
    size_t n = 0;
    char seps[8];
    int groups = 0, nseps = 0;
    double group_values[2] = {0, 0};
    const char *group_start = p;
    bool first_group = true;
    while (p < end) {
        if (!is_digit(*p))
            return false;
        group_start = p;
        while (p < end && is_digit(*p))
            p++;
        if (groups < 2)
            group_values[groups] = strtod(group_start, NULL); /* stops at the separator */
        if (first_group) {
            out->leading_zero = *group_start == '0' && p - group_start > 1;
            first_group = false;
        }
        groups++;
        if (p < end && (*p == ',' || *p == '.' || *p == ':' || *p == '/' || *p == '-') &&
            p + 1 < end && is_digit(p[1])) {
            if (nseps < (int)sizeof seps)
                seps[nseps] = *p;
            nseps++;
            p++;
            continue;
        }
        break;
    }
    const char *suffix = p;
    /* The figure as a C number: thousands commas out, one decimal point. */
    bool commas_only = true;
    int points = 0;
    for (int k = 0; k < nseps && k < (int)sizeof seps; k++) {
        if (seps[k] == '.')
            points++;
        else if (seps[k] != ',')
            commas_only = false;
    }
    if (nseps > (int)sizeof seps || suffix - (s->text + s->w[i].start) >= (long)sizeof clean - 1) {
        out->shape = XC_NUM_MULTI;
    } else if (commas_only && points <= 1 && (points == 0 || seps[nseps - 1] == '.')) {
        out->shape = XC_NUM_PLAIN;
        for (const char *q = s->text + s->w[i].start; q < suffix; q++)
            if (*q != ',')
                clean[n++] = *q;
        clean[n] = '\0';
        out->value = strtod(clean, NULL);
        if (nseps == 0)
            out->int_digits = (uint8_t)(suffix - (s->text + s->w[i].start) > 200
                                            ? 200 : suffix - (s->text + s->w[i].start));
    } else if (nseps == 1 && seps[0] == '-') {
        out->shape = XC_NUM_PAIR;
    } else if (nseps == 1 && seps[0] == '/') {
        out->shape = XC_NUM_SLASH;
    } else if (nseps == 1 && seps[0] == ':') {
        out->shape = XC_NUM_COLON;
    } else {
        out->shape = XC_NUM_MULTI;
    }
    if (out->shape == XC_NUM_PAIR || out->shape == XC_NUM_SLASH || out->shape == XC_NUM_COLON) {
        out->value = group_values[0];
        out->second = group_values[1];
    }
    /* What is glued on after the digits. */
    if (suffix < end) {
        if (*suffix == '%' && suffix + 1 == end) {
            out->percent = true;
        } else {
            char low[8];
            size_t k = 0;
            for (const char *q = suffix; q < end; q++) {
                if (k + 1 >= sizeof low)
                    return false;
                low[k++] = (char)((*q >= 'A' && *q <= 'Z') ? *q + 32 : *q);
            }
            low[k] = '\0';
            const named *scale = find(scales, low);
            if (out->shape == XC_NUM_COLON && (!strcmp(low, "am") || !strcmp(low, "pm"))) {
                out->time_suffix = true; /* 9:30am */
                low[0] = '\0';
            } else if (out->shape != XC_NUM_PLAIN && out->shape != XC_NUM_PAIR) {
                return false;
            }
            if (!low[0])
                ;
            else if (!strcmp(low, "pc") || !strcmp(low, "pct"))
                out->percent = true; /* 20pc, as British papers write it */
            else if (!strcmp(low, "st") || !strcmp(low, "nd") || !strcmp(low, "rd") || !strcmp(low, "th"))
                out->ordinal = true;
            else if (!strcmp(low, "s"))
                out->decade = out->int_digits >= 2 && fmod(out->value, 10) == 0;
            else if (!strcmp(low, "am") || !strcmp(low, "pm"))
                out->time_suffix = true;
            else if (!strcmp(low, "k"))
                out->value *= 1e3, out->second *= 1e3, out->scale = 1e3, out->scaled = true;
            else if (!strcmp(low, "b"))
                out->value *= 1e9, out->second *= 1e9, out->scale = 1e9, out->scaled = true;
            else if (scale)
                out->value *= scale->value, out->second *= scale->value, out->scale = scale->value,
                out->scaled = true;
            else if (!strcmp(low, "m"))
                out->metre_or_million = true;
            else if (!xc_qu_glued(low, out->unit))
                return false;
        }
    }
    out->low = out->high = out->value;
    out->next = i + 1;
    return true;
}

/* ---- words ------------------------------------------------------------- */

/* Cardinal words from i: "ninety", "forty-two", "two hundred and fifty",
 * "three thousand". `value` may start at 1 for "a hundred". Returns the
 * words used. */
static size_t parse_cardinal(const xc_qsent *s, size_t i, double *value, double *scale, bool a_prefix)
{
    *scale = 1;
    double total = 0, group = a_prefix ? 1 : 0;
    enum { NONE, UNIT, TEEN, TENS, HUNDRED, SCALE } last = a_prefix ? UNIT : NONE;
    size_t k = i, used = 0;
    while (k < s->n) {
        const char *w = s->w[k].low;
        const named *c = find(cardinals, w);
        if (c && !a_prefix) {
            double v = c->value;
            if (!(last == NONE || last == HUNDRED || last == SCALE || (last == TENS && v >= 1 && v < 10)))
                break;
            group += v;
            last = v < 10 ? UNIT : v < 20 ? TEEN : TENS;
        } else if (strcmp(w, "hundred") == 0 && (last == UNIT || last == TEEN || last == TENS)) {
            group *= 100;
            last = HUNDRED;
        } else if ((c = find(scales, w)) != NULL && c->value >= 1e3 && strlen(w) > 3 &&
                   last != NONE && last != SCALE) {
            total += group * c->value;
            *scale = c->value;
            group = 0;
            last = SCALE;
        } else if (strcmp(w, "and") == 0 && (last == HUNDRED || last == SCALE) && k + 1 < s->n &&
                   find(cardinals, s->w[k + 1].low) && !a_prefix) {
            k++; /* "two hundred and fifty": the "and" counts once the number goes on */
            continue;
        } else {
            break;
        }
        a_prefix = false;
        used = ++k - i;
    }
    *value = total + group;
    return used;
}

static bool word_is(const xc_qsent *s, size_t i, const char *const *list)
{
    return i < s->n && xc_qw_in(s->w[i].low, list);
}

static const char *const articles[] = {"a", "an", NULL};
static const char *const scale_words[] = {"hundred", "thousand", "million", "billion", "trillion", NULL};
/* "more than half", "nearly half.": a hedge makes a bare "half" a share. */
static const char *const after_hedge[] = {"than", "about", "nearly", "almost", "over", "least",
                                          "roughly", "around", "approximately", "under", "just",
                                          "only", "to", "some", NULL};
static const char *const period_halves[] = {"first", "second", "latter", "former", "other",
                                            "back", "front", "top", "bottom", NULL};
static const char *const half_of[] = {"of", "the", "its", "their", "his", "her", "our", "your",
                                      "all", "this", "that", "these", "those", NULL};

/* "dozens", "tens of thousands", "hundreds of millions" */
static bool parse_vague_plural(const xc_qsent *s, size_t i, xc_qnum *out)
{
    const named *v = find(vague_plurals, s->w[i].low);
    if (!v || s->w[i].joined)
        return false;
    size_t k = i + 1;
    double unit = v->value, times = 1;
    const named *then = NULL;
    if (xc_qw_is(s, k, "of") && k + 1 < s->n && (then = find(vague_plurals, s->w[k + 1].low)) != NULL &&
        then->value >= 1e3 && then->value > unit) {
        times = then->value;
        k += 2;
    } else if ((strcmp(v->word, "tens") == 0 || strcmp(v->word, "scores") == 0) && !xc_qw_is(s, k, "of")) {
        return false; /* "tens" and "scores" only as "tens of ..." */
    }
    out->low = 2 * unit * times;
    out->high = (unit == 12 || unit == 20 ? 100 : 10 * unit) * times;
    out->value = out->low;
    out->high_open = true;
    out->flags |= XC_QF_VAGUE | XC_QF_WORDS;
    out->next = k;
    return true;
}

/* "a few", "a couple (of)", "a handful (of)", "several", each maybe
 * followed by a scale: "a few hundred", "several thousand". */
static bool parse_vague_phrase(const xc_qsent *s, size_t i, xc_qnum *out)
{
    double low, high;
    size_t k;
    if (xc_qw_is(s, i, "several")) {
        low = 3, high = 9, k = i + 1;
    } else if (word_is(s, i, articles) && xc_qw_is(s, i + 1, "few")) {
        low = 2, high = 5, k = i + 2;
    } else if (word_is(s, i, articles) && xc_qw_is(s, i + 1, "couple")) {
        low = 2, high = 3, k = i + 2;
    } else if (word_is(s, i, articles) && xc_qw_is(s, i + 1, "handful")) {
        low = 2, high = 6, k = i + 2;
    } else {
        return false;
    }
    size_t scale_at = xc_qw_is(s, k, "of") ? k + 1 : k;
    if (word_is(s, scale_at, scale_words)) {
        double m = xc_qn_word_value(s->w[scale_at].low);
        low *= m, high *= m;
        k = scale_at + 1;
    }
    out->low = low, out->high = high, out->value = low;
    out->flags |= XC_QF_VAGUE | XC_QF_WORDS;
    out->next = k;
    return true;
}

/* "half of", "half a million", "half an hour"; "a third of", "a quarter of". */
static bool parse_half(const xc_qsent *s, size_t i, xc_qnum *out)
{
    size_t k = i;
    bool article = false;
    if (word_is(s, k, articles)) {
        article = true;
        k++;
    }
    const named *d = k < s->n ? find(denominators, s->w[k].low) : NULL;
    if (!d || s->w[k].joined || (k > i && s->w[i].joined))
        return false;
    if (article) { /* "a third of", "a quarter of", "a half" */
        if (!xc_qw_is(s, k + 1, "of"))
            return false;
        out->fraction = true;
        out->value = 1.0 / d->value;
        out->next = k + 1;
    } else if (strcmp(d->word, "half") != 0) {
        return false;
    } else if (word_is(s, k + 1, articles) && (word_is(s, k + 2, scale_words) || xc_qw_is(s, k + 2, "dozen"))) {
        double m = xc_qw_is(s, k + 2, "dozen") ? 12 : xc_qn_word_value(s->w[k + 2].low);
        out->value = 0.5 * m;
        out->next = k + 3;
    } else if (word_is(s, k + 1, articles) && k + 2 < s->n) {
        uint8_t kind;
        char unit[8];
        if (!xc_qu_after(s, k + 2, &kind, unit) || kind != XC_QK_MEASURE)
            return false;
        out->value = 0.5; /* "half an hour": the unit is read by the caller */
        out->next = k + 2;
    } else if (i > 0 && word_is(s, i - 1, period_halves)) {
        return false; /* "the second half of July" is a period */
    } else if (word_is(s, k + 1, half_of) || (i > 0 && word_is(s, i - 1, after_hedge))) {
        out->fraction = true;
        out->value = 0.5;
        out->next = k + 1;
    } else {
        return false;
    }
    out->low = out->high = out->value;
    out->flags |= XC_QF_WORDS;
    return true;
}

/* A plain whole number at i for "one in five": digits or words. */
static bool small_whole(const xc_qsent *s, size_t i, double *value, size_t *next)
{
    if (i >= s->n)
        return false;
    if (xc_qw_digit(s, i)) {
        xc_qnum n = {0};
        if (!parse_digits(s, i, &n) || n.shape != XC_NUM_PLAIN || n.unit[0] || n.percent || n.scaled ||
            n.ordinal || n.decade || n.time_suffix || n.metre_or_million)
            return false;
        *value = n.value;
        *next = i + 1;
        return true;
    }
    double scale;
    size_t used = parse_cardinal(s, i, value, &scale, false);
    *next = i + used;
    return used > 0;
}

/* What may follow a whole number: "and a half", a scale ("1.5 million"),
 * "dozen", a denominator ("one-fifth"), "in five" ("one in five"). */
static void parse_tail(const xc_qsent *s, xc_qnum *out, bool words)
{
    size_t k = out->next;
    bool whole = out->value == floor(out->value);
    if (whole && xc_qw_is(s, k, "and") && xc_qw_is(s, k + 1, "a") && xc_qw_is(s, k + 2, "half")) {
        out->value += 0.5;
        k += 3;
        whole = false;
    }
    const named *c;
    if (k < s->n && !out->scaled && (c = find(scales, s->w[k].low)) != NULL && !s->w[k - 1].joined) {
        out->value *= c->value;
        out->scale = c->value;
        out->scaled = true;
        k++;
    } else if (k < s->n && !out->scaled && words == false && xc_qw_is(s, k, "hundred") && whole &&
               out->value < 100) {
        out->value *= 100;
        k++;
    } else if (xc_qw_is(s, k, "dozen") && whole) {
        out->value *= 12;
        k++;
    } else if (whole && words && out->value >= 1 && out->value < 20 && k < s->n &&
               (c = find(denominators, s->w[k].low)) != NULL && c->value > out->value &&
               !(k + 1 < s->n && s->w[k].joined)) {
        out->fraction = true;
        out->value /= c->value;
        k++;
    } else if (whole && out->value >= 1 && out->value <= 100 &&
               (xc_qw_is(s, k, "in") || (xc_qw_is(s, k, "out") && xc_qw_is(s, k + 1, "of")))) {
        double m;
        size_t after;
        size_t at = xc_qw_is(s, k, "in") ? k + 1 : k + 2;
        if (small_whole(s, at, &m, &after) && m > out->value && m <= 1000) {
            out->fraction = true;
            out->value /= m;
            k = after;
        }
    }
    out->low = out->high = out->value;
    out->next = k;
}

bool xc_qn_parse(const xc_qsent *s, size_t i, xc_qnum *out)
{
    *out = (xc_qnum){.scale = 1};
    if (i >= s->n)
        return false;
    const xc_qword *w = &s->w[i];
    if (xc_qw_digit(s, i)) {
        if (!parse_digits(s, i, out))
            return false;
        if (out->shape == XC_NUM_PLAIN && !out->percent && !out->unit[0] && !out->ordinal &&
            !out->decade && !out->time_suffix && !out->metre_or_million)
            parse_tail(s, out, false);
        return true;
    }
    if (w->type != XC_TOK_WORD || xc_qw_capitalised(s, i))
        return false;
    if (parse_vague_plural(s, i, out) || parse_vague_phrase(s, i, out) || parse_half(s, i, out))
        return true;
    *out = (xc_qnum){.scale = 1};
    bool a_prefix = false;
    size_t start = i;
    if (word_is(s, i, articles)) {
        if (!(word_is(s, i + 1, scale_words) || xc_qw_is(s, i + 1, "dozen")))
            return false;
        a_prefix = true;
        start = i + 1;
        if (xc_qw_is(s, start, "dozen")) {
            out->value = 12;
            out->next = start + 1;
            out->low = out->high = 12;
            out->flags |= XC_QF_WORDS;
            return true;
        }
    }
    double value, scale;
    size_t used = parse_cardinal(s, start, &value, &scale, a_prefix);
    if (!used)
        return false;
    out->value = value;
    out->next = start + used;
    out->flags |= XC_QF_WORDS;
    out->scale = scale;
    out->scaled = scale > 1;
    parse_tail(s, out, true);
    return true;
}
