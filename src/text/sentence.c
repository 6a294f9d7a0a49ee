/* The sentence splitter: decides, token by token, where one sentence ends.
 *
 * A full stop, question or exclamation mark ends a sentence when what follows
 * looks like the start of one (a capital, a digit, an opening quote). Closing
 * quotes and brackets right after the mark stay with the sentence they close.
 * An abbreviation's stop ends a sentence only when the next word is a
 * capitalised function word ("...in the U.S. The talks"), never after a
 * title ("Mr.", "Dr.") or an initial ("J.D. Vance"). Line breaks end a
 * sentence too (headings, one-paragraph-a-line text) unless the text is
 * hard-wrapped or the next line carries on in lower case. */
#include <string.h>
#include <utf8proc.h>

#include "abbrev.h"
#include "crosscheck.h"
#include "utf8.h"
#include "../util/vec.h"

/* Past this many tokens a "sentence" is a list, a table or garbage: cut it
 * so that later stages stay bounded. */
#define MAX_SENTENCE_TOKENS 1000

typedef struct splitter {
    const char *text;
    size_t len;
    const xc_token *tokens;
    size_t count;
    bool wrapped;
} splitter;

static int32_t first_cp(const splitter *s, const xc_token *t)
{
    size_t size;
    return xc_utf8_decode(s->text, s->len, t->start, &size);
}

static bool token_is(const splitter *s, const xc_token *t, const char *str)
{
    size_t n = strlen(str);
    return t->end - t->start == n && memcmp(s->text + t->start, str, n) == 0;
}

/* ".", "!", "?", "...", "…", "!!": a mark that can end a sentence. */
static bool is_terminal(const splitter *s, const xc_token *t)
{
    if (t->type != XC_TOK_PUNCT)
        return false;
    if (token_is(s, t, "\xE2\x80\xA6")) /* … */
        return true;
    for (uint32_t i = t->start; i < t->end; i++) {
        char c = s->text[i];
        if (c != '.' && c != '!' && c != '?')
            return false;
    }
    return true;
}

static bool is_closing(const splitter *s, const xc_token *t)
{
    if (t->type != XC_TOK_PUNCT)
        return false;
    static const char *const closers[] = {
        "\"", "'", ")", "]", "}", "\xE2\x80\x9D" /* ” */, "\xE2\x80\x99" /* ’ */,
        "\xC2\xBB" /* » */, "\xE2\x80\xBA" /* › */, "\xE2\x80\x9C" /* “ (German closing) */};
    for (size_t i = 0; i < sizeof closers / sizeof *closers; i++)
        if (token_is(s, t, closers[i]))
            return true;
    return false;
}

static bool is_opening(const splitter *s, const xc_token *t)
{
    if (t->type != XC_TOK_PUNCT)
        return false;
    static const char *const openers[] = {
        "\"", "'", "(", "[", "{", "\xE2\x80\x9C" /* “ */, "\xE2\x80\x98" /* ‘ */,
        "\xC2\xAB" /* « */, "\xE2\x80\x9E" /* „ */, "\xE2\x80\xB9" /* ‹ */};
    for (size_t i = 0; i < sizeof openers / sizeof *openers; i++)
        if (token_is(s, t, openers[i]))
            return true;
    return false;
}

static bool starts_lower(const splitter *s, const xc_token *t)
{
    int32_t cp = first_cp(s, t);
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

/* "The", "He", "But", "In": capitalised function words that start
 * sentences far more often than they follow an abbreviation. */
static bool is_sentence_starter(const splitter *s, const xc_token *t)
{
    if (t->type != XC_TOK_WORD || !(t->flags & XC_TF_UPPER_INITIAL))
        return false;
    char folded[32];
    size_t n = xc_token_fold(s->text, t, folded, sizeof folded);
    return n < sizeof folded && xc_is_stopword("english", folded, n);
}

static xc_abbrev_kind abbrev_kind(const splitter *s, const xc_token *t)
{
    size_t n = t->end - t->start;
    const char *p = s->text + t->start;
    if (n == 2 && p[0] >= 'A' && p[0] <= 'Z')
        return XC_ABBREV_TITLE; /* an initial: "J." */
    if (memchr(p, '.', n - 1))
        return XC_ABBREV_GENERAL; /* dotted: U.S., a.m., J.D. */
    return xc_abbrev_lookup(p, n - 1);
}

/* Does a sentence end after an abbreviation followed by `next`? */
static bool abbreviation_ends_sentence(const splitter *s, const xc_token *abbrev,
                                       const xc_token *next)
{
    if (abbrev_kind(s, abbrev) == XC_ABBREV_TITLE)
        return false;
    if (is_opening(s, next) && !token_is(s, next, "("))
        return true;
    return is_sentence_starter(s, next);
}

/* Does a sentence end after a terminal mark followed by `next`? */
static bool mark_ends_sentence(const splitter *s, const xc_token *next)
{
    if (starts_lower(s, next))
        return false; /* “Stop!” he said. */
    if (next->type == XC_TOK_PUNCT)
        return is_opening(s, next);
    return true;
}

/* Hard-wrapped text (lines cut at ~72 columns) breaks lines mid-sentence;
 * one-paragraph-a-line text does not. Look at every line followed by
 * another line of the same paragraph and see how often it runs on. */
static bool looks_wrapped(const char *text, size_t len)
{
    size_t pairs = 0, run_on = 0;
    size_t line_start = 0;
    while (line_start < len) {
        const char *nl = memchr(text + line_start, '\n', len - line_start);
        if (!nl)
            break;
        size_t line_end = (size_t)(nl - text);
        size_t next_start = line_end + 1;
        /* trim the line's right edge */
        size_t e = line_end;
        while (e > line_start && (text[e - 1] == ' ' || text[e - 1] == '\r' || text[e - 1] == '\t'))
            e--;
        size_t ns = next_start;
        while (ns < len && (text[ns] == ' ' || text[ns] == '\t'))
            ns++;
        bool next_blank = ns >= len || text[ns] == '\n' || text[ns] == '\r';
        if (e > line_start && !next_blank) {
            pairs++;
            char last = text[e - 1];
            bool closed = strchr(".!?:;\"')", last) != NULL ||
                          (e - line_start >= 3 && (unsigned char)text[e - 3] == 0xE2); /* ” ’ … */
            bool lower_next = text[ns] >= 'a' && text[ns] <= 'z';
            if (!closed && (lower_next || e - line_start >= 40))
                run_on++;
        }
        line_start = next_start;
    }
    return pairs >= 3 && run_on * 2 >= pairs;
}

static bool emit(const splitter *s, xc_sentence_list *out, size_t first, size_t last)
{
    if (last < first)
        return true;
    xc_sentence sentence = {
        .start = s->tokens[first].start,
        .end = s->tokens[last].end,
        .first_token = (uint32_t)first,
        .token_count = (uint32_t)(last - first + 1),
    };
    return XC_VEC_PUSH(out, sentence);
}

/* Does a line break before token k end the sentence before it? */
static bool line_break_ends_sentence(const splitter *s, size_t k)
{
    const xc_token *t = &s->tokens[k];
    if (t->flags & XC_TF_PARAGRAPH_BEFORE)
        return true;
    if (!(t->flags & XC_TF_NEWLINE_BEFORE) || s->wrapped)
        return false;
    return !starts_lower(s, t);
}

xc_status xc_split_sentences(const char *text, size_t len, const xc_token_list *tokens,
                             xc_sentence_list *out)
{
    splitter sp = {text, len, tokens->items, tokens->count, looks_wrapped(text, len)};
    const splitter *s = &sp;
    size_t first = 0;
    size_t k = 0;
    while (k < s->count) {
        if (k > first && line_break_ends_sentence(s, k)) {
            if (!emit(s, out, first, k - 1))
                return XC_ERR_NOMEM;
            first = k;
        }
        const xc_token *t = &s->tokens[k];
        bool terminal = is_terminal(s, t);
        bool abbrev = t->type == XC_TOK_ABBREV && text[t->end - 1] == '.';
        if (!terminal && !abbrev) {
            if (k - first + 1 >= MAX_SENTENCE_TOKENS) {
                if (!emit(s, out, first, k))
                    return XC_ERR_NOMEM;
                first = k + 1;
            }
            k++;
            continue;
        }
        /* Take closing quotes, brackets and further marks that hug the mark. */
        size_t last = k;
        while (last + 1 < s->count) {
            const xc_token *n = &s->tokens[last + 1];
            if (n->flags & XC_TF_SPACE_BEFORE)
                break;
            if (!is_closing(s, n) && !is_terminal(s, n))
                break;
            last++;
            terminal = true; /* "U.S.)" or "U.S.?" — the mark decides */
        }
        bool ends = true;
        if (last + 1 < s->count) {
            const xc_token *next = &s->tokens[last + 1];
            if ((next->flags & XC_TF_PARAGRAPH_BEFORE) ||
                ((next->flags & XC_TF_NEWLINE_BEFORE) && !s->wrapped))
                ends = line_break_ends_sentence(s, last + 1);
            else if (terminal)
                ends = mark_ends_sentence(s, next);
            else
                ends = abbreviation_ends_sentence(s, t, next);
        }
        if (ends) {
            if (!emit(s, out, first, last))
                return XC_ERR_NOMEM;
            first = last + 1;
        }
        k = last + 1;
    }
    if (first < s->count && !emit(s, out, first, s->count - 1))
        return XC_ERR_NOMEM;
    return XC_OK;
}

void xc_sentence_list_free(xc_sentence_list *list)
{
    free(list->items);
    *list = (xc_sentence_list){0};
}
