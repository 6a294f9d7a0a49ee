#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "error.h"
#include "file.h"

xc_status xc_read_file(const char *path, size_t max_bytes, char **data, size_t *len, xc_error *err)
{
    *data = NULL;
    *len = 0;
    bool is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f)
        return xc_fail(err, XC_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
    xc_buf b = {0};
    char chunk[65536];
    size_t got;
    bool too_big = false;
    while (!b.failed && (got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (max_bytes && b.len + got > max_bytes) {
            too_big = true;
            break;
        }
        xc_buf_append(&b, chunk, got);
    }
    bool unreadable = ferror(f) != 0;
    if (!is_stdin)
        fclose(f);
    xc_status st = XC_OK;
    if (too_big)
        st = xc_fail(err, XC_ERR_TOO_BIG, "%s: too big: over the %zu-byte limit", path, max_bytes);
    else if (unreadable)
        st = xc_fail(err, XC_ERR_IO, "%s: cannot read", path);
    if (st != XC_OK) {
        xc_buf_free(&b);
        return st;
    }
    *data = xc_buf_detach(&b, len); /* NUL-terminated, "" for an empty file */
    return *data ? XC_OK : xc_fail(err, XC_ERR_NOMEM, "%s: out of memory", path);
}
