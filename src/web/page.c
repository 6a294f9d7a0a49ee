/* One HTML page → xc_page → xc_article_in: the order of the steps matters,
 * as metadata is read before the extractor removes <head>, scripts (JSON-LD)
 * and page furniture. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "page.h"
#include "charset.h"
#include "dom.h"
#include "html_extract.h"
#include "html_meta.h"
#include "../util/error.h"
#include "../util/json_writer.h"

void xc_page_free(xc_page *page)
{
    if (!page)
        return;
    free(page->title);
    free(page->text);
    free(page->published);
    free(page->author);
    free(page->source);
    free(page->url);
    free(page->lang);
    free(page->description);
    free(page->charset);
    memset(page, 0, sizeof *page);
}

/* NUL bytes or many control characters early on: an image, a PDF, a zip —
 * anything but a page. UTF-16 pages have NULs but start with a BOM. */
static bool looks_binary(const unsigned char *p, size_t len)
{
    if (len >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF)))
        return false;
    size_t n = len < 4096 ? len : 4096, controls = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == 0)
            return true;
        if (p[i] < 0x20 && p[i] != '\n' && p[i] != '\r' && p[i] != '\t' && p[i] != '\f')
            controls++;
    }
    return controls * 10 > n;
}

xc_status xc_html_extract(const char *html, size_t len, const xc_html_options *options,
                          xc_page *page, xc_error *err)
{
    memset(page, 0, sizeof *page);
    const char *url = options ? options->url : NULL;
    size_t blank = 0;
    while (blank < len && (html[blank] == ' ' || html[blank] == '\n' || html[blank] == '\r' ||
                           html[blank] == '\t'))
        blank++;
    if (blank == len)
        return xc_fail(err, XC_ERR_EMPTY, "empty page");
    if (looks_binary((const unsigned char *)html, len))
        return xc_fail(err, XC_ERR_BINARY, "not HTML: binary data");
    char *utf8;
    size_t utf8_len;
    char charset[64];
    if (xc_to_utf8(html, len, options ? options->charset : NULL, &utf8, &utf8_len, charset,
                   sizeof charset) != XC_OK)
        return xc_fail(err, XC_ERR_NOMEM, "out of memory");
    htmlDocPtr doc = xc_dom_parse(utf8, utf8_len, url);
    free(utf8);
    if (!doc)
        return xc_fail(err, XC_ERR_FORMAT, "not HTML: the parser found no document");
    page->charset = strdup(charset);
    xc_buf text = {0};
    bool ok = xc_html_metadata(doc, url, page) && xc_html_main_text(doc, &text);
    xmlFreeDoc(doc);
    if (!ok || !page->charset) {
        xc_buf_free(&text);
        xc_page_free(page);
        return xc_fail(err, XC_ERR_NOMEM, "out of memory");
    }
    if (text.len == 0) {
        xc_buf_free(&text);
        xc_page_free(page);
        return xc_fail(err, XC_ERR_EMPTY, "no main text found in the page");
    }
    page->text = xc_buf_detach(&text, &page->text_len);
    return XC_OK;
}

static char *take_field(char **field)
{
    char *v = *field;
    *field = NULL;
    return v;
}

xc_status xc_page_to_article(xc_page *page, const char *id, xc_article_in *out, xc_error *err)
{
    memset(out, 0, sizeof *out);
    out->text_len = page->text_len;
    out->text = take_field(&page->text);
    out->title = take_field(&page->title);
    if (!out->title) {
        out->title = xc_title_from_text(out->text ? out->text : "", out->text_len);
        out->title_from_text = true;
    }
    out->source = take_field(&page->source);
    out->url = take_field(&page->url);
    out->published_raw = take_field(&page->published);
    if (page->author || page->lang || page->description) {
        xc_buf extra = {0};
        xc_json j;
        xc_json_init(&j, &extra);
        xc_json_object_begin(&j);
        if (page->author)
            xc_json_key(&j, "author"), xc_json_string(&j, page->author);
        if (page->lang)
            xc_json_key(&j, "language"), xc_json_string(&j, page->lang);
        if (page->description)
            xc_json_key(&j, "description"), xc_json_string(&j, page->description);
        xc_json_object_end(&j);
        out->extra_json = xc_buf_detach(&extra, NULL);
    }
    if (id) {
        out->id = strdup(id);
    } else if (out->url) {
        char buf[20];
        snprintf(buf, sizeof buf, "u%016llx", (unsigned long long)XXH3_64bits(out->url, strlen(out->url)));
        out->id = strdup(buf);
    } else {
        out->id = xc_content_id(out->title, out->text ? out->text : "", out->text_len);
    }
    xc_page_free(page);
    if (!out->id || !out->text || !out->title) {
        xc_article_in_free(out);
        return xc_fail(err, XC_ERR_NOMEM, "out of memory");
    }
    out->line = 1;
    xc_article_parse_date(out, 1);
    xc_article_hash(out);
    return XC_OK;
}
