/* A map from 64-bit keys to 32-bit values with deletion: open addressing,
 * linear probing, tombstones swept when the table is rebuilt. */
#ifndef XC_INTMAP_H
#define XC_INTMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct xc_intmap_slot {
    uint64_t key;
    uint32_t value;
    uint32_t state; /* 0 empty, 1 used, 2 deleted */
} xc_intmap_slot;

typedef struct xc_intmap {
    xc_intmap_slot *slots;
    size_t capacity, count, deleted;
} xc_intmap;

bool xc_intmap_get(const xc_intmap *m, uint64_t key, uint32_t *value);
bool xc_intmap_put(xc_intmap *m, uint64_t key, uint32_t value); /* false: out of memory */
bool xc_intmap_remove(xc_intmap *m, uint64_t key);              /* false: not present */
void xc_intmap_free(xc_intmap *m);
size_t xc_intmap_memory(const xc_intmap *m);

#endif
