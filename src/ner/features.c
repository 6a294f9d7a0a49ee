#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>
#include <xxhash.h>

#include "ner/features.h"
#include "ner/tags.h"
#include "util/error.h"
#include "util/vec.h"

/* Feature templates: the seed of each hash, so equal strings from different
 * templates never collide. Never renumber: trained models depend on them. */
enum {
    F_BIAS = 1, F_FORM, F_LOWER, F_SHAPE, F_PREFIX, F_SUFFIX = F_PREFIX + 4,
    F_LOWER_PREV = F_SUFFIX + 4, F_LOWER_NEXT, F_LOWER_PREV2, F_LOWER_NEXT2,
    F_SHAPE_PREV, F_SHAPE_NEXT, F_SHAPES_PREV_THIS, F_SHAPES_THIS_NEXT,
    F_BIGRAM_PREV, F_BIGRAM_NEXT, F_FIRST_SHAPE, F_HEADLINE_SHAPE, F_LENGTH,
    F_GAZ, F_GAZ_PREV, F_GAZ_NEXT, F_CLUSTER, F_CLUSTER_PREV, F_CLUSTER_NEXT,
    F_FORM_PREV, F_FORM_NEXT, F_HISTORY_TYPE, F_HISTORY_MAJORITY, F_DOCUMENT, F_CASE_WINDOW,
    F_LABEL = 64, F_LABELS, F_LABEL_LOWER, F_LABEL_SHAPE,
};

static const size_t cluster_prefixes[] = {4, 6, 10, 20};

static bool reserve_chars(xc_ner_sentence *s, size_t extra)
{
    if (s->chars_len + extra <= s->chars_capacity)
        return true;
    size_t cap = s->chars_capacity ? s->chars_capacity : 4096;
    while (cap < s->chars_len + extra)
        cap *= 2;
    char *p = realloc(s->chars, cap);
    if (!p)
        return false;
    s->chars = p;
    s->chars_capacity = cap;
    return true;
}

/* Shape: upper → X, lower → x, digit → d, anything else kept; runs of one
 * class collapse to one symbol ("McDonald" → XxXx, "U.S." → X.X.). */
static size_t word_shape(const char *w, size_t n, char *out, size_t cap)
{
    size_t len = 0;
    char last = 0;
    for (size_t i = 0; i < n && len + 4 < cap;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)w + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) {
            cp = 0xFFFD;
            k = 1;
        }
        char c;
        utf8proc_category_t cat = utf8proc_category(cp);
        if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT)
            c = 'X';
        else if (cat >= UTF8PROC_CATEGORY_LL && cat <= UTF8PROC_CATEGORY_LO)
            c = 'x';
        else if (cat == UTF8PROC_CATEGORY_ND)
            c = 'd';
        else
            c = cp < 0x80 ? (char)cp : '*';
        if (c != last || !(c == 'X' || c == 'x' || c == 'd'))
            out[len++] = c;
        last = c;
        i += (size_t)k;
    }
    return len;
}

xc_status xc_ner_sentence_prepare(xc_ner_sentence *s, const xc_ner_resources *r, const char *const *words,
                                  const size_t *lengths, size_t count)
{
    s->count = 0;
    s->chars_len = 0;
    if (count > s->token_capacity) {
        xc_ner_token_info *t = realloc(s->tokens, count * sizeof *t);
        const char **w = t ? realloc(s->words, count * sizeof *w) : NULL;
        size_t *l = w ? realloc(s->lengths, count * sizeof *l) : NULL;
        if (t)
            s->tokens = t;
        if (w)
            s->words = w;
        if (!l)
            return XC_ERR_NOMEM;
        s->lengths = l;
        s->token_capacity = count;
    }
    bool any_lower = false, any_upper = false;
    for (size_t i = 0; i < count; i++) {
        const char *w = words[i];
        size_t n = lengths[i] > 200 ? 200 : lengths[i]; /* longer words add nothing but cost */
        if (!reserve_chars(s, 3 * n + 8))
            return XC_ERR_NOMEM;
        xc_ner_token_info *t = &s->tokens[i];
        memset(t, 0, sizeof *t);
        t->form = (uint32_t)s->chars_len;
        memcpy(s->chars + s->chars_len, w, n);
        t->form_len = (uint32_t)n;
        s->chars_len += n;
        t->lower = (uint32_t)s->chars_len;
        for (size_t k = 0; k < n; k++) {
            char c = w[k];
            if (c >= 'A' && c <= 'Z') {
                c = (char)(c + 32);
                any_upper = true;
            } else if (c >= 'a' && c <= 'z')
                any_lower = true;
            else if (c >= '0' && c <= '9')
                c = '0';
            s->chars[s->chars_len++] = c;
        }
        t->lower_len = (uint32_t)n;
        t->shape = (uint32_t)s->chars_len;
        t->shape_len = (uint32_t)word_shape(w, n, s->chars + s->chars_len, n + 8);
        s->chars_len += t->shape_len;
        if (r && r->clusters) {
            size_t plen = 0;
            t->cluster = xc_word_clusters_path(r->clusters, w, n, &plen);
            t->cluster_len = (uint32_t)plen;
        }
        s->words[i] = w;
        s->lengths[i] = lengths[i];
    }
    if (r && r->gazetteer && count > 0) {
        uint16_t flags[256];
        for (size_t i = 0; i < count; i += 256) {
            size_t m = count - i < 256 ? count - i : 256;
            xc_gazetteer_match(r->gazetteer, s->words + i, s->lengths + i, m, flags);
            for (size_t k = 0; k < m; k++)
                s->tokens[i + k].gazetteer = flags[k];
        }
    }
    s->headline = any_upper && !any_lower && count > 2;
    s->count = count;
    return XC_OK;
}

void xc_ner_sentence_free(xc_ner_sentence *s)
{
    free(s->tokens);
    free(s->chars);
    free(s->words);
    free(s->lengths);
    memset(s, 0, sizeof *s);
}

typedef struct emitter {
    uint64_t *out;
    size_t count, cap;
    char buf[512];
} emitter;

static void emit(emitter *e, unsigned template, const char *data, size_t len)
{
    if (e->count < e->cap)
        e->out[e->count++] = XXH3_64bits_withSeed(data, len, template);
}

/* Two strings joined by a separator byte. */
static void emit2(emitter *e, unsigned template, const char *a, size_t an, const char *b, size_t bn)
{
    if (an > 250)
        an = 250;
    if (bn > 250)
        bn = 250;
    memcpy(e->buf, a, an);
    e->buf[an] = '\x1f';
    memcpy(e->buf + an + 1, b, bn);
    emit(e, template, e->buf, an + 1 + bn);
}

#define LOWER(s, i) ((s)->chars + (s)->tokens[i].lower), (s)->tokens[i].lower_len
#define SHAPE(s, i) ((s)->chars + (s)->tokens[i].shape), (s)->tokens[i].shape_len
#define FORM(s, i) ((s)->chars + (s)->tokens[i].form), (s)->tokens[i].form_len

static const char boundary_before[] = "<s>", boundary_after[] = "</s>";

static void emit_gazetteer(emitter *e, unsigned template, uint32_t bits)
{
    for (unsigned b = 0; bits; b++, bits >>= 1)
        if (bits & 1) {
            uint8_t v = (uint8_t)b;
            emit(e, template, (const char *)&v, 1);
        }
}

static void emit_cluster(emitter *e, unsigned template, const xc_ner_token_info *t, size_t prefixes)
{
    if (!t->cluster)
        return;
    for (size_t k = 0; k < prefixes; k++) {
        size_t n = cluster_prefixes[k] < t->cluster_len ? cluster_prefixes[k] : t->cluster_len;
        /* the prefix length is part of the key: "0110" cut at 4 and at 6 differ */
        char key[32];
        key[0] = (char)cluster_prefixes[k];
        memcpy(key + 1, t->cluster, n);
        emit(e, template, key, n + 1);
        if (n == t->cluster_len)
            break;
    }
}

size_t xc_ner_static_features(const xc_ner_sentence *s, size_t i, uint64_t *out)
{
    emitter e = {out, 0, XC_NER_MAX_STATIC, {0}};
    const xc_ner_token_info *t = &s->tokens[i];
    const char *lower = s->chars + t->lower;
    size_t n = t->lower_len;
    emit(&e, F_BIAS, "", 0);
    emit(&e, F_FORM, FORM(s, i));
    emit(&e, F_LOWER, LOWER(s, i));
    emit(&e, F_SHAPE, SHAPE(s, i));
    for (size_t k = 1; k <= 4 && k < n; k++) {
        emit(&e, F_PREFIX + (unsigned)k - 1, lower, k);
        emit(&e, F_SUFFIX + (unsigned)k - 1, lower + n - k, k);
    }
    bool has_prev = i > 0, has_next = i + 1 < s->count;
    if (has_prev) {
        emit(&e, F_LOWER_PREV, LOWER(s, i - 1));
        emit(&e, F_FORM_PREV, FORM(s, i - 1));
        emit(&e, F_SHAPE_PREV, SHAPE(s, i - 1));
        emit2(&e, F_SHAPES_PREV_THIS, SHAPE(s, i - 1), SHAPE(s, i));
        emit2(&e, F_BIGRAM_PREV, LOWER(s, i - 1), LOWER(s, i));
        emit_gazetteer(&e, F_GAZ_PREV, s->tokens[i - 1].gazetteer);
        emit_cluster(&e, F_CLUSTER_PREV, &s->tokens[i - 1], 3);
    } else {
        emit(&e, F_LOWER_PREV, boundary_before, 3);
        emit2(&e, F_FIRST_SHAPE, "", 0, SHAPE(s, i));
    }
    if (has_next) {
        emit(&e, F_LOWER_NEXT, LOWER(s, i + 1));
        emit(&e, F_FORM_NEXT, FORM(s, i + 1));
        emit(&e, F_SHAPE_NEXT, SHAPE(s, i + 1));
        emit2(&e, F_SHAPES_THIS_NEXT, SHAPE(s, i), SHAPE(s, i + 1));
        emit2(&e, F_BIGRAM_NEXT, LOWER(s, i), LOWER(s, i + 1));
        emit_gazetteer(&e, F_GAZ_NEXT, s->tokens[i + 1].gazetteer);
        emit_cluster(&e, F_CLUSTER_NEXT, &s->tokens[i + 1], 3);
    } else
        emit(&e, F_LOWER_NEXT, boundary_after, 4);
    emit(&e, F_LOWER_PREV2, i > 1 ? s->chars + s->tokens[i - 2].lower : boundary_before,
         i > 1 ? s->tokens[i - 2].lower_len : 3);
    emit(&e, F_LOWER_NEXT2, i + 2 < s->count ? s->chars + s->tokens[i + 2].lower : boundary_after,
         i + 2 < s->count ? s->tokens[i + 2].lower_len : 4);
    if (s->headline)
        emit(&e, F_HEADLINE_SHAPE, LOWER(s, i));
    /* capitalisation of the window -2..+2 as one pattern */
    char window[5];
    for (int k = -2; k <= 2; k++) {
        long at = (long)i + k;
        char c = '_';
        if (at >= 0 && (size_t)at < s->count) {
            const xc_ner_token_info *w = &s->tokens[at];
            c = w->shape_len ? s->chars[w->shape] : '_';
            if (c != 'X' && c != 'x' && c != 'd')
                c = '.';
        }
        window[k + 2] = c;
    }
    emit(&e, F_CASE_WINDOW, window, 5);

    uint8_t length = (uint8_t)(n > 12 ? 12 : n);
    emit(&e, F_LENGTH, (const char *)&length, 1);
    emit_gazetteer(&e, F_GAZ, t->gazetteer);
    emit_cluster(&e, F_CLUSTER, t, 4);
    if (t->shape_len > 0 && s->chars[t->shape] == 'X') {
        uint8_t doc[2] = {t->document, (uint8_t)(i == 0)};
        emit(&e, F_DOCUMENT, (const char *)doc, 2);
    }
    return e.count;
}

size_t xc_ner_label_features(const xc_ner_sentence *s, size_t i, uint8_t prev, uint8_t prev2, uint64_t *out)
{
    emitter e = {out, 0, XC_NER_MAX_LABEL_FEATURES, {0}};
    uint8_t both[2] = {prev, prev2};
    emit(&e, F_LABEL, (const char *)&prev, 1);
    emit(&e, F_LABELS, (const char *)both, 2);
    emit2(&e, F_LABEL_LOWER, (const char *)&prev, 1, LOWER(s, i));
    emit2(&e, F_LABEL_SHAPE, (const char *)&prev, 1, SHAPE(s, i));

    return e.count;
}

static bool capitalised(const xc_ner_sentence *s, size_t i)
{
    return s->tokens[i].shape_len > 0 && s->chars[s->tokens[i].shape] == 'X';
}

void xc_ner_history_clear(xc_ner_history *h)
{
    xc_strmap_free(&h->words);
    h->counts.count = 0;
}

void xc_ner_history_free(xc_ner_history *h)
{
    xc_strmap_free(&h->words);
    free(h->counts.items);
    memset(h, 0, sizeof *h);
}

bool xc_ner_history_add(xc_ner_history *h, const xc_ner_sentence *s, const uint8_t *labels)
{
    for (size_t i = 0; i < s->count; i++) {
        if (!capitalised(s, i))
            continue;
        uint32_t row;
        if (!xc_strmap_get(&h->words, LOWER(s, i), &row)) {
            row = (uint32_t)(h->counts.count / (1 + XC_NER_TYPES));
            if (!XC_VEC_RESERVE(&h->counts, 1 + XC_NER_TYPES) || !xc_strmap_put(&h->words, LOWER(s, i), row))
                return false;
            memset(h->counts.items + h->counts.count, 0, (1 + XC_NER_TYPES) * sizeof *h->counts.items);
            h->counts.count += 1 + XC_NER_TYPES;
        }
        uint16_t *c = h->counts.items + (size_t)row * (1 + XC_NER_TYPES);
        int type = xc_bilou_type(labels[i]);
        if (c[type + 1] < UINT16_MAX)
            c[type + 1]++;
    }
    return true;
}

size_t xc_ner_history_features(const xc_ner_sentence *s, size_t i, const xc_ner_history *h, uint64_t *out)
{
    uint32_t row;
    if (!h || !capitalised(s, i) || !xc_strmap_get(&h->words, LOWER(s, i), &row))
        return 0;
    emitter e = {out, 0, XC_NER_MAX_HISTORY, {0}};
    const uint16_t *c = h->counts.items + (size_t)row * (1 + XC_NER_TYPES);
    int best = 0;
    for (int k = 1; k <= XC_NER_TYPES; k++) {
        if (c[k] > c[best])
            best = k;
        if (c[k] > 0) {
            uint8_t v = (uint8_t)k;
            emit(&e, F_HISTORY_TYPE, (const char *)&v, 1);
        }
    }
    uint8_t v = (uint8_t)best;
    emit(&e, F_HISTORY_MAJORITY, (const char *)&v, 1);
    return e.count;
}

/* Lower-case a word (ASCII) into `out`; returns its length, 0 if too long. */
static size_t lower_word(const char *w, size_t n, char *out, size_t cap)
{
    if (n == 0 || n > cap)
        return 0;
    for (size_t i = 0; i < n; i++)
        out[i] = (w[i] >= 'A' && w[i] <= 'Z') ? (char)(w[i] + 32) : w[i];
    return n;
}

void xc_ner_document_clear(xc_ner_document *d)
{
    xc_strmap_free(&d->words);
}

void xc_ner_document_free(xc_ner_document *d)
{
    xc_strmap_free(&d->words);
}

bool xc_ner_document_add(xc_ner_document *d, const char *const *words, const size_t *lengths, size_t count)
{
    char key[64];
    for (size_t i = 0; i < count; i++) {
        const char *w = words[i];
        size_t n = lower_word(w, lengths[i], key, sizeof key);
        if (n == 0 || !((w[0] >= 'a' && w[0] <= 'z') || (w[0] >= 'A' && w[0] <= 'Z')))
            continue;
        uint32_t bits = 0;
        if (w[0] >= 'a' && w[0] <= 'z')
            bits = XC_NER_DOC_LOWER;
        else if (i > 0)
            bits = XC_NER_DOC_CAPITALISED_INSIDE;
        if (!bits)
            continue;
        uint32_t old = 0;
        xc_strmap_get(&d->words, key, n, &old);
        if ((old | bits) != old && !xc_strmap_put(&d->words, key, n, old | bits))
            return false;
    }
    return true;
}

void xc_ner_document_apply(const xc_ner_document *d, xc_ner_sentence *s)
{
    char key[64];
    for (size_t i = 0; i < s->count; i++) {
        const xc_ner_token_info *t = &s->tokens[i];
        size_t n = lower_word(s->chars + t->form, t->form_len, key, sizeof key);
        uint32_t bits = 0;
        if (n)
            xc_strmap_get(&d->words, key, n, &bits);
        s->tokens[i].document = (uint8_t)bits;
    }
}
