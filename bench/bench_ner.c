/* Entity tagger benchmark: how long the built-in model and its resources
 * take to load, how fast the tagger runs (tokens per second, one core), and
 * how fast whole articles go through entity extraction (tokenise, split,
 * tag, group).
 *
 * Usage: bench_ner [--conll FILE] [--articles N] CORPUS.jsonl */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "crosscheck.h"
#include "entity/extract.h"
#include "ner/tagger.h"
#include "ner/train.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int by_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    const char *conll = NULL, *corpus = NULL;
    size_t limit = 20000;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--conll") == 0 && i + 1 < argc)
            conll = argv[++i];
        else if (strcmp(argv[i], "--articles") == 0 && i + 1 < argc)
            limit = strtoul(argv[++i], NULL, 10);
        else
            corpus = argv[i];
    }
    xc_error err = {0};
    /* load: the whole tagger (model, gazetteers, clusters), median of 15 */
    double times[15];
    xc_ner_tagger t;
    for (int r = 0; r < 15; r++) {
        double start = now();
        if (xc_ner_tagger_open(&t, NULL, &err) != XC_OK) {
            fprintf(stderr, "bench_ner: %s\n", err.message);
            return 1;
        }
        times[r] = now() - start;
        if (r < 14)
            xc_ner_tagger_close(&t);
    }
    qsort(times, 15, sizeof *times, by_double);
    size_t model_bytes;
    xc_ner_builtin_model(&model_bytes);
    printf("load      %.1f ms (median of 15): model %.1f MB (%llu features), gazetteers, word clusters\n",
           times[7] * 1e3, model_bytes / 1e6, (unsigned long long)t.model.features);

    if (conll) {
        xc_conll c;
        if (xc_conll_read(conll, &c, NULL, NULL, &err) != XC_OK) {
            fprintf(stderr, "bench_ner: %s\n", err.message);
            return 1;
        }
        uint8_t *iob = malloc(c.tokens.count + 1);
        double best = 1e9;
        for (int r = 0; r < 5; r++) {
            double start = now();
            xc_ner_tag_conll(&t.model, &t.resources, &c, iob, &err);
            double s = now() - start;
            best = s < best ? s : best;
        }
        printf("tagging   %.0f tokens/s (%zu CoNLL tokens in %.3f s, best of 5; features, model, decoding)\n",
               c.tokens.count / best, c.tokens.count, best);
        free(iob);
        xc_conll_free(&c);
    }

    if (corpus) {
        FILE *f = fopen(corpus, "rb");
        if (!f) {
            fprintf(stderr, "bench_ner: cannot open %s\n", corpus);
            return 1;
        }
        char **texts = malloc(limit * sizeof *texts);
        size_t n = 0, bytes = 0, cap = 0;
        char *line = NULL;
        ssize_t got;
        while (n < limit && (got = getline(&line, &cap, f)) > 0) {
            cJSON *j = cJSON_ParseWithLength(line, (size_t)got);
            const cJSON *text = cJSON_GetObjectItemCaseSensitive(j, "text");
            if (cJSON_IsString(text) && xc_utf8_valid(text->valuestring, strlen(text->valuestring), NULL)) {
                texts[n++] = strdup(text->valuestring);
                bytes += strlen(text->valuestring);
            }
            cJSON_Delete(j);
        }
        free(line);
        fclose(f);
        xc_entity_extractor x = {.tagger = &t};
        size_t tokens = 0, mentions = 0, entities = 0;
        double start = now();
        for (size_t i = 0; i < n; i++) {
            if (xc_entities_extract(&x, texts[i], strlen(texts[i])) != XC_OK) {
                fprintf(stderr, "bench_ner: extraction failed\n");
                return 1;
            }
            tokens += x.tokens.count;
            mentions += x.mentions.count;
            entities += x.entities.count;
        }
        double s = now() - start;
        printf("articles  %.0f articles/s, %.0f tokens/s, %.1f MB/s (%zu articles, %zu tokens, %zu mentions of "
               "%zu entities in %.2f s; tokenise + split + tag + group)\n",
               n / s, tokens / s, bytes / s / 1e6, n, tokens, mentions, entities, s);
        xc_entity_extractor_free(&x);
        for (size_t i = 0; i < n; i++)
            free(texts[i]);
        free(texts);
    }
    xc_ner_tagger_close(&t);
    return 0;
}
