/* The ingest driver: walks the inputs, hands each item to its reader,
 * collects articles into batches and stores each batch in one transaction
 * — articles, full-text index and story assignment together, so a crash
 * leaves either the whole batch or none of it. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include "article.h"
#include "readers.h"
#include "pipeline.h"
#include "../core/context.h"
#include "../util/error.h"
#include "../util/strmap.h"
#include "../util/gzip.h"
#include "../web/page.h"
#include "../web/warc.h"
#include "../web/feed.h"

/* A batch is also flushed when its texts pass this many bytes. */
#define BATCH_MAX_BYTES ((size_t)64 << 20)
#define MAX_FOLDER_DEPTH 32

typedef struct pending {
    xc_article_in article;
} pending;

typedef struct ingest {
    xc_ctx *ctx;
    xc_ingest_options opt;
    xc_report_fn report;
    void *user;
    xc_ingest_summary *sum;
    xc_error *err;
    pending *batch;
    size_t count, capacity, bytes;
    xc_strmap batch_ids; /* ids in the current batch */
    xc_pipeline *pipeline;
    xc_article_sink sink; /* instead of storing: hand each article over */
    void *sink_user;
    xc_status fatal; /* the store failed: stop */
    xc_ingest_summary own_sum; /* where sum and err point when the caller */
    xc_error own_err;          /* passed none                             */
} ingest;

static void ingest_init(ingest *in, xc_ctx *ctx, xc_report_fn report_fn, void *user, xc_ingest_summary *summary,
                        xc_error *err)
{
    memset(in, 0, sizeof *in);
    in->ctx = ctx;
    in->report = report_fn;
    in->user = user;
    in->sum = summary ? summary : &in->own_sum;
    in->err = err ? err : &in->own_err;
}

static void report(ingest *in, xc_item_outcome outcome, xc_status status, const char *path,
                   long line, const char *id, const char *message)
{
    switch (outcome) {
    case XC_ITEM_ADDED: in->sum->added++; break;
    case XC_ITEM_UPDATED: in->sum->updated++; break;
    case XC_ITEM_UNCHANGED: in->sum->unchanged++; break;
    case XC_ITEM_FAILED: in->sum->failed++; break;
    case XC_ITEM_WARNING: in->sum->warnings++; break;
    }
    if (in->report) {
        xc_item_report r = {outcome, status, path, line, id, message};
        in->report(in->user, &r);
    }
}

static void fail_item(ingest *in, const char *path, long line, const xc_error *e)
{
    report(in, XC_ITEM_FAILED, e->status, path, line, NULL, e->message);
}

/* ---- storing a batch ------------------------------------------------- */

static void clear_batch(ingest *in)
{
    for (size_t i = 0; i < in->count; i++)
        xc_article_in_free(&in->batch[i].article);
    in->count = 0;
    in->bytes = 0;
    xc_strmap_free(&in->batch_ids);
}

static xc_status flush(ingest *in)
{
    if (in->count == 0 || in->fatal)
        return in->fatal;
    xc_article_in **articles = malloc(in->count * sizeof *articles);
    xc_item_outcome *outcomes = calloc(in->count, sizeof *outcomes);
    for (size_t i = 0; articles && i < in->count; i++)
        articles[i] = &in->batch[i].article;
    if (!articles || !outcomes || !xc_publication_order(articles, in->count)) {
        free(articles), free(outcomes);
        return in->fatal = xc_fail(in->err, XC_ERR_NOMEM, "out of memory");
    }
    xc_status st = xc_pipeline_store(in->pipeline, articles, outcomes, in->count, in->err);
    if (st == XC_OK) {
        in->sum->batches++;
        for (size_t i = 0; i < in->count; i++)
            report(in, outcomes[i], XC_OK, articles[i]->origin, articles[i]->line, articles[i]->id, NULL);
    } else {
        in->fatal = st;
    }
    free(articles), free(outcomes);
    clear_batch(in);
    return st;
}

/* Take ownership of a read article. */
static void accept(ingest *in, const char *path, xc_article_in *a)
{
    a->origin = strdup(path);
    if (in->fatal || !a->origin) {
        if (!a->origin)
            in->fatal = xc_fail(in->err, XC_ERR_NOMEM, "out of memory");
        xc_article_in_free(a);
        return;
    }
    if (a->warning[0])
        report(in, XC_ITEM_WARNING, XC_OK, a->origin, a->warning_line ? a->warning_line : a->line,
               a->id, a->warning);
    if (in->sink) {
        xc_status st = in->sink(in->sink_user, a);
        in->sum->bytes += a->text_len;
        if (st == XC_OK)
            in->sum->added++;
        else
            in->fatal = xc_fail(in->err, st, "%s", xc_status_name(st));
        xc_article_in_free(a);
        return;
    }
    /* The same id twice in a batch: store the first before the second so
     * the later one wins, as it would across batches. */
    if (xc_strmap_get(&in->batch_ids, a->id, strlen(a->id), NULL))
        flush(in);
    if (in->count == in->capacity) {
        size_t cap = in->capacity ? in->capacity * 2 : 64;
        pending *b = realloc(in->batch, cap * sizeof *b);
        if (!b) {
            xc_article_in_free(a);
            in->fatal = xc_fail(in->err, XC_ERR_NOMEM, "out of memory");
            return;
        }
        in->batch = b;
        in->capacity = cap;
    }
    in->batch[in->count++] = (pending){.article = *a};
    memset(a, 0, sizeof *a);
    pending *p = &in->batch[in->count - 1];
    xc_strmap_put(&in->batch_ids, p->article.id, strlen(p->article.id), 1);
    in->bytes += p->article.text_len;
    in->sum->bytes += p->article.text_len;
    if (in->count >= in->opt.batch_size || in->bytes >= BATCH_MAX_BYTES)
        flush(in);
}

/* ---- readers -------------------------------------------------------- */

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

static bool is_jsonl_name(const char *path)
{
    return has_suffix(path, ".jsonl") || has_suffix(path, ".ndjson");
}

static bool is_text_name(const char *path)
{
    return has_suffix(path, ".txt") || has_suffix(path, ".text");
}

static bool is_warc_name(const char *path)
{
    return has_suffix(path, ".warc") || has_suffix(path, ".warc.gz");
}

static bool is_html_name(const char *path)
{
    return has_suffix(path, ".html") || has_suffix(path, ".htm") || has_suffix(path, ".html.gz") ||
           has_suffix(path, ".htm.gz") || has_suffix(path, ".xhtml");
}

/* Pages saved without an .html name: sniff the first bytes. */
static bool looks_like_html(const char *data, size_t len)
{
    size_t i = 0;
    while (i < len && i < 1024 && (data[i] == ' ' || data[i] == '\n' || data[i] == '\r' || data[i] == '\t'))
        i++;
    if (len - i >= 3 && (unsigned char)data[i] == 0xEF)
        i += 3; /* a UTF-8 byte-order mark */
    return (len - i >= 9 && strncasecmp(data + i, "<!doctype", 9) == 0) ||
           (len - i >= 5 && strncasecmp(data + i, "<html", 5) == 0);
}

/* The id of a text file: its name without folder and extension (both of
 * them for "page.html.gz"). */
static char *id_from_path(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    if (dot && dot != base && strcasecmp(dot, ".gz") == 0) {
        size_t inner = n;
        while (inner > 0 && base[inner - 1] != '.')
            inner--;
        if (inner > 1)
            n = inner - 1;
    }
    char *id = malloc(n + 1);
    if (id) {
        memcpy(id, base, n);
        id[n] = '\0';
    }
    return id;
}

/* Read up to max + 1 bytes, so "too big" can be told from "exactly max". */
static char *read_all(FILE *f, size_t max, size_t *len)
{
    size_t cap = 64 * 1024, n = 0;
    char *data = malloc(cap);
    while (data) {
        size_t want = cap - n;
        if (n + want > max + 1)
            want = max + 1 - n;
        size_t got = fread(data + n, 1, want, f);
        n += got;
        if (got < want || n > max)
            break;
        if (n == cap) {
            cap *= 2;
            char *grown = realloc(data, cap);
            if (!grown) {
                free(data);
                return NULL;
            }
            data = grown;
        }
    }
    *len = n;
    return data;
}

static void ingest_text_data(ingest *in, const char *path, const char *id, const char *data,
                             size_t len)
{
    xc_error e = {0};
    long line = 1;
    if (len > in->opt.max_bytes) {
        xc_fail(&e, XC_ERR_TOO_BIG, "too big: over the %zu-byte limit (--max-bytes)", in->opt.max_bytes);
        fail_item(in, path, 1, &e);
        return;
    }
    xc_article_in a;
    if (xc_read_text(path, id, data, len, in->opt.repair_utf8, &a, &line, &e) != XC_OK) {
        fail_item(in, path, line, &e);
        return;
    }
    accept(in, path, &a);
}

static void ingest_html_data(ingest *in, const char *path, const char *id, const char *data, size_t len)
{
    xc_error e = {0};
    xc_page page;
    if (xc_html_extract(data, len, NULL, &page, &e) != XC_OK) {
        if (e.status == XC_ERR_NOMEM)
            in->fatal = xc_fail(in->err, XC_ERR_NOMEM, "out of memory");
        else
            fail_item(in, path, 1, &e);
        return;
    }
    if (page.text_len > in->opt.max_bytes) {
        xc_fail(&e, XC_ERR_TOO_BIG, "too big: the main text has %zu bytes (limit %zu, --max-bytes)",
                page.text_len, in->opt.max_bytes);
        xc_page_free(&page);
        fail_item(in, path, 1, &e);
        return;
    }
    xc_article_in a;
    if (xc_page_to_article(&page, id, &a, &e) != XC_OK) {
        in->fatal = xc_fail(in->err, XC_ERR_NOMEM, "out of memory");
        return;
    }
    accept(in, path, &a);
}

static void ingest_jsonl_stream(ingest *in, const char *path, FILE *f);

/* A file's bytes, by its name (without ".gz") or, for HTML saved under
 * another name, by its first bytes. */
static void ingest_file_data(ingest *in, const char *path, const char *data, size_t len)
{
    char *id = id_from_path(path);
    if (!id) {
        in->fatal = xc_fail(in->err, XC_ERR_NOMEM, "out of memory");
        return;
    }
    size_t n = strlen(path);
    bool gz = has_suffix(path, ".gz");
    char *inner = strndup(path, gz ? n - 3 : n); /* the name inside the .gz */
    if (!inner) {
        free(id);
        in->fatal = xc_fail(in->err, XC_ERR_NOMEM, "out of memory");
        return;
    }
    if (gz && is_jsonl_name(inner)) {
        FILE *f = fmemopen((void *)data, len, "rb");
        if (f) {
            ingest_jsonl_stream(in, path, f);
            fclose(f);
        }
    } else if (is_html_name(inner) || looks_like_html(data, len)) {
        ingest_html_data(in, path, id, data, len);
    } else {
        ingest_text_data(in, path, id, data, len);
    }
    free(inner);
    free(id);
}

static void ingest_jsonl_stream(ingest *in, const char *path, FILE *f)
{
    xc_line_reader r;
    /* JSON escapes can double a text's size; allow for it and the fields. */
    xc_line_reader_init(&r, f, in->opt.max_bytes * 2 + 65536);
    while (!in->fatal && xc_line_reader_next(&r)) {
        xc_error e = {0};
        if (r.too_long) {
            xc_fail(&e, XC_ERR_TOO_BIG, "too big: the line has %zu bytes (limit %zu, --max-bytes)",
                    r.full_length, in->opt.max_bytes);
            fail_item(in, path, r.line_number, &e);
            continue;
        }
        size_t n;
        xc_trim(r.buf, r.len, &n);
        if (n == 0)
            continue; /* blank lines separate nothing */
        xc_article_in a;
        if (xc_read_jsonl_record(path, r.line_number, r.buf, r.len, in->opt.repair_utf8, &a, &e) != XC_OK) {
            fail_item(in, path, r.line_number, &e);
            continue;
        }
        if (a.text_len > in->opt.max_bytes) {
            xc_fail(&e, XC_ERR_TOO_BIG, "too big: the text has %zu bytes (limit %zu, --max-bytes)",
                    a.text_len, in->opt.max_bytes);
            xc_article_in_free(&a);
            fail_item(in, path, r.line_number, &e);
            continue;
        }
        accept(in, path, &a);
    }
    if (ferror(f)) {
        xc_error e;
        xc_fail(&e, XC_ERR_IO, "read error: %s", strerror(errno));
        fail_item(in, path, r.line_number + 1, &e);
    }
    xc_line_reader_free(&r);
}

/* A WARC archive, plain or gzip, record by record: never the whole file
 * in memory. Each HTML page is an article; a bad record is an item that
 * failed, its line the record's number. */
static void ingest_warc(ingest *in, const char *path, FILE *f)
{
    xc_warc_reader *r = xc_warc_reader_new(f);
    if (!r) {
        in->fatal = xc_fail(in->err, XC_ERR_NOMEM, "out of memory");
        return;
    }
    while (!in->fatal) {
        xc_article_in a;
        xc_error e = {0};
        long record;
        xc_warc_item item = xc_warc_next_article(r, in->opt.max_bytes, &a, &record, &e);
        if (item == XC_WARC_END)
            break;
        if (item == XC_WARC_ARTICLE)
            accept(in, path, &a);
        else if (item == XC_WARC_FAILED)
            fail_item(in, path, record, &e);
    }
    xc_warc_reader_free(r);
}

/* ---- feeds: .rss, .atom, and .xml files whose root is <rss>, <feed> or
 * <rdf:RDF>; each item is an article ------------------------------------ */

#define FEED_SNIFF_BYTES 4096

static bool is_feed_file(const char *path, const char *head, size_t len)
{
    return xc_feed_file_name(path) || (has_suffix(path, ".xml") && xc_feed_sniff(head, len));
}

/* Inside a folder walk: a .xml file is a feed only when its head says so. */
static bool is_feed_in_folder(const char *path)
{
    if (xc_feed_file_name(path))
        return true;
    if (!has_suffix(path, ".xml"))
        return false;
    char head[FEED_SNIFF_BYTES];
    FILE *f = fopen(path, "rb");
    if (!f)
        return true; /* let ingest_file report why it cannot be read */
    size_t n = fread(head, 1, sizeof head, f);
    fclose(f);
    return xc_feed_sniff(head, n);
}

static void ingest_feed_data(ingest *in, const char *path, const char *data, size_t len)
{
    xc_error e = {0};
    xc_feed feed;
    if (xc_feed_parse(data, len, NULL, &feed, &e) != XC_OK) {
        fail_item(in, path, 1, &e);
        return;
    }
    if (feed.problem[0]) {
        /* libxml2 recovered what it could: say where the fault is and keep
         * the items it read. */
        xc_fail(&e, XC_ERR_FORMAT, "malformed XML: %s (the items around it may be cut short)",
                feed.problem);
        fail_item(in, path, feed.problem_line, &e);
    }
    for (size_t i = 0; i < feed.count && !in->fatal; i++) {
        xc_article_in a;
        if (xc_feed_item_article(&feed, &feed.items[i], path, NULL, 0, &a, &e) != XC_OK) {
            fail_item(in, path, feed.items[i].line, &e);
            continue;
        }
        if (a.text_len > in->opt.max_bytes) {
            xc_fail(&e, XC_ERR_TOO_BIG, "too big: the item's text has %zu bytes (limit %zu, --max-bytes)",
                    a.text_len, in->opt.max_bytes);
            fail_item(in, path, a.line, &e);
            xc_article_in_free(&a);
            continue;
        }
        accept(in, path, &a);
    }
    xc_feed_free(&feed);
}

static void ingest_stdin(ingest *in)
{
    static const char *const path = "<stdin>";
    xc_input_format format = in->opt.format;
    if (format == XC_FORMAT_AUTO) {
        int c;
        while ((c = getc(stdin)) != EOF && (c == ' ' || c == '\t' || c == '\r' || c == '\n'))
            ;
        if (c != EOF)
            ungetc(c, stdin);
        format = c == '{' ? XC_FORMAT_JSONL : XC_FORMAT_TEXT;
    }
    if (format == XC_FORMAT_JSONL) {
        ingest_jsonl_stream(in, path, stdin);
        return;
    }
    size_t len;
    char *data = read_all(stdin, in->opt.max_bytes, &len);
    if (!data) {
        in->fatal = xc_fail(in->err, XC_ERR_NOMEM, "out of memory");
        return;
    }
    ingest_text_data(in, path, NULL, data, len);
    free(data);
}

static void ingest_file(ingest *in, const char *path)
{
    xc_error e = {0};
    FILE *f = fopen(path, "rb");
    if (!f) {
        xc_fail(&e, XC_ERR_IO, "cannot open: %s", strerror(errno));
        fail_item(in, path, 0, &e);
        return;
    }
    if (in->opt.format == XC_FORMAT_AUTO && is_warc_name(path)) {
        ingest_warc(in, path, f);
        fclose(f);
        return;
    }
    bool jsonl = in->opt.format == XC_FORMAT_JSONL ||
                 (in->opt.format == XC_FORMAT_AUTO && is_jsonl_name(path));
    if (jsonl) {
        ingest_jsonl_stream(in, path, f);
        fclose(f);
        return;
    }
    struct stat sb;
    if (fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode) && (uintmax_t)sb.st_size > in->opt.max_bytes) {
        xc_fail(&e, XC_ERR_TOO_BIG, "too big: %jd bytes, over the %zu-byte limit (--max-bytes)",
                (intmax_t)sb.st_size, in->opt.max_bytes);
        fail_item(in, path, 1, &e);
        fclose(f);
        return;
    }
    size_t len;
    char *data = read_all(f, in->opt.max_bytes, &len);
    bool read_error = ferror(f);
    fclose(f);
    if (!data) {
        in->fatal = xc_fail(in->err, XC_ERR_NOMEM, "out of memory");
        return;
    }
    if (read_error) {
        xc_fail(&e, XC_ERR_IO, "read error: %s", strerror(errno));
        fail_item(in, path, 1, &e);
    } else if (in->opt.format == XC_FORMAT_AUTO && is_feed_file(path, data, len)) {
        ingest_feed_data(in, path, data, len);
    } else if (xc_is_gzip(data, len)) {
        /* JSON Lines inside may be larger than one article: allow for a batch */
        size_t cap = is_jsonl_name(path) ? in->opt.max_bytes * 4 : in->opt.max_bytes;
        char *plain;
        size_t plain_len;
        if (xc_gunzip(data, len, cap, &plain, &plain_len, &e) != XC_OK) {
            if (e.status == XC_ERR_NOMEM)
                in->fatal = xc_fail(in->err, XC_ERR_NOMEM, "out of memory");
            else
                fail_item(in, path, 1, &e);
        } else {
            ingest_file_data(in, path, plain, plain_len);
            free(plain);
        }
    } else {
        ingest_file_data(in, path, data, len);
    }
    free(data);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void ingest_path(ingest *in, const char *path, int depth);

/* Every .txt/.text/.jsonl/.ndjson/.html/.htm/.gz/.warc file and every feed under a
 * folder, in name order; hidden entries are skipped. */
static void ingest_folder(ingest *in, const char *path, int depth)
{
    xc_error e = {0};
    if (depth > MAX_FOLDER_DEPTH) {
        xc_fail(&e, XC_ERR_IO, "folders nested too deep (over %d levels)", MAX_FOLDER_DEPTH);
        fail_item(in, path, 0, &e);
        return;
    }
    DIR *dir = opendir(path);
    if (!dir) {
        xc_fail(&e, XC_ERR_IO, "cannot open folder: %s", strerror(errno));
        fail_item(in, path, 0, &e);
        return;
    }
    char **names = NULL;
    size_t count = 0, capacity = 0;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        if (entry->d_name[0] == '.')
            continue;
        if (count == capacity) {
            capacity = capacity ? capacity * 2 : 64;
            char **grown = realloc(names, capacity * sizeof *names);
            if (!grown)
                break;
            names = grown;
        }
        size_t n = strlen(path) + strlen(entry->d_name) + 2;
        names[count] = malloc(n);
        if (!names[count])
            break;
        snprintf(names[count], n, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/",
                 entry->d_name);
        count++;
    }
    closedir(dir);
    if (count > 1) /* an empty folder has no list to sort */
        qsort(names, count, sizeof *names, by_name);
    for (size_t i = 0; i < count; i++) {
        struct stat link, sb;
        if (in->fatal || lstat(names[i], &link) != 0 || stat(names[i], &sb) != 0)
            continue;
        /* Links to folders are not followed inside a walk, as find(1) does
         * not: a link to a parent would otherwise loop. */
        if (S_ISDIR(sb.st_mode) && !S_ISLNK(link.st_mode))
            ingest_path(in, names[i], depth + 1);
        else if (S_ISREG(sb.st_mode) && (is_text_name(names[i]) || is_jsonl_name(names[i]) ||
                                         is_html_name(names[i]) || is_warc_name(names[i]) ||
                                         has_suffix(names[i], ".gz") || is_feed_in_folder(names[i])))
            ingest_path(in, names[i], depth + 1);
    }
    for (size_t i = 0; i < count; i++)
        free(names[i]);
    free(names);
}

static void ingest_path(ingest *in, const char *path, int depth)
{
    if (strcmp(path, "-") == 0) {
        ingest_stdin(in);
        return;
    }
    struct stat sb;
    if (stat(path, &sb) != 0) {
        xc_error e;
        xc_fail(&e, XC_ERR_IO, "cannot open: %s", strerror(errno));
        fail_item(in, path, 0, &e);
        return;
    }
    if (S_ISDIR(sb.st_mode))
        ingest_folder(in, path, depth);
    else
        ingest_file(in, path);
}

static void begin(ingest *in, const xc_ingest_options *options)
{
    memset(in->sum, 0, sizeof *in->sum);
    memset(in->err, 0, sizeof *in->err);
    if (options)
        in->opt = *options;
    if (!in->opt.max_bytes)
        in->opt.max_bytes = XC_DEFAULT_MAX_BYTES;
    if (!in->opt.batch_size)
        in->opt.batch_size = XC_DEFAULT_BATCH_SIZE;
}

static void finish(ingest *in)
{
    flush(in);
    clear_batch(in);
    free(in->batch);
}

static void run(ingest *in, const char *const *paths, size_t path_count, const xc_ingest_options *options)
{
    begin(in, options);
    for (size_t i = 0; i < path_count && !in->fatal; i++)
        ingest_path(in, paths[i], 0);
    finish(in);
}

/* Store through the pipeline the context keeps, so the engines loaded by
 * one ingest serve the next. */
static bool use_pipeline(ingest *in, xc_ctx *ctx)
{
    if (!ctx->pipeline && !(ctx->pipeline = xc_pipeline_new(ctx))) {
        in->fatal = xc_fail(in->err, XC_ERR_NOMEM, "out of memory");
        return false;
    }
    in->pipeline = ctx->pipeline;
    return true;
}

xc_status xc_ingest_paths(xc_ctx *ctx, const char *const *paths, size_t path_count,
                          const xc_ingest_options *options, xc_report_fn report_fn, void *user,
                          xc_ingest_summary *summary, xc_error *err)
{
    ingest in;
    ingest_init(&in, ctx, report_fn, user, summary, err);
    if (use_pipeline(&in, ctx))
        run(&in, paths, path_count, options);
    return in.fatal;
}

xc_status xc_ingest_data(xc_ctx *ctx, const char *name, const char *data, size_t len,
                         const xc_ingest_options *options, xc_report_fn report_fn, void *user,
                         xc_ingest_summary *summary, xc_error *err)
{
    ingest in;
    ingest_init(&in, ctx, report_fn, user, summary, err);
    if (!use_pipeline(&in, ctx))
        return in.fatal;
    begin(&in, options);
    xc_input_format format = in.opt.format;
    if (format == XC_FORMAT_AUTO && is_jsonl_name(name))
        format = XC_FORMAT_JSONL;
    if (format == XC_FORMAT_JSONL) {
        FILE *f = len ? fmemopen((void *)data, len, "rb") : NULL;
        if (f) {
            ingest_jsonl_stream(&in, name, f);
            fclose(f);
        } else if (len) {
            in.fatal = xc_fail(in.err, XC_ERR_NOMEM, "out of memory");
        }
    } else if (len > in.opt.max_bytes) {
        xc_error e;
        xc_fail(&e, XC_ERR_TOO_BIG, "too big: %zu bytes (limit %zu, --max-bytes)", len, in.opt.max_bytes);
        fail_item(&in, name, 1, &e);
    } else {
        ingest_file_data(&in, name, data, len);
    }
    finish(&in);
    return in.fatal;
}

xc_status xc_read_paths(const char *const *paths, size_t path_count, const xc_ingest_options *options,
                        xc_article_sink sink, void *sink_user, xc_report_fn report_fn, void *user,
                        xc_ingest_summary *summary, xc_error *err)
{
    ingest in;
    ingest_init(&in, NULL, report_fn, user, summary, err);
    in.sink = sink;
    in.sink_user = sink_user;
    run(&in, paths, path_count, options);
    return in.fatal;
}
