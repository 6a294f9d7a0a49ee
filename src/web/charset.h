/* Bytes of a web page in whatever encoding → UTF-8. */
#ifndef XC_WEB_CHARSET_H
#define XC_WEB_CHARSET_H

#include <stddef.h>

#include "crosscheck.h"

/* Convert `data` to UTF-8 (NUL-terminated, caller frees). The encoding is
 * taken from a byte-order mark, else `declared` (an HTTP header's charset),
 * else the page's own <meta charset> / http-equiv / XML declaration, else
 * UTF-8. A page that is not valid in its declared encoding is read as what
 * it most likely is: valid UTF-8 declared as Latin-1 stays UTF-8; invalid
 * UTF-8 is read as windows-1252 (what Latin-1 means on the web). Bytes that
 * still do not convert become U+FFFD. The name used is copied into
 * `used` (cap bytes). XC_ERR_NOMEM only. */
xc_status xc_to_utf8(const char *data, size_t len, const char *declared, char **out, size_t *out_len,
                     char *used, size_t cap);

/* The charset named in an HTTP Content-Type value ("text/html; charset=x"),
 * copied into out; false when there is none. */
int xc_charset_from_content_type(const char *content_type, char *out, size_t cap);

#endif
