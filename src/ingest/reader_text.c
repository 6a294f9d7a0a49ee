/* Plain-text articles, with an optional header block:
 *
 *     Title: US and Ukraine meet in Jeddah
 *     Source: Example News
 *     URL: https://news.example/jeddah
 *     Date: 2025-03-11T09:00:00Z
 *
 *     Body...
 *
 * Without a header the whole file is the body and its first line the title. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "readers.h"
#include "../text/utf8.h"
#include "../util/buf.h"
#include "../util/error.h"
#include "../util/json_writer.h"

typedef enum header_key {
    KEY_NONE, KEY_TITLE, KEY_SOURCE, KEY_URL, KEY_DATE, KEY_AUTHOR, KEY_LANGUAGE
} header_key;

static header_key key_of(const char *s, size_t n)
{
    static const struct {
        const char *name;
        header_key key;
    } keys[] = {{"title", KEY_TITLE},       {"source", KEY_SOURCE}, {"url", KEY_URL},
                {"date", KEY_DATE},         {"published", KEY_DATE}, {"author", KEY_AUTHOR},
                {"language", KEY_LANGUAGE}, {"lang", KEY_LANGUAGE}};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if (strlen(keys[i].name) == n && strncasecmp(keys[i].name, s, n) == 0)
            return keys[i].key;
    return KEY_NONE;
}

/* "Key: value" with a known key: returns the key and the trimmed value. */
static header_key header_line(const char *line, size_t n, const char **value, size_t *value_len)
{
    const char *colon = memchr(line, ':', n);
    if (!colon)
        return KEY_NONE;
    size_t key_len;
    const char *key = xc_trim(line, (size_t)(colon - line), &key_len);
    if (key != line) /* a header key starts the line */
        return KEY_NONE;
    header_key k = key_of(key, key_len);
    if (k != KEY_NONE)
        *value = xc_trim(colon + 1, n - (size_t)(colon + 1 - line), value_len);
    return k;
}

static char *dup_span(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

xc_status xc_read_text(const char *path, const char *id, const char *data, size_t len,
                       bool repair_utf8, xc_article_in *out, long *line, xc_error *err)
{
    (void)path;
    memset(out, 0, sizeof *out);
    *line = 1;
    char *repaired = NULL;
    size_t repaired_len = 0, repairs = 0, where = 0;
    xc_status st = xc_check_text(data, len, repair_utf8, &repaired, &repaired_len, &repairs,
                                 &where, err);
    if (st != XC_OK) {
        *line = xc_line_of(data, len, where);
        return st;
    }
    if (repaired) {
        snprintf(out->warning, sizeof out->warning,
                 "invalid UTF-8 repaired: %zu bad byte sequence%s replaced with U+FFFD", repairs,
                 repairs == 1 ? "" : "s");
        size_t bad = 0;
        xc_utf8_valid(data, len, &bad);
        out->warning_line = xc_line_of(data, len, bad);
        data = repaired;
        len = repaired_len;
    }

    size_t p = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        p = 3; /* byte order mark */

    const char *fields[KEY_LANGUAGE + 1] = {0};
    size_t field_len[KEY_LANGUAGE + 1] = {0};
    long field_line[KEY_LANGUAGE + 1] = {0};
    size_t body = p;
    long body_line = 1;
    bool header = false;
    long line_no = 1;
    for (size_t q = p; q < len; line_no++) {
        const char *nl = memchr(data + q, '\n', len - q);
        size_t eol = nl ? (size_t)(nl - data) : len;
        size_t n;
        xc_trim(data + q, eol - q, &n);
        const char *value;
        size_t value_len;
        header_key k = n ? header_line(data + q, eol - q, &value, &value_len) : KEY_NONE;
        if (k == KEY_NONE) {
            /* A blank line closes the header; any other line means there was
             * no header, or that it ended without a blank line. */
            if (header) {
                body = n ? q : (nl ? eol + 1 : len);
                body_line = n ? line_no : line_no + 1;
            }
            break;
        }
        header = true;
        if (!fields[k]) {
            fields[k] = value;
            field_len[k] = value_len;
            field_line[k] = line_no;
        }
        q = nl ? eol + 1 : len;
        body = q;
        body_line = line_no + 1;
    }
    long expected_body_line = body_line; /* where an empty body is reported */
    /* Skip blank lines before the body so its offset is its first byte. */
    while (body < len) {
        size_t k = body;
        while (k < len && (data[k] == ' ' || data[k] == '\t' || data[k] == '\r'))
            k++;
        if (k < len && data[k] == '\n') {
            body = k + 1;
            body_line++;
        } else {
            break;
        }
    }
    size_t body_len;
    xc_trim(data + body, len - body, &body_len);
    /* Trim only the end, so the body's offset stays that of its first byte. */
    size_t end = len;
    while (end > body && strchr(" \t\r\n\f\v", data[end - 1]))
        end--;
    if (body_len == 0) {
        free(repaired);
        *line = expected_body_line;
        return xc_fail(err, XC_ERR_EMPTY, "empty article: %s", header ? "a header but no body" : "no text");
    }

    out->text = dup_span(data + body, end - body);
    out->text_len = end - body;
    out->body_offset = (long)body;
    if (fields[KEY_TITLE] && field_len[KEY_TITLE]) {
        out->title = dup_span(fields[KEY_TITLE], field_len[KEY_TITLE]);
    } else {
        out->title = xc_title_from_text(out->text ? out->text : "", out->text_len);
        out->title_from_text = true;
    }
    if (fields[KEY_SOURCE] && field_len[KEY_SOURCE])
        out->source = dup_span(fields[KEY_SOURCE], field_len[KEY_SOURCE]);
    if (fields[KEY_URL] && field_len[KEY_URL])
        out->url = dup_span(fields[KEY_URL], field_len[KEY_URL]);
    if (fields[KEY_DATE] && field_len[KEY_DATE])
        out->published_raw = dup_span(fields[KEY_DATE], field_len[KEY_DATE]);
    if (fields[KEY_AUTHOR] || fields[KEY_LANGUAGE]) {
        xc_buf extra = {0};
        xc_json j;
        xc_json_init(&j, &extra);
        xc_json_object_begin(&j);
        if (fields[KEY_AUTHOR]) {
            xc_json_key(&j, "author");
            xc_json_string_n(&j, fields[KEY_AUTHOR], field_len[KEY_AUTHOR]);
        }
        if (fields[KEY_LANGUAGE]) {
            xc_json_key(&j, "language");
            xc_json_string_n(&j, fields[KEY_LANGUAGE], field_len[KEY_LANGUAGE]);
        }
        xc_json_object_end(&j);
        out->extra_json = xc_buf_detach(&extra, NULL);
    }
    free(repaired);
    out->id = id ? strdup(id) : xc_content_id(out->title, out->text ? out->text : "", out->text_len);
    if (!out->id || !out->text || !out->title) {
        xc_article_in_free(out);
        return xc_fail(err, XC_ERR_NOMEM, "out of memory");
    }
    out->line = 1;
    char saved_warning[sizeof out->warning];
    long saved_line = out->warning_line;
    memcpy(saved_warning, out->warning, sizeof saved_warning);
    xc_article_parse_date(out, field_line[KEY_DATE]);
    if (saved_warning[0]) { /* the UTF-8 repair matters more than the date */
        memcpy(out->warning, saved_warning, sizeof saved_warning);
        out->warning_line = saved_line;
    }
    xc_article_hash(out);
    return XC_OK;
}
