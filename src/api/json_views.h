/* The store's answers as JSON, one shape everywhere: the command line's
 * --json output and the HTTP API write articles, stories, entities, facts,
 * quotes and briefs through these functions. */
#ifndef XC_JSON_VIEWS_H
#define XC_JSON_VIEWS_H

#include "crosscheck.h"
#include "../util/json_writer.h"

/* Who copies whom inside a story's article list: for each article the index
 * of the article it copies (-1: an independent report here) and of the
 * report it is folded under. */
typedef struct xc_story_lineage {
    long *parent, *report;
} xc_story_lineage;

bool xc_story_lineage_make(const xc_story *s, xc_story_lineage *out);
void xc_story_lineage_free(xc_story_lineage *l);

/* Members of an open object. */
void xc_view_article_fields(xc_json *j, const xc_article *a);    /* id source title published url */
void xc_view_story_field(xc_json *j, int64_t story);             /* "story": id or null */
void xc_view_why_field(xc_json *j, const char *why);             /* "why": stored JSON or null */
/* "similarity", "copy_of", "copy_kind", "duplicate_group", "why" */
void xc_view_membership_fields(xc_json *j, const xc_article *a);

/* id name type variants roles articles independent mentions [mention_spans] */
void xc_view_entity_fields(xc_json *j, const xc_entity *e);

/* Whole values. */
void xc_view_entity(xc_json *j, const xc_entity *e);
void xc_view_attestation(xc_json *j, const xc_attestation *a);
/* A fact or a remark; "story" first when story != 0. */
void xc_view_fact(xc_json *j, int64_t story, const xc_fact *f);
void xc_view_remark(xc_json *j, int64_t story, const xc_remark *r);

/* A story's own members: id, title, size, independent, outlets,
 * independent_outlets, first/last_published, and with `articles` its
 * articles and its reports with their copies folded under them. */
void xc_view_story_fields(xc_json *j, const xc_story *s, bool articles);
/* A story's "facts", "quotes" and "entities" (the first `entities` of
 * them; 0: all), read from the store. A failed section is left empty and
 * its error returned after the others are written. */
xc_status xc_view_story_ledger(xc_json *j, xc_ctx *ctx, int64_t story, size_t entities, xc_error *err);

/* A brief's members: "words" and "sentences", and "timeline". */
void xc_view_brief_sentences(xc_json *j, const xc_brief *b);
void xc_view_timeline(xc_json *j, const xc_brief *b);

#endif
