/* crosscheck check: is the store consistent? */
#include "cli.h"

static void on_problem(void *user, const char *message)
{
    (void)user;
    cli_error("%s", message);
}

int cmd_check(const cli *c)
{
    if (c->argc > 0) {
        cli_error("check takes no arguments");
        return EXIT_USAGE;
    }
    xc_ctx *ctx = cli_open(c);
    if (!ctx)
        return EXIT_FATAL;
    xc_check_report r;
    xc_error err = {0};
    xc_status st = xc_check(ctx, on_problem, NULL, &r, &err);
    xc_close(ctx);
    if (st != XC_OK)
        return cli_fail(&err);
    if (c->json)
        printf("{\"ok\":%s,\"problems\":%zu,\"articles\":%zu,\"stories\":%zu}\n",
               r.problems ? "false" : "true", r.problems, r.articles, r.stories);
    else if (!r.problems)
        printf("ok: %zu articles in %zu stories, indexes consistent\n", r.articles, r.stories);
    return r.problems ? EXIT_FATAL : EXIT_OK;
}
