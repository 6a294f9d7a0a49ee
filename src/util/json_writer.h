/* A small streaming JSON writer into an xc_buf: the one place that knows
 * JSON escaping and where commas go. Used by every --json output. */
#ifndef XC_JSON_WRITER_H
#define XC_JSON_WRITER_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"

#define XC_JSON_MAX_DEPTH 32

typedef struct xc_json {
    xc_buf *out;
    int depth;
    bool has_items[XC_JSON_MAX_DEPTH]; /* per open container: comma needed */
    bool after_key;
} xc_json;

void xc_json_init(xc_json *j, xc_buf *out);
void xc_json_object_begin(xc_json *j);
void xc_json_object_end(xc_json *j);
void xc_json_array_begin(xc_json *j);
void xc_json_array_end(xc_json *j);
void xc_json_key(xc_json *j, const char *key);
void xc_json_string(xc_json *j, const char *s);          /* NULL → null */
void xc_json_string_n(xc_json *j, const char *s, size_t len);
void xc_json_int(xc_json *j, int64_t v);
void xc_json_double(xc_json *j, double v);
void xc_json_bool(xc_json *j, bool v);
void xc_json_null(xc_json *j);
/* Insert already-serialised JSON (e.g. a stored object). */
void xc_json_raw(xc_json *j, const char *json);

/* Append `s` as a quoted, escaped JSON string. */
void xc_json_escape(xc_buf *out, const char *s, size_t len);

#endif
