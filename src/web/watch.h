/* Polling feeds: each round fetches every feed (conditionally, with the
 * ETag and Last-Modified kept in the store's feeds table), keeps the items
 * not stored yet, fetches the linked page of each partial item, and stores
 * the round's new articles in one transaction through the ingest pipeline.
 * A feed that is down or returns garbage is reported and retried the next
 * round; requests to one host are spaced by a delay. */
#ifndef XC_WEB_WATCH_H
#define XC_WEB_WATCH_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#include "crosscheck.h"

#define XC_WATCH_INTERVAL_SECONDS 300.0
#define XC_WATCH_DELAY_SECONDS 1.0
#define XC_WATCH_MAX_ITEMS 100

typedef struct xc_watch_options {
    double interval;        /* seconds from one round's start to the next; 0: default */
    double delay;           /* between requests to one host; < 0: default, 0: none    */
    double timeout;         /* per request, whole transfer; 0: 30 s                    */
    double connect_timeout; /* 0: 10 s                                                */
    size_t max_items;       /* new items taken from one feed per round; 0: default    */
    size_t max_bytes;       /* per response; 0: 32 MB                                 */
    bool once;              /* one round, then return                                 */
    /* Set by a signal handler: no new request starts, the round's articles
     * are stored, and xc_watch returns. */
    volatile sig_atomic_t *stop;
} xc_watch_options;

typedef enum xc_feed_outcome {
    XC_FEED_READ,         /* fetched and parsed (perhaps nothing new)  */
    XC_FEED_NOT_MODIFIED, /* 304                                      */
    XC_FEED_FAILED        /* down, an HTTP error, or not a feed        */
} xc_feed_outcome;

/* One feed in one round. */
typedef struct xc_feed_round {
    int round;
    const char *url;
    xc_feed_outcome outcome;
    long http_status;    /* 0 when there was no response              */
    size_t items;        /* in the feed                               */
    size_t added;        /* new articles stored                       */
    size_t full;         /*   of which the feed carried the full text */
    size_t pages;        /*   the text of their linked page           */
    size_t partial;      /*   title + summary + link only             */
    size_t known;        /* already stored                            */
    size_t failed_items; /* items that could not be read              */
    size_t held_back;    /* new items past max_items: the next round  */
    const char *error;   /* why it failed, or a warning (malformed XML), or NULL */
} xc_feed_round;

typedef void (*xc_feed_report_fn)(void *user, const xc_feed_round *r);

typedef struct xc_watch_summary {
    int rounds;
    size_t added;        /* over all rounds                           */
    size_t failed_feeds; /* in the last round                         */
    bool stopped;        /* by the stop flag                          */
} xc_watch_summary;

/* Watch `feeds` (http/https URLs). `on_feed` hears about every feed of
 * every round after the round is stored; `on_item` about items that could
 * not be read and pages that could not be fetched (path: the feed's URL,
 * line: the item's line in the feed). Returns XC_OK unless the store
 * fails. */
xc_status xc_watch(xc_ctx *ctx, const char *const *feeds, size_t count,
                   const xc_watch_options *options, xc_feed_report_fn on_feed,
                   xc_report_fn on_item, void *user, xc_watch_summary *summary, xc_error *err);

#endif
