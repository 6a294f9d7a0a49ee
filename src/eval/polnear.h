/* PolNeAR (../shared/data/polnear): news texts with attribution relations
 * in brat standoff. A folder holds text/NAME.txt and
 * attributions/NAME_ANNOTATOR.ann; an .ann file has lines
 *
 *   T3<TAB>Content 315 448;463 553<TAB>“One of the things ...” “Yesterday ...”
 *   T10<TAB>Cue 449 453<TAB>said
 *   T11<TAB>Source 454 461<TAB>Caddell
 *   E3<TAB>Attribution:T12 Source:T11 Cue:T10 Content:T9
 *
 * T lines are spans (Source, Cue, Content, Attribution) of one or more
 * fragments; E lines tie a content to its cue and source. Offsets count
 * characters (code points) of the text; the reader turns them into bytes.
 * A span's text may hold line breaks, so a T line can run on over several
 * physical lines: lines that do not start with an annotation id are such
 * run-ons and are skipped. A malformed annotation line is reported as
 * "FILE:LINE: reason" and left out; reading goes on. */
#ifndef XC_EVAL_POLNEAR_H
#define XC_EVAL_POLNEAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "crosscheck.h"
#include "util/strmap.h"

typedef struct xc_brat_part {
    uint32_t start, end;          /* bytes into the text                    */
} xc_brat_part;

typedef struct xc_brat_span {
    const char *id;               /* "T3", in the document's arena          */
    const char *type;             /* "Content", "Source", ...               */
    uint32_t first_part, part_count; /* doc->parts.items[first_part ..]     */
    uint32_t line;                /* in the .ann file                       */
} xc_brat_span;

#define XC_BRAT_MAX_SOURCES 4

/* An attribution: spans by index into doc->spans, -1 when absent. */
typedef struct xc_brat_relation {
    int32_t content, cue;
    int32_t sources[XC_BRAT_MAX_SOURCES];
    uint32_t source_count;
    uint32_t line;
} xc_brat_relation;

typedef struct xc_brat_doc {
    char *text;                   /* NUL-terminated                         */
    size_t text_len;
    struct { xc_brat_span *items; size_t count, capacity; } spans;
    struct { xc_brat_part *items; size_t count, capacity; } parts;
    struct { xc_brat_relation *items; size_t count, capacity; } relations;
    size_t bad_lines;
    xc_strmap ids;                /* span id → index                        */
    xc_arena strings;             /* ids and types                          */
} xc_brat_doc;

/* Reports a line left out ("FILE:LINE: reason"). */
typedef void (*xc_brat_warn)(void *user, const char *message);

/* Reads annotations `ann` (named `ann_name` in messages) against `text`,
 * which must be valid UTF-8 (XC_ERR_UTF8 otherwise). The document takes a
 * copy of the text. Fails only on bad text or when out of memory. */
xc_status xc_brat_parse(const char *ann_name, const char *ann, size_t ann_len, const char *text, size_t text_len,
                        xc_brat_doc *out, xc_brat_warn warn, void *user, xc_error *err);
/* The same from files. */
xc_status xc_brat_read(const char *text_path, const char *ann_path, xc_brat_doc *out, xc_brat_warn warn,
                       void *user, xc_error *err);
void xc_brat_doc_free(xc_brat_doc *doc);

/* The span of a relation role, or NULL. */
static inline const xc_brat_span *xc_brat_span_at(const xc_brat_doc *d, int32_t i)
{
    return i >= 0 && (size_t)i < d->spans.count ? &d->spans.items[i] : NULL;
}

/* The texts of a PolNeAR folder, each with its annotation file: for
 * text/NAME.txt, attributions/NAME.ann or else the first (in name order)
 * attributions/NAME_X.ann, X without "_" (an annotator: several annotated
 * a few texts, for agreement). Texts without annotations are counted. */
typedef struct xc_polnear_file {
    char *name, *text_path, *ann_path;
} xc_polnear_file;

typedef struct xc_polnear_list {
    xc_polnear_file *items;       /* in name order                          */
    size_t count, capacity;
    size_t unannotated;
} xc_polnear_list;

/* XC_ERR_IO when the folders cannot be read, XC_ERR_NOT_FOUND when no
 * text has annotations. */
xc_status xc_polnear_list_dir(const char *dir, xc_polnear_list *out, xc_error *err);
void xc_polnear_list_free(xc_polnear_list *list);

#endif
