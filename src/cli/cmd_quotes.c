/* Quotes on the command line:
 *   crosscheck quotes [--json] [--model MODEL] FILE...   the quotes of text files, with speakers
 *   crosscheck quotes --story ID [--json]                a story's quote ledger (cmd_facts.c)
 *   crosscheck eval quotes DIR [--json]                  P/R/F1 on a PolNeAR-style folder
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../entity/extract.h"
#include "../eval/eval_quotes.h"
#include "../ner/tagger.h"
#include "../quote/quotes.h"
#include "../util/buf.h"
#include "../util/json_writer.h"

/* The article id, as ingest makes it: the file name without folder and extension. */
static void article_id(const char *path, xc_buf *out)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    xc_buf_append(out, base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
}

/* A quote's text: its parts, joined by a space. */
static void quote_text(const xc_quote_list *q, const xc_quote *quote, const char *text, xc_buf *out)
{
    for (uint32_t k = 0; k < quote->part_count; k++) {
        const xc_quote_part *p = &q->parts.items[quote->first_part + k];
        if (k)
            xc_buf_putc(out, ' ');
        xc_buf_append(out, text + p->start, p->end - p->start);
    }
}

static void print_quote_json(const char *path, const char *id, const char *text, const xc_entity_extractor *x,
                             const xc_quote_list *q, const xc_quote *quote)
{
    xc_buf out = {0}, s = {0};
    xc_json j;
    xc_json_init(&j, &out);
    xc_json_object_begin(&j);
    xc_json_key(&j, "article"), xc_json_string(&j, id);
    xc_json_key(&j, "file"), xc_json_string(&j, path);
    xc_json_key(&j, "start"), xc_json_int(&j, quote->start);
    xc_json_key(&j, "end"), xc_json_int(&j, quote->end);
    quote_text(q, quote, text, &s);
    xc_json_key(&j, "text"), xc_json_string_n(&j, xc_buf_str(&s), s.len);
    xc_json_key(&j, "parts");
    xc_json_array_begin(&j);
    for (uint32_t k = 0; k < quote->part_count; k++) {
        const xc_quote_part *p = &q->parts.items[quote->first_part + k];
        xc_json_array_begin(&j);
        xc_json_int(&j, p->start);
        xc_json_int(&j, p->end);
        xc_json_array_end(&j);
    }
    xc_json_array_end(&j);
    xc_json_key(&j, "speaker");
    if (quote->speaker_kind == XC_SPEAKER_NONE && quote->entity < 0) {
        xc_json_null(&j);
    } else {
        size_t n;
        const char *name = xc_quote_entity_name(x, text, quote->entity, &n);
        xc_json_object_begin(&j);
        xc_json_key(&j, "name");
        if (name)
            xc_json_string_n(&j, name, n);
        else if (quote->speaker_kind == XC_SPEAKER_NAME)
            xc_json_string_n(&j, text + quote->speaker_start, quote->speaker_end - quote->speaker_start);
        else
            xc_json_null(&j);
        xc_json_key(&j, "entity");
        if (quote->entity >= 0)
            xc_json_int(&j, quote->entity);
        else
            xc_json_null(&j);
        xc_json_key(&j, "start"), xc_json_int(&j, quote->speaker_start);
        xc_json_key(&j, "end"), xc_json_int(&j, quote->speaker_end);
        xc_json_key(&j, "mention");
        xc_json_string_n(&j, text + quote->speaker_start, quote->speaker_end - quote->speaker_start);
        xc_json_key(&j, "kind"), xc_json_string(&j, xc_speaker_kind_name((xc_speaker_kind)quote->speaker_kind));
        xc_json_object_end(&j);
    }
    xc_json_key(&j, "cue");
    if (quote->cue) {
        xc_json_object_begin(&j);
        xc_json_key(&j, "lemma"), xc_json_string(&j, quote->cue);
        xc_json_key(&j, "text"), xc_json_string_n(&j, text + quote->cue_start, quote->cue_end - quote->cue_start);
        xc_json_key(&j, "start"), xc_json_int(&j, quote->cue_start);
        xc_json_key(&j, "end"), xc_json_int(&j, quote->cue_end);
        xc_json_object_end(&j);
    } else {
        xc_json_null(&j);
    }
    xc_json_key(&j, "partial"), xc_json_bool(&j, (quote->flags & XC_QUOTE_PARTIAL) != 0);
    xc_json_object_end(&j);
    print_json_line(stdout, xc_buf_str(&out));
    xc_buf_free(&out);
    xc_buf_free(&s);
}

static void print_quote_text(const char *text, const xc_entity_extractor *x, const xc_quote_list *q,
                             const xc_quote *quote)
{
    xc_buf s = {0};
    quote_text(q, quote, text, &s);
    size_t n;
    const char *name = xc_quote_entity_name(x, text, quote->entity, &n);
    printf("  %6u-%-6u ", quote->start, quote->end);
    if (name)
        printf("%.*s", (int)n, name);
    else if (quote->speaker_kind != XC_SPEAKER_NONE)
        printf("(%.*s)", (int)(quote->speaker_end - quote->speaker_start), text + quote->speaker_start);
    else
        printf("(no speaker)");
    if (name && (quote->speaker_end - quote->speaker_start != n ||
                 memcmp(text + quote->speaker_start, name, n) != 0) && quote->speaker_kind != XC_SPEAKER_NONE)
        printf(" [%.*s]", (int)(quote->speaker_end - quote->speaker_start), text + quote->speaker_start);
    if (quote->cue)
        printf(", %s", quote->cue);
    if (quote->flags & XC_QUOTE_PARTIAL)
        printf(", partial");
    printf(": \xe2\x80\x9c");
    print_clipped(stdout, xc_buf_str(&s), 90);
    printf("\xe2\x80\x9d\n");
    xc_buf_free(&s);
}

static int quotes_of_file(const cli *c, const char *path, xc_entity_extractor *x, xc_quote_list *q)
{
    size_t len = 0;
    char *text = read_text_operand(path, &len);
    if (!text)
        return EXIT_PARTIAL;
    xc_status st = xc_entities_extract(x, text, len);
    if (st == XC_OK)
        st = xc_find_quotes(text, len, x, q);
    if (st != XC_OK) {
        cli_error("%s: %s", path, xc_status_name(st));
        free(text);
        return st == XC_ERR_NOMEM ? EXIT_FATAL : EXIT_PARTIAL;
    }
    xc_buf id = {0};
    article_id(path, &id);
    if (!c->json)
        printf("%s: %zu quote%s\n", path, q->count, q->count == 1 ? "" : "s");
    for (size_t i = 0; i < q->count; i++) {
        if (c->json)
            print_quote_json(path, xc_buf_str(&id), text, x, q, &q->items[i]);
        else
            print_quote_text(text, x, q, &q->items[i]);
    }
    xc_buf_free(&id);
    free(text);
    return EXIT_OK;
}

int cmd_quotes(const cli *c)
{
    static const char *const valued[] = {"model", "story", NULL};
    arg_iter it = {c, 0, false, {0}};
    arg a;
    bool bad = false;
    const char *model = NULL;
    size_t story = 0;
    const char **files = calloc((size_t)c->argc + 1, sizeof *files);
    size_t n = 0;
    if (!files)
        return EXIT_FATAL;
    while (!bad && next_arg(&it, valued, &a, &bad)) {
        if (!a.option)
            files[n++] = a.value;
        else if (strcmp(a.option, "model") == 0)
            model = a.value;
        else if (strcmp(a.option, "story") == 0)
            bad = !parse_size(a.value, &story) || story == 0;
        else {
            cli_error("quotes: unexpected --%s", a.option);
            bad = true;
        }
    }
    if (!bad && story && n == 0) {
        free(files);
        return story_ledger(c, (int64_t)story, true);
    }
    if (bad || n == 0 || story) {
        cli_error("usage: crosscheck quotes [--json] [--model MODEL] FILE...  or  crosscheck quotes --story ID");
        free(files);
        return EXIT_USAGE;
    }
    xc_ner_tagger t;
    xc_error err = {0};
    if (xc_ner_tagger_open(&t, model, &err) != XC_OK) {
        free(files);
        int rc = cli_fail(&err);
        return err.status == XC_ERR_IO || err.status == XC_ERR_FORMAT ? EXIT_PARTIAL : rc;
    }
    xc_entity_extractor x = {.tagger = &t};
    xc_quote_list q = {0};
    int rc = EXIT_OK;
    for (size_t i = 0; i < n && rc != EXIT_FATAL; i++) {
        int r = quotes_of_file(c, files[i], &x, &q);
        if (r > rc)
            rc = r;
    }
    xc_quote_list_free(&q);
    xc_entity_extractor_free(&x);
    xc_ner_tagger_close(&t);
    free(files);
    return rc;
}

static void warn_line(void *user, const char *message)
{
    (void)user;
    fprintf(stderr, "crosscheck: %s\n", message);
}

static void json_prf(xc_json *j, const char *name, const xc_prf *s)
{
    char key[64];
    snprintf(key, sizeof key, "%s_p", name);
    xc_json_key(j, key), xc_json_double(j, s->precision);
    snprintf(key, sizeof key, "%s_r", name);
    xc_json_key(j, key), xc_json_double(j, s->recall);
    snprintf(key, sizeof key, "%s_f1", name);
    xc_json_key(j, key), xc_json_double(j, s->f1);
}

int eval_quotes(const cli *c, int first)
{
    cli sub = *c;
    sub.argc = c->argc - first;
    sub.argv = c->argv + first;
    arg_iter it = {&sub, 0, false, {0}};
    static const char *const valued[] = {NULL};
    arg a;
    bool bad = false;
    const char *dir = NULL;
    while (!bad && next_arg(&it, valued, &a, &bad)) {
        if (!a.option && !dir)
            dir = a.value;
        else {
            cli_error("eval quotes: unexpected %s%s", a.option ? "--" : "", a.option ? a.option : a.value);
            bad = true;
        }
    }
    if (bad || !dir) {
        if (!bad)
            cli_error("usage: crosscheck eval quotes DIR  (DIR holds text/*.txt and attributions/*.ann)");
        return EXIT_USAGE;
    }
    xc_eval_quotes_result r;
    xc_error err = {0};
    if (xc_eval_quotes_report(dir, warn_line, NULL, &r, &err) != XC_OK) {
        int rc = cli_fail(&err);
        return err.status == XC_ERR_IO || err.status == XC_ERR_NOT_FOUND ? EXIT_PARTIAL : rc;
    }
    if (c->json) {
        xc_buf out = {0};
        xc_json j;
        xc_json_init(&j, &out);
        xc_json_object_begin(&j);
        json_prf(&j, "content_exact", &r.content_exact);
        json_prf(&j, "content_overlap", &r.content_overlap);
        json_prf(&j, "pair_exact", &r.pair_exact);
        json_prf(&j, "pair_overlap", &r.pair_overlap);
        xc_json_key(&j, "gold"), xc_json_int(&j, (int64_t)r.gold);
        xc_json_key(&j, "predicted"), xc_json_int(&j, (int64_t)r.predicted);
        xc_json_key(&j, "gold_pairs"), xc_json_int(&j, (int64_t)r.gold_pairs);
        xc_json_key(&j, "predicted_pairs"), xc_json_int(&j, (int64_t)r.predicted_pairs);
        xc_json_key(&j, "partial"), xc_json_int(&j, (int64_t)r.partial);
        xc_json_key(&j, "files"), xc_json_int(&j, (int64_t)r.files);
        xc_json_key(&j, "failed_files"), xc_json_int(&j, (int64_t)r.failed_files);
        xc_json_key(&j, "bad_lines"), xc_json_int(&j, (int64_t)r.bad_lines);
        xc_json_key(&j, "bytes"), xc_json_int(&j, (int64_t)r.bytes);
        xc_json_key(&j, "seconds"), xc_json_double(&j, r.seconds);
        xc_json_object_end(&j);
        print_json_line(stdout, xc_buf_str(&out));
        xc_buf_free(&out);
    } else {
        printf("%s: %zu files (%zu unreadable), %zu gold direct quotes (%zu with a source), %zu predicted "
               "(%zu with a speaker; %zu partial quotes not scored)\n",
               dir, r.files, r.failed_files, r.gold, r.gold_pairs, r.predicted, r.predicted_pairs, r.partial);
        printf("  content  exact    P %.4f  R %.4f  F1 %.4f\n", r.content_exact.precision, r.content_exact.recall,
               r.content_exact.f1);
        printf("  content  overlap  P %.4f  R %.4f  F1 %.4f\n", r.content_overlap.precision,
               r.content_overlap.recall, r.content_overlap.f1);
        printf("  pair     exact    P %.4f  R %.4f  F1 %.4f\n", r.pair_exact.precision, r.pair_exact.recall,
               r.pair_exact.f1);
        printf("  pair     overlap  P %.4f  R %.4f  F1 %.4f\n", r.pair_overlap.precision, r.pair_overlap.recall,
               r.pair_overlap.f1);
        printf("  %.2f s (%.0f quotes/s, %.2f MB/s, tagging included)\n", r.seconds,
               r.seconds > 0 ? r.predicted / r.seconds : 0, r.seconds > 0 ? r.bytes / r.seconds / 1e6 : 0);
    }
    return EXIT_OK;
}
