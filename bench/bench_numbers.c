/* Quantity finder benchmark: how fast xc_find_quantities reads text files
 * (MB/s, quantities per second, one core), beside the tokenizer and
 * sentence splitter alone, which it runs first.
 *
 * Usage: bench_numbers [--rounds N] FILE...   (e.g. the PolNeAR text files) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "crosscheck.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef struct doc {
    char *text;
    size_t len;
} doc;

static bool read_doc(const char *path, doc *d)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (!bigger) {
                free(buf);
                buf = NULL;
            }
            buf = bigger;
        }
    }
    fclose(f);
    if (!buf)
        return false;
    d->text = buf;
    d->len = len;
    return true;
}

int main(int argc, char **argv)
{
    int rounds = 3;
    doc *docs = calloc((size_t)argc, sizeof *docs);
    size_t n = 0, bytes = 0, skipped = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) {
            rounds = atoi(argv[++i]);
            continue;
        }
        if (!read_doc(argv[i], &docs[n]) || !xc_utf8_valid(docs[n].text, docs[n].len, NULL)) {
            free(docs[n].text);
            skipped++;
            continue;
        }
        bytes += docs[n++].len;
    }
    if (n == 0 || rounds < 1) {
        fprintf(stderr, "usage: bench_numbers [--rounds N] FILE...\n");
        return 2;
    }
    double best = 1e30, best_text = 1e30;
    size_t quantities = 0, facts = 0, with_thing = 0;
    for (int r = 0; r < rounds; r++) {
        double start = now();
        quantities = facts = with_thing = 0;
        for (size_t i = 0; i < n; i++) {
            xc_quantity_list list = {0};
            if (xc_find_quantities(docs[i].text, docs[i].len, &list) != XC_OK) {
                fprintf(stderr, "bench_numbers: failed on document %zu\n", i);
                return 1;
            }
            quantities += list.count;
            for (size_t k = 0; k < list.count; k++) {
                facts += xc_quantity_is_fact(&list.items[k]);
                with_thing += xc_quantity_is_fact(&list.items[k]) && list.items[k].thing[0];
            }
            xc_quantity_list_free(&list);
        }
        double s = now() - start;
        best = s < best ? s : best;
        /* the part that is the text core's: tokens and sentences */
        start = now();
        for (size_t i = 0; i < n; i++) {
            xc_token_list tokens = {0};
            xc_sentence_list sentences = {0};
            xc_tokenize(docs[i].text, docs[i].len, &tokens);
            xc_split_sentences(docs[i].text, docs[i].len, &tokens, &sentences);
            xc_token_list_free(&tokens);
            xc_sentence_list_free(&sentences);
        }
        s = now() - start;
        best_text = s < best_text ? s : best_text;
    }
    printf("numbers   %zu files (%zu skipped), %.1f MB: %zu quantities, %zu facts (%zu with a counted thing)\n",
           n, skipped, bytes / 1e6, quantities, facts, with_thing);
    printf("          %.3f s best of %d: %.1f MB/s, %.0f quantities/s, %.0f facts/s, %.0f documents/s\n", best,
           rounds, bytes / 1e6 / best, quantities / best, facts / best, n / best);
    printf("          of which tokens + sentences %.3f s (%.0f%%)\n", best_text, 100 * best_text / best);
    for (size_t i = 0; i < n; i++)
        free(docs[i].text);
    free(docs);
    return 0;
}
