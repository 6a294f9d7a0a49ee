/* Metadata, most trustworthy source first: JSON-LD and Open Graph are
 * written for machines, <title> and visible text for people. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "html_meta.h"
#include "dom.h"

#define MAX_DEPTH 512

typedef struct meta {
    /* candidates by source; the first non-NULL of each list wins */
    char *og_title, *ld_headline, *title_tag, *h1;
    char *ld_published, *meta_published, *itemprop_published, *time_published, *visible_date;
    char *ld_author, *meta_author, *rel_author;
    char *og_site, *ld_publisher, *app_name;
    char *canonical, *og_url;
    char *html_lang, *meta_lang, *og_locale, *ld_lang;
    char *description, *og_description;
} meta;

static void take(char **slot, const char *value)
{
    if (*slot || !value)
        return;
    while (isspace((unsigned char)*value))
        value++;
    if (!*value)
        return;
    *slot = strdup(value);
    /* squeeze white space runs */
    char *s = *slot;
    if (!s)
        return;
    size_t k = 0;
    for (size_t i = 0; s[i]; i++) {
        char c = isspace((unsigned char)s[i]) ? ' ' : s[i];
        if (!(c == ' ' && (k == 0 || s[k - 1] == ' ')))
            s[k++] = c;
    }
    while (k > 0 && s[k - 1] == ' ')
        k--;
    s[k] = '\0';
}

static void take_owned(char **slot, char *value)
{
    take(slot, value);
    free(value);
}

/* ---- <meta> ------------------------------------------------------------- */

static bool name_is(const char *name, const char *const *names)
{
    for (size_t i = 0; names[i]; i++)
        if (strcasecmp(name, names[i]) == 0)
            return true;
    return false;
}

static void read_meta(meta *m, const xmlNode *n)
{
    const char *content = xc_dom_attr(n, "content");
    if (!content)
        return;
    const char *key = xc_dom_attr(n, "property");
    if (!key)
        key = xc_dom_attr(n, "name");
    if (!key)
        key = xc_dom_attr(n, "itemprop");
    const char *equiv = xc_dom_attr(n, "http-equiv");
    if (equiv && strcasecmp(equiv, "content-language") == 0)
        take(&m->meta_lang, content);
    if (!key)
        return;
    static const char *const published[] = {
        "article:published_time", "og:published_time", "datePublished", "date", "pubdate",
        "publishdate", "publish-date", "publish_date", "dc.date", "dc.date.issued",
        "dcterms.date", "dcterms.created", "dc.date.created", "sailthru.date", "parsely-pub-date",
        "article.published", "published_time", "article_date_original", "cxenseparse:recs:publishtime",
        "og:article:published_time", "release_date", "originalpublicationdate", NULL};
    static const char *const authors[] = {"author", "article:author", "dc.creator", "dcterms.creator",
                                          "sailthru.author", "parsely-author", "byl", NULL};
    if (strcasecmp(key, "og:title") == 0 || strcasecmp(key, "twitter:title") == 0)
        take(&m->og_title, content);
    else if (name_is(key, published))
        take(&m->meta_published, content);
    else if (name_is(key, authors)) {
        /* article:author is often a profile URL, not a name */
        if (strncmp(content, "http", 4) != 0)
            take(&m->meta_author, content);
    } else if (strcasecmp(key, "og:site_name") == 0)
        take(&m->og_site, content);
    else if (strcasecmp(key, "application-name") == 0)
        take(&m->app_name, content);
    else if (strcasecmp(key, "og:url") == 0)
        take(&m->og_url, content);
    else if (strcasecmp(key, "og:locale") == 0)
        take(&m->og_locale, content);
    else if (strcasecmp(key, "description") == 0)
        take(&m->description, content);
    else if (strcasecmp(key, "og:description") == 0 || strcasecmp(key, "twitter:description") == 0)
        take(&m->og_description, content);
    else if (strcasecmp(key, "language") == 0 || strcasecmp(key, "dc.language") == 0)
        take(&m->meta_lang, content);
}

/* ---- JSON-LD ------------------------------------------------------------- */

static const char *json_string(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* A person or organisation: a string, {"name": ...}, or a list of them. */
static void json_names(const cJSON *v, char **slot)
{
    if (cJSON_IsString(v)) {
        take(slot, v->valuestring);
    } else if (cJSON_IsObject(v)) {
        take(slot, json_string(v, "name"));
    } else if (cJSON_IsArray(v)) {
        /* "A, B" for several authors */
        char joined[512] = "";
        size_t k = 0;
        const cJSON *e;
        cJSON_ArrayForEach(e, v)
        {
            const char *name = cJSON_IsString(e) ? e->valuestring
                               : cJSON_IsObject(e) ? json_string(e, "name") : NULL;
            if (!name || !*name)
                continue;
            int n = snprintf(joined + k, sizeof joined - k, "%s%s", k ? ", " : "", name);
            if (n < 0 || (size_t)n >= sizeof joined - k)
                break;
            k += (size_t)n;
        }
        if (k)
            take(slot, joined);
    }
}

static bool is_article_type(const cJSON *type)
{
    static const char *const types[] = {"NewsArticle", "Article", "BlogPosting", "ReportageNews",
                                        "AnalysisNewsArticle", "OpinionNewsArticle", "Report",
                                        "LiveBlogPosting", "TechArticle", "ScholarlyArticle",
                                        "WebPage", "BackgroundNewsArticle", "SocialMediaPosting",
                                        NULL};
    if (cJSON_IsString(type))
        return name_is(type->valuestring, types);
    const cJSON *e;
    cJSON_ArrayForEach(e, type)
    {
        if (cJSON_IsString(e) && name_is(e->valuestring, types))
            return true;
    }
    return false;
}

static void read_ld_object(meta *m, const cJSON *o, int depth)
{
    if (depth > 8)
        return;
    if (cJSON_IsArray(o)) {
        const cJSON *e;
        cJSON_ArrayForEach(e, o) read_ld_object(m, e, depth + 1);
        return;
    }
    if (!cJSON_IsObject(o))
        return;
    const cJSON *graph = cJSON_GetObjectItemCaseSensitive(o, "@graph");
    if (graph)
        read_ld_object(m, graph, depth + 1);
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(o, "@type");
    if (!is_article_type(type))
        return;
    bool webpage = cJSON_IsString(type) && strcmp(type->valuestring, "WebPage") == 0;
    if (!webpage)
        take(&m->ld_headline, json_string(o, "headline"));
    take(&m->ld_published, json_string(o, "datePublished"));
    if (!webpage)
        json_names(cJSON_GetObjectItemCaseSensitive(o, "author"), &m->ld_author);
    json_names(cJSON_GetObjectItemCaseSensitive(o, "publisher"), &m->ld_publisher);
    take(&m->ld_lang, json_string(o, "inLanguage"));
}

static void read_ld_json(meta *m, const xmlNode *script)
{
    xc_buf b = {0};
    for (const xmlNode *c = script->children; c; c = c->next)
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            xc_buf_puts(&b, (const char *)c->content);
    if (b.len && b.len < (1u << 20)) {
        cJSON *json = cJSON_ParseWithLength(b.data, b.len);
        if (json) {
            read_ld_object(m, json, 0);
            cJSON_Delete(json);
        }
    }
    xc_buf_free(&b);
}

/* ---- the walk ------------------------------------------------------------ */

static bool class_says_date(const xmlNode *n)
{
    const char *c = xc_dom_attr(n, "class");
    if (!c)
        return false;
    char lower[128];
    size_t k = 0;
    for (; c[k] && k + 1 < sizeof lower; k++)
        lower[k] = (char)tolower((unsigned char)c[k]);
    lower[k] = '\0';
    return strstr(lower, "date") || strstr(lower, "time") || strstr(lower, "publish") ||
           strstr(lower, "datum");
}

static void walk(meta *m, const xmlNode *n, int depth)
{
    for (; n && depth < MAX_DEPTH; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        const char *name = (const char *)n->name;
        if (strcmp(name, "meta") == 0) {
            read_meta(m, n);
        } else if (strcmp(name, "title") == 0 && !m->title_tag) {
            take_owned(&m->title_tag, xc_dom_inline_text(n));
        } else if (strcmp(name, "link") == 0) {
            const char *rel = xc_dom_attr(n, "rel");
            if (rel && strcasecmp(rel, "canonical") == 0)
                take(&m->canonical, xc_dom_attr(n, "href"));
        } else if (strcmp(name, "script") == 0) {
            const char *type = xc_dom_attr(n, "type");
            if (type && strcasecmp(type, "application/ld+json") == 0)
                read_ld_json(m, n);
            continue;
        } else if (strcmp(name, "style") == 0) {
            continue;
        } else if (strcmp(name, "html") == 0) {
            take(&m->html_lang, xc_dom_attr(n, "lang"));
            take(&m->html_lang, xc_dom_attr(n, "xml:lang"));
        } else if (strcmp(name, "h1") == 0 && !m->h1) {
            take_owned(&m->h1, xc_dom_inline_text(n));
        } else if (strcmp(name, "time") == 0 && !m->time_published) {
            const char *dt = xc_dom_attr(n, "datetime");
            if (dt)
                take(&m->time_published, dt);
        } else if (strcmp(name, "a") == 0 && !m->rel_author) {
            const char *rel = xc_dom_attr(n, "rel");
            if (rel && strcasecmp(rel, "author") == 0)
                take_owned(&m->rel_author, xc_dom_inline_text(n));
        }
        const char *itemprop = xc_dom_attr(n, "itemprop");
        if (itemprop && strcmp(itemprop, "datePublished") == 0) {
            const char *v = xc_dom_attr(n, "content");
            if (!v)
                v = xc_dom_attr(n, "datetime");
            if (v)
                take(&m->itemprop_published, v);
            else
                take_owned(&m->itemprop_published, xc_dom_inline_text(n));
        }
        if (!m->visible_date && class_says_date(n) && n->children) {
            char *t = xc_dom_inline_text(n);
            xc_date d;
            if (t && strlen(t) <= 64 && xc_date_parse(t, strlen(t), &d) &&
                d.precision >= XC_DATE_DAY)
                take(&m->visible_date, t);
            free(t);
        }
        walk(m, n->children, depth + 1);
    }
}

/* ---- URL helpers --------------------------------------------------------- */

char *xc_url_site(const char *url)
{
    if (!url)
        return NULL;
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    const char *at = NULL;
    size_t n = strcspn(p, "/?#");
    for (size_t i = 0; i < n; i++)
        if (p[i] == '@')
            at = p + i;
    if (at) {
        n -= (size_t)(at + 1 - p);
        p = at + 1;
    }
    size_t colon = strcspn(p, ":/?#");
    if (colon < n)
        n = colon;
    if (n > 4 && strncasecmp(p, "www.", 4) == 0)
        p += 4, n -= 4;
    if (n == 0)
        return NULL;
    char *site = strndup(p, n);
    for (char *c = site; c && *c; c++)
        *c = (char)tolower((unsigned char)*c);
    return site;
}

static int digits(const char *p, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)p[i]))
            return -1;
        v = v * 10 + (p[i] - '0');
    }
    return v;
}

bool xc_url_date(const char *url, char out[11])
{
    if (!url)
        return false;
    const char *path = strstr(url, "://");
    path = path ? strchr(path + 3, '/') : url;
    if (!path)
        return false;
    for (const char *p = path; *p; p++) {
        if (*p != '/' && *p != '-' && *p != '_')
            continue;
        const char *q = p + 1;
        size_t rest = strnlen(q, 11); /* never read past the URL's end */
        if (rest < 8)
            continue;
        int y = digits(q, 4);
        if (y < 1990 || y > 2100)
            continue;
        char sep = q[4];
        int mo, d;
        if (sep == '/' || sep == '-' || sep == '_') {
            if (rest < 10)
                continue;
            mo = digits(q + 5, 2);
            if (q[7] != sep)
                continue;
            d = digits(q + 8, 2);
            if (d >= 1 && isdigit((unsigned char)q[10]))
                continue;
        } else {
            mo = digits(q + 4, 2);
            d = digits(q + 6, 2);
            if (isdigit((unsigned char)q[8]))
                continue;
        }
        if (mo < 1 || mo > 12 || d < 1 || d > 31)
            continue;
        snprintf(out, 11, "%04d-%02d-%02d", y, mo, d);
        return true;
    }
    return false;
}

/* ---- choosing ------------------------------------------------------------ */

static char *first(char **candidates[], size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (*candidates[i]) {
            char *v = *candidates[i];
            *candidates[i] = NULL;
            return v;
        }
    return NULL;
}

/* A date as ISO 8601, or NULL when it is not one. */
static char *normalise_date(const char *raw)
{
    xc_date d;
    if (!raw || !xc_date_parse(raw, strlen(raw), &d) || d.precision == XC_DATE_NONE)
        return NULL;
    char out[40];
    xc_date_format(&d, out, sizeof out);
    return strdup(out);
}

/* "Headline | Site" → "Headline" when the site is known. */
static void strip_site_suffix(char *title, const char *site)
{
    if (!title || !site)
        return;
    static const char *const seps[] = {" | ", " - ", " – ", " — ", " :: ", " » ", " · ", NULL};
    for (size_t i = 0; seps[i]; i++) {
        char *at = strstr(title, seps[i]);
        while (at) {
            char *rest = at + strlen(seps[i]);
            if (strcasecmp(rest, site) == 0) {
                *at = '\0';
                return;
            }
            at = strstr(rest, seps[i]);
        }
    }
}

static void free_meta(meta *m)
{
    char **fields = (char **)m;
    for (size_t i = 0; i < sizeof *m / sizeof(char *); i++)
        free(fields[i]);
}

bool xc_html_metadata(htmlDocPtr doc, const char *url, xc_page *page)
{
    meta m = {0};
    walk(&m, xmlDocGetRootElement(doc), 0);

    char **source[] = {&m.ld_publisher, &m.og_site, &m.app_name};
    page->source = first(source, 3);
    if (!page->source)
        page->source = xc_url_site(url);

    char **title[] = {&m.og_title, &m.ld_headline, &m.h1, &m.title_tag};
    page->title = first(title, 4);
    strip_site_suffix(page->title, page->source);

    char **dates[] = {&m.ld_published, &m.meta_published, &m.itemprop_published,
                      &m.time_published};
    for (size_t i = 0; i < 4 && !page->published; i++)
        page->published = normalise_date(*dates[i]);
    char from_url[11];
    if (!page->published && xc_url_date(url, from_url))
        page->published = strdup(from_url);
    if (!page->published && (m.canonical || m.og_url)) {
        if (xc_url_date(m.canonical ? m.canonical : m.og_url, from_url))
            page->published = strdup(from_url);
    }
    if (!page->published)
        page->published = normalise_date(m.visible_date);

    char **authors[] = {&m.ld_author, &m.meta_author, &m.rel_author};
    page->author = first(authors, 3);

    char **urls[] = {&m.canonical, &m.og_url};
    page->url = first(urls, 2);
    if (!page->url && url)
        page->url = strdup(url);

    char **langs[] = {&m.html_lang, &m.meta_lang, &m.ld_lang, &m.og_locale};
    page->lang = first(langs, 4);
    if (page->lang) /* en_US → en-US */
        for (char *c = page->lang; *c; c++)
            if (*c == '_')
                *c = '-';

    char **descriptions[] = {&m.description, &m.og_description};
    page->description = first(descriptions, 2);
    free_meta(&m);
    return true;
}
