/* `crosscheck eval extract`: the trafilatura benchmark (evaldata.json +
 * html/FILE.gz) scored exactly as its eval_common.py does: a snippet is
 * found when its white-space-normalised form is a substring of the
 * white-space-normalised result. Python's \s is Unicode-aware, so every
 * Unicode space separator counts as white space here too. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <cjson/cJSON.h>
#include <utf8proc.h>

#include "crosscheck.h"
#include "../util/buf.h"
#include "../util/error.h"
#include "../util/file.h"
#include "../util/gzip.h"
#include "../web/page.h"
#include "../util/clock.h"

#define MAX_PAGE_BYTES ((size_t)64 << 20)

static bool is_space(utf8proc_int32_t c)
{
    if (c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F) || c == 0x85)
        return true;
    utf8proc_category_t cat = utf8proc_category(c);
    return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP;
}

/* White space runs → one space, trimmed (Python: re.sub(r"\s+", " ", t).strip()). */
static char *normalise(const char *s, size_t len)
{
    xc_buf b = {0};
    bool space = false;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t i = 0;
    xc_buf_reserve(&b, len + 1);
    while (i < len) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &c);
        if (k <= 0) { /* keep a stray byte as it is */
            k = 1;
            c = -1;
        }
        if (c >= 0 && is_space(c)) {
            space = true;
        } else {
            if (space && b.len)
                xc_buf_putc(&b, ' ');
            space = false;
            xc_buf_append(&b, p + i, (size_t)k);
        }
        i += (size_t)k;
    }
    if (!b.data)
        return strdup("");
    return xc_buf_detach(&b, NULL);
}

static void count(xc_eval_extract_system *s, const cJSON *item, const char *result, size_t len,
                  const char *file, const xc_eval_extract_options *o)
{
    char *text = normalise(result ? result : "", result ? len : 0);
    static const char *const keys[] = {"with", "without"};
    for (int k = 0; k < 2; k++) {
        const cJSON *snippet;
        cJSON_ArrayForEach(snippet, cJSON_GetObjectItemCaseSensitive(item, keys[k]))
        {
            if (!cJSON_IsString(snippet))
                continue;
            char *want = normalise(snippet->valuestring, strlen(snippet->valuestring));
            bool found = text && want && strstr(text, want) != NULL;
            if (k == 0)
                found ? s->tp++ : s->fn++;
            else
                found ? s->fp++ : s->tn++;
            if (o->miss && (k == 0) != found) {
                char message[512];
                snprintf(message, sizeof message, "%s: %s: %.400s", file, k == 0 ? "missing" : "unwanted",
                         want ? want : "");
                o->miss(o->user, message);
            }
            free(want);
        }
    }
    free(text);
    s->pages++;
}

static void finish(xc_eval_extract_system *s)
{
    double tp = (double)s->tp, fp = (double)s->fp, fn = (double)s->fn, tn = (double)s->tn;
    s->precision = tp + fp > 0 ? tp / (tp + fp) : 0;
    s->recall = tp + fn > 0 ? tp / (tp + fn) : 0;
    s->accuracy = tp + fp + fn + tn > 0 ? (tp + tn) / (tp + fp + fn + tn) : 0;
    s->f1 = 2 * tp + fp + fn > 0 ? 2 * tp / (2 * tp + fp + fn) : 0;
}

static void warn(const xc_eval_extract_options *o, const char *file, const char *reason)
{
    if (!o->warn)
        return;
    char message[1024];
    snprintf(message, sizeof message, "%.400s: %.500s", file, reason);
    o->warn(o->user, message);
}

/* The page's bytes, gunzipped; NULL with a reason when it cannot be read. */
static char *read_page(const char *dir, const char *file, size_t *len, xc_error *e)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/html/%s.gz", dir, file);
    char *raw;
    size_t raw_len;
    if (xc_read_file(path, MAX_PAGE_BYTES, &raw, &raw_len, e) != XC_OK)
        return NULL;
    char *html = NULL;
    if (xc_is_gzip(raw, raw_len)) {
        if (xc_gunzip(raw, raw_len, MAX_PAGE_BYTES, &html, len, e) != XC_OK)
            html = NULL;
        free(raw);
    } else {
        html = raw;
        *len = raw_len;
    }
    return html;
}

static char *read_given(const char *dir, const char *file, size_t *len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.txt", dir, file);
    char *text;
    xc_error e;
    if (xc_read_file(path, MAX_PAGE_BYTES, &text, len, &e) != XC_OK)
        return NULL;
    return text;
}

static void dump(const char *dir, const char *file, const char *text, size_t len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.txt", dir, file);
    FILE *f = fopen(path, "wb");
    if (!f)
        return;
    if (text)
        fwrite(text, 1, len, f);
    fclose(f);
}

xc_status xc_eval_extract(const char *dir, const xc_eval_extract_options *options,
                          xc_eval_extract_system *ours, xc_eval_extract_system *given, xc_error *err)
{
    xc_eval_extract_options none = {0};
    const xc_eval_extract_options *o = options ? options : &none;
    memset(ours, 0, sizeof *ours);
    snprintf(ours->name, sizeof ours->name, "crosscheck");
    if (given) {
        memset(given, 0, sizeof *given);
        snprintf(given->name, sizeof given->name, "%s", o->given_name ? o->given_name : "given");
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/evaldata.json", dir);
    char *json_text;
    size_t json_len;
    xc_status st = xc_read_file(path, (size_t)256 << 20, &json_text, &json_len, err);
    if (st != XC_OK)
        return st;
    cJSON *data = cJSON_ParseWithLength(json_text, json_len);
    free(json_text);
    if (!cJSON_IsObject(data)) {
        cJSON_Delete(data);
        return xc_fail(err, XC_ERR_FORMAT, "%s: not a JSON object of pages", path);
    }
    if (o->dump_dir)
        mkdir(o->dump_dir, 0777);
    size_t done = 0;
    const cJSON *item;
    cJSON_ArrayForEach(item, data)
    {
        if (o->limit && done >= o->limit)
            break;
        const char *file = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, "file"));
        if (!file || strchr(file, '/')) {
            warn(o, item->string ? item->string : "?", "no usable \"file\" field");
            continue;
        }
        done++;
        size_t len = 0;
        xc_error e = {0};
        char *html = read_page(dir, file, &len, &e);
        xc_page page = {0};
        if (!html) {
            warn(o, file, e.message);
        } else {
            double t0 = xc_seconds_now();
            xc_html_options ho = {.url = item->string};
            if (xc_html_extract(html, len, &ho, &page, &e) != XC_OK)
                ours->empty++;
            ours->seconds += xc_seconds_now() - t0;
            free(html);
        }
        count(ours, item, page.text, page.text_len, file, o);
        if (o->dump_dir)
            dump(o->dump_dir, file, page.text, page.text_len);
        xc_page_free(&page);
        if (given && o->given_dir) {
            size_t n = 0;
            char *text = read_given(o->given_dir, file, &n);
            if (!text || n == 0)
                given->empty++;
            xc_eval_extract_options quiet = *o;
            quiet.miss = NULL;
            count(given, item, text, n, file, &quiet);
            free(text);
        }
    }
    cJSON_Delete(data);
    finish(ours);
    if (given)
        finish(given);
    return XC_OK;
}
