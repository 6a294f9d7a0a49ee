/* Web pages as articles: an HTML page's main text and metadata.
 *
 * The parser is libxml2's HTML parser (error-tolerant, as browsers are);
 * the page is first converted to UTF-8 (charset.h). The main text is found
 * by scoring the DOM (html_extract.c) and the metadata is read from meta
 * tags, JSON-LD, <time>, the URL and visible dates (html_meta.c). */
#ifndef XC_WEB_PAGE_H
#define XC_WEB_PAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "crosscheck.h"
#include "../ingest/article.h"

/* Every field is NULL when the page does not give it. Strings are UTF-8. */
typedef struct xc_page {
    char *title;
    char *text;        /* the main text; paragraphs separated by "\n\n" */
    size_t text_len;
    char *published;   /* ISO 8601 ("2025-03-11" or "2025-03-11T17:02:00Z") */
    char *author;
    char *source;      /* the outlet or site name */
    char *url;         /* canonical URL, else og:url, else the URL it came from */
    char *lang;        /* "en", "de", "pt-BR" ... */
    char *description; /* meta description or og:description */
    char *charset;     /* the encoding the bytes were read as, e.g. "windows-1252" */
} xc_page;

typedef struct xc_html_options {
    const char *url;     /* where the page came from (dates in URLs, the site), or NULL */
    const char *charset; /* from an HTTP Content-Type header, or NULL */
} xc_html_options;

/* Parse one HTML page and extract its main text and metadata. XC_ERR_BINARY
 * for input that is not HTML or text, XC_ERR_EMPTY when no main text is
 * found, XC_ERR_NOMEM. On failure the page is left empty (safe to free). */
xc_status xc_html_extract(const char *html, size_t len, const xc_html_options *options,
                          xc_page *page, xc_error *err);

void xc_page_free(xc_page *page);

/* Move a page into an article (the page is emptied). `id` may be NULL: it
 * is then made from the URL, else from the content. */
xc_status xc_page_to_article(xc_page *page, const char *id, xc_article_in *out, xc_error *err);

#endif
