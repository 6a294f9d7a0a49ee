/* The polling loop behind `crosscheck watch`, and the feeds table it keeps
 * in the store. A round: fetch each feed, keep its new items (the article
 * id is not in the store yet), fetch the linked page of the partial ones,
 * then store the round's articles in publication order in one transaction
 * and only after that record each feed's ETag and Last-Modified, so a
 * crash between the two re-reads a feed rather than missing its items. */
#include "watch.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "feed.h"
#include "fetch.h"
#include "page.h"
#include "../core/context.h"
#include "../ingest/pipeline.h"
#include "../util/buf.h"
#include "../util/error.h"
#include "../util/strmap.h"
#include "../util/clock.h"

static const char feed_accept[] =
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5";
static const char page_accept[] = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

/* ---- the feeds table ----------------------------------------------------- */

typedef struct feed_state {
    char *etag, *last_modified;
} feed_state;

static void feed_state_free(feed_state *s)
{
    free(s->etag);
    free(s->last_modified);
    memset(s, 0, sizeof *s);
}

static char *column_copy(sqlite3_stmt *st, int col)
{
    const char *s = xc_column_text(st, col);
    return s ? strdup(s) : NULL;
}

static xc_status load_feed_state(xc_store *s, const char *url, feed_state *out, xc_error *err)
{
    static const char sql[] = "SELECT etag, last_modified FROM feeds WHERE url = ?";
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st = xc_store_prepare(s, sql, err);
    if (!st)
        return XC_ERR_STORE;
    sqlite3_bind_text(st, 1, url, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        out->etag = column_copy(st, 0);
        out->last_modified = column_copy(st, 1);
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? XC_OK : xc_store_error(s, err, "reading the feeds table");
}

/* After a round: what the fetch said. `keep_validators` false forgets the
 * ETag and Last-Modified (the feed was not read in full). */
static xc_status save_feed_state(xc_store *s, const char *url, const xc_feed_round *r,
                                 const char *etag, const char *last_modified, bool set_validators,
                                 xc_error *err)
{
    static const char sql[] =
        "INSERT INTO feeds (url, etag, last_modified, last_status, last_error, last_fetched, items_seen)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
        " ON CONFLICT(url) DO UPDATE SET"
        "  etag = CASE WHEN ?8 THEN excluded.etag ELSE etag END,"
        "  last_modified = CASE WHEN ?8 THEN excluded.last_modified ELSE last_modified END,"
        "  last_status = excluded.last_status, last_error = excluded.last_error,"
        "  last_fetched = excluded.last_fetched, items_seen = items_seen + excluded.items_seen";
    sqlite3_stmt *st = xc_store_prepare(s, sql, err);
    if (!st)
        return XC_ERR_STORE;
    sqlite3_bind_text(st, 1, url, -1, SQLITE_STATIC);
    if (set_validators) {
        sqlite3_bind_text(st, 2, etag, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, last_modified, -1, SQLITE_STATIC);
    }
    sqlite3_bind_int64(st, 4, r->http_status);
    if (r->outcome == XC_FEED_FAILED)
        sqlite3_bind_text(st, 5, r->error, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 6, (sqlite3_int64)time(NULL));
    sqlite3_bind_int64(st, 7, (sqlite3_int64)r->added);
    sqlite3_bind_int(st, 8, set_validators);
    return xc_store_run(s, st, "recording a feed", err);
}

static xc_status article_stored(xc_store *s, const char *id, bool *found, xc_error *err)
{
    static const char sql[] = "SELECT 1 FROM articles WHERE id = ?";
    sqlite3_stmt *st = xc_store_prepare(s, sql, err);
    if (!st)
        return XC_ERR_STORE;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    *found = rc == SQLITE_ROW;
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? XC_OK : xc_store_error(s, err, "looking up an article");
}

/* ---- time, and the delay between requests to one host ------------------ */

static bool stopping(const xc_watch_options *o)
{
    return o->stop && *o->stop;
}

/* Sleep, cut short by the stop flag (signals interrupt nanosleep). Returns
 * false when stopped. */
static bool pause_for(double seconds, const xc_watch_options *o)
{
    double until = xc_seconds_now() + seconds;
    for (;;) {
        if (stopping(o))
            return false;
        double left = until - xc_seconds_now();
        if (left <= 0)
            return true;
        if (left > 0.25) /* wake now and then in case the signal came before the sleep */
            left = 0.25;
        struct timespec ts = {(time_t)left, (long)((left - (double)(time_t)left) * 1e9)};
        nanosleep(&ts, NULL);
    }
}

typedef struct host_clock {
    char host[256];
    double last_done; /* when the last request to it ended */
} host_clock;

typedef struct watch {
    xc_ctx *ctx;
    xc_watch_options opt;
    xc_fetcher *fetcher;
    xc_pipeline *pipeline;
    host_clock *hosts;
    size_t host_count, host_capacity;
    xc_report_fn on_item;
    void *user;
    xc_error *err;
} watch;

static host_clock *host_of(watch *w, const char *url)
{
    char host[256];
    xc_url_host(url, host, sizeof host);
    for (size_t i = 0; i < w->host_count; i++)
        if (strcmp(w->hosts[i].host, host) == 0)
            return &w->hosts[i];
    if (w->host_count == w->host_capacity) {
        size_t cap = w->host_capacity ? w->host_capacity * 2 : 16;
        host_clock *grown = realloc(w->hosts, cap * sizeof *grown);
        if (!grown)
            return NULL;
        w->hosts = grown;
        w->host_capacity = cap;
    }
    host_clock *h = &w->hosts[w->host_count++];
    snprintf(h->host, sizeof h->host, "%s", host);
    h->last_done = -1e18;
    return h;
}

/* One GET, no sooner than `delay` after the last request to the same host
 * ended. XC_ERR_IO "interrupted" when stopped while waiting. */
static xc_status polite_fetch(watch *w, const char *url, const char *accept, const feed_state *validators,
                              xc_fetch_result *res, xc_error *e)
{
    memset(res, 0, sizeof *res);
    host_clock *h = host_of(w, url);
    if (h && w->opt.delay > 0) {
        double wait = h->last_done + w->opt.delay - xc_seconds_now();
        if (wait > 0 && !pause_for(wait, &w->opt))
            return xc_fail(e, XC_ERR_IO, "interrupted");
    }
    xc_fetch_options fo = {
        .connect_timeout_ms = (long)(w->opt.connect_timeout * 1000),
        .timeout_ms = (long)(w->opt.timeout * 1000),
        .max_bytes = w->opt.max_bytes,
        .etag = validators ? validators->etag : NULL,
        .last_modified = validators ? validators->last_modified : NULL,
        .accept = accept,
        .cancel = w->opt.stop,
    };
    xc_status st = xc_fetch(w->fetcher, url, &fo, res, e);
    h = host_of(w, url); /* the table may have moved */
    if (h)
        h->last_done = xc_seconds_now();
    return st;
}

/* ---- one feed ---------------------------------------------------------------- */

typedef struct candidate {
    xc_article_in article;
    size_t feed; /* index into the round's reports */
    int kind;    /* 0 full, 1 page, 2 partial */
} candidate;

typedef struct round_state {
    candidate *items;
    size_t count, capacity;
    xc_strmap ids; /* ids taken this round: one copy of an item in two feeds */
    xc_feed_round *reports;
    char **errors;  /* per feed, owned */
    feed_state *fresh; /* per feed: validators from this fetch */
    bool *set_validators;
} round_state;

static void item_problem(watch *w, xc_item_outcome outcome, xc_status status, const char *feed_url,
                         long line, const char *id, const char *message)
{
    if (!w->on_item)
        return;
    xc_item_report r = {outcome, status, feed_url, line, id, message};
    w->on_item(w->user, &r);
}

static bool is_html_type(const char *content_type)
{
    if (!content_type)
        return true; /* unsaid: let the extractor judge */
    return strncasecmp(content_type, "text/html", 9) == 0 ||
           strncasecmp(content_type, "application/xhtml+xml", 21) == 0 ||
           strncasecmp(content_type, "text/plain", 10) == 0;
}

/* The main text of a partial item's page, and its date when the feed gave
 * none. false (and why in e) when the page could not be had. */
static bool page_text(watch *w, const char *link, char **text, size_t *len, char **published, xc_error *e)
{
    *text = NULL;
    *published = NULL;
    xc_fetch_result res;
    if (polite_fetch(w, link, page_accept, NULL, &res, e) != XC_OK)
        return false;
    bool ok = false;
    if (res.status != 200) {
        xc_fail(e, XC_ERR_IO, "HTTP %ld", res.status);
    } else if (!is_html_type(res.content_type)) {
        xc_fail(e, XC_ERR_FORMAT, "not an HTML page (%.100s)", res.content_type);
    } else {
        char charset[64];
        xc_html_options ho = {.url = res.final_url,
                              .charset = xc_content_type_charset(res.content_type, charset, sizeof charset)
                                             ? charset
                                             : NULL};
        xc_page page = {0};
        if (xc_html_extract(res.body, res.body_len, &ho, &page, e) == XC_OK && page.text &&
            page.text_len) {
            *text = page.text;
            *len = page.text_len;
            *published = page.published;
            page.text = NULL;
            page.published = NULL;
            ok = true;
        } else if (e->status == XC_OK || !e->message[0]) {
            xc_fail(e, XC_ERR_EMPTY, "no main text found");
        }
        xc_page_free(&page);
    }
    xc_fetch_result_free(&res);
    return ok;
}

static bool add_candidate(round_state *rs, xc_article_in *a, size_t feed, int kind)
{
    if (rs->count == rs->capacity) {
        size_t cap = rs->capacity ? rs->capacity * 2 : 64;
        candidate *grown = realloc(rs->items, cap * sizeof *grown);
        if (!grown)
            return false;
        rs->items = grown;
        rs->capacity = cap;
    }
    rs->items[rs->count++] = (candidate){.article = *a, .feed = feed, .kind = kind};
    memset(a, 0, sizeof *a);
    return xc_strmap_put(&rs->ids, rs->items[rs->count - 1].article.id,
                         strlen(rs->items[rs->count - 1].article.id), 1);
}

/* The new items of a parsed feed into the round. */
static xc_status take_items(watch *w, round_state *rs, size_t index, const char *url, const xc_feed *feed)
{
    xc_feed_round *r = &rs->reports[index];
    size_t max = w->opt.max_items;
    for (size_t i = 0; i < feed->count; i++) {
        const xc_feed_item *item = &feed->items[i];
        xc_error e = {0};
        xc_article_in a;
        if (xc_feed_item_article(feed, item, url, NULL, 0, &a, &e) != XC_OK) {
            if (e.status == XC_ERR_NOMEM)
                return xc_fail(w->err, XC_ERR_NOMEM, "out of memory");
            r->failed_items++;
            item_problem(w, XC_ITEM_FAILED, e.status, url, item->line, NULL, e.message);
            continue;
        }
        bool found = xc_strmap_get(&rs->ids, a.id, strlen(a.id), NULL);
        xc_status st = found ? XC_OK : article_stored(&w->ctx->store, a.id, &found, w->err);
        if (st != XC_OK) {
            xc_article_in_free(&a);
            return st;
        }
        if (found) {
            r->known++;
            xc_article_in_free(&a);
            continue;
        }
        if (r->added + r->held_back >= max || stopping(&w->opt)) {
            r->held_back++;
            xc_article_in_free(&a);
            continue;
        }
        int kind = 0;
        if (!xc_feed_item_is_full(item)) {
            kind = 2;
            char *text = NULL, *date = NULL;
            size_t len = 0;
            if (item->link && xc_url_fetchable(item->link) && page_text(w, item->link, &text, &len, &date, &e)) {
                xc_feed_item dated = *item;
                if (!dated.published || !*dated.published)
                    dated.published = date;
                xc_article_in paged;
                if (xc_feed_item_article(feed, &dated, url, text, len, &paged, &e) == XC_OK) {
                    xc_article_in_free(&a);
                    a = paged;
                    kind = 1;
                }
            } else if (item->link && xc_url_fetchable(item->link) && stopping(&w->opt)) {
                /* Cut short by a stop, not a bad page: leave the item for the
                 * next run rather than store it partial for good. */
                free(text);
                free(date);
                xc_article_in_free(&a);
                r->held_back++;
                continue;
            } else if (item->link && xc_url_fetchable(item->link)) {
                xc_buf message = {0};
                xc_buf_printf(&message, "linked page %.200s: %s; stored the feed's summary (partial)",
                              item->link, e.message);
                item_problem(w, XC_ITEM_WARNING, e.status, url, item->line, a.id, xc_buf_str(&message));
                xc_buf_free(&message);
            }
            free(text);
            free(date);
        }
        if (a.warning[0])
            item_problem(w, XC_ITEM_WARNING, XC_OK, url, a.warning_line ? a.warning_line : a.line, a.id,
                         a.warning);
        a.origin = strdup(url);
        if (!a.origin || !add_candidate(rs, &a, index, kind)) {
            xc_article_in_free(&a);
            return xc_fail(w->err, XC_ERR_NOMEM, "out of memory");
        }
        r->added++;
        if (kind == 0)
            r->full++;
        else if (kind == 1)
            r->pages++;
        else
            r->partial++;
    }
    return XC_OK;
}

static void set_error(round_state *rs, size_t index, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void set_error(round_state *rs, size_t index, const char *fmt, ...)
{
    xc_buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    xc_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    free(rs->errors[index]);
    rs->errors[index] = b.failed ? NULL : xc_buf_detach(&b, NULL);
    xc_buf_free(&b);
    rs->reports[index].error = rs->errors[index] ? rs->errors[index] : "failed";
}

static xc_status read_feed(watch *w, round_state *rs, size_t index, const char *url)
{
    xc_feed_round *r = &rs->reports[index];
    feed_state old;
    xc_status st = load_feed_state(&w->ctx->store, url, &old, w->err);
    if (st != XC_OK)
        return st;
    xc_error e = {0};
    xc_fetch_result res;
    r->outcome = XC_FEED_FAILED;
    if (polite_fetch(w, url, feed_accept, &old, &res, &e) != XC_OK) {
        set_error(rs, index, "%s", e.message);
    } else if ((r->http_status = res.status) == 304) {
        r->outcome = XC_FEED_NOT_MODIFIED;
    } else if (res.status != 200) {
        set_error(rs, index, "HTTP %ld", res.status);
    } else {
        xc_feed feed;
        if (xc_feed_parse(res.body, res.body_len, res.final_url, &feed, &e) != XC_OK) {
            set_error(rs, index, "%s", e.message);
        } else {
            r->outcome = XC_FEED_READ;
            r->items = feed.count;
            if (feed.problem[0]) {
                set_error(rs, index, "malformed XML at line %ld: %s; read what could be read",
                          feed.problem_line, feed.problem);
            }
            st = take_items(w, rs, index, url, &feed);
            /* Read in full: the next round may ask "changed since?". */
            if (r->held_back == 0 && !stopping(&w->opt)) {
                rs->fresh[index].etag = res.etag;
                rs->fresh[index].last_modified = res.last_modified;
                res.etag = res.last_modified = NULL;
            }
            rs->set_validators[index] = true;
            xc_feed_free(&feed);
        }
    }
    xc_fetch_result_free(&res);
    feed_state_free(&old);
    return st;
}

/* ---- a round ------------------------------------------------------------------- */

/* Store the round's articles in publication order (an undated one keeps
 * the place of the one before it), as ingest does. */
static xc_status store_round(watch *w, round_state *rs)
{
    if (rs->count == 0)
        return XC_OK;
    xc_article_in **articles = malloc(rs->count * sizeof *articles);
    xc_item_outcome *outcomes = calloc(rs->count, sizeof *outcomes);
    for (size_t i = 0; articles && i < rs->count; i++)
        articles[i] = &rs->items[i].article;
    if (!articles || !outcomes || !xc_publication_order(articles, rs->count)) {
        free(articles), free(outcomes);
        return xc_fail(w->err, XC_ERR_NOMEM, "out of memory");
    }
    xc_status st = xc_pipeline_store(w->pipeline, articles, outcomes, rs->count, w->err);
    free(articles), free(outcomes);
    return st;
}

static void round_free(round_state *rs, size_t feeds)
{
    for (size_t i = 0; i < rs->count; i++)
        xc_article_in_free(&rs->items[i].article);
    free(rs->items);
    xc_strmap_free(&rs->ids);
    for (size_t i = 0; i < feeds; i++) {
        free(rs->errors[i]);
        feed_state_free(&rs->fresh[i]);
    }
    free(rs->errors);
    free(rs->fresh);
    free(rs->set_validators);
    free(rs->reports);
    memset(rs, 0, sizeof *rs);
}

static xc_status run_round(watch *w, int number, const char *const *feeds, size_t count,
                           xc_feed_report_fn on_feed, xc_watch_summary *sum)
{
    round_state rs = {0};
    rs.reports = calloc(count ? count : 1, sizeof *rs.reports);
    rs.errors = calloc(count ? count : 1, sizeof *rs.errors);
    rs.fresh = calloc(count ? count : 1, sizeof *rs.fresh);
    rs.set_validators = calloc(count ? count : 1, sizeof *rs.set_validators);
    if (!rs.reports || !rs.errors || !rs.fresh || !rs.set_validators) {
        round_free(&rs, 0);
        return xc_fail(w->err, XC_ERR_NOMEM, "out of memory");
    }
    xc_status st = XC_OK;
    size_t fetched = 0;
    for (size_t i = 0; i < count && st == XC_OK && !stopping(&w->opt); i++, fetched++) {
        rs.reports[i] = (xc_feed_round){.round = number, .url = feeds[i]};
        st = read_feed(w, &rs, i, feeds[i]);
    }
    if (st == XC_OK)
        st = store_round(w, &rs);
    /* The feeds' state, once their articles are safe. */
    if (st == XC_OK && fetched) {
        st = xc_store_begin(&w->ctx->store, w->err);
        for (size_t i = 0; i < fetched && st == XC_OK; i++)
            st = save_feed_state(&w->ctx->store, feeds[i], &rs.reports[i], rs.fresh[i].etag,
                                 rs.fresh[i].last_modified, rs.set_validators[i], w->err);
        if (st == XC_OK)
            st = xc_store_commit(&w->ctx->store, w->err);
        else
            xc_store_rollback(&w->ctx->store);
    }
    if (st == XC_OK) {
        sum->rounds = number;
        sum->failed_feeds = 0;
        for (size_t i = 0; i < fetched; i++) {
            sum->added += rs.reports[i].added;
            sum->failed_feeds += rs.reports[i].outcome == XC_FEED_FAILED;
            if (on_feed)
                on_feed(w->user, &rs.reports[i]);
        }
    }
    round_free(&rs, count);
    return st;
}

xc_status xc_watch(xc_ctx *ctx, const char *const *feeds, size_t count, const xc_watch_options *options,
                   xc_feed_report_fn on_feed, xc_report_fn on_item, void *user, xc_watch_summary *summary,
                   xc_error *err)
{
    xc_watch_summary local_sum;
    xc_error local_err;
    xc_watch_summary *sum = summary ? summary : &local_sum;
    memset(sum, 0, sizeof *sum);
    watch w = {.ctx = ctx, .on_item = on_item, .user = user, .err = err ? err : &local_err};
    memset(w.err, 0, sizeof *w.err);
    w.opt = options ? *options : (xc_watch_options){.delay = -1};
    if (w.opt.interval <= 0)
        w.opt.interval = XC_WATCH_INTERVAL_SECONDS;
    if (w.opt.delay < 0)
        w.opt.delay = XC_WATCH_DELAY_SECONDS;
    if (!w.opt.max_items)
        w.opt.max_items = XC_WATCH_MAX_ITEMS;
    w.fetcher = xc_fetcher_new();
    w.pipeline = xc_pipeline_new(ctx);
    if (!w.fetcher || !w.pipeline) {
        xc_fetcher_free(w.fetcher);
        xc_pipeline_free(w.pipeline);
        return xc_fail(w.err, XC_ERR_NOMEM, "cannot start libcurl or the pipeline");
    }
    xc_status st = XC_OK;
    for (int round = 1; st == XC_OK; round++) {
        double start = xc_seconds_now();
        st = run_round(&w, round, feeds, count, on_feed, sum);
        if (st != XC_OK || w.opt.once || stopping(&w.opt))
            break;
        double left = w.opt.interval - (xc_seconds_now() - start);
        if (left > 0 && !pause_for(left, &w.opt))
            break;
    }
    sum->stopped = stopping(&w.opt);
    xc_fetcher_free(w.fetcher);
    xc_pipeline_free(w.pipeline);
    free(w.hosts);
    return st;
}
