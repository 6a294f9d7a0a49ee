#include <string.h>

#include "quote/cues.h"

typedef struct cue_form {
    const char *form;
    xc_cue_word cue;
} cue_form;

#define S XC_CUE_SPEECH
#define P XC_CUE_PARTIAL
#define I XC_CUE_INFLECTED
#define N XC_CUE_NOUN
#define C(form, lemma, flags) {form, {lemma, flags, NULL}}
#define CP(form, lemma, flags, particle) {form, {lemma, flags, particle}}

/* Forms of the verbs of saying. Forms that are also nouns ("notes",
 * "claims", "states", "posts") carry N; bare and -ing forms carry I;
 * past participles that equal the past tense are one entry. */
static const cue_form forms[] = {
    C("said", "say", S), C("says", "say", S), C("say", "say", S | I), C("saying", "say", S | I),
    C("told", "tell", S), C("tells", "tell", S), C("telling", "tell", S | I), C("added", "add", S),
    C("adds", "add", S), C("adding", "add", S | I), C("stated", "state", S), C("stating", "state", S | I),
    C("writes", "write", S), C("written", "write", S | I), C("writing", "write", S | I), C("posted", "post", S),
    C("posting", "post", S | I), C("remarked", "remark", S), C("remarking", "remark", S | I), C("noted", "note", S),
    C("noting", "note", S | I), C("explained", "explain", S), C("explains", "explain", S),
    C("explaining", "explain", S | I), C("asked", "ask", S), C("asks", "ask", S), C("asking", "ask", S | I),
    C("replied", "reply", S), C("replies", "reply", S), C("replying", "reply", S | I), C("responded", "respond", S),
    C("responds", "respond", S), C("responding", "respond", S | I), C("answered", "answer", S),
    C("answers", "answer", S), C("continued", "continue", S), C("continues", "continue", S),
    C("declared", "declare", S), C("declares", "declare", S), C("declaring", "declare", S | I),
    C("insisted", "insist", S), C("insists", "insist", S), C("insisting", "insist", S | I), C("argued", "argue", S),
    C("argues", "argue", S), C("arguing", "argue", S | I), C("claimed", "claim", S), C("claiming", "claim", S | I),
    C("warned", "warn", S), C("warns", "warn", S), C("warning", "warn", S | I), C("tweeted", "tweet", S),
    C("tweeting", "tweet", S | I), C("announced", "announce", S), C("announces", "announce", S),
    C("announcing", "announce", S | I), C("admitted", "admit", S), C("admits", "admit", S),
    C("admitting", "admit", S | I), C("acknowledged", "acknowledge", S), C("acknowledges", "acknowledge", S),
    C("recalled", "recall", S), C("recalls", "recall", S), C("recalling", "recall", S | I),
    C("concluded", "conclude", S), C("concludes", "conclude", S), C("complained", "complain", S),
    C("complains", "complain", S), C("complaining", "complain", S | I), C("suggested", "suggest", S),
    C("suggests", "suggest", S), C("joked", "joke", S), C("jokes", "joke", S), C("joking", "joke", S | I),
    C("quipped", "quip", S), C("quips", "quip", S), C("conceded", "concede", S), C("concedes", "concede", S),
    C("emphasized", "emphasize", S), C("emphasised", "emphasize", S), C("emphasizes", "emphasize", S),
    C("emphasises", "emphasize", S), C("stressed", "stress", S), C("stresses", "stress", S),
    C("observed", "observe", S), C("observes", "observe", S), C("shouted", "shout", S), C("yelled", "yell", S),
    C("screamed", "scream", S), C("cried", "cry", S), C("exclaimed", "exclaim", S), C("whispered", "whisper", S),
    C("muttered", "mutter", S), C("chanted", "chant", S), C("testified", "testify", S), C("mused", "muse", S),
    C("boasted", "boast", S), C("bragged", "brag", S), C("predicted", "predict", S), C("promised", "promise", S),
    C("vowed", "vow", S), C("pledged", "pledge", S), C("urged", "urge", S), C("confirmed", "confirm", S),
    C("denied", "deny", S), C("agreed", "agree", S), C("countered", "counter", S), C("retorted", "retort", S),
    C("demanded", "demand", S), C("asserted", "assert", S), C("maintained", "maintain", S),
    C("contended", "contend", S), C("reiterated", "reiterate", S), C("recounted", "recount", S),
    C("echoed", "echo", S), C("revealed", "reveal", S), C("reported", "report", S), C("reports", "report", S),
    C("lamented", "lament", S), C("cautioned", "caution", S), C("advised", "advise", S),
    C("interjected", "interject", S), C("interrupted", "interrupt", S), C("offered", "offer", S),
    CP("pointed", "point out", S, "out"), CP("points", "point out", S | N, "out"), CP("went", "go on", S, "on"),
    CP("goes", "go on", S, "on"), CP("shot", "shoot back", S, "back"), CP("fired", "fire back", S, "back"),
    CP("hit", "hit back", S, "back"), CP("put", "put it", S, "it"), C("wrote", "write", S), C("opined", "opine", S),
    C("speculated", "speculate", S), C("scoffed", "scoff", S), C("sighed", "sigh", S), C("laughed", "laugh", S),
    C("read", "read", S | N), C("reads", "read", S), C("notes", "note", S | N), C("claims", "claim", S | N),
    C("states", "state", S | N), C("remarks", "remark", S | N), C("posts", "post", S | N),
    C("tweets", "tweet", S | N), C("barked", "bark", S), C("snapped", "snap", S), C("boomed", "boom", S),
    C("roared", "roar", S), C("gushed", "gush", S), C("raved", "rave", S), C("cracked", "crack", S),
    C("sniped", "snipe", S), C("teased", "tease", S), C("mocked", "mock", S), C("chided", "chide", S),
    C("scolded", "scold", S), C("wondered", "wonder", S), C("wonders", "wonder", S), C("pleaded", "plead", S),
    C("begged", "beg", S), C("questioned", "question", S), C("objected", "object", S), C("protested", "protest", S),
    C("quoted", "quote", S), C("summarized", "summarize", S), C("thanked", "thank", P), C("praised", "praise", P),
    C("blasted", "blast", P), C("slammed", "slam", P), C("accused", "accuse", P), C("attacked", "attack", P),
    C("criticized", "criticize", P), C("criticised", "criticize", P), C("vowing", "vow", S | I),
    C("informed", "inform", S), C("assured", "assure", S), C("thundered", "thunder", S),
    C("described", "describe", P), C("describes", "describe", P), C("describing", "describe", P | I),
    C("called", "call", P), C("calls", "call", P), C("calling", "call", P | I), C("dubbed", "dub", P),
    C("labeled", "label", P), C("labelled", "label", P), C("branded", "brand", P),
    /* the present tense of the verbs above, for copy written in it ("she
     * yells"), and singing: the words of a song are someone's words */
    C("shouts", "shout", S), C("shouting", "shout", S | I), C("yells", "yell", S), C("yelling", "yell", S | I),
    C("screams", "scream", S), C("screaming", "scream", S | I), C("whispers", "whisper", S | N),
    C("mutters", "mutter", S), C("chants", "chant", S | N), C("chanting", "chant", S | I),
    C("testifies", "testify", S), C("boasts", "boast", S), C("brags", "brag", S), C("predicts", "predict", S),
    C("promises", "promise", S | N), C("vows", "vow", S | N), C("pledges", "pledge", S | N), C("urges", "urge", S),
    C("confirms", "confirm", S), C("denies", "deny", S), C("agrees", "agree", S), C("counters", "counter", S),
    C("retorts", "retort", S), C("demands", "demand", S | N), C("asserts", "assert", S),
    C("maintains", "maintain", S), C("contends", "contend", S), C("reiterates", "reiterate", S),
    C("recounts", "recount", S | N), C("laments", "lament", S), C("cautions", "caution", S), C("muses", "muse", S),
    C("sang", "sing", S), C("sings", "sing", S), C("singing", "sing", S | I),
    C("characterized", "characterize", P), C("termed", "term", P),
};

const xc_cue_word *xc_cue_lookup(const char *word, size_t len)
{
    char low[16];
    if (len == 0 || len >= sizeof low)
        return NULL;
    for (size_t i = 0; i < len; i++) {
        char c = word[i];
        low[i] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
    }
    for (size_t k = 0; k < sizeof forms / sizeof *forms; k++)
        if (forms[k].form[0] == low[0] && strlen(forms[k].form) == len && memcmp(forms[k].form, low, len) == 0)
            return &forms[k].cue;
    return NULL;
}

bool xc_cue_adverb(const char *word, size_t len)
{
    static const char *const words[] = {
        "also", "later", "then", "once", "again", "previously", "recently", "earlier", "has", "have", "had",
        "would", "will", "could", "might", "may", "was", "is", "did", "does", "not", "never", "simply",
        "just", "flatly", "quickly", "repeatedly", "often", "frequently", "publicly", "privately", "openly",
        "angrily", "firmly", "bluntly", "famously", "reportedly", "apparently", "allegedly", "separately",
        "first", "further", "subsequently", "initially", "finally", "already", "still", "even", "only",
        "jokingly", "tersely", "curtly", "calmly", "softly", "quietly", "proudly", "sarcastically",
    };
    char low[16];
    if (len == 0 || len >= sizeof low)
        return false;
    for (size_t i = 0; i < len; i++) {
        char c = word[i];
        low[i] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
    }
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (strlen(words[k]) == len && memcmp(words[k], low, len) == 0)
            return true;
    return false;
}
