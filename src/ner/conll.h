/* CoNLL-2003 style files: one token a line, its tag in the last column,
 * a blank line between sentences, -DOCSTART- lines between documents. */
#ifndef XC_NER_CONLL_H
#define XC_NER_CONLL_H

#include <stdbool.h>
#include <stdint.h>

#include "crosscheck.h"
#include "util/arena.h"

typedef struct xc_conll_token {
    const char *text; /* NUL-terminated, in the arena */
    uint32_t len;
    uint32_t line;    /* 1-based line number in the file */
    uint8_t gold;     /* IOB tag, or XC_NER_NO_LABEL when the line has none */
} xc_conll_token;

typedef struct xc_conll_sentence {
    uint32_t first, count; /* tokens */
    uint32_t doc;          /* document number, from 0 */
} xc_conll_sentence;

typedef struct xc_conll {
    xc_arena arena;
    struct { xc_conll_token *items; size_t count, capacity; } tokens;
    struct { xc_conll_sentence *items; size_t count, capacity; } sentences;
    size_t docs;
    size_t bad_lines; /* lines with a last column that is not a tag */
} xc_conll;

/* Reports a line that could not be read ("FILE:LINE: reason"); reading goes on. */
typedef void (*xc_conll_warn)(void *user, const char *message);

/* Reads a whole file. Fails only when the file cannot be read or memory
 * runs out; bad lines are reported through `warn` (may be NULL). */
xc_status xc_conll_read(const char *path, xc_conll *out, xc_conll_warn warn, void *user, xc_error *err);
/* The same from memory; `name` is used in messages. */
xc_status xc_conll_parse(const char *name, const char *data, size_t size, xc_conll *out, xc_conll_warn warn,
                         void *user, xc_error *err);
void xc_conll_free(xc_conll *c);

#endif
