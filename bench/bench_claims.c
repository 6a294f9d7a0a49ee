/* What-each-article-says benchmark: quotes + numbers + dates per second
 * (one core), the step ingest runs after the entity tagger, and the
 * ledger that cross-checks them per story.
 *
 * Usage: bench_claims [--articles N] CORPUS.jsonl
 *   One article a line ("text", "published", "event" as gencorpus writes
 *   them). The tagger runs first, outside the clock: the claims step is
 *   timed alone (xc_find_quotes with the article's entities,
 *   xc_find_quantities, xc_find_dates anchored at its date). Then the
 *   articles of each "event" are one story: the facts and quote ledgers
 *   are built for every story and timed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "crosscheck.h"
#include "entity/extract.h"
#include "ledger/ledger.h"
#include "ner/tagger.h"
#include "quote/quotes.h"
#include "util/strmap.h"
#include "util/vec.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void *need(void *p)
{
    if (!p) {
        fprintf(stderr, "bench_claims: out of memory\n");
        exit(1);
    }
    return p;
}

typedef struct story {
    struct { xc_ledger_report *items; size_t count, capacity; } reports;
    struct { xc_ledger_fact *items; size_t count, capacity; } facts;
    struct { xc_ledger_quote *items; size_t count, capacity; } quotes;
} story;

int main(int argc, char **argv)
{
    size_t limit = 20000;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--articles") == 0 && i + 1 < argc)
            limit = strtoul(argv[++i], NULL, 10);
        else if (argv[i][0] == '-' || path) {
            fprintf(stderr, "usage: bench_claims [--articles N] CORPUS.jsonl\n");
            return 2;
        } else
            path = argv[i];
    }
    FILE *f = path ? fopen(path, "rb") : NULL;
    if (!f) {
        fprintf(stderr, "bench_claims: cannot open %s\n", path ? path : "(no corpus given)");
        return 1;
    }
    xc_ner_tagger tagger;
    xc_error err = {0};
    if (xc_ner_tagger_open(&tagger, NULL, &err) != XC_OK) {
        fprintf(stderr, "bench_claims: %s\n", err.message);
        return 1;
    }
    xc_entity_extractor x = {.tagger = &tagger};
    xc_quote_list quotes = {0};
    xc_quantity_list numbers = {0};
    xc_timex_list dates = {0};
    xc_strmap events = {0};
    struct { story *items; size_t count, capacity; } stories = {0};
    struct { char **items; size_t count, capacity; } texts = {0}; /* kept for the ledger */
    size_t articles = 0, bytes = 0, n_quotes = 0, n_numbers = 0, n_facts = 0, n_dates = 0;
    double claims_time = 0;
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    while (articles < limit && (got = getline(&line, &cap, f)) > 0) {
        cJSON *j = cJSON_ParseWithLength(line, (size_t)got);
        const cJSON *text = cJSON_GetObjectItemCaseSensitive(j, "text");
        const cJSON *pub = cJSON_GetObjectItemCaseSensitive(j, "published");
        const cJSON *event = cJSON_GetObjectItemCaseSensitive(j, "event");
        if (!cJSON_IsString(text) || !xc_utf8_valid(text->valuestring, strlen(text->valuestring), NULL)) {
            cJSON_Delete(j);
            continue;
        }
        const char *t = text->valuestring;
        size_t len = strlen(t);
        xc_date anchor = {0};
        if (!cJSON_IsString(pub) || !xc_date_parse(pub->valuestring, strlen(pub->valuestring), &anchor))
            anchor.precision = XC_DATE_NONE;
        if (xc_entities_extract(&x, t, len) != XC_OK)
            need(NULL);
        double t0 = now();
        numbers.count = dates.count = 0;
        if (xc_find_quotes(t, len, &x, &quotes) != XC_OK || xc_find_quantities(t, len, &numbers) != XC_OK ||
            xc_find_dates(t, len, &anchor, &dates) != XC_OK)
            need(NULL);
        claims_time += now() - t0;
        articles++;
        bytes += len;
        n_quotes += quotes.count;
        n_numbers += numbers.count;
        n_dates += dates.count;
        /* the story of its event; each article its own report and group */
        char key[64];
        if (cJSON_IsNumber(event))
            snprintf(key, sizeof key, "%.0f", event->valuedouble);
        else
            snprintf(key, sizeof key, "%s", cJSON_IsString(event) ? event->valuestring : "?");
        uint32_t s;
        if (!xc_strmap_get(&events, key, strlen(key), &s)) {
            s = (uint32_t)stories.count;
            need(XC_VEC_PUSH(&stories, ((story){0})) ? stories.items : NULL);
            need(xc_strmap_put(&events, key, strlen(key), s) ? &events : NULL);
        }
        story *st = &stories.items[s];
        uint32_t report = (uint32_t)st->reports.count;
        need(XC_VEC_PUSH(&st->reports, ((xc_ledger_report){(int64_t)articles, anchor.unix_seconds, report}))
                 ? st : NULL);
        for (size_t k = 0; k < numbers.count; k++)
            if (xc_quantity_is_fact(&numbers.items[k])) {
                need(XC_VEC_PUSH(&st->facts, ((xc_ledger_fact){numbers.items[k], report})) ? st : NULL);
                n_facts++;
            }
        for (size_t k = 0; k < quotes.count; k++) {
            const xc_quote *q = &quotes.items[k];
            const xc_quote_part *p = &quotes.parts.items[q->first_part];
            char *copy = need(malloc(p->end - p->start + 1));
            memcpy(copy, t + p->start, p->end - p->start);
            copy[p->end - p->start] = '\0';
            need(XC_VEC_PUSH(&texts, copy) ? &texts : NULL);
            /* speakers by local entity: stand-ins for store ids, enough
             * to exercise the grouping */
            need(XC_VEC_PUSH(&st->quotes, ((xc_ledger_quote){copy, p->end - p->start,
                                                              q->entity >= 0 ? q->entity + 1 : 0, report}))
                     ? st : NULL);
        }
        cJSON_Delete(j);
    }
    free(line);
    fclose(f);
    if (articles == 0) {
        fprintf(stderr, "bench_claims: no article read\n");
        return 1;
    }
    double mb = bytes / 1e6;
    printf("articles   %zu (%.1f MB), entities extracted first (not timed)\n", articles, mb);
    printf("found      %zu quotes, %zu numbers (%zu comparable facts), %zu dates\n", n_quotes, n_numbers, n_facts,
           n_dates);
    printf("claims     %.3f s: %.0f articles/s, %.1f MB/s (quotes + numbers + dates, one core)\n", claims_time,
           articles / claims_time, mb / claims_time);
    xc_fact_ledger facts = {0};
    xc_remark_ledger remarks = {0};
    size_t groups = 0, conflicts = 0, remark_count = 0, biggest = 0;
    double t0 = now();
    for (size_t s = 0; s < stories.count; s++) {
        story *st = &stories.items[s];
        if (xc_fact_ledger_build(&facts, st->reports.items, st->reports.count, st->facts.items, st->facts.count) !=
                XC_OK ||
            xc_remark_ledger_build(&remarks, st->reports.items, st->reports.count, st->quotes.items,
                                   st->quotes.count) != XC_OK)
            need(NULL);
        groups += facts.groups.count;
        for (size_t g = 0; g < facts.groups.count; g++)
            conflicts += facts.groups.items[g].verdict == XC_FACT_CONFLICT;
        remark_count += remarks.remarks.count;
        biggest = st->reports.count > biggest ? st->reports.count : biggest;
    }
    double ledger_time = now() - t0;
    printf("ledger     %.3f s for %zu stories (largest %zu articles): %.0f stories/s, %.0f articles/s; "
           "%zu facts (%zu contested), %zu remarks\n",
           ledger_time, stories.count, biggest, stories.count / ledger_time, articles / ledger_time, groups,
           conflicts, remark_count);
    /* one very large story: the first BIG_STORY articles together */
    enum { BIG_STORY = 5000 };
    story big = {0};
    for (size_t s = 0; s < stories.count && big.reports.count < BIG_STORY; s++) {
        story *st = &stories.items[s];
        uint32_t base = (uint32_t)big.reports.count;
        for (size_t k = 0; k < st->reports.count; k++) {
            xc_ledger_report r = st->reports.items[k];
            r.outlet += base;
            need(XC_VEC_PUSH(&big.reports, r) ? &big : NULL);
        }
        for (size_t k = 0; k < st->facts.count; k++) {
            xc_ledger_fact fct = st->facts.items[k];
            fct.report += base;
            need(XC_VEC_PUSH(&big.facts, fct) ? &big : NULL);
        }
        for (size_t k = 0; k < st->quotes.count; k++) {
            xc_ledger_quote q = st->quotes.items[k];
            q.report += base;
            need(XC_VEC_PUSH(&big.quotes, q) ? &big : NULL);
        }
    }
    t0 = now();
    if (xc_fact_ledger_build(&facts, big.reports.items, big.reports.count, big.facts.items, big.facts.count) != XC_OK)
        need(NULL);
    double big_facts = now() - t0;
    t0 = now();
    if (xc_remark_ledger_build(&remarks, big.reports.items, big.reports.count, big.quotes.items, big.quotes.count) !=
        XC_OK)
        need(NULL);
    double big_remarks = now() - t0;
    printf("one story  of %zu articles: facts ledger %.3f s (%zu facts in, %zu out), quote ledger %.3f s "
           "(%zu quotes in, %zu remarks)\n",
           big.reports.count, big_facts, big.facts.count, facts.groups.count, big_remarks, big.quotes.count,
           remarks.remarks.count);
    free(big.reports.items);
    free(big.facts.items);
    free(big.quotes.items);
    xc_fact_ledger_free(&facts);
    xc_remark_ledger_free(&remarks);
    for (size_t s = 0; s < stories.count; s++) {
        free(stories.items[s].reports.items);
        free(stories.items[s].facts.items);
        free(stories.items[s].quotes.items);
    }
    free(stories.items);
    for (size_t k = 0; k < texts.count; k++)
        free(texts.items[k]);
    free(texts.items);
    xc_strmap_free(&events);
    xc_quote_list_free(&quotes);
    xc_quantity_list_free(&numbers);
    xc_timex_list_free(&dates);
    xc_entity_extractor_free(&x);
    xc_ner_tagger_close(&tagger);
    return 0;
}
