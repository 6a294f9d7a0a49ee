#include "arena.h"

#include <stdlib.h>
#include <string.h>

struct xc_arena_block {
    xc_arena_block *next;
    size_t used, size;
    _Alignas(8) unsigned char data[];
};

void *xc_arena_alloc(xc_arena *a, size_t size)
{
    size = (size + 7) & ~(size_t)7;
    xc_arena_block *b = a->head;
    if (!b || b->size - b->used < size) {
        size_t block = a->block_size ? a->block_size : 64 * 1024;
        if (block < size)
            block = size;
        b = malloc(sizeof *b + block);
        if (!b)
            return NULL;
        b->used = 0;
        b->size = block;
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += size;
    a->used_bytes += size;
    return p;
}

char *xc_arena_strndup(xc_arena *a, const char *s, size_t len)
{
    char *p = xc_arena_alloc(a, len + 1);
    if (!p)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

void xc_arena_free(xc_arena *a)
{
    xc_arena_block *b = a->head;
    while (b) {
        xc_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->used_bytes = 0;
}
