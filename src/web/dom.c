/* libxml2 helpers. The HTML parser lower-cases element names and repairs
 * the tree as browsers do; everything here works on that repaired tree. */
#include <stdlib.h>
#include <string.h>

#include "dom.h"

/* libxml2 stops at a nesting this deep without XML_PARSE_HUGE; walks
 * below stop at the same depth so a hand-built tree cannot overflow. */
#define MAX_DEPTH 512

htmlDocPtr xc_dom_parse(const char *utf8, size_t len, const char *url)
{
    if (len > (size_t)0x7fffffff)
        return NULL;
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                  HTML_PARSE_NONET | HTML_PARSE_COMPACT;
    /* libxml2 ends the document at a NUL byte; browsers read past it
     * (U+FFFD or nothing), so a stray NUL becomes a space */
    if (memchr(utf8, '\0', len)) {
        char *copy = malloc(len ? len : 1);
        if (!copy)
            return NULL;
        for (size_t i = 0; i < len; i++)
            copy[i] = utf8[i] ? utf8[i] : ' ';
        htmlDocPtr doc = htmlReadMemory(copy, (int)len, url, "UTF-8", options);
        free(copy);
        return doc;
    }
    return htmlReadMemory(utf8, (int)len, url, "UTF-8", options);
}

bool xc_dom_is_named(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, name) == 0;
}

static bool name_in(const xmlNode *n, const char *const *names)
{
    if (!n || n->type != XML_ELEMENT_NODE || !n->name)
        return false;
    for (size_t i = 0; names[i]; i++)
        if (strcmp((const char *)n->name, names[i]) == 0)
            return true;
    return false;
}

/* Called for every node of every walk: a switch on the first letter
 * instead of a list of string compares. */
static bool is_block_name(const char *s)
{
#define IS(x) (strcmp(s, x) == 0)
    switch (s[0]) {
    case 'a': return IS("article") || IS("aside") || IS("address");
    case 'b': return IS("br") || IS("body") || IS("blockquote");
    case 'c': return IS("center") || IS("caption");
    case 'd': return IS("div") || IS("dl") || IS("dt") || IS("dd") || IS("details") || IS("dialog");
    case 'f': return IS("footer") || IS("figure") || IS("figcaption") || IS("form") || IS("fieldset");
    case 'h': return (s[1] >= '1' && s[1] <= '6' && !s[2]) || IS("header") || IS("hr") || IS("html") ||
                     IS("hgroup");
    case 'l': return IS("li") || IS("legend");
    case 'm': return IS("main") || IS("menu");
    case 'n': return IS("nav");
    case 'o': return IS("ol");
    case 'p': return IS("p") || IS("pre");
    case 's': return IS("section") || IS("summary");
    case 't': return IS("td") || IS("tr") || IS("th") || IS("table") || IS("tbody") || IS("thead") ||
                     IS("tfoot");
    case 'u': return IS("ul");
    default: return false;
    }
#undef IS
}

bool xc_dom_is_block(const xmlNode *n)
{
    return n && n->type == XML_ELEMENT_NODE && n->name && is_block_name((const char *)n->name);
}

bool xc_dom_is_heading(const xmlNode *n)
{
    static const char *const headings[] = {"h1", "h2", "h3", "h4", "h5", "h6", NULL};
    return name_in(n, headings);
}

const char *xc_dom_attr(const xmlNode *n, const char *name)
{
    if (!n || n->type != XML_ELEMENT_NODE)
        return NULL;
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (a->name && strcasecmp((const char *)a->name, name) == 0) {
            if (a->children && a->children->type == XML_TEXT_NODE && a->children->content &&
                a->children->content[0])
                return (const char *)a->children->content;
            return NULL;
        }
    }
    return NULL;
}

static xmlNode *find_at(xmlNode *n, const char *name, int depth)
{
    for (; n && depth < MAX_DEPTH; n = n->next) {
        if (xc_dom_is_named(n, name))
            return n;
        if (n->type == XML_ELEMENT_NODE) {
            xmlNode *hit = find_at(n->children, name, depth + 1);
            if (hit)
                return hit;
        }
    }
    return NULL;
}

xmlNode *xc_dom_find(xmlNode *n, const char *name)
{
    return n ? find_at(n, name, 0) : NULL;
}

/* ---- text with block structure --------------------------------------- */

typedef struct text_writer {
    xc_buf *out;
    int pending;   /* 0 nothing, 1 a space, 2 a line break, 3 a paragraph break */
    xc_dom_skip_fn skip;
    void *user;
} text_writer;

static void want_break(text_writer *w, int level)
{
    if (w->pending < level)
        w->pending = level;
}

static void put_text(text_writer *w, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        /* ASCII white space and no-break space (U+00A0) collapse */
        if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' || *p == '\f') {
            want_break(w, 1);
            p++;
            continue;
        }
        if (p[0] == 0xC2 && p[1] == 0xA0) {
            want_break(w, 1);
            p += 2;
            continue;
        }
        /* invisible: soft hyphen U+00AD, zero-width space U+200B, BOM U+FEFF */
        if ((p[0] == 0xC2 && p[1] == 0xAD) || (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x8B) ||
            (p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)) {
            p += p[0] == 0xC2 ? 2 : 3;
            continue;
        }
        const unsigned char *start = p;
        while (*p && *p != ' ' && *p != '\n' && *p != '\t' && *p != '\r' && *p != '\f' &&
               !(p[0] == 0xC2 && (p[1] == 0xA0 || p[1] == 0xAD)) &&
               !(p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x8B) &&
               !(p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF))
            p++;
        if (w->out->len > 0 && w->pending) {
            static const char *const seps[] = {"", " ", "\n", "\n\n"};
            xc_buf_puts(w->out, seps[w->pending]);
        }
        w->pending = 0;
        xc_buf_append(w->out, start, (size_t)(p - start));
    }
}

static int break_after(const xmlNode *n)
{
    const char *name = (const char *)n->name;
    if (strcmp(name, "td") == 0 || strcmp(name, "th") == 0)
        return 1;
    if (strcmp(name, "br") == 0 || strcmp(name, "li") == 0 || strcmp(name, "tr") == 0 ||
        strcmp(name, "dt") == 0 || strcmp(name, "dd") == 0)
        return 2;
    return 3;
}

static void write_nodes(text_writer *w, const xmlNode *n, int depth)
{
    for (; n && depth < MAX_DEPTH; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content)
                put_text(w, (const char *)n->content);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE || (w->skip && w->skip(n, w->user)))
            continue;
        bool block = xc_dom_is_block(n);
        if (block)
            want_break(w, break_after(n));
        write_nodes(w, n->children, depth + 1);
        if (block)
            want_break(w, break_after(n));
    }
}

void xc_dom_text(const xmlNode *n, xc_buf *out, xc_dom_skip_fn skip, void *user)
{
    text_writer w = {.out = out, .skip = skip, .user = user};
    if (!n)
        return;
    if (n->type == XML_ELEMENT_NODE && skip && skip(n, user))
        return;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content)
            put_text(&w, (const char *)n->content);
        return;
    }
    write_nodes(&w, n->children, 0);
}

char *xc_dom_inline_text(const xmlNode *n)
{
    xc_buf b = {0};
    xc_dom_text(n, &b, NULL, NULL);
    for (size_t i = 0; i < b.len; i++)
        if (b.data[i] == '\n')
            b.data[i] = ' ';
    /* a paragraph break became two spaces: squeeze */
    size_t k = 0;
    for (size_t i = 0; i < b.len; i++)
        if (!(b.data[i] == ' ' && k > 0 && b.data[k - 1] == ' '))
            b.data[k++] = b.data[i];
    if (b.data)
        b.data[k] = '\0';
    b.len = k;
    if (b.len == 0) {
        xc_buf_free(&b);
        return NULL;
    }
    return xc_buf_detach(&b, NULL);
}
