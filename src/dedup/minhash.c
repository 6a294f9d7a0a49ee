#include "minhash.h"


#define SLOT_BITS 6 /* log2(XC_MINHASH_SLOTS) */
#define EMPTY UINT32_MAX

void xc_minhash_compute(const uint64_t *shingles, size_t n, xc_minhash *out)
{
    uint32_t full[XC_MINHASH_SLOTS];
    for (size_t i = 0; i < XC_MINHASH_SLOTS; i++)
        full[i] = EMPTY;
    for (size_t i = 0; i < n; i++) {
        uint64_t h = shingles[i];
        size_t slot = (size_t)(h >> (64 - SLOT_BITS));
        uint32_t value = (uint32_t)h;
        if (value < full[slot])
            full[slot] = value;
    }
    /* Densify: an empty slot takes the value of the next filled slot to its
     * right, salted by the distance, so that two sets with the same filled
     * slots fill their empty ones the same way. */
    size_t filled = 0;
    for (size_t i = 0; i < XC_MINHASH_SLOTS; i++)
        filled += full[i] != EMPTY;
    for (size_t i = 0; i < XC_MINHASH_SLOTS; i++) {
        uint32_t v = full[i];
        if (v == EMPTY && filled > 0) {
            size_t d = 1;
            while (full[(i + d) % XC_MINHASH_SLOTS] == EMPTY)
                d++;
            v = full[(i + d) % XC_MINHASH_SLOTS] + (uint32_t)(d * 0x9E3779B9u);
        }
        /* mix before cutting to 16 bits: the low bits of a minimum are not uniform */
        v ^= v >> 16;
        v *= 0x45d9f3bu;
        v ^= v >> 16;
        out->v[i] = (uint16_t)v;
    }
}

double xc_minhash_jaccard(const xc_minhash *a, const xc_minhash *b)
{
    size_t equal = 0;
    for (size_t i = 0; i < XC_MINHASH_SLOTS; i++)
        equal += a->v[i] == b->v[i];
    return (double)equal / XC_MINHASH_SLOTS;
}
