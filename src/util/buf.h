/* A growable byte buffer that is always NUL-terminated: the string builder
 * behind output formatting, JSON writing and text normalisation. */
#ifndef XC_BUF_H
#define XC_BUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct xc_buf {
    char *data;      /* NUL-terminated once anything was added; may be NULL */
    size_t len, cap;
    bool failed;     /* an allocation failed: later appends are no-ops      */
} xc_buf;

bool xc_buf_reserve(xc_buf *b, size_t extra);
void xc_buf_append(xc_buf *b, const void *data, size_t len);
void xc_buf_puts(xc_buf *b, const char *s);
void xc_buf_putc(xc_buf *b, char c);
void xc_buf_printf(xc_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void xc_buf_vprintf(xc_buf *b, const char *fmt, va_list ap);
void xc_buf_reset(xc_buf *b);          /* keep memory, drop contents */
void xc_buf_free(xc_buf *b);
/* Hand the string over to the caller (who frees it); the buffer is emptied. */
char *xc_buf_detach(xc_buf *b, size_t *len);
/* The contents, "" when empty. */
static inline const char *xc_buf_str(const xc_buf *b) { return b->data ? b->data : ""; }

#endif
