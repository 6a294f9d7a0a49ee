/* Fuzz the WARC reader: records as articles (HTTP heads, chunked and
 * compressed bodies, page extraction), the record API with its blocks
 * peeked, read or left to be skipped, and the same bytes gzip-compressed. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "crosscheck.h"
#include "web/warc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void read_articles(const uint8_t *data, size_t size, size_t max_bytes)
{
    FILE *f = fmemopen((void *)data, size, "rb");
    if (!f)
        return;
    xc_warc_reader *r = xc_warc_reader_new(f);
    if (!r)
        abort();
    long last = 0;
    for (;;) {
        xc_article_in a;
        xc_error err = {0};
        long record;
        xc_warc_item item = xc_warc_next_article(r, max_bytes, &a, &record, &err);
        if (item == XC_WARC_END)
            break;
        if (record < last || record < 1)
            abort();
        last = record;
        if (item == XC_WARC_FAILED && strncmp(err.message, "record ", 7) != 0)
            abort();
        if (item == XC_WARC_ARTICLE) {
            if (!a.id || !a.title || !a.text || a.line != record ||
                !xc_utf8_valid(a.text, a.text_len, NULL))
                abort();
            xc_article_in_free(&a);
        }
    }
    xc_warc_counts c = xc_warc_reader_counts(r);
    if (c.articles + c.skipped + c.failed < c.records)
        abort();
    xc_warc_reader_free(r);
    fclose(f);
}

/* The record API, the block of each record read a way chosen by its number. */
static void read_records(const uint8_t *data, size_t size)
{
    FILE *f = fmemopen((void *)data, size, "rb");
    if (!f)
        return;
    xc_warc_reader *r = xc_warc_reader_new(f);
    if (!r)
        abort();
    xc_warc_record rec;
    xc_error err = {0};
    while (xc_warc_next(r, &rec, &err)) {
        if (rec.status != XC_OK) {
            if (strncmp(err.message, "record ", 7) != 0)
                abort();
            continue;
        }
        const char *peeked;
        char *block;
        size_t n;
        switch (rec.number % 4) {
        case 0: break; /* left for the next call to skip */
        case 1:
            if (xc_warc_peek(r, 10, &peeked, &n, &err) == XC_OK && n > rec.length)
                abort();
            break;
        case 2:
            if (xc_warc_block(r, 1000, &block, &n, &err) == XC_OK && (n != rec.length || block[n]))
                abort();
            break;
        case 3: xc_warc_skip(r, &err); break;
        }
    }
    xc_warc_reader_free(r);
    fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    read_articles(data, size, 1 << 20);
    read_articles(data, size, 200);
    read_records(data, size);
    /* Plain input again as one gzip stream, so that path sees records too. */
    if (size && size < 16384 && data[0] != 0x1f) {
        uLongf len = compressBound((uLong)size) + 32;
        uint8_t *gz = malloc(len);
        z_stream z;
        memset(&z, 0, sizeof z);
        if (gz && deflateInit2(&z, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK) {
            z.next_in = (uint8_t *)data;
            z.avail_in = (uInt)size;
            z.next_out = gz;
            z.avail_out = (uInt)len;
            if (deflate(&z, Z_FINISH) == Z_STREAM_END)
                read_articles(gz, len - z.avail_out, 1 << 20);
            deflateEnd(&z);
        }
        free(gz);
    }
    return 0;
}
