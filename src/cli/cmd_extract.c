/* crosscheck extract [--json] [--url URL] FILE.html|FILE.html.gz|-
 * The main text of a saved page, or its text and metadata as JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../util/buf.h"
#include "../util/file.h"
#include "../util/gzip.h"
#include "../util/json_writer.h"
#include "../web/page.h"

#define MAX_PAGE_BYTES ((size_t)64 << 20)

static char *read_stdin(size_t max, size_t *len)
{
    xc_buf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0) {
        xc_buf_append(&b, chunk, n);
        if (b.len > max || b.failed)
            break;
    }
    *len = b.len;
    if (!b.data)
        return calloc(1, 1);
    return xc_buf_detach(&b, NULL);
}

static void json_field(xc_json *j, const char *key, const char *value)
{
    xc_json_key(j, key);
    xc_json_string(j, value);
}

static int extract_one(const cli *c, const char *path, const char *url)
{
    xc_error err = {0};
    char *data = NULL;
    size_t len = 0;
    if (strcmp(path, "-") == 0) {
        data = read_stdin(MAX_PAGE_BYTES, &len);
        if (len > MAX_PAGE_BYTES) {
            free(data);
            cli_error("<stdin>: too big: over %zu bytes", MAX_PAGE_BYTES);
            return EXIT_PARTIAL;
        }
    } else if (xc_read_file(path, MAX_PAGE_BYTES, &data, &len, &err) != XC_OK) {
        cli_error("%s: %s", path, err.message);
        return EXIT_PARTIAL;
    }
    if (xc_is_gzip(data, len)) {
        char *html;
        size_t html_len;
        xc_status st = xc_gunzip(data, len, MAX_PAGE_BYTES, &html, &html_len, &err);
        free(data);
        if (st != XC_OK) {
            cli_error("%s: %s", path, err.message);
            return EXIT_PARTIAL;
        }
        data = html;
        len = html_len;
    }
    xc_page page;
    xc_html_options options = {.url = url};
    xc_status st = xc_html_extract(data, len, &options, &page, &err);
    free(data);
    if (st != XC_OK && st != XC_ERR_EMPTY) {
        cli_error("%s: %s", path, err.message);
        return st == XC_ERR_NOMEM ? EXIT_FATAL : EXIT_PARTIAL;
    }
    if (c->json) {
        xc_buf out = {0};
        xc_json j;
        xc_json_init(&j, &out);
        xc_json_object_begin(&j);
        json_field(&j, "title", page.title);
        json_field(&j, "text", page.text ? page.text : "");
        json_field(&j, "published", page.published);
        json_field(&j, "author", page.author);
        json_field(&j, "source", page.source);
        json_field(&j, "url", page.url);
        json_field(&j, "lang", page.lang);
        json_field(&j, "description", page.description);
        json_field(&j, "charset", page.charset);
        xc_json_object_end(&j);
        print_json_line(stdout, xc_buf_str(&out));
        xc_buf_free(&out);
    } else if (page.text) {
        fwrite(page.text, 1, page.text_len, stdout);
        putchar('\n');
    }
    xc_page_free(&page);
    if (st == XC_ERR_EMPTY) {
        cli_error("%s: %s", path, err.message);
        return EXIT_PARTIAL;
    }
    return EXIT_OK;
}

int cmd_extract(const cli *c)
{
    static const char *const valued[] = {"url", NULL};
    arg_iter it = {c, 0, false, {0}};
    arg a;
    bool bad = false;
    const char *url = NULL;
    const char *paths[256];
    size_t count = 0;
    while (!bad && next_arg(&it, valued, &a, &bad)) {
        if (a.option && strcmp(a.option, "url") == 0)
            url = a.value;
        else if (!a.option && count < 256)
            paths[count++] = a.value;
        else {
            cli_error("extract: unexpected %s%s", a.option ? "--" : "", a.option ? a.option : a.value);
            bad = true;
        }
    }
    if (!bad && count == 0) {
        cli_error("usage: crosscheck extract [--json] [--url URL] FILE.html|FILE.html.gz|-");
        bad = true;
    }
    if (bad)
        return EXIT_USAGE;
    int rc = EXIT_OK;
    for (size_t i = 0; i < count; i++) {
        int r = extract_one(c, paths[i], url);
        if (r > rc)
            rc = r;
    }
    return rc;
}
