/* crosscheck entities [--story ID] [--limit N] [--mentions]: people,
 * organisations, places and other names, one line (or JSON object) each,
 * ranked by the independent reports naming them; --mentions lists every
 * mention with its article and byte span. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../util/buf.h"
#include "../util/json_writer.h"

typedef struct entity_view {
    const cli *c;
    size_t shown;
} entity_view;

static int on_entity(void *user, const xc_entity *e)
{
    entity_view *v = user;
    if (v->c->json) {
        xc_buf out = {0};
        xc_json j;
        xc_json_init(&j, &out);
        xc_view_entity(&j, e);
        print_json_line(stdout, xc_buf_str(&out));
        xc_buf_free(&out);
    } else {
        if (v->shown == 0)
            printf("%-4s %4s %5s  %s\n", "TYPE", "REPS", "MENTS", "NAME");
        print_entity_line(stdout, e, "");
    }
    v->shown++;
    return 0;
}

int cmd_entities(const cli *c)
{
    static const char *const valued[] = {"story", "limit", NULL};
    arg_iter it = {c, 0, false, {0}};
    arg a;
    bool bad = false;
    xc_entity_query query = {0};
    while (!bad && next_arg(&it, valued, &a, &bad)) {
        size_t n = 0;
        if (a.option && strcmp(a.option, "story") == 0) {
            bad = !parse_size(a.value, &n) || n == 0;
            query.story = (int64_t)n;
        } else if (a.option && strcmp(a.option, "limit") == 0)
            bad = !parse_size(a.value, &query.limit);
        else if (a.option && strcmp(a.option, "mentions") == 0)
            query.with_mentions = true;
        else {
            cli_error("entities: unexpected %s%s", a.option ? "--" : "", a.option ? a.option : a.value);
            bad = true;
        }
    }
    if (bad) {
        cli_error("usage: crosscheck entities [--story ID] [--limit N] [--mentions]");
        return EXIT_USAGE;
    }
    xc_ctx *ctx = cli_open(c);
    if (!ctx)
        return EXIT_FATAL;
    entity_view view = {c, 0};
    xc_error err = {0};
    xc_status st = xc_entities_each(ctx, &query, on_entity, &view, &err);
    xc_close(ctx);
    if (st != XC_OK)
        return cli_fail(&err);
    if (!c->json && view.shown == 0)
        printf(query.story ? "no entities in story %lld\n" : "no entities yet: crosscheck ingest FILES... first\n",
               (long long)query.story);
    return EXIT_OK;
}
