#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool xc_buf_reserve(xc_buf *b, size_t extra)
{
    if (b->failed)
        return false;
    if (b->len + extra + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) {
        if (cap > ((size_t)-1) / 2) {
            b->failed = true;
            return false;
        }
        cap *= 2;
    }
    char *data = realloc(b->data, cap);
    if (!data) {
        b->failed = true;
        return false;
    }
    b->data = data;
    b->cap = cap;
    return true;
}

void xc_buf_append(xc_buf *b, const void *data, size_t len)
{
    if (!xc_buf_reserve(b, len))
        return;
    if (len)
        memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
}

void xc_buf_puts(xc_buf *b, const char *s) { xc_buf_append(b, s, strlen(s)); }

void xc_buf_putc(xc_buf *b, char c)
{
    if (!xc_buf_reserve(b, 1))
        return;
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

void xc_buf_vprintf(xc_buf *b, const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, copy);
    va_end(copy);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        xc_buf_append(b, small, (size_t)n);
        return;
    }
    if (!xc_buf_reserve(b, (size_t)n))
        return;
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void xc_buf_printf(xc_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    xc_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

void xc_buf_reset(xc_buf *b)
{
    b->len = 0;
    b->failed = false;
    if (b->data)
        b->data[0] = '\0';
}

void xc_buf_free(xc_buf *b)
{
    free(b->data);
    *b = (xc_buf){0};
}

char *xc_buf_detach(xc_buf *b, size_t *len)
{
    if (b->failed) {
        xc_buf_free(b);
        return NULL;
    }
    if (!b->data && !xc_buf_reserve(b, 0))
        return NULL;
    if (b->len == 0)
        b->data[0] = '\0';
    char *s = b->data;
    if (len)
        *len = b->len;
    *b = (xc_buf){0};
    return s;
}
