/* A story's facts and remarks as text, for `story`, `facts`
 * and `quotes --story`. */
#include <math.h>
#include <string.h>

#include "cli.h"
#include "../util/buf.h"
#include "../util/json_writer.h"

/* ---- text ------------------------------------------------------------- */

static void put_number(xc_buf *out, double v)
{
    if (fabs(v) >= 1e9 && fmod(v, 1e8) == 0)
        xc_buf_printf(out, "%gbn", v / 1e9);
    else if (fabs(v) >= 1e6 && fmod(v, 1e5) == 0)
        xc_buf_printf(out, "%gm", v / 1e6);
    else if (v == floor(v) && fabs(v) < 1e15)
        xc_buf_printf(out, "%.0f", v);
    else
        xc_buf_printf(out, "%.4g", v);
}

/* "1", "3 or more", "over 90", "18-22%", "up to 5 km" */
static void put_interval(xc_buf *out, const xc_fact *f, const xc_fact_value *v)
{
    double scale = strcmp(f->kind, "fraction") == 0 ? 100 : 1;
    const char *unit = scale == 100 ? "%" : v->unit;
    bool low = isfinite(v->low) && v->low > 0, high = isfinite(v->high);
    if (low && high && v->low == v->high) {
        put_number(out, v->low * scale);
    } else if (low && high) {
        put_number(out, v->low * scale);
        xc_buf_puts(out, "-");
        put_number(out, v->high * scale);
    } else if (low) {
        xc_buf_puts(out, v->low_open ? "over " : "");
        put_number(out, v->low * scale);
        if (!v->low_open)
            xc_buf_puts(out, " or more");
    } else if (high) {
        xc_buf_puts(out, v->high_open ? "under " : "up to ");
        put_number(out, v->high * scale);
    } else {
        xc_buf_puts(out, "any");
    }
    if (unit && unit[0])
        xc_buf_printf(out, "%s%s", strcmp(unit, "%") == 0 ? "" : " ", unit);
}

/* The outlet, else the article id. */
static const char *outlet_of(const xc_attestation *a) { return a->source ? a->source : a->article; }

static void put_one_line(xc_buf *out, const char *s)
{
    for (; s && *s; s++)
        xc_buf_putc(out, *s == '\n' || *s == '\r' || *s == '\t' ? ' ' : *s);
}

void print_fact(FILE *out, const xc_fact *f, const char *indent)
{
    xc_buf b = {0};
    xc_buf_printf(&b, "%s%-8s  %s", indent, f->verdict, f->thing_text && f->thing_text[0] ? f->thing_text : f->thing);
    if (f->event_text && f->event_text[0])
        xc_buf_printf(&b, " (%s)", f->event_text);
    else if (f->event && f->event[0])
        xc_buf_printf(&b, " (%s)", f->event);
    xc_buf_printf(&b, ": %zu independent report%s\n", f->independent, f->independent == 1 ? "" : "s");
    for (size_t v = 0; v < f->value_count; v++) {
        const xc_fact_value *value = &f->values[v];
        /* a value after the first: at odds with it, or a later count */
        const char *mark = v == 0 || f->link_count == 0 ? " " : "\xE2\x89\xA0"; /* ≠ */
        for (size_t k = 0; k < f->link_count; k++)
            if (f->links[k].b == v && strcmp(f->links[k].relation, "update") == 0)
                mark = "\xE2\x86\x92"; /* → */
        xc_buf_printf(&b, "%s  %s ", indent, mark);
        xc_buf_putc(&b, '[');
        put_interval(&b, f, value);
        xc_buf_puts(&b, "] ");
        for (size_t r = 0; r < value->report_count; r++) {
            const xc_attestation *a = &value->reports[r];
            xc_buf_printf(&b, "%s\"", r ? "; " : "");
            put_one_line(&b, a->text);
            xc_buf_printf(&b, "\" %s%s", outlet_of(a), a->copy_of ? " (copy)" : "");
        }
        xc_buf_putc(&b, '\n');
    }
    fputs(xc_buf_str(&b), out);
    xc_buf_free(&b);
}

/* Byte offset after the first `n` words of a run, or before its last `n`
 * (from_end); the run's length or 0 when it has no more words. */
static size_t word_edge(const char *text, size_t len, size_t n, bool from_end)
{
    size_t seen = 0;
    if (!from_end) {
        for (size_t i = 0; i < len; i++)
            if (text[i] == ' ' && ++seen == n)
                return i;
        return len;
    }
    for (size_t i = len; i-- > 0;)
        if (text[i] == ' ' && ++seen == n)
            return i + 1;
    return 0;
}

/* A word diff in one line: [-dropped-] {+added+}; a long kept run keeps
 * four words next to each change. */
static void put_diff(xc_buf *b, const xc_quote_report *q)
{
    for (size_t d = 0; d < q->diff_count; d++) {
        const xc_word_change *c = &q->diff[d];
        if (d)
            xc_buf_putc(b, ' ');
        if (c->op != '=') {
            xc_buf_puts(b, c->op == '-' ? "[-" : "{+");
            xc_buf_append(b, c->text, c->len);
            xc_buf_puts(b, c->op == '-' ? "-]" : "+}");
            continue;
        }
        bool first = d == 0, last = d + 1 == q->diff_count;
        size_t head = first ? 0 : word_edge(c->text, c->len, 4, false);
        size_t tail = last ? c->len : word_edge(c->text, c->len, 4, true);
        if (head + 1 >= tail) { /* short: all of it */
            xc_buf_append(b, c->text, c->len);
            continue;
        }
        xc_buf_append(b, c->text, head);
        xc_buf_puts(b, first ? "\xE2\x80\xA6 " : last ? " \xE2\x80\xA6" : " \xE2\x80\xA6 ");
        xc_buf_append(b, c->text + tail, c->len - tail);
    }
}

void print_remark(FILE *out, const xc_remark *r, const char *indent, bool detail)
{
    xc_buf b = {0};
    xc_buf_printf(&b, "%s%s: \xE2\x80\x9C", indent, r->speaker ? r->speaker : "(unknown speaker)");
    xc_buf t = {0};
    put_one_line(&t, r->text);
    fputs(xc_buf_str(&b), out);
    print_clipped(out, xc_buf_str(&t), detail ? 200 : 100);
    xc_buf_free(&t);
    b.len = 0;
    xc_buf_printf(&b, "\xE2\x80\x9D\n%s    %zu independent report%s", indent, r->independent,
                  r->independent == 1 ? "" : "s");
    if (r->report_count > r->independent)
        xc_buf_printf(&b, " (%zu with copies)", r->report_count);
    if (r->variants)
        xc_buf_printf(&b, ", %zu in other words", r->variants);
    xc_buf_puts(&b, ": ");
    for (size_t i = 0; i < r->report_count; i++)
        xc_buf_printf(&b, "%s%s", i ? ", " : "", outlet_of(&r->reports[i].where));
    xc_buf_putc(&b, '\n');
    for (size_t i = 0; detail && i < r->report_count; i++) {
        const xc_quote_report *q = &r->reports[i];
        if (strcmp(q->wording, "variant") != 0 && strcmp(q->wording, "excerpt") != 0)
            continue;
        xc_buf_printf(&b, "%s      %s %s: ", indent, outlet_of(&q->where), q->wording);
        if (q->diff_count) {
            xc_buf d = {0};
            put_diff(&d, q);
            put_one_line(&b, xc_buf_str(&d));
            xc_buf_free(&d);
        } else {
            xc_buf_puts(&b, "\xE2\x80\x9C");
            put_one_line(&b, q->where.text);
            xc_buf_puts(&b, "\xE2\x80\x9D");
        }
        xc_buf_putc(&b, '\n');
    }
    fputs(xc_buf_str(&b), out);
    xc_buf_free(&b);
}
