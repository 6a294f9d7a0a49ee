/* The ECB+ corpus in CAT XML (../shared/data/ecbplus/xml): tokens, a plain
 * text rebuilt from them, and the entity mentions with their gold
 * coreference chains, for measuring cross-document entity merging.
 *
 * A CAT document is
 *
 *   <Document doc_name="1_10ecb.xml" doc_id="...">
 *     <token t_id="1" sentence="0" number="0">Perennial</token> ...
 *     <Markables>
 *       <HUMAN_PART_PER m_id="20"><token_anchor t_id="4"/><token_anchor t_id="5"/></HUMAN_PART_PER>
 *       <HUMAN_PART_PER m_id="43" RELATED_TO="" TAG_DESCRIPTOR="t1b_tara_reid"
 *                       instance_id="HUM16236184328979740"/> ...
 *     </Markables>
 *     <Relations>
 *       <CROSS_DOC_COREF r_id="37614" note="HUM16236184328979740">
 *         <source m_id="20"/> ... <target m_id="43"/>
 *       </CROSS_DOC_COREF>
 *       <INTRA_DOC_COREF r_id="37615"><source m_id="24"/> ... <target m_id="17"/></INTRA_DOC_COREF>
 *     </Relations>
 *   </Document>
 *
 * Markables with token anchors are mentions; markables with a TAG_DESCRIPTOR
 * and no anchors stand for the instance a relation points to.
 *
 * Text. Tokens are taken in file order; the tokens of a sentence are joined
 * by one space and a "\n" starts each new sentence (whenever the sentence
 * number changes), so punctuation stands apart ("Reid , her rep told
 * People ."). White space around a token's text (a few tokens carry tabs) is
 * trimmed and white space inside it becomes a space; a token left empty gets
 * an empty span and no separator. Entities (&amp;) are decoded; the text is
 * UTF-8 (expat converts declared encodings).
 *
 * Entity mentions. Markables with token anchors whose tag starts with
 * HUMAN_PART (_PER _ORG _GPE _FAC _VEH _MET _GENERIC), NON_HUMAN_PART
 * (NON_HUMAN_PART, _GENERIC) or LOC (_GEO _FAC _OTHER); ACTION_*,
 * NEG_ACTION_*, TIME_* and UNKNOWN_INSTANCE_TAG are not entities. As the
 * corpus README says (clean-up rule 3), the tag of a cross-document
 * instance overrides the tag of a mention linked to it; for intra-document
 * links the mention keeps its own tag. Anchors are sorted and deduplicated
 * (one LOC_FAC anchors the same token twice); the span runs from the first
 * anchored token's start to the last one's end (anchors with gaps, e.g. a
 * phrasal verb, still give one span); the head is the last anchored token.
 *
 * Gold chains. Every mention gets a chain, so a scorer over mentions can
 * use all of them or keep only some by chain_kind:
 *   XC_ECB_CROSS      source of a CROSS_DOC_COREF: the target instance's
 *                     instance_id (else the relation's note); shared across
 *                     documents.
 *   XC_ECB_INTRA      source of an INTRA_DOC_COREF (the README: chains "that
 *                     do not participate in cross-document relations"):
 *                     "DOC#M" with M the target's m_id; local to the document.
 *   XC_ECB_SINGLETON  in no relation: "DOC#M" with M its own m_id.
 * A relation's target that is itself a mention (has anchors; not the case
 * in ECB+ 1.0) joins the relation's chain. chain = XXH3-64 of chain_name.
 * A markable that is the source of two relations, a relation or anchor that
 * names an unknown markable or token, duplicate t_id or m_id: the document
 * is refused (XC_ERR_FORMAT, with file and line); ECB+ 1.0 has none.
 *
 * Annotated sentences. The corpus README says mentions and coreference were
 * annotated for a selection of sentences, listed in
 * ECBplus_coreference_sentences.csv, and that evaluations should be
 * restricted to those. It matters: in topics 1-35, 5,601 of the 10,981
 * entity mentions (2,699 of the 7,303 in cross-document chains) lie outside
 * the 1,383 listed sentences, mostly in *ecbplus.xml documents, and two
 * documents (20_10ecbplus, 34_5ecb) are not listed at all. The CSV is read
 * on request (xc_ecb_corpus_select), which sets each mention's `selected`;
 * without it every mention is selected.
 */
#ifndef XC_ECBXML_H
#define XC_ECBXML_H

#include "crosscheck.h"
#include "../util/arena.h"

typedef struct xc_ecb_token {
    uint32_t t_id;       /* t_id attribute                                  */
    uint32_t sentence;   /* sentence attribute                              */
    uint32_t number;     /* number attribute: position in the sentence      */
    uint32_t start, end; /* its text: doc->text[start, end)                 */
} xc_ecb_token;

typedef enum xc_ecb_chain_kind {
    XC_ECB_SINGLETON, /* in no coreference relation: a chain of its own     */
    XC_ECB_INTRA,     /* INTRA_DOC_COREF: a chain inside this document      */
    XC_ECB_CROSS      /* CROSS_DOC_COREF: a chain across documents          */
} xc_ecb_chain_kind;

typedef struct xc_ecb_mention {
    uint32_t m_id;
    const char *tag;            /* HUMAN_PART_PER, LOC_GEO, ... (effective)  */
    uint32_t first_anchor;      /* doc->anchors[first_anchor ..             */
    uint32_t anchor_count;      /*   + anchor_count): token indices, sorted  */
    uint32_t head;              /* token index of the last anchored token    */
    uint32_t start, end;        /* byte span in doc->text                    */
    uint32_t sentence;          /* sentence number of the first token        */
    bool selected;              /* its sentence is annotated (see above)     */
    xc_ecb_chain_kind chain_kind;
    const char *chain_name;     /* instance_id, or "DOC#M"                   */
    const char *descriptor;     /* TAG_DESCRIPTOR of the chain's instance
                                   ("t1b_tara_reid"), NULL when none          */
    uint64_t chain;             /* gold chain id: XXH3-64 of chain_name      */
} xc_ecb_mention;

typedef struct xc_ecb_doc {
    char *name;                 /* doc_name attribute, else the file name   */
    int topic;                  /* leading number of the name, -1 if none   */
    bool plus;                  /* an "ecbplus" document (not "ecb")        */
    char *text;                 /* rebuilt text, NUL-terminated             */
    size_t text_len;
    xc_ecb_token *tokens;       /* in file order                            */
    size_t token_count;
    size_t sentence_count;      /* runs of tokens with one sentence number  */
    uint32_t *anchors;          /* token indices of the mentions' anchors   */
    size_t anchor_count;
    xc_ecb_mention *mentions;   /* entity mentions, by (start, end, m_id)   */
    size_t mention_count;
    size_t markables, relations;/* all of them, events and times included   */
    bool has_selection;         /* xc_ecb_corpus_select has run             */
    uint32_t *selected;         /* then: annotated sentence numbers, sorted */
    size_t selected_count;
    xc_arena strings;           /* tags, chain names, descriptors           */
} xc_ecb_doc;

/* Parse one CAT document held in memory. `name` names it in error messages
 * and is the document name when it has no doc_name attribute. On failure
 * *out is left empty (safe to free) and err says where and why. */
xc_status xc_ecb_doc_parse(const char *name, const char *data, size_t len, xc_ecb_doc *out,
                           xc_error *err);
/* The same from a file (messages name the path). */
xc_status xc_ecb_doc_read(const char *path, xc_ecb_doc *out, xc_error *err);
void xc_ecb_doc_free(xc_ecb_doc *doc);

/* True for the entity tags described above. */
bool xc_ecb_is_entity_tag(const char *tag);

typedef struct xc_ecb_corpus {
    xc_ecb_doc *docs;           /* ordered by file name, digits compared as numbers:
                                   1_1ecb, 1_1ecbplus, 1_2ecb, ..., 2_1ecb, ... */
    size_t count, capacity;
    char **failures;            /* "PATH:LINE: reason" per file not read    */
    size_t failed, failures_capacity;
} xc_ecb_corpus;

/* Read every *.xml file under `dir` (the topic folders 1/ 2/ ... and any
 * depth below; hidden entries skipped). A file that cannot be read or
 * parsed is skipped and recorded in failures; that is not an error. Fails
 * only when `dir` cannot be opened (XC_ERR_IO), holds no .xml file at all
 * (XC_ERR_NOT_FOUND) or memory runs out. */
xc_status xc_ecb_corpus_read(const char *dir, xc_ecb_corpus *out, xc_error *err);

/* Read ECBplus_coreference_sentences.csv ("Topic,File,Sentence Number"
 * rows, e.g. "1,10ecbplus,3" = sentence 3 of 1_10ecbplus.xml) and set each
 * mention's `selected`: true when its sentence is listed. Documents the CSV
 * does not list get no selected sentence. *unknown_rows (when non-NULL)
 * counts rows naming a document not in the corpus (the CSV also covers
 * topics 36-45). */
xc_status xc_ecb_corpus_select(xc_ecb_corpus *corpus, const char *csv_path, size_t *unknown_rows,
                               xc_error *err);
/* Whether sentence `sentence` of `doc` is annotated (true for every
 * sentence before xc_ecb_corpus_select). */
bool xc_ecb_sentence_selected(const xc_ecb_doc *doc, uint32_t sentence);

void xc_ecb_corpus_free(xc_ecb_corpus *corpus);

#endif
