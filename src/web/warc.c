/* The WARC record reader: a byte source (plain, or gzip inflated member by
 * member) under a record parser (version line, header fields, block of
 * Content-Length bytes). See warc.h. */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#include "warc.h"
#include "../util/error.h"

#define CHUNK (64 * 1024)
#define VERSION_LINE_MAX 256
/* A block buffer grown past this is given back before the next record, so
 * one huge page does not keep its memory for the rest of the file. */
#define BLOCK_KEEP_MAX ((size_t)4 << 20)

struct xc_warc_reader {
    FILE *in;

    /* The byte source. buf[pos..len) is decoded and not yet read; `offset`
     * is the stream offset of buf[pos]. */
    unsigned char *raw, *out, *buf;
    size_t pos, len;
    uint64_t offset;
    bool started, gzip, z_ready;
    z_stream z;
    bool member_start;   /* between gzip members */
    bool input_ended;    /* fread has nothing more */
    bool ended;          /* no more decoded bytes */
    bool io_error, io_reported;
    int io_errno;
    uint64_t raw_read;   /* compressed bytes read from the file */
    uint64_t last_resync;
    /* Corrupt compressed data: the source skipped to the next gzip member
     * and stops as if at an end until the record parser has said so. */
    bool gap;
    char gap_reason[128];

    /* The record parser. */
    long number;
    char *header;        /* version line and header lines, each NUL-terminated */
    char pending[VERSION_LINE_MAX + 1]; /* a version line found by resynchronising */
    bool has_pending;
    uint64_t pending_offset;
    xc_warc_record rec;
    bool in_block;       /* the current record's block can be read */
    uint64_t block_left; /* its bytes still in the stream */
    char *block;         /* its bytes read so far */
    size_t block_have, block_cap;

    xc_warc_counts counts;
};

xc_warc_reader *xc_warc_reader_new(FILE *in)
{
    xc_warc_reader *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->in = in;
    r->raw = malloc(CHUNK);
    r->out = malloc(CHUNK);
    r->header = malloc(XC_WARC_HEADER_MAX + 1);
    if (!r->raw || !r->out || !r->header) {
        xc_warc_reader_free(r);
        return NULL;
    }
    r->buf = r->raw;
    r->last_resync = UINT64_MAX;
    return r;
}

void xc_warc_reader_free(xc_warc_reader *r)
{
    if (!r)
        return;
    if (r->z_ready)
        inflateEnd(&r->z);
    free(r->raw);
    free(r->out);
    free(r->header);
    free(r->block);
    free(r);
}

bool xc_warc_io_error(const xc_warc_reader *r)
{
    return r->io_error;
}

xc_warc_counts xc_warc_reader_counts(const xc_warc_reader *r)
{
    return r->counts;
}

void xc_warc_count(xc_warc_reader *r, xc_warc_item item)
{
    switch (item) {
    case XC_WARC_ARTICLE: r->counts.articles++; break;
    case XC_WARC_SKIPPED: r->counts.skipped++; break;
    case XC_WARC_FAILED: r->counts.failed++; break;
    case XC_WARC_END: break;
    }
}

/* ---- the byte source ------------------------------------------------- */

static size_t read_raw(xc_warc_reader *r, unsigned char *dst, size_t n)
{
    size_t got = fread(dst, 1, n, r->in);
    r->raw_read += got;
    if (got < n && ferror(r->in) && !r->io_error) {
        r->io_error = true;
        r->io_errno = errno;
    }
    return got;
}

/* Compressed input for zlib, when it has used up what it had. */
static void refill_input(xc_warc_reader *r)
{
    if (r->z.avail_in || r->input_ended)
        return;
    size_t n = read_raw(r, r->raw, CHUNK);
    r->z.next_in = r->raw;
    r->z.avail_in = (uInt)n;
    if (n == 0)
        r->input_ended = true;
}

/* After corrupt data: move the input to the next gzip member header
 * (1f 8b 08). False when there is none. */
static bool seek_member(xc_warc_reader *r)
{
    uint64_t here = r->raw_read - r->z.avail_in;
    if (here == r->last_resync && r->z.avail_in) { /* no progress since: step on */
        r->z.next_in++;
        r->z.avail_in--;
    }
    for (;;) {
        refill_input(r);
        if (r->z.avail_in == 0)
            return false;
        const unsigned char *p = r->z.next_in, *end = p + r->z.avail_in;
        for (; p + 2 < end; p++) {
            if (p[0] == 0x1f && p[1] == 0x8b && p[2] == 0x08) {
                r->z.avail_in = (uInt)(end - p);
                r->z.next_in = (unsigned char *)p;
                r->last_resync = r->raw_read - r->z.avail_in;
                return true;
            }
        }
        /* Keep the last two bytes: a header may straddle the refill. */
        size_t keep = (size_t)(end - p);
        memmove(r->raw, p, keep);
        size_t n = read_raw(r, r->raw + keep, CHUNK - keep);
        r->z.next_in = r->raw;
        r->z.avail_in = (uInt)(keep + n);
        if (n == 0) {
            r->input_ended = true;
            r->z.avail_in = 0;
            return false;
        }
    }
}

static void corrupt(xc_warc_reader *r, const char *reason)
{
    r->gap = true;
    snprintf(r->gap_reason, sizeof r->gap_reason, "%s", reason);
    if (inflateReset(&r->z) != Z_OK || !seek_member(r))
        r->ended = true;
    r->member_start = true;
}

static bool inflate_more(xc_warc_reader *r)
{
    for (;;) {
        refill_input(r);
        if (r->member_start) {
            /* Zero padding may follow a member; the input may end here. */
            while (r->z.avail_in && *r->z.next_in == 0) {
                r->z.next_in++;
                r->z.avail_in--;
                refill_input(r);
            }
            if (r->z.avail_in == 0) {
                r->ended = true;
                return false;
            }
            r->member_start = false;
        }
        r->z.next_out = r->out;
        r->z.avail_out = CHUNK;
        int rc = inflate(&r->z, Z_NO_FLUSH);
        size_t produced = CHUNK - r->z.avail_out;
        if (rc == Z_STREAM_END) {
            if (inflateReset(&r->z) != Z_OK)
                r->ended = true;
            r->member_start = true;
        } else if (rc == Z_MEM_ERROR) {
            r->io_error = true;
            r->io_errno = ENOMEM;
            r->ended = true;
        } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            if (produced == 0) { /* deliver what came before the damage first */
                corrupt(r, r->z.msg ? r->z.msg : "corrupt data");
                return false;
            }
        } else if (produced == 0 && r->z.avail_in == 0 && r->input_ended) {
            r->gap = true;
            snprintf(r->gap_reason, sizeof r->gap_reason, "the file ends inside a gzip member");
            r->ended = true;
            return false;
        }
        if (produced) {
            r->buf = r->out;
            r->pos = 0;
            r->len = produced;
            return true;
        }
        if (r->ended)
            return false;
    }
}

/* Look at the first bytes: gzip or plain. */
static void start(xc_warc_reader *r)
{
    r->started = true;
    size_t n = read_raw(r, r->raw, CHUNK);
    if (n >= 2 && r->raw[0] == 0x1f && r->raw[1] == 0x8b) {
        memset(&r->z, 0, sizeof r->z);
        if (inflateInit2(&r->z, 15 + 32) != Z_OK) { /* +32: a gzip header */
            r->io_error = true;
            r->io_errno = ENOMEM;
            r->ended = true;
            return;
        }
        r->z_ready = r->gzip = true;
        r->z.next_in = r->raw;
        r->z.avail_in = (uInt)n;
        r->member_start = true;
        return;
    }
    r->buf = r->raw;
    r->pos = 0;
    r->len = n;
    if (n == 0)
        r->ended = true;
}

/* Make decoded bytes available: false at the end, at a gap, on an error. */
static bool fill(xc_warc_reader *r)
{
    if (r->pos < r->len)
        return true;
    if (r->gap || r->ended)
        return false;
    if (!r->started) {
        start(r);
        if (r->gzip)
            return inflate_more(r);
        return r->len > 0;
    }
    if (r->gzip)
        return inflate_more(r);
    r->pos = 0;
    r->len = read_raw(r, r->raw, CHUNK);
    if (r->len == 0)
        r->ended = true;
    return r->len > 0;
}

/* Up to n bytes into dst (NULL: read past them); fewer at an end. */
static uint64_t read_bytes(xc_warc_reader *r, char *dst, uint64_t n)
{
    uint64_t done = 0;
    while (done < n && fill(r)) {
        size_t k = r->len - r->pos;
        if (k > n - done)
            k = (size_t)(n - done);
        if (dst)
            memcpy(dst + done, r->buf + r->pos, k);
        r->pos += k;
        r->offset += k;
        done += k;
    }
    return done;
}

/* One line into dst (which has room for cap + 1 bytes), without "\n" or
 * "\r\n"; a longer line's first cap bytes, the rest read past (*cut).
 * *newline tells a whole line from the input's unterminated last bytes.
 * False when no byte was left. */
static bool read_line(xc_warc_reader *r, char *dst, size_t cap, size_t *len, bool *cut,
                      bool *newline)
{
    size_t n = 0;
    bool any = false;
    *cut = *newline = false;
    while (fill(r)) {
        any = true;
        const unsigned char *start = r->buf + r->pos;
        size_t avail = r->len - r->pos;
        const unsigned char *nl = memchr(start, '\n', avail);
        size_t k = nl ? (size_t)(nl - start) : avail;
        size_t keep = k;
        if (keep > cap - n) {
            keep = cap - n;
            *cut = true;
        }
        memcpy(dst + n, start, keep);
        n += keep;
        size_t used = nl ? k + 1 : k;
        r->pos += used;
        r->offset += used;
        if (nl) {
            *newline = true;
            break;
        }
    }
    if (n && dst[n - 1] == '\r' && !*cut)
        n--;
    dst[n] = '\0';
    *len = n;
    return any;
}

/* ---- messages -------------------------------------------------------- */

static xc_status record_fail(xc_warc_reader *r, xc_error *err, xc_status status, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* "record N (offset X): " and the reason; the record takes the status. */
static xc_status record_fail(xc_warc_reader *r, xc_error *err, xc_status status, const char *fmt, ...)
{
    char why[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    r->rec.status = status;
    return xc_fail(err, status, "record %ld (offset %" PRIu64 "): %s", r->rec.number, r->rec.offset,
                   why);
}

/* Why the input stopped short, for the end of a message; clears a gap so
 * reading goes on after it. */
static const char *stop_reason(xc_warc_reader *r, char *out, size_t size, xc_status *status)
{
    *status = XC_ERR_FORMAT;
    if (r->gap) {
        r->gap = false;
        snprintf(out, size, "corrupt gzip data (%s)%s", r->gap_reason,
                 r->ended ? "" : "; going on at the next gzip member");
    } else if (r->io_error) {
        r->io_reported = true;
        *status = XC_ERR_IO;
        snprintf(out, size, "read error: %s", strerror(r->io_errno));
    } else {
        snprintf(out, size, "the file ends");
    }
    return out;
}

/* A short quoted excerpt of raw bytes, with anything unprintable escaped. */
static void excerpt(const char *s, size_t len, char *out, size_t size)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n + 8 < size; i++) {
        unsigned char c = (unsigned char)s[i];
        if (i == 40) {
            n += (size_t)snprintf(out + n, size - n, "...");
            break;
        }
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
            out[n++] = (char)c;
        else
            n += (size_t)snprintf(out + n, size - n, "\\x%02X", c);
    }
    out[n] = '\0';
}

/* ---- records --------------------------------------------------------- */

static bool is_version_line(const char *line, size_t len)
{
    while (len && (line[len - 1] == ' ' || line[len - 1] == '\t'))
        len--;
    return len == 8 && (memcmp(line, "WARC/1.0", 8) == 0 || memcmp(line, "WARC/1.1", 8) == 0);
}

static bool is_blank(const char *line, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
            return false;
    return true;
}

/* Read lines up to one that starts with "WARC/1." and keep it for the next
 * record. *next: the offset where it starts, or where the input ended.
 * False when the input ends first. */
static bool resync(xc_warc_reader *r, uint64_t *next)
{
    char line[VERSION_LINE_MAX + 1];
    for (;;) {
        uint64_t at = r->offset;
        size_t len;
        bool cut, newline;
        if (!read_line(r, line, VERSION_LINE_MAX, &len, &cut, &newline)) {
            if (r->gap && !r->ended) { /* the damage is part of what is skipped */
                r->gap = false;
                continue;
            }
            r->gap = false;
            *next = r->offset;
            return false;
        }
        if (len >= 7 && memcmp(line, "WARC/1.", 7) == 0) {
            memcpy(r->pending, line, len + 1);
            r->has_pending = true;
            r->pending_offset = at;
            *next = at;
            return true;
        }
    }
}

/* Fail the record, then look for the next one; the message says which. */
static void fail_and_resync(xc_warc_reader *r, xc_error *err, xc_status status, const char *why)
{
    uint64_t next;
    if (resync(r, &next))
        record_fail(r, err, status, "%s; skipped %" PRIu64 " bytes to the next record", why,
                    next - r->rec.offset);
    else
        record_fail(r, err, status, "%s; no record follows", why);
}

static bool name_is(const char *line, size_t name_len, const char *name)
{
    return strlen(name) == name_len && strncasecmp(line, name, name_len) == 0;
}

/* Content-Length: decimal digits only. */
static bool parse_length(const char *s, uint64_t *out)
{
    uint64_t v = 0;
    if (!*s)
        return false;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || v > (UINT64_MAX >> 2) / 10)
            return false;
        v = v * 10 + (uint64_t)(*s - '0');
    }
    *out = v;
    return true;
}

/* Split the header lines (version first) into fields. False, with the
 * reason in `why`, when Content-Length is missing or not a number. */
static bool parse_fields(xc_warc_reader *r, size_t used, char *why, size_t why_size)
{
    char *h = r->header, *end = h + used, *first = h + strlen(h) + 1;
    /* A line that starts with white space continues the one before. */
    for (char *p = first; p + 1 < end; p++)
        if (*p == '\0' && (p[1] == ' ' || p[1] == '\t'))
            *p = ' ';
    r->rec.version = h;
    const char *length = NULL;
    for (char *line = first; line < end; line += strlen(line) + 1) {
        char *colon = strchr(line, ':');
        if (!colon)
            continue; /* not a field: ignored, as readers of the format do */
        size_t name_len = (size_t)(colon - line);
        while (name_len && (line[name_len - 1] == ' ' || line[name_len - 1] == '\t'))
            name_len--;
        char *value = colon + 1;
        while (*value == ' ' || *value == '\t')
            value++;
        size_t n = strlen(value);
        while (n && (value[n - 1] == ' ' || value[n - 1] == '\t' || value[n - 1] == '\r'))
            value[--n] = '\0';
        const char **field = NULL;
        if (name_is(line, name_len, "WARC-Type"))
            field = &r->rec.type;
        else if (name_is(line, name_len, "WARC-Target-URI"))
            field = &r->rec.target_uri;
        else if (name_is(line, name_len, "WARC-Date"))
            field = &r->rec.date;
        else if (name_is(line, name_len, "WARC-Record-ID"))
            field = &r->rec.record_id;
        else if (name_is(line, name_len, "Content-Type"))
            field = &r->rec.content_type;
        else if (name_is(line, name_len, "Content-Length"))
            field = &length;
        if (field && !*field)
            *field = value; /* the first of repeated fields */
    }
    if (r->rec.target_uri && r->rec.target_uri[0] == '<') { /* WARC/1.0 examples bracket it */
        char *uri = (char *)r->rec.target_uri + 1;
        size_t n = strlen(uri);
        if (n && uri[n - 1] == '>')
            uri[n - 1] = '\0';
        r->rec.target_uri = uri;
    }
    if (!length) {
        snprintf(why, why_size, "no Content-Length");
        return false;
    }
    if (!parse_length(length, &r->rec.length)) {
        char shown[200];
        excerpt(length, strlen(length), shown, sizeof shown);
        snprintf(why, why_size, "bad Content-Length \"%s\"", shown);
        return false;
    }
    return true;
}

/* The header lines after the version line, into r->header after `used`
 * bytes, up to the blank line that ends them. */
static xc_status read_header(xc_warc_reader *r, size_t *used, xc_error *err)
{
    for (;;) {
        size_t len, room = XC_WARC_HEADER_MAX - *used;
        bool cut = room == 0, newline = false;
        if (cut)
            break;
        bool any = read_line(r, r->header + *used, room, &len, &cut, &newline);
        if (cut)
            break;
        if (!any || !newline) {
            char why[200];
            xc_status st;
            stop_reason(r, why, sizeof why, &st);
            return record_fail(r, err, st, "truncated header: %s", why);
        }
        if (len == 0)
            return XC_OK;
        *used += len + 1;
    }
    fail_and_resync(r, err, XC_ERR_FORMAT, "header over 64 KB");
    return XC_ERR_FORMAT;
}

/* Damaged compressed data between records is a bad record of its own (it
 * held at least one); so is a read error there. */
static bool report_gap(xc_warc_reader *r, xc_warc_record *rec, xc_error *err)
{
    r->rec.number = ++r->number;
    r->rec.offset = r->offset;
    char why[200];
    xc_status st;
    stop_reason(r, why, sizeof why, &st);
    record_fail(r, err, st, "%s", why);
    r->counts.records++;
    *rec = r->rec;
    return true;
}

bool xc_warc_next(xc_warc_reader *r, xc_warc_record *rec, xc_error *err)
{
    memset(rec, 0, sizeof *rec);
    if (r->in_block && r->block_left) {
        xc_error e = {0};
        if (xc_warc_skip(r, &e) != XC_OK) { /* the last record was cut short */
            if (err)
                *err = e;
            *rec = r->rec;
            return true;
        }
    }
    r->in_block = false;
    r->block_have = 0;
    if (r->block_cap > BLOCK_KEEP_MAX) {
        free(r->block);
        r->block = NULL;
        r->block_cap = 0;
    }
    memset(&r->rec, 0, sizeof r->rec);

    /* The version line: the first non-blank one. */
    size_t len;
    bool cut, newline;
    uint64_t at;
    if (r->has_pending) {
        r->has_pending = false;
        len = strlen(r->pending);
        memcpy(r->header, r->pending, len + 1);
        at = r->pending_offset;
    } else {
        for (;;) {
            at = r->offset;
            if (!read_line(r, r->header, VERSION_LINE_MAX, &len, &cut, &newline)) {
                if (r->gap || (r->io_error && !r->io_reported))
                    return report_gap(r, rec, err);
                return false;
            }
            if (!is_blank(r->header, len))
                break;
        }
    }
    r->rec.number = ++r->number;
    r->rec.offset = at;
    r->counts.records++;
    if (err)
        err->status = XC_OK;

    xc_status st;
    if (!is_version_line(r->header, len)) {
        char shown[200], why[300];
        excerpt(r->header, len, shown, sizeof shown);
        snprintf(why, sizeof why,
                 len >= 5 && memcmp(r->header, "WARC/", 5) == 0
                     ? "unsupported version \"%s\" (WARC/1.0 and WARC/1.1 are read)"
                     : "expected a WARC/1.0 or WARC/1.1 version line, found \"%s\"",
                 shown);
        fail_and_resync(r, err, XC_ERR_FORMAT, why);
        *rec = r->rec;
        return true;
    }
    size_t used = len + 1;
    st = read_header(r, &used, err);
    char why[300];
    if (st == XC_OK && !parse_fields(r, used, why, sizeof why)) {
        fail_and_resync(r, err, XC_ERR_FORMAT, why);
        st = XC_ERR_FORMAT;
    }
    if (st == XC_OK) {
        r->in_block = true;
        r->block_left = r->rec.length;
        r->counts.block_bytes += r->rec.length;
    }
    *rec = r->rec;
    return true;
}

/* ---- blocks ---------------------------------------------------------- */

static bool reserve_block(xc_warc_reader *r, size_t n)
{
    if (n + 1 <= r->block_cap)
        return true;
    char *grown = realloc(r->block, n + 1);
    if (!grown)
        return false;
    r->block = grown;
    r->block_cap = n + 1;
    return true;
}

/* The block's next bytes up to `want` in all into r->block. */
static xc_status read_block_to(xc_warc_reader *r, size_t want, xc_error *err)
{
    if (r->block_have >= want)
        return XC_OK;
    if (!reserve_block(r, want)) {
        xc_warc_skip(r, NULL);
        return record_fail(r, err, XC_ERR_NOMEM, "out of memory for a block of %" PRIu64 " bytes",
                           r->rec.length);
    }
    uint64_t got = read_bytes(r, r->block + r->block_have, want - r->block_have);
    r->block_have += (size_t)got;
    r->block_left -= got;
    r->block[r->block_have] = '\0';
    if (r->block_have < want) {
        r->in_block = false;
        char why[200];
        xc_status st;
        stop_reason(r, why, sizeof why, &st);
        return record_fail(r, err, st, "truncated block (%zu of %" PRIu64 " bytes): %s",
                           r->block_have, r->rec.length, why);
    }
    return XC_OK;
}

xc_status xc_warc_peek(xc_warc_reader *r, size_t want, const char **data, size_t *len, xc_error *err)
{
    *data = NULL;
    *len = 0;
    if (!r->in_block)
        return xc_fail(err, XC_ERR_ARG, "no record block to read");
    if (want > r->rec.length)
        want = (size_t)r->rec.length;
    xc_status st = read_block_to(r, want, err);
    if (st != XC_OK)
        return st;
    *data = r->block ? r->block : "";
    *len = want;
    return XC_OK;
}

xc_status xc_warc_block(xc_warc_reader *r, size_t max, char **data, size_t *len, xc_error *err)
{
    *data = NULL;
    *len = 0;
    if (!r->in_block)
        return xc_fail(err, XC_ERR_ARG, "no record block to read");
    if (r->rec.length > max) {
        xc_warc_skip(r, NULL);
        return record_fail(r, err, XC_ERR_TOO_BIG,
                           "too big: the block has %" PRIu64 " bytes, over the %zu-byte limit (--max-bytes)",
                           r->rec.length, max);
    }
    xc_status st = read_block_to(r, (size_t)r->rec.length, err);
    if (st != XC_OK)
        return st;
    if (!reserve_block(r, 0))
        return record_fail(r, err, XC_ERR_NOMEM, "out of memory");
    r->block[r->block_have] = '\0';
    *data = r->block;
    *len = r->block_have;
    return XC_OK;
}

xc_status xc_warc_skip(xc_warc_reader *r, xc_error *err)
{
    if (!r->in_block)
        return XC_OK;
    uint64_t want = r->block_left;
    uint64_t got = read_bytes(r, NULL, want);
    r->block_left -= got;
    r->in_block = false;
    r->block_have = 0;
    if (got < want) {
        char why[200];
        xc_status st;
        stop_reason(r, why, sizeof why, &st);
        return record_fail(r, err, st, "truncated block (%" PRIu64 " of %" PRIu64 " bytes): %s",
                           r->rec.length - r->block_left, r->rec.length, why);
    }
    return XC_OK;
}
