/* Dates against TimeML gold: every .tml file under a folder, the TEXT run
 * through xc_find_dates anchored at the file's DCT, and the DATE
 * expressions compared (the definitions are in crosscheck.h at
 * xc_eval_dates_result). */
#include "eval_dates.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include "timeml.h"
#include "../util/error.h"
#include "../util/vec.h"
#include "../util/clock.h"

#define MAX_FOLDER_DEPTH 16

typedef struct path_list {
    char **items;
    size_t count, capacity;
} path_list;

static char *join_path(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s%s%s", dir, dir[0] && dir[strlen(dir) - 1] == '/' ? "" : "/", name);
    return p;
}

static bool is_tml(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcasecmp(name + n - 4, ".tml") == 0;
}

static void warnf(const xc_eval_dates_options *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void warnf(const xc_eval_dates_options *o, const char *fmt, ...)
{
    if (!o || !o->warn)
        return;
    char msg[700];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    o->warn(o->user, msg);
}

/* The .tml files under dir, recursively; folders that cannot be read
 * below the top are reported and skipped. */
static xc_status collect(const char *dir, int depth, path_list *out, const xc_eval_dates_options *o,
                         size_t *failed, xc_error *err)
{
    if (depth > MAX_FOLDER_DEPTH) {
        warnf(o, "%s: folders nested too deep (over %d levels)", dir, MAX_FOLDER_DEPTH);
        (*failed)++;
        return XC_OK;
    }
    DIR *d = opendir(dir);
    if (!d) {
        if (depth == 0)
            return xc_fail(err, errno == ENOENT ? XC_ERR_NOT_FOUND : XC_ERR_IO, "%s: cannot open folder: %s", dir,
                           strerror(errno));
        warnf(o, "%s: cannot open folder: %s", dir, strerror(errno));
        (*failed)++;
        return XC_OK;
    }
    xc_status st = XC_OK;
    struct dirent *e;
    while (st == XC_OK && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char *path = join_path(dir, e->d_name);
        if (!path) {
            st = xc_fail(err, XC_ERR_NOMEM, "out of memory");
            break;
        }
        struct stat link, sb;
        if (lstat(path, &link) != 0 || stat(path, &sb) != 0) {
            free(path);
            continue;
        }
        if (S_ISDIR(sb.st_mode) && !S_ISLNK(link.st_mode)) {
            st = collect(path, depth + 1, out, o, failed, err);
            free(path);
        } else if (S_ISREG(sb.st_mode) && is_tml(e->d_name)) {
            if (!XC_VEC_PUSH(out, path)) {
                free(path);
                st = xc_fail(err, XC_ERR_NOMEM, "out of memory");
            }
        } else {
            free(path);
        }
    }
    closedir(d);
    return st;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static uint32_t overlap_len(uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1)
{
    uint32_t s = a0 > b0 ? a0 : b0, e = a1 < b1 ? a1 : b1;
    return e > s ? e - s : 0;
}

/* About 60 bytes either side of a span, cut at spaces. */
static void context_of(const xc_timeml_doc *doc, uint32_t start, uint32_t end, xc_date_error *e)
{
    size_t s = start > 60 ? start - 60 : 0, t = end + 60 < doc->text_len ? end + 60 : doc->text_len;
    while (s > 0 && s < start && doc->text[s] != ' ')
        s++;
    while (t < doc->text_len && t > end && doc->text[t - 1] != ' ')
        t--;
    e->context = doc->text + s;
    e->context_len = t - s;
}

typedef struct span {
    uint32_t start, end;
} span;

static int by_start(const void *a, const void *b)
{
    const span *x = a, *y = b;
    return (x->start > y->start) - (x->start < y->start);
}

/* The first predicted DATE (they are in order and apart) ending after p. */
static size_t first_ending_after(const xc_timex *const *pred, size_t n, uint32_t p)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (pred[mid]->end <= p)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Score one document into the counts: each gold DATE against the
 * predicted DATEs overlapping it (a binary search: predictions are in
 * text order and never overlap), each prediction against the gold spans
 * sorted by start with the furthest end so far. */
static xc_status score_doc(const xc_timeml_doc *doc, const char *file, const xc_timex_list *pred,
                           const xc_eval_dates_options *o, xc_eval_dates_result *r)
{
    const xc_timex **dates = malloc((pred->count + 1) * sizeof *dates);
    span *gold = malloc((doc->timex_count + 1) * sizeof *gold);
    uint32_t *reach = malloc((doc->timex_count + 1) * sizeof *reach);
    if (!dates || !gold || !reach) {
        free(dates), free(gold), free(reach);
        return XC_ERR_NOMEM;
    }
    size_t np = 0, ng = 0;
    for (size_t k = 0; k < pred->count; k++)
        if (pred->items[k].type == XC_TIMEX_DATE)
            dates[np++] = &pred->items[k];
    r->predicted += np;
    for (size_t g = 0; g < doc->timex_count; g++) {
        const xc_timeml_timex *gt = &doc->timexes[g];
        if (strcmp(gt->type, "DATE") != 0 || gt->creation_time)
            continue;
        gold[ng++] = (span){gt->start, gt->end};
        r->gold++;
        const xc_timex *best = NULL;
        uint32_t best_overlap = 0;
        bool exact = false;
        for (size_t k = first_ending_after(dates, np, gt->start); k < np && dates[k]->start < gt->end; k++) {
            const xc_timex *p = dates[k];
            exact |= p->start == gt->start && p->end == gt->end;
            uint32_t ov = overlap_len(p->start, p->end, gt->start, gt->end);
            if (ov > best_overlap) {
                best_overlap = ov;
                best = p;
            }
        }
        r->strict_match += exact;
        xc_date_error e = {0};
        e.file = file;
        e.dct = doc->dct;
        e.gold_text = doc->text + gt->start;
        e.gold_len = gt->end - gt->start;
        e.gold_value = gt->value;
        context_of(doc, gt->start, gt->end, &e);
        if (!best) {
            e.kind = XC_DATE_MISSED;
        } else {
            r->relaxed_gold++;
            e.pred_text = doc->text + best->start;
            e.pred_len = best->end - best->start;
            e.pred_value = best->value;
            if (strcmp(best->value, gt->value) == 0) {
                r->value_correct++;
                e.kind = XC_DATE_SPAN;
            } else {
                e.kind = XC_DATE_WRONG_VALUE;
            }
        }
        if (o && o->error && (e.kind != XC_DATE_SPAN || !exact))
            o->error(o->user, &e);
    }
    if (ng > 1)
        qsort(gold, ng, sizeof *gold, by_start);
    for (size_t g = 0; g < ng; g++)
        reach[g] = g && reach[g - 1] > gold[g].end ? reach[g - 1] : gold[g].end;
    for (size_t k = 0; k < np; k++) {
        const xc_timex *p = dates[k];
        /* the gold spans starting before p ends: does any reach past its start? */
        size_t lo = 0, hi = ng;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (gold[mid].start < p->end)
                lo = mid + 1;
            else
                hi = mid;
        }
        bool hit = lo > 0 && reach[lo - 1] > p->start;
        r->relaxed_predicted += hit;
        if (!hit && o && o->error) {
            xc_date_error e = {0};
            e.kind = XC_DATE_SPURIOUS;
            e.file = file;
            e.dct = doc->dct;
            e.pred_text = doc->text + p->start;
            e.pred_len = p->end - p->start;
            e.pred_value = p->value;
            context_of(doc, p->start, p->end, &e);
            o->error(o->user, &e);
        }
    }
    free(dates), free(gold), free(reach);
    return XC_OK;
}

static double ratio(size_t a, size_t b)
{
    return b ? (double)a / (double)b : 0.0;
}

static double f1(double p, double r)
{
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

xc_status xc_eval_dates_run(const char *dir, const xc_eval_dates_options *o, xc_eval_dates_result *out, xc_error *err)
{
    memset(out, 0, sizeof *out);
    path_list paths = {0};
    size_t failed = 0;
    xc_status st = collect(dir, 0, &paths, o, &failed, err);
    if (st == XC_OK && paths.count == 0)
        st = xc_fail(err, XC_ERR_NOT_FOUND, "%s: no .tml file found", dir);
    if (st == XC_OK && paths.count > 1)
        qsort(paths.items, paths.count, sizeof *paths.items, by_name);
    for (size_t i = 0; st == XC_OK && i < paths.count; i++) {
        xc_timeml_doc doc;
        xc_error e = {0};
        xc_status s = xc_timeml_read(paths.items[i], &doc, &e);
        if (s == XC_ERR_NOMEM) {
            st = xc_fail(err, XC_ERR_NOMEM, "%s", e.message);
            break;
        }
        if (s != XC_OK) {
            warnf(o, "%s", e.message);
            failed++;
            continue;
        }
        xc_date anchor = {0};
        if (doc.dct[0] && !xc_date_parse(doc.dct, strlen(doc.dct), &anchor)) {
            warnf(o, "%s:1: unreadable document creation time \"%s\"; relative dates left unresolved",
                  paths.items[i], doc.dct);
            anchor.precision = XC_DATE_NONE;
        }
        xc_timex_list pred = {0};
        double t0 = xc_seconds_now();
        s = xc_find_dates_with(doc.text, doc.text_len, doc.dct[0] ? &anchor : NULL, o ? o->timex : NULL, &pred);
        out->seconds += xc_seconds_now() - t0;
        if (s != XC_OK) {
            st = xc_fail(err, s, "%s: %s", paths.items[i], xc_status_name(s));
        } else {
            out->files++;
            out->bytes += doc.text_len;
            if (score_doc(&doc, paths.items[i], &pred, o, out) != XC_OK)
                st = xc_fail(err, XC_ERR_NOMEM, "out of memory");
        }
        xc_timex_list_free(&pred);
        xc_timeml_doc_free(&doc);
    }
    for (size_t i = 0; i < paths.count; i++)
        free(paths.items[i]);
    free(paths.items);
    out->failed_files = failed;
    if (st != XC_OK)
        return st;
    out->strict_p = ratio(out->strict_match, out->predicted);
    out->strict_r = ratio(out->strict_match, out->gold);
    out->strict_f1 = f1(out->strict_p, out->strict_r);
    out->relaxed_p = ratio(out->relaxed_predicted, out->predicted);
    out->relaxed_r = ratio(out->relaxed_gold, out->gold);
    out->relaxed_f1 = f1(out->relaxed_p, out->relaxed_r);
    out->value_accuracy = ratio(out->value_correct, out->gold);
    out->value_accuracy_matched = ratio(out->value_correct, out->relaxed_gold);
    return XC_OK;
}

xc_status xc_eval_dates(const char *dir, xc_eval_dates_result *out, xc_error *err)
{
    return xc_eval_dates_run(dir, NULL, out, err);
}
