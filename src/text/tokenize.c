/* The tokenizer: one left-to-right scan that cuts UTF-8 text into words,
 * numbers, abbreviations, URLs, e-mail addresses, clitics and punctuation,
 * each a byte span of the original text.
 *
 * Conventions follow the Penn Treebank closely enough that a tagger trained
 * on CoNLL-2003 sees familiar tokens: possessive and contracted clitics are
 * split off ("Zelenskyy" + "’s", "do" + "n't"), hyphenated words stay whole
 * ("US-Ukraine", "15-year-old"), as do numbers with their separators and
 * units ("1,234.5", "20%", "15km", "2025-03-11"). */
#include <string.h>
#include <utf8proc.h>

#include "abbrev.h"
#include "crosscheck.h"
#include "utf8.h"
#include "../util/vec.h"

typedef enum char_class {
    C_OTHER,
    C_SPACE,
    C_LETTER,
    C_DIGIT,
    C_MARK, /* combining mark: part of the word before it */
    C_PUNCT,
    C_SYMBOL
} char_class;

typedef struct scanner {
    const char *text;
    size_t len;
    size_t next_at; /* position of the next '@' at or after the scan, or len */
} scanner;

static char_class classify_ascii(int32_t cp);
static char_class classify_unicode(int32_t cp);

static char_class classify(int32_t cp)
{
    if (cp < 0x80)
        return classify_ascii(cp);
    return classify_unicode(cp);
}

static char_class classify_ascii(int32_t cp)
{
    {
        if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
            return C_LETTER;
        if (cp >= '0' && cp <= '9')
            return C_DIGIT;
        if (cp == ' ' || (cp >= '\t' && cp <= '\r'))
            return C_SPACE;
        if (cp < 0x20 || cp == 0x7f)
            return C_OTHER;
        switch (cp) {
        case '$': case '+': case '<': case '=': case '>': case '^': case '`': case '|': case '~':
            return C_SYMBOL;
        default:
            return C_PUNCT;
        }
    }
}

static char_class classify_unicode(int32_t cp)
{
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
        return C_LETTER;
    case UTF8PROC_CATEGORY_ND:
        return C_DIGIT;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        return C_MARK;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
        return C_SPACE;
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
        return C_PUNCT;
    case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SC: case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO:
        return C_SYMBOL;
    case UTF8PROC_CATEGORY_CF: /* soft hyphen, zero-width joiners: inside words */
        return C_MARK;
    default:
        return cp == 0x85 ? C_SPACE : C_OTHER;
    }
}

/* Code point at i (0 past the end) and its size. */
static int32_t at(const scanner *s, size_t i, size_t *size)
{
    if (i >= s->len) {
        *size = 0;
        return 0;
    }
    return xc_utf8_decode(s->text, s->len, i, size);
}

static int32_t peek(const scanner *s, size_t i)
{
    size_t size;
    return at(s, i, &size);
}

static char_class class_at(const scanner *s, size_t i)
{
    return i < s->len ? classify(peek(s, i)) : C_SPACE;
}

static bool is_word_char(char_class c) { return c == C_LETTER || c == C_DIGIT || c == C_MARK; }

static bool is_apostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x02BC; }

static bool is_hyphen(int32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

static bool ascii_alpha(int c) { return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }
static bool ascii_digit(int c) { return c >= '0' && c <= '9'; }
static bool ascii_alnum(int c) { return ascii_alpha(c) || ascii_digit(c); }

static bool starts_with_ci(const scanner *s, size_t i, const char *prefix)
{
    size_t n = strlen(prefix);
    if (i + n > s->len)
        return false;
    for (size_t k = 0; k < n; k++) {
        int c = (unsigned char)s->text[i + k];
        if ((c | 0x20) != prefix[k] && c != prefix[k])
            return false;
    }
    return true;
}

/* ---- URLs and e-mail addresses -------------------------------------- */

static size_t scan_url(const scanner *s, size_t i)
{
    /* Only h, f and w can start one: keep the common path to one test. */
    int first = (unsigned char)s->text[i] | 0x20;
    if (first != 'h' && first != 'f' && first != 'w')
        return 0;
    size_t body;
    if (starts_with_ci(s, i, "https://"))
        body = i + 8;
    else if (starts_with_ci(s, i, "http://"))
        body = i + 7;
    else if (starts_with_ci(s, i, "ftp://"))
        body = i + 6;
    else if (starts_with_ci(s, i, "www."))
        body = i + 4;
    else
        return 0;
    if (body >= s->len || !ascii_alnum((unsigned char)s->text[body]))
        return 0;
    size_t end = body;
    int parens = 0;
    while (end < s->len) {
        unsigned char c = (unsigned char)s->text[end];
        if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == '`' || c == '{' || c == '}' ||
            c == '|' || c == '\\' || c == '^')
            break;
        if (c >= 0x80) { /* curly quotes and other typography end a URL */
            int32_t cp = peek(s, end);
            char_class cc = classify(cp);
            if (cc != C_LETTER && cc != C_DIGIT && cc != C_MARK)
                break;
        }
        if (c == '(')
            parens++;
        else if (c == ')')
            parens--;
        end++;
    }
    /* Sentence punctuation after a URL is not part of it. */
    while (end > body) {
        unsigned char c = (unsigned char)s->text[end - 1];
        if (c == ')' && parens < 0) {
            parens++;
            end--;
        } else if (strchr(".,;:!?'\"]", c)) {
            end--;
        } else {
            break;
        }
    }
    return end > body ? end : 0;
}

static bool email_local_char(int c) { return ascii_alnum(c) || (c && strchr("._%+-", c)); }

/* Is there an '@' close enough ahead to make an e-mail address? Keeps the
 * e-mail scan off the common path: one memchr per '@' in the text. */
static bool at_sign_near(scanner *s, size_t i)
{
    if (s->next_at < i) { /* passed it: find the next one */
        const char *at_sign = memchr(s->text + i, '@', s->len - i);
        s->next_at = at_sign ? (size_t)(at_sign - s->text) : s->len;
    }
    return s->next_at < s->len && s->next_at - i <= 64;
}

static size_t scan_email(const scanner *s, size_t i)
{
    size_t at_sign = i;
    while (at_sign < s->len && email_local_char((unsigned char)s->text[at_sign]))
        at_sign++;
    if (at_sign == i || at_sign >= s->len || s->text[at_sign] != '@')
        return 0;
    size_t end = at_sign + 1;
    size_t last_dot = 0;
    while (end < s->len) {
        unsigned char c = (unsigned char)s->text[end];
        if (ascii_alnum(c) || c == '-')
            end++;
        else if (c == '.' && end + 1 < s->len && ascii_alnum((unsigned char)s->text[end + 1]))
            last_dot = end++;
        else
            break;
    }
    if (!last_dot || end - last_dot - 1 < 2)
        return 0;
    for (size_t k = last_dot + 1; k < end; k++)
        if (!ascii_alpha((unsigned char)s->text[k]))
            return 0;
    return end;
}

/* ---- Numbers -------------------------------------------------------- */

static size_t digits(const scanner *s, size_t i)
{
    while (i < s->len && ascii_digit((unsigned char)s->text[i]))
        i++;
    return i;
}

/* 91, 1,234.5, 0900, 9:30, 2025-03-11, 11/03/2025, 20%, 15km, 3rd, 1990s. */
static size_t scan_number(const scanner *s, size_t i, bool *hyphen)
{
    size_t end = digits(s, i);
    for (;;) {
        if (end + 1 >= s->len)
            break;
        char sep = s->text[end];
        size_t next = end + 1;
        if (!ascii_digit((unsigned char)s->text[next]))
            break;
        size_t after = digits(s, next);
        if (sep == ',' && after - next == 3)
            end = after; /* thousands: 1,234 — but "3,5" stops, like "1,2" */
        else if (sep == '.' || sep == ':' || sep == '/')
            end = after;
        else if (sep == '-') {
            end = after;
            *hyphen = true;
        } else
            break;
    }
    if (end < s->len && s->text[end] == '%')
        return end + 1;
    /* A unit or ordinal glued on: 15km, 3rd, 1990s, 5.5bn, 10am. */
    size_t unit = end;
    while (unit < s->len && ascii_alpha((unsigned char)s->text[unit]))
        unit++;
    if (unit > end && unit - end <= 4 && !is_word_char(class_at(s, unit)))
        end = unit;
    return end;
}

/* ---- Words and abbreviations ---------------------------------------- */

/* Every letter in [start, end) is a capital standing alone: "U.S". */
static bool single_capitals(const scanner *s, size_t start, size_t end)
{
    for (size_t k = start; k < end; k++) {
        char c = s->text[k];
        if (c == '.')
            continue;
        if (c < 'A' || c > 'Z' || (k + 1 < end && s->text[k + 1] != '.'))
            return false;
    }
    return true;
}

/* U.S., U.S.A., J.D., a.m., e.g., Ph.D.: letter groups each closed by a
 * full stop, at least two of them (the last stop may be missing: "U.S"). */
static size_t scan_dotted(const scanner *s, size_t i)
{
    size_t end = i, groups = 0;
    for (;;) {
        size_t k = end;
        while (k < s->len && ascii_alpha((unsigned char)s->text[k]) && k - end < 3)
            k++;
        if (k == end || (k < s->len && ascii_alpha((unsigned char)s->text[k])))
            break;
        if (k < s->len && s->text[k] == '.') {
            groups++;
            end = k + 1;
        } else {
            if (groups >= 1 && k - end == 1 && single_capitals(s, i, k) &&
                !is_word_char(class_at(s, k)))
                return k; /* "U.S" */
            break;
        }
    }
    if (groups < 2 || is_word_char(class_at(s, end)))
        return 0;
    return end;
}

/* Length of a clitic starting at an apostrophe at i ('s 'll 're ...), 0 if
 * none. A clitic must end the word. A left single quote counts here too:
 * outlets type "Zelensky‘s" often enough. */
static size_t clitic_at(const scanner *s, size_t i)
{
    size_t apos;
    int32_t cp = at(s, i, &apos);
    if (!is_apostrophe(cp) && cp != 0x2018)
        return 0;
    static const char *const forms[] = {"s", "d", "m", "ll", "re", "ve"};
    for (size_t f = 0; f < sizeof forms / sizeof *forms; f++) {
        size_t n = strlen(forms[f]);
        if (i + apos + n > s->len)
            continue;
        bool match = true;
        for (size_t k = 0; k < n && match; k++)
            match = ((unsigned char)s->text[i + apos + k] | 0x20) == forms[f][k];
        if (match && !is_word_char(class_at(s, i + apos + n)))
            return apos + n;
    }
    return 0;
}

/* Scan a word from i: word characters, joined by inner hyphens and by
 * apostrophes that do not start a clitic. Sets *hyphen when one was seen. */
static bool ascii_word_byte(unsigned char c)
{
    return (unsigned)((c | 0x20) - 'a') < 26u || (unsigned)(c - '0') < 10u || c == '_';
}

static size_t scan_word(const scanner *s, size_t i, bool *hyphen)
{
    size_t end = i;
    for (;;) {
        /* Most words are plain ASCII: take those bytes in one go. */
        while (end < s->len && ascii_word_byte((unsigned char)s->text[end]))
            end++;
        size_t size;
        int32_t cp = at(s, end, &size);
        if (size == 0)
            break;
        char_class c = classify(cp);
        if (is_word_char(c) || cp == '_') {
            end += size;
            continue;
        }
        if (cp == 0x2018)
            break; /* a clitic ("‘s") or an opening quote: never inside a word */
        /* A hyphen or apostrophe between word characters keeps the word. */
        if ((is_hyphen(cp) || is_apostrophe(cp)) && end > i) {
            size_t next_size;
            char_class next = classify(at(s, end + size, &next_size));
            if (next_size && (next == C_LETTER || next == C_DIGIT)) {
                if (is_apostrophe(cp) && clitic_at(s, end))
                    break; /* Zelenskyy’s: the clitic is its own token */
                if (is_hyphen(cp))
                    *hyphen = true;
                end += size;
                continue;
            }
        }
        break;
    }
    return end;
}

/* don't → do + n't: where "n't" starts inside word [start, end), or end. */
static size_t negation_split(const scanner *s, size_t start, size_t end)
{
    /* The word ends in "n" + apostrophe + "t": look for n’t at the end. */
    if (end - start < 4)
        return end;
    const char *t = s->text;
    if ((t[end - 1] | 0x20) != 't')
        return end;
    size_t apos_end = end - 1, apos_start;
    if (t[apos_end - 1] == '\'')
        apos_start = apos_end - 1;
    else if (apos_end >= 3 && (unsigned char)t[apos_end - 3] == 0xE2 &&
             (unsigned char)t[apos_end - 2] == 0x80 && (unsigned char)t[apos_end - 1] == 0x99)
        apos_start = apos_end - 3;
    else
        return end;
    if (apos_start <= start + 1 || (t[apos_start - 1] | 0x20) != 'n')
        return end;
    return apos_start - 1;
}

/* ---- Token assembly ------------------------------------------------- */

static uint8_t case_flags_unicode(const scanner *s, size_t start, size_t end);

static uint8_t case_flags(const scanner *s, size_t start, size_t end)
{
    const unsigned char *p = (const unsigned char *)s->text;
    bool ascii = true, any_letter = false, all_upper = true, first = true;
    uint8_t flags = 0;
    for (size_t i = start; i < end && ascii; i++) {
        unsigned char c = p[i];
        if (c >= 0x80)
            ascii = false;
        else if ((unsigned)(c - '0') < 10u)
            flags |= XC_TF_HAS_DIGIT;
        else if ((unsigned)((c | 0x20) - 'a') < 26u) {
            bool upper = c <= 'Z';
            if (first && upper)
                flags |= XC_TF_UPPER_INITIAL;
            first = false;
            any_letter = true;
            all_upper &= upper;
        }
    }
    if (ascii) {
        if (any_letter && all_upper)
            flags |= XC_TF_ALL_UPPER;
        return flags;
    }
    return case_flags_unicode(s, start, end);
}

static uint8_t case_flags_unicode(const scanner *s, size_t start, size_t end)
{
    bool first = true, any_letter = false, all_upper = true;
    uint8_t flags = 0;
    for (size_t i = start; i < end;) {
        size_t size;
        int32_t cp = at(s, i, &size);
        i += size;
        if (cp >= 0x80)
            flags |= XC_TF_NON_ASCII;
        if (cp >= '0' && cp <= '9')
            flags |= XC_TF_HAS_DIGIT;
        if (classify(cp) != C_LETTER)
            continue;
        utf8proc_category_t cat = cp < 0x80 ? (cp <= 'Z' ? UTF8PROC_CATEGORY_LU : UTF8PROC_CATEGORY_LL)
                                            : utf8proc_category(cp);
        bool upper = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
        if (first && upper)
            flags |= XC_TF_UPPER_INITIAL;
        first = false;
        any_letter = true;
        if (!upper && cat == UTF8PROC_CATEGORY_LL)
            all_upper = false;
    }
    if (any_letter && all_upper)
        flags |= XC_TF_ALL_UPPER;
    return flags;
}

static bool push_token(const scanner *s, xc_token_list *out, size_t start, size_t end,
                       xc_token_type type, uint8_t space_flags)
{
    xc_token t = {.start = (uint32_t)start, .end = (uint32_t)end, .type = (uint8_t)type};
    t.flags = space_flags;
    if (type != XC_TOK_PUNCT && type != XC_TOK_SYMBOL)
        t.flags |= case_flags(s, start, end);
    return XC_VEC_PUSH(out, t);
}

/* Next non-space position after i, for looking ahead from a word. */
static size_t skip_spaces(const scanner *s, size_t i)
{
    while (i < s->len) {
        size_t size;
        int32_t cp = at(s, i, &size);
        if (classify(cp) != C_SPACE)
            break;
        i += size;
    }
    return i;
}

/* A run of the same punctuation that reads as one mark: "..." "--" "?!" */
static size_t scan_punct_run(const scanner *s, size_t i, int32_t cp, size_t size)
{
    if (cp == '.' || cp == '-') {
        size_t end = i;
        while (end < s->len && s->text[end] == (char)cp)
            end++;
        if (end - i >= 2)
            return end;
    }
    return i + size;
}

/* Is the word [start, end), followed by a full stop, an abbreviation that
 * keeps the stop? Known abbreviations, and single capitals (initials). */
static bool is_abbreviation(const scanner *s, size_t start, size_t end)
{
    xc_abbrev_kind kind = xc_abbrev_lookup(s->text + start, end - start);
    if (kind == XC_ABBREV_NUMBERED) { /* No. 5, but "said no." */
        size_t next = skip_spaces(s, end + 1);
        return next < s->len && ascii_digit((unsigned char)s->text[next]);
    }
    if (kind != XC_ABBREV_NONE)
        return true;
    return end - start == 1 && s->text[start] >= 'A' && s->text[start] <= 'Z';
}

xc_status xc_tokenize(const char *text, size_t len, xc_token_list *out)
{
    if (len >= UINT32_MAX)
        return XC_ERR_TOO_BIG;
    const char *first_at = memchr(text, '@', len);
    scanner sc = {text, len, first_at ? (size_t)(first_at - text) : len}, *s = &sc;
    size_t i = 0;
    int newlines = 0;
    bool space = false;
    while (i < len) {
        size_t size;
        int32_t cp = at(s, i, &size);
        char_class c = classify(cp);
        if (c == C_SPACE || c == C_OTHER) {
            if (cp == '\n')
                newlines++;
            space = true;
            i += size;
            continue;
        }
        uint8_t flags = (space ? XC_TF_SPACE_BEFORE : 0) | (newlines ? XC_TF_NEWLINE_BEFORE : 0) |
                        (newlines >= 2 ? XC_TF_PARAGRAPH_BEFORE : 0);
        space = false;
        newlines = 0;
        size_t end;
        bool hyphen = false;
        bool ok = true;

        if ((end = scan_url(s, i)) != 0) {
            ok = push_token(s, out, i, end, XC_TOK_URL, flags);
        } else if (cp < 0x80 && email_local_char((int)cp) && at_sign_near(s, i) &&
                   (end = scan_email(s, i)) != 0) {
            ok = push_token(s, out, i, end, XC_TOK_EMAIL, flags);
        } else if ((cp == '#' || cp == '@') && i + 1 < len &&
                   (classify(peek(s, i + 1)) == C_LETTER || (cp == '@' && s->text[i + 1] == '_'))) {
            end = scan_word(s, i + 1, &hyphen);
            ok = push_token(s, out, i, end, cp == '#' ? XC_TOK_HASHTAG : XC_TOK_MENTION, flags);
        } else if (c == C_DIGIT && cp < 0x80) {
            end = scan_number(s, i, &hyphen);
            xc_token_type type = XC_TOK_NUMBER;
            /* 15-year-old, 3-D: a number that goes on as a hyphenated word. */
            if (end < len && is_hyphen(peek(s, end)) && classify(peek(s, end + 1)) == C_LETTER) {
                end = scan_word(s, i, &hyphen);
                type = XC_TOK_WORD;
            } else if (is_word_char(class_at(s, end))) {
                end = scan_word(s, i, &hyphen); /* 4G, 737MAX: a word with digits */
                type = XC_TOK_WORD;
            }
            ok = push_token(s, out, i, end, type, flags | (hyphen ? XC_TF_HYPHEN : 0));
        } else if (c == C_LETTER || c == C_DIGIT) {
            if (cp < 0x80 && (end = scan_dotted(s, i)) != 0) {
                ok = push_token(s, out, i, end, XC_TOK_ABBREV, flags);
            } else {
                end = scan_word(s, i, &hyphen);
                size_t word_end = negation_split(s, i, end); /* do|n't */
                xc_token_type type = XC_TOK_WORD;
                if (word_end == end && end < len && s->text[end] == '.' &&
                    is_abbreviation(s, i, end)) {
                    word_end = ++end; /* the full stop belongs to "Mr." */
                    type = XC_TOK_ABBREV;
                }
                ok = push_token(s, out, i, word_end, type, flags | (hyphen ? XC_TF_HYPHEN : 0));
                if (ok && word_end < end) /* the n't of don't */
                    ok = push_token(s, out, word_end, end, XC_TOK_CLITIC, 0);
                size_t clitic = ok ? clitic_at(s, end) : 0;
                if (clitic) {
                    ok = push_token(s, out, end, end + clitic, XC_TOK_CLITIC, 0);
                    end += clitic;
                }
            }
        } else if (c == C_PUNCT) {
            end = scan_punct_run(s, i, cp, size);
            ok = push_token(s, out, i, end, XC_TOK_PUNCT, flags);
        } else { /* symbols, and marks with nothing to attach to */
            end = i + size;
            ok = push_token(s, out, i, end, XC_TOK_SYMBOL, flags);
        }
        if (!ok)
            return XC_ERR_NOMEM;
        i = end;
    }
    return XC_OK;
}

void xc_token_list_free(xc_token_list *list)
{
    free(list->items);
    *list = (xc_token_list){0};
}

size_t xc_token_fold(const char *text, const xc_token *token, char *out, size_t cap)
{
    const char *p = text + token->start;
    size_t n = token->end - token->start;
    if (!(token->flags & XC_TF_NON_ASCII) || token->type == XC_TOK_PUNCT ||
        token->type == XC_TOK_SYMBOL) {
        bool ascii = true;
        for (size_t i = 0; i < n && ascii; i++)
            ascii = (unsigned char)p[i] < 0x80;
        if (ascii) {
            for (size_t i = 0; i < n && i + 1 < cap; i++)
                out[i] = (p[i] >= 'A' && p[i] <= 'Z') ? (char)(p[i] + 32) : p[i];
            if (cap)
                out[n < cap ? n : cap - 1] = '\0';
            return n;
        }
    }
    size_t folded_len = 0;
    char *folded = xc_normalize(p, n, XC_NORM_FOLD, &folded_len, NULL);
    if (!folded) {
        if (cap)
            out[0] = '\0';
        return 0;
    }
    if (cap) {
        size_t k = folded_len < cap ? folded_len : cap - 1;
        memcpy(out, folded, k);
        out[k] = '\0';
    }
    free(folded);
    return folded_len;
}
