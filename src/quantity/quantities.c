/* The quantity finder: tokenise, split sentences, and at each word where a
 * figure can start read, in order, a hedge ("at least"), a currency
 * ("$"), the figure (number_words.c), a second figure for a range ("10 to
 * 15"), a unit or percent sign (units.c) and a hedge after ("or more").
 * Then decide what it is (not_counts.c: a year, a date, a score, ... or
 * a fact), turn figure and hedge into an interval (hedges.c) and find
 * what it counts and what governs it (things.c). */
#include <math.h>
#include <stdlib.h>

#include "numbers.h"
#include "../util/vec.h"

typedef struct word_list {
    xc_qword *items;
    size_t count, capacity;
} word_list;

/* ---- the sentence as words ------------------------------------------ */

static void fold_range(const char *text, uint32_t start, uint32_t end, uint8_t type, bool ascii,
                       xc_qword *w)
{
    size_t n = end - start;
    if (ascii) {
        size_t k = n < XC_QWORD_MAX - 1 ? n : XC_QWORD_MAX - 1;
        for (size_t i = 0; i < k; i++) {
            char c = text[start + i];
            w->low[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
        }
        w->low[k] = '\0';
        w->len = (uint8_t)k;
        return;
    }
    xc_token t = {.start = start, .end = end, .type = type, .flags = XC_TF_NON_ASCII};
    size_t got = xc_token_fold(text, &t, w->low, XC_QWORD_MAX);
    w->len = (uint8_t)(got < XC_QWORD_MAX - 1 ? got : XC_QWORD_MAX - 1);
    if (got >= XC_QWORD_MAX - 1)
        w->low[w->len] = '\0';
}

/* Bytes of a hyphen at p: '-', U+2010, U+2011; 0 when none. */
static size_t hyphen_at(const char *p, const char *end)
{
    if (*p == '-')
        return 1;
    if (end - p >= 3 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
        ((unsigned char)p[2] == 0x90 || (unsigned char)p[2] == 0x91))
        return 3;
    return 0;
}

static bool push_word(word_list *words, const char *text, const xc_token *t, uint32_t start,
                      uint32_t end, bool joined, bool inner)
{
    xc_qword w = {.start = start, .end = end, .type = t->type, .tflags = t->flags, .joined = joined,
                  .inner = inner};
    bool ascii = true;
    for (uint32_t i = start; i < end && ascii; i++)
        ascii = (unsigned char)text[i] < 0x80;
    if (t->type == XC_TOK_PUNCT || t->type == XC_TOK_SYMBOL || !ascii)
        fold_range(text, start, end, t->type, false, &w);
    else
        fold_range(text, start, end, t->type, true, &w);
    if (inner) /* a part's own case: "Mile" in "Nine-Mile" */
        w.tflags &= (uint8_t)~(XC_TF_UPPER_INITIAL | XC_TF_SPACE_BEFORE | XC_TF_NEWLINE_BEFORE |
                               XC_TF_PARAGRAPH_BEFORE);
    return XC_VEC_PUSH(words, w);
}

/* One token as words: hyphenated words are cut into their parts. */
static bool add_token(word_list *words, const char *text, const xc_token *t)
{
    if (t->type != XC_TOK_WORD || !(t->flags & XC_TF_HYPHEN))
        return push_word(words, text, t, t->start, t->end, false, false);
    const char *p = text + t->start, *end = text + t->end, *part = p;
    bool inner = false;
    while (p < end) {
        size_t h = hyphen_at(p, end);
        if (h && p > part && p + h < end) {
            if (!push_word(words, text, t, (uint32_t)(part - text), (uint32_t)(p - text), true, inner))
                return false;
            inner = true;
            p += h;
            part = p;
        } else {
            p++;
        }
    }
    return push_word(words, text, t, (uint32_t)(part - text), t->end, false, inner);
}

/* ---- reading one quantity -------------------------------------------- */

static const char *const range_dashes[] = {"-", "--", "---", NULL};
static const char *const measure_adjectives[] = {"long", "wide", "high", "deep", "tall", "thick",
                                                 "strong", "large", "old", "square", NULL};
static const char *const metre_words[] = {"high", "long", "deep", "tall", "wide", "away", "below",
                                          "above", "under", "from", "thick", "across", NULL};
/* "one" as a pronoun or in a set phrase, not a count. */
static const char *const one_after[] = {"of", "another", "by", "day", "time", "way", "point", "side",
                                        "hand", "thing", "or", "more", "last", "such", NULL};
static const char *const one_before[] = {"no", "the", "this", "that", "which", "each", "every",
                                         "any", "only", "at", "anyone", "someone", "everyone",
                                         "single", NULL};
/* Between a change verb and its new figure: "has risen to 27". */
static const char *const change_gap[] = {"to", "has", "have", "had", "now", "by", "is", "was",
                                         "already", "further", "sharply", NULL};

typedef struct reading {
    size_t first, next;        /* words of the expression               */
    size_t figure, figure_end; /* words of the figure(s)                */
} reading;

static bool small_whole_words(const xc_qnum *n)
{
    return (n->flags & XC_QF_WORDS) && !(n->flags & XC_QF_VAGUE) && !n->fraction && n->value < 100 &&
           n->value == floor(n->value);
}

/* Did a change verb come right before? "rose to 27", "the toll is now 27" */
static bool after_change_verb(const xc_qsent *s, size_t first)
{
    size_t i = first;
    int gap = 0;
    while (i > 0 && gap < 3) {
        const char *w = s->w[i - 1].low;
        if (xc_qt_is_change_verb(w))
            return true;
        if (!xc_qw_in(w, change_gap))
            return false;
        i--;
        gap++;
    }
    return false;
}

/* Read a quantity starting at word i. Returns false when none starts
 * there; *skip then says how far to move (a compound to pass over). */
static bool read_at(const xc_qsent *s, size_t i, xc_quantity *q, reading *r, size_t *skip,
                    const xc_quantity *prev, size_t prev_next)
{
    *skip = 1;
    *q = (xc_quantity){0};
    size_t j = i;
    xc_hedge hedge = XC_HEDGE_NONE;
    size_t hedge_words = xc_qh_before(s, j, &hedge);
    bool between = false, from = false;
    if (!hedge_words && (xc_qw_is(s, j, "between") || xc_qw_is(s, j, "from"))) {
        between = xc_qw_is(s, j, "between");
        from = !between;
        hedge_words = 1;
    }
    j += hedge_words;
    char currency[8] = "";
    j += xc_qu_before(s, j, currency);
    if (!xc_qn_may_start(s, j))
        return false;
    xc_qnum num;
    if (!xc_qn_parse(s, j, &num))
        return false;
    /* a figure inside a name: F-16, COVID-19, Su-27, mid-2022 */
    if (s->w[j].inner && j > 0 && !xc_qw_digit(s, j - 1))
        return false;
    /* a minus sign glued on: "-5C" is below zero, not five */
    if (j > 0 && s->w[j - 1].type == XC_TOK_PUNCT && xc_qw_is(s, j - 1, "-") && xc_qw_digit(s, j) &&
        !(s->w[j].tflags & XC_TF_SPACE_BEFORE) && !hedge_words && !currency[0] &&
        !(num.flags & XC_QF_VAGUE)) {
        num.value = -num.value;
        num.low = num.high = num.value;
    }
    size_t figure = j, k = num.next;
    xc_qnum second = {0};
    bool range = false, previous = false;

    /* A second figure: "10 to 15", "10–15", "between 10 and 15", "two or three". */
    if (k < s->n && num.shape == XC_NUM_PLAIN && !num.ordinal && !num.decade && !num.time_suffix &&
        ((xc_qw_is(s, k, "to") && !between) ||
         (s->w[k].type == XC_TOK_PUNCT && xc_qw_in(s->w[k].low, range_dashes) && !between) ||
         (xc_qw_is(s, k, "and") && between) ||
         (xc_qw_is(s, k, "or") && small_whole_words(&num)))) {
        size_t m = k + 1;
        char currency2[8] = "";
        m += xc_qu_before(s, m, currency2);
        if (xc_qn_may_start(s, m) && xc_qn_parse(s, m, &second) && second.shape == XC_NUM_PLAIN &&
            !second.ordinal && !second.decade && !second.time_suffix && second.fraction == num.fraction &&
            !(xc_qw_is(s, k, "or") && !small_whole_words(&second))) {
            /* "2 to 3 million": the scale is written once */
            if (second.scale > 1 && !num.scaled && num.value * second.scale <= second.value)
                num.value *= second.scale, num.low = num.high = num.value;
            bool change = from && i > 0 && xc_qt_is_change_verb(s->w[i - 1].low);
            if (change && xc_qw_is(s, k, "to")) {
                previous = true; /* "rose from 23 to 27": 23 is the old figure */
            } else if (second.low > num.high && (!between || xc_qw_is(s, k, "and"))) {
                range = true;
                k = second.next;
                if (second.percent)
                    num.percent = true;
                if (second.unit[0] && !num.unit[0])
                    memcpy(num.unit, second.unit, sizeof num.unit);
                if (second.metre_or_million)
                    num.metre_or_million = true;
                if (currency2[0] && !currency[0])
                    memcpy(currency, currency2, sizeof currency);
            }
        }
    }
    if ((between && !range) || (from && !range && !previous))
        return false; /* "between" and "from" open a range or nothing */
    size_t figure_end = k;

    /* Unit, percent or currency after the figure. */
    uint8_t ukind = 0;
    char unit[8] = "";
    if (num.percent) {
        ukind = XC_QK_PERCENT;
        memcpy(unit, "%", 2);
    } else if (num.unit[0]) {
        ukind = XC_QK_MEASURE;
        memcpy(unit, num.unit, sizeof unit);
    } else if (num.metre_or_million) {
        /* "€80m", "15m people" are millions; "a 15m wall", "100m high" metres */
        bool metres = !currency[0] && (k >= s->n || xc_qw_in(s->w[k].low, metre_words) || !xc_qt_plural(s, k));
        if (metres) {
            ukind = XC_QK_MEASURE;
            memcpy(unit, "m", 2);
        } else {
            num.value *= 1e6, num.low *= 1e6, num.high *= 1e6;
            if (range)
                second.value *= 1e6, second.low *= 1e6, second.high *= 1e6;
        }
    }
    if (!ukind && !previous) {
        size_t used = xc_qu_after(s, k, &ukind, unit);
        if (!used && (num.flags & XC_QF_VAGUE) && xc_qw_is(s, k, "of")) {
            /* "hundreds of millions of pounds", "a couple of days" */
            uint8_t kind2;
            char unit2[8];
            size_t u2 = xc_qu_after(s, k + 1, &kind2, unit2);
            if (u2 && kind2 != XC_QK_PERCENT) {
                used = u2 + 1;
                ukind = kind2;
                memcpy(unit, unit2, sizeof unit);
            }
        }
        /* units after a word figure: a hyphen may join them ("nine-mile") */
        k += used;
    }
    if (currency[0]) {
        ukind = XC_QK_MONEY;
        memcpy(unit, currency, sizeof unit);
    }
    /* "nine-mile-long", "5,000-strong", "15-year-old": the rest of the compound */
    if (k > 0 && k < s->n && s->w[k - 1].joined && xc_qw_in(s->w[k].low, measure_adjectives) &&
        !xc_qw_is(s, k, "old")) {
        k++;
    }
    /* Any other compound ("three-way talks", "five-point plan") is an
     * adjective, not a quantity: skip the whole token. */
    if (k > 0 && k <= s->n && s->w[k - 1].joined && !(xc_qw_is(s, k, "old") || xc_qw_is(s, k, "odd"))) {
        size_t end = k;
        while (end < s->n && s->w[end - 1].joined)
            end++;
        *skip = end - i;
        return false;
    }
    /* A hedge after: "91 or more", "40-odd", "5,000 plus". */
    xc_hedge after = XC_HEDGE_NONE;
    size_t after_words = previous ? 0 : xc_qh_after(s, k, &after);
    if (after_words && hedge == XC_HEDGE_NONE)
        hedge = after;
    k += after_words;

    /* What kind of number it is. */
    uint8_t kind;
    bool fraction = num.fraction;
    if (num.shape == XC_NUM_SLASH && !currency[0] && !ukind && num.value >= 1 && num.value < num.second &&
        num.second <= 10 && (xc_qw_is(s, k, "of") || !(j > 0 && xc_qw_is(s, j - 1, "on")))) {
        fraction = true; /* "1/5 of the budget" */
        num.value /= num.second;
        num.low = num.high = num.value;
        num.shape = XC_NUM_PLAIN;
    }
    xc_qspan span = {figure, k};
    if (ukind == XC_QK_MONEY)
        kind = XC_QK_MONEY;
    else if (ukind == XC_QK_PERCENT)
        kind = XC_QK_PERCENT;
    else if (fraction)
        kind = XC_QK_FRACTION;
    else {
        kind = (uint8_t)xc_qc_classify(s, &span, &num, hedge_words > 0 || after_words > 0,
                                       ukind == XC_QK_MEASURE);
        if (kind == XC_QK_COUNT && ukind == XC_QK_MEASURE)
            kind = XC_QK_MEASURE;
    }
    /* "from 2009 to 2013", "between 2014 and 2022" */
    if (range && kind == XC_QK_COUNT && hedge == XC_HEDGE_NONE && num.int_digits == 4 &&
        second.int_digits == 4 && num.value >= 1900 && second.value <= 2100)
        kind = XC_QK_YEAR;
    if (kind == XC_QK_COUNT && num.shape != XC_NUM_PLAIN) {
        if (num.shape == XC_NUM_PAIR && num.value < num.second) {
            range = true; /* "10-15" */
            second = num;
            second.value = second.low = second.high = num.second;
            num.low = num.high = num.value;
        } else {
            kind = XC_QK_ID;
        }
    }
    if (num.shape == XC_NUM_PAIR && (kind == XC_QK_PERCENT || kind == XC_QK_MEASURE || kind == XC_QK_MONEY) &&
        num.value < num.second) {
        range = true; /* "10-15%", "10-15km" */
        second = num;
        second.value = second.low = second.high = num.second;
        num.low = num.high = num.value;
    }

    q->kind = kind;
    q->flags = num.flags;
    if (range)
        q->flags |= XC_QF_RANGE;
    if (previous)
        q->flags |= XC_QF_PREVIOUS;
    q->hedge = (uint8_t)hedge;
    if (kind != XC_QK_COUNT && kind != XC_QK_FRACTION && kind < XC_QK_FIRST_NON_FACT)
        memcpy(q->unit, unit, sizeof q->unit);
    size_t first = i < span.first ? i : span.first;
    size_t next = k > span.next ? k : span.next;
    if (first >= s->n || next > s->n || next <= first)
        return false;
    q->start = s->w[first].start;
    q->end = s->w[next - 1].end;
    q->number_start = s->w[figure].start;
    q->number_end = s->w[(figure_end > figure ? figure_end : figure + 1) - 1].end;
    double low = num.low, high = range ? second.high : num.high;
    q->value = range ? (num.value + second.value) / 2 : num.value;
    if (num.flags & XC_QF_VAGUE)
        q->value = num.low;
    q->high_open = range ? second.high_open : num.high_open;
    if (kind >= XC_QK_FIRST_NON_FACT) {
        q->hedge = XC_HEDGE_NONE;
        q->high_open = false;
    }
    xc_qh_interval(q, low, high);
    r->first = first;
    r->next = next;
    r->figure = figure;
    r->figure_end = figure_end;
    *skip = next - i;

    if (kind >= XC_QK_FIRST_NON_FACT)
        return true;
    xc_qt_attach(s, first, next, q, prev, prev_next);
    /* the new figure of "rose from 23 to 27" is counting the same thing */
    if (prev && (prev->flags & XC_QF_PREVIOUS) && prev_next + 1 == first && xc_qw_is(s, prev_next, "to")) {
        q->flags |= XC_QF_CHANGE;
        if (!q->thing[0]) {
            memcpy(q->thing, prev->thing, sizeof q->thing);
            q->thing_start = prev->thing_start;
            q->thing_end = prev->thing_end;
        }
    }
    if (after_change_verb(s, first))
        q->flags |= XC_QF_CHANGE;
    /* "recovered four more bodies", "another 12 troops", "40 more beds
     * than": what was added or the difference, not the total other
     * reports give */
    static const char *const added[] = {"more", "further", "additional", "extra", NULL};
    size_t next_word = figure_end > figure ? figure_end : figure + 1;
    if ((next_word < s->n && xc_qw_in(s->w[next_word].low, added)) || (first > 0 && xc_qw_is(s, first - 1, "another")))
        q->flags |= XC_QF_INCREMENT;
    /* "one" without anything counted is a pronoun ("one of them", "at one
     * point", "no one"). */
    if (num.value == 1 && (num.flags & XC_QF_WORDS) && !range && kind == XC_QK_COUNT) {
        if (!q->thing[0])
            return false;
        if (hedge == XC_HEDGE_NONE && (xc_qw_in(s->w[num.next < s->n ? num.next : figure].low, one_after) ||
                                       (figure > 0 && xc_qw_in(s->w[figure - 1].low, one_before))))
            return false;
    }
    return true;
}

/* ---- the public functions -------------------------------------------- */

/* Words a hedge and a currency take before a figure, at most: "a little
 * more than US $5". */
#define MAX_LEAD_WORDS 6

typedef struct finder {
    xc_token_list tokens;
    xc_sentence_list sentences;
    word_list words;
    xc_stemmer *stemmer;
} finder;

static void finder_free(finder *f)
{
    xc_token_list_free(&f->tokens);
    xc_sentence_list_free(&f->sentences);
    free(f->words.items);
    if (f->stemmer)
        xc_stemmer_free(f->stemmer);
}

static xc_status find_in_sentence(finder *f, const char *text, const xc_sentence *sent, xc_quantity_list *out)
{
    f->words.count = 0;
    for (uint32_t t = 0; t < sent->token_count; t++) {
        size_t at = (size_t)sent->first_token + t;
        if (at >= f->tokens.count)
            break;
        if (!add_token(&f->words, text, &f->tokens.items[at]))
            return XC_ERR_NOMEM;
    }
    xc_qsent s = {.text = text, .w = f->words.items, .n = f->words.count, .start = sent->start,
                  .end = sent->end, .stemmer = f->stemmer};
    size_t prev_index = (size_t)-1, prev_next = 0;
    /* Hedges and currencies are looked for only a few words before a word
     * that can start a figure: most words are far from any. */
    size_t next_figure = 0;
    for (size_t i = 0; i < s.n;) {
        if (next_figure < i)
            next_figure = i;
        while (next_figure < s.n && !xc_qn_may_start(&s, next_figure))
            next_figure++;
        if (next_figure >= s.n)
            break;
        if (next_figure > i + MAX_LEAD_WORDS)
            i = next_figure - MAX_LEAD_WORDS;
        xc_quantity q;
        reading r;
        size_t skip;
        const xc_quantity *prev = prev_index < out->count ? &out->items[prev_index] : NULL;
        if (read_at(&s, i, &q, &r, &skip, prev, prev_next)) {
            q.sentence_start = sent->start;
            q.sentence_end = sent->end;
            if (!XC_VEC_PUSH(out, q))
                return XC_ERR_NOMEM;
            prev_index = out->count - 1;
            prev_next = r.next;
        }
        i += skip ? skip : 1;
    }
    return XC_OK;
}

xc_status xc_find_quantities(const char *text, size_t len, xc_quantity_list *out)
{
    if (!out || (!text && len))
        return XC_ERR_ARG;
    if (len == 0)
        return XC_OK;
    if (len >= UINT32_MAX)
        return XC_ERR_TOO_BIG;
    if (!xc_utf8_valid(text, len, NULL))
        return XC_ERR_UTF8;
    finder f = {0};
    f.stemmer = xc_stemmer_new("english");
    if (!f.stemmer)
        return XC_ERR_NOMEM;
    xc_status st = xc_tokenize(text, len, &f.tokens);
    if (st == XC_OK)
        st = xc_split_sentences(text, len, &f.tokens, &f.sentences);
    for (size_t k = 0; st == XC_OK && k < f.sentences.count; k++)
        st = find_in_sentence(&f, text, &f.sentences.items[k], out);
    finder_free(&f);
    return st;
}

void xc_quantity_list_free(xc_quantity_list *list)
{
    if (!list)
        return;
    free(list->items);
    *list = (xc_quantity_list){0};
}

bool xc_quantity_is_fact(const xc_quantity *q)
{
    return q && q->kind < XC_QK_FIRST_NON_FACT && !(q->flags & XC_QF_INCREMENT);
}

const char *xc_quantity_kind_name(xc_quantity_kind kind)
{
    static const char *const names[] = {"count", "percent", "fraction", "money", "measure", "year", "date",
                                        "time",  "age",     "ordinal",  "phone", "score",   "id"};
    return (unsigned)kind < sizeof names / sizeof *names ? names[kind] : "unknown";
}

const char *xc_hedge_name(xc_hedge hedge)
{
    static const char *const names[] = {"none",    "exactly", "at_least",  "more_than", "just_over",
                                        "up_to",   "at_most", "less_than", "nearly",    "about"};
    return (unsigned)hedge < sizeof names / sizeof *names ? names[hedge] : "unknown";
}
