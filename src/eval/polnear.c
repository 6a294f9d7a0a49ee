#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval/polnear.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/file.h"
#include "util/vec.h"

static void warn_at(xc_brat_doc *d, xc_brat_warn warn, void *user, const char *name, size_t line, const char *why)
{
    d->bad_lines++;
    if (!warn)
        return;
    char message[600];
    snprintf(message, sizeof message, "%s:%zu: %s", name, line, why);
    warn(user, message);
}

/* Byte offset of every code point of valid UTF-8 text, and of its end. */
static uint32_t *code_point_offsets(const char *text, size_t len, size_t *count)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)text[i] & 0xC0) != 0x80;
    uint32_t *map = malloc((n + 1) * sizeof *map);
    if (!map)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80)
            map[k++] = (uint32_t)i;
    map[k] = (uint32_t)len;
    *count = n;
    return map;
}

static bool parse_u32(const char **p, const char *end, uint32_t *out)
{
    const char *s = *p;
    uint64_t v = 0;
    if (s >= end || *s < '0' || *s > '9')
        return false;
    while (s < end && *s >= '0' && *s <= '9') {
        v = v * 10 + (uint64_t)(*s - '0');
        if (v > UINT32_MAX)
            return false;
        s++;
    }
    *p = s;
    *out = (uint32_t)v;
    return true;
}

typedef struct line_ctx {
    xc_brat_doc *d;
    const char *name;
    size_t number;
    xc_brat_warn warn;
    void *user;
    const uint32_t *map;
    size_t chars;
} line_ctx;

/* "T3<TAB>Content 315 448;463 553<TAB>text" */
static xc_status span_line(line_ctx *c, const char *s, const char *end)
{
    xc_brat_doc *d = c->d;
    const char *tab = memchr(s, '\t', (size_t)(end - s));
    const char *field = tab + 1;
    const char *field_end = memchr(field, '\t', (size_t)(end - field));
    if (!field_end)
        field_end = end;
    const char *space = memchr(field, ' ', (size_t)(field_end - field));
    if (!space || space == field) {
        warn_at(d, c->warn, c->user, c->name, c->number, "a span needs a type and offsets");
        return XC_OK;
    }
    size_t first = d->parts.count;
    const char *p = space + 1;
    for (;;) {
        uint32_t a, b;
        if (!parse_u32(&p, field_end, &a) || p >= field_end || *p != ' ' || (p++, !parse_u32(&p, field_end, &b))) {
            d->parts.count = first;
            warn_at(d, c->warn, c->user, c->name, c->number, "bad offsets (expected START END[;START END]...)");
            return XC_OK;
        }
        if (a > b || b > c->chars) {
            d->parts.count = first;
            char why[160];
            snprintf(why, sizeof why, "offsets %u-%u outside the text (%zu characters)", a, b, c->chars);
            warn_at(d, c->warn, c->user, c->name, c->number, why);
            return XC_OK;
        }
        xc_brat_part part = {c->map[a], c->map[b]};
        if (!XC_VEC_PUSH(&d->parts, part))
            return XC_ERR_NOMEM;
        if (p < field_end && *p == ';') {
            p++;
            continue;
        }
        break;
    }
    if (p != field_end) {
        d->parts.count = first;
        warn_at(d, c->warn, c->user, c->name, c->number, "unexpected text after the offsets");
        return XC_OK;
    }
    xc_brat_span span = {xc_arena_strndup(&d->strings, s, (size_t)(tab - s)),
                         xc_arena_strndup(&d->strings, field, (size_t)(space - field)), (uint32_t)first,
                         (uint32_t)(d->parts.count - first), (uint32_t)c->number};
    if (!span.id || !span.type)
        return XC_ERR_NOMEM;
    uint32_t existing;
    if (xc_strmap_get(&d->ids, s, (size_t)(tab - s), &existing)) {
        d->parts.count = first;
        warn_at(d, c->warn, c->user, c->name, c->number, "duplicate annotation id");
        return XC_OK;
    }
    if (!xc_strmap_put(&d->ids, s, (size_t)(tab - s), (uint32_t)d->spans.count) || !XC_VEC_PUSH(&d->spans, span))
        return XC_ERR_NOMEM;
    return XC_OK;
}

static bool has_prefix(const char *s, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    return n >= k && memcmp(s, prefix, k) == 0;
}

/* "E3<TAB>Attribution:T12 Source:T11 Cue:T10 Content:T9" */
static xc_status event_line(line_ctx *c, const char *s, const char *end)
{
    xc_brat_doc *d = c->d;
    const char *p = memchr(s, '\t', (size_t)(end - s)) + 1;
    xc_brat_relation r = {.content = -1, .cue = -1, .line = (uint32_t)c->number};
    bool first = true;
    while (p < end) {
        while (p < end && (*p == ' ' || *p == '\t'))
            p++;
        if (p >= end)
            break;
        const char *w = p;
        while (p < end && *p != ' ' && *p != '\t')
            p++;
        const char *colon = memchr(w, ':', (size_t)(p - w));
        if (!colon) {
            warn_at(d, c->warn, c->user, c->name, c->number, "expected ROLE:ID in an event");
            return XC_OK;
        }
        uint32_t index;
        if (!xc_strmap_get(&d->ids, colon + 1, (size_t)(p - colon - 1), &index)) {
            char why[200];
            snprintf(why, sizeof why, "unknown annotation \"%.*s\"",
                     (int)((p - colon - 1) > 40 ? 40 : (p - colon - 1)), colon + 1);
            warn_at(d, c->warn, c->user, c->name, c->number, why);
            return XC_OK;
        }
        size_t rn = (size_t)(colon - w);
        if (first) {
            first = false; /* the trigger: the Attribution span */
        } else if (has_prefix(w, rn, "Content")) {
            r.content = (int32_t)index;
        } else if (has_prefix(w, rn, "Cue")) {
            r.cue = (int32_t)index;
        } else if (has_prefix(w, rn, "Source") && r.source_count < XC_BRAT_MAX_SOURCES) {
            r.sources[r.source_count++] = (int32_t)index;
        }
    }
    if (r.content < 0)
        return XC_OK; /* an attribution left unfinished: nothing to score */
    return XC_VEC_PUSH(&d->relations, r) ? XC_OK : XC_ERR_NOMEM;
}

/* An annotation line starts with a letter, digits, then a tab. */
static bool annotation_line(const char *s, const char *end, char *kind)
{
    if (s >= end || !((*s >= 'A' && *s <= 'Z') || *s == '#' || *s == '*'))
        return false;
    const char *p = s + 1;
    while (p < end && *p >= '0' && *p <= '9')
        p++;
    *kind = *s;
    return p < end && *p == '\t' && (p > s + 1 || *s == '*');
}

xc_status xc_brat_parse(const char *ann_name, const char *ann, size_t ann_len, const char *text, size_t text_len,
                        xc_brat_doc *out, xc_brat_warn warn, void *user, xc_error *err)
{
    memset(out, 0, sizeof *out);
    size_t bad;
    if (!xc_utf8_valid(text, text_len, &bad))
        return xc_fail(err, XC_ERR_UTF8, "%s: the text is not valid UTF-8 (byte %zu)", ann_name, bad);
    if (text_len >= UINT32_MAX)
        return xc_fail(err, XC_ERR_TOO_BIG, "%s: the text is too big", ann_name);
    out->text = malloc(text_len + 1);
    if (!out->text)
        return xc_fail(err, XC_ERR_NOMEM, "out of memory");
    memcpy(out->text, text, text_len);
    out->text[text_len] = '\0';
    out->text_len = text_len;
    line_ctx c = {out, ann_name, 0, warn, user, NULL, 0};
    uint32_t *map = code_point_offsets(text, text_len, &c.chars);
    if (!map) {
        xc_brat_doc_free(out);
        return xc_fail(err, XC_ERR_NOMEM, "out of memory");
    }
    c.map = map;
    xc_status st = XC_OK;
    /* spans first, then the events between them (brat allows any order) */
    for (int pass = 0; pass < 2 && st == XC_OK; pass++) {
        size_t pos = 0;
        c.number = 0;
        while (pos < ann_len && st == XC_OK) {
            const char *s = ann + pos;
            const char *nl = memchr(s, '\n', ann_len - pos);
            const char *end = nl ? nl : ann + ann_len;
            pos = (size_t)(end - ann) + 1;
            c.number++;
            if (end > s && end[-1] == '\r')
                end--;
            char kind;
            if (!annotation_line(s, end, &kind))
                continue; /* blank, or the run-on text of a span with a line break */
            if (kind == 'T' && pass == 0)
                st = span_line(&c, s, end);
            else if (kind == 'E' && pass == 1)
                st = event_line(&c, s, end);
        }
    }
    free(map);
    if (st != XC_OK) {
        xc_brat_doc_free(out);
        return xc_fail(err, st, "out of memory");
    }
    return XC_OK;
}

xc_status xc_brat_read(const char *text_path, const char *ann_path, xc_brat_doc *out, xc_brat_warn warn,
                       void *user, xc_error *err)
{
    memset(out, 0, sizeof *out);
    size_t text_len, ann_len;
    char *text, *ann;
    xc_status st = xc_read_file(text_path, 0, &text, &text_len, err);
    if (st != XC_OK)
        return st;
    if ((st = xc_read_file(ann_path, 0, &ann, &ann_len, err)) != XC_OK) {
        free(text);
        return st;
    }
    st = xc_brat_parse(ann_path, ann, ann_len, text, text_len, out, warn, user, err);
    if (st == XC_ERR_UTF8)
        xc_fail(err, st, "%s:1: not valid UTF-8", text_path);
    free(text);
    free(ann);
    return st;
}

void xc_brat_doc_free(xc_brat_doc *doc)
{
    free(doc->text);
    free(doc->spans.items);
    free(doc->parts.items);
    free(doc->relations.items);
    xc_strmap_free(&doc->ids);
    xc_arena_free(&doc->strings);
    memset(doc, 0, sizeof *doc);
}

typedef struct name_list {
    char **items;
    size_t count, capacity;
} name_list;

static int by_string(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void names_free(name_list *l)
{
    for (size_t i = 0; i < l->count; i++)
        free(l->items[i]);
    free(l->items);
    *l = (name_list){0};
}

/* The names in `dir` ending in `suffix`, sorted; hidden ones skipped. */
static xc_status list_names(const char *dir, const char *suffix, name_list *out, xc_error *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return xc_fail(err, XC_ERR_IO, "cannot open folder %s: %s", dir, strerror(errno));
    struct dirent *e;
    size_t sn = strlen(suffix);
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (e->d_name[0] == '.' || n <= sn || strcmp(e->d_name + n - sn, suffix) != 0)
            continue;
        char *copy = strdup(e->d_name);
        if (!copy || !XC_VEC_PUSH(out, copy)) {
            free(copy);
            closedir(d);
            names_free(out);
            return xc_fail(err, XC_ERR_NOMEM, "out of memory");
        }
    }
    closedir(d);
    if (out->count)
        qsort(out->items, out->count, sizeof *out->items, by_string);
    return XC_OK;
}

/* Is `ann` the annotation file of text `base`: BASE.ann or BASE_X.ann? */
static bool annotates(const char *ann, const char *base, size_t bn)
{
    size_t n = strlen(ann) - 4; /* without ".ann" */
    if (n < bn || strncmp(ann, base, bn) != 0)
        return false;
    if (n == bn)
        return true;
    if (ann[bn] != '_' || n == bn + 1)
        return false;
    for (size_t i = bn + 1; i < n; i++)
        if (ann[i] == '_' || ann[i] == '.')
            return false;
    return true;
}

static char *join_path(const char *a, const char *b, const char *c)
{
    size_t n = strlen(a) + strlen(b) + strlen(c) + 3;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s/%s", a, b, c);
    return p;
}

xc_status xc_polnear_list_dir(const char *dir, xc_polnear_list *out, xc_error *err)
{
    memset(out, 0, sizeof *out);
    char *text_dir = join_path(dir, "text", ""), *ann_dir = join_path(dir, "attributions", "");
    name_list texts = {0}, anns = {0};
    xc_status st = text_dir && ann_dir ? XC_OK : xc_fail(err, XC_ERR_NOMEM, "out of memory");
    if (st == XC_OK)
        st = list_names(text_dir, ".txt", &texts, err);
    if (st == XC_OK)
        st = list_names(ann_dir, ".ann", &anns, err);
    size_t a = 0;
    for (size_t i = 0; i < texts.count && st == XC_OK; i++) {
        const char *base = texts.items[i];
        size_t bn = strlen(base) - 4;
        /* annotation names sort with their text's: move to the first that could match */
        while (a < anns.count && strncmp(anns.items[a], base, bn) < 0)
            a++;
        const char *found = NULL;
        for (size_t k = a; k < anns.count && !found && strncmp(anns.items[k], base, bn) == 0; k++)
            if (annotates(anns.items[k], base, bn))
                found = anns.items[k];
        if (!found) {
            out->unannotated++;
            continue;
        }
        xc_polnear_file f = {strndup(base, bn), join_path(dir, "text", base), join_path(dir, "attributions", found)};
        if (!f.name || !f.text_path || !f.ann_path || !XC_VEC_PUSH(out, f)) {
            free(f.name), free(f.text_path), free(f.ann_path);
            st = xc_fail(err, XC_ERR_NOMEM, "out of memory");
        }
    }
    if (st == XC_OK && out->count == 0)
        st = xc_fail(err, XC_ERR_NOT_FOUND, "%s: no text/*.txt with attributions/*.ann", dir);
    names_free(&texts);
    names_free(&anns);
    free(text_dir);
    free(ann_dir);
    if (st != XC_OK)
        xc_polnear_list_free(out);
    return st;
}

void xc_polnear_list_free(xc_polnear_list *list)
{
    for (size_t i = 0; i < list->count; i++) {
        free(list->items[i].name);
        free(list->items[i].text_path);
        free(list->items[i].ann_path);
    }
    free(list->items);
    memset(list, 0, sizeof *list);
}
