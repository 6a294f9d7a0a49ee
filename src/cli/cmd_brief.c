/* crosscheck brief: a story's brief and timeline.
 *   crosscheck brief ID                  one story, Markdown (--json: one object)
 *   crosscheck brief --all --out DIR     one file per story: DIR/story-ID.md (.json)
 *   crosscheck brief FILE...             these reports as one story, read into
 *                                        a temporary store that is removed after
 * --words N sets the brief's length, --timeline N its events at most. A
 * lone number is a story id: a file named 3 is ./3. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "../eval/eval_store.h"
#include "../util/buf.h"
#include "../util/json_writer.h"

/* ---- output ------------------------------------------------------------- */

static void json_brief(xc_buf *out, const xc_brief *b)
{
    xc_json j;
    xc_json_init(&j, out);
    xc_json_object_begin(&j);
    xc_view_story_field(&j, b->story);
    xc_json_key(&j, "title"), xc_json_string(&j, b->title);
    xc_json_key(&j, "articles"), xc_json_int(&j, (int64_t)b->articles);
    xc_json_key(&j, "independent"), xc_json_int(&j, (int64_t)b->independent);
    xc_json_key(&j, "outlets"), xc_json_int(&j, (int64_t)b->outlets);
    xc_view_brief_sentences(&j, b);
    xc_view_timeline(&j, b);
    xc_json_object_end(&j);
}

/* Text on one line: Markdown would read a line break inside a sentence
 * (a hard-wrapped source) as the end of a list item. */
static void put_flat(xc_buf *out, const char *text)
{
    bool space = false;
    for (const char *p = text ? text : ""; *p; p++) {
        if (*p == '\n' || *p == '\r' || *p == '\t' || *p == ' ') {
            space = out->len > 0;
            continue;
        }
        if (space)
            xc_buf_putc(out, ' ');
        space = false;
        xc_buf_putc(out, *p);
    }
}

/* "[The Guardian · Reuters +2 copies]": each outlet once, in order; copies
 * counted, not named. */
static void put_citation(xc_buf *out, const xc_attestation *sources, size_t count)
{
    xc_buf_puts(out, " [");
    size_t shown = 0, copies = 0;
    bool more = false;
    for (size_t i = 0; i < count; i++) {
        if (sources[i].copy_of) {
            copies++;
            continue;
        }
        const char *name = sources[i].source ? sources[i].source : sources[i].article;
        bool again = false;
        for (size_t k = 0; k < i && !again; k++)
            again = !sources[k].copy_of &&
                    strcmp(sources[k].source ? sources[k].source : sources[k].article, name) == 0;
        if (again)
            continue;
        if (shown == 8) {
            more = true;
            continue;
        }
        if (shown++)
            xc_buf_puts(out, " \xC2\xB7 ");
        put_flat(out, name);
    }
    if (more)
        xc_buf_puts(out, " \xC2\xB7 \xE2\x80\xA6");
    if (copies)
        xc_buf_printf(out, " +%zu cop%s", copies, copies == 1 ? "y" : "ies");
    xc_buf_putc(out, ']');
}

static void markdown_brief(xc_buf *out, const xc_brief *b)
{
    xc_buf_puts(out, "# ");
    put_flat(out, b->title && *b->title ? b->title : "(untitled)");
    xc_buf_puts(out, "\n\n");
    if (b->story)
        xc_buf_printf(out, "Story %lld \xC2\xB7 ", (long long)b->story);
    xc_buf_printf(out, "%zu article%s, %zu independent report%s, %zu outlet%s\n\n", b->articles,
                  b->articles == 1 ? "" : "s", b->independent, b->independent == 1 ? "" : "s", b->outlets,
                  b->outlets == 1 ? "" : "s");
    xc_buf_puts(out, "## Brief\n\n");
    size_t extracts = 0;
    for (size_t i = 0; i < b->sentence_count; i++) {
        const xc_brief_sentence *s = &b->sentences[i];
        if (s->kind != XC_BRIEF_EXTRACT)
            continue;
        put_flat(out, s->text);
        if (s->contested) {
            xc_buf_puts(out, " *(contested: \xE2\x80\x9C");
            put_flat(out, s->contested);
            xc_buf_puts(out, "\xE2\x80\x9D; see below)*");
        }
        put_citation(out, s->sources, s->source_count);
        xc_buf_puts(out, "\n\n");
        extracts++;
    }
    if (extracts == 0)
        xc_buf_puts(out, "(no sentence to show)\n\n");
    for (size_t i = 0; i < b->sentence_count; i++) {
        const xc_brief_sentence *s = &b->sentences[i];
        if (s->kind != XC_BRIEF_CONFLICT)
            continue;
        xc_buf_puts(out, "> **Contested.** ");
        put_flat(out, s->text);
        xc_buf_puts(out, "\n\n");
    }
    xc_buf_puts(out, "## Timeline\n\n");
    if (b->timeline_count == 0)
        xc_buf_puts(out, "(no dated events)\n");
    for (size_t i = 0; i < b->timeline_count; i++) {
        const xc_timeline_entry *e = &b->timeline[i];
        xc_buf_printf(out, "- **%s** (%s, \xE2\x80\x9C", e->date, e->precision);
        put_flat(out, e->date_text);
        xc_buf_puts(out, "\xE2\x80\x9D) ");
        put_flat(out, e->text);
        put_citation(out, e->sources, e->source_count);
        xc_buf_putc(out, '\n');
    }
}

typedef struct brief_view {
    const cli *c;
    xc_buf out;
} brief_view;

static int on_brief(void *user, const xc_brief *b)
{
    brief_view *v = user;
    if (v->c->json)
        json_brief(&v->out, b);
    else
        markdown_brief(&v->out, b);
    xc_buf_putc(&v->out, '\n');
    return 0;
}

/* ---- the three forms ----------------------------------------------------- */

static int brief_story(const cli *c, int64_t story, const xc_brief_options *o)
{
    xc_ctx *ctx = cli_open(c);
    if (!ctx)
        return EXIT_FATAL;
    brief_view v = {c, {0}};
    xc_error err = {0};
    xc_status st = xc_story_brief(ctx, story, o, on_brief, &v, &err);
    xc_close(ctx);
    if (st == XC_OK)
        fputs(xc_buf_str(&v.out), stdout);
    xc_buf_free(&v.out);
    return st == XC_OK ? EXIT_OK : cli_fail(&err);
}

typedef struct id_list {
    int64_t *items;
    size_t count, capacity;
} id_list;

static int collect_story(void *user, const xc_story *s)
{
    id_list *ids = user;
    if (ids->count == ids->capacity) {
        size_t cap = ids->capacity ? ids->capacity * 2 : 64;
        int64_t *grown = realloc(ids->items, cap * sizeof *grown);
        if (!grown)
            return 1;
        ids->items = grown;
        ids->capacity = cap;
    }
    ids->items[ids->count++] = s->id;
    return 0;
}

static int brief_all(const cli *c, const char *dir, const xc_brief_options *o)
{
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        cli_error("cannot make the folder %s: %s", dir, strerror(errno));
        return EXIT_FATAL;
    }
    xc_ctx *ctx = cli_open(c);
    if (!ctx)
        return EXIT_FATAL;
    id_list ids = {0};
    xc_story_query q = {.order = XC_STORIES_BY_ID, .articles_per_story = 1};
    xc_error err = {0};
    xc_status st = xc_stories_each(ctx, &q, collect_story, &ids, &err);
    int code = EXIT_OK;
    size_t written = 0;
    for (size_t i = 0; st == XC_OK && i < ids.count; i++) {
        brief_view v = {c, {0}};
        st = xc_story_brief(ctx, ids.items[i], o, on_brief, &v, &err);
        if (st == XC_OK) {
            char path[4096];
            snprintf(path, sizeof path, "%s/story-%lld.%s", dir, (long long)ids.items[i], c->json ? "json" : "md");
            FILE *f = fopen(path, "w");
            if (!f || fputs(xc_buf_str(&v.out), f) < 0 || fclose(f) != 0) {
                cli_error("cannot write %s: %s", path, strerror(errno));
                code = EXIT_FATAL;
                xc_buf_free(&v.out);
                break;
            }
            written++;
        }
        xc_buf_free(&v.out);
    }
    xc_close(ctx);
    free(ids.items);
    if (st != XC_OK)
        return cli_fail(&err);
    if (code == EXIT_OK && !c->json)
        fprintf(stderr, "crosscheck: wrote %zu brief%s to %s\n", written, written == 1 ? "" : "s", dir);
    return code;
}

/* The reports in `paths` as one story: read into a throw-away store (with
 * duplicates, entities, quotes, facts and dates found as ingest finds
 * them), briefed whole, removed. Bad items are reported and skipped. */
static int brief_files(const cli *c, const char *const *paths, size_t count, const xc_brief_options *o)
{
    static const char *const as_ingest[] = {"entities=1", "claims=1", NULL};
    xc_eval_store store;
    xc_error err = {0};
    if (xc_eval_store_open(&store, NULL, as_ingest, &err) != XC_OK)
        return cli_fail(&err);
    ingest_view quiet = {true};
    xc_ingest_summary sum = {0};
    xc_status st = xc_ingest_paths(store.ctx, paths, count, NULL, print_item_report, &quiet, &sum, &err);
    brief_view v = {c, {0}};
    size_t stored = sum.added + sum.updated + sum.unchanged;
    if (st == XC_OK && stored > 0)
        st = xc_story_brief(store.ctx, XC_ALL_ARTICLES, o, on_brief, &v, &err);
    xc_eval_store_close(&store);
    int code = EXIT_OK;
    if (st != XC_OK)
        code = cli_fail(&err);
    else if (stored == 0) {
        cli_error("brief: no report could be read");
        code = EXIT_PARTIAL;
    } else {
        fputs(xc_buf_str(&v.out), stdout);
        code = sum.failed ? EXIT_PARTIAL : EXIT_OK;
    }
    xc_buf_free(&v.out);
    return code;
}

static bool all_digits(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

int cmd_brief(const cli *c)
{
    static const char *const valued[] = {"words", "timeline", "out", NULL};
    static const char usage[] = "usage: crosscheck brief ID | --all --out DIR | FILE... "
                                "[--words N] [--timeline N] [--json]";
    xc_brief_options o = {0};
    const char *out = NULL;
    bool all = false;
    const char **operands = calloc((size_t)c->argc + 1, sizeof *operands);
    size_t count = 0;
    if (!operands)
        return EXIT_FATAL;
    arg_iter it = {c, 0, false, {0}};
    arg a;
    bool bad = false;
    while (!bad && next_arg(&it, valued, &a, &bad)) {
        if (!a.option)
            operands[count++] = a.value;
        else if (strcmp(a.option, "words") == 0) {
            if (!parse_size(a.value, &o.words) || o.words == 0 || o.words > 100000) {
                cli_error("--words takes a number of words (1 .. 100000), not \"%s\"", a.value);
                bad = true;
            }
        } else if (strcmp(a.option, "timeline") == 0) {
            if (!parse_size(a.value, &o.timeline) || o.timeline == 0 || o.timeline > 100000) {
                cli_error("--timeline takes a number of events (1 .. 100000), not \"%s\"", a.value);
                bad = true;
            }
        } else if (strcmp(a.option, "out") == 0)
            out = a.value;
        else if (strcmp(a.option, "all") == 0)
            all = true;
        else {
            cli_error("brief: unexpected --%s", a.option);
            bad = true;
        }
    }
    int code;
    if (bad)
        code = EXIT_USAGE;
    else if (all && (count > 0 || !out)) {
        cli_error("brief --all needs --out DIR and no other operand");
        code = EXIT_USAGE;
    } else if (all)
        code = brief_all(c, out, &o);
    else if (out) {
        cli_error("--out goes with --all");
        code = EXIT_USAGE;
    } else if (count == 1 && all_digits(operands[0])) {
        size_t story = 0;
        code = parse_size(operands[0], &story) && story > 0 ? brief_story(c, (int64_t)story, &o)
                                                            : (cli_error("no story %s", operands[0]), EXIT_USAGE);
    } else if (count > 0)
        code = brief_files(c, operands, count, &o);
    else {
        cli_error("%s", usage);
        code = EXIT_USAGE;
    }
    free(operands);
    return code;
}
