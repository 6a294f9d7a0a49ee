#include <stdlib.h>
#include <string.h>

#include "quote/marks.h"
#include "util/vec.h"

/* The marks the scanner knows, by code point. */
enum {
    M_NONE,
    M_ASCII,       /* "          */
    M_APOS,        /* '          */
    M_TWO_APOS,    /* ''         */
    M_BACKTICKS,   /* ``         */
    M_LDQ,         /* “ U+201C   */
    M_RDQ,         /* ” U+201D   */
    M_LOW_DQ,      /* „ U+201E   */
    M_REV_DQ,      /* ‟ U+201F   */
    M_LSQ,         /* ‘ U+2018   */
    M_RSQ,         /* ’ U+2019   */
    M_LOW_SQ,      /* ‚ U+201A   */
    M_REV_SQ,      /* ‛ U+201B   */
    M_LGUIL,       /* « U+00AB   */
    M_RGUIL,       /* » U+00BB   */
    M_LSGUIL,      /* ‹ U+2039   */
    M_RSGUIL,      /* › U+203A   */
    M_CJK_OPEN,    /* 「 『      */
    M_CJK_CLOSE    /* 」 』      */
};

/* Which mark starts at text[i]; its length in *n. */
static int mark_kind(const char *text, size_t len, size_t i, size_t *n)
{
    const unsigned char *p = (const unsigned char *)text + i;
    size_t left = len - i;
    *n = 1;
    switch (p[0]) {
    case '"':
        return M_ASCII;
    case '\'':
        if (left >= 2 && p[1] == '\'') {
            *n = 2;
            return M_TWO_APOS;
        }
        return M_APOS;
    case '`':
        if (left >= 2 && p[1] == '`') {
            *n = 2;
            return M_BACKTICKS;
        }
        return M_NONE;
    case 0xC2:
        *n = 2;
        if (left >= 2 && p[1] == 0xAB)
            return M_LGUIL;
        if (left >= 2 && p[1] == 0xBB)
            return M_RGUIL;
        return M_NONE;
    case 0xE2:
        *n = 3;
        if (left < 3 || p[1] != 0x80)
            return M_NONE;
        switch (p[2]) {
        case 0x98: return M_LSQ;
        case 0x99: return M_RSQ;
        case 0x9A: return M_LOW_SQ;
        case 0x9B: return M_REV_SQ;
        case 0x9C: return M_LDQ;
        case 0x9D: return M_RDQ;
        case 0x9E: return M_LOW_DQ;
        case 0x9F: return M_REV_DQ;
        case 0xB9: return M_LSGUIL;
        case 0xBA: return M_RSGUIL;
        }
        return M_NONE;
    case 0xE3:
        *n = 3;
        if (left >= 3 && p[1] == 0x80 && (p[2] == 0x8C || p[2] == 0x8E))
            return M_CJK_OPEN;
        if (left >= 3 && p[1] == 0x80 && (p[2] == 0x8D || p[2] == 0x8F))
            return M_CJK_CLOSE;
        return M_NONE;
    }
    return M_NONE;
}

size_t xc_quote_mark_at(const char *text, size_t len, size_t i)
{
    size_t n;
    if (i >= len)
        return 0;
    int k = mark_kind(text, len, i, &n);
    return k == M_NONE || k == M_APOS || k == M_RSQ ? 0 : n; /* a lone ' or ’ is mostly an apostrophe */
}

/* What stands next to a mark decides whether it opens or closes. */
enum { C_SPACE, C_OPENER, C_ALNUM, C_DIGIT, C_PUNCT, C_QUOTE };

static uint32_t decode(const unsigned char *p, size_t left, size_t *n)
{
    *n = 1;
    if (p[0] < 0x80)
        return p[0];
    if ((p[0] & 0xE0) == 0xC0 && left >= 2) {
        *n = 2;
        return ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    }
    if ((p[0] & 0xF0) == 0xE0 && left >= 3) {
        *n = 3;
        return ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    }
    if ((p[0] & 0xF8) == 0xF0 && left >= 4) {
        *n = 4;
        return 0x10000; /* any letter-like code point */
    }
    return 0xFFFD;
}

static int class_of(uint32_t c)
{
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
        (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x3000)
        return C_SPACE;
    if (c == '(' || c == '[' || c == '{' || c == '-' || c == '/' || c == 0x2013 || c == 0x2014 || c == '<')
        return C_OPENER;
    if (c >= '0' && c <= '9')
        return C_DIGIT;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return C_ALNUM;
    if (c == '"' || c == '\'' || c == '`' || c == 0xAB || c == 0xBB || (c >= 0x2018 && c <= 0x201F) ||
        c == 0x2039 || c == 0x203A || (c >= 0x300C && c <= 0x300F))
        return C_QUOTE;
    if (c < 0x80 || (c >= 0x2010 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) || c == 0xFFFD ||
        (c >= 0xA1 && c <= 0xBF) || c == 0xD7 || c == 0xF7)
        return C_PUNCT;
    return C_ALNUM;
}

static int class_before(const char *text, size_t i)
{
    if (i == 0)
        return C_SPACE;
    size_t s = i - 1;
    while (s > 0 && i - s < 4 && ((unsigned char)text[s] & 0xC0) == 0x80)
        s--;
    size_t n;
    return class_of(decode((const unsigned char *)text + s, i - s, &n));
}

static int class_after(const char *text, size_t len, size_t i)
{
    if (i >= len)
        return C_SPACE;
    size_t n;
    return class_of(decode((const unsigned char *)text + i, len - i, &n));
}

static bool is_letter_class(int c) { return c == C_ALNUM || c == C_DIGIT; }

/* 'tis, 'em, 'til, 'cause, rock 'n' roll, '90s: an apostrophe, not a mark. */
static bool elision_after(const char *text, size_t len, size_t i)
{
    static const char *const words[] = {"tis", "twas", "em", "til", "cause", "n", "bout", "round"};
    if (i + 1 < len && text[i] >= '0' && text[i] <= '9' && text[i + 1] >= '0' && text[i + 1] <= '9')
        return true;
    size_t e = i;
    while (e < len && e - i < 8 && ((text[e] | 0x20) >= 'a' && (text[e] | 0x20) <= 'z'))
        e++;
    if (e < len && ((text[e] | 0x20) >= 'a' && (text[e] | 0x20) <= 'z'))
        return false;
    for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
        size_t n = strlen(words[k]);
        if (n == e - i) {
            bool same = true;
            for (size_t c = 0; c < n && same; c++)
                same = (text[i + c] | 0x20) == words[k][c];
            if (same)
                return true;
        }
    }
    return false;
}

bool xc_text_looks_wrapped(const char *text, size_t len)
{
    /* lines of one paragraph that run on mid-sentence, as in sentence.c */
    size_t pairs = 0, run_on = 0, line_start = 0;
    while (line_start < len) {
        const char *nl = memchr(text + line_start, '\n', len - line_start);
        if (!nl)
            break;
        size_t line_end = (size_t)(nl - text), e = line_end, ns = line_end + 1;
        while (e > line_start && (text[e - 1] == ' ' || text[e - 1] == '\r' || text[e - 1] == '\t'))
            e--;
        while (ns < len && (text[ns] == ' ' || text[ns] == '\t'))
            ns++;
        bool next_blank = ns >= len || text[ns] == '\n' || text[ns] == '\r';
        if (e > line_start && !next_blank) {
            pairs++;
            char last = text[e - 1];
            bool closed = strchr(".!?:;\"')", last) != NULL ||
                          (e - line_start >= 3 && (unsigned char)text[e - 3] == 0xE2);
            bool lower_next = text[ns] >= 'a' && text[ns] <= 'z';
            if (!closed && (lower_next || e - line_start >= 40))
                run_on++;
        }
        line_start = line_end + 1;
    }
    return pairs >= 3 && run_on * 2 >= pairs;
}

#define MAX_DEPTH 16

typedef struct open_quote {
    uint32_t open, content;
    uint8_t style;
} open_quote;

typedef struct scanner {
    const char *text;
    size_t len;
    bool wrapped;
    open_quote stack[MAX_DEPTH];
    size_t depth;
    xc_qspan_list *out;
    bool failed;
} scanner;

static bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

static void emit(scanner *s, size_t level, uint32_t content, uint32_t end, uint32_t close, uint8_t flags)
{
    const open_quote *q = &s->stack[level];
    uint32_t a = content, b = end;
    while (a < b && is_space_byte(s->text[a]))
        a++;
    while (b > a && is_space_byte(s->text[b - 1]))
        b--;
    if (a >= b)
        return;
    xc_qspan span = {q->open, close, a, b, (uint16_t)level, q->style, flags};
    if (!XC_VEC_PUSH(s->out, span))
        s->failed = true;
}

static void push(scanner *s, uint8_t style, size_t at, size_t n)
{
    if (s->depth < MAX_DEPTH)
        s->stack[s->depth++] = (open_quote){(uint32_t)at, (uint32_t)(at + n), style};
}

/* The innermost open quote whose style `accepts` (a bit set) takes the
 * closing mark; quotes opened inside it and left open are dropped. */
static bool close_quote(scanner *s, unsigned accepts, size_t at, size_t n)
{
    for (size_t k = s->depth; k-- > 0;) {
        if (accepts & (1u << s->stack[k].style)) {
            emit(s, k, s->stack[k].content, (uint32_t)at, (uint32_t)(at + n), 0);
            s->depth = k;
            return true;
        }
    }
    return false;
}

/* Is a quote of style `style` open, above the innermost double-level one
 * (for single marks, which only close inside the current quote)? */
static bool open_within(const scanner *s, uint8_t style)
{
    for (size_t k = s->depth; k-- > 0;) {
        if (s->stack[k].style == style)
            return true;
        if (!xc_mark_style_single((xc_mark_style)s->stack[k].style))
            return false;
    }
    return false;
}

static bool open_anywhere(const scanner *s, uint8_t style)
{
    for (size_t k = 0; k < s->depth; k++)
        if (s->stack[k].style == style)
            return true;
    return false;
}

static uint8_t top_style(const scanner *s) { return s->depth ? s->stack[s->depth - 1].style : 0xFF; }

#define BIT(x) (1u << (x))
#define DOUBLE_STYLES                                                                                       \
    (BIT(XC_MARK_CURLY) | BIT(XC_MARK_LOW) | BIT(XC_MARK_ASCII) | BIT(XC_MARK_TWO_APOS) | BIT(XC_MARK_GUILLEMET))

/* Is the innermost open quote a double-mark one? */
static bool double_at_top(const scanner *s)
{
    return s->depth && (DOUBLE_STYLES & BIT(s->stack[s->depth - 1].style));
}

/* Decides what the mark at `i` does. */
static void mark(scanner *s, int kind, size_t i, size_t n)
{
    int before = class_before(s->text, i), after = class_after(s->text, s->len, i + n);
    bool left = (before == C_SPACE || before == C_OPENER || before == C_QUOTE) && after != C_SPACE;
    bool right = before != C_SPACE && before != C_OPENER && (after == C_SPACE || after == C_PUNCT || after == C_QUOTE);
    switch (kind) {
    case M_ASCII:
    case M_TWO_APOS: {
        uint8_t style = kind == M_ASCII ? XC_MARK_ASCII : XC_MARK_TWO_APOS;
        bool open = open_anywhere(s, style);
        if (left && !right)
            push(s, style, i, n);
        else if ((right && !left) || open) {
            if (open)
                close_quote(s, BIT(style), i, n);
            else if (right && double_at_top(s))
                close_quote(s, DOUBLE_STYLES, i, n); /* “…" typed with two keyboards */
        } else if (after != C_SPACE)
            push(s, style, i, n);
        break;
    }
    case M_BACKTICKS:
        if (after != C_SPACE)
            push(s, XC_MARK_TWO_APOS, i, n);
        break;
    case M_LDQ:
        if (top_style(s) == XC_MARK_LOW)
            close_quote(s, BIT(XC_MARK_LOW), i, n);
        else if (top_style(s) == XC_MARK_CURLY && right && !left)
            close_quote(s, BIT(XC_MARK_CURLY), i, n); /* “…“ typed with one key */
        else
            push(s, XC_MARK_CURLY, i, n);
        break;
    case M_RDQ:
        if (left && !right && !open_anywhere(s, XC_MARK_CURLY) && !open_anywhere(s, XC_MARK_LOW))
            push(s, XC_MARK_CURLY, i, n); /* ”…” (Swedish, Finnish) */
        else if (!close_quote(s, BIT(XC_MARK_CURLY) | BIT(XC_MARK_LOW), i, n) && !left && double_at_top(s))
            close_quote(s, DOUBLE_STYLES, i, n); /* "…” */
        break;
    case M_LOW_DQ:
        push(s, XC_MARK_LOW, i, n);
        break;
    case M_REV_DQ:
        push(s, XC_MARK_CURLY, i, n);
        break;
    case M_LSQ:
    case M_REV_SQ:
        if (open_within(s, XC_MARK_SINGLE_LOW) && right)
            close_quote(s, BIT(XC_MARK_SINGLE_LOW), i, n); /* ‚…‘ */
        else if (is_letter_class(before) || after == C_DIGIT)
            break; /* don‘t, ‘90s: a mistyped apostrophe */
        else if (after != C_SPACE)
            push(s, XC_MARK_SINGLE_CURLY, i, n);
        break;
    case M_RSQ:
        if (is_letter_class(before) && is_letter_class(after))
            break; /* don’t, O’Brien */
        if (before == C_SPACE || before == C_OPENER)
            break; /* ’90s, ’em */
        if (open_within(s, XC_MARK_SINGLE_CURLY) || open_within(s, XC_MARK_SINGLE_LOW))
            close_quote(s, BIT(XC_MARK_SINGLE_CURLY) | BIT(XC_MARK_SINGLE_LOW), i, n);
        else if (top_style(s) == XC_MARK_CURLY && after == C_SPACE && i > 0 && strchr(".?!", s->text[i - 1]))
            close_quote(s, BIT(XC_MARK_CURLY), i, n); /* “Let’s go.’ — the wrong key */
        break; /* else voters’, Jesus’: a possessive */
    case M_LOW_SQ:
        if ((before == C_SPACE || before == C_OPENER || before == C_QUOTE) && after != C_SPACE)
            push(s, XC_MARK_SINGLE_LOW, i, n);
        break;
    case M_APOS:
        if (is_letter_class(before) && is_letter_class(after))
            break;
        if (left && !right) {
            if (!elision_after(s->text, s->len, i + n))
                push(s, XC_MARK_SINGLE_ASCII, i, n);
        } else if (before != C_SPACE && open_within(s, XC_MARK_SINGLE_ASCII)) {
            close_quote(s, BIT(XC_MARK_SINGLE_ASCII), i, n);
        }
        break;
    case M_LGUIL:
        if (top_style(s) == XC_MARK_GUILLEMET_REV)
            close_quote(s, BIT(XC_MARK_GUILLEMET_REV), i, n);
        else
            push(s, XC_MARK_GUILLEMET, i, n);
        break;
    case M_RGUIL:
        if (open_anywhere(s, XC_MARK_GUILLEMET))
            close_quote(s, BIT(XC_MARK_GUILLEMET), i, n);
        else if (left && !right)
            push(s, XC_MARK_GUILLEMET_REV, i, n);
        break;
    case M_LSGUIL:
    case M_RSGUIL:
        if (open_within(s, XC_MARK_SINGLE_GUIL))
            close_quote(s, BIT(XC_MARK_SINGLE_GUIL), i, n);
        else if (left)
            push(s, XC_MARK_SINGLE_GUIL, i, n);
        break;
    case M_CJK_OPEN:
        push(s, XC_MARK_CJK, i, n);
        break;
    case M_CJK_CLOSE:
        close_quote(s, BIT(XC_MARK_CJK), i, n);
        break;
    }
}

/* Does the mark at `j` reopen a quote of `style` (a paragraph of a quote
 * over several paragraphs)? */
static bool reopens(const scanner *s, uint8_t style, size_t j, size_t *n)
{
    if (j >= s->len)
        return false;
    int kind = mark_kind(s->text, s->len, j, n);
    if (class_after(s->text, s->len, j + *n) == C_SPACE)
        return false;
    switch (style) {
    case XC_MARK_CURLY: return kind == M_LDQ;
    case XC_MARK_LOW: return kind == M_LOW_DQ;
    case XC_MARK_ASCII: return kind == M_ASCII;
    case XC_MARK_TWO_APOS: return kind == M_TWO_APOS || kind == M_BACKTICKS;
    case XC_MARK_GUILLEMET: return kind == M_LGUIL || kind == M_RGUIL;
    case XC_MARK_SINGLE_CURLY: return kind == M_LSQ;
    case XC_MARK_SINGLE_ASCII: return kind == M_APOS;
    }
    return false;
}

/* A line break inside a quote: the quote goes on into a reopened
 * paragraph, carries on over a wrapped line, or was left open. Returns
 * where scanning resumes. */
static size_t line_break(scanner *s, size_t i)
{
    size_t line_end = i, j = i + 1;
    bool blank = false;
    for (;;) {
        while (j < s->len && (s->text[j] == ' ' || s->text[j] == '\t' || s->text[j] == '\r'))
            j++;
        if (j < s->len && s->text[j] == '\n') {
            blank = true;
            j++;
            continue;
        }
        break;
    }
    open_quote *bottom = &s->stack[0];
    size_t n;
    if (reopens(s, bottom->style, j, &n)) {
        emit(s, 0, bottom->content, (uint32_t)line_end, (uint32_t)line_end, XC_QSPAN_CONTINUES);
        s->depth = 1;
        bottom->open = (uint32_t)j;
        bottom->content = (uint32_t)(j + n);
        return j + n;
    }
    if (blank || !s->wrapped || j >= s->len) {
        /* left open: closed at the paragraph end (single marks are too
         * often apostrophes to keep) */
        if (!xc_mark_style_single((xc_mark_style)bottom->style))
            emit(s, 0, bottom->content, (uint32_t)line_end, (uint32_t)line_end, XC_QSPAN_UNTERMINATED);
        s->depth = 0;
    }
    return i + 1;
}

static int by_open(const void *a, const void *b)
{
    const xc_qspan *x = a, *y = b;
    if (x->open != y->open)
        return x->open < y->open ? -1 : 1;
    return x->depth < y->depth ? -1 : x->depth > y->depth;
}

xc_status xc_quote_marks_scan(const char *text, size_t len, xc_qspan_list *out)
{
    out->count = 0;
    if (len >= UINT32_MAX)
        return XC_ERR_TOO_BIG;
    scanner s = {.text = text, .len = len, .wrapped = xc_text_looks_wrapped(text, len), .out = out};
    size_t i = 0;
    while (i < len && !s.failed) {
        unsigned char b = (unsigned char)text[i];
        if (b == '\n') {
            i = s.depth ? line_break(&s, i) : i + 1;
            continue;
        }
        if (b != '"' && b != '\'' && b != '`' && b != 0xC2 && b != 0xE2 && b != 0xE3) {
            i++;
            continue;
        }
        size_t n;
        int kind = mark_kind(text, len, i, &n);
        if (kind == M_NONE) {
            i++;
            continue;
        }
        if (kind == M_TWO_APOS && i + 2 < len && text[i + 2] == '\'' && open_within(&s, XC_MARK_SINGLE_ASCII)) {
            /* three apostrophes close an inner '...' and then the ''...'' */
            kind = M_APOS;
            n = 1;
        }
        mark(&s, kind, i, n);
        i += n;
    }
    if (!s.failed && s.depth && !xc_mark_style_single((xc_mark_style)s.stack[0].style)) {
        size_t end = len;
        emit(&s, 0, s.stack[0].content, (uint32_t)end, (uint32_t)end, XC_QSPAN_UNTERMINATED);
    }
    if (s.failed)
        return XC_ERR_NOMEM;
    if (out->count > 1)
        qsort(out->items, out->count, sizeof *out->items, by_open);
    return XC_OK;
}

void xc_qspan_list_free(xc_qspan_list *list)
{
    free(list->items);
    *list = (xc_qspan_list){0};
}
