/* Filling an xc_error: every fallible function reports through this. */
#ifndef XC_ERROR_H
#define XC_ERROR_H

#include "crosscheck.h"

/* Sets err (when non-NULL) and returns `status`, so callers can write
 * `return xc_fail(err, XC_ERR_IO, "cannot open %s: %s", path, strerror(errno));` */
xc_status xc_fail(xc_error *err, xc_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
