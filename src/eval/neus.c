/* Reading NeuS lines (see neus.h). */
#include <stdio.h>
#include <string.h>

#include "crosscheck.h"
#include "eval/neus.h"

static const char title_mark[] = "TITLE=>";
static const char text_mark[] = "ARTICLE=>";
static const char separator[] = "[SEP]";

static bool space_at(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static void trim(const char **s, size_t *len)
{
    while (*len && space_at(**s))
        (*s)++, (*len)--;
    while (*len && space_at((*s)[*len - 1]))
        (*len)--;
}

/* The first occurrence of `mark` in s[0..len), or NULL. */
static const char *find(const char *s, size_t len, const char *mark)
{
    size_t n = strlen(mark);
    for (size_t i = 0; i + n <= len; i++)
        if (s[i] == mark[0] && memcmp(s + i, mark, n) == 0)
            return s + i;
    return NULL;
}

/* One "TITLE=> ... ARTICLE=> ..." part; `number` counts from 1 for messages
 * (0: the target's only part). */
static bool parse_part(const char *s, size_t len, size_t number, xc_neus_doc *out, char *why, size_t why_size)
{
    char which[32] = "the line";
    if (number)
        snprintf(which, sizeof which, "part %zu", number);
    trim(&s, &len);
    if (len == 0) {
        snprintf(why, why_size, "%s is empty", which);
        return false;
    }
    size_t tn = sizeof title_mark - 1, an = sizeof text_mark - 1;
    if (len < tn || memcmp(s, title_mark, tn) != 0) {
        snprintf(why, why_size, "%s does not start with %s", which, title_mark);
        return false;
    }
    const char *title = s + tn;
    const char *mark = find(title, len - tn, text_mark);
    if (!mark) {
        snprintf(why, why_size, "%s has no %s", which, text_mark);
        return false;
    }
    size_t title_len = (size_t)(mark - title);
    const char *text = mark + an;
    size_t text_len = len - (size_t)(text - s);
    /* a second pair of marks: two parts run together, a separator missing */
    if (find(title, title_len, title_mark) || find(text, text_len, title_mark) || find(text, text_len, text_mark)) {
        snprintf(why, why_size, "%s has %s or %s twice (a %s missing?)", which, title_mark, text_mark, separator);
        return false;
    }
    trim(&title, &title_len);
    trim(&text, &text_len);
    if (title_len == 0 && text_len == 0) {
        snprintf(why, why_size, "%s has neither a title nor a text", which);
        return false;
    }
    *out = (xc_neus_doc){title, text, title_len, text_len};
    return true;
}

static bool valid_line(const char *line, size_t len, char *why, size_t why_size)
{
    size_t bad;
    if (!xc_utf8_valid(line, len, &bad)) {
        snprintf(why, why_size, "invalid UTF-8: byte 0x%02X at offset %zu", (unsigned char)line[bad], bad);
        return false;
    }
    const char *s = line;
    size_t n = len;
    trim(&s, &n);
    if (n == 0) {
        snprintf(why, why_size, "a blank line");
        return false;
    }
    return true;
}

bool xc_neus_parse_source(const char *line, size_t len, xc_neus_cluster *out, char *why, size_t why_size)
{
    out->count = 0;
    if (!valid_line(line, len, why, why_size))
        return false;
    size_t sn = sizeof separator - 1;
    const char *s = line, *end = line + len;
    for (;;) {
        const char *sep = find(s, (size_t)(end - s), separator);
        const char *part_end = sep ? sep : end;
        if (out->count == XC_NEUS_MAX_DOCS) {
            snprintf(why, why_size, "more than %d parts", XC_NEUS_MAX_DOCS);
            out->count = 0;
            return false;
        }
        if (!parse_part(s, (size_t)(part_end - s), out->count + 1, &out->docs[out->count], why, why_size)) {
            out->count = 0;
            return false;
        }
        out->count++;
        if (!sep)
            return true;
        s = sep + sn;
    }
}

bool xc_neus_parse_target(const char *line, size_t len, xc_neus_doc *out, char *why, size_t why_size)
{
    if (!valid_line(line, len, why, why_size))
        return false;
    if (find(line, len, separator)) {
        snprintf(why, why_size, "a target has one part, no %s", separator);
        return false;
    }
    return parse_part(line, len, 0, out, why, why_size);
}

/* Equal once every run of white space is one space (the spans are trimmed). */
static bool same_words(const char *a, size_t na, const char *b, size_t nb)
{
    size_t i = 0, k = 0;
    while (i < na && k < nb) {
        if (space_at(a[i]) && space_at(b[k])) {
            while (i < na && space_at(a[i]))
                i++;
            while (k < nb && space_at(b[k]))
                k++;
        } else if (a[i] == b[k]) {
            i++, k++;
        } else {
            return false;
        }
    }
    return i == na && k == nb;
}

void xc_neus_groups(const xc_neus_cluster *c, int64_t *groups)
{
    for (size_t i = 0; i < c->count; i++) {
        groups[i] = (int64_t)i;
        for (size_t k = 0; k < i; k++) {
            const xc_neus_doc *a = &c->docs[i], *b = &c->docs[k];
            if (same_words(a->title, a->title_len, b->title, b->title_len) &&
                same_words(a->text, a->text_len, b->text, b->text_len)) {
                groups[i] = groups[k];
                break;
            }
        }
    }
}
