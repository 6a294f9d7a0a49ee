/* RSS 2.0, RSS 1.0 and Atom feeds into items, and items into articles.
 *
 * libxml2 builds the tree (recovering from the usual faults of feeds in
 * the wild); the fields are read by local name in the feed's own
 * namespace, so <atom:link> inside an RSS channel or <media:title> inside
 * an item are not taken for the RSS elements. Text is collected by walking
 * the tree without recursion (a deep document cannot exhaust the stack),
 * and entity references are never expanded by hand: what libxml2 did not
 * substitute itself is left out. */
#include "feed.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../text/utf8.h"
#include "../util/buf.h"
#include "../util/error.h"
#include "../util/json_writer.h"

#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_RSS1 "http://purl.org/rss/1.0/"
#define NS_RSS090 "http://my.netscape.com/rdf/simple/0.9/"
#define NS_RSS2_USERLAND "http://backend.userland.com/rss2"

/* ---- text out of the tree --------------------------------------------- */

/* White space is collapsed as a browser does; block elements end
 * paragraphs ("\n\n"), <br> ends a line. */
typedef struct text_out {
    xc_buf *b;
    int pending_break; /* 0 none, 1 line, 2 paragraph */
    bool pending_space;
    bool one_line;     /* breaks become spaces (titles) */
} text_out;

static void emit_pending(text_out *t)
{
    if (t->b->len > 0) {
        if (t->pending_break && !t->one_line)
            xc_buf_append(t->b, "\n\n", (size_t)t->pending_break);
        else if (t->pending_break || t->pending_space)
            xc_buf_putc(t->b, ' ');
    }
    t->pending_break = 0;
    t->pending_space = false;
}

static void add_break(text_out *t, int kind)
{
    if (kind > t->pending_break)
        t->pending_break = kind;
}

static void put_text(text_out *t, const char *s, size_t n, bool preformatted)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n' && preformatted) {
            add_break(t, 1);
            i++;
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            t->pending_space = true;
            i++;
        } else if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
            t->pending_space = true; /* no-break space */
            i += 2;
        } else {
            size_t start = i;
            while (i < n) {
                c = (unsigned char)s[i];
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
                    (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0))
                    break;
                i++;
            }
            emit_pending(t);
            xc_buf_append(t->b, s + start, i - start);
        }
    }
}

static bool name_in(const xmlChar *name, const char *const *list)
{
    for (; *list; list++)
        if (strcasecmp((const char *)name, *list) == 0)
            return true;
    return false;
}

static const char *const skipped_elements[] = {
    "script", "style", "noscript", "template", "head", "iframe", "object", "embed", "svg",
    "math", "select", "button", "form", NULL};
static const char *const block_elements[] = {
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "table", "tr", "section", "article", "header", "footer", "aside",
    "nav", "main", "figure", "figcaption", "hr", "address", "center", "details", "summary",
    "body", NULL};

/* Collect the text under `top`. With `markup`, elements are read as HTML
 * (paragraphs, skipped scripts); without, only the text is taken. */
static void walk_text(xmlNode *top, text_out *t, bool markup)
{
    xmlNode *n = top->children;
    int preformatted = 0;
    while (n) {
        bool descend = false;
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content)
                put_text(t, (const char *)n->content, strlen((const char *)n->content),
                         preformatted > 0);
        } else if (n->type == XML_ELEMENT_NODE && n->name) {
            if (!markup) {
                descend = true;
            } else if (!name_in(n->name, skipped_elements)) {
                descend = true;
                if (strcasecmp((const char *)n->name, "br") == 0)
                    add_break(t, 1);
                else if (name_in(n->name, block_elements))
                    add_break(t, 2);
                else if (strcasecmp((const char *)n->name, "td") == 0 ||
                         strcasecmp((const char *)n->name, "th") == 0)
                    t->pending_space = true;
                if (strcasecmp((const char *)n->name, "pre") == 0)
                    preformatted++;
            }
        } else if (n->type == XML_HTML_DOCUMENT_NODE || n->type == XML_DOCUMENT_NODE) {
            descend = true;
        }
        /* Entity references, comments, processing instructions: nothing. */
        if (descend && n->children) {
            n = n->children;
            continue;
        }
        for (;;) {
            if (markup && n->type == XML_ELEMENT_NODE && descend) {
                if (name_in(n->name, block_elements))
                    add_break(t, 2);
                if (strcasecmp((const char *)n->name, "pre") == 0 && preformatted > 0)
                    preformatted--;
            }
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
            if (!n || n == top)
                return;
            descend = true; /* we are leaving an element we went into */
        }
    }
}

/* Bytes that an HTML parser would read differently from plain text: a tag
 * or an entity. */
static bool looks_like_html(const char *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        unsigned char next = (unsigned char)s[i + 1];
        if (s[i] == '<' && ((next | 0x20) >= 'a' && (next | 0x20) <= 'z'))
            return true;
        if (s[i] == '<' && (next == '/' || next == '!'))
            return true;
        if (s[i] == '&' && (((next | 0x20) >= 'a' && (next | 0x20) <= 'z') || next == '#'))
            return true;
    }
    return false;
}

/* An HTML fragment (a feed's description) as text. */
static void html_to_text(const char *s, size_t n, text_out *t)
{
    if (!looks_like_html(s, n) || n > INT_MAX) {
        put_text(t, s, n, false);
        return;
    }
    htmlDocPtr doc = htmlReadMemory(s, (int)n, NULL, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                        HTML_PARSE_NONET | HTML_PARSE_COMPACT);
    if (!doc) {
        put_text(t, s, n, false);
        return;
    }
    walk_text((xmlNode *)doc, t, true);
    xmlFreeDoc(doc);
}

/* The text nodes under an element, white space collapsed. */
static void element_raw_text(xmlNode *node, xc_buf *out)
{
    text_out t = {.b = out, .one_line = true};
    walk_text(node, &t, false);
}

typedef enum text_kind { TEXT_PLAIN, TEXT_HTML, TEXT_XHTML } text_kind;

/* An element's text read as `kind`; NULL when empty. */
static char *element_text(xmlNode *node, text_kind kind, bool one_line)
{
    xc_buf out = {0};
    text_out t = {.b = &out, .one_line = one_line};
    bool has_elements = false;
    for (xmlNode *c = node->children; c; c = c->next)
        has_elements |= c->type == XML_ELEMENT_NODE;
    if (kind == TEXT_XHTML || (kind == TEXT_HTML && has_elements)) {
        /* Markup written as XML (Atom's xhtml, or unescaped HTML in an RSS
         * description): the tree itself is the HTML. */
        walk_text(node, &t, true);
    } else {
        /* The text as the feed wrote it (CDATA or escaped), which may
         * itself be HTML. */
        xc_buf raw = {0};
        for (xmlNode *c = node->children; c; c = c->next)
            if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
                xc_buf_puts(&raw, (const char *)c->content);
        if (kind == TEXT_HTML)
            html_to_text(xc_buf_str(&raw), raw.len, &t);
        else
            put_text(&t, xc_buf_str(&raw), raw.len, false);
        xc_buf_free(&raw);
    }
    if (out.failed || out.len == 0) {
        xc_buf_free(&out);
        return NULL;
    }
    return xc_buf_detach(&out, NULL);
}

/* A short field (link, guid, date): the text, trimmed; NULL when empty. */
static char *element_value(xmlNode *node)
{
    xc_buf out = {0};
    element_raw_text(node, &out);
    if (out.failed || out.len == 0) {
        xc_buf_free(&out);
        return NULL;
    }
    return xc_buf_detach(&out, NULL);
}

static char *attribute(xmlNode *node, const char *name)
{
    xmlChar *v = xmlGetProp(node, (const xmlChar *)name);
    if (!v)
        return NULL;
    size_t n;
    const char *s = xc_trim((const char *)v, strlen((const char *)v), &n);
    char *copy = NULL;
    if (n) {
        copy = malloc(n + 1);
        if (copy) {
            memcpy(copy, s, n);
            copy[n] = '\0';
        }
    }
    xmlFree(v);
    return copy;
}

/* ---- matching elements -------------------------------------------------- */

typedef struct reader {
    xc_feed_kind kind;
    const xmlChar *core_ns; /* Atom's namespace as the feed declares it */
    xmlDocPtr doc;
} reader;

/* An element of the feed's own vocabulary: no namespace, or the one the
 * format uses. */
static bool is(const reader *r, const xmlNode *n, const char *name)
{
    if (n->type != XML_ELEMENT_NODE || !n->name || strcmp((const char *)n->name, name) != 0)
        return false;
    if (!n->ns || !n->ns->href)
        return true;
    const char *href = (const char *)n->ns->href;
    switch (r->kind) {
    case XC_FEED_RSS2: return strcmp(href, NS_RSS2_USERLAND) == 0;
    case XC_FEED_RSS1: return strcmp(href, NS_RSS1) == 0 || strcmp(href, NS_RSS090) == 0;
    case XC_FEED_ATOM: return r->core_ns && strcmp(href, (const char *)r->core_ns) == 0;
    }
    return false;
}

/* An extension element (dc:date, content:encoded); an undeclared prefix
 * leaves the name whole ("dc:date" with no namespace), which counts too. */
static bool is_ext(const xmlNode *n, const char *ns, const char *prefix, const char *name)
{
    if (n->type != XML_ELEMENT_NODE || !n->name)
        return false;
    if (n->ns && n->ns->href)
        return strcmp((const char *)n->name, name) == 0 && strcmp((const char *)n->ns->href, ns) == 0;
    size_t p = strlen(prefix);
    return strncmp((const char *)n->name, prefix, p) == 0 && n->name[p] == ':' &&
           strcmp((const char *)n->name + p + 1, name) == 0;
}

static void set_once(char **field, char *value)
{
    if (!*field)
        *field = value;
    else
        free(value);
}

/* A link as an absolute URL, resolved against xml:base and the feed's URL. */
static char *resolve_link(reader *r, xmlNode *node, char *href)
{
    if (!href || strstr(href, "://"))
        return href;
    xmlChar *base = xmlNodeGetBase(r->doc, node);
    if (!base)
        return href;
    xmlChar *full = xmlBuildURI((const xmlChar *)href, base);
    xmlFree(base);
    if (!full)
        return href;
    char *copy = strdup((const char *)full);
    xmlFree(full);
    if (!copy)
        return href;
    free(href);
    return copy;
}

/* Atom's text constructs say how they are written. */
static text_kind atom_text_kind(xmlNode *node)
{
    xmlChar *type = xmlGetProp(node, (const xmlChar *)"type");
    text_kind kind = TEXT_PLAIN;
    if (type) {
        if (strcasecmp((const char *)type, "html") == 0 || strcasecmp((const char *)type, "text/html") == 0)
            kind = TEXT_HTML;
        else if (strcasecmp((const char *)type, "xhtml") == 0 ||
                 strcasecmp((const char *)type, "application/xhtml+xml") == 0)
            kind = TEXT_XHTML;
        xmlFree(type);
    }
    return kind;
}

/* Atom content may be out of line (src=) or a media type that is not text. */
static bool atom_content_is_text(xmlNode *node)
{
    xmlChar *src = xmlGetProp(node, (const xmlChar *)"src");
    if (src) {
        xmlFree(src);
        return false;
    }
    xmlChar *type = xmlGetProp(node, (const xmlChar *)"type");
    bool text = true;
    if (type) {
        const char *t = (const char *)type;
        text = strcasecmp(t, "text") == 0 || strcasecmp(t, "html") == 0 || strcasecmp(t, "xhtml") == 0 ||
               strncasecmp(t, "text/", 5) == 0 || strcasecmp(t, "application/xhtml+xml") == 0;
        xmlFree(type);
    }
    return text;
}

/* ---- the formats ------------------------------------------------------------ */

static bool add_item(xc_feed *feed, size_t *capacity, const xc_feed_item *item)
{
    if (feed->count == *capacity) {
        size_t cap = *capacity ? *capacity * 2 : 16;
        xc_feed_item *grown = realloc(feed->items, cap * sizeof *grown);
        if (!grown)
            return false;
        feed->items = grown;
        *capacity = cap;
    }
    feed->items[feed->count++] = *item;
    return true;
}

static void item_free(xc_feed_item *it)
{
    free(it->id);
    free(it->title);
    free(it->link);
    free(it->published);
    free(it->author);
    free(it->summary);
    free(it->content);
    memset(it, 0, sizeof *it);
}

static bool starts_with_http(const char *s)
{
    return strncasecmp(s, "http://", 7) == 0 || strncasecmp(s, "https://", 8) == 0;
}

/* <item> of RSS 2.0 and RSS 1.0. */
static void read_rss_item(reader *r, xmlNode *node, xc_feed_item *it)
{
    char *dc_date = NULL, *permalink_guid = NULL;
    for (xmlNode *c = node->children; c; c = c->next) {
        if (is(r, c, "title")) {
            set_once(&it->title, element_text(c, TEXT_HTML, true));
        } else if (is(r, c, "link")) {
            set_once(&it->link, element_value(c));
        } else if (is(r, c, "guid")) {
            char *guid = element_value(c);
            if (guid && !permalink_guid) {
                xmlChar *permalink = xmlGetProp(c, (const xmlChar *)"isPermaLink");
                if (!(permalink && strcasecmp((const char *)permalink, "false") == 0) &&
                    starts_with_http(guid))
                    permalink_guid = strdup(guid);
                xmlFree(permalink);
            }
            set_once(&it->id, guid);
        } else if (is(r, c, "description")) {
            set_once(&it->summary, element_text(c, TEXT_HTML, false));
        } else if (is_ext(c, NS_CONTENT, "content", "encoded")) {
            set_once(&it->content, element_text(c, TEXT_HTML, false));
        } else if (is(r, c, "pubDate")) {
            set_once(&it->published, element_value(c));
        } else if (is_ext(c, NS_DC, "dc", "date")) {
            set_once(&dc_date, element_value(c));
        } else if (is_ext(c, NS_DC, "dc", "creator") || is(r, c, "author")) {
            set_once(&it->author, element_text(c, TEXT_HTML, true));
        }
    }
    if (!it->published) {
        it->published = dc_date;
        dc_date = NULL;
    }
    free(dc_date);
    if (!it->link) {
        it->link = permalink_guid;
        permalink_guid = NULL;
    }
    free(permalink_guid);
    if (!it->id && r->kind == XC_FEED_RSS1) {
        xmlChar *about = xmlGetNsProp(node, (const xmlChar *)"about", (const xmlChar *)NS_RDF);
        if (!about)
            about = xmlGetProp(node, (const xmlChar *)"about");
        if (about && *about)
            it->id = strdup((const char *)about);
        xmlFree(about);
    }
    it->link = resolve_link(r, node, it->link);
}

static void read_atom_entry(reader *r, xmlNode *node, xc_feed_item *it)
{
    char *updated = NULL, *other_link = NULL;
    for (xmlNode *c = node->children; c; c = c->next) {
        if (is(r, c, "title")) {
            set_once(&it->title, element_text(c, atom_text_kind(c), true));
        } else if (is(r, c, "link")) {
            char *rel = attribute(c, "rel");
            char *href = attribute(c, "href");
            if (!rel || strcasecmp(rel, "alternate") == 0)
                set_once(&it->link, href);
            else if (strcasecmp(rel, "related") == 0 || strcasecmp(rel, "via") == 0)
                set_once(&other_link, href);
            else
                free(href);
            free(rel);
        } else if (is(r, c, "id")) {
            set_once(&it->id, element_value(c));
        } else if (is(r, c, "published") || is(r, c, "issued")) {
            set_once(&it->published, element_value(c));
        } else if (is(r, c, "updated") || is(r, c, "modified") || is_ext(c, NS_DC, "dc", "date")) {
            set_once(&updated, element_value(c));
        } else if (is(r, c, "summary")) {
            set_once(&it->summary, element_text(c, atom_text_kind(c), false));
        } else if (is(r, c, "content")) {
            if (atom_content_is_text(c))
                set_once(&it->content, element_text(c, atom_text_kind(c), false));
        } else if (is(r, c, "author") && !it->author) {
            for (xmlNode *a = c->children; a; a = a->next)
                if (is(r, a, "name"))
                    set_once(&it->author, element_text(a, TEXT_PLAIN, true));
        } else if (is_ext(c, NS_DC, "dc", "creator")) {
            set_once(&it->author, element_text(c, TEXT_PLAIN, true));
        }
    }
    if (!it->published) {
        it->published = updated;
        updated = NULL;
    }
    free(updated);
    if (!it->link) {
        it->link = other_link;
        other_link = NULL;
    }
    free(other_link);
    it->link = resolve_link(r, node, it->link);
}

/* The channel's (or Atom feed's) own fields. */
static void read_feed_fields(reader *r, xmlNode *node, xc_feed *feed)
{
    for (xmlNode *c = node->children; c; c = c->next) {
        if (is(r, c, "title")) {
            set_once(&feed->title,
                     element_text(c, r->kind == XC_FEED_ATOM ? atom_text_kind(c) : TEXT_HTML, true));
        } else if (is(r, c, "link")) {
            if (r->kind == XC_FEED_ATOM) {
                char *rel = attribute(c, "rel");
                if (!rel || strcasecmp(rel, "alternate") == 0)
                    set_once(&feed->link, attribute(c, "href"));
                free(rel);
            } else {
                set_once(&feed->link, element_value(c));
            }
        } else if (is(r, c, "language") || is_ext(c, NS_DC, "dc", "language")) {
            set_once(&feed->language, element_value(c));
        }
    }
    if (!feed->language && r->kind == XC_FEED_ATOM) {
        xmlChar *lang = xmlNodeGetLang(node);
        if (lang && *lang)
            feed->language = strdup((const char *)lang);
        xmlFree(lang);
    }
    feed->link = resolve_link(r, node, feed->link);
}

static bool read_items(reader *r, xmlNode *parent, const char *name, xc_feed *feed,
                       size_t *capacity)
{
    for (xmlNode *c = parent->children; c; c = c->next) {
        if (!is(r, c, name))
            continue;
        xc_feed_item it = {.line = xmlGetLineNo(c)};
        if (r->kind == XC_FEED_ATOM)
            read_atom_entry(r, c, &it);
        else
            read_rss_item(r, c, &it);
        if (!add_item(feed, capacity, &it)) {
            item_free(&it);
            return false;
        }
    }
    return true;
}

/* ---- sniffing --------------------------------------------------------------- */

static const char *skip_past(const char *p, const char *end, const char *marker)
{
    size_t m = strlen(marker);
    while (p + m <= end) {
        if (memcmp(p, marker, m) == 0)
            return p + m;
        p++;
    }
    return NULL;
}

bool xc_feed_sniff(const char *data, size_t len)
{
    const char *p = data, *end = data + len;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    while (p && p < end) {
        if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') {
            p++;
        } else if (end - p >= 2 && memcmp(p, "<?", 2) == 0) {
            p = skip_past(p + 2, end, "?>");
        } else if (end - p >= 4 && memcmp(p, "<!--", 4) == 0) {
            p = skip_past(p + 4, end, "-->");
        } else if (end - p >= 9 && strncasecmp(p, "<!DOCTYPE", 9) == 0) {
            /* up to the '>' that is not inside the internal subset */
            int depth = 0;
            for (p += 9; p < end; p++) {
                if (*p == '[')
                    depth++;
                else if (*p == ']' && depth > 0)
                    depth--;
                else if (*p == '>' && depth == 0)
                    break;
            }
            p = p < end ? p + 1 : NULL;
        } else if (*p == '<') {
            const char *name = ++p;
            while (p < end && *p != '>' && *p != '/' && *p != ' ' && *p != '\t' && *p != '\r' &&
                   *p != '\n')
                p++;
            if (p == end)
                return false;
            const char *local = name;
            for (const char *q = name; q < p; q++)
                if (*q == ':')
                    local = q + 1;
            size_t n = (size_t)(p - local);
            return (n == 3 && memcmp(local, "rss", 3) == 0) || (n == 4 && memcmp(local, "feed", 4) == 0) ||
                   (n == 3 && memcmp(local, "RDF", 3) == 0);
        } else {
            return false;
        }
    }
    return false;
}

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

bool xc_feed_file_name(const char *path)
{
    return has_suffix(path, ".rss") || has_suffix(path, ".atom");
}

/* ---- parsing ---------------------------------------------------------------- */

void xc_feed_free(xc_feed *feed)
{
    for (size_t i = 0; i < feed->count; i++)
        item_free(&feed->items[i]);
    free(feed->items);
    free(feed->title);
    free(feed->link);
    free(feed->language);
    memset(feed, 0, sizeof *feed);
}

/* UTF-16 is the one encoding of XML with NUL bytes in its text. */
static bool utf16_start(const char *data, size_t len)
{
    const unsigned char *u = (const unsigned char *)data;
    return len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF) ||
                        (u[0] == '<' && u[1] == 0) || (u[0] == 0 && u[1] == '<'));
}

/* Replace each invalid byte sequence with U+FFFD; false when out of memory. */
static bool repair_utf8(char **s)
{
    if (!*s || xc_utf8_valid(*s, strlen(*s), NULL))
        return true;
    size_t len, repairs;
    char *fixed = xc_utf8_repair(*s, strlen(*s), &len, &repairs);
    if (!fixed)
        return false;
    free(*s);
    *s = fixed;
    return true;
}

/* libxml2's message for an error, on one line without the trailing newline. */
static void describe_error(const xmlError *e, char *out, size_t cap)
{
    const char *msg = e && e->message ? e->message : "unreadable";
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        n--;
    if (n > cap - 1)
        n = cap - 1;
    for (size_t i = 0; i < n; i++)
        out[i] = msg[i] == '\n' ? ' ' : msg[i];
    out[n] = '\0';
}

/* libxml2 reports some faults (encoding conversion) on its generic error
 * channel, which XML_PARSE_NOERROR does not cover: silence it while a feed
 * is read, so bad bytes are our error message and not stray stderr lines. */
static void ignore_error(void *ctx, const char *fmt, ...)
{
    (void)ctx, (void)fmt;
}

static xc_status parse_feed(const char *data, size_t len, const char *url, xc_feed *feed, xc_error *err);

xc_status xc_feed_parse(const char *data, size_t len, const char *url, xc_feed *feed, xc_error *err)
{
    xmlGenericErrorFunc saved = xmlGenericError;
    void *saved_ctx = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, ignore_error);
    xc_status st = parse_feed(data, len, url, feed, err);
    xmlSetGenericErrorFunc(saved_ctx, saved);
    return st;
}

static xc_status parse_feed(const char *data, size_t len, const char *url, xc_feed *feed, xc_error *err)
{
    memset(feed, 0, sizeof *feed);
    size_t trimmed;
    xc_trim(data, len, &trimmed);
    if (trimmed == 0)
        return xc_fail(err, XC_ERR_EMPTY, "empty feed: no XML");
    if (len > INT_MAX)
        return xc_fail(err, XC_ERR_TOO_BIG, "too big for a feed: %zu bytes", len);
    const char *nul = memchr(data, '\0', len);
    if (nul && !utf16_start(data, len))
        return xc_fail(err, XC_ERR_BINARY, "binary data: NUL byte at offset %zu", (size_t)(nul - data));

    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt)
        return xc_fail(err, XC_ERR_NOMEM, "out of memory");
    /* No XML_PARSE_NOENT (entities stay references), no XML_PARSE_HUGE
     * (libxml2's limits on entity amplification, depth and node size
     * hold), no network. */
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)len, url, NULL,
                                      XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
                                          XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT);
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root) {
        char why[200];
        describe_error(&ctxt->lastError, why, sizeof why);
        int line = ctxt->lastError.line;
        xmlFreeDoc(doc);
        xmlFreeParserCtxt(ctxt);
        if (line > 0)
            return xc_fail(err, XC_ERR_FORMAT, "not a feed: not XML (%s, line %d)", why, line);
        return xc_fail(err, XC_ERR_FORMAT, "not a feed: not XML (%s)", why);
    }
    reader r = {.doc = doc};
    const char *root_name = (const char *)root->name;
    if (strcmp(root_name, "rss") == 0) {
        r.kind = XC_FEED_RSS2;
    } else if (strcmp(root_name, "RDF") == 0) {
        r.kind = XC_FEED_RSS1;
    } else if (strcmp(root_name, "feed") == 0) {
        r.kind = XC_FEED_ATOM;
        r.core_ns = root->ns ? root->ns->href : NULL;
    } else {
        xc_fail(err, XC_ERR_FORMAT, "not an RSS or Atom feed: the root element is <%.60s>", root_name);
        xmlFreeDoc(doc);
        xmlFreeParserCtxt(ctxt);
        return XC_ERR_FORMAT;
    }
    feed->kind = r.kind;
    if (!ctxt->wellFormed) {
        describe_error(&ctxt->lastError, feed->problem, sizeof feed->problem);
        feed->problem_line = ctxt->lastError.line > 0 ? ctxt->lastError.line : 1;
    }
    size_t capacity = 0;
    bool ok = true;
    if (r.kind == XC_FEED_ATOM) {
        read_feed_fields(&r, root, feed);
        ok = read_items(&r, root, "entry", feed, &capacity);
    } else {
        /* RSS 2.0 items live in the channel, RSS 1.0 items beside it; take
         * both wherever they are. */
        for (xmlNode *c = root->children; c && ok; c = c->next)
            if (is(&r, c, "channel")) {
                read_feed_fields(&r, c, feed);
                ok = read_items(&r, c, "item", feed, &capacity);
            }
        if (ok)
            ok = read_items(&r, root, "item", feed, &capacity);
    }
    xmlFreeDoc(doc);
    xmlFreeParserCtxt(ctxt);
    /* In recovery libxml2 may pass bytes of a misdeclared encoding through
     * as they are: every field leaves here as valid UTF-8. */
    ok = ok && repair_utf8(&feed->title) && repair_utf8(&feed->link) && repair_utf8(&feed->language);
    for (size_t i = 0; ok && i < feed->count; i++) {
        xc_feed_item *it = &feed->items[i];
        ok = repair_utf8(&it->id) && repair_utf8(&it->title) && repair_utf8(&it->link) &&
             repair_utf8(&it->published) && repair_utf8(&it->author) && repair_utf8(&it->summary) &&
             repair_utf8(&it->content);
    }
    if (!ok) {
        xc_feed_free(feed);
        return xc_fail(err, XC_ERR_NOMEM, "out of memory");
    }
    return XC_OK;
}

/* ---- items into articles -------------------------------------------------- */

static size_t chars(const char *s)
{
    size_t n = 0;
    for (; s && *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

bool xc_feed_item_is_full(const xc_feed_item *item)
{
    if (!item->content)
        return false;
    size_t content = chars(item->content);
    return content >= XC_FEED_FULL_TEXT_CHARS || content > chars(item->summary);
}

static bool blank(const char *s)
{
    size_t n;
    return !s || (xc_trim(s, strlen(s), &n), n == 0);
}

static char *copy_or_null(const char *s)
{
    if (blank(s))
        return NULL;
    return strdup(s);
}

/* Valid UTF-8 for the store (the feed's fields are; a page's text is
 * checked here). */
static bool ensure_utf8(char **s, size_t *len)
{
    if (!*s || xc_utf8_valid(*s, *len, NULL))
        return true;
    size_t repairs;
    char *fixed = xc_utf8_repair(*s, *len, len, &repairs);
    if (!fixed)
        return false;
    free(*s);
    *s = fixed;
    return true;
}

xc_status xc_feed_item_article(const xc_feed *feed, const xc_feed_item *item, const char *origin,
                               const char *page_text, size_t page_text_len, xc_article_in *out,
                               xc_error *err)
{
    memset(out, 0, sizeof *out);
    bool has_title = !blank(item->title), has_summary = !blank(item->summary);
    bool full = xc_feed_item_is_full(item);
    bool from_page = !full && page_text && page_text_len > 0;
    if (!has_title && !has_summary && !full && !from_page)
        return xc_fail(err, XC_ERR_EMPTY, "empty item: no title, summary or content");

    xc_buf text = {0};
    if (full) {
        xc_buf_puts(&text, item->content);
    } else if (from_page) {
        xc_buf_append(&text, page_text, page_text_len);
    } else {
        /* A partial item: what the feed says, and where the article is. */
        if (has_title)
            xc_buf_puts(&text, item->title);
        if (has_summary && !(has_title && strcmp(item->summary, item->title) == 0))
            xc_buf_printf(&text, "%s%s", text.len ? "\n\n" : "", item->summary);
        if (!blank(item->link))
            xc_buf_printf(&text, "%s%s", text.len ? "\n\n" : "", item->link);
    }
    if (text.failed) {
        xc_buf_free(&text);
        return xc_fail(err, XC_ERR_NOMEM, "out of memory");
    }
    out->text = xc_buf_detach(&text, &out->text_len);
    if (!out->text || !ensure_utf8(&out->text, &out->text_len))
        goto nomem;
    size_t trimmed;
    xc_trim(out->text, out->text_len, &trimmed);
    if (trimmed == 0) {
        xc_article_in_free(out);
        return xc_fail(err, XC_ERR_EMPTY, "empty item: no text");
    }
    if (has_title) {
        out->title = strdup(item->title);
    } else {
        out->title = xc_title_from_text(out->text, out->text_len);
        out->title_from_text = true;
    }
    if (!out->title)
        goto nomem;
    out->source = copy_or_null(feed->title);
    out->url = copy_or_null(item->link);
    out->published_raw = copy_or_null(item->published);

    xc_buf extra = {0};
    xc_json j;
    xc_json_init(&j, &extra);
    xc_json_object_begin(&j);
    if (!full && !from_page)
        xc_json_key(&j, "partial"), xc_json_bool(&j, true);
    if (from_page)
        xc_json_key(&j, "text_from"), xc_json_string(&j, "page");
    xc_json_key(&j, "feed"), xc_json_string(&j, origin);
    if (!blank(item->author))
        xc_json_key(&j, "author"), xc_json_string(&j, item->author);
    if (!blank(feed->language))
        xc_json_key(&j, "language"), xc_json_string(&j, feed->language);
    xc_json_object_end(&j);
    out->extra_json = xc_buf_detach(&extra, NULL);
    if (!out->extra_json)
        goto nomem;

    if (!blank(item->id))
        out->id = strdup(item->id);
    else if (!blank(item->link))
        out->id = strdup(item->link);
    else
        out->id = xc_content_id(out->title, out->text, out->text_len);
    if (!out->id)
        goto nomem;
    if ((!blank(item->published) && !out->published_raw) || (!blank(item->link) && !out->url) ||
        (!blank(feed->title) && !out->source))
        goto nomem;
    out->line = item->line > 0 ? item->line : 1;
    out->body_offset = -1; /* the text was decoded from XML and HTML */
    xc_article_parse_date(out, out->line);
    xc_article_hash(out);
    return XC_OK;
nomem:
    xc_article_in_free(out);
    return xc_fail(err, XC_ERR_NOMEM, "out of memory");
}
