/* WARC benchmark without the store: records read (plain or gzip), HTTP
 * bodies decoded and pages extracted, one core.
 *
 * Usage: bench_warc [--repeat R] FILE.warc[.gz]...
 * Prints records/s, pages/s and MB/s of archive read (uncompressed bytes of
 * record blocks); the best of R passes counts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "crosscheck.h"
#include "web/warc.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    int repeat = 3, first = 1;
    if (argc > 2 && strcmp(argv[1], "--repeat") == 0) {
        repeat = atoi(argv[2]);
        first = 3;
    }
    if (first >= argc || repeat < 1) {
        fprintf(stderr, "usage: bench_warc [--repeat R] FILE.warc[.gz]...\n");
        return 2;
    }
    double best = 0;
    xc_warc_counts total = {0};
    size_t file_bytes = 0, text_bytes = 0;
    for (int pass = 0; pass < repeat; pass++) {
        memset(&total, 0, sizeof total);
        file_bytes = text_bytes = 0;
        double start = now();
        for (int i = first; i < argc; i++) {
            FILE *f = fopen(argv[i], "rb");
            if (!f) {
                perror(argv[i]);
                return 1;
            }
            struct stat sb;
            if (fstat(fileno(f), &sb) == 0)
                file_bytes += (size_t)sb.st_size;
            xc_warc_reader *r = xc_warc_reader_new(f);
            if (!r)
                return 1;
            for (;;) {
                xc_article_in a;
                long record;
                xc_warc_item item = xc_warc_next_article(r, XC_DEFAULT_MAX_BYTES, &a, &record, NULL);
                if (item == XC_WARC_END)
                    break;
                if (item == XC_WARC_ARTICLE) {
                    text_bytes += a.text_len;
                    xc_article_in_free(&a);
                }
            }
            xc_warc_counts c = xc_warc_reader_counts(r);
            total.records += c.records;
            total.articles += c.articles;
            total.skipped += c.skipped;
            total.failed += c.failed;
            total.block_bytes += c.block_bytes;
            xc_warc_reader_free(r);
            fclose(f);
        }
        double secs = now() - start;
        if (pass == 0 || secs < best)
            best = secs;
    }
    printf("warc read   %zu records (%zu pages, %zu skipped, %zu failed), %.1f MB of blocks, %.1f MB on disk, "
           "%.1f MB of text: %.2f s, %.0f records/s, %.0f pages/s, %.1f MB/s of blocks (best of %d)\n",
           total.records, total.articles, total.skipped, total.failed, total.block_bytes / 1e6,
           file_bytes / 1e6, text_bytes / 1e6, best, total.records / best, total.articles / best,
           total.block_bytes / 1e6 / best, repeat);
    return 0;
}
