/* Encoding detection and conversion with iconv. Browsers trust the
 * declaration; pages in the wild often lie, so the declaration is checked
 * against the bytes before it is believed. */
#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "charset.h"

/* Length of the valid UTF-8 sequence at p, 0 when invalid. */
static size_t utf8_sequence(const unsigned char *p, size_t n)
{
    if (p[0] < 0x80)
        return 1;
    size_t need;
    unsigned min;
    if ((p[0] & 0xE0) == 0xC0)
        need = 2, min = 0x80;
    else if ((p[0] & 0xF0) == 0xE0)
        need = 3, min = 0x800;
    else if ((p[0] & 0xF8) == 0xF0)
        need = 4, min = 0x10000;
    else
        return 0;
    if (n < need)
        return 0;
    unsigned cp = p[0] & (0x7F >> need);
    for (size_t i = 1; i < need; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return need;
}

/* Counts of invalid and multi-byte sequences. */
static void utf8_census(const char *data, size_t len, size_t *invalid, size_t *multibyte)
{
    const unsigned char *p = (const unsigned char *)data;
    *invalid = *multibyte = 0;
    for (size_t i = 0; i < len;) {
        /* ASCII runs, eight bytes at a time */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            if (w & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= len)
            break;
        size_t k = utf8_sequence(p + i, len - i);
        if (k == 0) {
            (*invalid)++;
            i++;
        } else {
            if (k > 1)
                (*multibyte)++;
            i += k;
        }
    }
}

int xc_charset_from_content_type(const char *content_type, char *out, size_t cap)
{
    if (!content_type || cap == 0)
        return 0;
    const char *p = content_type;
    while ((p = strchr(p, ';')) != NULL) {
        p++;
        while (*p == ' ' || *p == '\t')
            p++;
        if (strncasecmp(p, "charset", 7) != 0)
            continue;
        p += 7;
        while (*p == ' ')
            p++;
        if (*p != '=')
            continue;
        p++;
        while (*p == ' ' || *p == '"' || *p == '\'')
            p++;
        size_t n = 0;
        while (p[n] && (isalnum((unsigned char)p[n]) || strchr("-_.:", p[n])) && n + 1 < cap)
            n++;
        if (n == 0)
            return 0;
        memcpy(out, p, n);
        out[n] = '\0';
        return 1;
    }
    return 0;
}

/* Whether offset `at` lies inside a <meta ...> tag (and not, say, in
 * <script charset=utf-8>, which says how that script is encoded). */
static bool in_meta_tag(const char *data, size_t at)
{
    for (size_t i = at; i-- > 0;) {
        if (data[i] == '>')
            return false;
        if (data[i] == '<')
            return strncasecmp(data + i, "<meta", 5) == 0;
    }
    return false;
}

/* The charset a page declares in its first bytes: <meta charset=x>,
 * <meta http-equiv=Content-Type content="...; charset=x">, or an XML
 * declaration's encoding="x". */
static int declared_in_page(const char *data, size_t len, char *out, size_t cap)
{
    size_t n = len < 16384 ? len : 16384;
    for (size_t i = 0; i + 8 < n; i++) {
        if (data[i] != 'c' && data[i] != 'C' && data[i] != 'e' && data[i] != 'E')
            continue;
        size_t k;
        if (strncasecmp(data + i, "charset", 7) == 0 && in_meta_tag(data, i))
            k = 7;
        else if (strncasecmp(data + i, "encoding", 8) == 0 && i >= 5 && memcmp(data, "<?xml", 5) == 0)
            k = 8;
        else
            continue;
        size_t j = i + k;
        while (j < n && (data[j] == ' ' || data[j] == '\t'))
            j++;
        if (j >= n || data[j] != '=')
            continue;
        j++;
        while (j < n && (data[j] == ' ' || data[j] == '"' || data[j] == '\''))
            j++;
        size_t m = 0;
        while (j + m < n && m + 1 < cap &&
               (isalnum((unsigned char)data[j + m]) || strchr("-_.:", data[j + m])))
            m++;
        if (m == 0)
            continue;
        memcpy(out, data + j, m);
        out[m] = '\0';
        return 1;
    }
    return 0;
}

static bool is_utf8_name(const char *name)
{
    return strcasecmp(name, "utf-8") == 0 || strcasecmp(name, "utf8") == 0;
}

/* Single-byte Western encodings, which the web treats as windows-1252. */
static bool is_latin1_name(const char *name)
{
    static const char *const names[] = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1",
                                        "iso_8859-1", "us-ascii", "ascii", "windows-1252",
                                        "cp1252", "x-cp1252", "iso-8859-15", "iso8859-15"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcasecmp(name, names[i]) == 0)
            return true;
    return false;
}

/* Append U+FFFD. */
static void put_replacement(char *out, size_t *n)
{
    out[(*n)++] = (char)0xEF;
    out[(*n)++] = (char)0xBF;
    out[(*n)++] = (char)0xBD;
}

/* Copy UTF-8, replacing invalid bytes with U+FFFD. */
static char *repair_utf8(const char *data, size_t len, size_t *out_len)
{
    char *out = malloc(len * 3 + 1);
    if (!out)
        return NULL;
    const unsigned char *p = (const unsigned char *)data;
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        size_t k = utf8_sequence(p + i, len - i);
        if (k == 0) {
            put_replacement(out, &n);
            i++;
        } else {
            memcpy(out + n, p + i, k);
            n += k;
            i += k;
        }
    }
    out[n] = '\0';
    *out_len = n;
    return out;
}

/* iconv from `from`; NULL when iconv does not know it. */
static char *convert(const char *data, size_t len, const char *from, size_t *out_len)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return NULL;
    size_t cap = len * 4 + 16; /* any source unit becomes at most 4 bytes (or U+FFFD) */
    char *out = malloc(cap);
    if (!out) {
        iconv_close(cd);
        return NULL;
    }
    char *in = (char *)data, *o = out;
    size_t in_left = len, out_left = cap - 1;
    while (in_left > 0) {
        if (iconv(cd, &in, &in_left, &o, &out_left) != (size_t)-1)
            break;
        if (errno == EILSEQ || errno == EINVAL) {
            /* an unmappable or cut-off byte: mark it and go on */
            size_t n = (size_t)(o - out);
            if (out_left < 3)
                break;
            put_replacement(out, &n);
            o = out + n;
            out_left -= 3;
            in++, in_left--;
            iconv(cd, NULL, NULL, NULL, NULL);
        } else {
            break; /* E2BIG cannot happen with this capacity */
        }
    }
    iconv_close(cd);
    *o = '\0';
    *out_len = (size_t)(o - out);
    return out;
}

xc_status xc_to_utf8(const char *data, size_t len, const char *declared, char **out, size_t *out_len,
                     char *used, size_t cap)
{
    const unsigned char *p = (const unsigned char *)data;
    char name[64] = "";
    const char *from = NULL;
    if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        data += 3, len -= 3;
        from = "UTF-8";
    } else if (len >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
        from = "UTF-16LE";
        data += 2, len -= 2;
    } else if (len >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
        from = "UTF-16BE";
        data += 2, len -= 2;
    } else if (declared && *declared) {
        snprintf(name, sizeof name, "%s", declared);
        from = name;
    } else if (declared_in_page(data, len, name, sizeof name)) {
        from = name;
    }
    if (from && (strncasecmp(from, "UTF-16", 6) == 0 || strncasecmp(from, "UTF-32", 6) == 0) &&
        !(len > 0 && (p[0] == 0xFF || p[0] == 0xFE))) {
        from = NULL; /* a page that parsed as ASCII cannot be UTF-16: the declaration is wrong */
    }
    size_t invalid, multibyte;
    utf8_census(data, len, &invalid, &multibyte);
    const char *chosen;
    if (!from || is_utf8_name(from))
        /* a few stray bytes in a UTF-8 page are damage, not another encoding */
        chosen = invalid == 0 || invalid * 50 < multibyte ? "UTF-8" : "WINDOWS-1252";
    else if (is_latin1_name(from))
        chosen = invalid == 0 && multibyte > 0 ? "UTF-8" : "WINDOWS-1252";
    else
        chosen = from;
    char *converted = NULL;
    if (strcmp(chosen, "UTF-8") == 0 && invalid == 0) {
        converted = malloc(len + 1);
        if (converted) {
            memcpy(converted, data, len);
            converted[len] = '\0';
            *out_len = len;
        }
    } else if (strcmp(chosen, "UTF-8") == 0) {
        converted = repair_utf8(data, len, out_len);
    } else {
        converted = convert(data, len, chosen, out_len);
        if (!converted) { /* iconv does not know the name: judge by the bytes */
            chosen = invalid == 0 ? "UTF-8" : "WINDOWS-1252";
            converted = strcmp(chosen, "UTF-8") == 0 ? repair_utf8(data, len, out_len)
                                                     : convert(data, len, chosen, out_len);
        }
    }
    if (!converted)
        return XC_ERR_NOMEM;
    if (used && cap) {
        snprintf(used, cap, "%s", chosen);
        for (char *c = used; *c; c++)
            *c = (char)tolower((unsigned char)*c);
    }
    *out = converted;
    return XC_OK;
}
