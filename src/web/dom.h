/* libxml2's HTML tree, as the extractor and the metadata reader see it:
 * parsing, tag classes, attribute access and text with block structure. */
#ifndef XC_WEB_DOM_H
#define XC_WEB_DOM_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "../util/buf.h"

/* Parse UTF-8 HTML (never fetches anything). NULL when libxml2 gives up. */
htmlDocPtr xc_dom_parse(const char *utf8, size_t len, const char *url);

/* Tag classes by (lower-case) element name. */
bool xc_dom_is_block(const xmlNode *n);     /* starts a new line of text   */
bool xc_dom_is_heading(const xmlNode *n);   /* h1..h6                      */
bool xc_dom_is_named(const xmlNode *n, const char *name);

/* An attribute's value without copying (NULL when absent or empty). */
const char *xc_dom_attr(const xmlNode *n, const char *name);

/* First element with this name under n (depth-first), or NULL. */
xmlNode *xc_dom_find(xmlNode *n, const char *name);

/* Text of the subtree, white space collapsed, blocks on their own lines
 * ("\n\n" between paragraphs, "\n" after <br> and list items, " " between
 * table cells). `skip` (may be NULL) prunes subtrees. */
typedef bool (*xc_dom_skip_fn)(const xmlNode *n, void *user);
void xc_dom_text(const xmlNode *n, xc_buf *out, xc_dom_skip_fn skip, void *user);

/* Text of the subtree on one line, white space collapsed (titles, names). */
char *xc_dom_inline_text(const xmlNode *n);

#endif
