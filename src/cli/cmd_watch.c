/* crosscheck watch FEEDS.txt: poll feeds and ingest their new articles. */
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../ingest/article.h"
#include "../util/buf.h"
#include "../util/json_writer.h"
#include "../web/fetch.h"
#include "../web/watch.h"

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

/* Seconds as a non-negative number ("1", "0.5"). */
static bool parse_seconds(const char *s, double *out)
{
    if (!s || !*s)
        return false;
    errno = 0;
    char *end;
    double v = strtod(s, &end);
    if (errno || *end || !isfinite(v) || v < 0 || v > 1e7)
        return false;
    *out = v;
    return true;
}

typedef struct feed_list {
    char **urls;
    size_t count, capacity;
} feed_list;

static void feed_list_free(feed_list *l)
{
    for (size_t i = 0; i < l->count; i++)
        free(l->urls[i]);
    free(l->urls);
}

/* One URL a line; "#" starts a comment line; blank lines are skipped;
 * a URL listed twice is polled once. */
static bool read_feed_list(const char *path, feed_list *out)
{
    size_t len;
    char *data = read_text_operand(path, &len);
    if (!data)
        return false;
    bool ok = true;
    long line = 0;
    for (char *p = data, *next; p && ok; p = next) {
        line++;
        char *nl = strchr(p, '\n');
        next = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        size_t n;
        const char *url = xc_trim(p, strlen(p), &n);
        if (n == 0 || url[0] == '#')
            continue;
        ((char *)url)[n] = '\0';
        if (!xc_url_fetchable(url)) {
            cli_error("%s:%ld: not an http or https URL: %.200s", path, line, url);
            ok = false;
            break;
        }
        bool seen = false;
        for (size_t i = 0; i < out->count && !seen; i++)
            seen = strcmp(out->urls[i], url) == 0;
        if (seen)
            continue;
        if (out->count == out->capacity) {
            size_t cap = out->capacity ? out->capacity * 2 : 16;
            char **grown = realloc(out->urls, cap * sizeof *grown);
            if (!grown) {
                ok = false;
                break;
            }
            out->urls = grown;
            out->capacity = cap;
        }
        if (!(out->urls[out->count] = strdup(url))) {
            ok = false;
            break;
        }
        out->count++;
    }
    free(data);
    if (ok && out->count == 0) {
        cli_error("%s: no feed URLs (one http or https URL a line)", path);
        ok = false;
    }
    return ok;
}

/* Both reporters get this: the item reporter reads its first field. */
typedef struct watch_view {
    ingest_view items;
    const cli *c;
} watch_view;

static const char *outcome_name(xc_feed_outcome o)
{
    switch (o) {
    case XC_FEED_READ: return "read";
    case XC_FEED_NOT_MODIFIED: return "not_modified";
    case XC_FEED_FAILED: return "failed";
    }
    return "unknown";
}

static void print_feed_round(void *user, const xc_feed_round *r)
{
    const watch_view *v = user;
    if (v->c->json) {
        xc_buf out = {0};
        xc_json j;
        xc_json_init(&j, &out);
        xc_json_object_begin(&j);
        xc_json_key(&j, "round"), xc_json_int(&j, r->round);
        xc_json_key(&j, "feed"), xc_json_string(&j, r->url);
        xc_json_key(&j, "status"), xc_json_string(&j, outcome_name(r->outcome));
        xc_json_key(&j, "http"), xc_json_int(&j, r->http_status);
        xc_json_key(&j, "items"), xc_json_int(&j, (int64_t)r->items);
        xc_json_key(&j, "added"), xc_json_int(&j, (int64_t)r->added);
        xc_json_key(&j, "full"), xc_json_int(&j, (int64_t)r->full);
        xc_json_key(&j, "pages"), xc_json_int(&j, (int64_t)r->pages);
        xc_json_key(&j, "partial"), xc_json_int(&j, (int64_t)r->partial);
        xc_json_key(&j, "known"), xc_json_int(&j, (int64_t)r->known);
        xc_json_key(&j, "failed_items"), xc_json_int(&j, (int64_t)r->failed_items);
        xc_json_key(&j, "held_back"), xc_json_int(&j, (int64_t)r->held_back);
        xc_json_key(&j, "error"), xc_json_string(&j, r->error);
        xc_json_object_end(&j);
        print_json_line(stdout, xc_buf_str(&out));
        xc_buf_free(&out);
    } else if (r->outcome == XC_FEED_NOT_MODIFIED) {
        printf("round %d: %s: not modified\n", r->round, r->url);
    } else if (r->outcome == XC_FEED_READ) {
        printf("round %d: %s: %zu new (%zu full text, %zu from the linked page, %zu partial), %zu already "
               "stored",
               r->round, r->url, r->added, r->full, r->pages, r->partial, r->known);
        if (r->failed_items)
            printf(", %zu unreadable", r->failed_items);
        if (r->held_back)
            printf(", %zu left for the next round (--max-items)", r->held_back);
        printf("\n");
    }
    if (r->error)
        fprintf(stderr, "crosscheck: %s: %s%s\n", r->url, r->outcome == XC_FEED_FAILED ? "" : "warning: ",
                r->error);
    fflush(stdout);
}

static int watch_usage(const char *message)
{
    cli_error("%s", message);
    fputs("usage: crosscheck watch FEEDS.txt [--once] [--interval SECONDS] [--delay SECONDS]\n"
          "                        [--timeout SECONDS] [--max-items N]\n",
          stderr);
    return EXIT_USAGE;
}

int cmd_watch(const cli *c)
{
    static const char *const valued[] = {"interval", "delay", "timeout", "max-items", NULL};
    xc_watch_options opt = {.delay = XC_WATCH_DELAY_SECONDS};
    const char *list_path = NULL;
    arg_iter it = {c, 0, false, {0}};
    arg a;
    bool bad = false;
    while (next_arg(&it, valued, &a, &bad)) {
        double seconds;
        if (!a.option) {
            if (list_path)
                return watch_usage("watch takes one file of feed URLs");
            list_path = a.value;
        } else if (strcmp(a.option, "once") == 0) {
            opt.once = true;
        } else if (strcmp(a.option, "interval") == 0) {
            if (!parse_seconds(a.value, &seconds) || seconds < 1)
                return watch_usage("--interval takes seconds, at least 1");
            opt.interval = seconds;
        } else if (strcmp(a.option, "delay") == 0) {
            if (!parse_seconds(a.value, &seconds))
                return watch_usage("--delay takes seconds (0 for none)");
            opt.delay = seconds;
        } else if (strcmp(a.option, "timeout") == 0) {
            if (!parse_seconds(a.value, &seconds) || seconds < 0.001)
                return watch_usage("--timeout takes seconds, more than 0");
            opt.timeout = seconds;
            /* connecting is part of the whole request's time */
            opt.connect_timeout = seconds < 10 ? seconds : 10;
        } else if (strcmp(a.option, "max-items") == 0) {
            if (!parse_size(a.value, &opt.max_items) || opt.max_items == 0)
                return watch_usage("--max-items takes a number of items, at least 1");
        } else {
            char message[128];
            snprintf(message, sizeof message, "unknown option --%s for watch", a.option);
            return watch_usage(message);
        }
    }
    if (bad)
        return EXIT_USAGE;
    if (!list_path)
        return watch_usage("watch needs a file of feed URLs, one a line");
    feed_list feeds = {0};
    if (!read_feed_list(list_path, &feeds)) {
        feed_list_free(&feeds);
        return EXIT_USAGE;
    }
    xc_ctx *ctx = cli_open(c);
    if (!ctx) {
        feed_list_free(&feeds);
        return EXIT_FATAL;
    }
    /* No SA_RESTART: a signal cuts the sleep between rounds short. */
    struct sigaction sa = {0};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    opt.stop = &stop_requested;

    watch_view view = {.items = {.quiet = false}, .c = c};
    xc_watch_summary sum;
    xc_error err = {0};
    xc_status st = xc_watch(ctx, (const char *const *)feeds.urls, feeds.count, &opt, print_feed_round,
                            print_item_report, &view, &sum, &err);
    xc_store_stats stats = {0};
    xc_error stats_err;
    xc_stats(ctx, &stats, &stats_err);
    xc_close(ctx);
    feed_list_free(&feeds);
    if (st != XC_OK)
        return cli_fail(&err);
    if (!c->json) {
        printf("%s%d round%s: %zu new article%s stored; store %s: %zu articles in %zu stories\n",
               sum.stopped ? "stopped after " : "", sum.rounds, sum.rounds == 1 ? "" : "s", sum.added,
               sum.added == 1 ? "" : "s", c->db_path, stats.articles, stats.stories);
    }
    return opt.once && sum.failed_feeds ? EXIT_PARTIAL : EXIT_OK;
}
