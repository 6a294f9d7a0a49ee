/* WARC archives (ISO 28500: WARC/1.0 and WARC/1.1) read record by record
 * from a stream, plain or gzip — one gzip member per record, as crawlers
 * write them, or the whole file as one stream. Memory is bounded by one
 * record: its header (64 KB at most) and, when asked for, its block (up to
 * the caller's limit); larger blocks are read past, never held.
 *
 * A malformed record is reported with its number and offset and the
 * reader resynchronises on the next "WARC/1." line (or the next gzip
 * member when the compressed data is corrupt); when nothing follows, the
 * file ends there. */
#ifndef XC_WEB_WARC_H
#define XC_WEB_WARC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "crosscheck.h"
#include "../ingest/article.h"

/* The longest record header read; a longer one is malformed. */
#define XC_WARC_HEADER_MAX (64 * 1024)

typedef struct xc_warc_reader xc_warc_reader;

/* One record's header. Strings point into the reader and are valid until
 * the next call to xc_warc_next; absent fields are NULL. */
typedef struct xc_warc_record {
    xc_status status;         /* XC_OK, or why this record is bad        */
    long number;              /* 1-based; a bad record counts too        */
    uint64_t offset;          /* of its version line, uncompressed bytes */
    const char *version;      /* "WARC/1.0" or "WARC/1.1"                */
    const char *type;         /* WARC-Type: response, resource, ...      */
    const char *target_uri;   /* WARC-Target-URI, without <>              */
    const char *date;         /* WARC-Date: when it was crawled          */
    const char *record_id;    /* WARC-Record-ID                          */
    const char *content_type; /* Content-Type of the block               */
    uint64_t length;          /* Content-Length: bytes in the block      */
} xc_warc_record;

/* Read from `in` (not closed by the reader). NULL when out of memory. */
xc_warc_reader *xc_warc_reader_new(FILE *in);
void xc_warc_reader_free(xc_warc_reader *r);

/* The next record's header; its block is left to xc_warc_peek,
 * xc_warc_block or xc_warc_skip (and skipped if none is called). False
 * at the end of the input. True with rec->status XC_OK for a record, or
 * with an error status and err saying "record N (offset X): why" for a
 * bad one: call again for the records after it. */
bool xc_warc_next(xc_warc_reader *r, xc_warc_record *rec, xc_error *err);

/* The first `want` bytes of the current block (fewer when the block is
 * shorter), kept for xc_warc_block. XC_ERR_FORMAT when the input ends
 * first. */
xc_status xc_warc_peek(xc_warc_reader *r, size_t want, const char **data, size_t *len,
                       xc_error *err);

/* The whole block, NUL-terminated; the caller may change its bytes (up to
 * *len) until the next call. XC_ERR_TOO_BIG over `max` bytes (the block is
 * then skipped), XC_ERR_FORMAT when the input ends inside it. */
xc_status xc_warc_block(xc_warc_reader *r, size_t max, char **data, size_t *len, xc_error *err);

/* Read past the rest of the block. XC_ERR_FORMAT when the input ends
 * inside it. */
xc_status xc_warc_skip(xc_warc_reader *r, xc_error *err);

/* True once the input failed to read (not merely ended): an I/O error. */
bool xc_warc_io_error(const xc_warc_reader *r);

/* ---- records as articles (warc_article.c) ---------------------------- */

typedef enum xc_warc_item {
    XC_WARC_ARTICLE, /* an HTML page: *out holds its article           */
    XC_WARC_SKIPPED, /* not a page (request, image, redirect, ...)     */
    XC_WARC_FAILED,  /* a bad record or page: err says why             */
    XC_WARC_END      /* no more records                                */
} xc_warc_item;

typedef struct xc_warc_counts {
    size_t records, articles, skipped, failed;
    uint64_t block_bytes; /* bytes of every record's block */
} xc_warc_counts;

/* The next record as an article. 2xx HTTP responses (WARC-Type response)
 * and resource records whose content is HTML become articles: the body
 * de-chunked and inflated (at most `max_bytes` of block and of body),
 * its main text extracted (page.h); the article's line is the record's
 * number and its extra fields hold the crawl date ("crawled"). Every
 * other record is skipped. *record is the record's number. */
xc_warc_item xc_warc_next_article(xc_warc_reader *r, size_t max_bytes, xc_article_in *out,
                                  long *record, xc_error *err);

/* What the reader has seen so far. */
xc_warc_counts xc_warc_reader_counts(const xc_warc_reader *r);

/* For warc_article.c: count one outcome. */
void xc_warc_count(xc_warc_reader *r, xc_warc_item item);

#endif
