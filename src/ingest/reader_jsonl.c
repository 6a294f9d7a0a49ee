/* JSON Lines: one article a line,
 *     {"id": "...", "title": "...", "text": "...", "source": "...",
 *      "url": "...", "published": "2025-03-11T09:00:00Z", ...}
 * Only "text" is required. Fields crosscheck does not know are kept, as a
 * JSON object, with the article. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "readers.h"
#include "../util/error.h"

#define CHUNK_SIZE (64 * 1024)

void xc_line_reader_init(xc_line_reader *r, FILE *in, size_t max)
{
    memset(r, 0, sizeof *r);
    r->in = in;
    r->max = max;
}

static bool append(xc_line_reader *r, const char *data, size_t n)
{
    r->full_length += n;
    if (r->too_long)
        return true;
    if (r->len + n > r->max) {
        r->too_long = true; /* keep the head for the error message, drop the rest */
        return true;
    }
    if (r->len + n + 1 > r->cap) {
        size_t cap = r->cap ? r->cap : 4096;
        while (cap < r->len + n + 1)
            cap *= 2;
        char *buf = realloc(r->buf, cap);
        if (!buf)
            return false;
        r->buf = buf;
        r->cap = cap;
    }
    memcpy(r->buf + r->len, data, n);
    r->len += n;
    r->buf[r->len] = '\0';
    return true;
}

bool xc_line_reader_next(xc_line_reader *r)
{
    r->len = 0;
    r->full_length = 0;
    r->too_long = false;
    if (r->buf)
        r->buf[0] = '\0';
    bool any = false;
    for (;;) {
        if (r->chunk_pos == r->chunk_len) {
            if (!r->chunk) {
                r->chunk = malloc(CHUNK_SIZE);
                if (!r->chunk)
                    return false;
            }
            r->chunk_len = fread(r->chunk, 1, CHUNK_SIZE, r->in);
            r->chunk_pos = 0;
            if (r->chunk_len == 0)
                break;
        }
        any = true;
        char *start = r->chunk + r->chunk_pos;
        size_t avail = r->chunk_len - r->chunk_pos;
        char *nl = memchr(start, '\n', avail);
        size_t n = nl ? (size_t)(nl - start) : avail;
        if (!append(r, start, n))
            return false;
        r->chunk_pos += nl ? n + 1 : n;
        if (nl)
            goto done;
    }
    if (!any)
        return false;
done:
    r->line_number++;
    if (!r->too_long && r->len && r->buf[r->len - 1] == '\r')
        r->buf[--r->len] = '\0';
    if (!r->buf && !append(r, "", 0))
        return false;
    return true;
}

void xc_line_reader_free(xc_line_reader *r)
{
    free(r->buf);
    free(r->chunk);
    memset(r, 0, sizeof *r);
}

/* A string field: absent or null → *out stays NULL; a string → a copy;
 * anything else is an error naming the field. */
static xc_status string_field(cJSON *obj, const char *name, char **out, xc_error *err)
{
    cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);
    if (!v || cJSON_IsNull(v))
        return XC_OK;
    if (!cJSON_IsString(v))
        return xc_fail(err, XC_ERR_FORMAT, "field \"%s\" must be a string", name);
    *out = strdup(v->valuestring);
    return *out ? XC_OK : xc_fail(err, XC_ERR_NOMEM, "out of memory");
}

static xc_status id_field(cJSON *obj, char **out, xc_error *err)
{
    cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, "id");
    if (!v || cJSON_IsNull(v))
        return XC_OK;
    char number[32];
    if (cJSON_IsNumber(v)) {
        double d = v->valuedouble;
        /* Whole numbers print as integers; the range check comes first
         * because converting a huge double to long long is undefined. */
        if (d > -9e18 && d < 9e18 && d == (double)(long long)d)
            snprintf(number, sizeof number, "%lld", (long long)d);
        else
            snprintf(number, sizeof number, "%.17g", d);
        *out = strdup(number);
    } else if (cJSON_IsString(v)) {
        size_t n;
        xc_trim(v->valuestring, strlen(v->valuestring), &n);
        if (n == 0)
            return xc_fail(err, XC_ERR_FORMAT, "field \"id\" is empty");
        *out = strdup(v->valuestring);
    } else {
        return xc_fail(err, XC_ERR_FORMAT, "field \"id\" must be a string or a number");
    }
    return *out ? XC_OK : xc_fail(err, XC_ERR_NOMEM, "out of memory");
}

/* "published": a date string, or seconds (or milliseconds) since 1970. */
static xc_status published_field(cJSON *obj, char **out, xc_error *err)
{
    cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, "published");
    if (v && cJSON_IsNumber(v)) {
        char number[32];
        snprintf(number, sizeof number, "%.0f", v->valuedouble);
        *out = strdup(number);
        return *out ? XC_OK : xc_fail(err, XC_ERR_NOMEM, "out of memory");
    }
    return string_field(obj, "published", out, err);
}

static bool has_nul_escape(const char *line, size_t len)
{
    for (const char *p = line; (p = memchr(p, '\\', (size_t)(line + len - p))) != NULL; p += 2) {
        if (p + 6 <= line + len && p[1] == 'u' && p[2] == '0' && p[3] == '0' && p[4] == '0' &&
            p[5] == '0')
            return true;
        if (p + 1 >= line + len)
            break;
    }
    return false;
}

/* Everything but the known fields, as compact JSON; NULL when nothing is left. */
static char *extra_fields(cJSON *obj)
{
    static const char *const known[] = {"id", "title", "text", "source", "url", "published"};
    for (size_t i = 0; i < sizeof known / sizeof *known; i++)
        cJSON_DeleteItemFromObjectCaseSensitive(obj, known[i]);
    if (!obj->child)
        return NULL;
    return cJSON_PrintUnformatted(obj);
}

xc_status xc_read_jsonl_record(const char *path, long line_number, const char *line, size_t len,
                               bool repair_utf8, xc_article_in *out, xc_error *err)
{
    (void)path;
    memset(out, 0, sizeof *out);
    char *repaired = NULL;
    size_t repaired_len = 0, repairs = 0, where = 0;
    xc_status st = xc_check_text(line, len, repair_utf8, &repaired, &repaired_len, &repairs,
                                 &where, err);
    if (st != XC_OK)
        return st;
    if (repaired) {
        snprintf(out->warning, sizeof out->warning,
                 "invalid UTF-8 repaired: %zu bad byte sequence%s replaced with U+FFFD", repairs,
                 repairs == 1 ? "" : "s");
        out->warning_line = line_number;
        line = repaired;
        len = repaired_len;
    }
    if (has_nul_escape(line, len)) {
        free(repaired);
        return xc_fail(err, XC_ERR_BINARY, "binary data: the record contains \\u0000");
    }
    const char *end = NULL;
    cJSON *obj = cJSON_ParseWithLengthOpts(line, len, &end, false);
    if (!obj) {
        const char *at = cJSON_GetErrorPtr();
        size_t column = at && at >= line && at <= line + len ? (size_t)(at - line) + 1 : 1;
        free(repaired);
        return xc_fail(err, XC_ERR_FORMAT, "malformed JSON near column %zu", column);
    }
    while (end && end < line + len && strchr(" \t\r", *end))
        end++;
    if (end && end < line + len) {
        size_t column = (size_t)(end - line) + 1;
        cJSON_Delete(obj);
        free(repaired);
        return xc_fail(err, XC_ERR_FORMAT, "unexpected text after the JSON object at column %zu",
                       column);
    }
    if (!cJSON_IsObject(obj)) {
        cJSON_Delete(obj);
        free(repaired);
        return xc_fail(err, XC_ERR_FORMAT, "expected a JSON object, one article a line");
    }
    free(repaired);

    cJSON *text = cJSON_GetObjectItemCaseSensitive(obj, "text");
    if (!text || cJSON_IsNull(text))
        st = xc_fail(err, XC_ERR_FORMAT, "no \"text\" field");
    else if (!cJSON_IsString(text))
        st = xc_fail(err, XC_ERR_FORMAT, "field \"text\" must be a string");
    if (st == XC_OK) {
        size_t n;
        xc_trim(text->valuestring, strlen(text->valuestring), &n);
        if (n == 0)
            st = xc_fail(err, XC_ERR_EMPTY, "empty article: \"text\" is blank");
    }
    if (st == XC_OK) {
        /* Keep the text as given, without trailing white space. */
        size_t n = strlen(text->valuestring);
        while (n && strchr(" \t\r\n\f\v", text->valuestring[n - 1]))
            n--;
        out->text = malloc(n + 1);
        if (!out->text) {
            st = xc_fail(err, XC_ERR_NOMEM, "out of memory");
        } else {
            memcpy(out->text, text->valuestring, n);
            out->text[n] = '\0';
            out->text_len = n;
        }
    }
    if (st == XC_OK)
        st = id_field(obj, &out->id, err);
    if (st == XC_OK)
        st = string_field(obj, "title", &out->title, err);
    if (st == XC_OK)
        st = string_field(obj, "source", &out->source, err);
    if (st == XC_OK)
        st = string_field(obj, "url", &out->url, err);
    if (st == XC_OK)
        st = published_field(obj, &out->published_raw, err);
    if (st != XC_OK) {
        cJSON_Delete(obj);
        xc_article_in_free(out);
        return st;
    }
    size_t title_len = 0;
    if (out->title)
        xc_trim(out->title, strlen(out->title), &title_len);
    if (title_len == 0) {
        free(out->title);
        out->title = xc_title_from_text(out->text, out->text_len);
        out->title_from_text = true;
    }
    /* Empty strings carry no information: treat them as absent. */
    if (out->source && !out->source[0]) {
        free(out->source);
        out->source = NULL;
    }
    if (out->url && !out->url[0]) {
        free(out->url);
        out->url = NULL;
    }
    out->extra_json = extra_fields(obj);
    cJSON_Delete(obj);
    if (!out->id)
        out->id = xc_content_id(out->title, out->text, out->text_len);
    if (!out->id || !out->title) {
        xc_article_in_free(out);
        return xc_fail(err, XC_ERR_NOMEM, "out of memory");
    }
    out->line = line_number;
    out->body_offset = -1; /* the text is JSON-escaped: no byte offset into the file */
    char saved[sizeof out->warning];
    memcpy(saved, out->warning, sizeof saved);
    xc_article_parse_date(out, line_number);
    if (saved[0]) {
        memcpy(out->warning, saved, sizeof saved);
        out->warning_line = line_number;
    }
    xc_article_hash(out);
    return XC_OK;
}
