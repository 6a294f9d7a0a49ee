/* The input readers. Each turns raw input into xc_article_in records and
 * reports what it could not read; none of them touches the store. */
#ifndef XC_READERS_H
#define XC_READERS_H

#include <stdio.h>

#include "article.h"

/* One plain-text article: an optional header block of "Title:", "Source:",
 * "URL:", "Date:" (also "Published:", "Author:", "Language:") lines ended by
 * a blank line, then the body. `id` may be NULL: the id is then made from
 * the content. On failure *line is the 1-based line of the problem. */
xc_status xc_read_text(const char *path, const char *id, const char *data, size_t len,
                       bool repair_utf8, xc_article_in *out, long *line, xc_error *err);

/* One JSON Lines record (one line, without its newline). `fallback_id` is
 * used when the record has no "id" (NULL: made from the content). */
xc_status xc_read_jsonl_record(const char *path, long line_number, const char *line,
                               size_t len, bool repair_utf8, xc_article_in *out, xc_error *err);

/* Reads lines of any length from a stream, keeping at most `max` bytes of
 * one line in memory: longer lines are skipped and flagged. */
typedef struct xc_line_reader {
    FILE *in;
    char *chunk;        /* read-ahead from `in` */
    size_t chunk_len, chunk_pos;
    char *buf;
    size_t len, cap, max;
    long line_number;   /* of the line last returned */
    bool too_long;      /* the line last returned was cut: skip it */
    size_t full_length; /* its real length when too_long */
} xc_line_reader;

void xc_line_reader_init(xc_line_reader *r, FILE *in, size_t max);
/* Next line (without "\n" or "\r\n") in r->buf/r->len; false at end of input
 * or on a read error (check ferror(r->in)). */
bool xc_line_reader_next(xc_line_reader *r);
void xc_line_reader_free(xc_line_reader *r);

#endif
