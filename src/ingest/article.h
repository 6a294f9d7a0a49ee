/* An article as read from input, before it is stored: what every reader
 * produces and the ingest driver consumes. */
#ifndef XC_ARTICLE_H
#define XC_ARTICLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "crosscheck.h"

typedef struct xc_article_in {
    char *id;
    char *title;
    bool title_from_text;  /* no title given: taken from the first line   */
    char *text;
    size_t text_len;
    char *source, *url;
    char *published_raw;   /* as written; NULL when absent               */
    xc_date published;     /* precision XC_DATE_NONE when undated         */
    char *extra_json;      /* other JSONL fields, or NULL                 */
    char *origin;          /* file path, or "<stdin>"                    */
    long line;             /* 1-based line of the item in that file       */
    long body_offset;      /* byte offset of text in the file             */
    uint8_t hash[16];      /* XXH3-128 over every field                   */
    char warning[256];     /* non-empty: stored, but with this caveat     */
    long warning_line;
} xc_article_in;

void xc_article_in_free(xc_article_in *a);

/* Compute a->hash from all fields (call when the article is complete). */
void xc_article_hash(xc_article_in *a);

/* Check raw bytes before they become an article's text: no NUL bytes, valid
 * UTF-8 (or, with `repair`, a repaired copy in *repaired and a count in
 * *repairs), not empty. On failure returns the status, the offending byte's
 * offset in *where and a reason in err. */
xc_status xc_check_text(const char *data, size_t len, bool repair, char **repaired,
                        size_t *repaired_len, size_t *repairs, size_t *where, xc_error *err);

/* A headline from the first non-empty line of text: trimmed, and cut at a
 * word boundary with "…" when it runs past a headline's length. */
char *xc_title_from_text(const char *text, size_t len);

/* Parse a->published_raw into a->published, leaving a warning when it is not
 * a date crosscheck understands. */
void xc_article_parse_date(xc_article_in *a, long line);

/* "h" + 16 hex digits of the content: the id of an article that has none. */
char *xc_content_id(const char *title, const char *text, size_t text_len);

/* Read articles without storing them: each readable article goes to
 * `sink` (which must not keep it), bad items to `report` as in ingest. */
typedef xc_status (*xc_article_sink)(void *user, const xc_article_in *article);
xc_status xc_read_paths(const char *const *paths, size_t path_count, const xc_ingest_options *options,
                        xc_article_sink sink, void *sink_user, xc_report_fn report, void *user,
                        xc_ingest_summary *summary, xc_error *err);

/* Strip white space at both ends: returns the trimmed span. */
const char *xc_trim(const char *s, size_t len, size_t *out_len);

#endif
