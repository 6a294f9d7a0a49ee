/* Unicode normalisation with an offset map back to the original bytes.
 *
 * utf8proc does the Unicode work (decomposition, compatibility mappings,
 * case folding, mark stripping, composition); this file adds what news text
 * needs on top — curly quotes and dashes made plain, white space collapsed —
 * and keeps, for every output byte, the original byte it came from, so a
 * match found in normalised text can be shown in the text as published.
 *
 * Composition works on segments (a starter and the combining marks after
 * it), which is where canonical composition happens; all output of a
 * segment maps to the offset of its first code point. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "crosscheck.h"
#include "utf8.h"
#include "../util/buf.h"

#define SEGMENT_MAX 64

typedef struct normalizer {
    unsigned forms;
    utf8proc_option_t decompose_options;
    bool compose;
    xc_buf out;
    uint32_t *offsets; /* NULL when not tracked */
    size_t offsets_cap;
    bool failed;
    bool pending_space;  /* XC_NORM_SPACE: white space seen, not yet written */
    uint32_t pending_space_offset;
    int32_t segment[SEGMENT_MAX];
    size_t segment_len;
    uint32_t segment_offset;
} normalizer;

static void emit(normalizer *n, int32_t cp, uint32_t offset)
{
    char bytes[4];
    size_t len = xc_utf8_encode(cp, bytes);
    if (n->offsets) {
        size_t need = n->out.len + len + 1;
        if (need > n->offsets_cap) {
            size_t cap = n->offsets_cap ? n->offsets_cap : 256;
            while (cap < need)
                cap *= 2;
            uint32_t *o = realloc(n->offsets, cap * sizeof *o);
            if (!o) {
                n->failed = true;
                return;
            }
            n->offsets = o;
            n->offsets_cap = cap;
        }
        for (size_t i = 0; i < len; i++)
            n->offsets[n->out.len + i] = offset;
    }
    xc_buf_append(&n->out, bytes, len);
}

static int combining_class(int32_t cp)
{
    return cp < 0x300 ? 0 : utf8proc_get_property(cp)->combining_class;
}

/* Hangul vowels and trailing consonants combine with the syllable before. */
static bool joins_previous(int32_t cp)
{
    return combining_class(cp) != 0 || (cp >= 0x1161 && cp <= 0x1175) ||
           (cp >= 0x11A8 && cp <= 0x11C2);
}

static void flush_segment(normalizer *n)
{
    size_t len = n->segment_len;
    if (len == 0)
        return;
    if (len > 1) {
        /* Canonical ordering: stable sort of the marks by combining class. */
        for (size_t i = 2; i < len; i++) {
            int32_t cp = n->segment[i];
            int cc = combining_class(cp);
            size_t j = i;
            while (j > 1 && combining_class(n->segment[j - 1]) > cc) {
                n->segment[j] = n->segment[j - 1];
                j--;
            }
            n->segment[j] = cp;
        }
        if (n->compose) {
            utf8proc_ssize_t r = utf8proc_normalize_utf32(n->segment, (utf8proc_ssize_t)len,
                                                          UTF8PROC_COMPOSE | UTF8PROC_STABLE);
            if (r > 0)
                len = (size_t)r;
        }
    }
    for (size_t i = 0; i < len; i++)
        emit(n, n->segment[i], n->segment_offset);
    n->segment_len = 0;
}

static bool is_space(int32_t cp)
{
    if (cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x85 || cp == 0x2028 || cp == 0x2029)
        return true;
    return cp >= 0xA0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

/* Plain-ASCII stand-ins for typographic punctuation. Returns the number of
 * code points written to out (0 = drop the character). */
static int plain_punctuation(int32_t cp, int32_t out[3])
{
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x2035:
    case 0x2039: case 0x203A: case 0x02BC: case 0xFF07:
        out[0] = '\'';
        return 1;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x2036:
    case 0x00AB: case 0x00BB: case 0x301D: case 0x301E: case 0xFF02:
        out[0] = '"';
        return 1;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
        out[0] = '-';
        return 1;
    case 0x2026:
        out[0] = out[1] = out[2] = '.';
        return 3;
    case 0x00AD: case 0x200B: case 0x2060: case 0xFEFF: /* soft hyphen, zero widths */
        return 0;
    default:
        out[0] = cp;
        return 1;
    }
}

/* One code point after decomposition and folding. */
static void push(normalizer *n, int32_t cp, uint32_t offset)
{
    if ((n->forms & XC_NORM_SPACE) && is_space(cp)) {
        if (!n->pending_space)
            n->pending_space_offset = offset;
        n->pending_space = true;
        return;
    }
    if (!joins_previous(cp) || n->segment_len == 0 || n->segment_len == SEGMENT_MAX) {
        flush_segment(n);
        if (n->pending_space) {
            if (n->out.len > 0)
                emit(n, ' ', n->pending_space_offset);
            n->pending_space = false;
        }
        n->segment_offset = offset;
    }
    n->segment[n->segment_len++] = cp;
}

static void push_mapped(normalizer *n, int32_t cp, uint32_t offset)
{
    if (n->forms & XC_NORM_PUNCT) {
        int32_t plain[3];
        int count = plain_punctuation(cp, plain);
        for (int i = 0; i < count; i++)
            push(n, plain[i], offset);
    } else {
        push(n, cp, offset);
    }
}

char *xc_normalize(const char *text, size_t len, unsigned forms, size_t *out_len,
                   uint32_t **offsets)
{
    if (!xc_utf8_valid(text, len, NULL) || len >= UINT32_MAX)
        return NULL;
    normalizer n = {.forms = forms};
    if (forms & (XC_NORM_NFC | XC_NORM_NFKC | XC_NORM_STRIP_MARKS))
        n.decompose_options |= UTF8PROC_DECOMPOSE;
    if (forms & XC_NORM_NFKC)
        n.decompose_options |= UTF8PROC_COMPAT;
    if (forms & XC_NORM_CASEFOLD)
        n.decompose_options |= UTF8PROC_CASEFOLD;
    if (forms & XC_NORM_STRIP_MARKS)
        n.decompose_options |= UTF8PROC_STRIPMARK;
    n.compose = (forms & (XC_NORM_NFC | XC_NORM_NFKC)) != 0;
    xc_buf_reserve(&n.out, len);
    if (offsets) {
        n.offsets_cap = len + 1;
        n.offsets = malloc(n.offsets_cap * sizeof *n.offsets);
        if (!n.offsets) {
            xc_buf_free(&n.out);
            return NULL;
        }
    }

    for (size_t i = 0; i < len && !n.failed;) {
        size_t size;
        int32_t cp = xc_utf8_decode(text, len, i, &size);
        uint32_t offset = (uint32_t)i;
        i += size;
        if (cp < 0x80) { /* ASCII: no decomposition, folding is tolower */
            if ((forms & XC_NORM_CASEFOLD) && cp >= 'A' && cp <= 'Z')
                cp += 'a' - 'A';
            push(&n, cp, offset);
            continue;
        }
        int32_t decomposed[SEGMENT_MAX];
        utf8proc_ssize_t count = 1;
        if (n.decompose_options) {
            int boundclass = 0;
            count = utf8proc_decompose_char(cp, decomposed, SEGMENT_MAX, n.decompose_options,
                                            &boundclass);
            if (count < 0 || count > SEGMENT_MAX) {
                decomposed[0] = cp;
                count = 1;
            }
        } else {
            decomposed[0] = cp;
        }
        for (utf8proc_ssize_t k = 0; k < count; k++)
            push_mapped(&n, decomposed[k], offset);
    }
    flush_segment(&n);
    /* A trailing white space run is dropped: XC_NORM_SPACE trims. */

    if (n.failed || n.out.failed) {
        free(n.offsets);
        xc_buf_free(&n.out);
        return NULL;
    }
    if (offsets) {
        if (n.out.len + 1 > n.offsets_cap) {
            uint32_t *o = realloc(n.offsets, (n.out.len + 1) * sizeof *o);
            if (!o) {
                free(n.offsets);
                xc_buf_free(&n.out);
                return NULL;
            }
            n.offsets = o;
        }
        n.offsets[n.out.len] = (uint32_t)len;
        *offsets = n.offsets;
    }
    return xc_buf_detach(&n.out, out_len);
}
