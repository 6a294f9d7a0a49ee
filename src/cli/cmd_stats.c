/* crosscheck stats */
#include "cli.h"
#include "../util/buf.h"
#include "../util/json_writer.h"

int cmd_stats(const cli *c)
{
    if (c->argc > 0) {
        cli_error("stats takes no arguments");
        return EXIT_USAGE;
    }
    xc_ctx *ctx = cli_open(c);
    if (!ctx)
        return EXIT_FATAL;
    xc_store_stats s;
    xc_error err = {0};
    xc_status st = xc_stats(ctx, &s, &err);
    xc_close(ctx);
    if (st != XC_OK)
        return cli_fail(&err);
    if (c->json) {
        xc_buf out = {0};
        xc_json j;
        xc_json_init(&j, &out);
        xc_json_object_begin(&j);
        xc_json_key(&j, "db"), xc_json_string(&j, c->db_path);
        xc_json_key(&j, "schema_version"), xc_json_int(&j, s.schema_version);
        xc_json_key(&j, "articles"), xc_json_int(&j, (int64_t)s.articles);
        xc_json_key(&j, "stories"), xc_json_int(&j, (int64_t)s.stories);
        xc_json_key(&j, "outlets"), xc_json_int(&j, (int64_t)s.sources);
        xc_json_key(&j, "terms"), xc_json_int(&j, (int64_t)s.terms);
        xc_json_key(&j, "entities"), xc_json_int(&j, (int64_t)s.entities);
        xc_json_key(&j, "mentions"), xc_json_int(&j, (int64_t)s.mentions);
        xc_json_object_end(&j);
        print_json_line(stdout, xc_buf_str(&out));
        xc_buf_free(&out);
    } else {
        printf("database  %s (schema version %d)\n", c->db_path, s.schema_version);
        printf("articles  %zu\nstories   %zu\noutlets   %zu\nterms     %zu\nentities  %zu (%zu mentions)\n",
               s.articles, s.stories, s.sources, s.terms, s.entities, s.mentions);
    }
    return EXIT_OK;
}
