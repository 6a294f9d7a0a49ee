/* Main-text extraction. The page is cleaned (scripts, forms, hidden parts
 * and elements whose tag, role, class or id say boilerplate), the text of
 * every block is measured, paragraphs score their ancestors as Readability
 * does (length, commas, link density), the best-scoring container is taken
 * with the siblings that look like more of the same article, and its text
 * is written with paragraphs kept. When that yields little, every block of
 * the page is judged on its own (length and link density, as jusText does)
 * and the good ones are kept.
 *
 * Lengths are counted in bytes of non-space text: cheap, and what matters
 * are the ratios between blocks of the same page. */
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "html_extract.h"
#include "dom.h"

#define MAX_DEPTH 512

typedef struct node_info {
    size_t text;      /* non-space bytes of text in the subtree           */
    size_t link;      /* ... of which inside links                        */
    size_t own;       /* inline text of this block (not through sub-blocks) */
    size_t own_link;
    size_t commas;    /* in the inline text                               */
    size_t good;      /* bytes of good paragraphs in the subtree          */
    size_t links;     /* <a> elements in the subtree                      */
    double score;     /* from the paragraphs below                        */
    bool candidate;
} node_info;

typedef struct extractor {
    node_info *info;
    size_t count, cap;
} extractor;

static node_info *info_of(const xmlNode *n)
{
    return (node_info *)n->_private;
}

/* ---- cleaning ---------------------------------------------------------- */

static bool is_dropped_tag(const xmlNode *n)
{
    static const char *const tags[] = {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
        "canvas", "video", "audio", "map", "select", "option", "button", "input", "textarea",
        "link", "meta", "head", "title", "source", "track", "picture", "img", "dialog", "menu",
        NULL};
    for (size_t i = 0; tags[i]; i++)
        if (strcmp((const char *)n->name, tags[i]) == 0)
            return true;
    return false;
}

static bool is_hidden(const xmlNode *n)
{
    if (xmlHasProp(n, (const xmlChar *)"hidden"))
        return true;
    const char *aria = xc_dom_attr(n, "aria-hidden");
    if (aria && strcmp(aria, "true") == 0)
        return true;
    const char *style = xc_dom_attr(n, "style");
    if (style) {
        /* display:none / visibility:hidden, spaces allowed */
        char squeezed[256];
        size_t k = 0;
        for (const char *p = style; *p && k + 1 < sizeof squeezed; p++)
            if (!isspace((unsigned char)*p))
                squeezed[k++] = (char)tolower((unsigned char)*p);
        squeezed[k] = '\0';
        if (strstr(squeezed, "display:none") || strstr(squeezed, "visibility:hidden"))
            return true;
    }
    return false;
}

static void free_subtree(xmlNode *n)
{
    xmlUnlinkNode(n);
    xmlFreeNode(n);
}

/* Remove what is never text: scripts, media, form controls, comments,
 * hidden elements. */
static void strip(xmlNode *n, int depth)
{
    xmlNode *next;
    for (xmlNode *c = n->children; c; c = next) {
        next = c->next;
        if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE || c->type == XML_DTD_NODE) {
            free_subtree(c);
        } else if (c->type == XML_ELEMENT_NODE) {
            if (depth >= MAX_DEPTH || is_dropped_tag(c) || is_hidden(c))
                free_subtree(c);
            else
                strip(c, depth + 1);
        }
    }
}

/* ---- class and id words ------------------------------------------------ */

/* Split a class/id value into lower-case words at non-letters and at
 * camelCase humps; call `fn` for each until it returns true. */
static bool any_word(const char *value, bool (*fn)(const char *word, size_t len))
{
    if (!value)
        return false;
    char word[48];
    size_t k = 0;
    for (const char *p = value;; p++) {
        bool alnum = *p && isalnum((unsigned char)*p);
        bool hump = alnum && k > 0 && isupper((unsigned char)*p) && islower((unsigned char)p[-1]);
        if (!alnum || hump) {
            if (k > 0 && k < sizeof word) {
                word[k] = '\0';
                if (fn(word, k))
                    return true;
            }
            k = 0;
        }
        if (!*p)
            break;
        if (alnum) {
            if (k < sizeof word - 1)
                word[k] = (char)tolower((unsigned char)*p);
            k++;
        }
    }
    return false;
}

static bool word_in(const char *word, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(word, list[i]) == 0)
            return true;
    return false;
}

/* Words that name page furniture. */
static bool is_boilerplate_word(const char *w, size_t len)
{
    (void)len;
    static const char *const words[] = {
        "nav", "navbar", "navigation", "menu", "menus", "mainmenu", "submenu", "topmenu", "footer",
        "sidebar", "sidebars", "widget", "widgets", "breadcrumb", "breadcrumbs", "crumbs",
        "cookie", "cookies", "consent", "gdpr", "banner", "ad", "ads", "adv", "advert",
        "adverts", "advertisement", "advertising", "anzeige", "werbung", "sponsor", "sponsored",
        "promo", "promotion", "newsletter", "subscribe", "subscription", "social", "share",
        "sharing", "shares", "sharebar", "shariff", "socials", "comment", "comments",
        "kommentare", "disqus", "respond", "replies", "related", "recommended",
        "recommendations", "popular", "trending", "mostread", "tags", "tagcloud", "taglist",
        "pagination", "pager", "paging", "skip", "skiplink", "login", "signup", "signin",
        "modal", "popup", "overlay", "lightbox", "toolbar", "masthead", "rating", "ratings",
        "byline", "meta", "postmeta", "date", "dates", "datum", "timestamp", "dateline",
        "published", "posted", "hidden", "sronly", "screenreader", "teaser", "teasers",
        "linklist", "carousel", "outbrain", "taboola", "plista", "copyright", "print",
        "header", "masthead", "author", "authors", "bio", "follow", "feedback", "offcanvas",
        "dropdown", "search", "searchform", "topbar", "bottombar", "jump", "backlinks",
        "categories", "category", "archive", "archives", "calendar", "blogroll", NULL};
    return word_in(w, words);
}

/* Words that, on their own, mark the article itself. */
static bool is_content_word(const char *w, size_t len)
{
    (void)len;
    static const char *const words[] = {
        "article", "articlebody", "content", "main", "post", "entry", "story", "text", "body",
        "blogpost", "hentry", "prose", "artikel", "inhalt", "beitrag", "maincontent",
        "postcontent", "entrycontent", "storybody", "page", NULL};
    return word_in(w, words);
}

static bool has_boilerplate_name(const xmlNode *n)
{
    return any_word(xc_dom_attr(n, "class"), is_boilerplate_word) ||
           any_word(xc_dom_attr(n, "id"), is_boilerplate_word);
}

static bool has_content_name(const xmlNode *n)
{
    return any_word(xc_dom_attr(n, "class"), is_content_word) ||
           any_word(xc_dom_attr(n, "id"), is_content_word);
}

static bool is_boilerplate(const xmlNode *n)
{
    static const char *const tags[] = {"nav", "footer", "aside", "header", "form", NULL};
    static const char *const roles[] = {"navigation", "banner", "contentinfo", "complementary",
                                        "search", "dialog", "alertdialog", "menu", "menubar",
                                        NULL};
    for (size_t i = 0; tags[i]; i++)
        if (strcmp((const char *)n->name, tags[i]) == 0)
            return true;
    const char *role = xc_dom_attr(n, "role");
    if (role && word_in(role, roles))
        return true;
    if (xc_dom_is_named(n, "body") || xc_dom_is_named(n, "html"))
        return false;
    return has_boilerplate_name(n);
}

/* ---- measuring --------------------------------------------------------- */

static size_t count_elements(const xmlNode *n, int depth)
{
    size_t k = 0;
    for (; n && depth < MAX_DEPTH; n = n->next)
        if (n->type == XML_ELEMENT_NODE)
            k += 1 + count_elements(n->children, depth + 1);
    return k;
}

static void attach_info(extractor *x, xmlNode *n, int depth)
{
    for (; n && depth < MAX_DEPTH; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (x->count < x->cap) {
            memset(&x->info[x->count], 0, sizeof x->info[x->count]);
            n->_private = &x->info[x->count++];
        }
        attach_info(x, n->children, depth + 1);
    }
}

static size_t text_bytes(const char *s, size_t *commas)
{
    size_t k = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' || *p == '\f')
            continue;
        k++;
        if (*p == ',')
            (*commas)++;
        else if (p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x8C) /* ， */
            (*commas)++;
        else if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x81) /* 、 */
            (*commas)++;
    }
    return k;
}

/* Post-order: text and link bytes of every subtree; the inline text of
 * each block goes to that block (`owner`). */
static void measure(xmlNode *n, node_info *owner, bool in_link, int depth)
{
    for (; n && depth < MAX_DEPTH; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (!n->content || !owner)
                continue;
            size_t commas = 0, k = text_bytes((const char *)n->content, &commas);
            owner->own += k;
            owner->commas += commas;
            if (in_link)
                owner->own_link += k;
            continue;
        }
        node_info *me = n->type == XML_ELEMENT_NODE ? info_of(n) : NULL;
        if (!me)
            continue;
        memset(me, 0, sizeof *me);
        bool link = in_link || xc_dom_is_named(n, "a");
        bool block = xc_dom_is_block(n);
        measure(n->children, block ? me : owner, link, depth + 1);
        if (!block && owner) {
            /* inline: its text was credited to the owner; count it here too */
        }
        me->links = xc_dom_is_named(n, "a");
        for (xmlNode *c = n->children; c; c = c->next) {
            node_info *ci = c->type == XML_ELEMENT_NODE ? info_of(c) : NULL;
            if (!ci)
                continue;
            me->text += ci->text;
            me->link += ci->link;
            me->links += ci->links;
            me->good += ci->good;
        }
        if (block) {
            me->text += me->own;
            me->link += me->own_link;
            if (me->own >= 80 && me->own_link * 10 < me->own * 3)
                me->good += me->own;
        }
    }
}

/* Inline elements pass their text to the block above, so their own text
 * total must be summed separately for link density inside them. */
static void measure_inline_totals(xmlNode *n, int depth)
{
    for (; n && depth < MAX_DEPTH; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || !info_of(n))
            continue;
        measure_inline_totals(n->children, depth + 1);
        if (xc_dom_is_block(n))
            continue;
        node_info *me = info_of(n);
        size_t commas = 0;
        bool link = xc_dom_is_named(n, "a");
        me->text = 0;
        me->link = 0;
        for (xmlNode *c = n->children; c; c = c->next) {
            if (c->type == XML_TEXT_NODE && c->content) {
                size_t k = text_bytes((const char *)c->content, &commas);
                me->text += k;
                if (link)
                    me->link += k;
            } else if (c->type == XML_ELEMENT_NODE && info_of(c)) {
                me->text += info_of(c)->text;
                me->link += link ? info_of(c)->text : info_of(c)->link;
            }
        }
    }
}

static void measure_tree(xmlNode *body)
{
    measure(body, NULL, false, 0);
    measure_inline_totals(body, 0);
    /* blocks: add inline children's totals were already in own; nothing more */
}

static double link_density(const node_info *i)
{
    return i->text ? (double)i->link / (double)i->text : 0.0;
}

/* ---- removing boilerplate ----------------------------------------------- */

/* A furniture-named element that holds most of the page's paragraphs is
 * a wrapper (e.g. "content-sidebar-wrap"), not furniture. */
static void remove_boilerplate(xmlNode *n, size_t page_good, int depth)
{
    xmlNode *next;
    for (xmlNode *c = n->children; c; c = next) {
        next = c->next;
        if (c->type != XML_ELEMENT_NODE || !info_of(c))
            continue;
        node_info *ci = info_of(c);
        if (depth < MAX_DEPTH && is_boilerplate(c) && !(page_good > 0 && ci->good * 2 > page_good)) {
            free_subtree(c);
            continue;
        }
        remove_boilerplate(c, page_good, depth + 1);
    }
}

/* ---- scoring ------------------------------------------------------------- */

static double class_weight(const xmlNode *n)
{
    double w = 0;
    if (has_content_name(n))
        w += 25;
    if (xc_dom_is_named(n, "article") || xc_dom_is_named(n, "main"))
        w += 25;
    const char *itemprop = xc_dom_attr(n, "itemprop");
    if (itemprop && strstr(itemprop, "articleBody"))
        w += 50;
    return w;
}

static void score_paragraphs(xmlNode *n, int depth)
{
    for (; n && depth < MAX_DEPTH; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || !info_of(n))
            continue;
        score_paragraphs(n->children, depth + 1);
        node_info *me = info_of(n);
        if (!xc_dom_is_block(n) || me->own < 25)
            continue;
        double s = 1 + (double)me->commas + fmin((double)me->own / 100.0, 3.0);
        s *= 1.0 - (me->own ? (double)me->own_link / (double)me->own : 0.0);
        /* a block with its own text is content itself; its ancestors too */
        me->score += s;
        me->candidate = true;
        int level = 0;
        for (xmlNode *a = n->parent; a && a->type == XML_ELEMENT_NODE && level < 5;
             a = a->parent, level++) {
            node_info *ai = info_of(a);
            if (!ai)
                break;
            ai->candidate = true;
            ai->score += level == 0 ? s : level == 1 ? s / 2 : s / (level * 3);
        }
    }
}

static double final_score(const xmlNode *n)
{
    const node_info *i = info_of(n);
    return i->score * (1.0 - link_density(i)) + class_weight(n);
}

static void best_candidate(xmlNode *n, xmlNode **best, double *best_score, int depth)
{
    for (; n && depth < MAX_DEPTH; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || !info_of(n))
            continue;
        if (info_of(n)->candidate) {
            double s = final_score(n);
            if (s > *best_score) {
                *best_score = s;
                *best = n;
            }
        }
        best_candidate(n->children, best, best_score, depth + 1);
    }
}

/* ---- writing ------------------------------------------------------------- */

/* Inside the content: lists and boxes that are mostly links (related
 * articles, tag lists) are left out. */
static bool skip_in_content(const xmlNode *n, void *user)
{
    (void)user;
    const node_info *i = info_of(n);
    if (!i)
        return false;
    if (xc_dom_is_named(n, "a") || !xc_dom_is_block(n))
        return false;
    if (i->links >= 2 && i->text > 0 && link_density(i) > 0.6)
        return true;
    return false;
}

static bool is_sibling_content(const xmlNode *s, double threshold)
{
    const node_info *i = info_of(s);
    if (!i || i->text == 0)
        return false;
    if (i->candidate && final_score(s) >= threshold)
        return true;
    double ld = link_density(i);
    if (xc_dom_is_named(s, "p") || xc_dom_is_heading(s) || xc_dom_is_named(s, "blockquote") ||
        xc_dom_is_named(s, "ul") || xc_dom_is_named(s, "ol") || xc_dom_is_named(s, "pre") ||
        xc_dom_is_named(s, "table")) {
        if (i->text >= 80 && ld < 0.25)
            return true;
        if (i->text > 0 && ld == 0)
            return true;
    }
    return false;
}

static void write_content(xmlNode *best, double best_score, xc_buf *out)
{
    xmlNode *parent = best->parent;
    double threshold = fmax(10.0, best_score * 0.2);
    if (!parent || parent->type != XML_ELEMENT_NODE) {
        xc_dom_text(best, out, skip_in_content, NULL);
        return;
    }
    for (xmlNode *s = parent->children; s; s = s->next) {
        if (s->type == XML_TEXT_NODE) {
            continue;
        }
        if (s->type != XML_ELEMENT_NODE)
            continue;
        if (s == best || is_sibling_content(s, threshold)) {
            if (out->len)
                xc_buf_puts(out, "\n\n");
            size_t before = out->len;
            xc_dom_text(s, out, skip_in_content, NULL);
            if (out->len == before && before >= 2)
                out->len -= 2, out->data[out->len] = '\0';
        }
    }
}

/* ---- the fallback: every block on its own ------------------------------ */

static void write_good_blocks(xmlNode *n, xc_buf *out, int depth)
{
    for (; n && depth < MAX_DEPTH; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || !info_of(n))
            continue;
        const node_info *i = info_of(n);
        if (xc_dom_is_block(n) && i->own >= 50 && i->own_link * 3 < i->own) {
            /* the block's inline text alone */
            xc_buf b = {0};
            for (xmlNode *c = n->children; c; c = c->next) {
                if (c->type == XML_ELEMENT_NODE && xc_dom_is_block(c))
                    continue;
                if (c->type == XML_TEXT_NODE && c->content)
                    xc_buf_puts(&b, (const char *)c->content);
                else if (c->type == XML_ELEMENT_NODE) {
                    xc_buf t = {0};
                    xc_dom_text(c, &t, NULL, NULL);
                    xc_buf_puts(&b, " ");
                    xc_buf_append(&b, xc_buf_str(&t), t.len);
                    xc_buf_puts(&b, " ");
                    xc_buf_free(&t);
                }
            }
            xmlNode tmp = {.type = XML_TEXT_NODE, .content = (xmlChar *)(b.data ? b.data : "")};
            if (out->len)
                xc_buf_puts(out, "\n\n");
            xc_dom_text(&tmp, out, NULL, NULL);
            xc_buf_free(&b);
        }
        write_good_blocks(n->children, out, depth + 1);
    }
}

bool xc_html_main_text(htmlDocPtr doc, xc_buf *out)
{
    xmlNode *root = xmlDocGetRootElement(doc);
    if (!root)
        return true;
    xmlNode *body = xc_dom_find(root, "body");
    if (!body)
        body = root;
    strip(body, 0);
    extractor x = {0};
    x.cap = count_elements(body, 0) + 1;
    x.info = calloc(x.cap, sizeof *x.info);
    if (!x.info)
        return false;
    /* body itself first, then its subtree */
    body->_private = &x.info[x.count++];
    attach_info(&x, body->children, 1);
    measure_tree(body);
    remove_boilerplate(body, info_of(body)->good, 0);
    measure_tree(body);
    score_paragraphs(body->children, 1);
    xmlNode *best = NULL;
    double best_score = 0;
    best_candidate(body->children, &best, &best_score, 1);
    size_t start = out->len;
    if (best)
        write_content(best, best_score, out);
    /* too little: judge every block on its own */
    size_t got = 0, ignored = 0;
    if (out->data)
        got = text_bytes(out->data + start, &ignored);
    if (got < 250) {
        out->len = start;
        if (out->data)
            out->data[start] = '\0';
        write_good_blocks(body, out, 0);
        if (out->len == start && best)
            write_content(best, best_score, out);
    }
    /* the nodes' _private pointers go stale with the array */
    free(x.info);
    return !out->failed;
}
