/* Fuzz the ECB+ CAT XML reader: any bytes as a document; what it accepts
 * must hold together (spans inside the text, anchors inside the tokens), and
 * the mention scores must find the gold mentions in agreement with
 * themselves. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crosscheck.h"
#include "eval/ecbxml.h"
#include "eval/mention_metrics.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    xc_ecb_doc doc;
    xc_error err = {0};
    if (xc_ecb_doc_parse("fuzz.xml", (const char *)data, size, &doc, &err) != XC_OK) {
        if (!err.message[0] || doc.tokens || doc.mentions || doc.text)
            abort();
        return 0;
    }
    if (!doc.name || !doc.text || strlen(doc.text) != doc.text_len || !xc_utf8_valid(doc.text, doc.text_len, NULL))
        abort();
    for (size_t i = 0; i < doc.token_count; i++)
        if (doc.tokens[i].start > doc.tokens[i].end || doc.tokens[i].end > doc.text_len ||
            (i && doc.tokens[i].start < doc.tokens[i - 1].end))
            abort();
    size_t n = doc.mention_count;
    uint64_t *chains = malloc((n ? n : 1) * sizeof *chains);
    xc_mention_span *spans = malloc((n ? n : 1) * sizeof *spans);
    int64_t *match = malloc((n ? n : 1) * sizeof *match);
    if (!chains || !spans || !match)
        abort();
    for (size_t i = 0; i < n; i++) {
        const xc_ecb_mention *m = &doc.mentions[i];
        if (!m->tag || !xc_ecb_is_entity_tag(m->tag) || !m->chain_name || m->anchor_count == 0 ||
            (size_t)m->first_anchor + m->anchor_count > doc.anchor_count || m->head >= doc.token_count ||
            m->start > m->end || m->end > doc.text_len || (i && m->start < doc.mentions[i - 1].start))
            abort();
        for (uint32_t a = 0; a < m->anchor_count; a++)
            if (doc.anchors[m->first_anchor + a] >= doc.token_count ||
                (a && doc.anchors[m->first_anchor + a] <= doc.anchors[m->first_anchor + a - 1]))
                abort();
        if (doc.anchors[m->first_anchor + m->anchor_count - 1] != m->head)
            abort();
        chains[i] = m->chain;
        spans[i] = (xc_mention_span){m->start, m->end};
    }
    /* The gold mentions as a prediction: every one found, a perfect score. */
    if (xc_align_mentions(spans, n, spans, n, match) != XC_OK)
        abort();
    for (size_t i = 0; i < n; i++)
        if (match[i] < 0 || spans[match[i]].start != spans[i].start || spans[match[i]].end != spans[i].end)
            abort();
    xc_mention_scores s;
    if (xc_score_mentions(chains, chains, n, &s) != XC_OK || (n && (s.clustering.bcubed_f1 < 0.999999 ||
                                                                    s.missed != 0)))
        abort();
    free(chains);
    free(spans);
    free(match);
    xc_ecb_doc_free(&doc);
    return 0;
}
