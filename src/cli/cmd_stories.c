/* crosscheck stories / crosscheck story ID */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../util/buf.h"
#include "../util/json_writer.h"

static void story_json(const xc_story *s, xc_buf *out)
{
    xc_json j;
    xc_json_init(&j, out);
    xc_json_object_begin(&j);
    xc_json_key(&j, "id"), xc_json_int(&j, s->id);
    xc_json_key(&j, "title"), xc_json_string(&j, s->title);
    xc_json_key(&j, "size"), xc_json_int(&j, (int64_t)s->article_count);
    xc_json_key(&j, "outlets");
    xc_json_array_begin(&j);
    for (size_t i = 0; i < s->source_count; i++)
        xc_json_string(&j, s->sources[i]);
    xc_json_array_end(&j);
    xc_json_key(&j, "first_published"), xc_json_string(&j, s->first_published);
    xc_json_key(&j, "last_published"), xc_json_string(&j, s->last_published);
    xc_json_key(&j, "articles");
    xc_json_array_begin(&j);
    for (size_t i = 0; i < s->articles_shown; i++) {
        xc_json_object_begin(&j);
        json_article_fields(&j, &s->articles[i]);
        xc_json_key(&j, "similarity"), xc_json_double(&j, s->articles[i].similarity);
        xc_json_object_end(&j);
    }
    xc_json_array_end(&j);
    xc_json_object_end(&j);
}

/* "2026-02-19" from "2026-02-19T06:10:00Z". */
static void print_day(const char *iso)
{
    if (iso)
        printf("%.10s", iso);
    else
        printf("%-10s", "undated");
}

typedef struct list_view {
    const cli *c;
    size_t shown;
} list_view;

static int on_story_row(void *user, const xc_story *s)
{
    list_view *v = user;
    if (v->c->json) {
        xc_buf out = {0};
        story_json(s, &out);
        print_json_line(stdout, xc_buf_str(&out));
        xc_buf_free(&out);
        return 0;
    }
    if (v->shown++ == 0)
        printf("%6s  %4s  %7s  %-23s  %s\n", "STORY", "ARTS", "OUTLETS", "DATES", "TITLE");
    printf("%6lld  %4zu  %7zu  ", (long long)s->id, s->article_count, s->source_count);
    if (s->first_published && s->last_published && strncmp(s->first_published, s->last_published, 10)) {
        print_day(s->first_published);
        printf(" .. ");
        print_day(s->last_published);
        printf(" ");
    } else {
        print_day(s->first_published);
        printf("%14s", "");
    }
    printf(" ");
    print_clipped(stdout, s->title, 72);
    printf("\n");
    return 0;
}

int cmd_stories(const cli *c)
{
    static const char *const valued[] = {"limit", "min-size", "sort", "articles", NULL};
    xc_story_query q = {0};
    arg_iter it = {c, 0, false, {0}};
    arg a;
    bool bad = false;
    while (!bad && next_arg(&it, valued, &a, &bad)) {
        if (!a.option) {
            cli_error("stories takes no operands (did you mean: crosscheck story %s?)", a.value);
            bad = true;
        } else if (strcmp(a.option, "limit") == 0) {
            bad = !parse_size(a.value, &q.limit);
        } else if (strcmp(a.option, "min-size") == 0) {
            bad = !parse_size(a.value, &q.min_articles);
        } else if (strcmp(a.option, "articles") == 0) {
            bad = !parse_size(a.value, &q.articles_per_story);
        } else if (strcmp(a.option, "sort") == 0) {
            if (strcmp(a.value, "size") == 0)
                q.order = XC_STORIES_BY_SIZE;
            else if (strcmp(a.value, "recent") == 0)
                q.order = XC_STORIES_BY_RECENCY;
            else if (strcmp(a.value, "id") == 0)
                q.order = XC_STORIES_BY_ID;
            else {
                cli_error("--sort must be size, recent or id");
                bad = true;
            }
        } else {
            cli_error("unknown option --%s for stories", a.option);
            bad = true;
        }
        if (bad && a.option && a.value && strcmp(a.option, "sort"))
            cli_error("--%s takes a number, not \"%s\"", a.option, a.value);
    }
    if (bad)
        return EXIT_USAGE;
    xc_ctx *ctx = cli_open(c);
    if (!ctx)
        return EXIT_FATAL;
    list_view view = {c, 0};
    xc_error err = {0};
    xc_status st = xc_stories_each(ctx, &q, on_story_row, &view, &err);
    xc_close(ctx);
    if (st != XC_OK)
        return cli_fail(&err);
    if (!c->json && view.shown == 0)
        printf("no stories yet: crosscheck ingest FILES... first\n");
    return EXIT_OK;
}

static int on_story_detail(void *user, const xc_story *s)
{
    const cli *c = user;
    if (c->json) {
        xc_buf out = {0};
        story_json(s, &out);
        print_json_line(stdout, xc_buf_str(&out));
        xc_buf_free(&out);
        return 0;
    }
    printf("Story %lld: %s\n", (long long)s->id, s->title);
    printf("%zu article%s from %zu outlet%s", s->article_count, s->article_count == 1 ? "" : "s",
           s->source_count, s->source_count == 1 ? "" : "s");
    if (s->first_published)
        printf(", %.10s to %.10s", s->first_published, s->last_published);
    printf("\n\n");
    printf("  %-20s  %-24s  %5s  %s\n", "PUBLISHED", "OUTLET", "SIM", "ARTICLE");
    for (size_t i = 0; i < s->articles_shown; i++) {
        const xc_article *a = &s->articles[i];
        printf("  %-20s  ", a->published ? a->published : "undated");
        print_clipped(stdout, a->source ? a->source : "(unknown outlet)", 24);
        int pad = 24 - (int)strlen(a->source ? a->source : "(unknown outlet)");
        printf("%*s  %5.2f  %s\n", pad > 0 ? pad : 0, "", a->similarity, a->id);
        printf("  %20s  %24s  %5s  ", "", "", "");
        print_clipped(stdout, a->title, 70);
        printf("\n");
    }
    return 0;
}

int cmd_story(const cli *c)
{
    const char *id = single_operand(c, "a story id (a number, as listed by: crosscheck stories)");
    if (!id)
        return EXIT_USAGE;
    char *end = NULL;
    long long n = strtoll(id, &end, 10);
    if (*end || n <= 0) {
        cli_error("story needs a story id (a number, as listed by: crosscheck stories), not \"%s\"", id);
        return EXIT_USAGE;
    }
    xc_ctx *ctx = cli_open(c);
    if (!ctx)
        return EXIT_FATAL;
    xc_error err = {0};
    xc_status st = xc_story_get(ctx, n, on_story_detail, (void *)c, &err);
    xc_close(ctx);
    return st == XC_OK ? EXIT_OK : cli_fail(&err);
}
