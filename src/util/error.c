#include "error.h"

#include <stdarg.h>
#include <stdio.h>

const char *xc_status_name(xc_status status)
{
    switch (status) {
    case XC_OK: return "ok";
    case XC_ERR_ARG: return "invalid argument";
    case XC_ERR_IO: return "I/O error";
    case XC_ERR_UTF8: return "invalid UTF-8";
    case XC_ERR_BINARY: return "binary data";
    case XC_ERR_EMPTY: return "empty article";
    case XC_ERR_TOO_BIG: return "too big";
    case XC_ERR_FORMAT: return "malformed input";
    case XC_ERR_STORE: return "store error";
    case XC_ERR_SCHEMA: return "schema too new";
    case XC_ERR_NOT_FOUND: return "not found";
    case XC_ERR_NOMEM: return "out of memory";
    }
    return "unknown error";
}

xc_status xc_fail(xc_error *err, xc_status status, const char *fmt, ...)
{
    if (err) {
        err->status = status;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
    }
    return status;
}
