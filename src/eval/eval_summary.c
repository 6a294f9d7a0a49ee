/* crosscheck eval summary: extractive summaries of NeuS clusters scored
 * with ROUGE against the editors' neutral summaries.
 *
 * Per cluster: the reference is the target's headline and summary (the
 * TITLE=> and ARTICLE=> marks left out); the budget is its word count in
 * ROUGE tokens. The three reports become sentence units, titles included
 * (xc_units_build with XC_UNITS_TITLES), each report its own outlet and
 * duplicate group unless two read the same (xc_neus_groups). Every system
 * picks units within the budget (brief.h's rule, counted in the tokenizer's
 * words); its output, the picked units' texts joined by spaces, is cut to
 * the budget in ROUGE tokens, so every system, and given summaries, are
 * scored at the same length. Scores are averaged over the clusters
 * (macro-average, as rouge-score's aggregate of per-pair scores). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "brief/brief.h"
#include "eval/neus.h"
#include "eval/rouge.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/file.h"
#include "util/vec.h"
#include "util/clock.h"

/* ---- files as lines -------------------------------------------------- */

typedef struct line {
    const char *start;
    size_t len;
} line;

typedef struct line_file {
    const char *path;
    char *data;
    size_t len;
    struct { line *items; size_t count, capacity; } lines;
} line_file;

static xc_status read_lines(const char *path, line_file *f, xc_error *err)
{
    memset(f, 0, sizeof *f);
    f->path = path;
    xc_status st = xc_read_file(path, 0, &f->data, &f->len, err);
    if (st != XC_OK)
        return st;
    size_t pos = 0;
    while (pos < f->len) {
        const char *s = f->data + pos;
        const char *nl = memchr(s, '\n', f->len - pos);
        size_t n = nl ? (size_t)(nl - s) : f->len - pos;
        pos += n + 1;
        if (n > 0 && s[n - 1] == '\r')
            n--;
        if (!XC_VEC_PUSH(&f->lines, ((line){s, n})))
            return xc_fail(err, XC_ERR_NOMEM, "out of memory");
    }
    return XC_OK;
}

static void free_lines(line_file *f)
{
    free(f->data);
    free(f->lines.items);
    memset(f, 0, sizeof *f);
}

static xc_status same_count(const line_file *a, const line_file *b, xc_error *err)
{
    if (a->lines.count == b->lines.count)
        return XC_OK;
    return xc_fail(err, XC_ERR_FORMAT, "%s has %zu lines and %s has %zu: they must pair line by line", a->path,
                   a->lines.count, b->path, b->lines.count);
}

/* ---- the systems ----------------------------------------------------- */

typedef struct system_tally {
    xc_rouge rouge1, rouge2, rougeL; /* sums over the clusters */
    double words, seconds;
} system_tally;

static void add_rouge(xc_rouge *sum, const xc_rouge *r)
{
    sum->precision += r->precision;
    sum->recall += r->recall;
    sum->f1 += r->f1;
}

static xc_rouge mean_rouge(const xc_rouge *sum, size_t n)
{
    return n ? (xc_rouge){sum->precision / n, sum->recall / n, sum->f1 / n} : (xc_rouge){0, 0, 0};
}

typedef struct run {
    const xc_eval_summary_options *options;
    xc_brief_params params;
    xc_rouge_tokenizer rouge;
    xc_stemmer *stemmer;           /* the units' (English Snowball)     */
    xc_units units;
    xc_u32_list picked, reference, candidate;
    xc_buf output;
    system_tally tally[XC_EVAL_SUMMARY_MAX_SYSTEMS];
    size_t system_count;           /* ours, then the given summaries    */
} run;

static const struct {
    const char *name;
    xc_summarizer summarize;       /* NULL: crosscheck's, with the run's parameters */
} our_systems[] = {
    {"crosscheck", NULL},
    {"lead", xc_summarize_lead},
    {"lexrank", xc_summarize_lexrank},
    {"centroid", xc_summarize_centroid},
};
#define OUR_SYSTEMS (sizeof our_systems / sizeof our_systems[0])

static void warn(const run *r, const char *path, size_t number, const char *why)
{
    if (!r->options->warn)
        return;
    char message[700];
    snprintf(message, sizeof message, "%s:%zu: %s", path, number, why);
    r->options->warn(r->options->user, message);
}

/* Scores `text` cut to `budget` tokens against the reference into tally t. */
static xc_status score_output(run *r, system_tally *t, const char *text, size_t len, size_t budget)
{
    r->candidate.count = 0;
    if (!xc_rouge_tokenize(&r->rouge, text, len, &r->candidate))
        return XC_ERR_NOMEM;
    if (r->candidate.count > budget)
        r->candidate.count = budget;
    xc_rouge_scores s;
    if (!xc_rouge_score(r->reference.items, r->reference.count, r->candidate.items, r->candidate.count, &s))
        return XC_ERR_NOMEM;
    add_rouge(&t->rouge1, &s.rouge1);
    add_rouge(&t->rouge2, &s.rouge2);
    add_rouge(&t->rougeL, &s.rougeL);
    t->words += (double)r->candidate.count;
    return XC_OK;
}

static xc_status run_system(run *r, size_t k, const xc_summary_doc *docs, size_t doc_count, size_t budget)
{
    double t0 = xc_seconds_now();
    xc_status st = our_systems[k].summarize
                       ? our_systems[k].summarize(&r->units, docs, doc_count, budget, &r->picked)
                       : xc_summarize_brief_with(&r->params, &r->units, docs, doc_count, budget, &r->picked);
    r->tally[k].seconds += xc_seconds_now() - t0;
    if (st != XC_OK)
        return st;
    xc_buf_reset(&r->output);
    for (size_t i = 0; i < r->picked.count; i++) {
        size_t len;
        const char *text = xc_unit_text(docs, &r->units.units.items[r->picked.items[i]], &len);
        if (i)
            xc_buf_putc(&r->output, ' ');
        xc_buf_append(&r->output, text, len);
    }
    if (r->output.failed)
        return XC_ERR_NOMEM;
    return score_output(r, &r->tally[k], xc_buf_str(&r->output), r->output.len, budget);
}

/* One line pair; `scored` says whether it counted (it was well formed). */
static xc_status run_cluster(run *r, const line_file *source, const line_file *target, const line_file *given,
                             size_t i, bool *scored, double *unit_seconds)
{
    *scored = false;
    const line *sl = &source->lines.items[i], *tl = &target->lines.items[i];
    xc_neus_cluster cluster;
    xc_neus_doc ref;
    char why[200];
    if (!xc_neus_parse_source(sl->start, sl->len, &cluster, why, sizeof why)) {
        warn(r, source->path, i + 1, why);
        return XC_OK;
    }
    if (!xc_neus_parse_target(tl->start, tl->len, &ref, why, sizeof why)) {
        warn(r, target->path, i + 1, why);
        return XC_OK;
    }
    r->reference.count = 0;
    if (!xc_rouge_tokenize(&r->rouge, ref.title, ref.title_len, &r->reference) ||
        !xc_rouge_tokenize(&r->rouge, ref.text, ref.text_len, &r->reference))
        return XC_ERR_NOMEM;
    if (r->reference.count == 0) {
        warn(r, target->path, i + 1, "the summary has no word to score against");
        return XC_OK;
    }
    size_t budget = r->reference.count;

    int64_t groups[XC_NEUS_MAX_DOCS];
    xc_neus_groups(&cluster, groups);
    xc_summary_doc docs[XC_NEUS_MAX_DOCS];
    for (size_t d = 0; d < cluster.count; d++)
        docs[d] = (xc_summary_doc){.title = cluster.docs[d].title, .title_len = cluster.docs[d].title_len,
                                   .text = cluster.docs[d].text, .text_len = cluster.docs[d].text_len,
                                   .group = groups[d], .outlet = (uint32_t)d, .ts = INT64_MIN};
    double t0 = xc_seconds_now();
    xc_status st = xc_units_build(&r->units, r->stemmer, docs, cluster.count, XC_UNITS_TITLES);
    *unit_seconds += xc_seconds_now() - t0;
    for (size_t k = 0; k < OUR_SYSTEMS && st == XC_OK; k++)
        st = run_system(r, k, docs, cluster.count, budget);
    if (st == XC_OK && given)
        st = score_output(r, &r->tally[OUR_SYSTEMS], given->lines.items[i].start, given->lines.items[i].len,
                          budget);
    *scored = st == XC_OK;
    return st;
}

static xc_status apply_settings(xc_brief_params *p, const char *const *settings, xc_error *err)
{
    for (size_t i = 0; settings && settings[i]; i++) {
        const char *eq = strchr(settings[i], '=');
        char *end = NULL;
        double value = eq ? strtod(eq + 1, &end) : 0;
        if (!eq || eq == settings[i] || end == eq + 1 || *end != '\0')
            return xc_fail(err, XC_ERR_ARG, "bad setting \"%s\" (expected NAME=NUMBER)", settings[i]);
        char name[64];
        snprintf(name, sizeof name, "%.*s", (int)(eq - settings[i]), settings[i]);
        xc_status st = xc_brief_param_set(p, name, value, err);
        if (st != XC_OK)
            return st;
    }
    return XC_OK;
}

xc_status xc_eval_summary(const char *source_path, const char *target_path, const xc_eval_summary_options *options,
                          xc_eval_summary_result *out, xc_error *err)
{
    static const xc_eval_summary_options no_options = {0};
    double start = xc_seconds_now();
    memset(out, 0, sizeof *out);
    run r = {.options = options ? options : &no_options, .params = xc_brief_defaults};
    options = r.options;
    line_file source = {0}, target = {0}, given = {0};
    xc_status st = apply_settings(&r.params, options->settings, err);
    if (st == XC_OK && (st = read_lines(source_path, &source, err)) == XC_OK &&
        (st = read_lines(target_path, &target, err)) == XC_OK)
        st = same_count(&source, &target, err);
    if (st == XC_OK && options->given_path && (st = read_lines(options->given_path, &given, err)) == XC_OK)
        st = same_count(&source, &given, err);
    if (st == XC_OK)
        st = xc_rouge_tokenizer_init(&r.rouge, err);
    if (st == XC_OK && !(r.stemmer = xc_stemmer_new("english")))
        st = xc_fail(err, XC_ERR_NOMEM, "cannot make the stemmer");
    size_t lines = source.lines.count;
    if (options->limit && options->limit < lines)
        lines = options->limit;
    double reference_words = 0;
    for (size_t i = 0; i < lines && st == XC_OK; i++) {
        bool scored;
        st = run_cluster(&r, &source, &target, options->given_path ? &given : NULL, i, &scored, &out->unit_seconds);
        if (st != XC_OK)
            xc_fail(err, st, "%s:%zu: %s", source_path, i + 1, xc_status_name(st));
        else if (scored)
            out->clusters++, reference_words += (double)r.reference.count;
        else
            out->failed++;
    }
    if (st == XC_OK) {
        size_t n = out->clusters;
        out->reference_words = n ? reference_words / n : 0;
        out->system_count = OUR_SYSTEMS + (options->given_path ? 1 : 0);
        for (size_t k = 0; k < out->system_count; k++) {
            xc_eval_summary_system *s = &out->systems[k];
            const char *name = k < OUR_SYSTEMS ? our_systems[k].name
                               : options->given_name ? options->given_name
                                                     : "given";
            snprintf(s->name, sizeof s->name, "%s", name);
            s->rouge1 = mean_rouge(&r.tally[k].rouge1, n);
            s->rouge2 = mean_rouge(&r.tally[k].rouge2, n);
            s->rougeL = mean_rouge(&r.tally[k].rougeL, n);
            s->words = n ? r.tally[k].words / n : 0;
            s->seconds = r.tally[k].seconds;
        }
    }
    xc_units_free(&r.units);
    xc_stemmer_free(r.stemmer);
    xc_rouge_tokenizer_free(&r.rouge);
    free(r.picked.items);
    free(r.reference.items);
    free(r.candidate.items);
    xc_buf_free(&r.output);
    free_lines(&source);
    free_lines(&target);
    free_lines(&given);
    out->seconds = xc_seconds_now() - start;
    return st;
}
