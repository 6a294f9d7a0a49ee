/* The word scanner under the temporal rules. Temporal expressions need a
 * finer cut than xc_tokenize gives: "third-quarter", "mid-1990s", "'80s",
 * "2025-03-11" and "Feb." must come apart into words, numbers and the
 * punctuation between them, with the spacing kept so that the rules can
 * tell "third-quarter" from "third - quarter". Each word is looked up in
 * the lexicon once; sentences are numbered so that a rule can ask about
 * the tense of the sentence it is in. Any bytes are accepted: bytes of
 * invalid UTF-8 are letters of some word. */
#ifndef XC_TEMPORAL_SCAN_H
#define XC_TEMPORAL_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "crosscheck.h"
#include "lexicon.h"

enum { XC_TW_WORD = 1, XC_TW_NUM, XC_TW_PUNCT };

enum {
    XC_TWF_CAP = 1 << 0,     /* first letter upper case                       */
    XC_TWF_ALLCAP = 1 << 1,  /* two or more letters, all upper case           */
    XC_TWF_SPACE = 1 << 2,   /* white space before                            */
    XC_TWF_NEWLINE = 1 << 3, /* a line break before                           */
    XC_TWF_PARA = 1 << 4,    /* a blank line before                           */
    XC_TWF_SENT = 1 << 5     /* the first token of a sentence                 */
};

typedef struct xc_tw {
    uint32_t start, end;  /* bytes                                            */
    uint32_t sentence;    /* 0-based                                          */
    int32_t num;          /* NUM: its value (capped at 999,999,999)           */
    const xc_lex *lex;    /* WORD: its lexicon entry, or NULL                 */
    uint8_t kind;         /* XC_TW_*                                          */
    uint8_t flags;        /* XC_TWF_*                                         */
    uint8_t digits;       /* NUM: number of digits                            */
    char suffix;          /* NUM: 'o' for 3rd, 's' for 1990s, else 0          */
    char ch;              /* PUNCT: the ASCII character; curly quotes and
                             dashes as ' " and -, other symbols as '?'       */
} xc_tw;

typedef struct xc_tw_list {
    xc_tw *items;
    size_t count, capacity;
    uint32_t sentences;
} xc_tw_list;

/* Scan `len` bytes into `out` (emptied first). XC_ERR_NOMEM or XC_OK; a
 * text over 4 GB is XC_ERR_TOO_BIG (offsets are 32-bit). */
xc_status xc_temporal_scan(const char *text, size_t len, xc_tw_list *out);
void xc_tw_list_free(xc_tw_list *list);

#endif
