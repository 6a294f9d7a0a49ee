/* crosscheck eval entities DIR: entity merging scored on ECB+ chains. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <xxhash.h>

#include "crosscheck.h"
#include "ecbxml.h"
#include "eval_store.h"
#include "mention_metrics.h"
#include "../core/context.h"
#include "../entity/names.h"
#include "../util/buf.h"
#include "../util/error.h"
#include "../util/json_writer.h"
#include "../util/vec.h"
#include "../util/clock.h"

/* The documents as JSON Lines, their text rebuilt from the tokens (the
 * gold spans are offsets into it). */
static xc_status write_jsonl(const xc_ecb_corpus *corpus, const char *path, xc_error *err)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return xc_fail(err, XC_ERR_IO, "cannot write %s", path);
    xc_buf line = {0};
    for (size_t d = 0; d < corpus->count; d++) {
        const xc_ecb_doc *doc = &corpus->docs[d];
        xc_buf_reset(&line);
        xc_json j;
        xc_json_init(&j, &line);
        xc_json_object_begin(&j);
        xc_json_key(&j, "id"), xc_json_string(&j, doc->name);
        xc_json_key(&j, "text"), xc_json_string_n(&j, doc->text, doc->text_len);
        xc_json_object_end(&j);
        xc_buf_putc(&line, '\n');
        fwrite(line.data, 1, line.len, f);
    }
    bool failed = line.failed;
    xc_buf_free(&line);
    if (fclose(f) != 0 || failed)
        return xc_fail(err, XC_ERR_IO, "cannot write %s", path);
    return XC_OK;
}

typedef struct found_mention {
    xc_mention_span span;
    int64_t entity;
} found_mention;

typedef struct found_list {
    found_mention *items;
    size_t count, capacity;
} found_list;

/* The mentions crosscheck stored for one document. */
static xc_status stored_mentions(xc_ctx *ctx, const char *id, found_list *out, xc_error *err)
{
    static const char sql[] = "SELECT m.start, m.end, m.entity FROM mentions m JOIN articles a ON a.key = m.article "
                              "WHERE a.id = ? ORDER BY m.start";
    out->count = 0;
    sqlite3_stmt *st = xc_store_prepare(&ctx->store, sql, err);
    if (!st)
        return XC_ERR_STORE;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        found_mention m = {{(uint32_t)sqlite3_column_int64(st, 0), (uint32_t)sqlite3_column_int64(st, 1)},
                           sqlite3_column_int64(st, 2)};
        if (!XC_VEC_PUSH(out, m)) {
            sqlite3_reset(st);
            return xc_fail(err, XC_ERR_NOMEM, "out of memory");
        }
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? XC_OK : xc_store_error(&ctx->store, err, "reading mentions");
}

xc_status xc_eval_entities(const char *xml_dir, const char *const *settings, xc_eval_entities_result *out,
                           xc_error *err)
{
    memset(out, 0, sizeof *out);
    xc_ecb_corpus corpus;
    xc_status st = xc_ecb_corpus_read(xml_dir, &corpus, err);
    if (st != XC_OK)
        return st;
    out->documents = corpus.count;
    out->failed_documents = corpus.failed;
    /* ECB+ annotated coreference in chosen sentences only; mentions outside
     * them are unlinked, so they are scored only when the list is absent */
    char csv[4200];
    snprintf(csv, sizeof csv, "%s/../ECBplus_coreference_sentences.csv", xml_dir);
    FILE *probe = fopen(csv, "rb");
    if (probe) {
        fclose(probe);
        if ((st = xc_ecb_corpus_select(&corpus, csv, NULL, err)) != XC_OK) {
            xc_ecb_corpus_free(&corpus);
            return st;
        }
        out->annotated_sentences_only = true;
    }
    xc_eval_store store;
    if ((st = xc_eval_store_open(&store, "event", settings, err)) != XC_OK) {
        xc_ecb_corpus_free(&corpus);
        return st;
    }
    store.ctx->entities = true;
    char path[4200];
    snprintf(path, sizeof path, "%s/documents.jsonl", store.dir);
    double start = xc_seconds_now();
    xc_ingest_summary summary;
    double seconds;
    st = write_jsonl(&corpus, path, err);
    if (st == XC_OK)
        st = xc_eval_store_ingest(&store, path, &summary, &seconds, err);
    struct { uint64_t *items; size_t count, capacity; } gold = {0}, predicted = {0}, gold_found = {0},
                                                        predicted_found = {0}, same_text = {0};
    found_list found = {0};
    xc_mention_span *spans = NULL;
    int64_t *match = NULL;
    for (size_t d = 0; st == XC_OK && d < corpus.count; d++) {
        const xc_ecb_doc *doc = &corpus.docs[d];
        if ((st = stored_mentions(store.ctx, doc->name, &found, err)) != XC_OK)
            break;
        size_t n = doc->mention_count;
        free(spans);
        free(match);
        spans = malloc((n + 1) * sizeof *spans);
        match = malloc((n + 1) * sizeof *match);
        xc_mention_span *predicted_spans = malloc((found.count + 1) * sizeof *predicted_spans);
        if (!spans || !match || !predicted_spans) {
            free(predicted_spans);
            st = xc_fail(err, XC_ERR_NOMEM, "out of memory");
            break;
        }
        for (size_t i = 0; i < n; i++)
            spans[i] = (xc_mention_span){doc->mentions[i].start, doc->mentions[i].end};
        for (size_t i = 0; i < found.count; i++)
            predicted_spans[i] = found.items[i].span;
        st = xc_align_mentions(spans, n, predicted_spans, found.count, match);
        free(predicted_spans);
        if (st != XC_OK) {
            xc_fail(err, st, "aligning mentions of %s", doc->name);
            break;
        }
        for (size_t i = 0; i < n; i++) {
            if (!doc->mentions[i].selected)
                continue;
            uint64_t chain = doc->mentions[i].chain;
            uint64_t entity = XC_MENTION_MISSED;
            if (match[i] >= 0) {
                const found_mention *m = &found.items[match[i]];
                /* ECB+ links mentions only within a topic: one entity named
                 * in two topics counts as two there */
                entity = (uint64_t)m->entity * 1000003u + (uint64_t)(doc->topic + 1);
                char key[XC_NAME_KEY_MAX];
                size_t kn = xc_name_key(doc->text + m->span.start, m->span.end - m->span.start, key);
                if (!XC_VEC_PUSH(&gold_found, chain) || !XC_VEC_PUSH(&predicted_found, entity) ||
                    !XC_VEC_PUSH(&same_text, XXH3_64bits_withSeed(key, kn, (uint64_t)(doc->topic + 1)))) {
                    st = xc_fail(err, XC_ERR_NOMEM, "out of memory");
                    break;
                }
            }
            if (!XC_VEC_PUSH(&gold, chain) || !XC_VEC_PUSH(&predicted, entity)) {
                st = xc_fail(err, XC_ERR_NOMEM, "out of memory");
                break;
            }
        }
    }
    if (st == XC_OK) {
        xc_mention_scores all, only_found, baseline;
        st = xc_score_mentions(gold.items, predicted.items, gold.count, &all);
        if (st == XC_OK)
            st = xc_score_mentions(gold_found.items, predicted_found.items, gold_found.count, &only_found);
        if (st == XC_OK)
            st = xc_score_mentions(gold_found.items, same_text.items, gold_found.count, &baseline);
        if (st == XC_OK) {
            out->mentions = gold.count;
            out->found = gold_found.count;
            out->chains = all.clustering.classes;
            out->bcubed_p = all.clustering.bcubed_p;
            out->bcubed_r = all.clustering.bcubed_r;
            out->bcubed_f1 = all.clustering.bcubed_f1;
            out->muc_f1 = all.muc_f1;
            out->found_bcubed_p = only_found.clustering.bcubed_p;
            out->found_bcubed_r = only_found.clustering.bcubed_r;
            out->found_bcubed_f1 = only_found.clustering.bcubed_f1;
            out->same_text_bcubed_f1 = baseline.clustering.bcubed_f1;
        } else
            xc_fail(err, st, "scoring mentions");
    }
    out->seconds = xc_seconds_now() - start;
    free(gold.items);
    free(predicted.items);
    free(gold_found.items);
    free(predicted_found.items);
    free(same_text.items);
    free(found.items);
    free(spans);
    free(match);
    xc_eval_store_close(&store);
    xc_ecb_corpus_free(&corpus);
    return st;
}
