/* The main text of an HTML page: the part a reader came for, without
 * navigation, banners, share bars, related links and comments. */
#ifndef XC_WEB_HTML_EXTRACT_H
#define XC_WEB_HTML_EXTRACT_H

#include <libxml/HTMLparser.h>

#include "../util/buf.h"

/* Append the main text of `doc` to `out` (paragraphs separated by "\n\n").
 * The tree is modified (boilerplate is removed). Returns false when out
 * of memory. */
bool xc_html_main_text(htmlDocPtr doc, xc_buf *out);

#endif
