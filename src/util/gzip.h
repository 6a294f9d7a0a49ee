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

#endif
