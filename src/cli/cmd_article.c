/* crosscheck article ID */
#include <string.h>

#include "cli.h"
#include "../util/buf.h"
#include "../util/json_writer.h"

static int on_article(void *user, const xc_article *a)
{
    const cli *c = user;
    if (c->json) {
        xc_buf out = {0};
        xc_json j;
        xc_json_init(&j, &out);
        xc_json_object_begin(&j);
        xc_view_article_fields(&j, a);
        xc_view_story_field(&j, a->story);
        xc_view_membership_fields(&j, a);
        xc_json_key(&j, "origin"), xc_json_string(&j, a->origin);
        xc_json_key(&j, "origin_line"), xc_json_int(&j, a->origin_line);
        xc_json_key(&j, "body_offset"), xc_json_int(&j, a->body_offset);
        xc_json_key(&j, "extra"), xc_json_raw(&j, a->extra_json);
        xc_json_key(&j, "text"), xc_json_string_n(&j, a->text, a->text_len);
        xc_json_object_end(&j);
        print_json_line(stdout, xc_buf_str(&out));
        xc_buf_free(&out);
        return 0;
    }
    printf("%s\n", a->title);
    printf("%s", a->source ? a->source : "(unknown outlet)");
    if (a->published)
        printf(", %s", a->published);
    if (a->story)
        printf(" · story %lld", (long long)a->story);
    if (a->copy_of)
        printf(" · %s copy of %s", a->copy_kind ? a->copy_kind : "a", a->copy_of);
    printf("\n");
    if (a->url)
        printf("%s\n", a->url);
    printf("\n");
    fwrite(a->text, 1, a->text_len, stdout);
    printf("\n");
    return 0;
}

int cmd_article(const cli *c)
{
    const char *id = single_operand(c, "an article id");
    if (!id)
        return EXIT_USAGE;
    xc_ctx *ctx = cli_open(c);
    if (!ctx)
        return EXIT_FATAL;
    xc_error err = {0};
    xc_status st = xc_article_get(ctx, id, on_article, (void *)c, &err);
    xc_close(ctx);
    return st == XC_OK ? EXIT_OK : cli_fail(&err);
}
