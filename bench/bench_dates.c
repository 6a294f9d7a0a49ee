/* Dates benchmark: how fast xc_find_dates reads news text (MB/s,
 * expressions/s, one core) and how fast xc_infer_document_date is.
 *
 * Usage: bench_dates [--articles N] [--repeat R] FILE...
 *   FILE ending in .jsonl: one article a line, its "text" (and "published",
 *   the anchor, when it parses); any other file: one article. Articles
 *   without a date are anchored at 2025-03-11. The best of R passes counts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "crosscheck.h"

typedef struct article {
    char *text;
    size_t len;
    xc_date anchor;
} article;

typedef struct corpus {
    article *items;
    size_t count, capacity;
    size_t bytes;
} corpus;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void add(corpus *c, const char *text, size_t len, const char *published)
{
    if (!xc_utf8_valid(text, len, NULL))
        return;
    if (c->count == c->capacity) {
        c->capacity = c->capacity ? c->capacity * 2 : 1024;
        c->items = realloc(c->items, c->capacity * sizeof *c->items);
        if (!c->items) {
            fprintf(stderr, "bench_dates: out of memory\n");
            exit(1);
        }
    }
    article *a = &c->items[c->count++];
    a->text = malloc(len + 1);
    if (!a->text) {
        fprintf(stderr, "bench_dates: out of memory\n");
        exit(1);
    }
    memcpy(a->text, text, len);
    a->text[len] = '\0';
    a->len = len;
    if (!published || !xc_date_parse(published, strlen(published), &a->anchor))
        a->anchor = (xc_date){20158 * 86400LL, XC_DATE_DAY}; /* 2025-03-11 */
    c->bytes += len;
}

static void read_file(corpus *c, const char *path, size_t limit)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "bench_dates: cannot open %s\n", path);
        exit(1);
    }
    size_t n = strlen(path);
    if (n > 6 && strcmp(path + n - 6, ".jsonl") == 0) {
        char *line = NULL;
        size_t cap = 0;
        ssize_t got;
        while (c->count < limit && (got = getline(&line, &cap, f)) > 0) {
            cJSON *j = cJSON_ParseWithLength(line, (size_t)got);
            const cJSON *text = cJSON_GetObjectItemCaseSensitive(j, "text");
            const cJSON *pub = cJSON_GetObjectItemCaseSensitive(j, "published");
            if (cJSON_IsString(text))
                add(c, text->valuestring, strlen(text->valuestring), cJSON_IsString(pub) ? pub->valuestring : NULL);
            cJSON_Delete(j);
        }
        free(line);
    } else if (c->count < limit) {
        char *buf = NULL;
        size_t len = 0, cap = 0, got;
        char chunk[65536];
        while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
            if (len + got + 1 > cap) {
                cap = (len + got + 1) * 2;
                buf = realloc(buf, cap);
                if (!buf)
                    exit(1);
            }
            memcpy(buf + len, chunk, got);
            len += got;
        }
        if (buf)
            add(c, buf, len, NULL);
        free(buf);
    }
    fclose(f);
}

int main(int argc, char **argv)
{
    size_t limit = 100000, repeat = 3;
    corpus c = {0};
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--articles") == 0 && i + 1 < argc)
            limit = strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc)
            repeat = strtoul(argv[++i], NULL, 10);
        else if (argv[i][0] == '-') {
            fprintf(stderr, "usage: bench_dates [--articles N] [--repeat R] FILE...\n");
            return 2;
        } else
            read_file(&c, argv[i], limit);
    }
    if (c.count == 0) {
        fprintf(stderr, "bench_dates: no article to read\n");
        return 1;
    }
    if (repeat == 0)
        repeat = 1;
    size_t per_type[4] = {0}, total = 0;
    double best = 0, best_infer = 0;
    size_t inferred = 0;
    xc_timex_list list = {0};
    for (size_t r = 0; r < repeat; r++) {
        size_t count = 0;
        double t0 = now();
        for (size_t k = 0; k < c.count; k++) {
            list.count = 0;
            if (xc_find_dates(c.items[k].text, c.items[k].len, &c.items[k].anchor, &list) != XC_OK) {
                fprintf(stderr, "bench_dates: out of memory\n");
                return 1;
            }
            count += list.count;
            if (r == 0)
                for (size_t e = 0; e < list.count; e++)
                    per_type[list.items[e].type]++;
        }
        double t = now() - t0;
        if (r == 0 || t < best)
            best = t;
        total = count;
        size_t found = 0;
        t0 = now();
        for (size_t k = 0; k < c.count; k++) {
            xc_date d;
            found += xc_infer_document_date(c.items[k].text, c.items[k].len, &d, NULL, 0) == XC_OK;
        }
        t = now() - t0;
        if (r == 0 || t < best_infer)
            best_infer = t;
        inferred = found;
    }
    xc_timex_list_free(&list);
    double mb = c.bytes / 1e6;
    printf("articles   %zu (%.1f MB)\n", c.count, mb);
    printf("found      %zu expressions: %zu DATE, %zu TIME, %zu DURATION, %zu SET (%.1f per article)\n", total,
           per_type[XC_TIMEX_DATE], per_type[XC_TIMEX_TIME], per_type[XC_TIMEX_DURATION], per_type[XC_TIMEX_SET],
           (double)total / c.count);
    printf("find       %.3f s: %.1f MB/s, %.0f expressions/s, %.0f articles/s (best of %zu)\n", best,
           best > 0 ? mb / best : 0, best > 0 ? total / best : 0, best > 0 ? c.count / best : 0, repeat);
    printf("infer      %.3f s: %.1f MB/s, %zu of %zu articles dated from their text\n", best_infer,
           best_infer > 0 ? mb / best_infer : 0, inferred, c.count);
    for (size_t k = 0; k < c.count; k++)
        free(c.items[k].text);
    free(c.items);
    return 0;
}
