#include "article.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "../text/utf8.h"
#include "../util/error.h"

/* Headlines are rarely longer; a longer first line is a paragraph. */
#define TITLE_MAX_BYTES 160

void xc_article_in_free(xc_article_in *a)
{
    free(a->id);
    free(a->title);
    free(a->text);
    free(a->source);
    free(a->url);
    free(a->published_raw);
    free(a->extra_json);
    free(a->origin);
    memset(a, 0, sizeof *a);
}

static void hash_field(XXH3_state_t *state, const char *s, size_t len)
{
    /* Length first, so ("ab","c") and ("a","bc") differ. */
    uint64_t n = s ? len : UINT64_MAX;
    XXH3_128bits_update(state, &n, sizeof n);
    if (s)
        XXH3_128bits_update(state, s, len);
}

void xc_article_hash(xc_article_in *a)
{
    XXH3_state_t *state = XXH3_createState();
    if (!state) {
        memset(a->hash, 0, sizeof a->hash);
        return;
    }
    XXH3_128bits_reset(state);
    hash_field(state, a->title, a->title ? strlen(a->title) : 0);
    hash_field(state, a->text, a->text_len);
    hash_field(state, a->source, a->source ? strlen(a->source) : 0);
    hash_field(state, a->url, a->url ? strlen(a->url) : 0);
    hash_field(state, a->published_raw, a->published_raw ? strlen(a->published_raw) : 0);
    hash_field(state, a->extra_json, a->extra_json ? strlen(a->extra_json) : 0);
    XXH128_canonical_t canonical;
    XXH128_canonicalFromHash(&canonical, XXH3_128bits_digest(state));
    memcpy(a->hash, canonical.digest, sizeof a->hash);
    XXH3_freeState(state);
}

const char *xc_trim(const char *s, size_t len, size_t *out_len)
{
    while (len && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n' || *s == '\f' || *s == '\v')) {
        s++;
        len--;
    }
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r' ||
                   s[len - 1] == '\n' || s[len - 1] == '\f' || s[len - 1] == '\v'))
        len--;
    *out_len = len;
    return s;
}

xc_status xc_check_text(const char *data, size_t len, bool repair, char **repaired,
                        size_t *repaired_len, size_t *repairs, size_t *where, xc_error *err)
{
    *repaired = NULL;
    *repairs = 0;
    const char *nul = memchr(data, '\0', len);
    if (nul) {
        *where = (size_t)(nul - data);
        return xc_fail(err, XC_ERR_BINARY, "binary data: NUL byte at offset %zu",
                       (size_t)(nul - data));
    }
    size_t bad;
    if (!xc_utf8_valid(data, len, &bad)) {
        if (!repair) {
            *where = bad;
            return xc_fail(err, XC_ERR_UTF8,
                           "invalid UTF-8: byte 0x%02X at offset %zu (convert the file to UTF-8, "
                           "or ingest with --repair-utf8)",
                           (unsigned char)data[bad], bad);
        }
        *repaired = xc_utf8_repair(data, len, repaired_len, repairs);
        if (!*repaired)
            return xc_fail(err, XC_ERR_NOMEM, "out of memory");
        data = *repaired;
        len = *repaired_len;
    }
    size_t trimmed;
    xc_trim(data, len, &trimmed);
    if (trimmed == 0) {
        free(*repaired);
        *repaired = NULL;
        *where = 0;
        return xc_fail(err, XC_ERR_EMPTY, "empty article: no text");
    }
    return XC_OK;
}

/* Longest prefix of at most `max` bytes that ends on a UTF-8 boundary. */
static size_t utf8_prefix(const char *s, size_t len, size_t max)
{
    if (len <= max)
        return len;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    return max;
}

char *xc_title_from_text(const char *text, size_t len)
{
    size_t i = 0;
    const char *line = text;
    size_t line_len = 0;
    while (i < len) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - text) : len;
        line = xc_trim(text + i, end - i, &line_len);
        if (line_len)
            break;
        i = end + 1;
    }
    if (line_len <= TITLE_MAX_BYTES) {
        char *t = malloc(line_len + 1);
        if (t) {
            memcpy(t, line, line_len);
            t[line_len] = '\0';
        }
        return t;
    }
    /* A paragraph, not a headline: its first sentence if short enough, else
     * the words that fit, then an ellipsis. */
    size_t cut = utf8_prefix(line, line_len, TITLE_MAX_BYTES);
    for (size_t k = 40; k < cut; k++) {
        if ((line[k] == '.' || line[k] == '?' || line[k] == '!') && k + 1 < line_len &&
            line[k + 1] == ' ') {
            char *t = malloc(k + 2);
            if (t) {
                memcpy(t, line, k + 1);
                t[k + 1] = '\0';
            }
            return t;
        }
    }
    size_t space = cut;
    while (space > 0 && line[space] != ' ')
        space--;
    if (space > TITLE_MAX_BYTES / 2)
        cut = space;
    while (cut > 0 && strchr(" ,;:-", line[cut - 1]))
        cut--;
    char *t = malloc(cut + 4);
    if (t) {
        memcpy(t, line, cut);
        memcpy(t + cut, "\xE2\x80\xA6", 4); /* … */
    }
    return t;
}

char *xc_content_id(const char *title, const char *text, size_t text_len)
{
    uint8_t digest[8];
    uint64_t h = XXH3_64bits_withSeed(text, text_len, title ? XXH3_64bits(title, strlen(title)) : 0);
    for (int i = 0; i < 8; i++)
        digest[i] = (uint8_t)(h >> (56 - 8 * i));
    char *id = malloc(18);
    if (id) {
        id[0] = 'h';
        for (int i = 0; i < 8; i++)
            snprintf(id + 1 + 2 * i, 3, "%02x", digest[i]);
    }
    return id;
}

void xc_article_parse_date(xc_article_in *a, long line)
{
    a->published.precision = XC_DATE_NONE;
    if (!a->published_raw)
        return;
    size_t n;
    xc_trim(a->published_raw, strlen(a->published_raw), &n);
    if (n == 0)
        return;
    if (!xc_date_parse(a->published_raw, strlen(a->published_raw), &a->published)) {
        a->published.precision = XC_DATE_NONE;
        snprintf(a->warning, sizeof a->warning,
                 "unrecognised date \"%.60s\" (use ISO 8601, e.g. 2025-03-11T09:00:00Z); "
                 "stored as undated",
                 a->published_raw);
        a->warning_line = line;
    }
}
