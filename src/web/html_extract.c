/* Main-text extraction. The page is cleaned (scripts, forms, hidden parts
 * and elements whose tag, role, class or id say boilerplate) and the text
 * of every block is measured. Names are weak evidence and the text can
 * overrule them: an element holding most of the page's paragraphs is a
 * wrapper, a class whose elements together hold most of them is the
 * page's own unit (a page builder's widgets), the article's header and a
 * lone lead teaser stay. Then two readings are made: every block judged
 * on its own (length and link density, short blocks by their neighbours,
 * as jusText does; outside the container below a block must be longer,
 * and short list items inside it count), and the best container found as
 * Readability does (paragraphs score their ancestors by length, commas
 * and link density; siblings that look like more of the article join
 * it). The blocks win unless the container holds clearly more text.
 *
 * Lengths are counted in bytes of non-space text: cheap, and what matters
 * are the ratios between blocks of the same page. */
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html_extract.h"
#include "dom.h"

#define MAX_DEPTH 512
/* Chosen on the trafilatura benchmark (`crosscheck eval extract`):
 * a good block has at least this many bytes of text with few links ... */
#define GOOD_BLOCK 40
/* ... twice as many outside the Readability container (a sidebar's
 * paragraph must be longer than the article's; F1 0.9250 -> 0.9292) ... */
#define GOOD_BLOCK_OUTSIDE 80
/* ... the best container's text is kept over the good blocks only when it
 * is this much longer (the blocks win most pages: F1 0.905 alone, 0.878
 * for the container alone, 0.907 together) ... */
#define FALLBACK_RATIO 1.2
/* ... and the container climbs to its parent while the parent holds
 * PROMOTE/10 times its good text. */
#define PROMOTE 20

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

static size_t count_elements(const xmlNode *n, int depth);

/* libxml2 parses <noscript> as markup, so an element left open in it
 * ("<noscript><div></noscript>") swallows the rest of the page (browsers
 * run scripts and read it as text); and some pages put the whole article
 * there for readers without scripts. A <noscript> holding more than a few
 * elements becomes a <div> rather than being dropped. */
#define NOSCRIPT_SWALLOWED 10

/* Remove what is never text: scripts, media, form controls, comments,
 * hidden elements. */
static void strip(xmlNode *n, int depth)
{
    xmlNode *next;
    for (xmlNode *c = n->children; c; c = next) {
        next = c->next;
        if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE || c->type == XML_DTD_NODE) {
            free_subtree(c);
        } else if (xc_dom_is_named(c, "noscript") && depth < MAX_DEPTH &&
                   count_elements(c->children, depth + 1) > NOSCRIPT_SWALLOWED) {
            xmlNodeSetName(c, (const xmlChar *)"div");
            strip(c, depth + 1);
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
        "published", "posted", "sronly", "screenreader", "teaser", "teasers",
        "linklist", "carousel", "outbrain", "taboola", "plista", "copyright",
        "header", "author", "authors", "bio", "follow", "feedback", "offcanvas",
        "dropdown", "search", "searchform", "topbar", "bottombar", "jump", "backlinks",
        "categories", "category", "archive", "archives", "calendar", "blogroll", "caption",
        "credit", "credits", "paywall", "next", "prev", "previous", "readtime",
        "newsticker", "ticker", "trust", "badge", "postinfo", "utility", "disclaimer",
        "disclosure", "affiliate", "cta", NULL};
    if (word_in(w, words))
        return true;
    /* "commentary" is an opinion piece, not the readers' comments */
    if (strncmp(w, "commentar", 9) == 0)
        return false;
    /* compounds: "jp-relatedposts", "commentlist", "entryfooter", "postmetadata" */
    static const char *const roots[] = {"related", "comment", "sharing", "social", "sidebar",
                                        "footer", "metadata", "breadcrumb", "navigation",
                                        "newsletter", "advert", "cookie", "widget", "byline",
                                        "caption", "paywall", NULL};
    for (size_t i = 0; roots[i]; i++) {
        size_t k = strlen(roots[i]);
        if (len > k && (strncmp(w, roots[i], k) == 0 || strcmp(w + len - k, roots[i]) == 0))
            return true;
    }
    return false;
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


/* The words of one class name, split as any_word does; at most `max`. */
static size_t split_words(const char *value, char words[][48], size_t max)
{
    size_t n = 0, k = 0;
    for (const char *p = value;; p++) {
        bool alnum = *p && isalnum((unsigned char)*p);
        bool hump = alnum && k > 0 && isupper((unsigned char)*p) && islower((unsigned char)p[-1]);
        if (!alnum || hump) {
            if (k > 0 && k < 48 && n < max)
                words[n++][k] = '\0';
            k = 0;
        }
        if (!*p || n == max)
            break;
        if (alnum) {
            if (k < 47)
                words[n][k] = (char)tolower((unsigned char)*p);
            k++;
        }
    }
    return n;
}

/* Why the last element was judged furniture: the class name (for
 * XC_EXTRACT_DEBUG) and the word in it. */
static _Thread_local char reason[48], reason_word[48];

/* One class name (or id) that names furniture. Some words qualify others:
 * "hidden-xs" and "elementor-hidden-phone" hide on some screens only,
 * "field--label-hidden" hides a label, "overflow-hidden" clips; an element
 * is hidden when "hidden" ends its name ("is-hidden", "visually-hidden").
 * "hide-for-print", "no-print" and "print-footer" are about paper; only
 * "print-only", "show-for-print" and the like are hidden on screen. */
static bool boilerplate_name(const char *name)
{
    char words[16][48];
    size_t n = split_words(name, words, 16);
    bool print = false, only = false;
    for (size_t i = 0; i < n; i++) {
        const char *w = words[i];
        if (strcmp(w, "print") == 0 || strcmp(w, "noprint") == 0 || strcmp(w, "notforprint") == 0) {
            print = true;
            continue;
        }
        if (strcmp(w, "only") == 0 || strcmp(w, "show") == 0 || strcmp(w, "visible") == 0)
            only = true;
        if (strcmp(w, "hidden") == 0) {
            const char *before = i > 0 ? words[i - 1] : "";
            bool qualifier = strcmp(before, "label") == 0 || strcmp(before, "overflow") == 0 ||
                             strcmp(before, "x") == 0 || strcmp(before, "y") == 0;
            if (i + 1 == n && !qualifier) {
                snprintf(reason, sizeof reason, "%.47s", name);
                snprintf(reason_word, sizeof reason_word, "%s", w);
                return true;
            }
            continue;
        }
        if (is_boilerplate_word(w, strlen(w))) {
            snprintf(reason, sizeof reason, "%.47s", name);
            snprintf(reason_word, sizeof reason_word, "%s", w);
            return true;
        }
    }
    if (print && only) {
        snprintf(reason, sizeof reason, "%.47s", name);
        snprintf(reason_word, sizeof reason_word, "print");
        return true;
    }
    return false;
}

/* WordPress-style labels of the post itself: "category-news", "tag-x". */
static bool is_label(const char *name)
{
    static const char *const labels[] = {"category-", "tag-", "author-", "format-", "status-",
                                         "type-", "post-", "comment-author-", "has-", "is-",
                                         "page-", "single-", "postid-", NULL};
    for (size_t i = 0; labels[i]; i++)
        if (strncmp(name, labels[i], strlen(labels[i])) == 0)
            return true;
    return false;
}

/* Where the generated part of a class name starts: CSS modules and
 * page builders append a hash or a number to two or more words
 * ("Newsletter__container___2dvsF", "it_trending-9"); n when there are
 * fewer words before the first digit ("category-84"). */
static size_t generated_tail(const char *p, size_t n)
{
    size_t d = 0;
    while (d < n && !isdigit((unsigned char)p[d]))
        d++;
    while (d > 0 && isalpha((unsigned char)p[d - 1]))
        d--;
    size_t words = 0;
    for (size_t i = 0; i < d; i++)
        if (isalpha((unsigned char)p[i]) && (i == 0 || !isalpha((unsigned char)p[i - 1])))
            words++;
    return words >= 2 ? d : n;
}

/* Class names are judged one by one; a name with a digit is an id or a
 * key-value label ("category-84", "postid-17725"), not a role, but the
 * words before a generated tail are. Labels
 * come in sets ("post type-post status-publish category-news"): with two
 * or more, they describe the post and are not read as roles; alone,
 * "author-box" or "post-comments" is a name like any other. */
static bool class_names_match(const char *value, bool (*fn)(const char *word, size_t len),
                              bool is_class)
{
    if (!value)
        return false;
    size_t labels = 0;
    if (fn == is_boilerplate_word)
        for (const char *p = value; *p;) {
            p += strspn(p, " \t\n");
            size_t n = strcspn(p, " \t\n");
            labels += n > 0 && is_label(p);
            p += n;
        }
    char name[128];
    for (const char *p = value; *p;) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        size_t n = strcspn(p, " \t\n");
        if (n == 0)
            break;
        bool digit = false;
        for (size_t i = 0; i < n; i++)
            digit |= isdigit((unsigned char)p[i]) != 0;
        bool label = labels >= 2 && is_label(p);
        size_t keep = digit && is_class ? generated_tail(p, n) : n;
        if (keep < n)
            digit = false;
        if (!digit && !label && keep < sizeof name) {
            memcpy(name, p, keep);
            name[keep] = '\0';
            if (fn == is_boilerplate_word ? boilerplate_name(name) : any_word(name, fn))
                return true;
        }
        p += n;
    }
    return false;
}

/* The classes blog engines give the post itself. */
static bool is_post_class(const char *w, size_t len)
{
    (void)len;
    return strcmp(w, "hentry") == 0;
}

static bool has_boilerplate_name(const xmlNode *n)
{
    return class_names_match(xc_dom_attr(n, "class"), is_boilerplate_word, true) ||
           class_names_match(xc_dom_attr(n, "id"), is_boilerplate_word, false);
}

static bool has_content_name(const xmlNode *n)
{
    return any_word(xc_dom_attr(n, "class"), is_content_word) ||
           any_word(xc_dom_attr(n, "id"), is_content_word);
}

static bool is_boilerplate(const xmlNode *n)
{
    static const char *const tags[] = {"nav", "footer", "aside", "header", "form", "figcaption",
                                       NULL};
    static const char *const roles[] = {"navigation", "banner", "contentinfo", "complementary",
                                        "search", "dialog", "alertdialog", "menu", "menubar",
                                        NULL};
    reason[0] = reason_word[0] = '\0';
    for (size_t i = 0; tags[i]; i++)
        if (strcmp((const char *)n->name, tags[i]) == 0)
            return true;
    const char *role = xc_dom_attr(n, "role");
    if (role && word_in(role, roles))
        return true;
    /* the article itself may carry labels such as "tag-politics" */
    if (xc_dom_is_named(n, "body") || xc_dom_is_named(n, "html") || xc_dom_is_named(n, "article") ||
        xc_dom_is_named(n, "main"))
        return false;
    const char *itemprop = xc_dom_attr(n, "itemprop");
    if (itemprop && strstr(itemprop, "articleBody"))
        return false;
    if (class_names_match(xc_dom_attr(n, "class"), is_post_class, true))
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
        /* an inline element's text is credited to its block (the owner);
         * measure_inline_totals gives the element its own totals after */
        measure(n->children, block ? me : owner, link, depth + 1);
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
}

static double link_density(const node_info *i)
{
    return i->text ? (double)i->link / (double)i->text : 0.0;
}

/* ---- removing boilerplate ----------------------------------------------- */

/* A furniture-named element that holds most of the page's paragraphs is
 * a wrapper (e.g. "content-sidebar-wrap"), not furniture. */
/* XC_EXTRACT_DEBUG=1 prints removals and the container, 2 their text too. */
static int debug_level(void)
{
    const char *v = getenv("XC_EXTRACT_DEBUG");
    return v ? atoi(v) > 0 ? atoi(v) : 1 : 0;
}

static bool is_article_element(const xmlNode *n)
{
    if (xc_dom_is_named(n, "article") || xc_dom_is_named(n, "main"))
        return true;
    const char *itemprop = xc_dom_attr(n, "itemprop");
    return itemprop && strstr(itemprop, "articleBody");
}

/* The article's own header (headline, lead, picture) is not the page's:
 * a header inside <article> or <main>, or one whose text is mostly
 * paragraphs with few links, is kept (its dates and bylines still go by
 * their own names). */
static bool is_article_header(const xmlNode *n, const node_info *i, bool in_article)
{
    if (!xc_dom_is_named(n, "header") && strcmp(reason_word, "header") != 0)
        return false;
    return in_article || (i->good >= 150 && i->good * 2 >= i->text && link_density(i) < 0.2);
}

static size_t count_class(const xmlNode *n, const char *cls, size_t stop, int depth)
{
    size_t k = 0;
    for (; n && k < stop && depth < MAX_DEPTH; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        const char *c = xc_dom_attr(n, "class");
        if (c && strcmp(c, cls) == 0)
            k++;
        k += count_class(n->children, cls, stop - k, depth + 1);
    }
    return k;
}

/* A form is search boxes and sign-ups, unless it wraps paragraphs (shops
 * put the whole product, description and all, in the order form). */
static bool is_text_form(const xmlNode *n, const node_info *i)
{
    return xc_dom_is_named(n, "form") && i->good >= 500 && i->good * 2 >= i->text &&
           link_density(i) < 0.2;
}

/* Another element in the page with n's class: n is one item of a list. */
static bool has_twin(const xmlNode *n)
{
    const char *cls = xc_dom_attr(n, "class");
    const xmlNode *root = n->doc ? xmlDocGetRootElement(n->doc) : NULL;
    return cls && root && count_class(root, cls, 2, 0) >= 2;
}

/* "Teaser" names both a promotion and an article's lead ("teaser-text"):
 * a lone teaser that is all paragraph text, without links, is the lead. */
static bool is_lead_teaser(const xmlNode *n, const node_info *i)
{
    if (strcmp(reason_word, "teaser") != 0)
        return false;
    return i->good >= 100 && i->good * 10 >= i->text * 9 && i->link == 0 && !has_twin(n);
}

/* Elements judged furniture are freed after the whole walk, so that
 * every judgement sees the page as it was (has_twin counts them). */
typedef struct dropped_node {
    xmlNode *node;
    char why[48]; /* the class name that named it furniture, "" for a tag or role */
    bool comment; /* ... as comments */
} dropped_node;

typedef struct node_list {
    dropped_node *items;
    size_t count, cap;
} node_list;

static void defer_free(node_list *l, xmlNode *n)
{
    if (l->count == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        dropped_node *grown = realloc(l->items, cap * sizeof *grown);
        if (!grown) {
            free_subtree(n);
            return;
        }
        l->items = grown;
        l->cap = cap;
    }
    l->items[l->count].node = n;
    snprintf(l->items[l->count].why, sizeof l->items[l->count].why, "%s", reason);
    l->items[l->count].comment = strstr(reason_word, "comment") || strstr(reason_word, "kommentar") ||
                                 strcmp(reason_word, "disqus") == 0 ||
                                 strcmp(reason_word, "replies") == 0 ||
                                 strcmp(reason_word, "respond") == 0;
    l->count++;
}

/* Class names whose elements together hold most of the page's paragraphs
 * are the page's own units (a page builder's "elementor-widget"), not
 * furniture; comments stay comments however many there are. */
typedef struct name_list {
    char (*names)[48];
    size_t count;
} name_list;

static bool name_listed(const name_list *l, const char *name)
{
    for (size_t i = 0; l && i < l->count; i++)
        if (strcmp(l->names[i], name) == 0)
            return true;
    return false;
}

static bool is_list(const xmlNode *n)
{
    return xc_dom_is_named(n, "ul") || xc_dom_is_named(n, "ol") || xc_dom_is_named(n, "dl") ||
           xc_dom_is_named(n, "li");
}

static void remove_boilerplate(xmlNode *n, size_t page_good, size_t page_text, node_list *dropped,
                               const name_list *units, int depth)
{
    xmlNode *next;
    bool in_article = false;
    for (const xmlNode *a = n; a && a->type == XML_ELEMENT_NODE && !in_article; a = a->parent)
        in_article = is_article_element(a);
    for (xmlNode *c = n->children; c; c = next) {
        next = c->next;
        if (c->type != XML_ELEMENT_NODE || !info_of(c))
            continue;
        node_info *ci = info_of(c);
        bool wrapper = (page_good > 0 && ci->good * 2 > page_good) || ci->text * 2 > page_text;
        /* a list with half the text is a list of teasers, comments or
         * menus; only one with nearly all of it wraps the page (markup
         * left open) */
        if (is_list(c) && ci->good * 10 <= page_good * 9)
            wrapper = false;
        if (depth < MAX_DEPTH && is_boilerplate(c) && !wrapper &&
            !is_article_header(c, ci, in_article) && !is_lead_teaser(c, ci) && !is_text_form(c, ci) &&
            !(reason[0] && name_listed(units, reason))) {
            defer_free(dropped, c);
            continue;
        }
        remove_boilerplate(c, page_good, page_text, dropped, units, depth + 1);
    }
}

/* The class names of two or more dropped elements that together hold
 * more than half of the page's good text (one such element is a wrapper,
 * judged on its own). */
static bool add_units(name_list *units, const node_list *dropped, size_t page_good)
{
    if (page_good == 0 || dropped->count == 0)
        return false;
    char (*names)[48] = calloc(dropped->count, sizeof *names);
    size_t *good = calloc(dropped->count, sizeof *good);
    bool *comment = calloc(dropped->count, sizeof *comment);
    size_t *many = calloc(dropped->count, sizeof *many);
    size_t kinds = 0;
    bool added = false;
    for (size_t i = 0; names && good && comment && many && i < dropped->count; i++) {
        const dropped_node *d = &dropped->items[i];
        if (!d->why[0])
            continue;
        size_t k = 0;
        while (k < kinds && strcmp(names[k], d->why) != 0)
            k++;
        if (k == kinds)
            memcpy(names[kinds++], d->why, sizeof d->why);
        good[k] += info_of(d->node)->good;
        comment[k] = d->comment;
        many[k]++;
    }
    for (size_t k = 0; good && comment && many && k < kinds; k++) {
        if (many[k] < 2 || (comment[k] ? good[k] * 4 <= page_good * 3 : good[k] * 2 <= page_good) ||
            name_listed(units, names[k]))
            continue;
        char (*grown)[48] = realloc(units->names, (units->count + 1) * sizeof *grown);
        if (!grown)
            break;
        units->names = grown;
        memcpy(units->names[units->count++], names[k], sizeof *names);
        added = true;
    }
    free(names);
    free(good);
    free(comment);
    free(many);
    return added;
}

static void remove_all_boilerplate(xmlNode *body)
{
    size_t page_good = info_of(body)->good, page_text = info_of(body)->text;
    node_list dropped = {0};
    remove_boilerplate(body, page_good, page_text, &dropped, NULL, 0);
    /* a unit may hold the next one ("elementor-widget" around
     * "elementor-widget-container"): a few rounds */
    name_list units = {0};
    for (int round = 0; round < 4 && add_units(&units, &dropped, page_good); round++) {
        dropped.count = 0;
        remove_boilerplate(body, page_good, page_text, &dropped, &units, 0);
    }
    for (size_t k = 0; debug_level() && k < units.count; k++)
        fprintf(stderr, "keep class %s: its elements hold most of the text\n", units.names[k]);
    for (size_t i = 0; i < dropped.count; i++) {
        xmlNode *c = dropped.items[i].node;
        const node_info *ci = info_of(c);
        if (debug_level())
            fprintf(stderr, "drop <%s class=%s id=%s> (%s) text %zu good %zu of %zu\n", c->name,
                    xc_dom_attr(c, "class"), xc_dom_attr(c, "id"),
                    dropped.items[i].why[0] ? dropped.items[i].why : "tag", ci->text, ci->good,
                    page_good);
        if (debug_level() >= 2) {
            char *t = xc_dom_inline_text(c);
            fprintf(stderr, "  dropped: %s\n", t ? t : "");
            free(t);
        }
        free_subtree(c);
    }
    free(dropped.items);
    free(units.names);
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

/* Blocks in document order, classified as jusText does: long blocks with
 * few links are good, link lists and crumbs are bad, and short blocks
 * (headings, one-line paragraphs) take the class of their neighbours.
 * Outside the Readability container a block must be longer to be good. */
typedef enum block_class { BLOCK_BAD, BLOCK_SHORT, BLOCK_GOOD } block_class;

typedef struct block {
    const xmlNode *node;
    block_class cls;
    bool heading;
} block;

typedef struct block_list {
    block *items;
    size_t count, cap;
} block_list;

static void collect_blocks(const xmlNode *n, block_list *list, const xmlNode *best, bool inside,
                           int depth)
{
    for (; n && depth < MAX_DEPTH; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || !info_of(n))
            continue;
        const node_info *i = info_of(n);
        if (xc_dom_is_block(n) && i->own > 0) {
            if (list->count == list->cap) {
                size_t cap = list->cap ? list->cap * 2 : 64;
                block *grown = realloc(list->items, cap * sizeof *grown);
                if (!grown)
                    return;
                list->items = grown;
                list->cap = cap;
            }
            double ld = (double)i->own_link / (double)i->own;
            size_t need = best && !inside && n != best ? GOOD_BLOCK_OUTSIDE : GOOD_BLOCK;
            block_class cls = ld > 0.5 ? BLOCK_BAD
                              : i->own >= need && ld < 0.33 ? BLOCK_GOOD
                              : BLOCK_SHORT;
            list->items[list->count++] = (block){n, cls, xc_dom_is_heading(n)};
        }
        collect_blocks(n->children, list, best, inside || n == best, depth + 1);
    }
}

/* The nearest good-or-bad neighbour's class, looking one way. */
static block_class neighbour(const block_list *list, size_t i, int step)
{
    for (size_t k = i; step < 0 ? k-- > 0 : ++k < list->count;) {
        if (list->items[k].cls != BLOCK_SHORT)
            return list->items[k].cls;
    }
    return BLOCK_BAD;
}

/* Sub-blocks are blocks of their own: write the block's inline text only. */
static bool skip_blocks(const xmlNode *n, void *root)
{
    return n != root && xc_dom_is_block(n);
}

static bool is_inside(const xmlNode *n, const xmlNode *region)
{
    for (; n; n = n->parent)
        if (n == region)
            return true;
    return false;
}

/* List items and table cells: ingredients, specifications, steps. */
static bool is_item(const xmlNode *n)
{
    return xc_dom_is_named(n, "li") || xc_dom_is_named(n, "td") || xc_dom_is_named(n, "th") ||
           xc_dom_is_named(n, "dd") || xc_dom_is_named(n, "dt");
}

/* `best` (may be NULL) is the Readability container: short items in it
 * belong to the article (a recipe's ingredients, a product's data). */
static void write_good_blocks(xmlNode *body, const xmlNode *best, xc_buf *out)
{
    block_list list = {0};
    collect_blocks(body, &list, best, false, 0);
    block_class *revised = calloc(list.count + 1, sizeof *revised);
    for (size_t i = 0; revised && i < list.count; i++) {
        block *b = &list.items[i];
        revised[i] = b->cls;
        if (b->cls != BLOCK_SHORT)
            continue;
        if (best && is_item(b->node) && is_inside(b->node, best)) {
            revised[i] = BLOCK_GOOD;
            continue;
        }
        block_class before = neighbour(&list, i, -1), after = neighbour(&list, i, +1);
        /* a heading introduces what follows; other short blocks need good on both sides */
        if (b->heading ? after == BLOCK_GOOD : before == BLOCK_GOOD && after == BLOCK_GOOD)
            revised[i] = BLOCK_GOOD;
    }
    for (size_t i = 0; revised && i < list.count; i++) {
        if (revised[i] != BLOCK_GOOD)
            continue;
        if (out->len)
            xc_buf_puts(out, "\n\n");
        size_t before = out->len;
        xc_dom_text(list.items[i].node, out, skip_blocks, (void *)list.items[i].node);
        if (out->len == before && before >= 2)
            out->len -= 2, out->data[out->len] = '\0';
    }
    free(revised);
    free(list.items);
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
    remove_all_boilerplate(body);
    measure_tree(body);
    if (debug_level() >= 3) {
        char *t = xc_dom_inline_text(body);
        fprintf(stderr, "left: %s\n", t ? t : "");
        free(t);
    }
    score_paragraphs(body->children, 1);
    xmlNode *best = NULL;
    double best_score = 0;
    best_candidate(body->children, &best, &best_score, 1);
    /* an article in parts (sections, several <article>s, page-builder
     * widgets): climb while the parent holds much more good text */
    while (best && best->parent && best->parent != body && best->parent->type == XML_ELEMENT_NODE &&
           info_of(best->parent) && info_of(best->parent)->good * 10 > info_of(best)->good * PROMOTE &&
           link_density(info_of(best->parent)) < 0.35) {
        best = best->parent;
        best_score = fmax(best_score, final_score(best));
    }
    if (best && debug_level())
        fprintf(stderr, "best <%s class=%s id=%s> score %.1f text %zu good %zu\n", best->name,
                xc_dom_attr(best, "class"), xc_dom_attr(best, "id"), best_score, info_of(best)->text,
                info_of(best)->good);
    size_t start = out->len;
    if (best)
        write_content(best, best_score, out);
    /* too little next to what the page's good blocks hold: the container
     * was a fragment; judge every block on its own instead */
    size_t got = 0, ignored = 0;
    if (out->data)
        got = text_bytes(out->data + start, &ignored);
    xc_buf blocks = {0};
    /* a container without one good paragraph is no guide to the blocks */
    write_good_blocks(body, best && info_of(best)->good > 0 ? best : NULL, &blocks);
    size_t all = blocks.data ? text_bytes(blocks.data, &ignored) : 0;
    if (got < 250 || (double)got < FALLBACK_RATIO * (double)all) {
        out->len = start;
        if (out->data)
            out->data[start] = '\0';
        xc_buf_append(out, xc_buf_str(&blocks), blocks.len);
        if (out->len == start && best)
            write_content(best, best_score, out);
    }
    xc_buf_free(&blocks);
    /* the nodes' _private pointers go stale with the array */
    free(x.info);
    return !out->failed;
}
