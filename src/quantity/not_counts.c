/* Numbers that are not counted facts: years (2014, the 1990s), dates
 * (February 28, 2025-03-11, three years ago), times (0700 GMT, 9:30,
 * 10 a.m.), ages (aged 45, a 15-year-old, "Smith, 45, said"), ordinals
 * (3rd), phone numbers, scores (won 88-81) and labels (Article 5, Flight
 * 17). They are still returned, with their kind, so that nothing later
 * takes "2014 borders" for 2014 borders. */
#include <math.h>
#include <stdlib.h>

#include "numbers.h"

static const char *const months[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.",
    "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", NULL};

static const char *const weekdays[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                       "saturday", "sunday", "mon.", "tue.", "wed.", "thu.",
                                       "fri.", "sat.", "sun.", NULL};

static const char *const time_words[] = {"a.m.", "p.m.", "am", "pm", "gmt", "utc", "bst", "cet",
                                         "cest", "est", "edt", "pst", "pdt", "msk", "eet",
                                         "eest", "o'clock", "local", "hrs", NULL};

/* Words after which a figure names something rather than counts it. */
static const char *const labels[] = {
    "no.", "nos.", "number", "article", "articles", "section", "chapter", "page", "pages",
    "paragraph", "route", "flight", "resolution", "room", "platform", "gate", "unit", "level",
    "phase", "stage", "category", "grade", "act", "clause", "item", "step", "version", "season",
    "episode", "highway", "interstate", "bus", "line", "figure", "table", "vol.", "volume",
    "issue", "rule", "district", "ward", "precinct", "zone", "sector", "block", "box", "suite",
    "floor", "terminal", "exit", "junction", "channel", "model", "mk", "batch", "lot", "code",
    "apartment", "apt.", "pier", "berth", "day", "week", "round", "game", "match", "heat", "leg",
    "hole", "amendment", "paragraph", "lane", "brigade", "division", "corps", "regiment",
    "battalion", "squadron", "district", "precinct", "row", "seat", "question", "part",
    "point", "tier", "class", "group", "scale", "gen", "type", "stanag", "fig.", NULL};

static const char *const street_words[] = {"street", "st.", "avenue", "ave.", "road", "rd.",
                                           "boulevard", "blvd.", "lane", "drive", "place",
                                           "square", "way", "court", "terrace", "highway", NULL};

static const char *const possessives[] = {"his", "her", "their", "its", "my", "our", "your", NULL};

/* Prepositions that put a four-digit figure in time: "since 1991". */
static const char *const time_prepositions[] = {"in", "since", "from", "until", "till", "by",
                                                "before", "after", "during", "of", "year",
                                                "circa", "between", "to", "through", NULL};

static const char *const sport_words[] = {
    "beat", "beats", "beaten", "won", "win", "wins", "winning", "lost", "lose", "loses",
    "losing", "defeat", "defeated", "defeats", "victory", "victories", "draw", "drew", "tie",
    "tied", "score", "scored", "scoreline", "match", "game", "games", "goals", "goal",
    "innings", "overtime", "halftime", "half-time", "league", "cup", "final", "semifinal",
    "semi-final", "quarterfinal", "playoff", "playoffs", "season", "points", "rebounds", "set",
    "sets", "tiebreak", "hold", "held", "edged", "edge", "routed", "thrashed", "vote", "voted",
    "votes", NULL};

bool xc_qc_is_month(const char *word) { return xc_qw_in(word, months); }

static bool is_month_at(const xc_qsent *s, size_t i)
{
    if (i >= s->n || !xc_qc_is_month(s->w[i].low))
        return false;
    /* "may" and "march" are verbs in lower case */
    return (s->w[i].tflags & XC_TF_UPPER_INITIAL) || s->w[i].len > 5;
}

bool xc_qc_sport_context(const xc_qsent *s)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->w[i].type == XC_TOK_WORD && xc_qw_in(s->w[i].low, sport_words))
            return true;
    return false;
}

static bool plain_int(const xc_qnum *num)
{
    return num->shape == XC_NUM_PLAIN && num->int_digits > 0;
}

/* A four-digit year at word i, with nothing glued on. */
static bool year_at(const xc_qsent *s, size_t i)
{
    if (!xc_qw_digit(s, i) || s->w[i].len != 4)
        return false;
    for (int k = 0; k < 4; k++)
        if (s->w[i].low[k] < '0' || s->w[i].low[k] > '9')
            return false;
    int v = atoi(s->w[i].low);
    return v >= 1000 && v <= 2100;
}

/* Digit groups of a MULTI figure: 2025-03-11, 11/03/2025, 555-123-4567. */
static bool multi_is_date(const xc_qsent *s, size_t i, bool *phone)
{
    const char *p = s->text + s->w[i].start, *end = s->text + s->w[i].end;
    int lengths[8], groups = 0, digits = 0;
    char sep = 0;
    bool same_sep = true;
    while (p < end && groups < 8) {
        const char *g = p;
        while (p < end && *p >= '0' && *p <= '9')
            p++;
        lengths[groups++] = (int)(p - g);
        digits += (int)(p - g);
        if (p < end && (*p == '-' || *p == '/' || *p == '.' || *p == ':' || *p == ',')) {
            if (sep && *p != sep)
                same_sep = false;
            sep = *p++;
        } else {
            break;
        }
    }
    *phone = same_sep && (sep == '-' || sep == '.') && groups >= 3 && digits >= 7 &&
             !(groups == 3 && (lengths[0] == 4 || lengths[2] == 4) && digits == 8);
    if (groups == 3 && same_sep && sep != ':' && sep != ',' &&
        ((lengths[0] == 4 && lengths[1] <= 2 && lengths[2] <= 2) ||
         (lengths[0] <= 2 && lengths[1] <= 2 && (lengths[2] == 4 || lengths[2] == 2))))
        return true;
    return false;
}

/* Digit-only words written apart by spaces: "555 123 4567". */
static size_t digit_run(const xc_qsent *s, size_t i)
{
    size_t k = i;
    while (k < s->n && s->w[k].type == XC_TOK_NUMBER) {
        bool digits_only = true;
        for (const char *p = s->w[k].low; *p && digits_only; p++)
            digits_only = *p >= '0' && *p <= '9';
        if (!digits_only)
            break;
        k++;
    }
    return k - i;
}

static bool plural_word(const xc_qsent *s, size_t i)
{
    return xc_qw_alpha(s, i) && s->w[i].len > 2 && s->w[i].low[s->w[i].len - 1] == 's' &&
           !(s->w[i].tflags & XC_TF_UPPER_INITIAL) &&
           !xc_is_stopword("english", s->w[i].low, s->w[i].len); /* "has", "was" */
}

xc_quantity_kind xc_qc_classify(const xc_qsent *s, xc_qspan *span, const xc_qnum *num, bool hedged,
                                bool unit)
{
    size_t f = span->first, e = num->next, x = span->next;
    bool has_prev = f > 0;
    size_t prev = f - 1;
    bool whole = num->shape == XC_NUM_PLAIN && num->value == floor(num->value) && fabs(num->value) < 1e15;

    /* Dates written with a month: "February 28", "28 February 2025",
     * "Jan. 9", "March 2022", "the 11th of March". */
    if (whole && !hedged && !unit && num->value >= 1 && num->value <= 31 && !(num->flags & XC_QF_WORDS)) {
        size_t month = s->n;
        if (has_prev && is_month_at(s, prev))
            month = prev, span->first = prev;
        else if (f >= 2 && xc_qw_is(s, prev, ",") && is_month_at(s, prev - 1))
            month = prev - 1, span->first = prev - 1; /* "Oct, 3, 2019" */
        else if (is_month_at(s, e))
            month = e, span->next = e + 1;
        else if (xc_qw_is(s, e, "of") && is_month_at(s, e + 1))
            month = e + 1, span->next = e + 2;
        if (month < s->n) {
            size_t y = span->next;
            if (xc_qw_is(s, y, ",") && year_at(s, y + 1))
                span->next = y + 2;
            else if (year_at(s, y))
                span->next = y + 1;
            return XC_QK_DATE;
        }
    }
    if (num->shape == XC_NUM_PAIR && has_prev && is_month_at(s, prev) && !unit) {
        span->first = prev;
        return XC_QK_DATE; /* "October 3-6" */
    }
    if (plain_int(num) && num->int_digits == 4 && has_prev && is_month_at(s, prev) && !hedged) {
        span->first = prev;
        return XC_QK_DATE; /* "February 2022" */
    }
    if (num->ordinal)
        return XC_QK_ORDINAL;
    /* "in ’08": a year with its century cut */
    if (plain_int(num) && num->int_digits == 2 && has_prev && xc_qw_is(s, prev, "'") &&
        !(s->w[f].tflags & XC_TF_SPACE_BEFORE))
        return XC_QK_YEAR;
    /* "1." alone on its line: a list item's number */
    if (plain_int(num) && !hedged && !unit && f == 0 && e + 1 == s->n && xc_qw_is(s, e, "."))
        return XC_QK_ID;
    if (num->decade) {
        if (num->value < 100 && has_prev && xc_qw_in(s->w[prev].low, possessives))
            return XC_QK_AGE; /* "in their 40s" */
        return XC_QK_YEAR;
    }
    /* Times. */
    if (num->time_suffix || num->shape == XC_NUM_COLON)
        return XC_QK_TIME;
    if (!hedged || s->w[f].type == XC_TOK_NUMBER) {
        if (num->shape == XC_NUM_PLAIN && !unit && x < s->n && xc_qw_in(s->w[x].low, time_words) &&
            (num->value <= 24 || (num->int_digits == 4 && num->value <= 2359))) {
            span->next = x + 1;
            return XC_QK_TIME;
        }
    }
    if (plain_int(num) && num->int_digits == 4 && num->leading_zero && num->value <= 2359 &&
        (!unit || strcmp(num->unit, "h") == 0 || xc_qw_is(s, e, "hours")))
        return XC_QK_TIME; /* 0900, 0900h, 0900 hours */
    /* Ages. */
    if (unit && xc_qw_is(s, x, "old") && xc_qw_is(s, x - 1, "year")) {
        span->next = x + 1;
        return XC_QK_AGE; /* 15-year-old */
    }
    if (unit && xc_qw_is(s, x, "old") && xc_qw_is(s, x - 1, "years")) {
        span->next = x + 1;
        return XC_QK_AGE; /* 15 years old */
    }
    if (has_prev && !unit && (xc_qw_is(s, prev, "aged") || xc_qw_is(s, prev, "age") ||
                              (xc_qw_is(s, prev, "of") && f >= 2 && xc_qw_is(s, prev - 1, "age"))))
        return XC_QK_AGE;
    if (whole && !unit && !hedged && num->value >= 1 && num->value <= 120 && f >= 2 &&
        ((xc_qw_is(s, prev, ",") && (xc_qw_is(s, e, ",") || xc_qw_is(s, e, ")"))) ||
         (xc_qw_is(s, prev, "(") && xc_qw_is(s, e, ")"))) &&
        xc_qw_alpha(s, prev - 1) && !is_month_at(s, prev - 1) &&
        !xc_is_stopword("english", s->w[prev - 1].low, s->w[prev - 1].len) &&
        !(s->w[prev - 1].tflags & XC_TF_ALL_UPPER))
        return XC_QK_AGE; /* "Ilse Marrant, 54, said", "the mayor, 61, has" */
    /* Relative dates: "three years ago". */
    if (unit && xc_qw_is(s, x, "ago")) {
        span->next = x + 1;
        return XC_QK_DATE;
    }
    /* "10 and 30 years ago": the first figure shares the second's date */
    if (!unit && !hedged && (xc_qw_is(s, x, "and") || xc_qw_is(s, x, "or") || xc_qw_is(s, x, "to")) &&
        x + 3 < s->n && xc_qw_digit(s, x + 1) && xc_qw_is(s, x + 3, "ago"))
        return XC_QK_DATE;
    if (unit)
        return XC_QK_COUNT;
    /* Years. */
    if (plain_int(num) && num->int_digits == 4 && !hedged && !num->leading_zero) {
        if (num->value >= 1900 && num->value <= 2100)
            return XC_QK_YEAR;
        if (num->value >= 1000 && num->value < 1900 && has_prev &&
            xc_qw_in(s->w[prev].low, time_prepositions))
            return XC_QK_YEAR;
    }
    if (num->shape == XC_NUM_PAIR && num->value >= 1900 && num->value <= 2100 &&
        (num->second < 100 || (num->second >= 1900 && num->second <= 2100)))
        return XC_QK_YEAR; /* 2014-2022, 2022-23 */
    if (num->shape == XC_NUM_PAIR && !num->percent && (num->value >= num->second || xc_qc_sport_context(s)))
        return XC_QK_SCORE;
    if (num->shape == XC_NUM_MULTI) {
        bool phone;
        if (multi_is_date(s, f, &phone))
            return XC_QK_DATE;
        return phone ? XC_QK_PHONE : XC_QK_ID;
    }
    if (num->shape == XC_NUM_SLASH)
        return num->value >= 1 && num->value <= 31 && num->second >= 1 && num->second <= 31 ? XC_QK_DATE
                                                                                         : XC_QK_ID;
    /* Phone numbers: "+1 555 123 4567", "020 7946 0000". */
    if (s->w[f].type == XC_TOK_NUMBER && !hedged) {
        size_t run = digit_run(s, f);
        bool plus = has_prev && xc_qw_is(s, prev, "+") && !(s->w[f].tflags & XC_TF_SPACE_BEFORE);
        if (plus || (run >= 3 && num->leading_zero) || run >= 4) {
            if (plus)
                span->first = prev;
            span->next = f + (run ? run : 1);
            return XC_QK_PHONE;
        }
        if (plain_int(num) && num->int_digits >= 9)
            return num->leading_zero ? XC_QK_PHONE : XC_QK_ID;
    }
    /* Labels: "Article 5", "No. 10", "#2", "Boeing 737", "day 3",
     * "season four", "12 Mill Road". */
    if (has_prev && xc_qw_is(s, prev, "#") && !(s->w[f].tflags & XC_TF_SPACE_BEFORE))
        return XC_QK_ID;
    if (has_prev && !hedged && (num->flags & XC_QF_WORDS) && !(num->flags & XC_QF_VAGUE) &&
        xc_qw_in(s->w[prev].low, labels) && !plural_word(s, e))
        return XC_QK_ID;
    if (!hedged && !(num->flags & XC_QF_WORDS) && plain_int(num)) {
        for (size_t k = e; k < e + 3 && k < s->n && (s->w[k].tflags & XC_TF_UPPER_INITIAL); k++)
            if (xc_qw_in(s->w[k].low, street_words))
                return XC_QK_ID;
    }
    if (has_prev && !hedged && !(num->flags & XC_QF_WORDS)) {
        const char *p = s->w[prev].low;
        /* "Article 5 applies": a capitalised label names whatever follows */
        if (xc_qw_in(p, labels) && (!plural_word(s, e) || (s->w[prev].tflags & XC_TF_UPPER_INITIAL)))
            return XC_QK_ID;
        if (xc_qw_capitalised(s, prev) && xc_qw_alpha(s, prev) && !xc_qw_in(p, weekdays) &&
            !xc_qc_is_month(p) && !xc_is_stopword("english", p, s->w[prev].len) && !plural_word(s, e) &&
            !(s->w[prev].tflags & XC_TF_ALL_UPPER && s->w[prev].len > 4))
            return XC_QK_ID;
    }
    return XC_QK_COUNT;
}
