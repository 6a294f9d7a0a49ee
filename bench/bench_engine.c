/* The dedup and clustering engines on a stream of articles, without the
 * store: what they cost per article, and how much memory the active index
 * holds per article in the window.
 *
 *   bench_engine [--json] CORPUS.jsonl     articles/s for dedup alone and for dedup +
 *                                          clustering, on articles read into memory first
 *   bench_engine --stream [--every N] -    process a stream as it is read (for example
 *                                          gencorpus --articles 1000000 | bench_engine
 *                                          --stream -) and print RSS every N articles
 *
 * One core, articles in input order, as the ingest pipeline drives the
 * engines (src/ingest/pipeline.c), minus SQLite. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "analyze/analysis.h"
#include "cluster/cluster.h"
#include "dedup/dedup.h"
#include "ingest/article.h"
#include "util/intmap.h"

typedef struct article {
    char *title; /* NULL when taken from the text */
    char *text;
    size_t len;
    int64_t ts;
} article;

typedef struct corpus {
    article *items;
    size_t count, capacity, bytes;
} corpus;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static long rss_kb(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long pages = 0, resident = 0;
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        fclose(f);
    }
    return resident * 4;
}

static long peak_rss_kb(void)
{
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

static int64_t ts_of(const xc_article_in *a)
{
    return a->published.precision != XC_DATE_NONE ? a->published.unix_seconds : INT64_MIN;
}

static xc_status keep(void *user, const xc_article_in *a)
{
    corpus *c = user;
    if (c->count == c->capacity) {
        size_t cap = c->capacity ? c->capacity * 2 : 4096;
        article *items = realloc(c->items, cap * sizeof *items);
        if (!items)
            return XC_ERR_NOMEM;
        c->items = items;
        c->capacity = cap;
    }
    article *t = &c->items[c->count++];
    t->title = a->title_from_text ? NULL : strdup(a->title);
    t->text = malloc(a->text_len + 1);
    if (!t->text)
        return XC_ERR_NOMEM;
    memcpy(t->text, a->text, a->text_len + 1);
    t->len = a->text_len;
    t->ts = ts_of(a);
    c->bytes += a->text_len;
    return XC_OK;
}

/* The engines as the ingest pipeline drives them. */
typedef struct engines {
    bool cluster;         /* false: dedup only */
    xc_stemmer *stemmer;
    xc_termdict terms;
    xc_dedup *dedup;
    xc_clusterer *clusterer;
    xc_analysis analysis;
    xc_dedup_scratch scratch;
    xc_intmap story_of;   /* article → story, for the articles dedup still holds */
    int64_t seq;
    size_t copies;
    size_t every;         /* --stream: print RSS every so many articles */
    double started;
} engines;

static bool engines_init(engines *e, bool cluster)
{
    memset(e, 0, sizeof *e);
    e->cluster = cluster;
    e->stemmer = xc_stemmer_new("english");
    if (!e->stemmer)
        return false;
    xc_termdict_init(&e->terms, e->stemmer);
    e->dedup = xc_dedup_new(NULL, 1);
    e->clusterer = xc_clusterer_new(NULL, &e->terms, 1);
    return e->dedup && e->clusterer;
}

static void engines_free(engines *e)
{
    xc_clusterer_free(e->clusterer);
    xc_dedup_free(e->dedup);
    xc_analysis_free(&e->analysis);
    xc_dedup_scratch_free(&e->scratch);
    xc_termdict_free(&e->terms);
    xc_intmap_free(&e->story_of);
    xc_stemmer_free(e->stemmer);
}

static size_t in_window(const engines *e) { return xc_dedup_live(e->dedup); }

/* The active index: dedup's window and the active stories. (The article →
 * story map stands in for the store's table and is not counted.) */
static size_t index_bytes(const engines *e)
{
    return xc_dedup_memory(e->dedup) + xc_clusterer_memory(e->clusterer);
}

static xc_status process(engines *e, const char *title, const char *text, size_t len, int64_t ts)
{
    int64_t key = ++e->seq;
    xc_dedup_item item;
    xc_status st = xc_dedup_features(text, len, NULL, &e->scratch, key, ts, &item);
    xc_dedup_result r;
    if (st != XC_OK || (st = xc_dedup_process(e->dedup, &item, &r)) != XC_OK)
        return st;
    if (r.is_copy)
        e->copies++;
    if (!e->cluster)
        return XC_OK;
    xc_cluster_item ci = {.key = key, .seq = key, .ts = ts, .analysis = &e->analysis};
    int64_t story = 0;
    uint32_t known;
    if (r.is_copy && xc_intmap_get(&e->story_of, (uint64_t)r.copy_of, &known)) {
        story = known;
        st = xc_clusterer_attach(e->clusterer, story, &ci);
        if (st == XC_ERR_NOT_FOUND) /* the story left the window: the store would update it */
            st = XC_OK;
    } else {
        xc_cluster_decision d;
        st = xc_analyze(&e->terms, NULL, title, text, len, &e->analysis);
        if (st == XC_OK)
            st = xc_clusterer_assign(e->clusterer, &ci, &d);
        story = d.story;
    }
    if (st != XC_OK)
        return st;
    /* Keep article → story only as long as dedup can still match it. */
    if (!xc_intmap_put(&e->story_of, (uint64_t)key, (uint32_t)story))
        return XC_ERR_NOMEM;
    int64_t old = key - (int64_t)xc_dedup_defaults.max_docs - 1;
    if (old > 0)
        xc_intmap_remove(&e->story_of, (uint64_t)old);
    /* Saving is the store's job; here flushing just releases what left. */
    if (key % 1000 == 0)
        xc_clusterer_flush(e->clusterer, NULL, NULL);
    return XC_OK;
}

static double run(const corpus *c, bool cluster, engines *e)
{
    engines_init(e, cluster);
    double start = now();
    for (size_t i = 0; i < c->count; i++)
        if (process(e, c->items[i].title, c->items[i].text, c->items[i].len, c->items[i].ts) != XC_OK) {
            fprintf(stderr, "bench_engine: failed at article %zu\n", i + 1);
            exit(1);
        }
    return now() - start;
}

static xc_status stream_one(void *user, const xc_article_in *a)
{
    engines *e = user;
    xc_status st = process(e, a->title_from_text ? NULL : a->title, a->text, a->text_len, ts_of(a));
    if (st == XC_OK && e->every && e->seq % (int64_t)e->every == 0) {
        double t = now() - e->started;
        printf("  %9lld articles  %6.1f s  %7.0f articles/s  RSS %6.1f MB  window %6zu articles  "
               "index %6.1f MB (%4.0f bytes/article)  stories active %zu\n",
               (long long)e->seq, t, e->seq / t, rss_kb() / 1024.0, in_window(e), index_bytes(e) / 1048576.0,
               in_window(e) ? (double)index_bytes(e) / in_window(e) : 0, xc_clusterer_active(e->clusterer));
        fflush(stdout);
    }
    return st;
}

int main(int argc, char **argv)
{
    bool json = false, stream = false;
    size_t every = 100000;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0)
            json = true;
        else if (strcmp(argv[i], "--stream") == 0)
            stream = true;
        else if (strcmp(argv[i], "--every") == 0 && i + 1 < argc)
            every = (size_t)strtoull(argv[++i], NULL, 10);
        else
            path = argv[i];
    }
    if (!path) {
        fprintf(stderr, "usage: bench_engine [--json] CORPUS.jsonl | bench_engine --stream [--every N] -\n");
        return 2;
    }
    xc_ingest_options options = {.format = XC_FORMAT_JSONL};
    xc_error err = {0};
    if (stream) {
        engines e;
        if (!engines_init(&e, true))
            return 1;
        e.every = every;
        e.started = now();
        printf("stream: dedup + clustering, RSS every %zu articles\n", every);
        if (xc_read_paths(&path, 1, &options, stream_one, &e, NULL, NULL, NULL, &err) != XC_OK) {
            fprintf(stderr, "bench_engine: %s\n", err.message);
            return 1;
        }
        printf("stream: %lld articles, %zu copies, peak RSS %.1f MB\n", (long long)e.seq, e.copies,
               peak_rss_kb() / 1024.0);
        engines_free(&e);
        return 0;
    }
    corpus c = {0};
    double t0 = now();
    if (xc_read_paths(&path, 1, &options, keep, &c, NULL, NULL, NULL, &err) != XC_OK) {
        fprintf(stderr, "bench_engine: %s\n", err.message);
        return 1;
    }
    double read_seconds = now() - t0;
    engines dedup_only, full;
    double dedup_seconds = run(&c, false, &dedup_only);
    double full_seconds = run(&c, true, &full);
    size_t window = in_window(&full), bytes = index_bytes(&full);
    double per_article = window ? (double)bytes / window : 0;
    if (json) {
        printf("{\"articles\":%zu,\"mb\":%.1f,\"read_seconds\":%.3f,\"dedup_seconds\":%.3f,"
               "\"dedup_articles_per_second\":%.0f,\"full_seconds\":%.3f,\"full_articles_per_second\":%.0f,"
               "\"copies\":%zu,\"window_articles\":%zu,\"index_bytes\":%zu,\"index_bytes_per_article\":%.0f,"
               "\"active_stories\":%zu,\"peak_rss_kb\":%ld}\n",
               c.count, c.bytes / 1048576.0, read_seconds, dedup_seconds, c.count / dedup_seconds, full_seconds,
               c.count / full_seconds, full.copies, window, bytes, per_article, xc_clusterer_active(full.clusterer),
               peak_rss_kb());
    } else {
        printf("engines on %zu articles (%.1f MB of text), one core, store left out\n", c.count, c.bytes / 1048576.0);
        printf("  dedup               %7.2f s  %8.0f articles/s  (%zu copies found)\n", dedup_seconds,
               c.count / dedup_seconds, dedup_only.copies);
        printf("  dedup + clustering  %7.2f s  %8.0f articles/s  (%zu active stories)\n", full_seconds,
               c.count / full_seconds, xc_clusterer_active(full.clusterer));
        printf("  active index        %.1f MB for %zu articles in the window: %.0f bytes/article\n",
               bytes / 1048576.0, window, per_article);
        printf("                      (dedup %.1f MB, active stories %.1f MB)\n",
               xc_dedup_memory(full.dedup) / 1048576.0, xc_clusterer_memory(full.clusterer) / 1048576.0);
        printf("  (reading and JSON parsing: %.2f s; peak RSS %.1f MB with the corpus in memory)\n",
               read_seconds, peak_rss_kb() / 1024.0);
    }
    engines_free(&dedup_only);
    engines_free(&full);
    for (size_t i = 0; i < c.count; i++) {
        free(c.items[i].title);
        free(c.items[i].text);
    }
    free(c.items);
    return 0;
}
