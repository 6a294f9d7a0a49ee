/* The temporal word scanner: letters, digits and punctuation apart, with
 * spacing, case, lexicon entries and sentence numbers. */
#include "scan.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/vec.h"

#define NUM_CAP 999999999

static bool is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* Length of a multi-byte punctuation or space character at p (0 if none),
 * with what it stands for in *as (' ' for a space). */
static size_t special(const unsigned char *p, const unsigned char *end, char *as)
{
    if (p + 1 < end && p[0] == 0xC2 && (p[1] == 0xA0 || p[1] == 0xAB || p[1] == 0xBB)) {
        *as = p[1] == 0xA0 ? ' ' : '"'; /* no-break space, guillemets */
        return 2;
    }
    if (p + 2 < end && p[0] == 0xE2 && p[1] == 0x80) {
        unsigned char c = p[2];
        if (c == 0x98 || c == 0x99) { *as = '\''; return 3; }
        if (c == 0x9C || c == 0x9D) { *as = '"'; return 3; }
        if (c >= 0x90 && c <= 0x95) { *as = '-'; return 3; }
        if (c == 0xA6) { *as = '.'; return 3; } /* … */
        if (c >= 0x80 && c <= 0x8B) { *as = ' '; return 3; } /* en/em/thin spaces */
        if (c == 0xAF) { *as = ' '; return 3; }
    }
    return 0;
}

/* A full stop after these does not end a sentence. */
static bool abbreviation(const char *w, size_t n, const xc_lex *lex)
{
    static const char *const list[] = {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "sen", "rep",
                                       "gov", "lt", "col", "sgt", "capt", "prof", "vs", "no", "co", "corp",
                                       "inc", "ltd", "mt", "ft", "rev", "hon", "pres", "adm", "maj", "cmdr"};
    if (n == 1)
        return true;
    if (lex && lex->abbr)
        return true;
    for (size_t i = 0; i < sizeof list / sizeof *list; i++)
        if (strlen(list[i]) == n && strncasecmp(list[i], w, n) == 0)
            return true;
    return false;
}

static void word_case(const char *text, xc_tw *t)
{
    size_t letters = 0, upper = 0;
    for (uint32_t i = t->start; i < t->end; i++) {
        unsigned char c = (unsigned char)text[i];
        if (is_alpha(c)) {
            letters++;
            upper += c >= 'A' && c <= 'Z';
        }
    }
    unsigned char first = (unsigned char)text[t->start];
    if (first >= 'A' && first <= 'Z')
        t->flags |= XC_TWF_CAP;
    if (letters >= 2 && upper == letters)
        t->flags |= XC_TWF_ALLCAP;
}

xc_status xc_temporal_scan(const char *text, size_t len, xc_tw_list *out)
{
    out->count = 0;
    out->sentences = 0;
    if (len > UINT32_MAX - 1)
        return XC_ERR_TOO_BIG;
    const unsigned char *s = (const unsigned char *)text, *end = s + len;
    const unsigned char *p = s;
    uint8_t pending = 0;  /* spacing flags for the next token */
    int newlines = 0;
    bool boundary = true; /* the next token starts a sentence */
    uint32_t sentence = 0;
    while (p < end) {
        char as = 0;
        size_t sp = 0;
        unsigned char c = *p;
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '\n') {
            pending |= XC_TWF_SPACE;
            if (c == '\n') {
                pending |= XC_TWF_NEWLINE;
                if (++newlines >= 2)
                    pending |= XC_TWF_PARA;
            }
            p++;
            continue;
        }
        if (c >= 0x80 && (sp = special(p, end, &as)) != 0 && as == ' ') {
            pending |= XC_TWF_SPACE;
            p += sp;
            continue;
        }
        xc_tw t = {0};
        t.start = (uint32_t)(p - s);
        if (is_digit(c)) {
            int64_t v = 0;
            while (p < end && is_digit(*p)) {
                v = v * 10 + (*p - '0');
                if (v > NUM_CAP)
                    v = NUM_CAP;
                if (t.digits < 255)
                    t.digits++;
                p++;
            }
            t.kind = XC_TW_NUM;
            t.num = (int32_t)v;
            /* 3rd, 21st, 1990s: the suffix belongs to the number. */
            const unsigned char *q = p;
            while (q < end && is_alpha(*q))
                q++;
            size_t n = (size_t)(q - p);
            if (n == 2 && (strncasecmp((const char *)p, "st", 2) == 0 || strncasecmp((const char *)p, "nd", 2) == 0 ||
                           strncasecmp((const char *)p, "rd", 2) == 0 || strncasecmp((const char *)p, "th", 2) == 0)) {
                t.suffix = 'o';
                p = q;
            } else if (n == 1 && (*p == 's' || *p == 'S')) {
                t.suffix = 's';
                p = q;
            }
        } else if (is_alpha(c) || (c >= 0x80 && sp == 0)) {
            while (p < end) {
                char dummy;
                if (is_alpha(*p))
                    p++;
                else if (*p >= 0x80 && special(p, end, &dummy) == 0)
                    p++;
                else
                    break;
            }
            t.kind = XC_TW_WORD;
        } else {
            t.kind = XC_TW_PUNCT;
            if (sp) {
                t.ch = as;
                p += sp;
            } else {
                t.ch = (c >= 0x21 && c < 0x7F) ? (char)c : '?';
                p++;
            }
        }
        t.end = (uint32_t)(p - s);
        if (t.kind == XC_TW_WORD) {
            word_case(text, &t);
            t.lex = xc_lex_lookup(text + t.start, t.end - t.start);
        }
        if (pending & XC_TWF_PARA)
            boundary = true;
        /* A sentence ends at . ! ? (and closing quotes or brackets after
         * them) followed by space and a capital, a digit or an opening quote. */
        if (!boundary && out->count > 0 && (pending & XC_TWF_SPACE) &&
            ((t.flags & XC_TWF_CAP) || t.kind == XC_TW_NUM || (t.kind == XC_TW_PUNCT && t.ch == '"'))) {
            size_t k = out->count, floor = out->count > 3 ? out->count - 3 : 0;
            while (k > floor && out->items[k - 1].kind == XC_TW_PUNCT &&
                   (out->items[k - 1].ch == '"' || out->items[k - 1].ch == '\'' || out->items[k - 1].ch == ')'))
                k--;
            if (k > floor && out->items[k - 1].kind == XC_TW_PUNCT) {
                char e = out->items[k - 1].ch;
                if (e == '!' || e == '?')
                    boundary = true;
                else if (e == '.') {
                    const xc_tw *prev = k >= 2 ? &out->items[k - 2] : NULL;
                    bool abbr = prev && prev->kind == XC_TW_WORD && !(out->items[k - 1].flags & XC_TWF_SPACE) &&
                                abbreviation(text + prev->start, prev->end - prev->start, prev->lex);
                    boundary = !abbr;
                }
            }
        }
        if (boundary && out->count > 0)
            sentence++;
        if (boundary)
            t.flags |= XC_TWF_SENT;
        boundary = false;
        t.flags |= pending;
        t.sentence = sentence;
        pending = 0;
        newlines = 0;
        if (!XC_VEC_PUSH(out, t))
            return XC_ERR_NOMEM;
    }
    out->sentences = out->count ? sentence + 1 : 0;
    return XC_OK;
}

void xc_tw_list_free(xc_tw_list *list)
{
    free(list->items);
    memset(list, 0, sizeof *list);
}
