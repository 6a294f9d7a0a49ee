#include <string.h>

#include "ner/tags.h"

static const char *const type_names[XC_NER_TYPES] = {"PER", "ORG", "LOC", "MISC"};
static const char *const iob_names[XC_IOB_TAGS] = {"O",     "B-PER", "I-PER", "B-ORG", "I-ORG",
                                                   "B-LOC", "I-LOC", "B-MISC", "I-MISC"};

enum { PART_B, PART_I, PART_L, PART_U };

const char *xc_ner_type_name(int type)
{
    return type >= 0 && type < XC_NER_TYPES ? type_names[type] : "?";
}

int xc_ner_type_parse(const char *s, size_t len)
{
    for (int t = 0; t < XC_NER_TYPES; t++)
        if (strlen(type_names[t]) == len && memcmp(type_names[t], s, len) == 0)
            return t;
    return -1;
}

int xc_iob_parse(const char *s, size_t len)
{
    if (len == 1 && s[0] == 'O')
        return 0;
    if (len < 3 || s[1] != '-' || (s[0] != 'B' && s[0] != 'I'))
        return -1;
    int t = xc_ner_type_parse(s + 2, len - 2);
    if (t < 0)
        return -1;
    return 1 + 2 * t + (s[0] == 'I');
}

const char *xc_iob_name(int tag)
{
    return tag >= 0 && tag < XC_IOB_TAGS ? iob_names[tag] : "O";
}

static uint8_t bilou(int type, int part) { return (uint8_t)(1 + 4 * type + part); }

void xc_iob_to_bilou(const uint8_t *iob, size_t n, uint8_t *out)
{
    xc_ner_span span;
    memset(out, 0, n);
    /* spans one at a time, so no buffer is needed */
    for (size_t i = 0; i < n;) {
        if (iob[i] == 0 || iob[i] >= XC_IOB_TAGS) {
            i++;
            continue;
        }
        span.type = (iob[i] - 1) / 2;
        span.start = (uint32_t)i;
        size_t j = i + 1;
        while (j < n && iob[j] == 2 + 2 * span.type)
            j++;
        if (j - i == 1)
            out[i] = bilou(span.type, PART_U);
        else {
            out[i] = bilou(span.type, PART_B);
            for (size_t k = i + 1; k + 1 < j; k++)
                out[k] = bilou(span.type, PART_I);
            out[j - 1] = bilou(span.type, PART_L);
        }
        i = j;
    }
}

void xc_bilou_to_iob(const uint8_t *labels, size_t n, uint8_t *iob)
{
    int open = -1; /* type of the entity being continued */
    for (size_t i = 0; i < n; i++) {
        uint8_t l = labels[i];
        if (l == 0 || l >= XC_NER_LABELS) {
            iob[i] = 0;
            open = -1;
            continue;
        }
        int type = xc_bilou_type(l), part = xc_bilou_part(l);
        bool continues = open == type && (part == PART_I || part == PART_L);
        iob[i] = (uint8_t)(continues ? 2 + 2 * type : 1 + 2 * type);
        open = (part == PART_B || part == PART_I) ? type : -1;
    }
}

bool xc_bilou_allowed(uint8_t prev, uint8_t next)
{
    bool inside = prev != XC_NER_NO_LABEL && prev != 0 &&
                  (xc_bilou_part(prev) == PART_B || xc_bilou_part(prev) == PART_I);
    if (next == 0)
        return !inside;
    int part = xc_bilou_part(next);
    if (inside)
        return xc_bilou_type(next) == xc_bilou_type(prev) && (part == PART_I || part == PART_L);
    return part == PART_B || part == PART_U;
}

bool xc_bilou_may_end(uint8_t last)
{
    return last == 0 || xc_bilou_part(last) == PART_L || xc_bilou_part(last) == PART_U;
}

size_t xc_iob_spans(const uint8_t *iob, size_t n, xc_ner_span *out)
{
    size_t count = 0;
    for (size_t i = 0; i < n;) {
        if (iob[i] == 0 || iob[i] >= XC_IOB_TAGS) {
            i++;
            continue;
        }
        int type = (iob[i] - 1) / 2;
        size_t j = i + 1;
        while (j < n && iob[j] == 2 + 2 * type)
            j++;
        out[count++] = (xc_ner_span){(uint32_t)i, (uint32_t)j, type};
        i = j;
    }
    return count;
}
