/* The TimeML reader: expat streams the document; character data inside
 * <TEXT> becomes the text, each <TIMEX3> records the text's length when it
 * opens and when it closes. */
#include "timeml.h"

#include <expat.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/error.h"
#include "../util/file.h"
#include "../util/vec.h"

#define MAX_DOC_BYTES ((size_t)256 << 20)
#define MAX_OPEN_TIMEX 16 /* TIMEX3 inside TIMEX3 (not TimeML, but possible) */

typedef struct timex_list {
    xc_timeml_timex *items;
    size_t count, capacity;
} timex_list;

typedef struct parser {
    XML_Parser xml;
    const char *name;
    xc_error *err;
    xc_status status;
    xc_buf text, docid;
    int text_depth;     /* open <TEXT> elements                            */
    int dct_depth;      /* open <DCT> elements                             */
    int docid_depth;
    bool seen_text;
    char dct[48];       /* from <DCT>                                      */
    char creation[48];  /* from a CREATION_TIME TIMEX3 elsewhere           */
    timex_list timexes;
    int timex_depth;    /* open TIMEX3 elements, anywhere                  */
    bool kept[MAX_OPEN_TIMEX];   /* the one at this depth is recorded       */
    size_t open[MAX_OPEN_TIMEX]; /* and its index                           */
} parser;

static void stopf(parser *p, xc_status status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void stopf(parser *p, xc_status status, const char *fmt, ...)
{
    if (p->status != XC_OK)
        return;
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    xc_fail(p->err, status, "%s:%lu: %s", p->name, (unsigned long)XML_GetCurrentLineNumber(p->xml), msg);
    p->status = status;
    XML_StopParser(p->xml, XML_FALSE);
}

static const char *attr(const XML_Char **atts, const char *name)
{
    for (size_t i = 0; atts[i]; i += 2)
        if (strcmp(atts[i], name) == 0)
            return atts[i + 1];
    return NULL;
}

static void copy_attr(char *dst, size_t cap, const char *value)
{
    snprintf(dst, cap, "%s", value ? value : "");
}

static void start_timex(parser *p, const XML_Char **atts)
{
    const char *value = attr(atts, "value");
    const char *function = attr(atts, "functionInDocument");
    bool creation = function && strcmp(function, "CREATION_TIME") == 0;
    if (p->dct_depth > 0 && !p->dct[0] && value)
        copy_attr(p->dct, sizeof p->dct, value);
    if (creation && !p->creation[0] && value)
        copy_attr(p->creation, sizeof p->creation, value);
    int depth = p->timex_depth++;
    if (depth < MAX_OPEN_TIMEX)
        p->kept[depth] = false;
    if (p->text_depth == 0 || depth >= MAX_OPEN_TIMEX)
        return;
    if (p->text.len > UINT32_MAX - 1) {
        stopf(p, XC_ERR_TOO_BIG, "the text is over 4 GB");
        return;
    }
    xc_timeml_timex t = {0};
    t.start = t.end = (uint32_t)p->text.len;
    t.line = (uint32_t)XML_GetCurrentLineNumber(p->xml);
    t.creation_time = creation;
    copy_attr(t.tid, sizeof t.tid, attr(atts, "tid"));
    copy_attr(t.type, sizeof t.type, attr(atts, "type"));
    copy_attr(t.value, sizeof t.value, value);
    if (!XC_VEC_PUSH(&p->timexes, t)) {
        stopf(p, XC_ERR_NOMEM, "out of memory");
        return;
    }
    p->kept[depth] = true;
    p->open[depth] = p->timexes.count - 1;
}

static void XMLCALL on_start(void *user, const XML_Char *el, const XML_Char **atts)
{
    parser *p = user;
    if (p->status != XC_OK)
        return;
    if (strcmp(el, "TEXT") == 0) {
        p->text_depth++;
        p->seen_text = true;
    } else if (strcmp(el, "DCT") == 0) {
        p->dct_depth++;
    } else if (strcmp(el, "DOCID") == 0) {
        p->docid_depth++;
    } else if (strcmp(el, "TIMEX3") == 0) {
        start_timex(p, atts);
    }
}

static void XMLCALL on_end(void *user, const XML_Char *el)
{
    parser *p = user;
    if (p->status != XC_OK)
        return;
    if (strcmp(el, "TEXT") == 0) {
        p->text_depth--;
    } else if (strcmp(el, "DCT") == 0) {
        p->dct_depth--;
    } else if (strcmp(el, "DOCID") == 0) {
        p->docid_depth--;
    } else if (strcmp(el, "TIMEX3") == 0 && p->timex_depth > 0) {
        int depth = --p->timex_depth;
        if (depth < MAX_OPEN_TIMEX && p->kept[depth])
            p->timexes.items[p->open[depth]].end = (uint32_t)p->text.len;
    }
}

static void XMLCALL on_text(void *user, const XML_Char *s, int len)
{
    parser *p = user;
    if (p->status != XC_OK || len <= 0)
        return;
    if (p->text_depth > 0) {
        xc_buf_append(&p->text, s, (size_t)len);
        if (p->text.failed)
            stopf(p, XC_ERR_NOMEM, "out of memory");
    } else if (p->docid_depth > 0 && p->docid.len < 200) {
        xc_buf_append(&p->docid, s, (size_t)len);
    }
}

static void XMLCALL on_doctype(void *user, const XML_Char *name, const XML_Char *sysid, const XML_Char *pubid,
                               int has_internal_subset)
{
    (void)name, (void)sysid, (void)pubid, (void)has_internal_subset;
    stopf(user, XC_ERR_FORMAT, "a DOCTYPE declaration is not allowed in a TimeML document");
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* DOCID with surrounding white space trimmed. */
static char *doc_name(parser *p, const char *fallback)
{
    const char *s = xc_buf_str(&p->docid);
    size_t n = p->docid.len;
    while (n && (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    if (n == 0)
        return strdup(base_name(fallback));
    return strndup(s, n);
}

xc_status xc_timeml_parse(const char *name, const char *data, size_t len, xc_timeml_doc *out, xc_error *err)
{
    memset(out, 0, sizeof *out);
    if (!name)
        name = "(memory)";
    if (len > MAX_DOC_BYTES)
        return xc_fail(err, XC_ERR_TOO_BIG, "%s: over %zu bytes", name, MAX_DOC_BYTES);
    parser p = {0};
    p.name = name;
    p.err = err;
    p.xml = XML_ParserCreate(NULL);
    if (!p.xml)
        return xc_fail(err, XC_ERR_NOMEM, "out of memory");
    XML_SetUserData(p.xml, &p);
    XML_SetElementHandler(p.xml, on_start, on_end);
    XML_SetCharacterDataHandler(p.xml, on_text);
    XML_SetStartDoctypeDeclHandler(p.xml, on_doctype);
    xc_status st = XC_OK;
    if (XML_Parse(p.xml, data ? data : "", (int)len, XML_TRUE) != XML_STATUS_OK || p.status != XC_OK) {
        if (p.status != XC_OK) {
            st = p.status;
        } else {
            enum XML_Error code = XML_GetErrorCode(p.xml);
            st = code == XML_ERROR_NO_MEMORY ? XC_ERR_NOMEM : XC_ERR_FORMAT;
            xc_fail(err, st, "%s:%lu:%lu: malformed XML: %s", name, (unsigned long)XML_GetCurrentLineNumber(p.xml),
                    (unsigned long)XML_GetCurrentColumnNumber(p.xml) + 1, XML_ErrorString(code));
        }
    }
    if (st == XC_OK && !p.seen_text)
        st = xc_fail(err, XC_ERR_FORMAT, "%s:1: not a TimeML document: no <TEXT> element", name);
    if (st == XC_OK) {
        out->name = doc_name(&p, name);
        out->text = xc_buf_detach(&p.text, &out->text_len);
        if (!out->text) {
            out->text = calloc(1, 1);
            out->text_len = 0;
        }
        memcpy(out->dct, p.dct[0] ? p.dct : p.creation, sizeof out->dct);
        out->timexes = p.timexes.items;
        out->timex_count = p.timexes.count;
        p.timexes.items = NULL;
        if (!out->name || !out->text)
            st = xc_fail(err, XC_ERR_NOMEM, "out of memory");
    }
    XML_ParserFree(p.xml);
    xc_buf_free(&p.text);
    xc_buf_free(&p.docid);
    free(p.timexes.items);
    if (st != XC_OK)
        xc_timeml_doc_free(out);
    return st;
}

xc_status xc_timeml_read(const char *path, xc_timeml_doc *out, xc_error *err)
{
    memset(out, 0, sizeof *out);
    char *data;
    size_t n;
    xc_status st = xc_read_file(path, MAX_DOC_BYTES, &data, &n, err);
    if (st != XC_OK)
        return st;
    st = xc_timeml_parse(path, data, n, out, err);
    free(data);
    return st;
}

void xc_timeml_doc_free(xc_timeml_doc *doc)
{
    if (!doc)
        return;
    free(doc->name);
    free(doc->text);
    free(doc->timexes);
    memset(doc, 0, sizeof *doc);
}
