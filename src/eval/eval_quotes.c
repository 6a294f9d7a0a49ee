/* crosscheck eval quotes DIR: quotes and speakers scored on PolNeAR. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "entity/extract.h"
#include "eval/eval_quotes.h"
#include "ner/tagger.h"
#include "quote/quotes.h"
#include "util/error.h"
#include "util/vec.h"
#include "util/clock.h"

/* The length of the quote mark opening text[a..b), or 0. */
static size_t opening_mark(const char *text, uint32_t a, uint32_t b)
{
    const unsigned char *s = (const unsigned char *)text + a;
    size_t n = b - a;
    if (n >= 2 && ((s[0] == '\'' && s[1] == '\'') || (s[0] == '`' && s[1] == '`')))
        return 2;
    if (n >= 1 && (s[0] == '"' || s[0] == '\''))
        return 1;
    if (n >= 2 && s[0] == 0xC2 && (s[1] == 0xAB || s[1] == 0xBB))
        return 2; /* « » */
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && ((s[2] >= 0x98 && s[2] <= 0x9F) || s[2] == 0xB9 || s[2] == 0xBA))
        return 3; /* ‘ ’ ‚ ‛ “ ” „ ‟ ‹ › */
    return 0;
}

/* The length of the quote mark closing text[a..b), or 0. */
static size_t closing_mark(const char *text, uint32_t a, uint32_t b)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t n = b - a;
    if (n >= 2 && s[b - 1] == '\'' && s[b - 2] == '\'')
        return 2;
    if (n >= 1 && (s[b - 1] == '"' || s[b - 1] == '\''))
        return 1;
    if (n >= 2 && s[b - 2] == 0xC2 && (s[b - 1] == 0xAB || s[b - 1] == 0xBB))
        return 2;
    if (n >= 3 && s[b - 3] == 0xE2 && s[b - 2] == 0x80 &&
        ((s[b - 1] >= 0x98 && s[b - 1] <= 0x9F) || s[b - 1] == 0xB9 || s[b - 1] == 0xBA))
        return 3;
    return 0;
}

static bool space_at(const char *text, uint32_t i)
{
    return text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t';
}

static void trim(const char *text, uint32_t *a, uint32_t *b)
{
    while (*a < *b && space_at(text, *a))
        (*a)++;
    while (*b > *a && space_at(text, *b - 1))
        (*b)--;
}

/* One mark off each end asked for (the outer ones), then white space. */
static void strip_ends(const char *text, uint32_t *a, uint32_t *b, bool start, bool end)
{
    trim(text, a, b);
    if (start)
        *a += (uint32_t)opening_mark(text, *a, *b);
    if (end)
        *b -= (uint32_t)closing_mark(text, *a, *b);
    trim(text, a, b);
}

static void strip_marks(const char *text, uint32_t *a, uint32_t *b)
{
    strip_ends(text, a, b, true, true);
}

bool xc_gold_direct_quote(const char *text, const xc_brat_part *parts, size_t count, uint32_t *start, uint32_t *end)
{
    if (count == 0)
        return false;
    uint32_t a = parts[0].start, b = parts[0].end;
    for (size_t i = 1; i < count; i++) {
        if (parts[i].start < a)
            a = parts[i].start;
        if (parts[i].end > b)
            b = parts[i].end;
    }
    trim(text, &a, &b);
    if (b - a < 2 || !opening_mark(text, a, b) || !closing_mark(text, a, b))
        return false;
    strip_marks(text, &a, &b);
    if (a >= b)
        return false;
    *start = a;
    *end = b;
    return true;
}

static size_t chars_in(const char *text, uint32_t a, uint32_t b)
{
    size_t n = 0;
    for (uint32_t i = a; i < b; i++)
        n += ((unsigned char)text[i] & 0xC0) != 0x80;
    return n;
}

static size_t chars_of(const char *text, const xc_brat_part *p, size_t n)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += chars_in(text, p[i].start, p[i].end);
    return total;
}

static size_t shared_chars(const char *text, const xc_scored_quote *x, const xc_scored_quote *y)
{
    size_t total = 0;
    for (size_t i = 0; i < x->part_count; i++)
        for (size_t k = 0; k < y->part_count; k++) {
            uint32_t a = x->parts[i].start > y->parts[k].start ? x->parts[i].start : y->parts[k].start;
            uint32_t b = x->parts[i].end < y->parts[k].end ? x->parts[i].end : y->parts[k].end;
            if (a < b)
                total += chars_in(text, a, b);
        }
    return total;
}

static bool same_extent(const xc_scored_quote *x, const xc_scored_quote *y)
{
    return x->part_count && y->part_count && x->parts[0].start == y->parts[0].start &&
           x->parts[x->part_count - 1].end == y->parts[y->part_count - 1].end;
}

static bool speakers_meet(const xc_scored_quote *g, const xc_scored_quote *p)
{
    for (size_t i = 0; i < g->speaker_count; i++)
        for (size_t k = 0; k < p->speaker_count; k++)
            if (g->speakers[i].start < p->speakers[k].end && p->speakers[k].start < g->speakers[i].end)
                return true;
    return false;
}

/* How well predicted p answers gold g: 0 not at all, else the shared characters + 1. */
static size_t match(const char *text, const xc_scored_quote *g, const xc_scored_quote *p, bool exact, bool pair)
{
    if (pair && (!g->speaker_count || !p->speaker_count || !speakers_meet(g, p)))
        return 0;
    if (exact)
        return same_extent(g, p) ? 1 : 0;
    size_t shared = shared_chars(text, g, p);
    size_t gn = chars_of(text, g->parts, g->part_count), pn = chars_of(text, p->parts, p->part_count);
    return shared > 0 && 2 * shared >= gn && 2 * shared >= pn ? shared + 1 : 0;
}

static size_t matched(const char *text, const xc_scored_quote *gold, size_t ng, const xc_scored_quote *pred,
                      size_t np, bool exact, bool pair, uint8_t *used)
{
    memset(used, 0, np + 1);
    size_t n = 0;
    for (size_t i = 0; i < ng; i++) {
        if (pair && !gold[i].speaker_count)
            continue;
        size_t best = 0, best_k = 0;
        for (size_t k = 0; k < np; k++) {
            if (used[k])
                continue;
            size_t m = match(text, &gold[i], &pred[k], exact, pair);
            if (m > best)
                best = m, best_k = k;
        }
        if (best) {
            used[best_k] = 1;
            n++;
        }
    }
    return n;
}

bool xc_quote_counts_add(xc_quote_counts *counts, const char *text, const xc_scored_quote *gold, size_t gold_count,
                         const xc_scored_quote *predicted, size_t predicted_count)
{
    uint8_t *used = malloc(predicted_count + 1);
    if (!used)
        return false;
    counts->gold += gold_count;
    counts->predicted += predicted_count;
    for (size_t i = 0; i < gold_count; i++)
        counts->gold_pairs += gold[i].speaker_count > 0;
    for (size_t i = 0; i < predicted_count; i++)
        counts->predicted_pairs += predicted[i].speaker_count > 0;
    counts->content_exact += matched(text, gold, gold_count, predicted, predicted_count, true, false, used);
    counts->content_overlap += matched(text, gold, gold_count, predicted, predicted_count, false, false, used);
    counts->pair_exact += matched(text, gold, gold_count, predicted, predicted_count, true, true, used);
    counts->pair_overlap += matched(text, gold, gold_count, predicted, predicted_count, false, true, used);
    free(used);
    return true;
}

static xc_prf prf(size_t correct, size_t gold, size_t predicted)
{
    xc_prf s = {predicted ? (double)correct / predicted : 0, gold ? (double)correct / gold : 0, 0};
    s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
    return s;
}

typedef struct part_vec {
    xc_brat_part *items;
    size_t count, capacity;
} part_vec;

typedef struct quote_vec {
    xc_scored_quote *items;
    size_t count, capacity;
} quote_vec;

static int by_start(const void *a, const void *b)
{
    const xc_brat_part *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* Scratch for one document: quotes point into `parts` by index until the
 * end (the vector may move), so offsets are kept and fixed up last. */
typedef struct doc_quotes {
    part_vec parts;
    quote_vec quotes;
    struct { size_t *items; size_t count, capacity; } offsets; /* per quote: parts, speakers */
} doc_quotes;

static void doc_reset(doc_quotes *d)
{
    d->parts.count = d->quotes.count = d->offsets.count = 0;
}

static bool doc_begin(doc_quotes *d)
{
    xc_scored_quote q = {0};
    return XC_VEC_PUSH(&d->quotes, q) && XC_VEC_PUSH(&d->offsets, d->parts.count);
}

static bool doc_part(doc_quotes *d, uint32_t a, uint32_t b, bool speaker)
{
    xc_scored_quote *q = &d->quotes.items[d->quotes.count - 1];
    if (speaker)
        q->speaker_count++;
    else
        q->part_count++;
    xc_brat_part p = {a, b};
    return XC_VEC_PUSH(&d->parts, p);
}

/* Parts first, then speakers, for each quote; sort contents; fix pointers. */
static void doc_finish(doc_quotes *d)
{
    for (size_t i = 0; i < d->quotes.count; i++) {
        xc_scored_quote *q = &d->quotes.items[i];
        xc_brat_part *base = d->parts.items + d->offsets.items[i];
        q->parts = base;
        q->speakers = base + q->part_count;
        if (q->part_count > 1)
            qsort(base, q->part_count, sizeof *base, by_start);
    }
}

static void doc_free(doc_quotes *d)
{
    free(d->parts.items);
    free(d->quotes.items);
    free(d->offsets.items);
}

/* Gold direct quotes: contents of attributions, each once, with the
 * sources of every attribution it has. Content parts must come before
 * sources in `parts`, so each content's parts are added, then sources. */
static bool gold_quotes(const xc_brat_doc *doc, doc_quotes *g)
{
    for (size_t i = 0; i < doc->relations.count; i++) {
        const xc_brat_relation *r = &doc->relations.items[i];
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++)
            seen = doc->relations.items[k].content == r->content;
        if (seen)
            continue;
        const xc_brat_span *c = xc_brat_span_at(doc, r->content);
        uint32_t a, b;
        if (!c || !xc_gold_direct_quote(doc->text, doc->parts.items + c->first_part, c->part_count, &a, &b))
            continue;
        if (!doc_begin(g))
            return false;
        for (uint32_t p = 0; p < c->part_count; p++) {
            uint32_t s = doc->parts.items[c->first_part + p].start, e = doc->parts.items[c->first_part + p].end;
            /* the quote's outer marks are off already: a mark left at its
             * start or end is a quote inside it (“… ‘Stop.’”), content;
             * only the marks between parts are still to strip */
            bool outer_start = s <= a, outer_end = e >= b;
            if (s < a)
                s = a;
            if (e > b)
                e = b;
            if (s >= e)
                continue;
            strip_ends(doc->text, &s, &e, !outer_start, !outer_end);
            if (s < e && !doc_part(g, s, e, false))
                return false;
        }
        for (size_t k = i; k < doc->relations.count; k++) {
            const xc_brat_relation *o = &doc->relations.items[k];
            if (o->content != r->content)
                continue;
            for (uint32_t s = 0; s < o->source_count; s++) {
                const xc_brat_span *src = xc_brat_span_at(doc, o->sources[s]);
                for (uint32_t p = 0; src && p < src->part_count; p++)
                    if (!doc_part(g, doc->parts.items[src->first_part + p].start,
                                  doc->parts.items[src->first_part + p].end, true))
                        return false;
            }
        }
    }
    return true;
}

static bool predicted_quotes(const xc_quote_list *q, const xc_entity_extractor *x, doc_quotes *p, size_t *partial)
{
    for (size_t i = 0; i < q->count; i++) {
        const xc_quote *quote = &q->items[i];
        if (quote->flags & XC_QUOTE_PARTIAL) {
            (*partial)++;
            continue;
        }
        if (!doc_begin(p))
            return false;
        for (uint32_t k = 0; k < quote->part_count; k++) {
            const xc_quote_part *part = &q->parts.items[quote->first_part + k];
            if (!doc_part(p, part->start, part->end, false))
                return false;
        }
        if (quote->speaker_end > quote->speaker_start &&
            !doc_part(p, quote->speaker_start, quote->speaker_end, true))
            return false;
        for (size_t m = 0; quote->entity >= 0 && m < x->mentions.count; m++)
            if (x->mentions.items[m].entity == (uint32_t)quote->entity &&
                !doc_part(p, x->mentions.items[m].start, x->mentions.items[m].end, true))
                return false;
    }
    return true;
}

xc_status xc_eval_quotes_report(const char *dir, xc_brat_warn warn, void *user, xc_eval_quotes_result *out,
                                xc_error *err)
{
    memset(out, 0, sizeof *out);
    xc_polnear_list files;
    xc_status st = xc_polnear_list_dir(dir, &files, err);
    if (st != XC_OK)
        return st;
    xc_ner_tagger tagger;
    if ((st = xc_ner_tagger_open(&tagger, NULL, err)) != XC_OK) {
        xc_polnear_list_free(&files);
        return st;
    }
    xc_entity_extractor x = {.tagger = &tagger};
    xc_quote_list quotes = {0};
    doc_quotes gold = {0}, pred = {0};
    xc_quote_counts counts = {0};
    for (size_t i = 0; i < files.count && st == XC_OK; i++) {
        xc_brat_doc doc;
        xc_error doc_err = {0};
        xc_status ds = xc_brat_read(files.items[i].text_path, files.items[i].ann_path, &doc, warn, user, &doc_err);
        if (ds == XC_ERR_NOMEM) {
            st = xc_fail(err, ds, "out of memory");
            break;
        }
        if (ds != XC_OK) {
            out->failed_files++;
            if (warn)
                warn(user, doc_err.message);
            continue;
        }
        out->files++;
        out->bad_lines += doc.bad_lines;
        out->bytes += doc.text_len;
        double t0 = xc_seconds_now();
        st = xc_entities_extract(&x, doc.text, doc.text_len);
        double t1 = xc_seconds_now();
        if (st == XC_OK)
            st = xc_find_quotes(doc.text, doc.text_len, &x, &quotes);
        double t2 = xc_seconds_now();
        out->seconds += t2 - t0;
        out->quote_seconds += t2 - t1;
        doc_reset(&gold);
        doc_reset(&pred);
        if (st == XC_OK && (!gold_quotes(&doc, &gold) || !predicted_quotes(&quotes, &x, &pred, &out->partial)))
            st = XC_ERR_NOMEM;
        if (st == XC_OK) {
            doc_finish(&gold);
            doc_finish(&pred);
            if (!xc_quote_counts_add(&counts, doc.text, gold.quotes.items, gold.quotes.count, pred.quotes.items,
                                     pred.quotes.count))
                st = XC_ERR_NOMEM;
        }
        if (st != XC_OK)
            xc_fail(err, st, "%s: %s", files.items[i].text_path, xc_status_name(st));
        xc_brat_doc_free(&doc);
    }
    doc_free(&gold);
    doc_free(&pred);
    xc_quote_list_free(&quotes);
    xc_entity_extractor_free(&x);
    xc_ner_tagger_close(&tagger);
    xc_polnear_list_free(&files);
    if (st != XC_OK)
        return st;
    out->gold = counts.gold;
    out->predicted = counts.predicted;
    out->gold_pairs = counts.gold_pairs;
    out->predicted_pairs = counts.predicted_pairs;
    out->content_exact = prf(counts.content_exact, counts.gold, counts.predicted);
    out->content_overlap = prf(counts.content_overlap, counts.gold, counts.predicted);
    out->pair_exact = prf(counts.pair_exact, counts.gold_pairs, counts.predicted_pairs);
    out->pair_overlap = prf(counts.pair_overlap, counts.gold_pairs, counts.predicted_pairs);
    return XC_OK;
}

xc_status xc_eval_quotes(const char *dir, xc_eval_quotes_result *out, xc_error *err)
{
    return xc_eval_quotes_report(dir, NULL, NULL, out, err);
}
