/* The ECB+ CAT XML reader: expat collects tokens, markables and relations
 * as they come, then the relations are resolved into gold chains (the
 * rules are in ecbxml.h). */
#include "ecbxml.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <expat.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <xxhash.h>

#include "../util/buf.h"
#include "../util/error.h"
#include "../util/file.h"
#include "../util/intmap.h"
#include "../util/strmap.h"
#include "../util/vec.h"

#define MAX_DOC_BYTES ((size_t)1 << 30)
#define MAX_FOLDER_DEPTH 8

typedef struct raw_markable {
    uint32_t m_id;
    const char *tag;
    const char *instance_id;             /* NULL when absent or empty     */
    const char *descriptor;              /* TAG_DESCRIPTOR, NULL if empty */
    uint32_t first_anchor, anchor_count; /* into parser.anchor_tids      */
    unsigned long line;
} raw_markable;

typedef enum relation_kind { REL_OTHER, REL_INTRA, REL_CROSS } relation_kind;

typedef struct raw_relation {
    relation_kind kind;
    const char *r_id, *note;             /* NULL when absent              */
    uint32_t target, targets;            /* last target's m_id; how many  */
    uint32_t first_source, source_count; /* into parser.source_mids      */
    unsigned long line;
} raw_relation;

typedef struct markable_list {
    raw_markable *items;
    size_t count, capacity;
} markable_list;

typedef struct relation_list {
    raw_relation *items;
    size_t count, capacity;
} relation_list;

typedef struct token_list {
    xc_ecb_token *items;
    size_t count, capacity;
} token_list;

typedef struct mention_list {
    xc_ecb_mention *items;
    size_t count, capacity;
} mention_list;

enum section { SECTION_NONE, SECTION_MARKABLES, SECTION_RELATIONS };

typedef struct parser {
    XML_Parser xml;
    const char *name; /* for messages */
    xc_ecb_doc *doc;
    xc_error *err;
    xc_status status; /* the first failure inside a handler */
    int depth;
    enum section section;
    bool in_token, item_open, line_has_content;
    xc_buf token_text, text;
    token_list tokens;
    xc_intmap token_index; /* t_id → token index */
    xc_u32_list anchor_tids, source_mids;
    markable_list markables;
    relation_list relations;
    char *doc_name;
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

static void out_of_memory(parser *p) { stopf(p, XC_ERR_NOMEM, "out of memory"); }

static const char *attr(const XML_Char **atts, const char *name)
{
    for (size_t i = 0; atts[i]; i += 2)
        if (strcmp(atts[i], name) == 0)
            return atts[i + 1];
    return NULL;
}

static bool parse_u32(const char *s, uint32_t *out)
{
    if (!s || !*s)
        return false;
    uint64_t v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return false;
        v = v * 10 + (uint64_t)(*s - '0');
        if (v > UINT32_MAX)
            return false;
    }
    *out = (uint32_t)v;
    return true;
}

/* A required numeric attribute; stops the parser when missing or bad. */
static bool number_attr(parser *p, const char *el, const XML_Char **atts, const char *name, uint32_t *out)
{
    const char *v = attr(atts, name);
    if (parse_u32(v, out))
        return true;
    if (v)
        stopf(p, XC_ERR_FORMAT, "<%s> has %s=\"%.40s\", not a number", el, name, v);
    else
        stopf(p, XC_ERR_FORMAT, "<%s> has no %s attribute", el, name);
    return false;
}

/* An optional attribute copied into the document's arena; NULL when empty. */
static const char *keep_attr(parser *p, const XML_Char **atts, const char *name)
{
    const char *v = attr(atts, name);
    if (!v || !*v)
        return NULL;
    char *copy = xc_arena_strndup(&p->doc->strings, v, strlen(v));
    if (!copy)
        out_of_memory(p);
    return copy;
}

static void start_token(parser *p, const XML_Char **atts)
{
    xc_ecb_token t = {0};
    if (!number_attr(p, "token", atts, "t_id", &t.t_id) ||
        !number_attr(p, "token", atts, "sentence", &t.sentence) ||
        !number_attr(p, "token", atts, "number", &t.number))
        return;
    uint32_t seen;
    if (xc_intmap_get(&p->token_index, t.t_id, &seen)) {
        stopf(p, XC_ERR_FORMAT, "token t_id=%u appears twice", t.t_id);
        return;
    }
    if (p->tokens.count >= UINT32_MAX - 1) {
        stopf(p, XC_ERR_TOO_BIG, "too many tokens");
        return;
    }
    if (p->tokens.count && p->tokens.items[p->tokens.count - 1].sentence != t.sentence)
        p->line_has_content = false;
    if (p->tokens.count == 0 || p->tokens.items[p->tokens.count - 1].sentence != t.sentence)
        p->doc->sentence_count++;
    if (!xc_intmap_put(&p->token_index, t.t_id, (uint32_t)p->tokens.count) || !XC_VEC_PUSH(&p->tokens, t)) {
        out_of_memory(p);
        return;
    }
    xc_buf_reset(&p->token_text);
    p->in_token = true;
}

static bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* Trim the token's text, turn inner white space into spaces, and append it
 * to the text after a space (same sentence) or a line break (new one). */
static void finish_token(parser *p)
{
    p->in_token = false;
    xc_ecb_token *t = &p->tokens.items[p->tokens.count - 1];
    char *s = p->token_text.data;
    size_t len = p->token_text.len;
    while (len && is_xml_space(s[0]))
        s++, len--;
    while (len && is_xml_space(s[len - 1]))
        len--;
    if (p->text.len > (size_t)UINT32_MAX - len - 2) {
        stopf(p, XC_ERR_TOO_BIG, "the text is over 4 GB");
        return;
    }
    if (len) {
        if (p->line_has_content)
            xc_buf_putc(&p->text, ' ');
        else if (p->text.len)
            xc_buf_putc(&p->text, '\n');
        p->line_has_content = true;
    }
    t->start = (uint32_t)p->text.len;
    for (size_t i = 0; i < len; i++)
        xc_buf_putc(&p->text, is_xml_space(s[i]) ? ' ' : s[i]);
    t->end = (uint32_t)p->text.len;
    if (p->text.failed)
        out_of_memory(p);
}

static void start_markable(parser *p, const XML_Char *el, const XML_Char **atts)
{
    raw_markable m = {0};
    if (!number_attr(p, el, atts, "m_id", &m.m_id))
        return;
    m.tag = xc_arena_strndup(&p->doc->strings, el, strlen(el));
    m.instance_id = keep_attr(p, atts, "instance_id");
    m.descriptor = keep_attr(p, atts, "TAG_DESCRIPTOR");
    m.first_anchor = (uint32_t)p->anchor_tids.count;
    m.line = (unsigned long)XML_GetCurrentLineNumber(p->xml);
    if (!m.tag || !XC_VEC_PUSH(&p->markables, m)) {
        out_of_memory(p);
        return;
    }
    p->item_open = true;
}

static void start_relation(parser *p, const XML_Char *el, const XML_Char **atts)
{
    raw_relation r = {0};
    r.kind = strcmp(el, "CROSS_DOC_COREF") == 0   ? REL_CROSS
             : strcmp(el, "INTRA_DOC_COREF") == 0 ? REL_INTRA
                                                  : REL_OTHER;
    r.r_id = keep_attr(p, atts, "r_id");
    r.note = keep_attr(p, atts, "note");
    r.first_source = (uint32_t)p->source_mids.count;
    r.line = (unsigned long)XML_GetCurrentLineNumber(p->xml);
    if (!XC_VEC_PUSH(&p->relations, r)) {
        out_of_memory(p);
        return;
    }
    p->item_open = true;
}

static void start_inner(parser *p, const XML_Char *el, const XML_Char **atts)
{
    uint32_t id;
    if (p->section == SECTION_MARKABLES && strcmp(el, "token_anchor") == 0) {
        if (!number_attr(p, el, atts, "t_id", &id))
            return;
        if (!XC_VEC_PUSH(&p->anchor_tids, id)) {
            out_of_memory(p);
            return;
        }
        p->markables.items[p->markables.count - 1].anchor_count++;
    } else if (p->section == SECTION_RELATIONS && strcmp(el, "source") == 0) {
        if (!number_attr(p, el, atts, "m_id", &id))
            return;
        if (!XC_VEC_PUSH(&p->source_mids, id)) {
            out_of_memory(p);
            return;
        }
        p->relations.items[p->relations.count - 1].source_count++;
    } else if (p->section == SECTION_RELATIONS && strcmp(el, "target") == 0) {
        if (!number_attr(p, el, atts, "m_id", &id))
            return;
        raw_relation *r = &p->relations.items[p->relations.count - 1];
        r->target = id;
        r->targets++;
    }
}

static void XMLCALL on_start(void *user, const XML_Char *el, const XML_Char **atts)
{
    parser *p = user;
    if (p->status != XC_OK)
        return;
    p->depth++;
    if (p->depth == 1) {
        if (strcmp(el, "Document") != 0) {
            stopf(p, XC_ERR_FORMAT, "not a CAT document: the root element is <%.40s>, not <Document>", el);
            return;
        }
        const char *name = attr(atts, "doc_name");
        if (name && *name && !(p->doc_name = strdup(name)))
            out_of_memory(p);
    } else if (p->depth == 2) {
        p->section = SECTION_NONE;
        if (strcmp(el, "token") == 0)
            start_token(p, atts);
        else if (strcmp(el, "Markables") == 0)
            p->section = SECTION_MARKABLES;
        else if (strcmp(el, "Relations") == 0)
            p->section = SECTION_RELATIONS;
    } else if (p->depth == 3) {
        if (p->section == SECTION_MARKABLES)
            start_markable(p, el, atts);
        else if (p->section == SECTION_RELATIONS)
            start_relation(p, el, atts);
    } else if (p->depth == 4 && p->item_open) {
        start_inner(p, el, atts);
    }
}

static void XMLCALL on_end(void *user, const XML_Char *el)
{
    (void)el;
    parser *p = user;
    if (p->status != XC_OK)
        return;
    if (p->depth == 2) {
        if (p->in_token)
            finish_token(p);
        p->section = SECTION_NONE;
    } else if (p->depth == 3) {
        p->item_open = false;
    }
    p->depth--;
}

static void XMLCALL on_text(void *user, const XML_Char *s, int len)
{
    parser *p = user;
    if (p->status == XC_OK && p->in_token && p->depth == 2 && len > 0) {
        xc_buf_append(&p->token_text, s, (size_t)len);
        if (p->token_text.failed)
            out_of_memory(p);
    }
}

static void XMLCALL on_doctype(void *user, const XML_Char *name, const XML_Char *sysid,
                               const XML_Char *pubid, int has_internal_subset)
{
    (void)name, (void)sysid, (void)pubid, (void)has_internal_subset;
    stopf(user, XC_ERR_FORMAT, "a DOCTYPE declaration is not allowed in a CAT document");
}

/* ------------------------------------------------------------------ */
/* Resolving mentions and chains                                        */
/* ------------------------------------------------------------------ */

bool xc_ecb_is_entity_tag(const char *tag)
{
    return strncmp(tag, "HUMAN_PART", 10) == 0 || strncmp(tag, "NON_HUMAN_PART", 14) == 0 ||
           strncmp(tag, "LOC", 3) == 0;
}

static xc_status resolve_fail(parser *p, unsigned long line, xc_status status, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static xc_status resolve_fail(parser *p, unsigned long line, xc_status status, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return xc_fail(p->err, status, "%s:%lu: %s", p->name, line, msg);
}

static int by_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static int by_span(const void *a, const void *b)
{
    const xc_ecb_mention *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    return (x->m_id > y->m_id) - (x->m_id < y->m_id);
}

static const char *rel_name(const raw_relation *r) { return r->r_id ? r->r_id : "?"; }

static const char *doc_chain_name(parser *p, uint32_t m_id)
{
    char buf[32];
    int n = snprintf(buf, sizeof buf, "#%u", m_id);
    size_t name_len = strlen(p->doc->name);
    char *s = xc_arena_alloc(&p->doc->strings, name_len + (size_t)n + 1);
    if (s) {
        memcpy(s, p->doc->name, name_len);
        memcpy(s + name_len, buf, (size_t)n + 1);
    }
    return s;
}

/* Markable index by m_id; false when unknown. */
static bool find_markable(const xc_intmap *index, uint32_t m_id, uint32_t *out)
{
    return xc_intmap_get(index, m_id, out);
}

static xc_status make_mentions(parser *p, const xc_intmap *markable_index, const int32_t *link)
{
    xc_ecb_doc *doc = p->doc;
    xc_u32_list anchors = {0};
    mention_list mentions = {0};
    xc_status st = XC_OK;
    for (size_t i = 0; i < p->markables.count && st == XC_OK; i++) {
        const raw_markable *m = &p->markables.items[i];
        size_t first = anchors.count;
        for (uint32_t a = 0; a < m->anchor_count; a++) {
            uint32_t t_id = p->anchor_tids.items[m->first_anchor + a], token;
            if (!xc_intmap_get(&p->token_index, t_id, &token)) {
                st = resolve_fail(p, m->line, XC_ERR_FORMAT, "markable m_id=%u anchors unknown token t_id=%u",
                                  m->m_id, t_id);
                break;
            }
            if (!XC_VEC_PUSH(&anchors, token)) {
                st = xc_fail(p->err, XC_ERR_NOMEM, "out of memory");
                break;
            }
        }
        if (st != XC_OK || m->anchor_count == 0)
            continue;
        const raw_relation *r = link[i] >= 0 ? &p->relations.items[link[i]] : NULL;
        const raw_markable *target = NULL;
        if (r) {
            uint32_t t;
            find_markable(markable_index, r->target, &t); /* checked when linking */
            target = &p->markables.items[t];
        }
        /* README rule 3: a cross-document instance's tag wins. */
        const char *tag = m->tag;
        if (r && r->kind == REL_CROSS && target->anchor_count == 0 &&
            strcmp(target->tag, "UNKNOWN_INSTANCE_TAG") != 0)
            tag = target->tag;
        if (!xc_ecb_is_entity_tag(tag)) {
            anchors.count = first;
            continue;
        }
        qsort(anchors.items + first, anchors.count - first, sizeof *anchors.items, by_u32);
        size_t kept = first;
        for (size_t a = first; a < anchors.count; a++)
            if (a == first || anchors.items[a] != anchors.items[kept - 1])
                anchors.items[kept++] = anchors.items[a];
        anchors.count = kept;
        xc_ecb_mention x = {0};
        x.m_id = m->m_id;
        x.tag = tag;
        x.first_anchor = (uint32_t)first;
        x.anchor_count = (uint32_t)(kept - first);
        x.head = anchors.items[kept - 1];
        x.start = doc->tokens[anchors.items[first]].start;
        x.end = doc->tokens[x.head].end;
        x.sentence = doc->tokens[anchors.items[first]].sentence;
        x.selected = true;
        if (!r) {
            x.chain_kind = XC_ECB_SINGLETON;
            x.chain_name = doc_chain_name(p, m->m_id);
        } else if (r->kind == REL_INTRA) {
            x.chain_kind = XC_ECB_INTRA;
            x.chain_name = doc_chain_name(p, target->m_id);
            x.descriptor = target->descriptor;
        } else {
            x.chain_kind = XC_ECB_CROSS;
            x.chain_name = target->instance_id ? target->instance_id : r->note;
            x.descriptor = target->descriptor;
            if (!x.chain_name) {
                st = resolve_fail(p, r->line, XC_ERR_FORMAT,
                                  "CROSS_DOC_COREF r_id=%s: target m_id=%u has no instance_id", rel_name(r),
                                  target->m_id);
                break;
            }
        }
        if (!x.chain_name || !XC_VEC_PUSH(&mentions, x)) {
            st = xc_fail(p->err, XC_ERR_NOMEM, "out of memory");
            break;
        }
        mentions.items[mentions.count - 1].chain = XXH3_64bits(x.chain_name, strlen(x.chain_name));
    }
    if (st != XC_OK) {
        free(anchors.items);
        free(mentions.items);
        return st;
    }
    if (mentions.count > 1)
        qsort(mentions.items, mentions.count, sizeof *mentions.items, by_span);
    doc->anchors = anchors.items;
    doc->anchor_count = anchors.count;
    doc->mentions = mentions.items;
    doc->mention_count = mentions.count;
    return XC_OK;
}

static xc_status resolve(parser *p)
{
    xc_ecb_doc *doc = p->doc;
    doc->markables = p->markables.count;
    doc->relations = p->relations.count;
    xc_intmap index = {0};
    int32_t *link = malloc((p->markables.count ? p->markables.count : 1) * sizeof *link);
    xc_status st = XC_OK;
    if (!link || p->markables.count > INT32_MAX || p->relations.count > INT32_MAX) {
        free(link);
        return xc_fail(p->err, XC_ERR_NOMEM, "out of memory");
    }
    for (size_t i = 0; i < p->markables.count && st == XC_OK; i++) {
        const raw_markable *m = &p->markables.items[i];
        uint32_t seen;
        link[i] = -1;
        if (xc_intmap_get(&index, m->m_id, &seen))
            st = resolve_fail(p, m->line, XC_ERR_FORMAT, "markable m_id=%u appears twice", m->m_id);
        else if (!xc_intmap_put(&index, m->m_id, (uint32_t)i))
            st = xc_fail(p->err, XC_ERR_NOMEM, "out of memory");
    }
    /* Sources first; then a target that is itself a mention joins the chain. */
    for (size_t i = 0; i < p->relations.count && st == XC_OK; i++) {
        const raw_relation *r = &p->relations.items[i];
        uint32_t t;
        if (r->kind == REL_OTHER)
            continue;
        if (r->targets != 1) {
            st = resolve_fail(p, r->line, XC_ERR_FORMAT, "relation r_id=%s has %u targets, not 1", rel_name(r),
                              r->targets);
            break;
        }
        if (!find_markable(&index, r->target, &t)) {
            st = resolve_fail(p, r->line, XC_ERR_FORMAT, "relation r_id=%s: unknown target m_id=%u",
                              rel_name(r), r->target);
            break;
        }
        for (uint32_t s = 0; s < r->source_count; s++) {
            uint32_t m_id = p->source_mids.items[r->first_source + s], m;
            if (!find_markable(&index, m_id, &m)) {
                st = resolve_fail(p, r->line, XC_ERR_FORMAT, "relation r_id=%s: unknown source m_id=%u",
                                  rel_name(r), m_id);
                break;
            }
            if (link[m] >= 0 && link[m] != (int32_t)i) {
                st = resolve_fail(p, r->line, XC_ERR_FORMAT,
                                  "markable m_id=%u is a source of two relations (r_id %s and %s)", m_id,
                                  rel_name(&p->relations.items[link[m]]), rel_name(r));
                break;
            }
            link[m] = (int32_t)i;
        }
    }
    for (size_t i = 0; i < p->relations.count && st == XC_OK; i++) {
        const raw_relation *r = &p->relations.items[i];
        uint32_t t;
        if (r->kind != REL_OTHER && find_markable(&index, r->target, &t) &&
            p->markables.items[t].anchor_count > 0 && link[t] < 0)
            link[t] = (int32_t)i;
    }
    if (st == XC_OK)
        st = make_mentions(p, &index, link);
    free(link);
    xc_intmap_free(&index);
    return st;
}

/* ------------------------------------------------------------------ */
/* Documents                                                            */
/* ------------------------------------------------------------------ */

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static void name_facts(xc_ecb_doc *doc)
{
    const char *s = doc->name;
    long topic = 0;
    size_t digits = 0;
    while (s[digits] >= '0' && s[digits] <= '9' && digits < 9)
        topic = topic * 10 + (s[digits++] - '0');
    doc->topic = digits && s[digits] == '_' ? (int)topic : -1;
    doc->plus = strstr(s, "ecbplus") != NULL;
}

static void parser_free(parser *p)
{
    if (p->xml)
        XML_ParserFree(p->xml);
    xc_buf_free(&p->token_text);
    xc_buf_free(&p->text);
    free(p->tokens.items);
    xc_intmap_free(&p->token_index);
    free(p->anchor_tids.items);
    free(p->source_mids.items);
    free(p->markables.items);
    free(p->relations.items);
    free(p->doc_name);
}

xc_status xc_ecb_doc_parse(const char *name, const char *data, size_t len, xc_ecb_doc *out, xc_error *err)
{
    memset(out, 0, sizeof *out);
    out->strings.block_size = 4096;
    if (!name)
        name = "(memory)";
    if (len > MAX_DOC_BYTES)
        return xc_fail(err, XC_ERR_TOO_BIG, "%s: over %zu bytes", name, MAX_DOC_BYTES);
    parser p = {0};
    p.name = name;
    p.doc = out;
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
        if (p.status != XC_OK)
            st = p.status;
        else {
            enum XML_Error code = XML_GetErrorCode(p.xml);
            st = code == XML_ERROR_NO_MEMORY ? XC_ERR_NOMEM : XC_ERR_FORMAT;
            xc_fail(err, st, "%s:%lu:%lu: malformed XML: %s", name,
                    (unsigned long)XML_GetCurrentLineNumber(p.xml),
                    (unsigned long)XML_GetCurrentColumnNumber(p.xml) + 1, XML_ErrorString(code));
        }
    }
    if (st == XC_OK) {
        out->name = strdup(p.doc_name ? p.doc_name : base_name(name));
        out->text = xc_buf_detach(&p.text, &out->text_len);
        if (!out->text)
            out->text = calloc(1, 1);
        out->tokens = p.tokens.items;
        out->token_count = p.tokens.count;
        p.tokens.items = NULL;
        if (!out->name || !out->text)
            st = xc_fail(err, XC_ERR_NOMEM, "out of memory");
    }
    if (st == XC_OK) {
        name_facts(out);
        st = resolve(&p);
    }
    parser_free(&p);
    if (st != XC_OK)
        xc_ecb_doc_free(out);
    return st;
}

xc_status xc_ecb_doc_read(const char *path, xc_ecb_doc *out, xc_error *err)
{
    memset(out, 0, sizeof *out);
    char *data;
    size_t len;
    xc_status st = xc_read_file(path, MAX_DOC_BYTES, &data, &len, err);
    if (st != XC_OK)
        return st;
    st = xc_ecb_doc_parse(path, data, len, out, err);
    free(data);
    return st;
}

void xc_ecb_doc_free(xc_ecb_doc *doc)
{
    if (!doc)
        return;
    free(doc->name);
    free(doc->text);
    free(doc->tokens);
    free(doc->anchors);
    free(doc->mentions);
    free(doc->selected);
    xc_arena_free(&doc->strings);
    memset(doc, 0, sizeof *doc);
}

/* ------------------------------------------------------------------ */
/* Corpus                                                               */
/* ------------------------------------------------------------------ */

typedef struct path_list {
    char **items;
    size_t count, capacity;
} path_list;

/* Names with digit runs compared as numbers: 1_2ecb < 1_10ecb. */
static int natural_compare(const char *a, const char *b)
{
    while (*a && *b) {
        if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
            while (*a == '0' && isdigit((unsigned char)a[1]))
                a++;
            while (*b == '0' && isdigit((unsigned char)b[1]))
                b++;
            size_t na = 0, nb = 0;
            while (isdigit((unsigned char)a[na]))
                na++;
            while (isdigit((unsigned char)b[nb]))
                nb++;
            if (na != nb)
                return na < nb ? -1 : 1;
            int c = memcmp(a, b, na);
            if (c)
                return c;
            a += na;
            b += nb;
        } else {
            if (*a != *b)
                return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
            a++, b++;
        }
    }
    return (unsigned char)*a - (unsigned char)*b;
}

static int by_file_name(const void *x, const void *y)
{
    const char *a = *(char *const *)x, *b = *(char *const *)y;
    int c = natural_compare(base_name(a), base_name(b));
    return c ? c : strcmp(a, b);
}

static bool is_xml_name(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcasecmp(name + n - 4, ".xml") == 0;
}

static bool add_failure(xc_ecb_corpus *c, const char *message)
{
    c->failed++;
    if (!xc_vec_grow((void **)&c->failures, &c->failures_capacity, c->failed - 1, 1, sizeof *c->failures))
        return false;
    c->failures[c->failed - 1] = strdup(message);
    return c->failures[c->failed - 1] != NULL;
}

static char *join_path(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s%s%s", dir, dir[0] && dir[strlen(dir) - 1] == '/' ? "" : "/", name);
    return p;
}

/* Collect the .xml files under `dir`; unreadable folders become failures. */
static xc_status collect(const char *dir, int depth, path_list *out, xc_ecb_corpus *c, xc_error *err)
{
    char msg[600];
    if (depth > MAX_FOLDER_DEPTH) {
        snprintf(msg, sizeof msg, "%s: folders nested too deep (over %d levels)", dir, MAX_FOLDER_DEPTH);
        return add_failure(c, msg) ? XC_OK : xc_fail(err, XC_ERR_NOMEM, "out of memory");
    }
    DIR *d = opendir(dir);
    if (!d) {
        if (depth == 0)
            return xc_fail(err, XC_ERR_IO, "%s: cannot open folder: %s", dir, strerror(errno));
        snprintf(msg, sizeof msg, "%s: cannot open folder: %s", dir, strerror(errno));
        return add_failure(c, msg) ? XC_OK : xc_fail(err, XC_ERR_NOMEM, "out of memory");
    }
    xc_status st = XC_OK;
    struct dirent *e;
    while (st == XC_OK && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char *path = join_path(dir, e->d_name);
        struct stat link, sb;
        if (!path) {
            st = xc_fail(err, XC_ERR_NOMEM, "out of memory");
            break;
        }
        if (lstat(path, &link) != 0 || stat(path, &sb) != 0) {
            free(path);
            continue;
        }
        /* Links to folders are not followed (a link to a parent would loop). */
        if (S_ISDIR(sb.st_mode) && !S_ISLNK(link.st_mode)) {
            st = collect(path, depth + 1, out, c, err);
            free(path);
        } else if (S_ISREG(sb.st_mode) && is_xml_name(e->d_name)) {
            if (!XC_VEC_PUSH(out, path)) {
                free(path);
                st = xc_fail(err, XC_ERR_NOMEM, "out of memory");
            }
        } else {
            free(path);
        }
    }
    closedir(d);
    return st;
}

xc_status xc_ecb_corpus_read(const char *dir, xc_ecb_corpus *out, xc_error *err)
{
    memset(out, 0, sizeof *out);
    path_list paths = {0};
    xc_status st = collect(dir, 0, &paths, out, err);
    if (st == XC_OK && paths.count == 0 && out->failed == 0)
        st = xc_fail(err, XC_ERR_NOT_FOUND, "%s: no .xml file found", dir);
    if (st == XC_OK) {
        if (paths.count > 1)
            qsort(paths.items, paths.count, sizeof *paths.items, by_file_name);
        if (!xc_vec_grow((void **)&out->docs, &out->capacity, 0, paths.count ? paths.count : 1,
                         sizeof *out->docs))
            st = xc_fail(err, XC_ERR_NOMEM, "out of memory");
    }
    for (size_t i = 0; st == XC_OK && i < paths.count; i++) {
        xc_error e = {0};
        xc_status s = xc_ecb_doc_read(paths.items[i], &out->docs[out->count], &e);
        if (s == XC_OK)
            out->count++;
        else if (s == XC_ERR_NOMEM)
            st = xc_fail(err, XC_ERR_NOMEM, "%s", e.message);
        else if (!add_failure(out, e.message))
            st = xc_fail(err, XC_ERR_NOMEM, "out of memory");
    }
    for (size_t i = 0; i < paths.count; i++)
        free(paths.items[i]);
    free(paths.items);
    if (st != XC_OK)
        xc_ecb_corpus_free(out);
    return st;
}

void xc_ecb_corpus_free(xc_ecb_corpus *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->count; i++)
        xc_ecb_doc_free(&c->docs[i]);
    free(c->docs);
    for (size_t i = 0; i < c->failed; i++)
        free(c->failures ? c->failures[i] : NULL);
    free(c->failures);
    memset(c, 0, sizeof *c);
}

/* ------------------------------------------------------------------ */
/* Annotated sentences (ECBplus_coreference_sentences.csv)              */
/* ------------------------------------------------------------------ */

typedef struct doc_sentence {
    uint32_t doc, sentence;
} doc_sentence;

typedef struct doc_sentence_list {
    doc_sentence *items;
    size_t count, capacity;
} doc_sentence_list;

static int by_doc_sentence(const void *a, const void *b)
{
    const doc_sentence *x = a, *y = b;
    if (x->doc != y->doc)
        return x->doc < y->doc ? -1 : 1;
    return (x->sentence > y->sentence) - (x->sentence < y->sentence);
}

bool xc_ecb_sentence_selected(const xc_ecb_doc *doc, uint32_t sentence)
{
    if (!doc->has_selection)
        return true;
    size_t lo = 0, hi = doc->selected_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (doc->selected[mid] < sentence)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < doc->selected_count && doc->selected[lo] == sentence;
}

/* Split one CSV line into exactly three fields (no quoting in this file). */
static bool three_fields(char *line, char **f)
{
    f[0] = line;
    for (int i = 1; i < 3; i++) {
        char *comma = strchr(f[i - 1], ',');
        if (!comma)
            return false;
        *comma = '\0';
        f[i] = comma + 1;
    }
    if (strchr(f[2], ','))
        return false;
    for (int i = 0; i < 3; i++) {
        while (*f[i] == ' ')
            f[i]++;
        size_t n = strlen(f[i]);
        while (n && (f[i][n - 1] == ' ' || f[i][n - 1] == '\r'))
            f[i][--n] = '\0';
    }
    return true;
}

xc_status xc_ecb_corpus_select(xc_ecb_corpus *c, const char *csv_path, size_t *unknown_rows, xc_error *err)
{
    if (unknown_rows)
        *unknown_rows = 0;
    char *data;
    size_t len;
    xc_status st = xc_read_file(csv_path, MAX_DOC_BYTES, &data, &len, err);
    if (st != XC_OK)
        return st;
    xc_strmap names = {0};
    doc_sentence_list rows = {0};
    for (size_t i = 0; i < c->count && st == XC_OK; i++)
        if (!xc_strmap_put(&names, c->docs[i].name, strlen(c->docs[i].name), (uint32_t)i))
            st = xc_fail(err, XC_ERR_NOMEM, "out of memory");
    long line_number = 0;
    for (char *line = data; st == XC_OK && line < data + len;) {
        char *nl = memchr(line, '\n', (size_t)(data + len - line));
        char *next = nl ? nl + 1 : data + len;
        if (nl)
            *nl = '\0';
        else
            data[len] = '\0'; /* read_whole left room for it */
        line_number++;
        char *f[3];
        uint32_t topic, sentence, doc;
        if (line[0] == '\0' || (line[0] == '\r' && line[1] == '\0')) {
            /* blank line */
        } else if (!three_fields(line, f)) {
            st = xc_fail(err, XC_ERR_FORMAT, "%s:%ld: expected Topic,File,Sentence Number", csv_path, line_number);
        } else if (!parse_u32(f[0], &topic) || !parse_u32(f[2], &sentence)) {
            if (line_number > 1) /* only the first line may be a header */
                st = xc_fail(err, XC_ERR_FORMAT, "%s:%ld: topic and sentence must be numbers", csv_path,
                             line_number);
        } else {
            char name[300];
            snprintf(name, sizeof name, "%s_%s.xml", f[0], f[1]);
            if (!xc_strmap_get(&names, name, strlen(name), &doc)) {
                if (unknown_rows)
                    (*unknown_rows)++;
            } else if (!XC_VEC_PUSH(&rows, ((doc_sentence){doc, sentence}))) {
                st = xc_fail(err, XC_ERR_NOMEM, "out of memory");
            }
        }
        line = next;
    }
    free(data);
    xc_strmap_free(&names);
    if (st != XC_OK) {
        free(rows.items);
        return st;
    }
    if (rows.count > 1)
        qsort(rows.items, rows.count, sizeof *rows.items, by_doc_sentence);
    size_t r = 0;
    for (size_t i = 0; i < c->count; i++) {
        xc_ecb_doc *doc = &c->docs[i];
        free(doc->selected);
        doc->selected = NULL;
        doc->selected_count = 0;
        doc->has_selection = true;
        size_t first = r;
        while (r < rows.count && rows.items[r].doc == i)
            r++;
        if (r > first && !(doc->selected = malloc((r - first) * sizeof *doc->selected))) {
            free(rows.items);
            return xc_fail(err, XC_ERR_NOMEM, "out of memory");
        }
        for (size_t k = first; k < r; k++)
            if (doc->selected_count == 0 || doc->selected[doc->selected_count - 1] != rows.items[k].sentence)
                doc->selected[doc->selected_count++] = rows.items[k].sentence;
        for (size_t m = 0; m < doc->mention_count; m++)
            doc->mentions[m].selected = xc_ecb_sentence_selected(doc, doc->mentions[m].sentence);
    }
    free(rows.items);
    return XC_OK;
}
