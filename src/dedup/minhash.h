/* MinHash signatures of shingle sets by one-permutation hashing: each
 * shingle hash is looked at once, its top bits pick a slot and the slot
 * keeps the smallest value seen; empty slots borrow from the next filled
 * one (densification). The share of equal slots estimates Jaccard. */
#ifndef XC_MINHASH_H
#define XC_MINHASH_H

#include <stddef.h>
#include <stdint.h>

#define XC_MINHASH_SLOTS 64 /* a power of two */

typedef struct xc_minhash {
    uint32_t v[XC_MINHASH_SLOTS];
} xc_minhash;

void xc_minhash_compute(const uint64_t *shingles, size_t n, xc_minhash *out);
double xc_minhash_jaccard(const xc_minhash *a, const xc_minhash *b);

/* Distinct values in a shingle array (sorts it). */
size_t xc_shingles_distinct(uint64_t *shingles, size_t n);

#endif
