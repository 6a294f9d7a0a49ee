/* The quote-mark scanner: which stretches of a text stand between quote
 * marks. It knows the common styles — “…” "…" ‘…’ '…' ''…'' ``…'' «…» »…«
 * ‹…› „…“ „…” ‚…‘ 「…」 — tells an apostrophe (don’t, voters’, ’90s,
 * 'em) from a closing mark, pairs marks with a stack so quotes nest
 * (“… ‘…’ …”), and follows the convention of quotes over several
 * paragraphs: a paragraph that ends inside a quote and a next paragraph
 * that opens with the same mark continue one quote. A quote left open at a
 * paragraph break is closed there and flagged. Nothing here knows about
 * speakers; src/quote/quotes.c does. */
#ifndef XC_QUOTE_MARKS_H
#define XC_QUOTE_MARKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "crosscheck.h"

/* Mark styles; a closing mark ends only a quote of a style it fits. */
typedef enum xc_mark_style {
    XC_MARK_CURLY,        /* “…”  (also ”…” and the sloppy “…“)        */
    XC_MARK_LOW,          /* „…“  „…”                                  */
    XC_MARK_ASCII,        /* "…"                                       */
    XC_MARK_TWO_APOS,     /* ''…''  ``…''  (typewriter, PTB)           */
    XC_MARK_GUILLEMET,    /* «…»                                       */
    XC_MARK_GUILLEMET_REV,/* »…«                                       */
    XC_MARK_CJK,          /* 「…」 『…』                               */
    XC_MARK_SINGLE_CURLY, /* ‘…’                                       */
    XC_MARK_SINGLE_LOW,   /* ‚…‘  ‚…’                                  */
    XC_MARK_SINGLE_ASCII, /* '…'                                       */
    XC_MARK_SINGLE_GUIL,  /* ‹…›  ›…‹                                  */
    XC_MARK_STYLES
} xc_mark_style;

/* Is it a single-level style (the inner marks of British, the outer of
 * headlines)? */
static inline bool xc_mark_style_single(xc_mark_style s) { return s >= XC_MARK_SINGLE_CURLY; }

enum {
    XC_QSPAN_UNTERMINATED = 1 << 0, /* no closing mark: closed at the paragraph end */
    XC_QSPAN_CONTINUES = 1 << 1,    /* the paragraph ends inside the quote and the
                                       next span (a reopened paragraph) goes on with it */
};

/* One quoted stretch. Offsets are bytes; [start, end) is the content
 * between the marks, trimmed of white space; [open, close) includes the
 * marks. */
typedef struct xc_qspan {
    uint32_t open, close;
    uint32_t start, end;
    uint16_t depth;   /* 0 for a quote not inside another                */
    uint8_t style;    /* xc_mark_style                                   */
    uint8_t flags;    /* XC_QSPAN_*                                      */
} xc_qspan;

typedef struct xc_qspan_list {
    xc_qspan *items;  /* ordered by `open`                               */
    size_t count, capacity;
} xc_qspan_list;

/* Finds the quoted stretches of UTF-8 `text`, replacing the contents of
 * `out`. Any bytes are accepted; only XC_ERR_NOMEM can fail. */
xc_status xc_quote_marks_scan(const char *text, size_t len, xc_qspan_list *out);
void xc_qspan_list_free(xc_qspan_list *list);

/* The mark that starts at text[i] (up to `len`): its length in bytes (0
 * when none), and whether it can only open or only close. */
size_t xc_quote_mark_at(const char *text, size_t len, size_t i);

/* Does the text look hard-wrapped (lines cut mid-sentence), so that a
 * single line break is not a paragraph break? */
bool xc_text_looks_wrapped(const char *text, size_t len);

#endif
