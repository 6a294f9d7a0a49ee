#include "abbrev.h"

#include <stdlib.h>
#include <string.h>

typedef struct entry {
    const char *word;
    xc_abbrev_kind kind;
} entry;

/* Case matters: "Gen." is a title, "gen." is not an abbreviation we know;
 * "etc." and "vs." are written in lower case. Kept sorted for bsearch. */
static const entry abbreviations[] = {
    {"Adm", XC_ABBREV_TITLE},     {"Ala", XC_ABBREV_GENERAL},   {"Amb", XC_ABBREV_TITLE},
    {"Apr", XC_ABBREV_MONTH},     {"Ariz", XC_ABBREV_GENERAL},  {"Ark", XC_ABBREV_GENERAL},
    {"Art", XC_ABBREV_NUMBERED},  {"Assn", XC_ABBREV_GENERAL},  {"Atty", XC_ABBREV_TITLE},
    {"Aug", XC_ABBREV_MONTH},     {"Ave", XC_ABBREV_GENERAL},   {"Blvd", XC_ABBREV_GENERAL},
    {"Bros", XC_ABBREV_GENERAL},  {"Calif", XC_ABBREV_GENERAL}, {"Capt", XC_ABBREV_TITLE},
    {"Cdr", XC_ABBREV_TITLE},     {"Ch", XC_ABBREV_NUMBERED},   {"Cmdr", XC_ABBREV_TITLE},
    {"Co", XC_ABBREV_GENERAL},    {"Col", XC_ABBREV_TITLE},     {"Colo", XC_ABBREV_GENERAL},
    {"Conn", XC_ABBREV_GENERAL},  {"Corp", XC_ABBREV_GENERAL},  {"Cos", XC_ABBREV_GENERAL},
    {"Cpl", XC_ABBREV_TITLE},     {"Dec", XC_ABBREV_MONTH},     {"Del", XC_ABBREV_GENERAL},
    {"Dept", XC_ABBREV_GENERAL},  {"Det", XC_ABBREV_TITLE},     {"Dr", XC_ABBREV_TITLE},
    {"Esq", XC_ABBREV_GENERAL},   {"Feb", XC_ABBREV_MONTH},     {"Fig", XC_ABBREV_NUMBERED},
    {"Fla", XC_ABBREV_GENERAL},   {"Fr", XC_ABBREV_TITLE},      {"Fri", XC_ABBREV_GENERAL},
    {"Ft", XC_ABBREV_TITLE},      {"Ga", XC_ABBREV_GENERAL},    {"Gen", XC_ABBREV_TITLE},
    {"Gov", XC_ABBREV_TITLE},     {"Hon", XC_ABBREV_TITLE},     {"Hwy", XC_ABBREV_GENERAL},
    {"Ill", XC_ABBREV_GENERAL},   {"Inc", XC_ABBREV_GENERAL},   {"Ind", XC_ABBREV_GENERAL},
    {"Insp", XC_ABBREV_TITLE},    {"Jan", XC_ABBREV_MONTH},     {"Jr", XC_ABBREV_GENERAL},
    {"Jul", XC_ABBREV_MONTH},     {"Jun", XC_ABBREV_MONTH},     {"Kan", XC_ABBREV_GENERAL},
    {"Ky", XC_ABBREV_GENERAL},    {"La", XC_ABBREV_GENERAL},    {"Lt", XC_ABBREV_TITLE},
    {"Ltd", XC_ABBREV_GENERAL},   {"Maj", XC_ABBREV_TITLE},     {"Mar", XC_ABBREV_MONTH},
    {"Mass", XC_ABBREV_GENERAL},  {"Md", XC_ABBREV_GENERAL},    {"Messrs", XC_ABBREV_TITLE},
    {"Mich", XC_ABBREV_GENERAL},  {"Minn", XC_ABBREV_GENERAL},  {"Miss", XC_ABBREV_GENERAL},
    {"Mlle", XC_ABBREV_TITLE},    {"Mme", XC_ABBREV_TITLE},     {"Mo", XC_ABBREV_GENERAL},
    {"Mon", XC_ABBREV_GENERAL},   {"Mont", XC_ABBREV_GENERAL},  {"Mr", XC_ABBREV_TITLE},
    {"Mrs", XC_ABBREV_TITLE},     {"Ms", XC_ABBREV_TITLE},      {"Msgr", XC_ABBREV_TITLE},
    {"Mt", XC_ABBREV_TITLE},      {"Mx", XC_ABBREV_TITLE},      {"Neb", XC_ABBREV_GENERAL},
    {"Nev", XC_ABBREV_GENERAL},   {"No", XC_ABBREV_NUMBERED},   {"Nos", XC_ABBREV_NUMBERED},
    {"Nov", XC_ABBREV_MONTH},     {"Oct", XC_ABBREV_MONTH},     {"Okla", XC_ABBREV_GENERAL},
    {"Ore", XC_ABBREV_GENERAL},   {"Pa", XC_ABBREV_GENERAL},    {"Plc", XC_ABBREV_GENERAL},
    {"Pres", XC_ABBREV_TITLE},    {"Prof", XC_ABBREV_TITLE},    {"Pt", XC_ABBREV_NUMBERED},
    {"Pvt", XC_ABBREV_TITLE},     {"Rd", XC_ABBREV_GENERAL},    {"Rep", XC_ABBREV_TITLE},
    {"Reps", XC_ABBREV_TITLE},    {"Rev", XC_ABBREV_TITLE},     {"Sec", XC_ABBREV_TITLE},
    {"Sen", XC_ABBREV_TITLE},     {"Sens", XC_ABBREV_TITLE},    {"Sep", XC_ABBREV_MONTH},
    {"Sept", XC_ABBREV_MONTH},    {"Sgt", XC_ABBREV_TITLE},     {"Sr", XC_ABBREV_GENERAL},
    {"St", XC_ABBREV_TITLE},      {"Supt", XC_ABBREV_TITLE},    {"Tenn", XC_ABBREV_GENERAL},
    {"Tex", XC_ABBREV_GENERAL},   {"Thu", XC_ABBREV_GENERAL},   {"Thurs", XC_ABBREV_GENERAL},
    {"Tue", XC_ABBREV_GENERAL},   {"Tues", XC_ABBREV_GENERAL},  {"Va", XC_ABBREV_GENERAL},
    {"Vol", XC_ABBREV_NUMBERED},  {"Vt", XC_ABBREV_GENERAL},    {"Wash", XC_ABBREV_GENERAL},
    {"Wed", XC_ABBREV_GENERAL},   {"Wis", XC_ABBREV_GENERAL},   {"Wyo", XC_ABBREV_GENERAL},
    {"al", XC_ABBREV_GENERAL},    {"approx", XC_ABBREV_GENERAL},{"ca", XC_ABBREV_GENERAL},
    {"cf", XC_ABBREV_GENERAL},    {"dept", XC_ABBREV_GENERAL},  {"est", XC_ABBREV_GENERAL},
    {"etc", XC_ABBREV_GENERAL},   {"govt", XC_ABBREV_GENERAL},  {"incl", XC_ABBREV_GENERAL},
    {"no", XC_ABBREV_NUMBERED},   {"nos", XC_ABBREV_NUMBERED},  {"p", XC_ABBREV_NUMBERED},
    {"pp", XC_ABBREV_NUMBERED},   {"viz", XC_ABBREV_GENERAL},   {"vol", XC_ABBREV_NUMBERED},
    {"vs", XC_ABBREV_GENERAL},
};

static int compare(const void *key, const void *item)
{
    const entry *k = key, *e = item;
    return strcmp(k->word, e->word);
}

xc_abbrev_kind xc_abbrev_lookup(const char *word, size_t len)
{
    char key[8];
    if (len == 0 || len >= sizeof key)
        return XC_ABBREV_NONE;
    memcpy(key, word, len);
    key[len] = '\0';
    entry probe = {key, XC_ABBREV_NONE};
    const entry *e = bsearch(&probe, abbreviations, sizeof abbreviations / sizeof *abbreviations,
                             sizeof *abbreviations, compare);
    return e ? e->kind : XC_ABBREV_NONE;
}
