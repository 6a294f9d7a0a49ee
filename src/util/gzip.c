/* Whole-buffer gunzip with a cap on the output, so a small "zip bomb"
 * cannot take the machine's memory. */
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "gzip.h"
#include "error.h"

bool xc_is_gzip(const void *data, size_t len)
{
    const unsigned char *p = data;
    return len >= 2 && p[0] == 0x1f && p[1] == 0x8b;
}

xc_status xc_inflate(const void *data, size_t len, int window_bits, size_t max, xc_inflate_mode mode,
                     const char *what, char **out, size_t *out_len, xc_error *err)
{
    bool lenient = mode == XC_INFLATE_LENIENT;
    *out = NULL;
    *out_len = 0;
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, window_bits) != Z_OK)
        return xc_fail(err, XC_ERR_NOMEM, "out of memory");
    size_t cap = len * 4 + 4096, n = 0;
    if (cap > max + 1)
        cap = max + 1;
    char *buf = malloc(cap + 1);
    xc_status st = XC_OK;
    const unsigned char *in = data;
    size_t in_left = len;
    while (buf) {
        /* zlib counts in uInt: feed and drain in pieces below 1 GB */
        uInt chunk = in_left > (1u << 30) ? (1u << 30) : (uInt)in_left;
        z.next_in = (unsigned char *)in;
        z.avail_in = chunk;
        size_t room = cap - n;
        z.next_out = (unsigned char *)buf + n;
        z.avail_out = room > (1u << 30) ? (1u << 30) : (uInt)room;
        uInt before_out = z.avail_out;
        int rc = inflate(&z, Z_NO_FLUSH);
        size_t used = chunk - z.avail_in;
        in += used;
        in_left -= used;
        n += before_out - z.avail_out;
        if (n > max) {
            st = xc_fail(err, XC_ERR_TOO_BIG, "%s inflates to more than %zu bytes", what, max);
            break;
        }
        if (rc == Z_STREAM_END) {
            /* another member may follow (concatenated gzip files) */
            while (in_left && *in == 0) /* trailing zero padding */
                in++, in_left--;
            if (in_left == 0 || (lenient && !xc_is_gzip(in, in_left)))
                break;
            if (inflateReset(&z) != Z_OK) {
                st = xc_fail(err, XC_ERR_FORMAT, "%s: corrupt stream", what);
                break;
            }
            continue;
        }
        if (rc == Z_BUF_ERROR && in_left == 0 && z.avail_out != 0) {
            if (!lenient)
                st = xc_fail(err, XC_ERR_FORMAT, "%s: truncated stream (%zu bytes read)", what, len);
            break;
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR) {
            if (!lenient || n == 0) /* damage after some text: a lenient read keeps the text */
                st = xc_fail(err, rc == Z_MEM_ERROR ? XC_ERR_NOMEM : XC_ERR_FORMAT, "%s: %s", what,
                             z.msg ? z.msg : "corrupt stream");
            break;
        }
        if (n == cap) {
            size_t grown_cap = cap * 2 > max + 1 ? max + 1 : cap * 2;
            if (grown_cap <= cap) {
                st = xc_fail(err, XC_ERR_TOO_BIG, "%s inflates to more than %zu bytes", what, max);
                break;
            }
            char *grown = realloc(buf, grown_cap + 1);
            if (!grown) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = grown;
            cap = grown_cap;
        }
    }
    inflateEnd(&z);
    if (!buf)
        return xc_fail(err, XC_ERR_NOMEM, "out of memory");
    if (st != XC_OK) {
        free(buf);
        return st;
    }
    buf[n] = '\0';
    *out = buf;
    *out_len = n;
    return XC_OK;
}

xc_status xc_gunzip(const void *data, size_t len, size_t max, char **out, size_t *out_len,
                    xc_error *err)
{
    return xc_inflate(data, len, 15 + 32, max, XC_INFLATE_STRICT, "gzip", out, out_len, err);
}
