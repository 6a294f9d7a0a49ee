/* Fuzz the NeuS line reader, ROUGE's tokenizer and the baselines: the
 * input is one line, read as a *.source line and as a *.target line. A
 * part read lies inside the line, trimmed, without the marks; groups point
 * back to their first doc; a text scores 1 against itself; crosscheck's
 * brief and the baselines pick units of 5 words or more in reading order
 * within the budget. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crosscheck.h"
#include "brief/brief.h"
#include "eval/neus.h"
#include "eval/rouge.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static xc_rouge_tokenizer tokenizer;
static xc_stemmer *stemmer;
static bool ready;

static bool inside(const char *line, size_t size, const char *s, size_t n)
{
    return s >= line && s + n <= line + size;
}

static bool trimmed(const char *s, size_t n)
{
    return n == 0 || (s[0] != ' ' && s[0] != '\t' && s[0] != '\n' && s[n - 1] != ' ' && s[n - 1] != '\n');
}

static bool has(const char *s, size_t n, const char *mark)
{
    size_t k = strlen(mark);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(s + i, mark, k) == 0)
            return true;
    return false;
}

static void check_doc(const char *line, size_t size, const xc_neus_doc *d)
{
    if (!inside(line, size, d->title, d->title_len) || !inside(line, size, d->text, d->text_len) ||
        !trimmed(d->title, d->title_len) || !trimmed(d->text, d->text_len) ||
        (d->title_len == 0 && d->text_len == 0) || has(d->title, d->title_len, "TITLE=>") ||
        has(d->text, d->text_len, "ARTICLE=>") || has(d->text, d->text_len, "[SEP]"))
        abort();
}

static void check_baselines(const xc_neus_cluster *c, size_t budget)
{
    int64_t groups[XC_NEUS_MAX_DOCS];
    xc_neus_groups(c, groups);
    xc_summary_doc docs[XC_NEUS_MAX_DOCS];
    for (size_t d = 0; d < c->count; d++) {
        if (groups[d] > (int64_t)d || groups[groups[d]] != groups[d])
            abort();
        docs[d] = (xc_summary_doc){c->docs[d].title, c->docs[d].title_len, c->docs[d].text, c->docs[d].text_len,
                                   groups[d], (uint32_t)d, INT64_MIN};
    }
    xc_units units = {0};
    xc_u32_list picked = {0};
    xc_summarizer methods[] = {xc_summarize_brief, xc_summarize_lead, xc_summarize_lexrank, xc_summarize_centroid};
    if (xc_units_build(&units, stemmer, docs, c->count, XC_UNITS_TITLES) == XC_OK)
        for (size_t m = 0; m < sizeof methods / sizeof methods[0]; m++) {
            if (methods[m](&units, docs, c->count, budget, &picked) != XC_OK)
                continue;
            size_t words = 0;
            for (size_t i = 0; i < picked.count; i++) {
                if (picked.items[i] >= units.units.count || (i && picked.items[i - 1] >= picked.items[i]) ||
                    units.units.items[picked.items[i]].words < 5)
                    abort();
                words += units.units.items[picked.items[i]].words;
            }
            if (picked.count > 1 && words > budget)
                abort();
        }
    free(picked.items);
    xc_units_free(&units);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!ready) {
        if (xc_rouge_tokenizer_init(&tokenizer, NULL) != XC_OK || !(stemmer = xc_stemmer_new("english")))
            abort();
        ready = true;
    }
    const char *line = (const char *)data;
    char why[200];
    xc_neus_cluster c;
    if (xc_neus_parse_source(line, size, &c, why, sizeof why)) {
        if (c.count == 0 || c.count > XC_NEUS_MAX_DOCS)
            abort();
        for (size_t d = 0; d < c.count; d++)
            check_doc(line, size, &c.docs[d]);
        check_baselines(&c, size % 64);
    } else if (c.count != 0 || why[0] == '\0') {
        abort();
    }
    xc_neus_doc ref;
    if (xc_neus_parse_target(line, size, &ref, why, sizeof why))
        check_doc(line, size, &ref);
    xc_u32_list tokens = {0};
    xc_rouge_scores s;
    if (xc_rouge_tokenize(&tokenizer, line, size, &tokens) &&
        xc_rouge_score(tokens.items, tokens.count, tokens.items, tokens.count, &s) && tokens.count &&
        (s.rouge1.f1 != 1.0 || s.rougeL.f1 != 1.0 || (tokens.count > 1 && s.rouge2.f1 != 1.0)))
        abort();
    free(tokens.items);
    return 0;
}
