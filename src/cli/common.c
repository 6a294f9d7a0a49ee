#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli.h"
#include "../util/file.h"
#include "../util/json_writer.h"

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("crosscheck: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int cli_fail(const xc_error *err)
{
    cli_error("%s", err->message[0] ? err->message : xc_status_name(err->status));
    switch (err->status) {
    case XC_ERR_NOT_FOUND: return EXIT_PARTIAL;
    case XC_ERR_ARG: return EXIT_USAGE;
    default: return EXIT_FATAL;
    }
}

bool parse_size(const char *s, size_t *out)
{
    if (!s || !*s)
        return false;
    errno = 0;
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || s[0] == '-')
        return false;
    unsigned long long scale = 1;
    if (*end == 'k' || *end == 'K')
        scale = 1024, end++;
    else if (*end == 'm' || *end == 'M')
        scale = 1024 * 1024, end++;
    else if (*end == 'g' || *end == 'G')
        scale = 1024ull * 1024 * 1024, end++;
    if (*end && strcmp(end, "B") && strcmp(end, "iB"))
        return false;
    if (v > ((size_t)-1) / scale)
        return false;
    *out = (size_t)(v * scale);
    return true;
}

bool next_arg(arg_iter *it, const char *const *valued_options, arg *out, bool *bad)
{
    *bad = false;
    if (it->i >= it->c->argc)
        return false;
    const char *a = it->c->argv[it->i++];
    if (it->only_operands || a[0] != '-' || strcmp(a, "-") == 0) {
        *out = (arg){NULL, a};
        return true;
    }
    if (strcmp(a, "--") == 0) {
        it->only_operands = true;
        return next_arg(it, valued_options, out, bad);
    }
    const char *name = a + (a[1] == '-' ? 2 : 1);
    const char *eq = strchr(name, '=');
    char *buf = it->name;
    size_t n = eq ? (size_t)(eq - name) : strlen(name);
    if (n >= sizeof it->name) {
        *bad = true;
        cli_error("unknown option %s", a);
        return false;
    }
    memcpy(buf, name, n);
    buf[n] = '\0';
    bool valued = false;
    for (const char *const *v = valued_options; v && *v; v++)
        valued |= strcmp(*v, buf) == 0;
    const char *value = eq ? eq + 1 : NULL;
    if (valued && !value) {
        if (it->i >= it->c->argc) {
            cli_error("option --%s needs a value", buf);
            *bad = true;
            return false;
        }
        value = it->c->argv[it->i++];
    } else if (!valued && value) {
        cli_error("option --%s takes no value", buf);
        *bad = true;
        return false;
    }
    *out = (arg){buf, value};
    return true;
}

void print_item_report(void *user, const xc_item_report *r)
{
    const ingest_view *v = user;
    if (r->outcome != XC_ITEM_FAILED && (r->outcome != XC_ITEM_WARNING || v->quiet))
        return;
    const char *kind = r->outcome == XC_ITEM_WARNING ? "warning: " : "";
    if (r->line > 0)
        fprintf(stderr, "crosscheck: %s:%ld: %s%s\n", r->path, r->line, kind, r->message);
    else
        fprintf(stderr, "crosscheck: %s: %s%s\n", r->path, kind, r->message);
}

xc_ctx *cli_open(const cli *c)
{
    xc_error err = {0};
    xc_ctx *ctx = xc_open(c->db_path, &err);
    if (!ctx)
        cli_fail(&err);
    return ctx;
}

void print_json_line(FILE *out, const char *json)
{
    fputs(json, out);
    fputc('\n', out);
}

void print_clipped(FILE *out, const char *s, int width)
{
    if (!s)
        s = "";
    int columns = 0;
    const char *p = s;
    /* Count code points (UTF-8 lead bytes) as columns. */
    while (*p) {
        if (((unsigned char)*p & 0xC0) != 0x80) {
            if (columns == width)
                break;
            columns++;
        }
        p++;
    }
    if (!*p) {
        fputs(s, out);
        return;
    }
    /* Too long: back up one code point for the ellipsis. */
    const char *end = p;
    do
        end--;
    while (end > s && ((unsigned char)*end & 0xC0) == 0x80);
    fwrite(s, 1, (size_t)(end - s), out);
    fputs("\xE2\x80\xA6", out);
}

const char *single_operand(const cli *c, const char *what)
{
    arg_iter it = {c, 0, false, {0}};
    arg a;
    bool bad = false;
    const char *operand = NULL;
    while (next_arg(&it, NULL, &a, &bad)) {
        if (a.option) {
            cli_error("unknown option --%s for %s", a.option, c->command);
            return NULL;
        }
        if (operand) {
            cli_error("%s takes one %s", c->command, what);
            return NULL;
        }
        operand = a.value;
    }
    if (bad)
        return NULL;
    if (!operand)
        cli_error("%s needs %s", c->command, what);
    return operand;
}

void print_entity_line(FILE *out, const xc_entity *e, const char *indent)
{
    fprintf(out, "%s%-4s %4zu %5zu  %s", indent, e->type, e->independent, e->mentions, e->name);
    size_t shown = 0;
    for (size_t i = 0; i < e->variant_count && shown < 6; i++) {
        if (strcmp(e->variants[i].text, e->name) == 0)
            continue;
        fprintf(out, "%s%s", shown++ ? ", " : "  (also: ", e->variants[i].text);
    }
    if (shown)
        fprintf(out, ")");
    if (e->role_count) {
        fprintf(out, "  [");
        for (size_t i = 0; i < e->role_count && i < 3; i++)
            fprintf(out, "%s%s", i ? ", " : "", e->roles[i].text);
        fprintf(out, "]");
    }
    fputc('\n', out);
    for (size_t i = 0; i < e->mention_list_count; i++) {
        const xc_entity_mention *m = &e->mention_list[i];
        fprintf(out, "%s      %s  bytes %zu-%zu  %s%s%s\n", indent, m->article, m->start, m->end,
                m->role ? m->role : "", m->role ? " " : "", m->text);
    }
}

/* The line of a byte offset, for messages. */
static long line_at(const char *text, size_t offset)
{
    long line = 1;
    for (size_t i = 0; i < offset; i++)
        line += text[i] == '\n';
    return line;
}

char *read_text_operand(const char *path, size_t *len)
{
    char *text;
    xc_error err = {0};
    if (xc_read_file(path, XC_DEFAULT_MAX_BYTES, &text, len, &err) != XC_OK) {
        cli_error("%s", err.message);
        return NULL;
    }
    const char *nul = memchr(text, '\0', *len);
    size_t bad;
    if (nul) {
        bad = (size_t)(nul - text);
        cli_error("%s:%ld: binary data: NUL byte at offset %zu", path, line_at(text, bad), bad);
    } else if (!xc_utf8_valid(text, *len, &bad)) {
        cli_error("%s:%ld: invalid UTF-8: byte 0x%02X at offset %zu (convert the file to UTF-8)", path,
                  line_at(text, bad), (unsigned char)text[bad], bad);
    } else
        return text;
    free(text);
    return NULL;
}
