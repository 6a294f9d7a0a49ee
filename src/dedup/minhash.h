/* MinHash signatures of shingle sets by one-permutation hashing: each
 * shingle hash is looked at once, its top bits pick a slot and the slot
 * keeps the smallest value seen; empty slots borrow from the next filled
 * one (densification). The share of equal slots estimates Jaccard. */
#ifndef XC_MINHASH_H
#define XC_MINHASH_H

#include <stddef.h>
#include <stdint.h>

#define XC_MINHASH_SLOTS 64 /* a power of two */

/* Each slot keeps the low 16 bits of its minimum ("b-bit MinHash"): two
 * different minima agree by chance once in 65,536 slots, a bias far below
 * the estimate's own noise, for half the memory. */
typedef struct xc_minhash {
    uint16_t v[XC_MINHASH_SLOTS];
} xc_minhash;

void xc_minhash_compute(const uint64_t *shingles, size_t n, xc_minhash *out);
double xc_minhash_jaccard(const xc_minhash *a, const xc_minhash *b);

#endif
