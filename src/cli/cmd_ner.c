/* The entity tagger on the command line:
 *   crosscheck ner FILE [--model MODEL]                the entities of a text file, grouped
 *   crosscheck ner --conll FILE [--model MODEL]        FILE with a predicted IOB2 column
 *   crosscheck eval ner FILE [--model MODEL]           entity P/R/F1, overall and per type
 *   crosscheck train ner --train FILE --dev FILE --out MODEL [--epochs N]
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "../entity/extract.h"
#include "../ner/tagger.h"
#include "../ner/train.h"
#include "../util/buf.h"
#include "../util/json_writer.h"

static void warn_line(void *user, const char *message)
{
    (void)user;
    fprintf(stderr, "crosscheck: %s\n", message);
}

/* Options shared by the three commands: one operand, --model, and the
 * options of training. */
typedef struct ner_args {
    const char *file, *model, *train, *dev, *out;
    bool conll;
    size_t epochs;
    bool no_gazetteer, no_clusters;
} ner_args;

static bool parse_ner_args(const cli *c, int first, const char *what, ner_args *out)
{
    static const char *const valued[] = {"model", "train", "dev", "out", "epochs", NULL};
    cli sub = *c;
    sub.argc = c->argc - first;
    sub.argv = c->argv + first;
    arg_iter it = {&sub, 0, false, {0}};
    arg a;
    bool bad = false;
    *out = (ner_args){0};
    while (!bad && next_arg(&it, valued, &a, &bad)) {
        if (!a.option && !out->file)
            out->file = a.value;
        else if (a.option && strcmp(a.option, "model") == 0)
            out->model = a.value;
        else if (a.option && strcmp(a.option, "train") == 0)
            out->train = a.value;
        else if (a.option && strcmp(a.option, "dev") == 0)
            out->dev = a.value;
        else if (a.option && strcmp(a.option, "out") == 0)
            out->out = a.value;
        else if (a.option && strcmp(a.option, "epochs") == 0)
            bad = !parse_size(a.value, &out->epochs) || out->epochs == 0 || out->epochs > 1000;
        else if (a.option && strcmp(a.option, "conll") == 0)
            out->conll = true;
        else if (a.option && strcmp(a.option, "no-gazetteer") == 0)
            out->no_gazetteer = true;
        else if (a.option && strcmp(a.option, "no-clusters") == 0)
            out->no_clusters = true;
        else {
            cli_error("%s: unexpected %s%s", what, a.option ? "--" : "", a.option ? a.option : a.value);
            bad = true;
        }
    }
    return !bad;
}

/* A file the user named that cannot be read or parsed: exit 1, as for
 * other input (3 stays for the system failing). */
static int input_fail(const xc_error *err)
{
    int rc = cli_fail(err);
    return err->status == XC_ERR_IO || err->status == XC_ERR_FORMAT ? EXIT_PARTIAL : rc;
}

static int open_tagger(const ner_args *args, xc_ner_tagger *t)
{
    xc_error err = {0};
    if (xc_ner_tagger_open(t, args->model, &err) != XC_OK)
        return input_fail(&err);
    return EXIT_OK;
}

/* Reads a CoNLL file and tags it; *iob gets one tag per token. */
static int tag_file(const char *path, const xc_ner_tagger *t, xc_conll *c, uint8_t **iob)
{
    xc_error err = {0};
    if (xc_conll_read(path, c, warn_line, NULL, &err) != XC_OK)
        return input_fail(&err);
    *iob = malloc(c->tokens.count + 1);
    if (!*iob) {
        xc_conll_free(c);
        cli_error("out of memory");
        return EXIT_FATAL;
    }
    if (xc_ner_tag_conll(&t->model, &t->resources, c, *iob, &err) != XC_OK) {
        free(*iob);
        xc_conll_free(c);
        return cli_fail(&err);
    }
    return EXIT_OK;
}

/* FILE again, each token line with one more column: conlleval's input. */
static int print_conll(const char *path, const xc_conll *c, const uint8_t *iob)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        cli_error("cannot reopen %s", path);
        return EXIT_FATAL;
    }
    char *line = NULL;
    size_t cap = 0, token = 0;
    ssize_t got;
    uint32_t number = 0;
    while ((got = getline(&line, &cap, f)) >= 0) {
        number++;
        size_t len = (size_t)got;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            len--;
        fwrite(line, 1, len, stdout);
        if (token < c->tokens.count && c->tokens.items[token].line == number)
            printf(" %s", xc_iob_name(iob[token++]));
        else if (len >= 10 && memcmp(line, "-DOCSTART-", 10) == 0)
            printf(" O");
        putchar('\n');
    }
    free(line);
    fclose(f);
    return EXIT_OK;
}

/* The distinct texts of an entity's mentions (or roles), in order of first use. */
static void json_distinct(xc_json *j, const xc_entity_extractor *x, const char *text, size_t entity, bool roles)
{
    xc_json_array_begin(j);
    for (uint32_t k = x->first[entity]; k < x->first[entity + 1]; k++) {
        const xc_mention *m = &x->mentions.items[x->by_entity[k]];
        uint32_t s = roles ? m->role_start : m->start, e = roles ? m->role_end : m->end;
        bool seen = s == e;
        for (uint32_t q = x->first[entity]; q < k && !seen; q++) {
            const xc_mention *o = &x->mentions.items[x->by_entity[q]];
            uint32_t os = roles ? o->role_start : o->start, oe = roles ? o->role_end : o->end;
            seen = oe - os == e - s && memcmp(text + os, text + s, e - s) == 0;
        }
        if (!seen)
            xc_json_string_n(j, text + s, e - s);
    }
    xc_json_array_end(j);
}

static int print_text_entities(const cli *c, const char *path, const xc_ner_tagger *t)
{
    size_t len = 0;
    char *text = read_text_operand(path, &len);
    if (!text)
        return EXIT_PARTIAL;
    xc_entity_extractor x = {.tagger = t};
    xc_status st = xc_entities_extract(&x, text, len);
    if (st != XC_OK) {
        cli_error("%s: %s", path, xc_status_name(st));
        xc_entity_extractor_free(&x);
        free(text);
        return EXIT_FATAL;
    }
    for (size_t e = 0; e < x.entities.count; e++) {
        const xc_local_entity *ent = &x.entities.items[e];
        const xc_mention *name = &x.mentions.items[ent->name];
        xc_buf out = {0};
        xc_json j;
        xc_json_init(&j, &out);
        if (c->json) {
            xc_json_object_begin(&j);
            xc_json_key(&j, "file"), xc_json_string(&j, path);
            xc_json_key(&j, "name"), xc_json_string_n(&j, text + name->start, name->end - name->start);
            xc_json_key(&j, "type"), xc_json_string(&j, xc_ner_type_name(ent->type));
            xc_json_key(&j, "mentions"), xc_json_int(&j, ent->mentions);
            xc_json_key(&j, "variants"), json_distinct(&j, &x, text, e, false);
            xc_json_key(&j, "roles"), json_distinct(&j, &x, text, e, true);
            xc_json_object_end(&j);
            print_json_line(stdout, xc_buf_str(&out));
        } else {
            xc_json_init(&j, &out);
            json_distinct(&j, &x, text, e, false);
            printf("%-4s %3u  %.*s  %s", xc_ner_type_name(ent->type), ent->mentions, (int)(name->end - name->start),
                   text + name->start, xc_buf_str(&out));
            xc_buf_reset(&out);
            xc_json_init(&j, &out);
            json_distinct(&j, &x, text, e, true);
            if (strcmp(xc_buf_str(&out), "[]") != 0)
                printf("  roles %s", xc_buf_str(&out));
            putchar('\n');
        }
        xc_buf_free(&out);
    }
    xc_entity_extractor_free(&x);
    free(text);
    return EXIT_OK;
}

int cmd_ner(const cli *c)
{
    ner_args args;
    if (!parse_ner_args(c, 0, "ner", &args))
        return EXIT_USAGE;
    if (!args.file) {
        cli_error("usage: crosscheck ner FILE | --conll FILE  [--model MODEL]");
        return EXIT_USAGE;
    }
    if (!args.conll) {
        xc_ner_tagger t;
        int rc = open_tagger(&args, &t);
        if (rc == EXIT_OK)
            rc = print_text_entities(c, args.file, &t);
        xc_ner_tagger_close(&t);
        return rc;
    }
    xc_ner_tagger t;
    int rc = open_tagger(&args, &t);
    if (rc != EXIT_OK)
        return rc;
    xc_conll conll;
    uint8_t *iob;
    rc = tag_file(args.file, &t, &conll, &iob);
    if (rc == EXIT_OK) {
        rc = print_conll(args.file, &conll, iob);
        if (rc == EXIT_OK && conll.bad_lines)
            rc = EXIT_PARTIAL;
        free(iob);
        xc_conll_free(&conll);
    }
    xc_ner_tagger_close(&t);
    return rc;
}

static void score_conll(const xc_conll *c, const uint8_t *iob, xc_ner_scores *s)
{
    memset(s, 0, sizeof *s);
    uint8_t *gold = malloc(c->tokens.count + 1);
    if (!gold)
        return;
    for (size_t i = 0; i < c->tokens.count; i++)
        gold[i] = c->tokens.items[i].gold == XC_NER_NO_LABEL ? 0 : c->tokens.items[i].gold;
    for (size_t k = 0; k < c->sentences.count; k++) {
        const xc_conll_sentence *sent = &c->sentences.items[k];
        xc_ner_scores_add(s, gold + sent->first, iob + sent->first, sent->count);
    }
    free(gold);
}

static void json_counts(xc_json *j, const xc_ner_counts *n)
{
    xc_json_object_begin(j);
    xc_json_key(j, "precision"), xc_json_double(j, xc_ner_precision(n));
    xc_json_key(j, "recall"), xc_json_double(j, xc_ner_recall(n));
    xc_json_key(j, "f1"), xc_json_double(j, xc_ner_f1(n));
    xc_json_key(j, "gold"), xc_json_int(j, (int64_t)n->gold);
    xc_json_key(j, "predicted"), xc_json_int(j, (int64_t)n->predicted);
    xc_json_key(j, "correct"), xc_json_int(j, (int64_t)n->correct);
    xc_json_object_end(j);
}

static void print_scores(const cli *c, const char *file, const xc_ner_scores *s, double seconds)
{
    if (c->json) {
        xc_buf out = {0};
        xc_json j;
        xc_json_init(&j, &out);
        xc_json_object_begin(&j);
        xc_json_key(&j, "precision"), xc_json_double(&j, xc_ner_precision(&s->all));
        xc_json_key(&j, "recall"), xc_json_double(&j, xc_ner_recall(&s->all));
        xc_json_key(&j, "f1"), xc_json_double(&j, xc_ner_f1(&s->all));
        xc_json_key(&j, "per_type");
        xc_json_object_begin(&j);
        for (int t = 0; t < XC_NER_TYPES; t++) {
            xc_json_key(&j, xc_ner_type_name(t));
            json_counts(&j, &s->per_type[t]);
        }
        xc_json_object_end(&j);
        xc_json_key(&j, "entities"), xc_json_int(&j, (int64_t)s->all.gold);
        xc_json_key(&j, "tokens"), xc_json_int(&j, (int64_t)s->tokens);
        xc_json_key(&j, "sentences"), xc_json_int(&j, (int64_t)s->sentences);
        xc_json_key(&j, "seconds"), xc_json_double(&j, seconds);
        xc_json_object_end(&j);
        print_json_line(stdout, xc_buf_str(&out));
        xc_buf_free(&out);
        return;
    }
    printf("%s: %zu tokens, %zu sentences, %zu gold entities, %zu predicted\n", file, s->tokens, s->sentences,
           s->all.gold, s->all.predicted);
    printf("  %-5s P %6.2f  R %6.2f  F1 %6.2f\n", "all", 100 * xc_ner_precision(&s->all),
           100 * xc_ner_recall(&s->all), 100 * xc_ner_f1(&s->all));
    for (int t = 0; t < XC_NER_TYPES; t++)
        printf("  %-5s P %6.2f  R %6.2f  F1 %6.2f  (%zu gold)\n", xc_ner_type_name(t),
               100 * xc_ner_precision(&s->per_type[t]), 100 * xc_ner_recall(&s->per_type[t]),
               100 * xc_ner_f1(&s->per_type[t]), s->per_type[t].gold);
    printf("  %.2f s (%.0f tokens/s)\n", seconds, seconds > 0 ? s->tokens / seconds : 0);
}

int eval_ner(const cli *c, int first)
{
    ner_args args;
    if (!parse_ner_args(c, first, "eval ner", &args))
        return EXIT_USAGE;
    if (!args.file) {
        cli_error("usage: crosscheck eval ner FILE [--model MODEL]  (FILE in CoNLL format, gold tags last)");
        return EXIT_USAGE;
    }
    xc_ner_tagger t;
    int rc = open_tagger(&args, &t);
    if (rc != EXIT_OK)
        return rc;
    xc_conll conll;
    uint8_t *iob;
    clock_t start = clock();
    rc = tag_file(args.file, &t, &conll, &iob);
    double seconds = (double)(clock() - start) / CLOCKS_PER_SEC;
    if (rc == EXIT_OK) {
        xc_ner_scores s;
        score_conll(&conll, iob, &s);
        print_scores(c, args.file, &s, seconds);
        free(iob);
        xc_conll_free(&conll);
    }
    xc_ner_tagger_close(&t);
    return rc;
}

int train_ner(const cli *c)
{
    ner_args args;
    if (!parse_ner_args(c, 1, "train ner", &args))
        return EXIT_USAGE;
    if (!args.train || !args.dev || !args.out || args.file) {
        cli_error("usage: crosscheck train ner --train FILE --dev FILE --out MODEL [--epochs N] "
                  "[--no-gazetteer] [--no-clusters]");
        return EXIT_USAGE;
    }
    xc_error err = {0};
    xc_conll train, dev;
    if (xc_conll_read(args.train, &train, warn_line, NULL, &err) != XC_OK)
        return input_fail(&err);
    if (xc_conll_read(args.dev, &dev, warn_line, NULL, &err) != XC_OK) {
        xc_conll_free(&train);
        return input_fail(&err);
    }
    xc_ner_tagger t = {0};
    uint64_t kinds = (args.no_gazetteer ? 0 : XC_NER_USES_GAZETTEER) | (args.no_clusters ? 0 : XC_NER_USES_CLUSTERS);
    xc_status st = xc_ner_resources_load(&t, kinds, &err);
    xc_ner_train_options options = {(unsigned)(args.epochs ? args.epochs : 15), 1, stderr};
    xc_ner_train_report report;
    fprintf(stderr, "training on %s (%zu tokens, %zu sentences), tuning on %s (%zu tokens)\n", args.train,
            train.tokens.count, train.sentences.count, args.dev, dev.tokens.count);
    if (st == XC_OK)
        st = xc_ner_train(&train, &dev, &t.resources, &options, &t.model, &report, &err);
    if (st == XC_OK)
        st = xc_ner_model_write(&t.model, args.out, &err);
    xc_conll_free(&train);
    xc_conll_free(&dev);
    if (st != XC_OK) {
        xc_ner_tagger_close(&t);
        return cli_fail(&err);
    }
    printf("%s: epoch %u kept, dev F1 %.2f (P %.2f R %.2f), %zu features, %zu weights\n", args.out,
           report.best_epoch, 100 * xc_ner_f1(&report.dev.all), 100 * xc_ner_precision(&report.dev.all),
           100 * xc_ner_recall(&report.dev.all), report.features, report.pairs);
    xc_ner_tagger_close(&t);
    return EXIT_OK;
}
