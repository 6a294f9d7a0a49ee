/* Binary columns: term-weight vectors and MinHash signatures, little-endian
 * so a store moves between machines. */
#ifndef XC_CODEC_H
#define XC_CODEC_H

#include <stdbool.h>
#include <stddef.h>

#include "../analyze/docvec.h"
#include "../dedup/minhash.h"

/* (u32 term, f32 weight) pairs; malloc'd, size in *size. */
unsigned char *xc_encode_weights(const xc_term_weight *v, size_t n, size_t *size);
/* Decode into out (allocated); entries out of term order or not finite are
 * dropped, so a damaged blob loses entries, never the store. */
bool xc_decode_weights(const void *blob, size_t size, xc_docvec *out);

#define XC_MINHASH_BYTES (XC_MINHASH_SLOTS * 2)
void xc_encode_minhash(const xc_minhash *sig, unsigned char out[XC_MINHASH_BYTES]);
bool xc_decode_minhash(const void *blob, size_t size, xc_minhash *out);

#endif
