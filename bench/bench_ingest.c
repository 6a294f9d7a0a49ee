/*
 * bench_ingest: how fast crosscheck ingests a corpus and groups it into
 * stories, and what that costs in memory and disk.
 *
 * Usage: bench_ingest [--batch N] [--json] [--progress N] DB CORPUS.jsonl...
 *
 * The store at DB is deleted first (with its -wal and -shm files), so every
 * run starts from nothing. Only the public API is used, the same way an
 * application would: xc_open, one xc_ingest_paths call over all the files,
 * xc_stats, xc_close. The timed region is the xc_ingest_paths call, which
 * covers reading, text processing, the SQLite/FTS5 writes and the story
 * clustering.
 *
 * Output (stdout) is a short human report, or with --json one JSON object:
 *   articles, bytes, wall_seconds, cpu_seconds, articles_per_second,
 *   mb_per_second, stories, peak_rss_kb, db_bytes, failed
 * MB means 10^6 bytes. With --progress N, a line per N stored articles goes
 * to stderr (elapsed time, rate over the last interval, peak RSS so far),
 * which shows whether throughput holds up as the store grows.
 *
 * Exit status: 0 when the ingest ran (items may have failed; see "failed"),
 * 1 when the store could not be opened or failed, 2 on a usage error.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "crosscheck.h"

#define MAX_FAILURES_SHOWN 5

static const char usage_text[] =
    "usage: bench_ingest [--batch N] [--json] [--progress N] DB CORPUS.jsonl...\n"
    "  --batch N     articles per transaction (default: the library's, 1000)\n"
    "  --json        print one JSON object instead of the text report\n"
    "  --progress N  report to stderr every N stored articles\n"
    "DB is deleted first; every run starts from an empty store.\n";

/* State shared with the report callback. */
typedef struct bench_state {
    size_t stored;          /* added + updated + unchanged so far         */
    size_t failed;
    size_t warnings;
    size_t progress_every;  /* 0 = no progress lines                      */
    size_t next_progress;
    double start;           /* monotonic seconds at the start of ingest   */
    double last_time;       /* ... at the last progress line              */
    size_t last_stored;
} bench_state;

static double monotonic_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* User + system CPU time of this process. */
static double cpu_seconds(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
           (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

/* Peak resident set size so far; ru_maxrss is in KiB on Linux. */
static long peak_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static void on_report(void *user, const xc_item_report *r)
{
    bench_state *b = user;
    switch (r->outcome) {
    case XC_ITEM_ADDED:
    case XC_ITEM_UPDATED:
    case XC_ITEM_UNCHANGED:
        b->stored++;
        break;
    case XC_ITEM_FAILED:
        if (b->failed < MAX_FAILURES_SHOWN)
            fprintf(stderr, "bench_ingest: %s:%ld: %s: %s\n", r->path, r->line,
                    xc_status_name(r->status), r->message ? r->message : "");
        else if (b->failed == MAX_FAILURES_SHOWN)
            fprintf(stderr, "bench_ingest: (further failures not shown)\n");
        b->failed++;
        break;
    case XC_ITEM_WARNING:
        b->warnings++;
        break;
    }
    /* Outcomes are reported as batches are stored, so this samples the
     * rate at batch granularity; good enough to see a trend. */
    if (b->progress_every && b->stored >= b->next_progress) {
        double now = monotonic_seconds();
        double span = now - b->last_time;
        fprintf(stderr, "  %9zu articles  %7.1f s  %7.0f articles/s (last %zu)  peak RSS %ld MB\n",
                b->stored, now - b->start,
                span > 0 ? (double)(b->stored - b->last_stored) / span : 0.0,
                b->stored - b->last_stored, peak_rss_kb() * 1024 / 1000000);
        b->last_time = now;
        b->last_stored = b->stored;
        while (b->next_progress <= b->stored)
            b->next_progress += b->progress_every;
    }
}

/* Remove `path` if it exists. */
static bool remove_if_present(const char *path)
{
    if (unlink(path) == 0 || errno == ENOENT)
        return true;
    fprintf(stderr, "bench_ingest: cannot remove %s: %s\n", path, strerror(errno));
    return false;
}

/* Size of `path`, 0 when it does not exist. */
static uint64_t file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (uint64_t)st.st_size : 0;
}

/* `db` with a suffix such as "-wal", into `out`. */
static bool sibling_path(char *out, size_t cap, const char *db, const char *suffix)
{
    int n = snprintf(out, cap, "%s%s", db, suffix);
    return n >= 0 && (size_t)n < cap;
}

/* A byte count as "412 MB" or "1.2 GB" (10^6 / 10^9 bytes). */
static const char *human_bytes(char *out, size_t cap, uint64_t bytes)
{
    if (bytes >= 1000000000u)
        snprintf(out, cap, "%.1f GB", (double)bytes / 1e9);
    else
        snprintf(out, cap, "%.1f MB", (double)bytes / 1e6);
    return out;
}

static bool parse_count(const char *text, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 10);
    if (errno || end == text || *end || v == 0 || text[0] == '-')
        return false;
    *out = (size_t)v;
    return true;
}

/* "--opt VALUE" or "--opt=VALUE"; advances *i past a separate value. */
static const char *option_value(int argc, char **argv, int *i, const char *name)
{
    size_t n = strlen(name);
    const char *arg = argv[*i];
    if (strncmp(arg, name, n) != 0)
        return NULL;
    if (arg[n] == '=')
        return arg + n + 1;
    if (arg[n] == '\0' && *i + 1 < argc)
        return argv[++*i];
    return NULL;
}

int main(int argc, char **argv)
{
    xc_ingest_options options = {0};
    options.format = XC_FORMAT_JSONL;
    bench_state state = {0};
    bool json = false;
    int i = 1;

    for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
        const char *value;
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else if (strcmp(argv[i], "--help") == 0) {
            fputs(usage_text, stdout);
            return 0;
        } else if (strcmp(argv[i], "--json") == 0) {
            json = true;
        } else if ((value = option_value(argc, argv, &i, "--batch"))) {
            if (!parse_count(value, &options.batch_size)) {
                fprintf(stderr, "bench_ingest: --batch takes a positive number, not \"%s\"\n", value);
                return 2;
            }
        } else if ((value = option_value(argc, argv, &i, "--progress"))) {
            if (!parse_count(value, &state.progress_every)) {
                fprintf(stderr, "bench_ingest: --progress takes a positive number, not \"%s\"\n", value);
                return 2;
            }
        } else {
            fprintf(stderr, "bench_ingest: unknown option %s\n%s", argv[i], usage_text);
            return 2;
        }
    }
    if (argc - i < 2) {
        fputs(usage_text, stderr);
        return 2;
    }
    const char *db_path = argv[i];
    const char *const *corpus = (const char *const *)&argv[i + 1];
    size_t corpus_count = (size_t)(argc - i - 1);

    char wal_path[4096], shm_path[4096];
    if (!sibling_path(wal_path, sizeof wal_path, db_path, "-wal") ||
        !sibling_path(shm_path, sizeof shm_path, db_path, "-shm")) {
        fprintf(stderr, "bench_ingest: database path too long\n");
        return 2;
    }
    if (!remove_if_present(db_path) || !remove_if_present(wal_path) ||
        !remove_if_present(shm_path))
        return 1;

    xc_error err = {0};
    xc_ctx *ctx = xc_open(db_path, &err);
    if (!ctx) {
        fprintf(stderr, "bench_ingest: cannot open %s: %s\n", db_path, err.message);
        return 1;
    }

    xc_ingest_summary summary = {0};
    state.start = state.last_time = monotonic_seconds();
    state.next_progress = state.progress_every;
    double cpu_start = cpu_seconds();
    xc_status status = xc_ingest_paths(ctx, corpus, corpus_count, &options, on_report,
                                       &state, &summary, &err);
    double wall = monotonic_seconds() - state.start;
    double cpu = cpu_seconds() - cpu_start;

    if (status != XC_OK) {
        fprintf(stderr, "bench_ingest: ingest failed after %.1f s: %s\n", wall, err.message);
        xc_close(ctx);
        return 1;
    }
    xc_store_stats stats = {0};
    if (xc_stats(ctx, &stats, &err) != XC_OK) {
        fprintf(stderr, "bench_ingest: cannot read store stats: %s\n", err.message);
        xc_close(ctx);
        return 1;
    }
    /* Closing checkpoints the WAL into the main file; time it apart, since
     * a large final checkpoint is a cost the ingest figure would hide. */
    double close_start = monotonic_seconds();
    xc_close(ctx);
    double close_seconds = monotonic_seconds() - close_start;
    uint64_t db_bytes = file_size(db_path) + file_size(wal_path);

    long rss_kb = peak_rss_kb();
    double articles_per_second = wall > 0 ? (double)state.stored / wall : 0.0;
    double mb_per_second = wall > 0 ? (double)summary.bytes / 1e6 / wall : 0.0;

    if (json) {
        printf("{\"articles\":%zu,\"bytes\":%zu,\"wall_seconds\":%.3f,\"cpu_seconds\":%.3f,"
               "\"articles_per_second\":%.1f,\"mb_per_second\":%.3f,\"stories\":%zu,"
               "\"peak_rss_kb\":%ld,\"db_bytes\":%llu,\"failed\":%zu}\n",
               state.stored, summary.bytes, wall, cpu, articles_per_second, mb_per_second,
               stats.stories, rss_kb, (unsigned long long)db_bytes, state.failed);
    } else {
        char db_text[32];
        printf("ingest+stories  %zu articles  %.1f MB text\n", state.stored,
               (double)summary.bytes / 1e6);
        printf("  wall %.1f s   cpu %.1f s   (close %.1f s)\n", wall, cpu, close_seconds);
        printf("  %.0f articles/s   %.2f MB/s (wall)\n", articles_per_second, mb_per_second);
        printf("  stories %zu   peak RSS %ld MB   db %s\n", stats.stories,
               rss_kb * 1024 / 1000000, human_bytes(db_text, sizeof db_text, db_bytes));
        if (state.failed || state.warnings)
            printf("  failed %zu   warnings %zu\n", state.failed, state.warnings);
    }
    return 0;
}
