/* A story's ledger on the command line:
 *   crosscheck facts --story ID     each numeric fact with its values, who
 *                                   gives each, and the verdict
 *   crosscheck quotes --story ID    each remark with its reports, wordings
 *                                   and word-by-word differences
 * Text by default; --json gives one object a line. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../util/buf.h"
#include "../util/json_writer.h"

typedef struct ledger_view {
    const cli *c;
    int64_t story;
    size_t shown;
} ledger_view;

static void print_json(const ledger_view *v, const xc_fact *f, const xc_remark *r)
{
    xc_buf out = {0};
    xc_json j;
    xc_json_init(&j, &out);
    if (f)
        xc_view_fact(&j, v->story, f);
    else
        xc_view_remark(&j, v->story, r);
    print_json_line(stdout, xc_buf_str(&out));
    xc_buf_free(&out);
}

static int on_fact(void *user, const xc_fact *f)
{
    ledger_view *v = user;
    if (v->c->json)
        print_json(v, f, NULL);
    else
        print_fact(stdout, f, "");
    v->shown++;
    return 0;
}

static int on_remark(void *user, const xc_remark *r)
{
    ledger_view *v = user;
    if (v->c->json)
        print_json(v, NULL, r);
    else
        print_remark(stdout, r, "", true);
    v->shown++;
    return 0;
}

int story_ledger(const cli *c, int64_t story, bool remarks)
{
    xc_ctx *ctx = cli_open(c);
    if (!ctx)
        return EXIT_FATAL;
    ledger_view view = {c, story, 0};
    xc_error err = {0};
    xc_status st = remarks ? xc_story_remarks(ctx, story, on_remark, &view, &err)
                           : xc_story_facts(ctx, story, on_fact, &view, &err);
    xc_close(ctx);
    if (st != XC_OK)
        return cli_fail(&err);
    if (!c->json && view.shown == 0)
        printf("no %s found in story %lld\n", remarks ? "quotes" : "numeric facts", (long long)story);
    return EXIT_OK;
}

int cmd_facts(const cli *c)
{
    static const char *const valued[] = {"story", NULL};
    arg_iter it = {c, 0, false, {0}};
    arg a;
    bool bad = false;
    size_t story = 0;
    while (!bad && next_arg(&it, valued, &a, &bad)) {
        if (a.option && strcmp(a.option, "story") == 0)
            bad = !parse_size(a.value, &story) || story == 0;
        else {
            cli_error("facts: unexpected %s%s", a.option ? "--" : "", a.option ? a.option : a.value);
            bad = true;
        }
    }
    if (bad || story == 0) {
        cli_error("usage: crosscheck facts --story ID [--json]");
        return EXIT_USAGE;
    }
    return story_ledger(c, (int64_t)story, false);
}
