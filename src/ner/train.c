#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ner/train.h"
#include "util/error.h"
#include "util/intmap.h"

#define L XC_NER_LABELS

/* Weights with lazy averaging: each weight remembers when it last changed,
 * so the running sum is brought up to date only when it is touched. */
typedef struct trainer {
    xc_intmap index; /* feature hash → row */
    uint64_t *keys;
    size_t rows, capacity;
    float *weights;
    double *totals;
    uint32_t *stamps;
    uint32_t now;
} trainer;

static long row_of(trainer *t, uint64_t key, bool create)
{
    uint32_t row;
    if (xc_intmap_get(&t->index, key, &row))
        return row;
    if (!create)
        return -1;
    if (t->rows == t->capacity) {
        size_t cap = t->capacity ? t->capacity * 2 : 1 << 16;
        uint64_t *k = realloc(t->keys, cap * sizeof *k);
        if (k)
            t->keys = k;
        float *w = k ? realloc(t->weights, cap * L * sizeof *w) : NULL;
        if (w)
            t->weights = w;
        double *s = w ? realloc(t->totals, cap * L * sizeof *s) : NULL;
        if (s)
            t->totals = s;
        uint32_t *st = s ? realloc(t->stamps, cap * L * sizeof *st) : NULL;
        if (!st)
            return -2;
        t->stamps = st;
        t->capacity = cap;
    }
    row = (uint32_t)t->rows++;
    t->keys[row] = key;
    memset(t->weights + (size_t)row * L, 0, L * sizeof *t->weights);
    memset(t->totals + (size_t)row * L, 0, L * sizeof *t->totals);
    memset(t->stamps + (size_t)row * L, 0, L * sizeof *t->stamps);
    if (!xc_intmap_put(&t->index, key, row))
        return -2;
    return row;
}

static void trainer_free(trainer *t)
{
    xc_intmap_free(&t->index);
    free(t->keys);
    free(t->weights);
    free(t->totals);
    free(t->stamps);
}

static void bump(trainer *t, uint32_t row, uint8_t label, float delta)
{
    size_t k = (size_t)row * L + label;
    t->totals[k] += (double)(t->now - t->stamps[k]) * t->weights[k];
    t->stamps[k] = t->now;
    t->weights[k] += delta;
}

/* The averaged weights as a model; tiny weights are dropped. */
static xc_status snapshot(const trainer *t, uint64_t flags, xc_ner_model *out, xc_error *err)
{
    uint32_t *offsets = malloc((t->rows + 1) * sizeof *offsets);
    uint64_t *keys = malloc((t->rows ? t->rows : 1) * sizeof *keys);
    size_t cap = t->rows * 4 + 16, pairs = 0, features = 0;
    float *weights = malloc(cap * sizeof *weights);
    uint8_t *labels = malloc(cap);
    xc_status st = XC_OK;
    if (!offsets || !keys || !weights || !labels) {
        st = xc_fail(err, XC_ERR_NOMEM, "training: out of memory");
        goto done;
    }
    offsets[0] = 0;
    double now = t->now ? t->now : 1;
    for (size_t r = 0; r < t->rows; r++) {
        size_t before = pairs;
        for (uint8_t l = 0; l < L; l++) {
            size_t k = r * L + l;
            double avg = (t->totals[k] + (double)(t->now - t->stamps[k]) * t->weights[k]) / now;
            if (fabs(avg) < 1e-3)
                continue;
            if (pairs == cap) {
                cap *= 2;
                float *w = realloc(weights, cap * sizeof *w);
                if (w)
                    weights = w;
                uint8_t *lb = w ? realloc(labels, cap) : NULL;
                if (!lb) {
                    st = xc_fail(err, XC_ERR_NOMEM, "training: out of memory");
                    goto done;
                }
                labels = lb;
            }
            weights[pairs] = (float)avg;
            labels[pairs++] = l;
        }
        if (pairs > before) {
            keys[features++] = t->keys[r];
            offsets[features] = (uint32_t)pairs;
        }
    }
    st = xc_ner_model_build(out, flags, keys, offsets, features, weights, labels, pairs, err);
done:
    free(offsets);
    free(keys);
    free(weights);
    free(labels);
    return st;
}

/* The document statistics of the document whose first sentence is `k`. */
static bool read_document(const xc_conll *c, size_t k, xc_ner_document *d)
{
    xc_ner_document_clear(d);
    const char *words[512];
    size_t lengths[512];
    for (size_t j = k; j < c->sentences.count && c->sentences.items[j].doc == c->sentences.items[k].doc; j++) {
        const xc_conll_sentence *sent = &c->sentences.items[j];
        for (size_t from = 0; from < sent->count; from += 512) {
            size_t n = sent->count - from < 512 ? sent->count - from : 512;
            for (size_t i = 0; i < n; i++) {
                words[i] = c->tokens.items[sent->first + from + i].text;
                lengths[i] = c->tokens.items[sent->first + from + i].len;
            }
            if (!xc_ner_document_add(d, words, lengths, n))
                return false;
        }
    }
    return true;
}

static bool starts_document(const xc_conll *c, size_t k)
{
    return k == 0 || c->sentences.items[k].doc != c->sentences.items[k - 1].doc;
}

xc_status xc_ner_tag_conll(const xc_ner_model *m, const xc_ner_resources *resources, const xc_conll *c,
                           uint8_t *iob, xc_error *err)
{
    xc_ner_sentence s = {0};
    const char **words = NULL;
    size_t *lengths = NULL, cap = 0;
    uint8_t *labels = NULL;
    xc_ner_history history = {0};
    xc_ner_document document = {0};
    xc_status st = XC_OK;
    for (size_t k = 0; k < c->sentences.count && st == XC_OK; k++) {
        const xc_conll_sentence *sent = &c->sentences.items[k];
        if (starts_document(c, k)) {
            xc_ner_history_clear(&history);
            if (!read_document(c, k, &document)) {
                st = xc_fail(err, XC_ERR_NOMEM, "tagging: out of memory");
                break;
            }
        }
        if (sent->count > cap) {
            cap = sent->count;
            free(words);
            free(lengths);
            free(labels);
            words = malloc(cap * sizeof *words);
            lengths = malloc(cap * sizeof *lengths);
            labels = malloc(cap);
            if (!words || !lengths || !labels) {
                st = xc_fail(err, XC_ERR_NOMEM, "tagging: out of memory");
                break;
            }
        }
        for (size_t i = 0; i < sent->count; i++) {
            words[i] = c->tokens.items[sent->first + i].text;
            lengths[i] = c->tokens.items[sent->first + i].len;
        }
        if (xc_ner_sentence_prepare(&s, resources, words, lengths, sent->count) != XC_OK) {
            st = xc_fail(err, XC_ERR_NOMEM, "tagging: out of memory");
            break;
        }
        xc_ner_document_apply(&document, &s);
        xc_ner_model_decode(m, &s, &history, labels);
        if (!xc_ner_history_add(&history, &s, labels))
            st = xc_fail(err, XC_ERR_NOMEM, "tagging: out of memory");
        xc_bilou_to_iob(labels, sent->count, iob + sent->first);
    }
    xc_ner_history_free(&history);
    xc_ner_document_free(&document);
    xc_ner_sentence_free(&s);
    free(words);
    free(lengths);
    free(labels);
    return st;
}

static void score_file(const xc_conll *c, const uint8_t *predicted, xc_ner_scores *out)
{
    memset(out, 0, sizeof *out);
    uint8_t *gold = malloc(c->tokens.count ? c->tokens.count : 1);
    if (!gold)
        return;
    for (size_t i = 0; i < c->tokens.count; i++)
        gold[i] = c->tokens.items[i].gold == XC_NER_NO_LABEL ? 0 : c->tokens.items[i].gold;
    for (size_t k = 0; k < c->sentences.count; k++) {
        const xc_conll_sentence *s = &c->sentences.items[k];
        xc_ner_scores_add(out, gold + s->first, predicted + s->first, s->count);
    }
    free(gold);
}

static uint64_t next_random(uint64_t *state)
{
    uint64_t x = *state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *state = x;
}

xc_status xc_ner_train(const xc_conll *train, const xc_conll *dev, const xc_ner_resources *resources,
                       const xc_ner_train_options *options, xc_ner_model *out, xc_ner_train_report *report,
                       xc_error *err)
{
    memset(out, 0, sizeof *out);
    memset(report, 0, sizeof *report);
    uint64_t flags = (resources && resources->gazetteer ? XC_NER_USES_GAZETTEER : 0) |
                     (resources && resources->clusters ? XC_NER_USES_CLUSTERS : 0);
    trainer t = {0};
    xc_ner_sentence s = {0};
    size_t n_tokens = train->tokens.count, n_sent = train->sentences.count;
    uint32_t *starts = malloc((n_tokens + 1) * sizeof *starts);
    uint32_t *rows = NULL;
    size_t rows_len = 0, rows_cap = n_tokens * 48 + 16;
    uint8_t *gold = malloc(n_tokens + 1);
    uint32_t *order = malloc((n_sent + 1) * sizeof *order);
    uint32_t *doc_first = malloc((n_sent + 2) * sizeof *doc_first); /* sentence index where each document starts */
    uint8_t *guesses = malloc(n_tokens + 1);
    size_t n_docs = 0;
    xc_ner_history history = {0};
    xc_ner_document document = {0};
    uint8_t *dev_tags = malloc(dev->tokens.count + 1);
    const char **words = malloc((n_tokens + 1) * sizeof *words);
    size_t *lengths = malloc((n_tokens + 1) * sizeof *lengths);
    uint8_t *iob = malloc(n_tokens + 1);
    rows = malloc(rows_cap * sizeof *rows);
    xc_status st = XC_OK;
    if (!doc_first || !guesses || !starts || !gold || !order || !dev_tags || !words || !lengths || !iob || !rows) {
        st = xc_fail(err, XC_ERR_NOMEM, "training: out of memory");
        goto done;
    }
    /* The label-independent features of every training token, as rows. */
    for (size_t k = 0; k < n_sent; k++) {
        const xc_conll_sentence *sent = &train->sentences.items[k];
        if (starts_document(train, k) && !read_document(train, k, &document)) {
            st = xc_fail(err, XC_ERR_NOMEM, "training: out of memory");
            goto done;
        }
        for (size_t i = 0; i < sent->count; i++) {
            const xc_conll_token *tok = &train->tokens.items[sent->first + i];
            words[sent->first + i] = tok->text;
            lengths[sent->first + i] = tok->len;
            iob[sent->first + i] = tok->gold == XC_NER_NO_LABEL ? 0 : tok->gold;
        }
        xc_iob_to_bilou(iob + sent->first, sent->count, gold + sent->first);
        if (xc_ner_sentence_prepare(&s, resources, words + sent->first, lengths + sent->first, sent->count) != XC_OK) {
            st = xc_fail(err, XC_ERR_NOMEM, "training: out of memory");
            goto done;
        }
        xc_ner_document_apply(&document, &s);
        for (size_t i = 0; i < sent->count; i++) {
            uint64_t feats[XC_NER_MAX_STATIC];
            size_t n = xc_ner_static_features(&s, i, feats);
            starts[sent->first + i] = (uint32_t)rows_len;
            if (rows_len + n > rows_cap) {
                rows_cap = rows_cap * 2 + n;
                uint32_t *r = realloc(rows, rows_cap * sizeof *r);
                if (!r) {
                    st = xc_fail(err, XC_ERR_NOMEM, "training: out of memory");
                    goto done;
                }
                rows = r;
            }
            for (size_t f = 0; f < n; f++) {
                long row = row_of(&t, feats[f], true);
                if (row < 0) {
                    st = xc_fail(err, XC_ERR_NOMEM, "training: out of memory");
                    goto done;
                }
                rows[rows_len++] = (uint32_t)row;
            }
        }
    }
    starts[n_tokens] = (uint32_t)rows_len;
    for (size_t k = 0; k < n_sent; k++)
        if (k == 0 || train->sentences.items[k].doc != train->sentences.items[k - 1].doc)
            doc_first[n_docs++] = (uint32_t)k;
    doc_first[n_docs] = (uint32_t)n_sent;
    for (size_t k = 0; k < n_docs; k++)
        order[k] = (uint32_t)k;
    uint64_t random = options->seed ? options->seed : 0x9E3779B97F4A7C15ull;
    double best_f1 = -1;
    unsigned epochs = options->epochs ? options->epochs : 12;
    for (unsigned epoch = 1; epoch <= epochs; epoch++) {
        for (size_t k = n_docs; k > 1; k--) {
            size_t j = next_random(&random) % k;
            uint32_t tmp = order[k - 1];
            order[k - 1] = order[j];
            order[j] = tmp;
        }
        size_t mistakes = 0;
        /* documents in shuffled order, sentences in their order */
        size_t doc_at = 0, sentence_at = doc_first[order[0]];
        xc_ner_history_clear(&history);
        for (size_t k = 0; k < n_sent; k++) {
            if (k > 0 && ++sentence_at == doc_first[order[doc_at] + 1]) {
                doc_at++;
                sentence_at = doc_first[order[doc_at]];
                xc_ner_history_clear(&history);
            }
            const xc_conll_sentence *sent = &train->sentences.items[sentence_at];
            if (xc_ner_sentence_prepare(&s, NULL, words + sent->first, lengths + sent->first, sent->count) !=
                XC_OK) {
                st = xc_fail(err, XC_ERR_NOMEM, "training: out of memory");
                goto done;
            }
            uint8_t prev = XC_NER_NO_LABEL, prev2 = XC_NER_NO_LABEL;
            for (size_t i = 0; i < sent->count; i++) {
                size_t tok = sent->first + i;
                t.now++;
                uint64_t label_feats[XC_NER_MAX_LABEL_FEATURES + XC_NER_MAX_HISTORY];
                uint32_t label_rows[XC_NER_MAX_LABEL_FEATURES + XC_NER_MAX_HISTORY];
                size_t nl = xc_ner_label_features(&s, i, prev, prev2, label_feats);
                nl += xc_ner_history_features(&s, i, &history, label_feats + nl);
                for (size_t f = 0; f < nl; f++) {
                    long row = row_of(&t, label_feats[f], true);
                    if (row < 0) {
                        st = xc_fail(err, XC_ERR_NOMEM, "training: out of memory");
                        goto done;
                    }
                    label_rows[f] = (uint32_t)row;
                }
                float scores[L] = {0};
                for (uint32_t f = starts[tok]; f < starts[tok + 1]; f++) {
                    const float *w = t.weights + (size_t)rows[f] * L;
                    for (int l = 0; l < L; l++)
                        scores[l] += w[l];
                }
                for (size_t f = 0; f < nl; f++) {
                    const float *w = t.weights + (size_t)label_rows[f] * L;
                    for (int l = 0; l < L; l++)
                        scores[l] += w[l];
                }
                bool last = i + 1 == sent->count;
                int best = -1;
                for (int l = 0; l < L; l++) {
                    if (!xc_bilou_allowed(prev, (uint8_t)l) || (last && !xc_bilou_may_end((uint8_t)l)))
                        continue;
                    if (best < 0 || scores[l] > scores[best])
                        best = l;
                }
                uint8_t guess = (uint8_t)(best < 0 ? 0 : best), truth = gold[tok];
                if (guess != truth) {
                    mistakes++;
                    for (uint32_t f = starts[tok]; f < starts[tok + 1]; f++) {
                        bump(&t, rows[f], truth, 1);
                        bump(&t, rows[f], guess, -1);
                    }
                    for (size_t f = 0; f < nl; f++) {
                        bump(&t, label_rows[f], truth, 1);
                        bump(&t, label_rows[f], guess, -1);
                    }
                }
                prev2 = prev;
                prev = guess;
                guesses[tok] = guess;
            }
            if (!xc_ner_history_add(&history, &s, guesses + sent->first)) {
                st = xc_fail(err, XC_ERR_NOMEM, "training: out of memory");
                goto done;
            }
        }
        xc_ner_model candidate;
        if ((st = snapshot(&t, flags, &candidate, err)) != XC_OK)
            goto done;
        xc_ner_scores scores;
        if ((st = xc_ner_tag_conll(&candidate, resources, dev, dev_tags, err)) != XC_OK) {
            xc_ner_model_free(&candidate);
            goto done;
        }
        score_file(dev, dev_tags, &scores);
        double f1 = xc_ner_f1(&scores.all);
        if (options->log)
            fprintf(options->log, "epoch %u: %zu training mistakes, dev F1 %.2f (P %.2f R %.2f), %zu features\n",
                    epoch, mistakes, 100 * f1, 100 * xc_ner_precision(&scores.all),
                    100 * xc_ner_recall(&scores.all), (size_t)candidate.features);
        if (f1 > best_f1) {
            best_f1 = f1;
            xc_ner_model_free(out);
            *out = candidate;
            report->best_epoch = epoch;
            report->dev = scores;
            report->features = candidate.features;
            report->pairs = candidate.pairs;
        } else
            xc_ner_model_free(&candidate);
    }
done:
    if (st != XC_OK)
        xc_ner_model_free(out);
    trainer_free(&t);
    xc_ner_history_free(&history);
    xc_ner_document_free(&document);
    free(doc_first);
    free(guesses);
    xc_ner_sentence_free(&s);
    free(starts);
    free(rows);
    free(gold);
    free(order);
    free(dev_tags);
    free(words);
    free(lengths);
    free(iob);
    return st;
}
