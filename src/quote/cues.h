/* The words that attribute a quotation to someone: said, told, added,
 * wrote, posted, remarked, according to ... A cue is a verb form (any
 * tense) or one of a few fixed phrases; its lemma names it in the output
 * ("say" for said/says/saying). */
#ifndef XC_QUOTE_CUES_H
#define XC_QUOTE_CUES_H

#include <stdbool.h>
#include <stddef.h>

/* How a cue word is used. */
enum {
    XC_CUE_SPEECH = 1 << 0,   /* said, told, added: attributes a whole quote  */
    XC_CUE_PARTIAL = 1 << 1,  /* called, described: only a quote inside the
                                 sentence ("called it “a disgrace”")          */
    XC_CUE_INFLECTED = 1 << 2,/* a participle or -ing form ("saying"): needs a
                                 subject elsewhere ("adding", "has said")     */
    XC_CUE_NOUN = 1 << 3      /* also a noun ("notes", "claims", "states"): a
                                 cue only right after its subject            */
};

typedef struct xc_cue_word {
    const char *lemma;        /* "say"                                        */
    unsigned flags;           /* XC_CUE_*                                     */
    const char *particle;     /* a word that must follow ("out" in "pointed
                                 out"), or NULL                               */
} xc_cue_word;

/* The cue that the word (any case) starts, or NULL; check its particle. */
const xc_cue_word *xc_cue_lookup(const char *word, size_t len);

/* Words that may stand between a subject and its cue verb ("later said",
 * "has also said", "would not say"), lower case. */
bool xc_cue_adverb(const char *word, size_t len);

#endif
