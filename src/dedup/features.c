/* Dedup features straight from the bytes: one pass that cuts the text into
 * words (letters and digits; apostrophes and the dots of "U.S." join, so
 * "U.S." and "US" are one word), folds ASCII case, hashes each word, and
 * from the word hashes makes the exact-copy hash, the opening-words key,
 * the shingles and their MinHash. Faster than the full tokenizer by far,
 * which matters because every article passes here and most copies never
 * need more. */
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "dedup.h"

static uint64_t mix(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

static bool is_word_byte(unsigned char c)
{
    return (unsigned)((c | 0x20) - 'a') < 26u || (unsigned)(c - '0') < 10u || c >= 0x80;
}

/* Typographic punctuation in UTF-8 (E2 80 xx: dashes, quotes, ellipsis,
 * spaces; C2 A0/AB/BB: no-break space, guillemets) is not part of words. */
static size_t punctuation_at(const unsigned char *p, const unsigned char *end)
{
    if (p + 2 < end && p[0] == 0xE2 && p[1] == 0x80)
        return 3;
    if (p + 1 < end && p[0] == 0xC2 && (p[1] == 0xA0 || p[1] == 0xAB || p[1] == 0xBB))
        return 2;
    return 0;
}

static bool is_apostrophe_at(const unsigned char *p, const unsigned char *end, size_t *size)
{
    if (*p == '\'') {
        *size = 1;
        return true;
    }
    if (p + 2 < end && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x99) { /* ’ */
        *size = 3;
        return true;
    }
    return false;
}

/* Word hashes of the text into `words`; false when out of memory. */
static bool scan_words(const char *text, size_t len, xc_u64_list *words)
{
    const unsigned char *p = (const unsigned char *)text, *end = p + len;
    words->count = 0;
    while (p < end) {
        while (p < end && (!is_word_byte(*p) || punctuation_at(p, end)))
            p += punctuation_at(p, end) ? punctuation_at(p, end) : 1;
        if (p >= end)
            break;
        uint64_t h = 0xcbf29ce484222325ull; /* FNV-1a over the folded bytes */
        for (;;) {
            while (p < end && is_word_byte(*p) && !punctuation_at(p, end)) {
                unsigned char c = *p++;
                if (c >= 'A' && c <= 'Z')
                    c += 'a' - 'A';
                h = (h ^ c) * 0x100000001b3ull;
            }
            /* "U.S." and "don't" stay one word: a dot or an apostrophe
             * followed by a letter joins. */
            size_t apos;
            if (p + 1 < end && *p == '.' && (unsigned)((p[1] | 0x20) - 'a') < 26u && p + 2 <= end &&
                (p + 2 == end || !is_word_byte(p[2]) || p[2] == '.')) {
                p++;
                continue;
            }
            if (p < end && is_apostrophe_at(p, end, &apos) && p + apos < end && is_word_byte(p[apos]) &&
                !punctuation_at(p + apos, end)) {
                p += apos;
                continue;
            }
            break;
        }
        if (!XC_VEC_PUSH(words, mix(h)))
            return false;
    }
    return true;
}

/* Distinct values, with a small open-addressing set in `table`. */
static size_t count_distinct(const uint64_t *values, size_t n, xc_u64_list *table)
{
    size_t capacity = 64;
    while (capacity < n * 2)
        capacity *= 2;
    table->count = 0;
    if (!XC_VEC_RESERVE(table, capacity))
        return n; /* out of memory: an upper bound will do */
    memset(table->items, 0, capacity * sizeof *table->items);
    size_t distinct = 0, mask = capacity - 1;
    for (size_t i = 0; i < n; i++) {
        uint64_t v = values[i] | 1; /* 0 marks an empty slot */
        size_t k = (size_t)(v >> 17) & mask;
        while (table->items[k] && table->items[k] != v)
            k = (k + 1) & mask;
        if (!table->items[k]) {
            table->items[k] = v;
            distinct++;
        }
    }
    return distinct;
}

xc_status xc_dedup_features(const char *text, size_t len, const xc_dedup_params *p, xc_dedup_scratch *scratch,
                            int64_t key, int64_t ts, xc_dedup_item *out)
{
    if (!p)
        p = &xc_dedup_defaults;
    memset(out, 0, sizeof *out);
    out->key = key;
    out->ts = ts;
    if (!scan_words(text, len, &scratch->words))
        return XC_ERR_NOMEM;
    const uint64_t *w = scratch->words.items;
    size_t n = scratch->words.count;
    if (n == 0) {
        xc_minhash_compute(NULL, 0, &out->sig);
        return XC_OK;
    }
    out->text_hash = XXH3_64bits(w, n * sizeof *w) | 1;
    if (n >= p->lead_words)
        out->lead_hash = XXH3_64bits(w, p->lead_words * sizeof *w) | 1;
    size_t k = p->shingle_words ? p->shingle_words : 4;
    size_t count = n < k ? 1 : n - k + 1;
    scratch->shingles.count = 0;
    if (!XC_VEC_RESERVE(&scratch->shingles, count))
        return XC_ERR_NOMEM;
    for (size_t i = 0; i < count; i++) {
        uint64_t h = 0x9E3779B97F4A7C15ull;
        for (size_t j = i; j < i + k && j < n; j++)
            h = mix(h ^ w[j]);
        scratch->shingles.items[i] = h;
    }
    scratch->shingles.count = count;
    xc_minhash_compute(scratch->shingles.items, count, &out->sig);
    out->shingles = (uint32_t)count_distinct(scratch->shingles.items, count, &scratch->set);
    return XC_OK;
}

void xc_dedup_scratch_free(xc_dedup_scratch *s)
{
    free(s->words.items);
    free(s->shingles.items);
    free(s->set.items);
    memset(s, 0, sizeof *s);
}
