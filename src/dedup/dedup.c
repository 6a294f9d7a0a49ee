#include "dedup.h"

#include <stdlib.h>
#include <string.h>

#include "../util/intmap.h"
#include "../util/vec.h"

/* Chosen by measurement on the generated stream (docs/architecture.md,
 * "Duplicates"): lightly reworded copies have Jaccard 0.46-0.69 over 4-word
 * shingles, unrelated articles at most 0.08; copies with an intro or a cut
 * ending contain the other at 1.0, unrelated ones at most 0.16. 21 bands of
 * 3 rows find pairs at Jaccard 0.4 with probability 0.75 and 0.3 with 0.44;
 * the opening-words key finds the short cuts that Jaccard misses. */
const xc_dedup_params xc_dedup_defaults = {
    .shingle_words = 4,
    .bands = 21,
    .rows = 3,
    .near_jaccard = 0.40,
    .min_containment = 0.75,
    .lead_containment = 0.50,
    .min_shingles = 8,
    .lead_words = 12,
    .window = 14 * 24 * 3600,
    .max_docs = 200000,
};

#define NONE UINT32_MAX

const char *xc_copy_kind_name(xc_copy_kind kind)
{
    switch (kind) {
    case XC_COPY_EXACT: return "exact";
    case XC_COPY_NEAR: return "near";
    case XC_COPY_CONTAINS: return "contains";
    case XC_COPY_EXCERPT: return "excerpt";
    default: return "none";
    }
}

xc_copy_kind xc_copy_kind_parse(const char *name)
{
    for (int k = XC_COPY_EXACT; k <= XC_COPY_EXCERPT; k++)
        if (name && strcmp(name, xc_copy_kind_name((xc_copy_kind)k)) == 0)
            return (xc_copy_kind)k;
    return XC_COPY_NONE;
}

typedef struct indexed_doc {
    xc_dedup_item item;
    uint32_t group;  /* index into groups, or NONE */
    bool alive;
    bool banded;     /* entered in the band index */
} indexed_doc;

typedef struct dup_group {
    int64_t id;
    int64_t origin_key, origin_ts;
    uint32_t members; /* live in the index; the record goes with the last */
} dup_group;

/* LSH entries: a band's fingerprint and the article's slot. */
typedef struct band_entry {
    uint32_t fingerprint;
    uint32_t slot; /* NONE = empty, NONE - 1 = deleted */
} band_entry;

#define ENTRY_EMPTY NONE
#define MAX_BUCKET 16 /* entries kept per band value */
#define ENTRY_DELETED (NONE - 1)

struct xc_dedup {
    xc_dedup_params p;
    indexed_doc *docs;
    size_t doc_count, doc_capacity, live; /* doc_count: slots ever used */
    xc_u32_list free_slots;
    struct {
        uint32_t *items;        /* slots in arrival order (a ring) */
        size_t head, count, capacity;
    } fifo;
    xc_intmap by_key, by_text, by_lead;
    band_entry *bands;
    size_t band_capacity, band_used, band_live;
    dup_group *groups;
    size_t group_count, group_capacity;
    xc_u32_list free_groups;
    xc_intmap group_by_id;
    int64_t next_group;
    int64_t now; /* latest publication time seen */
    /* candidate scratch */
    uint32_t *stamp;
    size_t stamp_capacity;
    uint32_t stamp_now;
    xc_u32_list candidates;
};

xc_dedup *xc_dedup_new(const xc_dedup_params *p, int64_t next_group)
{
    xc_dedup *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->p = p ? *p : xc_dedup_defaults;
    if (d->p.bands * d->p.rows > XC_MINHASH_SLOTS || d->p.bands == 0 || d->p.rows == 0) {
        d->p.bands = xc_dedup_defaults.bands;
        d->p.rows = xc_dedup_defaults.rows;
    }
    if (d->p.max_docs == 0)
        d->p.max_docs = xc_dedup_defaults.max_docs;
    d->next_group = next_group > 0 ? next_group : 1;
    d->now = INT64_MIN;
    return d;
}

void xc_dedup_free(xc_dedup *d)
{
    if (!d)
        return;
    free(d->docs);
    free(d->free_slots.items);
    free(d->fifo.items);
    xc_intmap_free(&d->by_key);
    xc_intmap_free(&d->by_text);
    xc_intmap_free(&d->by_lead);
    free(d->bands);
    free(d->groups);
    free(d->free_groups.items);
    xc_intmap_free(&d->group_by_id);
    free(d->stamp);
    free(d->candidates.items);
    free(d);
}

/* ---- LSH bands ------------------------------------------------------ */

static uint32_t band_fingerprint(const xc_dedup *d, const xc_minhash *sig, unsigned band)
{
    uint64_t h = 0x9E3779B97F4A7C15ull * (band + 1);
    for (unsigned r = 0; r < d->p.rows; r++) {
        h ^= sig->v[band * d->p.rows + r];
        h *= 0xff51afd7ed558ccdull;
        h ^= h >> 32;
    }
    return (uint32_t)h;
}

static bool bands_rebuild(xc_dedup *d, size_t capacity);

static bool band_insert(xc_dedup *d, uint32_t fingerprint, uint32_t slot)
{
    /* Rebuilt at four fifths full (deleted entries included), to at most
     * two thirds full: probes stay short and the table small. */
    if ((d->band_used + 1) * 5 > d->band_capacity * 4) {
        size_t capacity = 1024;
        while (capacity * 2 < (d->band_live + 1) * 3)
            capacity *= 2;
        if (!bands_rebuild(d, capacity))
            return false;
    }
    /* Copies share band values: past a few entries with this fingerprint a
     * bucket says nothing new, and a long one would make every probe slow. */
    size_t mask = d->band_capacity - 1, same = 0;
    size_t i = fingerprint & mask;
    for (; d->bands[i].slot != ENTRY_EMPTY; i = (i + 1) & mask)
        if (d->bands[i].fingerprint == fingerprint && d->bands[i].slot != ENTRY_DELETED &&
            ++same >= MAX_BUCKET)
            return true;
    d->bands[i] = (band_entry){fingerprint, slot};
    d->band_used++;
    d->band_live++;
    return true;
}

static void band_delete(xc_dedup *d, uint32_t fingerprint, uint32_t slot)
{
    if (!d->band_capacity)
        return;
    size_t mask = d->band_capacity - 1;
    for (size_t i = fingerprint & mask; d->bands[i].slot != ENTRY_EMPTY; i = (i + 1) & mask) {
        if (d->bands[i].slot == slot && d->bands[i].fingerprint == fingerprint) {
            d->bands[i].slot = ENTRY_DELETED;
            d->band_live--;
            return;
        }
    }
}

/* Rebuild from the live articles: sweeps deleted entries. */
static bool bands_rebuild(xc_dedup *d, size_t capacity)
{
    band_entry *fresh = malloc(capacity * sizeof *fresh);
    if (!fresh)
        return false;
    for (size_t i = 0; i < capacity; i++)
        fresh[i].slot = ENTRY_EMPTY;
    band_entry *old = d->bands;
    size_t old_capacity = d->band_capacity;
    d->bands = fresh;
    d->band_capacity = capacity;
    d->band_used = d->band_live = 0;
    size_t mask = capacity - 1;
    for (size_t i = 0; i < old_capacity; i++) {
        if (old[i].slot >= ENTRY_DELETED)
            continue;
        size_t k = old[i].fingerprint & mask;
        while (fresh[k].slot != ENTRY_EMPTY)
            k = (k + 1) & mask;
        fresh[k] = old[i];
        d->band_used++;
        d->band_live++;
    }
    free(old);
    return true;
}

/* ---- groups --------------------------------------------------------- */

static uint32_t group_index(const xc_dedup *d, int64_t id)
{
    uint32_t index;
    return id && xc_intmap_get(&d->group_by_id, (uint64_t)id, &index) ? index : NONE;
}

static uint32_t group_make(xc_dedup *d, int64_t id, int64_t origin_key, int64_t origin_ts)
{
    uint32_t index;
    if (d->free_groups.count) {
        index = d->free_groups.items[--d->free_groups.count];
    } else {
        if (d->group_count == d->group_capacity) {
            size_t capacity = d->group_capacity ? d->group_capacity * 2 : 256;
            dup_group *groups = realloc(d->groups, capacity * sizeof *groups);
            if (!groups)
                return NONE;
            d->groups = groups;
            d->group_capacity = capacity;
        }
        index = (uint32_t)d->group_count++;
    }
    d->groups[index] = (dup_group){id, origin_key, origin_ts, 0};
    if (!xc_intmap_put(&d->group_by_id, (uint64_t)id, index))
        return NONE;
    return index;
}

static void group_leave(xc_dedup *d, uint32_t index)
{
    if (index == NONE)
        return;
    dup_group *g = &d->groups[index];
    if (g->members > 0 && --g->members == 0) {
        xc_intmap_remove(&d->group_by_id, (uint64_t)g->id);
        XC_VEC_PUSH(&d->free_groups, index); /* if this fails the record just stays */
    }
}

/* ---- the index ------------------------------------------------------ */

static void forget_slot(xc_dedup *d, uint32_t slot)
{
    indexed_doc *doc = &d->docs[slot];
    if (!doc->alive)
        return;
    const xc_dedup_item *it = &doc->item;
    uint32_t v;
    if (xc_intmap_get(&d->by_key, (uint64_t)it->key, &v) && v == slot)
        xc_intmap_remove(&d->by_key, (uint64_t)it->key);
    if (it->text_hash && xc_intmap_get(&d->by_text, it->text_hash, &v) && v == slot)
        xc_intmap_remove(&d->by_text, it->text_hash);
    if (it->lead_hash && xc_intmap_get(&d->by_lead, it->lead_hash, &v) && v == slot)
        xc_intmap_remove(&d->by_lead, it->lead_hash);
    if (doc->banded)
        for (unsigned b = 0; b < d->p.bands; b++)
            band_delete(d, band_fingerprint(d, &it->sig, b), slot);
    group_leave(d, doc->group);
    doc->alive = false;
    d->live--;
    XC_VEC_PUSH(&d->free_slots, slot);
}

/* Drop articles that fell out of the window (time or count). */
static void expire(xc_dedup *d)
{
    while (d->fifo.count > 0) {
        uint32_t slot = d->fifo.items[d->fifo.head];
        indexed_doc *doc = &d->docs[slot];
        bool old = doc->alive && doc->item.ts != INT64_MIN && d->now != INT64_MIN &&
                   doc->item.ts < d->now - d->p.window;
        if (doc->alive && !old && d->live <= d->p.max_docs)
            break;
        forget_slot(d, slot);
        d->fifo.head = (d->fifo.head + 1) % d->fifo.capacity;
        d->fifo.count--;
    }
}

static bool fifo_push(xc_dedup *d, uint32_t slot)
{
    if (d->fifo.count == d->fifo.capacity) {
        size_t capacity = d->fifo.capacity ? d->fifo.capacity * 2 : 1024;
        uint32_t *items = malloc(capacity * sizeof *items);
        if (!items)
            return false;
        for (size_t i = 0; i < d->fifo.count; i++)
            items[i] = d->fifo.items[(d->fifo.head + i) % d->fifo.capacity];
        free(d->fifo.items);
        d->fifo.items = items;
        d->fifo.capacity = capacity;
        d->fifo.head = 0;
    }
    d->fifo.items[(d->fifo.head + d->fifo.count) % d->fifo.capacity] = slot;
    d->fifo.count++;
    return true;
}

/* `exact_copy`: the item has the same words as an indexed article, which
 * already stands for it in the band and opening indexes. */
static xc_status insert(xc_dedup *d, const xc_dedup_item *item, uint32_t group, bool exact_copy)
{
    uint32_t slot;
    if (d->free_slots.count) {
        slot = d->free_slots.items[--d->free_slots.count];
    } else {
        if (d->doc_count == d->doc_capacity) {
            size_t capacity = d->doc_capacity ? d->doc_capacity + d->doc_capacity / 2 : 1024;
            if (capacity >= UINT32_MAX - 2)
                return XC_ERR_NOMEM;
            indexed_doc *docs = realloc(d->docs, capacity * sizeof *docs);
            if (!docs)
                return XC_ERR_NOMEM;
            d->docs = docs;
            d->doc_capacity = capacity;
        }
        slot = (uint32_t)d->doc_count++;
    }
    d->docs[slot] = (indexed_doc){.item = *item, .group = group, .alive = true};
    d->live++;
    if (group != NONE)
        d->groups[group].members++;
    if (!xc_intmap_put(&d->by_key, (uint64_t)item->key, slot) || !fifo_push(d, slot))
        return XC_ERR_NOMEM;
    /* For a text or an opening, the index keeps the first article that had
     * it: copies then point at the likeliest origin, not at each other. */
    if (item->text_hash && !xc_intmap_get(&d->by_text, item->text_hash, NULL) &&
        !xc_intmap_put(&d->by_text, item->text_hash, slot))
        return XC_ERR_NOMEM;
    if (!exact_copy && item->lead_hash && !xc_intmap_get(&d->by_lead, item->lead_hash, NULL) &&
        !xc_intmap_put(&d->by_lead, item->lead_hash, slot))
        return XC_ERR_NOMEM;
    d->docs[slot].banded = !exact_copy && item->shingles >= d->p.min_shingles;
    if (d->docs[slot].banded)
        for (unsigned b = 0; b < d->p.bands; b++)
            if (!band_insert(d, band_fingerprint(d, &item->sig, b), slot))
                return XC_ERR_NOMEM;
    if (item->ts != INT64_MIN && (d->now == INT64_MIN || item->ts > d->now))
        d->now = item->ts;
    expire(d);
    return XC_OK;
}

/* ---- matching ------------------------------------------------------- */

typedef struct comparison {
    double jaccard, containment;
    xc_copy_kind kind;
} comparison;

/* How `a` relates to `b`, from signatures and distinct shingle counts:
 * |A ∩ B| = J (|A| + |B|) / (1 + J). */
static comparison compare(const xc_dedup *d, const xc_dedup_item *a, const xc_dedup_item *b,
                          bool same_lead)
{
    comparison c = {0};
    if (a->text_hash && a->text_hash == b->text_hash) {
        c.jaccard = c.containment = 1;
        c.kind = XC_COPY_EXACT;
        return c;
    }
    if (a->shingles < d->p.min_shingles || b->shingles < d->p.min_shingles)
        return c;
    c.jaccard = xc_minhash_jaccard(&a->sig, &b->sig);
    double sa = a->shingles, sb = b->shingles;
    double inter = c.jaccard * (sa + sb) / (1 + c.jaccard);
    c.containment = inter / (sa < sb ? sa : sb);
    if (c.containment > 1)
        c.containment = 1;
    /* One text inside a clearly longer one is containment even when the
     * Jaccard is high; texts of about the same length that agree are near. */
    bool contained = c.containment >= (same_lead ? d->p.lead_containment : d->p.min_containment);
    double ratio = sa < sb ? sa / sb : sb / sa;
    if (contained && ratio < 0.8)
        c.kind = sa > sb ? XC_COPY_CONTAINS : XC_COPY_EXCERPT;
    else if (c.jaccard >= d->p.near_jaccard)
        c.kind = XC_COPY_NEAR;
    else if (contained)
        c.kind = sa > sb ? XC_COPY_CONTAINS : XC_COPY_EXCERPT;
    return c;
}

static xc_copy_kind inverse(xc_copy_kind kind)
{
    return kind == XC_COPY_CONTAINS ? XC_COPY_EXCERPT : kind == XC_COPY_EXCERPT ? XC_COPY_CONTAINS : kind;
}

static bool candidate(xc_dedup *d, uint32_t slot)
{
    if (slot >= d->doc_count || !d->docs[slot].alive)
        return true;
    if (d->stamp[slot] == d->stamp_now)
        return true;
    d->stamp[slot] = d->stamp_now;
    return XC_VEC_PUSH(&d->candidates, slot);
}

/* The best article the item copies: its slot, or NONE. */
static uint32_t best_match(xc_dedup *d, const xc_dedup_item *item, comparison *best)
{
    memset(best, 0, sizeof *best);
    uint32_t slot;
    if (item->text_hash && xc_intmap_get(&d->by_text, item->text_hash, &slot) && d->docs[slot].alive) {
        *best = (comparison){1, 1, XC_COPY_EXACT};
        return slot;
    }
    if (d->stamp_capacity < d->doc_capacity) {
        uint32_t *stamp = realloc(d->stamp, d->doc_capacity * sizeof *stamp);
        if (!stamp)
            return NONE;
        memset(stamp + d->stamp_capacity, 0, (d->doc_capacity - d->stamp_capacity) * sizeof *stamp);
        d->stamp = stamp;
        d->stamp_capacity = d->doc_capacity;
    }
    if (++d->stamp_now == 0) {
        memset(d->stamp, 0, d->stamp_capacity * sizeof *d->stamp);
        d->stamp_now = 1;
    }
    d->candidates.count = 0;
    uint32_t lead_slot = NONE;
    if (item->lead_hash && xc_intmap_get(&d->by_lead, item->lead_hash, &slot) && d->docs[slot].alive) {
        lead_slot = slot;
        candidate(d, slot);
    }
    if (item->shingles >= d->p.min_shingles && d->band_capacity) {
        size_t mask = d->band_capacity - 1;
        for (unsigned b = 0; b < d->p.bands; b++) {
            uint32_t fp = band_fingerprint(d, &item->sig, b);
            for (size_t i = fp & mask; d->bands[i].slot != ENTRY_EMPTY; i = (i + 1) & mask) {
                const band_entry *e = &d->bands[i];
                if (e->slot == ENTRY_DELETED || e->fingerprint != fp)
                    continue;
                /* A fingerprint can collide with another band's: check. */
                if (e->slot < d->doc_count && d->docs[e->slot].alive &&
                    band_fingerprint(d, &d->docs[e->slot].item.sig, b) == fp)
                    candidate(d, e->slot);
            }
        }
    }
    uint32_t chosen = NONE;
    double chosen_score = 0;
    for (size_t i = 0; i < d->candidates.count; i++) {
        uint32_t s = d->candidates.items[i];
        comparison c = compare(d, item, &d->docs[s].item, s == lead_slot);
        double score = c.jaccard > c.containment ? c.jaccard : c.containment;
        /* Ties go to the earlier article: the likelier origin. */
        if (c.kind != XC_COPY_NONE && (score > chosen_score || (score == chosen_score && chosen != NONE &&
                                                                d->docs[s].item.ts < d->docs[chosen].item.ts))) {
            chosen = s;
            chosen_score = score;
            *best = c;
        }
    }
    return chosen;
}

xc_status xc_dedup_process(xc_dedup *d, const xc_dedup_item *item, xc_dedup_result *out)
{
    memset(out, 0, sizeof *out);
    if (xc_intmap_get(&d->by_key, (uint64_t)item->key, NULL))
        xc_dedup_remove(d, item->key); /* a new version of an article we hold */
    comparison c;
    uint32_t match = best_match(d, item, &c);
    uint32_t group = NONE;
    if (match != NONE) {
        indexed_doc *m = &d->docs[match];
        out->is_copy = true;
        out->copy_of = m->item.key;
        out->kind = c.kind;
        out->jaccard = c.jaccard;
        out->containment = c.containment;
        group = m->group;
        if (group == NONE) {
            group = group_make(d, d->next_group++, m->item.key, m->item.ts);
            if (group == NONE)
                return XC_ERR_NOMEM;
            m->group = group;
            d->groups[group].members++;
            out->new_group = true;
        }
        dup_group *g = &d->groups[group];
        out->group = g->id;
        if (item->ts != INT64_MIN && g->origin_ts != INT64_MIN && item->ts < g->origin_ts) {
            /* Known to be earlier than the origin: the item is the origin now. */
            out->rerooted = true;
            out->old_origin = g->origin_key;
            uint32_t old_slot;
            if (g->origin_key == m->item.key) {
                out->old_origin_kind = inverse(c.kind);
                out->old_origin_jaccard = c.jaccard;
                out->old_origin_containment = c.containment;
            } else if (xc_intmap_get(&d->by_key, (uint64_t)g->origin_key, &old_slot)) {
                comparison o = compare(d, &d->docs[old_slot].item, item, false);
                out->old_origin_kind = o.kind != XC_COPY_NONE ? o.kind : inverse(c.kind);
                out->old_origin_jaccard = o.jaccard;
                out->old_origin_containment = o.containment;
            } else { /* the old origin left the window: judge by the match */
                out->old_origin_kind = inverse(c.kind);
                out->old_origin_jaccard = c.jaccard;
                out->old_origin_containment = c.containment;
            }
            g->origin_key = item->key;
            g->origin_ts = item->ts;
        }
        out->origin = g->origin_key;
    }
    return insert(d, item, group, out->is_copy && out->kind == XC_COPY_EXACT);
}

xc_status xc_dedup_restore(xc_dedup *d, const xc_dedup_item *item, int64_t group_id, int64_t origin_key,
                           int64_t origin_ts)
{
    uint32_t group = NONE;
    if (group_id) {
        group = group_index(d, group_id);
        if (group == NONE) {
            group = group_make(d, group_id, origin_key, origin_ts);
            if (group == NONE)
                return XC_ERR_NOMEM;
        }
        if (group_id >= d->next_group)
            d->next_group = group_id + 1;
    }
    uint32_t same;
    bool exact = item->text_hash && xc_intmap_get(&d->by_text, item->text_hash, &same) && d->docs[same].alive;
    return insert(d, item, group, exact);
}

void xc_dedup_remove(xc_dedup *d, int64_t key)
{
    uint32_t slot;
    if (xc_intmap_get(&d->by_key, (uint64_t)key, &slot))
        forget_slot(d, slot); /* its fifo entry is skipped when it comes up */
}

size_t xc_dedup_live(const xc_dedup *d) { return d->live; }

size_t xc_dedup_memory(const xc_dedup *d)
{
    return sizeof *d + d->doc_capacity * sizeof(indexed_doc) + d->free_slots.capacity * sizeof(uint32_t) +
           d->fifo.capacity * sizeof(uint32_t) + xc_intmap_memory(&d->by_key) +
           xc_intmap_memory(&d->by_text) + xc_intmap_memory(&d->by_lead) +
           d->band_capacity * sizeof(band_entry) + d->group_capacity * sizeof(dup_group) +
           d->free_groups.capacity * sizeof(uint32_t) + xc_intmap_memory(&d->group_by_id) +
           d->stamp_capacity * sizeof(uint32_t) + d->candidates.capacity * sizeof(uint32_t);
}
