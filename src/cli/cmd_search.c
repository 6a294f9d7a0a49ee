/* crosscheck search QUERY... */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "../util/buf.h"
#include "../util/json_writer.h"

typedef struct search_view {
    const cli *c;
    size_t shown;
} search_view;

static int on_hit(void *user, const xc_search_hit *h)
{
    search_view *v = user;
    const xc_article *a = h->article;
    if (v->c->json) {
        xc_buf out = {0};
        xc_json j;
        xc_json_init(&j, &out);
        xc_json_object_begin(&j);
        xc_view_article_fields(&j, a);
        xc_view_story_field(&j, a->story);
        xc_json_key(&j, "score"), xc_json_double(&j, h->score);
        xc_json_key(&j, "snippet"), xc_json_string(&j, h->snippet);
        xc_json_object_end(&j);
        print_json_line(stdout, xc_buf_str(&out));
        xc_buf_free(&out);
        return 0;
    }
    v->shown++;
    printf("%2zu. %s  (%s", v->shown, a->id, a->source ? a->source : "unknown outlet");
    if (a->published)
        printf(", %.10s", a->published);
    if (a->story)
        printf(", story %lld", (long long)a->story);
    printf(", score %.2f)\n    ", h->score);
    print_clipped(stdout, a->title, 90);
    printf("\n    ");
    /* Snippets keep the text's line breaks: fold them into spaces. */
    for (const char *p = h->snippet ? h->snippet : ""; *p; p++)
        putchar(*p == '\n' ? ' ' : *p);
    printf("\n");
    return 0;
}

int cmd_search(const cli *c)
{
    static const char *const valued[] = {"limit", NULL};
    xc_search_options opt = {0};
    xc_buf query = {0};
    arg_iter it = {c, 0, false, {0}};
    arg a;
    bool bad = false;
    while (!bad && next_arg(&it, valued, &a, &bad)) {
        if (!a.option) {
            if (query.len)
                xc_buf_putc(&query, ' ');
            xc_buf_puts(&query, a.value);
        } else if (strcmp(a.option, "limit") == 0) {
            if (!parse_size(a.value, &opt.limit) || opt.limit == 0) {
                cli_error("--limit takes a positive number, not \"%s\"", a.value);
                bad = true;
            }
        } else if (strcmp(a.option, "raw") == 0) {
            opt.raw = true;
        } else {
            cli_error("unknown option --%s for search", a.option);
            bad = true;
        }
    }
    if (!bad && !query.len) {
        cli_error("search needs a query, e.g.: crosscheck search ferry \"life jackets\"");
        bad = true;
    }
    if (bad) {
        xc_buf_free(&query);
        return EXIT_USAGE;
    }
    bool tty = isatty(STDOUT_FILENO) && !c->json;
    opt.mark_open = tty ? "\x1b[1m" : "[";
    opt.mark_close = tty ? "\x1b[0m" : "]";
    xc_ctx *ctx = cli_open(c);
    if (!ctx) {
        xc_buf_free(&query);
        return EXIT_FATAL;
    }
    search_view view = {c, 0};
    xc_error err = {0};
    xc_status st = xc_search(ctx, xc_buf_str(&query), &opt, on_hit, &view, &err);
    xc_close(ctx);
    xc_buf_free(&query);
    if (st != XC_OK)
        return cli_fail(&err);
    if (!c->json && view.shown == 0)
        printf("no matches\n");
    return EXIT_OK;
}
