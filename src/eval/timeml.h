/* TimeML files (TimeBank 1.2 as cleaned for TempEval-3): the plain text of
 * <TEXT> with the byte span of every <TIMEX3> in it, and the document
 * creation time, for measuring the temporal expression recogniser.
 *
 *   <TimeML>
 *     <DOCID>ABC19980108.1830.0711</DOCID>
 *     <DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" temporalFunction="false"
 *                  functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
 *     <TEXT> ... <TIMEX3 tid="t85" type="DATE" value="1998-01-07">yesterday</TIMEX3> ...
 *                <EVENT eid="e1" class="OCCURRENCE">turning</EVENT> ... </TEXT>
 *     <MAKEINSTANCE .../> <TLINK .../>
 *   </TimeML>
 *
 * Text. All character data inside <TEXT>, whatever elements (EVENT, SIGNAL,
 * TIMEX3) it is in, in document order, entities decoded, as UTF-8 (expat
 * converts declared encodings). Spans are byte offsets into that text.
 * The DCT is the value of the first TIMEX3 inside <DCT>, else of a TIMEX3
 * anywhere marked functionInDocument="CREATION_TIME". A DOCTYPE is refused
 * (no entity expansion), and so is a file without <TEXT>. */
#ifndef XC_EVAL_TIMEML_H
#define XC_EVAL_TIMEML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "crosscheck.h"

typedef struct xc_timeml_timex {
    uint32_t start, end;        /* bytes in the text                          */
    uint32_t line;              /* line of the <TIMEX3> tag in the file       */
    char tid[16];
    char type[12];              /* DATE, TIME, DURATION, SET ("" if missing)  */
    char value[48];             /* "" if missing                              */
    bool creation_time;         /* functionInDocument="CREATION_TIME"         */
} xc_timeml_timex;

typedef struct xc_timeml_doc {
    char *name;                 /* DOCID, else the file name                  */
    char *text;                 /* NUL-terminated                             */
    size_t text_len;
    char dct[48];               /* the creation time's value, "" if none      */
    xc_timeml_timex *timexes;   /* in the order they open                     */
    size_t timex_count;
} xc_timeml_doc;

/* Parse a TimeML document held in memory; `name` is used in messages
 * ("NAME:LINE: reason"). On failure `out` holds nothing to free. */
xc_status xc_timeml_parse(const char *name, const char *data, size_t len, xc_timeml_doc *out, xc_error *err);
xc_status xc_timeml_read(const char *path, xc_timeml_doc *out, xc_error *err);
void xc_timeml_doc_free(xc_timeml_doc *doc);

#endif
