/* Reading a whole file (or standard input) into memory: the readers of
 * CoNLL, TimeML, ECB+ and brat files, models and the text commands share
 * this one. */
#ifndef XC_FILE_H
#define XC_FILE_H

#include <stddef.h>

#include "crosscheck.h"

/* The bytes of `path` ("-" is standard input) in a malloc'd buffer with a
 * NUL after them (malloc's alignment, so binary formats can be read in
 * place). XC_ERR_IO when it cannot be opened or read, XC_ERR_TOO_BIG past
 * `max_bytes` (0: no limit), XC_ERR_NOMEM; the message names the file. */
xc_status xc_read_file(const char *path, size_t max_bytes, char **data, size_t *len, xc_error *err);

#endif
