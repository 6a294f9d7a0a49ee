/* News feeds as articles: RSS 2.0, RSS 1.0 (RDF) and Atom.
 *
 * The feed is read with libxml2 without network access and without
 * substituting entities (no XML_PARSE_NOENT, no XML_PARSE_HUGE: libxml2's
 * default limits refuse entity bombs and oversized nodes). Each item keeps
 * its fields as text: HTML in descriptions and content is turned into
 * paragraphs of plain text. An item becomes an article with its full text
 * when the feed carries it, else title + summary + link marked as partial. */
#ifndef XC_WEB_FEED_H
#define XC_WEB_FEED_H

#include <stdbool.h>
#include <stddef.h>

#include "crosscheck.h"
#include "../ingest/article.h"

typedef enum xc_feed_kind { XC_FEED_RSS2, XC_FEED_RSS1, XC_FEED_ATOM } xc_feed_kind;

/* Every string is UTF-8 plain text, or NULL when the item does not give it. */
typedef struct xc_feed_item {
    char *id;        /* guid, atom:id or rdf:about                         */
    char *title;     /* one line                                           */
    char *link;      /* absolute when the feed's URL or xml:base says how  */
    char *published; /* as written: pubDate, dc:date, published, updated   */
    char *author;    /* dc:creator, author, atom author/name               */
    char *summary;   /* description, atom summary: paragraphs of text      */
    char *content;   /* content:encoded, atom content: paragraphs of text  */
    long line;       /* the item's line in the feed                        */
} xc_feed_item;

typedef struct xc_feed {
    xc_feed_kind kind;
    char *title;    /* the outlet */
    char *link;
    char *language;
    xc_feed_item *items;
    size_t count;
    /* The XML was malformed but libxml2 recovered the items before (and
     * perhaps after) the fault: what went wrong and on which line. */
    char problem[256];
    long problem_line;
} xc_feed;

/* An item's content counts as the full article from this many characters
 * of text on, or when it is longer than the summary. */
#define XC_FEED_FULL_TEXT_CHARS 500

/* True when the first element of the bytes (after the XML declaration,
 * comments and a DOCTYPE) is <rss>, <feed> or <rdf:RDF>. Looks at the head
 * only, so a file's first few kilobytes are enough. */
bool xc_feed_sniff(const char *data, size_t len);

/* True for the file names ingest reads as feeds whatever they hold. */
bool xc_feed_file_name(const char *path);

/* Parse a feed. `url` (or NULL) is where it came from: relative links are
 * resolved against it. XC_ERR_BINARY, XC_ERR_EMPTY, XC_ERR_TOO_BIG, or
 * XC_ERR_FORMAT for bytes that are not XML or not a feed; on failure the
 * feed is left empty (safe to free). */
xc_status xc_feed_parse(const char *data, size_t len, const char *url, xc_feed *feed,
                        xc_error *err);
void xc_feed_free(xc_feed *feed);

/* Whether the item carries its full text (see XC_FEED_FULL_TEXT_CHARS). */
bool xc_feed_item_is_full(const xc_feed_item *item);

/* The article of one item. `origin` names the feed (its URL or file): it is
 * the article's origin and the "feed" of its extra fields. `page_text`
 * (or NULL) is the main text of the item's linked page, fetched because
 * the item is partial: it then becomes the text. The id is the guid/id,
 * else the link, else made from the content. XC_ERR_EMPTY for an item with
 * no title, summary or content. */
xc_status xc_feed_item_article(const xc_feed *feed, const xc_feed_item *item, const char *origin,
                               const char *page_text, size_t page_text_len, xc_article_in *out,
                               xc_error *err);

#endif
