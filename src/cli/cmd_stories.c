/* crosscheck stories / crosscheck story ID [--why] */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../util/buf.h"
#include "../util/strmap.h"
#include "../util/json_writer.h"

/* Entities shown with a story: enough to see who and where at a glance. */
#define STORY_ENTITIES 15

typedef struct entity_collector {
    size_t shown;
} entity_collector;

static int on_story_entity(void *user, const xc_entity *e)
{
    entity_collector *c = user;
    if (c->shown == 0)
        printf("\nWho and where, by independent reports naming them:\n  %-4s %4s %5s  %s\n", "TYPE", "REPS",
               "MENTS", "NAME");
    print_entity_line(stdout, e, "  ");
    c->shown++;
    return 0;
}

/* The story view's Facts section: every fact more than one independent
 * report gives or that is contested; the rest counted. */
typedef struct fact_section {
    size_t shown, single;
} fact_section;

static int on_story_fact(void *user, const xc_fact *f)
{
    fact_section *sec = user;
    if (strcmp(f->verdict, "single") == 0) {
        sec->single++;
        return 0;
    }
    if (sec->shown++ == 0)
        printf("\nFacts, contested first (values in [brackets], then who says so):\n");
    print_fact(stdout, f, "  ");
    return 0;
}

/* The Quotes section: remarks quoted by several reports in full, then up
 * to STORY_SINGLE_REMARKS quoted once. */
#define STORY_SINGLE_REMARKS 8
typedef struct remark_section {
    size_t shown, single, hidden;
} remark_section;

static int on_story_remark(void *user, const xc_remark *r)
{
    remark_section *sec = user;
    if (sec->shown + sec->single == 0)
        printf("\nQuotes, by independent reports quoting them:\n");
    if (r->report_count > 1) {
        sec->shown++;
        print_remark(stdout, r, "  ", true);
    } else if (sec->single < STORY_SINGLE_REMARKS) {
        sec->single++;
        print_remark(stdout, r, "  ", false);
    } else {
        sec->hidden++;
    }
    return 0;
}

/* A story's JSON; with a context, also its facts, quotes and entities
 * (the story view). */
static void story_json(const xc_story *s, xc_buf *out, xc_ctx *ctx)
{
    xc_json j;
    xc_json_init(&j, out);
    xc_json_object_begin(&j);
    xc_view_story_fields(&j, s, true);
    xc_error err = {0};
    if (ctx && xc_view_story_ledger(&j, ctx, s->id, STORY_ENTITIES, &err) != XC_OK)
        fprintf(stderr, "crosscheck: %s\n", err.message);
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
        story_json(s, &out, NULL);
        print_json_line(stdout, xc_buf_str(&out));
        xc_buf_free(&out);
        return 0;
    }
    if (v->shown++ == 0)
        printf("%6s  %4s  %7s  %7s  %-23s  %s\n", "STORY", "ARTS", "REPORTS", "OUTLETS", "DATES", "TITLE");
    printf("%6lld  %4zu  %7zu  %7zu  ", (long long)s->id, s->article_count, s->independent, s->source_count);
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
    print_clipped(stdout, s->title, 64);
    printf("\n");
    return 0;
}

int cmd_stories(const cli *c)
{
    static const char *const valued[] = {"limit", "offset", "min-size", "sort", "articles", "from", "to",
                                         "outlet", "entity", "query", NULL};
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
        } else if (strcmp(a.option, "offset") == 0) {
            bad = !parse_size(a.value, &q.offset);
        } else if (strcmp(a.option, "from") == 0) {
            q.from = a.value;
        } else if (strcmp(a.option, "to") == 0) {
            q.to = a.value;
        } else if (strcmp(a.option, "outlet") == 0) {
            q.outlet = a.value;
        } else if (strcmp(a.option, "query") == 0) {
            q.text = a.value;
        } else if (strcmp(a.option, "entity") == 0) {
            size_t entity;
            bad = !parse_size(a.value, &entity) || entity == 0 || entity > INT64_MAX;
            q.entity = (int64_t)entity;
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
            else if (strcmp(a.value, "outlets") == 0)
                q.order = XC_STORIES_BY_OUTLETS;
            else {
                cli_error("--sort must be size, recent, outlets or id");
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
    bool filtered = q.from || q.to || q.outlet || q.entity || q.text || q.offset || q.min_articles;
    if (!c->json && view.shown == 0)
        printf(filtered ? "no stories match\n" : "no stories yet: crosscheck ingest FILES... first\n");
    return EXIT_OK;
}

/* ---- one story ---------------------------------------------------------- */

typedef struct detail_view {
    const cli *c;
    bool why;
    xc_ctx *ctx;
} detail_view;

static double json_number(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsNumber(v) ? v->valuedouble : 0;
}

static void print_list(const cJSON *obj, const char *key, const char *label)
{
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!cJSON_IsArray(list) || !cJSON_GetArraySize(list))
        return;
    printf("%s", label);
    const cJSON *item;
    bool first = true;
    cJSON_ArrayForEach(item, list)
    {
        if (cJSON_IsString(item)) {
            printf("%s%s", first ? "" : ", ", item->valuestring);
            first = false;
        }
    }
}

/* The stored explanation, in words. */
static void print_why(const xc_article *a, const char *indent)
{
    cJSON *why = a->why_json ? cJSON_Parse(a->why_json) : NULL;
    if (!why) {
        printf("%swhy: not recorded\n", indent);
        return;
    }
    const cJSON *copy_of = cJSON_GetObjectItemCaseSensitive(why, "copy_of");
    const cJSON *runner = cJSON_GetObjectItemCaseSensitive(why, "runner_up");
    if (cJSON_IsString(copy_of)) {
        printf("%swhy: a copy (%s) of %s: Jaccard %.2f, containment %.2f\n", indent,
               a->copy_kind ? a->copy_kind : "copy", copy_of->valuestring, json_number(why, "jaccard"),
               json_number(why, "containment"));
    } else if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(why, "new_story"))) {
        printf("%swhy: opened the story", indent);
        if (cJSON_IsObject(runner))
            printf(" (the closest story, %lld, scored %.2f)", (long long)json_number(runner, "story"),
                   json_number(runner, "score"));
        printf("\n");
    } else {
        const cJSON *gap = cJSON_GetObjectItemCaseSensitive(why, "gap_hours");
        printf("%swhy: score %.2f = (cosine %.2f + names %.2f) x time %.2f", indent, json_number(why, "score"),
               json_number(why, "cosine"), json_number(why, "names"), json_number(why, "time_factor"));
        if (cJSON_IsNumber(gap))
            printf(", %.1f h from the story", gap->valuedouble);
        if (cJSON_IsObject(runner))
            printf("; next best story %lld at %.2f", (long long)json_number(runner, "story"),
                   json_number(runner, "score"));
        printf("\n%s    ", indent);
        print_list(why, "terms", "shared terms: ");
        print_list(why, "shared_names", "; names: ");
        printf("\n");
    }
    cJSON_Delete(why);
}

static void print_article(const xc_story *s, const xc_story_lineage *lv, size_t i, int depth, const detail_view *v)
{
    const xc_article *a = &s->articles[i];
    const char *indent = depth ? "      " : "  ";
    printf("%s%-20s  ", indent, a->published ? a->published : "undated");
    print_clipped(stdout, a->source ? a->source : "(unknown outlet)", 24);
    int pad = 24 - (int)strlen(a->source ? a->source : "(unknown outlet)");
    printf("%*s  %5.2f  %s", pad > 0 ? pad : 0, "", a->similarity, a->id);
    if (depth)
        printf("  [%s copy of %s]", a->copy_kind ? a->copy_kind : "a", a->copy_of);
    printf("\n%s%20s  %24s  %5s  ", indent, "", "", "");
    print_clipped(stdout, a->title, depth ? 66 : 70);
    printf("\n");
    if (v->why) {
        char deeper[32];
        snprintf(deeper, sizeof deeper, "%s%24s", indent, "");
        print_why(a, deeper);
    }
    for (size_t k = 0; k < s->articles_shown; k++)
        if (k != i && lv->parent[k] == (long)i && depth < 8)
            print_article(s, lv, k, depth + 1, v);
}

static int on_story_detail(void *user, const xc_story *s)
{
    const detail_view *v = user;
    if (v->c->json) {
        xc_buf out = {0};
        story_json(s, &out, v->ctx);
        print_json_line(stdout, xc_buf_str(&out));
        xc_buf_free(&out);
        return 0;
    }
    printf("Story %lld: %s\n", (long long)s->id, s->title);
    printf("%zu article%s from %zu outlet%s: %zu independent report%s", s->article_count,
           s->article_count == 1 ? "" : "s", s->source_count, s->source_count == 1 ? "" : "s", s->independent,
           s->independent == 1 ? "" : "s");
    if (s->article_count > s->independent)
        printf(", copies folded under their origin");
    if (s->first_published)
        printf("; %.10s to %.10s", s->first_published, s->last_published);
    printf("\n\n");
    printf("  %-20s  %-24s  %5s  %s\n", "PUBLISHED", "OUTLET", "SIM", "ARTICLE");
    xc_story_lineage lv;
    if (!xc_story_lineage_make(s, &lv))
        return 1;
    for (size_t i = 0; i < s->articles_shown; i++)
        if (lv.parent[i] < 0)
            print_article(s, &lv, i, 0, v);
    xc_story_lineage_free(&lv);
    xc_error err = {0};
    fact_section facts = {0};
    if (xc_story_facts(v->ctx, s->id, on_story_fact, &facts, &err) != XC_OK)
        fprintf(stderr, "crosscheck: %s\n", err.message);
    if (facts.single)
        printf("%s  %zu more fact%s given by one report only: crosscheck facts --story %lld\n",
               facts.shown ? "" : "\nFacts:\n", facts.single, facts.single == 1 ? "" : "s", (long long)s->id);
    remark_section remarks = {0};
    if (xc_story_remarks(v->ctx, s->id, on_story_remark, &remarks, &err) != XC_OK)
        fprintf(stderr, "crosscheck: %s\n", err.message);
    if (remarks.hidden)
        printf("  %zu more quoted once: crosscheck quotes --story %lld\n", remarks.hidden, (long long)s->id);
    entity_collector collect = {0};
    xc_entity_query query = {s->id, STORY_ENTITIES, 0, false};
    if (xc_entities_each(v->ctx, &query, on_story_entity, &collect, &err) != XC_OK)
        fprintf(stderr, "crosscheck: %s\n", err.message);
    return 0;
}

int cmd_story(const cli *c)
{
    detail_view view = {c, false, NULL};
    cli args = *c;
    /* --why is this command's only option; take it out before the operand. */
    char **rest = calloc((size_t)c->argc + 1, sizeof *rest);
    if (!rest)
        return EXIT_FATAL;
    args.argc = 0;
    args.argv = rest;
    for (int i = 0; i < c->argc; i++) {
        if (strcmp(c->argv[i], "--why") == 0)
            view.why = true;
        else
            rest[args.argc++] = c->argv[i];
    }
    const char *id = single_operand(&args, "a story id (a number, as listed by: crosscheck stories)");
    int status = EXIT_USAGE;
    char *end = NULL;
    long long n = id ? strtoll(id, &end, 10) : 0;
    if (id && (*end || n <= 0))
        cli_error("story needs a story id (a number, as listed by: crosscheck stories), not \"%s\"", id);
    else if (id) {
        xc_ctx *ctx = cli_open(c);
        status = EXIT_FATAL;
        view.ctx = ctx;
        if (ctx) {
            xc_error err = {0};
            xc_status st = xc_story_get(ctx, n, on_story_detail, &view, &err);
            xc_close(ctx);
            status = st == XC_OK ? EXIT_OK : cli_fail(&err);
        }
    }
    free(rest);
    return status;
}
