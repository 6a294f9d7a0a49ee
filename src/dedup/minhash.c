#include "minhash.h"

#include <stdlib.h>
#include <string.h>

#define SLOT_BITS 6 /* log2(XC_MINHASH_SLOTS) */
#define EMPTY UINT32_MAX

void xc_minhash_compute(const uint64_t *shingles, size_t n, xc_minhash *out)
{
    for (size_t i = 0; i < XC_MINHASH_SLOTS; i++)
        out->v[i] = EMPTY;
    for (size_t i = 0; i < n; i++) {
        uint64_t h = shingles[i];
        size_t slot = (size_t)(h >> (64 - SLOT_BITS));
        uint32_t value = (uint32_t)h;
        if (value < out->v[slot])
            out->v[slot] = value;
    }
    /* Densify: an empty slot takes the value of the next filled slot to its
     * right, salted by the distance, so that two sets with the same filled
     * slots fill their empty ones the same way. */
    size_t filled = 0;
    for (size_t i = 0; i < XC_MINHASH_SLOTS; i++)
        filled += out->v[i] != EMPTY;
    if (filled == 0 || filled == XC_MINHASH_SLOTS)
        return;
    uint32_t copy[XC_MINHASH_SLOTS];
    memcpy(copy, out->v, sizeof copy);
    for (size_t i = 0; i < XC_MINHASH_SLOTS; i++) {
        if (copy[i] != EMPTY)
            continue;
        size_t d = 1;
        while (copy[(i + d) % XC_MINHASH_SLOTS] == EMPTY)
            d++;
        out->v[i] = copy[(i + d) % XC_MINHASH_SLOTS] + (uint32_t)(d * 0x9E3779B9u);
    }
}

double xc_minhash_jaccard(const xc_minhash *a, const xc_minhash *b)
{
    size_t equal = 0;
    for (size_t i = 0; i < XC_MINHASH_SLOTS; i++)
        equal += a->v[i] == b->v[i];
    return (double)equal / XC_MINHASH_SLOTS;
}

static int by_value(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

size_t xc_shingles_distinct(uint64_t *shingles, size_t n)
{
    if (n < 2)
        return n;
    qsort(shingles, n, sizeof *shingles, by_value);
    size_t distinct = 1;
    for (size_t i = 1; i < n; i++)
        distinct += shingles[i] != shingles[i - 1];
    return distinct;
}
