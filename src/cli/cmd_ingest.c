/* crosscheck ingest PATH... */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../util/buf.h"
#include "../util/json_writer.h"

int cmd_ingest(const cli *c)
{
    static const char *const valued[] = {"format", "max-bytes", "batch", "set", NULL};
    const char *settings[33] = {0};
    size_t setting_count = 0;
    xc_ingest_options opt = {0};
    ingest_view view = {0};
    const char **paths = calloc((size_t)c->argc + 1, sizeof *paths);
    size_t count = 0;
    arg_iter it = {c, 0, false, {0}};
    arg a;
    bool bad;
    if (!paths)
        return EXIT_FATAL;
    while (next_arg(&it, valued, &a, &bad)) {
        if (!a.option) {
            paths[count++] = a.value;
        } else if (strcmp(a.option, "format") == 0) {
            if (strcmp(a.value, "auto") == 0)
                opt.format = XC_FORMAT_AUTO;
            else if (strcmp(a.value, "text") == 0)
                opt.format = XC_FORMAT_TEXT;
            else if (strcmp(a.value, "jsonl") == 0)
                opt.format = XC_FORMAT_JSONL;
            else {
                cli_error("--format must be auto, text or jsonl, not \"%s\"", a.value);
                bad = true;
                break;
            }
        } else if (strcmp(a.option, "max-bytes") == 0) {
            if (!parse_size(a.value, &opt.max_bytes) || opt.max_bytes == 0) {
                cli_error("--max-bytes takes a size such as 32M, not \"%s\"", a.value);
                bad = true;
                break;
            }
        } else if (strcmp(a.option, "batch") == 0) {
            if (!parse_size(a.value, &opt.batch_size) || opt.batch_size == 0) {
                cli_error("--batch takes a number of articles, not \"%s\"", a.value);
                bad = true;
                break;
            }
        } else if (strcmp(a.option, "set") == 0) {
            if (setting_count == 32) {
                cli_error("too many --set options");
                bad = true;
                break;
            }
            settings[setting_count++] = a.value;
        } else if (strcmp(a.option, "repair-utf8") == 0) {
            opt.repair_utf8 = true;
        } else if (strcmp(a.option, "quiet") == 0 || strcmp(a.option, "q") == 0) {
            view.quiet = true;
        } else {
            cli_error("unknown option --%s for ingest", a.option);
            bad = true;
            break;
        }
    }
    if (bad || count == 0) {
        if (!bad)
            cli_error("ingest needs files or folders to read (\"-\" for standard input)");
        free(paths);
        return EXIT_USAGE;
    }
    xc_ctx *ctx = cli_open(c);
    if (!ctx) {
        free(paths);
        return EXIT_FATAL;
    }
    /* --set NAME=VALUE: a tuning parameter for this run (e.g. window_days). */
    for (size_t i = 0; i < setting_count; i++) {
        xc_error set_err = {0};
        if (xc_set_param_text(ctx, settings[i], &set_err) != XC_OK) {
            xc_close(ctx);
            free(paths);
            return cli_fail(&set_err);
        }
    }
    xc_ingest_summary sum;
    xc_error err = {0};
    xc_status st = xc_ingest_paths(ctx, paths, count, &opt, print_item_report, &view, &sum, &err);
    free(paths);
    xc_store_stats stats = {0};
    xc_error stats_err;
    xc_stats(ctx, &stats, &stats_err);
    xc_close(ctx);
    if (c->json) {
        xc_buf out = {0};
        xc_json j;
        xc_json_init(&j, &out);
        xc_json_object_begin(&j);
        xc_json_key(&j, "added"), xc_json_int(&j, (int64_t)sum.added);
        xc_json_key(&j, "updated"), xc_json_int(&j, (int64_t)sum.updated);
        xc_json_key(&j, "unchanged"), xc_json_int(&j, (int64_t)sum.unchanged);
        xc_json_key(&j, "failed"), xc_json_int(&j, (int64_t)sum.failed);
        xc_json_key(&j, "warnings"), xc_json_int(&j, (int64_t)sum.warnings);
        xc_json_key(&j, "bytes"), xc_json_int(&j, (int64_t)sum.bytes);
        xc_json_key(&j, "batches"), xc_json_int(&j, (int64_t)sum.batches);
        xc_json_key(&j, "articles"), xc_json_int(&j, (int64_t)stats.articles);
        xc_json_key(&j, "stories"), xc_json_int(&j, (int64_t)stats.stories);
        xc_json_object_end(&j);
        print_json_line(stdout, xc_buf_str(&out));
        xc_buf_free(&out);
    } else if (!view.quiet) {
        printf("ingested %zu article%s: %zu added, %zu updated, %zu unchanged, %zu failed\n",
               sum.added + sum.updated + sum.unchanged, sum.added + sum.updated + sum.unchanged == 1 ? "" : "s",
               sum.added, sum.updated, sum.unchanged, sum.failed);
        printf("store %s: %zu articles in %zu stories\n", c->db_path, stats.articles, stats.stories);
    }
    if (st != XC_OK)
        return cli_fail(&err);
    return sum.failed ? EXIT_PARTIAL : EXIT_OK;
}
