/* What the parts of the quote finder share: the text, its tokens, which
 * tokens belong to an entity mention or a quote, and the attribution of
 * one quote (src/quote/speaker.c) before it is resolved
 * (src/quote/resolve.c). Internal to src/quote/. */
#ifndef XC_QUOTE_QCTX_H
#define XC_QUOTE_QCTX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "crosscheck.h"
#include "entity/extract.h"
#include "quote/quotes.h"

enum {
    XC_QT_IN_QUOTE = 1 << 0, /* inside a quote's content (or its marks)      */
    XC_QT_ROLE = 1 << 1,     /* in the role before a name (Secretary of State) */
    XC_QT_MARK = 1 << 2      /* a quote mark                                 */
};

typedef struct xc_qctx {
    const char *text;
    size_t len;
    const xc_entity_extractor *x;  /* may be NULL                            */
    const xc_token *tok;
    size_t ntok;
    const int32_t *tok_mention;    /* per token: mention index, or -1         */
    const uint8_t *tok_flags;      /* per token: XC_QT_*                      */
} xc_qctx;

/* A cue and its speaker, as token ranges [first, end). */
typedef struct xc_attribution {
    uint32_t cue_first, cue_end;
    const char *lemma;
    uint32_t sp_first, sp_end;     /* equal when no speaker was found         */
    uint8_t kind;                  /* xc_speaker_kind                         */
    int32_t mention;               /* the tagged mention the speaker is, or -1 */
    uint32_t last;                 /* the last token the attribution covers   */
} xc_attribution;

/* Token helpers. */
bool xc_qtok_is(const xc_qctx *c, size_t t, const char *word); /* any case */
bool xc_qtok_punct(const xc_qctx *c, size_t t, const char *chars); /* one of `chars` */
bool xc_qtok_sentence_end(const xc_qctx *c, size_t t);
bool xc_qtok_pronoun(const xc_qctx *c, size_t t);
/* The first token that starts at or after byte `b`. */
size_t xc_qtok_at(const xc_qctx *c, size_t b);

/* The attribution in the tokens after a quote, [first, end): "said X",
 * "X said", "X, a spokesman for Y, said", "according to X". It must start
 * right after the quote. */
bool xc_attribution_after(const xc_qctx *c, size_t first, size_t end, xc_attribution *out);
/* After a quote that ends in a comma: a name or pronoun and a verb the
 * lexicon lacks ("…,” an angry Hollande retaliated.). Lemma "other". */
bool xc_attribution_after_unknown(const xc_qctx *c, size_t first, size_t end, xc_attribution *out);
/* A dash and a name right after a quote, on its line or the next one
 * ("“…” ― Pamela Padilla", "- Sanders."). Lemma "dash". */
bool xc_attribution_dash(const xc_qctx *c, size_t t, xc_attribution *out);
/* Does a reported clause follow the cue of "X said …" (a subject first)?
 * "Kasich said he would …", "Reid said both …", not "said on Monday",
 * "said Tuesday", "told reporters". Tokens up to `end`. */
bool xc_attribution_reports(const xc_qctx *c, const xc_attribution *a, size_t end);
/* The attribution in the tokens before a quote, [first, end): "X said:",
 * "X told reporters on Monday that", "According to X,". A `partial`
 * quote may have its cue anywhere in the sentence before it. */
bool xc_attribution_before(const xc_qctx *c, size_t first, size_t end, bool partial, xc_attribution *out);

/* Resolves each quote's speaker to an entity (quote->entity, ->mention). */
xc_status xc_resolve_speakers(const xc_qctx *c, xc_quote *quotes, size_t count);

#endif
