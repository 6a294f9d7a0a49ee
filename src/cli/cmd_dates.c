/* Dates in text on the command line:
 *   crosscheck dates [--json] [--date YYYY-MM-DD] FILE...   the temporal expressions of text files
 *   crosscheck eval dates DIR [--errors]                   TimeML scores (span F1, value accuracy)
 *
 * Without --date, relative dates are resolved against the date the file
 * itself gives away (xc_infer_document_date), said on stderr; when it
 * gives none they keep X digits (XXXX-03-11). Offsets are bytes of the
 * file as given. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../eval/eval_dates.h"
#include "../util/buf.h"
#include "../util/json_writer.h"

/* Text fit for one line of output: line breaks and tabs as spaces. */
static void print_flat(FILE *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        fputc(s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ? ' ' : s[i], out);
}

static int dates_of_file(const cli *c, const char *path, const xc_date *given, bool many)
{
    size_t len = 0;
    char *text = read_text_operand(path, &len);
    if (!text)
        return EXIT_PARTIAL;
    xc_date anchor = {0};
    const xc_date *use = given;
    char evidence[200] = "";
    char day[32] = "";
    if (!given) {
        if (xc_infer_document_date(text, len, &anchor, evidence, sizeof evidence) == XC_OK) {
            use = &anchor;
            xc_date_format(&anchor, day, sizeof day);
            cli_error("%s: no --date: relative dates resolved against %s, inferred from %s", path, day, evidence);
        } else {
            cli_error("%s: no --date and no date in the text: relative dates keep X digits", path);
        }
    } else {
        xc_date_format(given, day, sizeof day);
    }
    xc_timex_list list = {0};
    xc_status st = xc_find_dates(text, len, use, &list);
    if (st != XC_OK) {
        cli_error("%s: %s", path, xc_status_name(st));
        free(text);
        xc_timex_list_free(&list);
        return EXIT_FATAL;
    }
    if (!c->json) {
        printf("%s: %zu expressions; anchor %s%s%s\n", path, list.count, use ? day : "unknown",
               !given && use ? ", inferred from " : "", !given && use ? evidence : "");
    }
    xc_buf out = {0};
    for (size_t k = 0; k < list.count; k++) {
        const xc_timex *t = &list.items[k];
        if (c->json) {
            xc_json j;
            xc_buf_reset(&out);
            xc_json_init(&j, &out);
            xc_json_object_begin(&j);
            if (many)
                xc_json_key(&j, "file"), xc_json_string(&j, path);
            xc_json_key(&j, "start"), xc_json_int(&j, t->start);
            xc_json_key(&j, "end"), xc_json_int(&j, t->end);
            xc_json_key(&j, "text"), xc_json_string_n(&j, text + t->start, t->end - t->start);
            xc_json_key(&j, "value"), xc_json_string(&j, t->value);
            xc_json_key(&j, "type"), xc_json_string(&j, xc_timex_type_name(t->type));
            if (t->mod)
                xc_json_key(&j, "mod"), xc_json_string(&j, t->mod);
            xc_json_object_end(&j);
            print_json_line(stdout, xc_buf_str(&out));
        } else {
            printf("  %6u-%-6u %-8s %-14s ", t->start, t->end, xc_timex_type_name(t->type), t->value);
            print_flat(stdout, text + t->start, t->end - t->start);
            putchar('\n');
        }
    }
    xc_buf_free(&out);
    xc_timex_list_free(&list);
    free(text);
    return EXIT_OK;
}

int cmd_dates(const cli *c)
{
    static const char *const valued[] = {"date", NULL};
    arg_iter it = {c, 0, false, {0}};
    arg a;
    bool bad = false;
    const char *date_text = NULL;
    const char **files = calloc((size_t)c->argc + 1, sizeof *files);
    size_t count = 0;
    if (!files)
        return EXIT_FATAL;
    while (!bad && next_arg(&it, valued, &a, &bad)) {
        if (!a.option) {
            files[count++] = a.value;
        } else if (strcmp(a.option, "date") == 0) {
            date_text = a.value;
        } else {
            cli_error("dates: unexpected --%s", a.option);
            bad = true;
        }
    }
    if (!bad && count == 0) {
        cli_error("usage: crosscheck dates [--json] [--date YYYY-MM-DD] FILE...");
        bad = true;
    }
    xc_date given = {0};
    if (!bad && date_text && (!xc_date_parse(date_text, strlen(date_text), &given) || given.precision < XC_DATE_DAY)) {
        cli_error("dates: --date %s is not a day (use YYYY-MM-DD)", date_text);
        bad = true;
    }
    if (bad) {
        free(files);
        return EXIT_USAGE;
    }
    int rc = EXIT_OK;
    for (size_t i = 0; i < count; i++) {
        int r = dates_of_file(c, files[i], date_text ? &given : NULL, count > 1);
        if (r > rc)
            rc = r;
    }
    free(files);
    return rc;
}

/* ---- crosscheck eval dates DIR ---- */

static void warn_line(void *user, const char *message)
{
    (void)user;
    fprintf(stderr, "crosscheck: %s\n", message);
}

static void print_error(void *user, const xc_date_error *e)
{
    (void)user;
    static const char *const kinds[] = {"missed", "spurious", "value", "span"};
    const char *file = strrchr(e->file, '/');
    printf("%-8s %s dct=%s  gold=", kinds[e->kind], file ? file + 1 : e->file, e->dct);
    if (e->gold_text) {
        putchar('"');
        print_flat(stdout, e->gold_text, e->gold_len);
        printf("\"=%s", e->gold_value);
    } else {
        printf("-");
    }
    printf("  found=");
    if (e->pred_text) {
        putchar('"');
        print_flat(stdout, e->pred_text, e->pred_len);
        printf("\"=%s", e->pred_value);
    } else {
        printf("-");
    }
    printf("  | ");
    print_flat(stdout, e->context, e->context_len);
    putchar('\n');
}

int eval_dates(const cli *c, int first)
{
    cli sub = *c;
    sub.argc = c->argc - first;
    sub.argv = c->argv + first;
    arg_iter it = {&sub, 0, false, {0}};
    arg a;
    bool bad = false, errors = false;
    const char *dir = NULL;
    xc_timex_options timex = {0};
    while (!bad && next_arg(&it, NULL, &a, &bad)) {
        if (!a.option && !dir)
            dir = a.value;
        else if (a.option && strcmp(a.option, "errors") == 0)
            errors = true;
        else if (a.option && strcmp(a.option, "no-tense") == 0)
            timex.no_tense = true;
        else if (a.option && strcmp(a.option, "no-discourse") == 0)
            timex.no_discourse = true;
        else {
            cli_error("eval dates: unexpected %s%s", a.option ? "--" : "", a.option ? a.option : a.value);
            bad = true;
        }
    }
    if (!bad && !dir) {
        cli_error("usage: crosscheck eval dates DIR [--errors]  (DIR holds TimeML .tml files)");
        bad = true;
    }
    if (bad)
        return EXIT_USAGE;
    xc_eval_dates_options o = {&timex, warn_line, errors ? print_error : NULL, NULL};
    xc_eval_dates_result r;
    xc_error err = {0};
    if (xc_eval_dates_run(dir, &o, &r, &err) != XC_OK) {
        int rc = cli_fail(&err);
        return err.status == XC_ERR_IO || err.status == XC_ERR_FORMAT ? EXIT_PARTIAL : rc;
    }
    double mb = r.bytes / 1e6;
    if (c->json) {
        xc_buf out = {0};
        xc_json j;
        xc_json_init(&j, &out);
        xc_json_object_begin(&j);
        xc_json_key(&j, "strict_p"), xc_json_double(&j, r.strict_p);
        xc_json_key(&j, "strict_r"), xc_json_double(&j, r.strict_r);
        xc_json_key(&j, "strict_f1"), xc_json_double(&j, r.strict_f1);
        xc_json_key(&j, "relaxed_p"), xc_json_double(&j, r.relaxed_p);
        xc_json_key(&j, "relaxed_r"), xc_json_double(&j, r.relaxed_r);
        xc_json_key(&j, "relaxed_f1"), xc_json_double(&j, r.relaxed_f1);
        xc_json_key(&j, "value_accuracy"), xc_json_double(&j, r.value_accuracy);
        xc_json_key(&j, "value_accuracy_matched"), xc_json_double(&j, r.value_accuracy_matched);
        xc_json_key(&j, "gold"), xc_json_int(&j, (int64_t)r.gold);
        xc_json_key(&j, "predicted"), xc_json_int(&j, (int64_t)r.predicted);
        xc_json_key(&j, "files"), xc_json_int(&j, (int64_t)r.files);
        xc_json_key(&j, "failed_files"), xc_json_int(&j, (int64_t)r.failed_files);
        xc_json_key(&j, "seconds"), xc_json_double(&j, r.seconds);
        xc_json_object_end(&j);
        print_json_line(stdout, xc_buf_str(&out));
        xc_buf_free(&out);
    } else {
        printf("%s: %zu files (%zu unreadable), %zu gold DATE expressions (document creation times left out), "
               "%zu found\n",
               dir, r.files, r.failed_files, r.gold, r.predicted);
        printf("  strict span   P %.4f  R %.4f  F1 %.4f\n", r.strict_p, r.strict_r, r.strict_f1);
        printf("  relaxed span  P %.4f  R %.4f  F1 %.4f\n", r.relaxed_p, r.relaxed_r, r.relaxed_f1);
        printf("  value accuracy %.4f (%zu of %zu gold DATEs; %.4f of the %zu found)\n", r.value_accuracy,
               r.value_correct, r.gold, r.value_accuracy_matched, r.relaxed_gold);
        printf("  %.3f s recognising %.2f MB (%.1f MB/s)\n", r.seconds, mb, r.seconds > 0 ? mb / r.seconds : 0);
    }
    return r.failed_files ? EXIT_PARTIAL : EXIT_OK;
}
