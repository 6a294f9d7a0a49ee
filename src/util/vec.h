/* Growable arrays for any struct that has `items`, `count` and `capacity`
 * members (the xc_*_list types of the public header follow this shape). */
#ifndef XC_VEC_H
#define XC_VEC_H

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

/* Make room for `extra` more items; false when out of memory. */
#define XC_VEC_RESERVE(v, extra)                                              \
    xc_vec_grow((void **)&(v)->items, &(v)->capacity, (v)->count, (extra),    \
                sizeof *(v)->items)

/* Append one item; evaluates to false when out of memory. */
#define XC_VEC_PUSH(v, item)                                                  \
    (XC_VEC_RESERVE((v), 1) ? ((v)->items[(v)->count++] = (item), true) : false)

static inline bool xc_vec_grow(void **items, size_t *capacity, size_t count,
                               size_t extra, size_t item_size)
{
    if (count + extra <= *capacity)
        return true;
    size_t cap = *capacity ? *capacity : 16;
    while (cap < count + extra) {
        if (cap > ((size_t)-1) / 2 / item_size)
            return false;
        cap *= 2;
    }
    void *p = realloc(*items, cap * item_size);
    if (!p)
        return false;
    *items = p;
    *capacity = cap;
    return true;
}

/* Plain growable arrays of integers. */
typedef struct xc_u32_list {
    uint32_t *items;
    size_t count, capacity;
} xc_u32_list;

typedef struct xc_u64_list {
    uint64_t *items;
    size_t count, capacity;
} xc_u64_list;

#endif
