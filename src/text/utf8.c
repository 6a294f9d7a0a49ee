/* UTF-8 validation and repair. The per-code-point rules (no overlongs, no
 * surrogates, nothing past U+10FFFF) are utf8proc's; we only add a fast path
 * for runs of ASCII, which is most of any English news text. */
#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "crosscheck.h"
#include "../util/buf.h"

/* Length of the leading run of ASCII bytes, eight at a time. */
static size_t ascii_run(const unsigned char *p, size_t n)
{
    size_t i = 0;
    while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ull)
            break;
        i += 8;
    }
    while (i < n && p[i] < 0x80)
        i++;
    return i;
}

int32_t xc_utf8_decode(const char *text, size_t len, size_t i, size_t *size)
{
    unsigned char c = (unsigned char)text[i];
    if (c < 0x80) {
        *size = 1;
        return c;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)text + i,
                                          (utf8proc_ssize_t)(len - i), &cp);
    if (n <= 0) {
        *size = 1;
        return 0xFFFD;
    }
    *size = (size_t)n;
    return cp;
}

size_t xc_utf8_encode(int32_t cp, char *out)
{
    utf8proc_ssize_t n = utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
    return n > 0 ? (size_t)n : 0;
}

long xc_line_of(const char *text, size_t len, size_t offset)
{
    if (offset > len)
        offset = len;
    long line = 1;
    const char *p = text, *end = text + offset;
    while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        line++;
        p++;
    }
    return line;
}

bool xc_utf8_valid(const char *text, size_t len, size_t *bad_offset)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        i += ascii_run(p + i, len - i);
        if (i >= len)
            break;
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0) {
            if (bad_offset)
                *bad_offset = i;
            return false;
        }
        i += (size_t)n;
    }
    return true;
}

char *xc_utf8_repair(const char *text, size_t len, size_t *out_len, size_t *repairs)
{
    static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */
    const unsigned char *p = (const unsigned char *)text;
    xc_buf out = {0};
    size_t fixed = 0, i = 0;
    xc_buf_reserve(&out, len);
    while (i < len) {
        size_t run = ascii_run(p + i, len - i);
        size_t start = i;
        i += run;
        /* Copy valid multi-byte sequences along with the ASCII run. */
        while (i < len && p[i] >= 0x80) {
            utf8proc_int32_t cp;
            utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
            if (n <= 0)
                break;
            i += (size_t)n;
            i += ascii_run(p + i, len - i);
        }
        xc_buf_append(&out, text + start, i - start);
        if (i < len) { /* an invalid byte: replace it and go on */
            xc_buf_append(&out, replacement, 3);
            fixed++;
            i++;
        }
    }
    if (repairs)
        *repairs = fixed;
    return xc_buf_detach(&out, out_len);
}
