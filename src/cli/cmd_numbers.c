/* crosscheck numbers [--all] FILE...: the numeric facts of text files,
 * one a line, with the interval each one states, its hedge, unit, counted
 * thing and predicate. Offsets are bytes of the file. Years, dates, times,
 * ages, scores and the like are left out unless --all is given. No store
 * is opened. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../util/buf.h"
#include "../util/json_writer.h"

/* A figure for people: 12 significant digits, "inf" past the end. */
static void print_number(xc_buf *out, double v)
{
    if (isinf(v))
        xc_buf_puts(out, v > 0 ? "inf" : "-inf");
    else
        xc_buf_printf(out, "%.12g", v);
}

static void json_number(xc_json *j, double v)
{
    if (!isfinite(v)) {
        xc_json_null(j);
        return;
    }
    char s[40];
    snprintf(s, sizeof s, "%.12g", v);
    xc_json_raw(j, s);
}

static void print_json(const char *path, const char *text, const xc_quantity *q)
{
    xc_buf out = {0};
    xc_json j;
    xc_json_init(&j, &out);
    xc_json_object_begin(&j);
    xc_json_key(&j, "file");
    xc_json_string(&j, path);
    xc_json_key(&j, "start");
    xc_json_int(&j, q->start);
    xc_json_key(&j, "end");
    xc_json_int(&j, q->end);
    xc_json_key(&j, "text");
    xc_json_string_n(&j, text + q->start, q->end - q->start);
    xc_json_key(&j, "value");
    json_number(&j, q->value);
    xc_json_key(&j, "low");
    json_number(&j, q->low);
    xc_json_key(&j, "high");
    json_number(&j, q->high);
    xc_json_key(&j, "low_open");
    xc_json_bool(&j, q->low_open);
    xc_json_key(&j, "high_open");
    xc_json_bool(&j, q->high_open);
    xc_json_key(&j, "hedge");
    xc_json_string(&j, xc_hedge_name((xc_hedge)q->hedge));
    xc_json_key(&j, "kind");
    xc_json_string(&j, xc_quantity_kind_name((xc_quantity_kind)q->kind));
    xc_json_key(&j, "unit");
    xc_json_string(&j, q->unit);
    xc_json_key(&j, "thing");
    xc_json_string(&j, q->thing);
    xc_json_key(&j, "thing_text");
    xc_json_string_n(&j, text + q->thing_start, q->thing_end - q->thing_start);
    xc_json_key(&j, "thing_start");
    xc_json_int(&j, q->thing_start);
    xc_json_key(&j, "thing_end");
    xc_json_int(&j, q->thing_end);
    xc_json_key(&j, "predicate");
    xc_json_string(&j, q->predicate);
    xc_json_key(&j, "predicate_start");
    xc_json_int(&j, q->predicate_start);
    xc_json_key(&j, "predicate_end");
    xc_json_int(&j, q->predicate_end);
    xc_json_key(&j, "event");
    xc_json_string(&j, q->event);
    xc_json_key(&j, "sentence_start");
    xc_json_int(&j, q->sentence_start);
    xc_json_key(&j, "sentence_end");
    xc_json_int(&j, q->sentence_end);
    xc_json_key(&j, "flags");
    xc_json_array_begin(&j);
    static const char *const flag_names[] = {"range", "vague", "change", "previous", "words", "increment"};
    for (unsigned k = 0; k < sizeof flag_names / sizeof *flag_names; k++)
        if (q->flags & (1u << k))
            xc_json_string(&j, flag_names[k]);
    xc_json_array_end(&j);
    xc_json_object_end(&j);
    print_json_line(stdout, xc_buf_str(&out));
    xc_buf_free(&out);
}

/* FILE:START-END  KIND  INTERVAL UNIT  HEDGE  THING (PREDICATE)  "TEXT" */
static void print_text(const char *path, const char *text, const xc_quantity *q)
{
    xc_buf out = {0};
    xc_buf_printf(&out, "%s:%u-%u\t%s\t", path, q->start, q->end,
                  xc_quantity_kind_name((xc_quantity_kind)q->kind));
    if (q->low == q->high && !q->low_open && !q->high_open) {
        print_number(&out, q->low);
    } else {
        xc_buf_putc(&out, q->low_open ? '(' : '[');
        print_number(&out, q->low);
        xc_buf_puts(&out, ", ");
        print_number(&out, q->high);
        xc_buf_putc(&out, q->high_open ? ')' : ']');
    }
    if (q->unit[0])
        xc_buf_printf(&out, " %s", q->unit);
    xc_buf_printf(&out, "\t%s\t%s\t%s", xc_hedge_name((xc_hedge)q->hedge), q->thing[0] ? q->thing : "-",
                  q->predicate[0] ? q->predicate : "-");
    if (q->event[0])
        xc_buf_printf(&out, " (%s)", q->event);
    xc_buf_putc(&out, '\t');
    /* the expression and its thing, on one line */
    uint32_t end = q->thing_end > q->end ? q->thing_end : q->end;
    for (uint32_t k = q->start; k < end; k++)
        xc_buf_putc(&out, text[k] == '\n' || text[k] == '\t' || text[k] == '\r' ? ' ' : text[k]);
    xc_buf_putc(&out, '\n');
    fputs(xc_buf_str(&out), stdout);
    xc_buf_free(&out);
}

int cmd_numbers(const cli *c)
{
    arg_iter it = {c, 0, false, {0}};
    arg a;
    bool bad = false, all = false;
    const char **files = calloc((size_t)c->argc + 1, sizeof *files);
    size_t nfiles = 0;
    if (!files) {
        cli_error("out of memory");
        return EXIT_FATAL;
    }
    while (!bad && next_arg(&it, NULL, &a, &bad)) {
        if (!a.option)
            files[nfiles++] = a.value;
        else if (strcmp(a.option, "all") == 0)
            all = true;
        else {
            cli_error("numbers: unexpected --%s", a.option);
            bad = true;
        }
    }
    if (bad || nfiles == 0) {
        if (!bad)
            cli_error("usage: crosscheck numbers [--json] [--all] FILE...");
        free(files);
        return EXIT_USAGE;
    }
    int rc = EXIT_OK;
    for (size_t f = 0; f < nfiles; f++) {
        size_t len = 0;
        char *text = read_text_operand(files[f], &len);
        if (!text) {
            rc = EXIT_PARTIAL;
            continue;
        }
        xc_quantity_list list = {0};
        xc_status st = xc_find_quantities(text, len, &list);
        if (st != XC_OK) { /* the text was checked when read: only memory can fail */
            cli_error("%s: %s", files[f], xc_status_name(st));
            xc_quantity_list_free(&list);
            free(text);
            free(files);
            return EXIT_FATAL;
        }
        for (size_t k = 0; k < list.count; k++) {
            const xc_quantity *q = &list.items[k];
            if (!all && !xc_quantity_is_fact(q))
                continue;
            if (c->json)
                print_json(files[f], text, q);
            else
                print_text(files[f], text, q);
        }
        xc_quantity_list_free(&list);
        free(text);
    }
    free(files);
    return rc;
}
