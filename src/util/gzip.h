/* gzip in memory: whole files (.html.gz) up to a size limit. Streaming
 * readers (WARC) use zlib directly. */
#ifndef XC_GZIP_H
#define XC_GZIP_H

#include <stdbool.h>
#include <stddef.h>

#include "crosscheck.h"

/* True when the bytes start with the gzip magic number. */
bool xc_is_gzip(const void *data, size_t len);

/* Inflate every member of a gzip stream into *out (NUL-terminated, caller
 * frees). XC_ERR_TOO_BIG past `max` bytes of output, XC_ERR_FORMAT for a
 * corrupt or truncated stream, XC_ERR_NOMEM. */
xc_status xc_gunzip(const void *data, size_t len, size_t max, char **out, size_t *out_len,
                    xc_error *err);

/* How xc_inflate reads its input. */
typedef enum xc_inflate_mode {
    XC_INFLATE_STRICT,  /* a cut or damaged stream is an error (files)          */
    XC_INFLATE_LENIENT  /* keep what inflated before the cut or the damage, as a
                           browser shows a page cut short (HTTP bodies); only
                           members that look like gzip follow a first one      */
} xc_inflate_mode;

/* Inflate with zlib's `window_bits` (15 + 32: gzip or zlib header, 15 + 16:
 * gzip, 15: zlib, -15: raw deflate), members one after another, into *out
 * (NUL-terminated, caller frees). XC_ERR_TOO_BIG past `max` bytes of
 * output (`what` names the input in that message), XC_ERR_FORMAT,
 * XC_ERR_NOMEM. */
xc_status xc_inflate(const void *data, size_t len, int window_bits, size_t max, xc_inflate_mode mode,
                     const char *what, char **out, size_t *out_len, xc_error *err);

#endif
