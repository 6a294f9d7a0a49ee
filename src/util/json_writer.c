#include "json_writer.h"

#include <math.h>
#include <string.h>

void xc_json_init(xc_json *j, xc_buf *out)
{
    memset(j, 0, sizeof *j);
    j->out = out;
}

/* Emit the comma that separates this value from the previous one. */
static void before_value(xc_json *j)
{
    if (j->after_key) {
        j->after_key = false;
        return;
    }
    if (j->depth > 0 && j->depth <= XC_JSON_MAX_DEPTH) {
        if (j->has_items[j->depth - 1])
            xc_buf_putc(j->out, ',');
        j->has_items[j->depth - 1] = true;
    }
}

static void open_container(xc_json *j, char c)
{
    before_value(j);
    xc_buf_putc(j->out, c);
    if (j->depth < XC_JSON_MAX_DEPTH)
        j->has_items[j->depth] = false;
    j->depth++;
}

static void close_container(xc_json *j, char c)
{
    if (j->depth > 0)
        j->depth--;
    xc_buf_putc(j->out, c);
}

void xc_json_object_begin(xc_json *j) { open_container(j, '{'); }
void xc_json_object_end(xc_json *j) { close_container(j, '}'); }
void xc_json_array_begin(xc_json *j) { open_container(j, '['); }
void xc_json_array_end(xc_json *j) { close_container(j, ']'); }

void xc_json_key(xc_json *j, const char *key)
{
    before_value(j);
    xc_json_escape(j->out, key, strlen(key));
    xc_buf_putc(j->out, ':');
    j->after_key = true;
}

void xc_json_escape(xc_buf *out, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    xc_buf_reserve(out, len + 2);
    xc_buf_putc(out, '"');
    size_t run = 0; /* bytes that need no escaping, copied in one go */
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *esc = NULL;
        char u[6];
        if (c == '"')
            esc = "\\\"";
        else if (c == '\\')
            esc = "\\\\";
        else if (c == '\n')
            esc = "\\n";
        else if (c == '\r')
            esc = "\\r";
        else if (c == '\t')
            esc = "\\t";
        else if (c < 0x20 || c == 0x7f) {
            u[0] = '\\', u[1] = 'u', u[2] = '0', u[3] = '0';
            u[4] = hex[c >> 4], u[5] = hex[c & 15];
        } else if (c == 0xe2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
                   ((unsigned char)s[i + 2] == 0xa8 || (unsigned char)s[i + 2] == 0xa9)) {
            /* U+2028/U+2029 are valid JSON but break JavaScript string literals. */
            xc_buf_append(out, s + i - run, run);
            run = 0;
            xc_buf_puts(out, (unsigned char)s[i + 2] == 0xa8 ? "\\u2028" : "\\u2029");
            i += 2;
            continue;
        } else {
            run++;
            continue;
        }
        xc_buf_append(out, s + i - run, run);
        run = 0;
        if (esc)
            xc_buf_puts(out, esc);
        else
            xc_buf_append(out, u, 6);
    }
    xc_buf_append(out, s + len - run, run);
    xc_buf_putc(out, '"');
}

void xc_json_string_n(xc_json *j, const char *s, size_t len)
{
    before_value(j);
    if (!s)
        xc_buf_puts(j->out, "null");
    else
        xc_json_escape(j->out, s, len);
}

void xc_json_string(xc_json *j, const char *s) { xc_json_string_n(j, s, s ? strlen(s) : 0); }

void xc_json_int(xc_json *j, int64_t v)
{
    before_value(j);
    xc_buf_printf(j->out, "%lld", (long long)v);
}

void xc_json_double(xc_json *j, double v)
{
    before_value(j);
    if (!isfinite(v))
        xc_buf_puts(j->out, "null");
    else
        xc_buf_printf(j->out, "%.6g", v);
}

void xc_json_bool(xc_json *j, bool v)
{
    before_value(j);
    xc_buf_puts(j->out, v ? "true" : "false");
}

void xc_json_null(xc_json *j)
{
    before_value(j);
    xc_buf_puts(j->out, "null");
}

void xc_json_raw(xc_json *j, const char *json)
{
    before_value(j);
    xc_buf_puts(j->out, json ? json : "null");
}
