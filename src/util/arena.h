/* A bump allocator: many small allocations freed at once. Used for strings
 * that live as long as a map or a batch does. */
#ifndef XC_ARENA_H
#define XC_ARENA_H

#include <stddef.h>

typedef struct xc_arena_block xc_arena_block;

typedef struct xc_arena {
    xc_arena_block *head;
    size_t block_size; /* 0 = 64 KiB */
    size_t used_bytes; /* total handed out, for memory accounting */
} xc_arena;

void *xc_arena_alloc(xc_arena *a, size_t size); /* 8-byte aligned; NULL on OOM */
char *xc_arena_strndup(xc_arena *a, const char *s, size_t len);
void xc_arena_free(xc_arena *a);

#endif
