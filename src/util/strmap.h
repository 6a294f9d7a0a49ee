/* A map from byte strings to 32-bit values: open addressing with linear
 * probing on XXH3 hashes; keys are copied into the map's arena. The work
 * horse of term dictionaries and stem caches. */
#ifndef XC_STRMAP_H
#define XC_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

typedef struct xc_strmap_slot {
    const char *key; /* NULL = empty */
    uint32_t len;
    uint32_t value;
    uint64_t hash;
} xc_strmap_slot;

typedef struct xc_strmap {
    xc_strmap_slot *slots;
    size_t capacity, count; /* capacity is a power of two */
    xc_arena keys;
} xc_strmap;

/* Look up `key`; returns true and fills *value when present. */
bool xc_strmap_get(const xc_strmap *m, const char *key, size_t len, uint32_t *value);
/* Insert or overwrite. Returns false when out of memory. */
bool xc_strmap_put(xc_strmap *m, const char *key, size_t len, uint32_t value);
/* The stored copy of a key that is present (NUL-terminated), or NULL. */
const char *xc_strmap_key(const xc_strmap *m, const char *key, size_t len);
void xc_strmap_free(xc_strmap *m);

/* Walk every entry: for (size_t i = 0; i < m->capacity; i++) if (m->slots[i].key) ... */

#endif
