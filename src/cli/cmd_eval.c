/* crosscheck eval cluster FILE.jsonl */
#include <string.h>

#include "cli.h"
#include "../util/buf.h"
#include "../util/json_writer.h"

/* The arguments of an evaluation: one file, --gold FIELD, --set NAME=VALUE. */
typedef struct eval_args {
    const char *file, *field;
    const char *settings[33];
    size_t setting_count;
} eval_args;

static bool parse_eval_args(const cli *c, int first, const char *what, eval_args *out)
{
    static const char *const valued[] = {"gold", "set", NULL};
    cli sub = *c;
    sub.argc = c->argc - first;
    sub.argv = c->argv + first;
    arg_iter it = {&sub, 0, false, {0}};
    arg a;
    bool bad = false;
    *out = (eval_args){.field = "event"};
    while (!bad && next_arg(&it, valued, &a, &bad)) {
        if (!a.option && !out->file)
            out->file = a.value;
        else if (a.option && strcmp(a.option, "gold") == 0)
            out->field = a.value;
        else if (a.option && strcmp(a.option, "set") == 0 && out->setting_count < 32)
            out->settings[out->setting_count++] = a.value;
        else {
            cli_error("eval %s: unexpected %s%s", what, a.option ? "--" : "", a.option ? a.option : a.value);
            bad = true;
        }
    }
    if (!bad && !out->file) {
        cli_error("eval %s needs a JSON Lines file whose records have a gold \"%s\" field", what, out->field);
        bad = true;
    }
    return !bad;
}

static int eval_cluster(const cli *c, int first)
{
    eval_args args;
    if (!parse_eval_args(c, first, "cluster", &args))
        return EXIT_USAGE;
    const char *file = args.file, *field = args.field;
    xc_eval_cluster_result r;
    xc_error err = {0};
    if (xc_eval_cluster(file, field, args.settings, &r, &err) != XC_OK)
        return cli_fail(&err);
    const xc_cluster_scores *s = &r.scores;
    if (c->json) {
        xc_buf out = {0};
        xc_json j;
        xc_json_init(&j, &out);
        xc_json_object_begin(&j);
        xc_json_key(&j, "bcubed_p"), xc_json_double(&j, s->bcubed_p);
        xc_json_key(&j, "bcubed_r"), xc_json_double(&j, s->bcubed_r);
        xc_json_key(&j, "bcubed_f1"), xc_json_double(&j, s->bcubed_f1);
        xc_json_key(&j, "pairwise_p"), xc_json_double(&j, s->pairwise_p);
        xc_json_key(&j, "pairwise_r"), xc_json_double(&j, s->pairwise_r);
        xc_json_key(&j, "pairwise_f1"), xc_json_double(&j, s->pairwise_f1);
        xc_json_key(&j, "ari"), xc_json_double(&j, s->ari);
        xc_json_key(&j, "homogeneity"), xc_json_double(&j, s->homogeneity);
        xc_json_key(&j, "completeness"), xc_json_double(&j, s->completeness);
        xc_json_key(&j, "v_measure"), xc_json_double(&j, s->v_measure);
        xc_json_key(&j, "articles"), xc_json_int(&j, (int64_t)s->items);
        xc_json_key(&j, "events"), xc_json_int(&j, (int64_t)s->classes);
        xc_json_key(&j, "stories"), xc_json_int(&j, (int64_t)s->clusters);
        xc_json_key(&j, "failed"), xc_json_int(&j, (int64_t)r.ingest.failed);
        xc_json_key(&j, "without_gold"), xc_json_int(&j, (int64_t)r.without_gold);
        xc_json_key(&j, "seconds"), xc_json_double(&j, r.seconds);
        xc_json_object_end(&j);
        print_json_line(stdout, xc_buf_str(&out));
        xc_buf_free(&out);
    } else {
        printf("%s: %zu articles, %zu events, %zu stories", file, s->items, s->classes, s->clusters);
        if (r.ingest.failed || r.without_gold)
            printf(" (%zu unreadable, %zu without \"%s\")", r.ingest.failed, r.without_gold, field);
        printf("\n");
        printf("  B3        P %.4f  R %.4f  F1 %.4f\n", s->bcubed_p, s->bcubed_r, s->bcubed_f1);
        printf("  pairwise  P %.4f  R %.4f  F1 %.4f\n", s->pairwise_p, s->pairwise_r, s->pairwise_f1);
        printf("  ARI %.4f   V-measure %.4f (homogeneity %.4f, completeness %.4f)\n", s->ari, s->v_measure,
               s->homogeneity, s->completeness);
        printf("  %.2f s (%.0f articles/s)\n", r.seconds, r.seconds > 0 ? s->items / r.seconds : 0);
    }
    return EXIT_OK;
}

static int eval_dedup(const cli *c, int first)
{
    eval_args args;
    if (!parse_eval_args(c, first, "dedup", &args))
        return EXIT_USAGE;
    const char *file = args.file, *field = args.field;
    xc_eval_dedup_result r;
    xc_error err = {0};
    if (xc_eval_dedup(file, field, args.settings, &r, &err) != XC_OK)
        return cli_fail(&err);
    if (c->json) {
        xc_buf out = {0};
        xc_json j;
        xc_json_init(&j, &out);
        xc_json_object_begin(&j);
        xc_json_key(&j, "precision"), xc_json_double(&j, r.precision);
        xc_json_key(&j, "recall"), xc_json_double(&j, r.recall);
        xc_json_key(&j, "f1"), xc_json_double(&j, r.f1);
        xc_json_key(&j, "articles"), xc_json_int(&j, (int64_t)r.articles);
        xc_json_key(&j, "gold_copies"), xc_json_int(&j, (int64_t)r.gold_copies);
        xc_json_key(&j, "predicted_copies"), xc_json_int(&j, (int64_t)r.predicted_copies);
        xc_json_key(&j, "per_kind");
        xc_json_object_begin(&j);
        for (size_t k = 0; k < r.kind_count; k++) {
            xc_json_key(&j, r.kinds[k].kind);
            xc_json_double(&j, r.kinds[k].copies ? (double)r.kinds[k].found / r.kinds[k].copies : 0);
        }
        xc_json_object_end(&j);
        xc_json_key(&j, "seconds"), xc_json_double(&j, r.seconds);
        xc_json_object_end(&j);
        print_json_line(stdout, xc_buf_str(&out));
        xc_buf_free(&out);
    } else {
        printf("%s: %zu articles, %zu gold copies, %zu found as copies\n", file, r.articles, r.gold_copies,
               r.predicted_copies);
        printf("  copies  P %.4f  R %.4f  F1 %.4f\n", r.precision, r.recall, r.f1);
        for (size_t k = 0; k < r.kind_count; k++)
            printf("  %-12s %6zu copies, %5.1f%% found\n", r.kinds[k].kind, r.kinds[k].copies,
                   r.kinds[k].copies ? 100.0 * r.kinds[k].found / r.kinds[k].copies : 0);
        printf("  %.2f s\n", r.seconds);
    }
    return EXIT_OK;
}

static int eval_entities(const cli *c, int first)
{
    eval_args args;
    if (!parse_eval_args(c, first, "entities", &args))
        return EXIT_USAGE;
    xc_eval_entities_result r;
    xc_error err = {0};
    if (xc_eval_entities(args.file, args.settings, &r, &err) != XC_OK)
        return cli_fail(&err);
    if (c->json) {
        xc_buf out = {0};
        xc_json j;
        xc_json_init(&j, &out);
        xc_json_object_begin(&j);
        xc_json_key(&j, "bcubed_p"), xc_json_double(&j, r.bcubed_p);
        xc_json_key(&j, "bcubed_r"), xc_json_double(&j, r.bcubed_r);
        xc_json_key(&j, "bcubed_f1"), xc_json_double(&j, r.bcubed_f1);
        xc_json_key(&j, "muc_f1"), xc_json_double(&j, r.muc_f1);
        xc_json_key(&j, "found_bcubed_p"), xc_json_double(&j, r.found_bcubed_p);
        xc_json_key(&j, "found_bcubed_r"), xc_json_double(&j, r.found_bcubed_r);
        xc_json_key(&j, "found_bcubed_f1"), xc_json_double(&j, r.found_bcubed_f1);
        xc_json_key(&j, "same_text_bcubed_f1"), xc_json_double(&j, r.same_text_bcubed_f1);
        xc_json_key(&j, "documents"), xc_json_int(&j, (int64_t)r.documents);
        xc_json_key(&j, "failed_documents"), xc_json_int(&j, (int64_t)r.failed_documents);
        xc_json_key(&j, "mentions"), xc_json_int(&j, (int64_t)r.mentions);
        xc_json_key(&j, "found"), xc_json_int(&j, (int64_t)r.found);
        xc_json_key(&j, "chains"), xc_json_int(&j, (int64_t)r.chains);
        xc_json_key(&j, "annotated_sentences_only"), xc_json_bool(&j, r.annotated_sentences_only);
        xc_json_key(&j, "seconds"), xc_json_double(&j, r.seconds);
        xc_json_object_end(&j);
        print_json_line(stdout, xc_buf_str(&out));
        xc_buf_free(&out);
    } else {
        printf("%s: %zu documents (%zu unreadable), %zu gold entity mentions in %zu chains, %zu found (%.1f%%)\n",
               args.file, r.documents, r.failed_documents, r.mentions, r.chains, r.found,
               r.mentions ? 100.0 * r.found / r.mentions : 0);
        if (r.annotated_sentences_only)
            printf("  (mentions in the sentences annotated for coreference: ECBplus_coreference_sentences.csv)\n");
        printf("  all gold mentions    B3 P %.4f  R %.4f  F1 %.4f   MUC F1 %.4f\n", r.bcubed_p, r.bcubed_r,
               r.bcubed_f1, r.muc_f1);
        printf("  found mentions       B3 P %.4f  R %.4f  F1 %.4f   (same-text baseline F1 %.4f)\n",
               r.found_bcubed_p, r.found_bcubed_r, r.found_bcubed_f1, r.same_text_bcubed_f1);
        printf("  %.2f s\n", r.seconds);
    }
    return EXIT_OK;
}

static void json_rouge(xc_json *j, const char *name, const xc_rouge *r)
{
    char key[32];
    snprintf(key, sizeof key, "%s_f1", name);
    xc_json_key(j, key), xc_json_double(j, r->f1);
    snprintf(key, sizeof key, "%s_p", name);
    xc_json_key(j, key), xc_json_double(j, r->precision);
    snprintf(key, sizeof key, "%s_r", name);
    xc_json_key(j, key), xc_json_double(j, r->recall);
}

static void warn_line(void *user, const char *message)
{
    (void)user;
    cli_error("%s", message);
}

/* crosscheck eval summary --source F --target F [--limit N] [--set NAME=VALUE]
 *                         [--system-output F [--system-name NAME]] */
static int eval_summary(const cli *c, int first)
{
    static const char *const valued[] = {"source", "target", "limit", "set", "system-output", "system-name", NULL};
    cli sub = *c;
    sub.argc = c->argc - first;
    sub.argv = c->argv + first;
    arg_iter it = {&sub, 0, false, {0}};
    arg a;
    bool bad = false;
    const char *settings[33] = {0};
    size_t setting_count = 0;
    const char *source = NULL, *target = NULL;
    xc_eval_summary_options options = {.settings = settings, .warn = warn_line};
    while (!bad && next_arg(&it, valued, &a, &bad)) {
        if (a.option && strcmp(a.option, "source") == 0)
            source = a.value;
        else if (a.option && strcmp(a.option, "target") == 0)
            target = a.value;
        else if (a.option && strcmp(a.option, "limit") == 0 && parse_size(a.value, &options.limit))
            continue;
        else if (a.option && strcmp(a.option, "set") == 0 && setting_count < 32)
            settings[setting_count++] = a.value;
        else if (a.option && strcmp(a.option, "system-output") == 0)
            options.given_path = a.value;
        else if (a.option && strcmp(a.option, "system-name") == 0)
            options.given_name = a.value;
        else {
            cli_error("eval summary: unexpected %s%s%s%s", a.option ? "--" : "", a.option ? a.option : a.value,
                      a.option && a.value ? " " : "", a.option && a.value ? a.value : "");
            bad = true;
        }
    }
    if (!bad && (!source || !target)) {
        cli_error("usage: crosscheck eval summary --source FILE --target FILE [--limit N] [--set NAME=VALUE] "
                  "[--system-output FILE [--system-name NAME]]  (NeuS *.source / *.target)");
        bad = true;
    }
    if (bad)
        return EXIT_USAGE;
    xc_eval_summary_result r;
    xc_error err = {0};
    if (xc_eval_summary(source, target, &options, &r, &err) != XC_OK) {
        int rc = cli_fail(&err);
        return err.status == XC_ERR_IO || err.status == XC_ERR_FORMAT ? EXIT_PARTIAL : rc;
    }
    if (c->json) {
        xc_buf out = {0};
        xc_json j;
        xc_json_init(&j, &out);
        xc_json_object_begin(&j);
        xc_json_key(&j, "clusters"), xc_json_int(&j, (int64_t)r.clusters);
        xc_json_key(&j, "failed"), xc_json_int(&j, (int64_t)r.failed);
        xc_json_key(&j, "reference_words"), xc_json_double(&j, r.reference_words);
        xc_json_key(&j, "unit_seconds"), xc_json_double(&j, r.unit_seconds);
        xc_json_key(&j, "seconds"), xc_json_double(&j, r.seconds);
        xc_json_key(&j, "systems");
        xc_json_object_begin(&j);
        for (size_t k = 0; k < r.system_count; k++) {
            const xc_eval_summary_system *s = &r.systems[k];
            xc_json_key(&j, s->name);
            xc_json_object_begin(&j);
            json_rouge(&j, "rouge1", &s->rouge1);
            json_rouge(&j, "rouge2", &s->rouge2);
            json_rouge(&j, "rougeL", &s->rougeL);
            xc_json_key(&j, "words"), xc_json_double(&j, s->words);
            if (k + 1 < r.system_count || !options.given_path) {
                xc_json_key(&j, "seconds"), xc_json_double(&j, s->seconds + r.unit_seconds);
            }
            xc_json_object_end(&j);
        }
        xc_json_object_end(&j);
        xc_json_object_end(&j);
        print_json_line(stdout, xc_buf_str(&out));
        xc_buf_free(&out);
    } else {
        printf("%s: %zu clusters", source, r.clusters);
        if (r.failed)
            printf(" (%zu lines left out)", r.failed);
        printf("; budget: the reference's words, %.1f on average\n", r.reference_words);
        printf("  %-12s %7s %7s %7s   %13s %13s %13s %6s %10s\n", "SYSTEM", "R1-F1", "R2-F1", "RL-F1",
               "R1 (R / P)", "R2 (R / P)", "RL (R / P)", "WORDS", "CLUSTERS/S");
        for (size_t k = 0; k < r.system_count; k++) {
            const xc_eval_summary_system *s = &r.systems[k];
            printf("  %-12s %7.4f %7.4f %7.4f   %6.4f/%6.4f %6.4f/%6.4f %6.4f/%6.4f %6.1f", s->name, s->rouge1.f1,
                   s->rouge2.f1, s->rougeL.f1, s->rouge1.recall, s->rouge1.precision, s->rouge2.recall,
                   s->rouge2.precision, s->rougeL.recall, s->rougeL.precision, s->words);
            double seconds = s->seconds + r.unit_seconds;
            if (options.given_path && k + 1 == r.system_count)
                printf(" %10s\n", "-");
            else
                printf(" %10.0f\n", seconds > 0 ? r.clusters / seconds : 0);
        }
        printf("  %.2f s in all; clusters/s counts splitting into sentences (%.3f s) and picking, not reading "
               "or scoring\n", r.seconds, r.unit_seconds);
    }
    return r.failed ? EXIT_PARTIAL : EXIT_OK;
}


static void print_extract_row(const xc_eval_extract_system *s)
{
    printf("  %-14s %6zu %6.4f %6.4f %6.4f %6.4f   %5zu %5zu %5zu %5zu", s->name, s->pages, s->precision,
           s->recall, s->accuracy, s->f1, s->tp, s->fn, s->fp, s->tn);
    if (s->seconds > 0)
        printf(" %9.0f\n", s->pages / s->seconds);
    else
        printf(" %9s\n", "-");
}

static void json_extract_line(const xc_eval_extract_system *s)
{
    xc_buf out = {0};
    xc_json j;
    xc_json_init(&j, &out);
    xc_json_object_begin(&j);
    xc_json_key(&j, "system"), xc_json_string(&j, s->name);
    xc_json_key(&j, "pages"), xc_json_int(&j, (int64_t)s->pages);
    xc_json_key(&j, "empty"), xc_json_int(&j, (int64_t)s->empty);
    xc_json_key(&j, "tp"), xc_json_int(&j, (int64_t)s->tp);
    xc_json_key(&j, "fp"), xc_json_int(&j, (int64_t)s->fp);
    xc_json_key(&j, "fn"), xc_json_int(&j, (int64_t)s->fn);
    xc_json_key(&j, "tn"), xc_json_int(&j, (int64_t)s->tn);
    xc_json_key(&j, "precision"), xc_json_double(&j, s->precision);
    xc_json_key(&j, "recall"), xc_json_double(&j, s->recall);
    xc_json_key(&j, "accuracy"), xc_json_double(&j, s->accuracy);
    xc_json_key(&j, "f1"), xc_json_double(&j, s->f1);
    if (s->seconds > 0) {
        xc_json_key(&j, "seconds"), xc_json_double(&j, s->seconds);
        xc_json_key(&j, "pages_per_second"), xc_json_double(&j, s->pages / s->seconds);
    }
    xc_json_object_end(&j);
    print_json_line(stdout, xc_buf_str(&out));
    xc_buf_free(&out);
}

static void print_miss(void *user, const char *message)
{
    (void)user;
    printf("%s\n", message);
}

/* crosscheck eval extract DIR [--limit N] [--system-output DIR [--system-name NAME]]
 *                             [--dump DIR] [--misses] */
static int eval_extract(const cli *c, int first)
{
    static const char *const valued[] = {"limit", "system-output", "system-name", "dump", NULL};
    cli sub = *c;
    sub.argc = c->argc - first;
    sub.argv = c->argv + first;
    arg_iter it = {&sub, 0, false, {0}};
    arg a;
    bool bad = false, misses = false;
    const char *dir = NULL;
    xc_eval_extract_options options = {.warn = warn_line};
    while (!bad && next_arg(&it, valued, &a, &bad)) {
        if (!a.option && !dir)
            dir = a.value;
        else if (a.option && strcmp(a.option, "limit") == 0 && parse_size(a.value, &options.limit))
            continue;
        else if (a.option && strcmp(a.option, "system-output") == 0)
            options.given_dir = a.value;
        else if (a.option && strcmp(a.option, "system-name") == 0)
            options.given_name = a.value;
        else if (a.option && strcmp(a.option, "dump") == 0)
            options.dump_dir = a.value;
        else if (a.option && strcmp(a.option, "misses") == 0 && !a.value)
            misses = true;
        else {
            cli_error("eval extract: unexpected %s%s%s%s", a.option ? "--" : "", a.option ? a.option : a.value,
                      a.option && a.value ? " " : "", a.option && a.value ? a.value : "");
            bad = true;
        }
    }
    if (!bad && !dir) {
        cli_error("usage: crosscheck eval extract DIR [--limit N] [--system-output DIR [--system-name NAME]] "
                  "[--dump DIR] [--misses]  (DIR: evaldata.json and html/FILE.gz)");
        bad = true;
    }
    if (bad)
        return EXIT_USAGE;
    if (misses)
        options.miss = print_miss;
    xc_eval_extract_system ours, given;
    xc_error err = {0};
    if (xc_eval_extract(dir, &options, &ours, &given, &err) != XC_OK) {
        int rc = cli_fail(&err);
        return err.status == XC_ERR_IO || err.status == XC_ERR_FORMAT ? EXIT_PARTIAL : rc;
    }
    if (c->json) {
        json_extract_line(&ours);
        if (options.given_dir)
            json_extract_line(&given);
    } else {
        printf("%s: main text, snippets found (with) and absent (without)\n", dir);
        printf("  %-14s %6s %6s %6s %6s %6s   %5s %5s %5s %5s %9s\n", "SYSTEM", "PAGES", "P", "R", "ACC",
               "F1", "TP", "FN", "FP", "TN", "PAGES/S");
        print_extract_row(&ours);
        if (options.given_dir)
            print_extract_row(&given);
        printf("  pages/s: decoding, parsing and extracting on one core, not reading or gunzipping; "
               "%zu pages gave no text\n", ours.empty);
    }
    return EXIT_OK;
}

int cmd_eval(const cli *c)
{
    if (c->argc < 1) {
        cli_error("eval needs what to evaluate: crosscheck eval cluster FILE.jsonl");
        return EXIT_USAGE;
    }
    if (strcmp(c->argv[0], "cluster") == 0)
        return eval_cluster(c, 1);
    if (strcmp(c->argv[0], "dedup") == 0)
        return eval_dedup(c, 1);
    if (strcmp(c->argv[0], "ner") == 0)
        return eval_ner(c, 1);
    if (strcmp(c->argv[0], "entities") == 0)
        return eval_entities(c, 1);
    if (strcmp(c->argv[0], "dates") == 0)
        return eval_dates(c, 1);
    if (strcmp(c->argv[0], "quotes") == 0)
        return eval_quotes(c, 1);
    if (strcmp(c->argv[0], "summary") == 0)
        return eval_summary(c, 1);
    if (strcmp(c->argv[0], "extract") == 0)
        return eval_extract(c, 1);
    cli_error("unknown evaluation \"%s\" (known: cluster, dedup, ner, entities, dates, quotes, summary, "
              "extract)",
              c->argv[0]);
    return EXIT_USAGE;
}
