/* An HTML page's metadata: title, publication date, author, site, canonical
 * URL, language and description, from meta tags, JSON-LD, <time>, the URL
 * and visible dates. */
#ifndef XC_WEB_HTML_META_H
#define XC_WEB_HTML_META_H

#include <libxml/HTMLparser.h>

#include "page.h"

/* Fill the metadata fields of `page` (not text) from `doc`, before the tree
 * is cleaned. `url` is where the page came from, or NULL. False when out
 * of memory. */
bool xc_html_metadata(htmlDocPtr doc, const char *url, xc_page *page);

/* The site of a URL: its host without "www." (caller frees), or NULL. */
char *xc_url_site(const char *url);

/* A date written in a URL path (/2025/03/11/, /2025-03-11-, /20250311/) as
 * "YYYY-MM-DD" into out[11]; false when there is none. */
bool xc_url_date(const char *url, char out[11]);

#endif
