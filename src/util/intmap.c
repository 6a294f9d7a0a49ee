#include "intmap.h"

#include <stdlib.h>

enum { EMPTY = 0, USED = 1, DELETED = 2 };

static uint64_t spread(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    return x;
}

/* The slot holding `key`, or the empty slot where it would go. */
static xc_intmap_slot *find(const xc_intmap *m, uint64_t key)
{
    size_t mask = m->capacity - 1;
    for (size_t i = spread(key) & mask;; i = (i + 1) & mask) {
        xc_intmap_slot *s = &m->slots[i];
        if (s->state == EMPTY || (s->state == USED && s->key == key))
            return s;
    }
}

static bool rebuild(xc_intmap *m, size_t capacity)
{
    xc_intmap_slot *slots = calloc(capacity, sizeof *slots);
    if (!slots)
        return false;
    xc_intmap old = *m;
    m->slots = slots;
    m->capacity = capacity;
    m->deleted = 0;
    for (size_t i = 0; i < old.capacity; i++)
        if (old.slots[i].state == USED)
            *find(m, old.slots[i].key) = old.slots[i];
    free(old.slots);
    return true;
}

bool xc_intmap_get(const xc_intmap *m, uint64_t key, uint32_t *value)
{
    if (!m->count)
        return false;
    xc_intmap_slot *s = find(m, key);
    if (s->state != USED)
        return false;
    if (value)
        *value = s->value;
    return true;
}

bool xc_intmap_put(xc_intmap *m, uint64_t key, uint32_t value)
{
    /* Live and deleted slots together stay under three quarters of the
     * table; a rebuild leaves it at most half full. */
    if ((m->count + m->deleted + 1) * 4 > m->capacity * 3) {
        size_t capacity = 64;
        while (capacity < (m->count + 1) * 2)
            capacity *= 2;
        if (!rebuild(m, capacity))
            return false;
    }
    xc_intmap_slot *s = find(m, key);
    if (s->state != USED) {
        s->state = USED;
        s->key = key;
        m->count++;
    }
    s->value = value;
    return true;
}

bool xc_intmap_remove(xc_intmap *m, uint64_t key)
{
    if (!m->count)
        return false;
    xc_intmap_slot *s = find(m, key);
    if (s->state != USED)
        return false;
    s->state = DELETED;
    m->count--;
    m->deleted++;
    return true;
}

void xc_intmap_free(xc_intmap *m)
{
    free(m->slots);
    *m = (xc_intmap){0};
}

size_t xc_intmap_memory(const xc_intmap *m) { return m->capacity * sizeof(xc_intmap_slot); }
