#include "codec.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void put_u32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v, p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16), p[3] = (unsigned char)(v >> 24);
}

static uint32_t get_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

unsigned char *xc_encode_weights(const xc_term_weight *v, size_t n, size_t *size)
{
    *size = n * 8;
    unsigned char *blob = malloc(*size ? *size : 1);
    if (!blob)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        uint32_t bits;
        memcpy(&bits, &v[i].weight, 4);
        put_u32(blob + 8 * i, v[i].term);
        put_u32(blob + 8 * i + 4, bits);
    }
    return blob;
}

bool xc_decode_weights(const void *blob, size_t size, xc_docvec *out)
{
    const unsigned char *p = blob;
    size_t n = blob ? size / 8 : 0;
    out->items = malloc((n ? n : 1) * sizeof *out->items);
    if (!out->items)
        return false;
    out->capacity = n ? n : 1;
    out->count = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t bits = get_u32(p + 8 * i + 4);
        float w;
        memcpy(&w, &bits, 4);
        uint32_t term = get_u32(p + 8 * i);
        if (!isfinite(w) || term == 0 || (out->count && term <= out->items[out->count - 1].term))
            continue;
        out->items[out->count++] = (xc_term_weight){term, w};
    }
    return true;
}

void xc_encode_minhash(const xc_minhash *sig, unsigned char out[XC_MINHASH_BYTES])
{
    for (size_t i = 0; i < XC_MINHASH_SLOTS; i++) {
        out[2 * i] = (unsigned char)sig->v[i];
        out[2 * i + 1] = (unsigned char)(sig->v[i] >> 8);
    }
}

bool xc_decode_minhash(const void *blob, size_t size, xc_minhash *out)
{
    if (!blob || size != XC_MINHASH_BYTES)
        return false;
    const unsigned char *p = blob;
    for (size_t i = 0; i < XC_MINHASH_SLOTS; i++)
        out->v[i] = (uint16_t)(p[2 * i] | p[2 * i + 1] << 8);
    return true;
}
