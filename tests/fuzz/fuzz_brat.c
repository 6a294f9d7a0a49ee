/* Fuzz the brat standoff reader: the input is a text, a NUL byte, then
 * annotations. Every part lies inside the text, on character boundaries;
 * relations name spans that exist; the gold direct-quote test stays
 * inside its parts. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crosscheck.h"
#include "eval/eval_quotes.h"
#include "eval/polnear.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *in = (const char *)data;
    const char *nul = memchr(in, '\0', size);
    size_t text_len = nul ? (size_t)(nul - in) : size / 2;
    const char *ann = nul ? nul + 1 : in + text_len;
    size_t ann_len = size - (size_t)(ann - in);
    xc_brat_doc d;
    xc_error err = {0};
    if (xc_brat_parse("fuzz.ann", ann, ann_len, in, text_len, &d, NULL, NULL, &err) == XC_OK) {
        for (size_t i = 0; i < d.parts.count; i++) {
            const xc_brat_part *p = &d.parts.items[i];
            if (p->start > p->end || p->end > d.text_len ||
                (p->start < d.text_len && ((unsigned char)d.text[p->start] & 0xC0) == 0x80))
                abort();
        }
        for (size_t i = 0; i < d.spans.count; i++) {
            const xc_brat_span *s = &d.spans.items[i];
            if (s->first_part + s->part_count > d.parts.count || !s->id || !s->type)
                abort();
            uint32_t a, b;
            if (s->part_count && xc_gold_direct_quote(d.text, d.parts.items + s->first_part, s->part_count, &a, &b) &&
                (a >= b || b > d.text_len))
                abort();
        }
        for (size_t i = 0; i < d.relations.count; i++) {
            const xc_brat_relation *r = &d.relations.items[i];
            if (!xc_brat_span_at(&d, r->content) || (r->cue >= 0 && !xc_brat_span_at(&d, r->cue)) ||
                r->source_count > XC_BRAT_MAX_SOURCES)
                abort();
        }
    }
    xc_brat_doc_free(&d);
    return 0;
}
