/* Direct quotations and who said them.
 *
 * A quote is a stretch of text between quote marks (src/quote/marks.h)
 * that someone says: a whole utterance (“We will win,” she said. / He
 * said: “We will win.”) or a phrase inside a sentence that a cue ties to a
 * speaker (Trump called it “a disaster”). Titles and scare quotes ("the
 * so-called “reset”") have no cue and are not quotes. One quote may have
 * several parts: around its attribution (“We will,” he said, “win.”, and
 * sentences quoted on right after it in its paragraph), over paragraphs
 * that reopen the mark, in the paragraphs that follow it with no
 * attribution of their own, and before it when a quote with no
 * attribution ends the paragraph before.
 *
 * The cue is a verb of saying (said, told, added, wrote, posted,
 * remarked, ...) or "according to", before, after or inside the quote;
 * or a colon ("She then addressed the crowd: “…”", lemma ":"), a dash
 * and a name after the quote ("“…” ― Pamela Padilla", lemma "dash"), or
 * a verb the lexicon lacks between a name and the end of the sentence
 * after a quote ending in a comma ("“…,” an angry Hollande retaliated.",
 * lemma "other").
 * The speaker is the mention the cue attaches to — a name, a pronoun
 * ("he"), or a nominal ("the spokesperson", "the U.S. diplomatic chief")
 * — and it is resolved to an entity of the article: a name is its own
 * entity; a pronoun the most recent person before it whose gender fits
 * (from titles, first names and the pronouns used after each person); a
 * nominal the person whose role or description matches ("the president" →
 * President Obama), or else the nearest person the text is about.
 *
 * All offsets are bytes into the text given. */
#ifndef XC_QUOTE_QUOTES_H
#define XC_QUOTE_QUOTES_H

#include <stdint.h>

#include "crosscheck.h"
#include "entity/extract.h"
#include "quote/marks.h"

typedef struct xc_quote_part {
    uint32_t start, end;        /* content without its marks             */
} xc_quote_part;

typedef enum xc_speaker_kind {
    XC_SPEAKER_NONE = 0,        /* no attribution found                   */
    XC_SPEAKER_NAME,            /* a name: Rubio, the White House         */
    XC_SPEAKER_PRONOUN,         /* he, she, they, I, we                   */
    XC_SPEAKER_NOMINAL          /* the spokesperson, a senior official    */
} xc_speaker_kind;

enum {
    XC_QUOTE_PARTIAL = 1 << 0,      /* a phrase inside a sentence, not a whole
                                       utterance (“a disaster”)              */
    XC_QUOTE_SPLIT = 1 << 1,        /* parts around its attribution          */
    XC_QUOTE_PARAGRAPHS = 1 << 2,   /* over paragraphs that reopen the mark,
                                       or that go on quoting with no cue     */
    XC_QUOTE_UNTERMINATED = 1 << 3  /* its last mark was never closed        */
};

typedef struct xc_quote {
    uint32_t start, end;            /* first part's start to last part's end */
    uint32_t first_part, part_count;/* list->parts.items[first_part ..]     */
    uint32_t cue_start, cue_end;    /* the cue words; equal when none        */
    const char *cue;                /* its lemma ("say", "according to"),
                                       NULL when none                        */
    uint32_t speaker_start, speaker_end; /* the mention the cue attaches to;
                                       equal when none                       */
    uint8_t speaker_kind;           /* xc_speaker_kind                       */
    uint8_t flags;                  /* XC_QUOTE_*                            */
    int32_t entity;                 /* the entity the speaker is: index into
                                       entities->entities, -1 when none      */
    int32_t mention;                /* the named mention that decided it:
                                       index into entities->mentions, -1     */
} xc_quote;

typedef struct xc_quote_list {
    xc_quote *items;                /* in text order                         */
    size_t count, capacity;
    struct { xc_quote_part *items; size_t count, capacity; } parts;
    /* scratch, kept between calls */
    xc_token_list tokens;
    xc_qspan_list spans;
    struct { struct xc_raw_quote *items; size_t count, capacity; } raw;
    struct { xc_quote_part *items; size_t count, capacity; } raw_parts;
    int32_t *token_mention;
    uint8_t *token_flags;
    size_t token_capacity;
} xc_quote_list;

/* Finds the quotes of `text` (valid UTF-8 or not: any bytes are safe),
 * replacing the contents of `out` (which may start zeroed and be reused).
 * `entities` holds the results of xc_entities_extract on the same text, or
 * is NULL: speakers are then found from capitalised words and not
 * resolved. Fails only when out of memory or the text is over 4 GB. */
xc_status xc_find_quotes(const char *text, size_t len, const xc_entity_extractor *entities,
                         xc_quote_list *out);
void xc_quote_list_free(xc_quote_list *list);

/* The fullest name of entity `entity` (as written), or NULL for -1. */
const char *xc_quote_entity_name(const xc_entity_extractor *entities, const char *text, int32_t entity,
                                 size_t *len);

/* "name", "pronoun", "nominal" or "none". */
const char *xc_speaker_kind_name(xc_speaker_kind kind);

#endif
