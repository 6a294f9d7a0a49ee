#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ner/features.h"
#include "ner/model.h"
#include "util/error.h"
#include "util/file.h"

static const char magic[8] = {'X', 'C', 'N', 'E', 'R', '0', '0', '1'};
#define HEADER_SIZE 64

typedef struct header {
    char magic[8];
    uint32_t byte_order; /* 0x01020304 as written */
    uint32_t labels;
    uint64_t features, pairs, flags;
    uint8_t reserved[HEADER_SIZE - 40];
} header;

static size_t align4(size_t n) { return (n + 3) & ~(size_t)3; }

static size_t layout(uint64_t features, uint64_t pairs, size_t *offsets_at, size_t *weights_at, size_t *labels_at)
{
    size_t at = HEADER_SIZE + (size_t)features * 8;
    *offsets_at = at;
    at += ((size_t)features + 1) * 4;
    *weights_at = align4(at);
    at = *weights_at + (size_t)pairs * 4;
    *labels_at = at;
    return at + (size_t)pairs;
}

static xc_status build_table(xc_ner_model *m, xc_error *err)
{
    uint64_t cap = 16;
    while (cap < m->features * 2)
        cap *= 2;
    m->table = calloc(cap, sizeof *m->table);
    if (!m->table)
        return xc_fail(err, XC_ERR_NOMEM, "entity model: out of memory");
    m->mask = cap - 1;
    m->packed = malloc((m->pairs ? m->pairs : 1) * sizeof *m->packed);
    if (!m->packed)
        return xc_fail(err, XC_ERR_NOMEM, "entity model: out of memory");
    for (uint64_t k = 0; k < m->pairs; k++)
        m->packed[k] = (xc_ner_weight){m->weights[k], m->labels[k]};
    for (uint64_t i = 0; i < m->features; i++) {
        if (m->offsets[i] == m->offsets[i + 1])
            continue; /* no weights: nothing to score */
        uint64_t h = m->keys[i] & m->mask;
        while (m->table[h].end)
            h = (h + 1) & m->mask;
        m->table[h] = (xc_ner_slot){m->keys[i], m->offsets[i], m->offsets[i + 1]};
    }
    return XC_OK;
}

xc_status xc_ner_model_load(xc_ner_model *m, const void *data, size_t len, xc_error *err)
{
    memset(m, 0, sizeof *m);
    header h;
    if (len < HEADER_SIZE)
        return xc_fail(err, XC_ERR_FORMAT, "entity model: too short (%zu bytes)", len);
    memcpy(&h, data, sizeof h);
    if (memcmp(h.magic, magic, sizeof magic) != 0)
        return xc_fail(err, XC_ERR_FORMAT, "entity model: not a crosscheck entity model");
    if (h.byte_order != 0x01020304u || h.labels != XC_NER_LABELS)
        return xc_fail(err, XC_ERR_FORMAT, "entity model: written for another byte order or label set");
    if (h.features >= UINT32_MAX || h.pairs >= UINT32_MAX || ((uintptr_t)data & 7) != 0)
        return xc_fail(err, XC_ERR_FORMAT, "entity model: bad sizes");
    size_t offsets_at, weights_at, labels_at;
    if (layout(h.features, h.pairs, &offsets_at, &weights_at, &labels_at) != len)
        return xc_fail(err, XC_ERR_FORMAT, "entity model: size does not match its header");
    const char *base = data;
    m->features = h.features;
    m->pairs = h.pairs;
    m->flags = h.flags;
    m->keys = (const uint64_t *)(const void *)(base + HEADER_SIZE);
    m->offsets = (const uint32_t *)(const void *)(base + offsets_at);
    m->weights = (const float *)(const void *)(base + weights_at);
    m->labels = (const uint8_t *)(base + labels_at);
    if (m->offsets[0] != 0 || m->offsets[m->features] != m->pairs)
        return xc_fail(err, XC_ERR_FORMAT, "entity model: bad offsets");
    for (uint64_t i = 0; i < m->features; i++)
        if (m->offsets[i] > m->offsets[i + 1])
            return xc_fail(err, XC_ERR_FORMAT, "entity model: bad offsets");
    for (uint64_t i = 0; i < m->pairs; i++)
        if (m->labels[i] >= XC_NER_LABELS)
            return xc_fail(err, XC_ERR_FORMAT, "entity model: bad label");
    xc_status st = build_table(m, err);
    if (st != XC_OK) {
        free(m->table);
        free(m->packed);
        m->table = NULL;
        m->packed = NULL;
    }
    return st;
}

xc_status xc_ner_model_read(xc_ner_model *m, const char *path, xc_error *err)
{
    memset(m, 0, sizeof *m);
    char *buf; /* malloc'd: aligned for the arrays read in place */
    size_t size;
    xc_status st = xc_read_file(path, 0, &buf, &size, err);
    if (st != XC_OK)
        return st;
    st = xc_ner_model_load(m, buf, size, err);
    if (st != XC_OK) {
        char why[sizeof err->message];
        snprintf(why, sizeof why, "%s", err ? err->message : "bad model");
        free(buf);
        xc_ner_model_free(m);
        return xc_fail(err, st, "%.200s: %.300s", path, why);
    }
    m->owned = buf;
    return XC_OK;
}

xc_status xc_ner_model_build(xc_ner_model *m, uint64_t flags, const uint64_t *keys, const uint32_t *offsets,
                             size_t features, const float *weights, const uint8_t *labels, size_t pairs,
                             xc_error *err)
{
    size_t offsets_at, weights_at, labels_at;
    size_t len = layout(features, pairs, &offsets_at, &weights_at, &labels_at);
    char *buf = calloc(1, len);
    if (!buf)
        return xc_fail(err, XC_ERR_NOMEM, "entity model: out of memory");
    header h = {{0}, 0x01020304u, XC_NER_LABELS, features, pairs, flags, {0}};
    memcpy(h.magic, magic, sizeof magic);
    memcpy(buf, &h, sizeof h);
    memcpy(buf + HEADER_SIZE, keys, features * 8);
    memcpy(buf + offsets_at, offsets, (features + 1) * 4);
    memcpy(buf + weights_at, weights, pairs * 4);
    memcpy(buf + labels_at, labels, pairs);
    xc_status st = xc_ner_model_load(m, buf, len, err);
    if (st != XC_OK) {
        free(buf);
        return st;
    }
    m->owned = buf;
    return XC_OK;
}

xc_status xc_ner_model_write(const xc_ner_model *m, const char *path, xc_error *err)
{
    size_t offsets_at, weights_at, labels_at;
    size_t len = layout(m->features, m->pairs, &offsets_at, &weights_at, &labels_at);
    const char *base = (const char *)m->keys - HEADER_SIZE;
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    if (!f)
        return xc_fail(err, XC_ERR_IO, "cannot write %s: %s", tmp, strerror(errno));
    bool ok = fwrite(base, 1, len, f) == len;
    ok = fclose(f) == 0 && ok;
    if (!ok || rename(tmp, path) != 0) {
        remove(tmp);
        return xc_fail(err, XC_ERR_IO, "cannot write %s: %s", path, strerror(errno));
    }
    return XC_OK;
}

void xc_ner_model_free(xc_ner_model *m)
{
    free(m->table);
    free(m->packed);
    free(m->owned);
    memset(m, 0, sizeof *m);
}

void xc_ner_model_score(const xc_ner_model *m, const uint64_t *features, size_t count, float *scores)
{
    for (size_t i = 0; i < count; i++) {
        uint64_t h = features[i] & m->mask;
        const xc_ner_slot *slot = &m->table[h];
        while (slot->end && slot->key != features[i]) {
            h = (h + 1) & m->mask;
            slot = &m->table[h];
        }
        for (uint32_t k = slot->first; k < slot->end; k++)
            scores[m->packed[k].label] += m->packed[k].weight;
    }
}

void xc_ner_model_decode(const xc_ner_model *m, const xc_ner_sentence *s, const xc_ner_history *h,
                         uint8_t *labels)
{
    uint64_t feats[XC_NER_MAX_STATIC + XC_NER_MAX_LABEL_FEATURES + XC_NER_MAX_HISTORY];
    uint8_t prev = XC_NER_NO_LABEL, prev2 = XC_NER_NO_LABEL;
    for (size_t i = 0; i < s->count; i++) {
        size_t n = xc_ner_static_features(s, i, feats);
        n += xc_ner_label_features(s, i, prev, prev2, feats + n);
        n += xc_ner_history_features(s, i, h, feats + n);
        float scores[XC_NER_LABELS] = {0};
        xc_ner_model_score(m, feats, n, scores);
        bool last = i + 1 == s->count;
        int best = -1;
        for (int l = 0; l < XC_NER_LABELS; l++) {
            if (!xc_bilou_allowed(prev, (uint8_t)l) || (last && !xc_bilou_may_end((uint8_t)l)))
                continue;
            if (best < 0 || scores[l] > scores[best])
                best = l;
        }
        labels[i] = (uint8_t)(best < 0 ? 0 : best);
        prev2 = prev;
        prev = labels[i];
    }
}
