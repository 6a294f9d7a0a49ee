/* Fuzz the quote finder on arbitrary text: the mark scanner on any bytes,
 * then quotes with the tagger's entities on valid UTF-8. Every span lies
 * inside the text, parts are ordered inside their quote, speakers resolve
 * to entities of the article. */
#include <stdint.h>
#include <stdlib.h>

#include "crosscheck.h"
#include "entity/extract.h"
#include "quote/marks.h"
#include "quote/quotes.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static xc_ner_tagger tagger;
static int loaded;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    xc_qspan_list spans = {0};
    if (xc_quote_marks_scan(text, size, &spans) == XC_OK)
        for (size_t i = 0; i < spans.count; i++) {
            const xc_qspan *s = &spans.items[i];
            if (s->open > s->start || s->start >= s->end || s->end > s->close || s->close > size ||
                s->style >= XC_MARK_STYLES || (i && spans.items[i - 1].open > s->open))
                abort();
        }
    xc_qspan_list_free(&spans);
    if (!loaded) {
        xc_error err = {0};
        loaded = xc_ner_tagger_open(&tagger, NULL, &err) == XC_OK ? 1 : -1;
    }
    xc_quote_list q = {0};
    /* without entities on any bytes, with them on valid UTF-8 */
    if (xc_find_quotes(text, size, NULL, &q) != XC_OK)
        abort();
    if (loaded == 1 && xc_utf8_valid(text, size, NULL)) {
        xc_entity_extractor x = {.tagger = &tagger};
        if (xc_entities_extract(&x, text, size) == XC_OK && xc_find_quotes(text, size, &x, &q) == XC_OK) {
            for (size_t i = 0; i < q.count; i++) {
                const xc_quote *o = &q.items[i];
                if (o->start > o->end || o->end > size || o->part_count == 0 ||
                    o->first_part + o->part_count > q.parts.count || o->speaker_start > o->speaker_end ||
                    o->speaker_end > size || o->cue_start > o->cue_end || o->cue_end > size ||
                    (o->entity >= 0 && (size_t)o->entity >= x.entities.count) ||
                    (o->mention >= 0 && (size_t)o->mention >= x.mentions.count))
                    abort();
                uint32_t prev = o->start;
                for (uint32_t k = 0; k < o->part_count; k++) {
                    const xc_quote_part *p = &q.parts.items[o->first_part + k];
                    if (p->start < prev || p->start >= p->end || p->end > o->end)
                        abort();
                    prev = p->end;
                }
                size_t n;
                if (o->entity >= 0 && !xc_quote_entity_name(&x, text, o->entity, &n))
                    abort();
            }
        }
        xc_entity_extractor_free(&x);
    }
    xc_quote_list_free(&q);
    return 0;
}
