/* NeuS (Lee et al., NAACL 2022; ../shared/data/neus_allsides/SOURCE.txt):
 * AllSides roundups, one cluster a line. A *.source line holds the
 * excerpts of three outlets, in random order, without their names:
 *
 *   TITLE=> headline. ARTICLE=> text ... [SEP] TITLE=> ... ARTICLE=> ... [SEP] ...
 *
 * and the *.target line of the same number the neutral summary written
 * by an editor:
 *
 *   TITLE=> neutral headline. ARTICLE=> neutral summary
 *
 * A part's ARTICLE may be empty (an excerpt of a headline alone). Spans
 * point into the line, trimmed of white space; nothing is copied. */
#ifndef XC_EVAL_NEUS_H
#define XC_EVAL_NEUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define XC_NEUS_MAX_DOCS 16

typedef struct xc_neus_doc {
    const char *title, *text;
    size_t title_len, text_len;
} xc_neus_doc;

typedef struct xc_neus_cluster {
    xc_neus_doc docs[XC_NEUS_MAX_DOCS];
    size_t count;
} xc_neus_cluster;

/* A line without its end: a *.source line. It is malformed (false, and
 * `why` says how, in at most `why_size` bytes) when it is not valid UTF-8,
 * is blank, has more than XC_NEUS_MAX_DOCS parts, or a part does not read
 * "TITLE=> ... ARTICLE=> ..." with a title or a text. */
bool xc_neus_parse_source(const char *line, size_t len, xc_neus_cluster *out, char *why, size_t why_size);

/* A *.target line: one part, as above. */
bool xc_neus_parse_target(const char *line, size_t len, xc_neus_doc *out, char *why, size_t why_size);

/* The duplicate group of each doc (its index, or the index of the first
 * doc with the same title and text once runs of white space are made one
 * space): NeuS names no outlets, so distinct texts are distinct reports. */
void xc_neus_groups(const xc_neus_cluster *c, int64_t *groups);

#endif
