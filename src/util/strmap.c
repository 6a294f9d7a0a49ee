#include "strmap.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

static xc_strmap_slot *find_slot(const xc_strmap *m, const char *key, size_t len,
                                 uint64_t hash)
{
    size_t mask = m->capacity - 1;
    for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
        xc_strmap_slot *s = &m->slots[i];
        if (!s->key || (s->hash == hash && s->len == len && memcmp(s->key, key, len) == 0))
            return s;
    }
}

static bool grow(xc_strmap *m)
{
    size_t cap = m->capacity ? m->capacity * 2 : 64;
    xc_strmap_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return false;
    xc_strmap old = *m;
    m->slots = slots;
    m->capacity = cap;
    for (size_t i = 0; i < old.capacity; i++) {
        if (old.slots[i].key)
            *find_slot(m, old.slots[i].key, old.slots[i].len, old.slots[i].hash) = old.slots[i];
    }
    free(old.slots);
    return true;
}

bool xc_strmap_get(const xc_strmap *m, const char *key, size_t len, uint32_t *value)
{
    if (!m->count)
        return false;
    xc_strmap_slot *s = find_slot(m, key, len, XXH3_64bits(key, len));
    if (!s->key)
        return false;
    if (value)
        *value = s->value;
    return true;
}

const char *xc_strmap_key(const xc_strmap *m, const char *key, size_t len)
{
    if (!m->count)
        return NULL;
    return find_slot(m, key, len, XXH3_64bits(key, len))->key;
}

bool xc_strmap_put(xc_strmap *m, const char *key, size_t len, uint32_t value)
{
    if (len > UINT32_MAX)
        return false;
    /* Keep the load under 1/2 so probes stay short. */
    if ((m->count + 1) * 2 > m->capacity && !grow(m))
        return false;
    uint64_t hash = XXH3_64bits(key, len);
    xc_strmap_slot *s = find_slot(m, key, len, hash);
    if (!s->key) {
        char *copy = xc_arena_strndup(&m->keys, key, len);
        if (!copy)
            return false;
        *s = (xc_strmap_slot){.key = copy, .len = (uint32_t)len, .hash = hash};
        m->count++;
    }
    s->value = value;
    return true;
}

void xc_strmap_free(xc_strmap *m)
{
    free(m->slots);
    xc_arena_free(&m->keys);
    *m = (xc_strmap){0};
}
