# The entity tagger and entities: ner, eval ner, train ner, entities, story
# entities; accuracy checks on ../shared data when it is there.
. "$(dirname "$0")/lib.sh"
set -e

# A small CoNLL file of our own (the real data sets stay in ../shared).
cat >"$WORK/small.conll" <<'CONLL'
-DOCSTART- -X- -X- O

Marco NNP B-NP B-PER
Rubio NNP I-NP I-PER
met VBD B-VP O
officials NNS B-NP O
in IN B-PP O
Jeddah NNP B-NP B-LOC
. . O O

The DT B-NP O
European NNP I-NP B-ORG
Union NNP I-NP I-ORG
welcomed VBD B-VP O
Ukrainian JJ B-NP B-MISC
proposals NNS I-NP O
. . O O
CONLL

# ner --conll: the file back, one more column on each token line.
expect_status 0 "$CROSSCHECK" ner --conll "$WORK/small.conll"
expect_eq "$(wc -l <"$WORK/out" | tr -d ' ')" "$(wc -l <"$WORK/small.conll" | tr -d ' ')" "lines of ner --conll"
expect_eq "$(grep -c . "$WORK/out")" "$(grep -c . "$WORK/small.conll")" "non-blank lines"
awk 'NF && NF != 5 { bad = 1 } END { exit bad }' "$WORK/out" || fail "ner --conll: a line without its 5th column"
expect_contains "$WORK/out" "Rubio NNP I-NP I-PER I-PER"
expect_contains "$WORK/out" "Jeddah NNP B-NP B-LOC B-LOC"

# eval ner: scores overall and per type.
expect_status 0 "$CROSSCHECK" --json eval ner "$WORK/small.conll"
jq -e 'has("precision") and has("recall") and has("f1") and (.per_type | has("PER") and has("ORG") and has("LOC") and has("MISC"))' \
    "$WORK/out" >/dev/null || fail "eval ner --json keys: $(cat "$WORK/out")"
expect_eq "$(jq -r '.entities' "$WORK/out")" 4 "gold entities"
expect_status 0 "$CROSSCHECK" eval ner "$WORK/small.conll"
expect_contains "$WORK/out" "MISC"

# A bad tag is reported with its line; the rest is still tagged.
printf 'Paris NNP B-NP B-LOC\nis VBZ B-VP NOT-A-TAG\n' >"$WORK/bad.conll"
expect_status 1 "$CROSSCHECK" ner --conll "$WORK/bad.conll"
expect_contains "$WORK/err" "bad.conll:2:"
expect_contains "$WORK/out" "Paris NNP B-NP B-LOC"

# train ner: a model of our own, used with --model.
expect_status 0 "$CROSSCHECK" train ner --train "$WORK/small.conll" --dev "$WORK/small.conll" --out "$WORK/model.bin" --epochs 3
expect_contains "$WORK/out" "$WORK/model.bin: epoch"
[ -s "$WORK/model.bin" ] || fail "train ner wrote no model"
expect_status 0 "$CROSSCHECK" --json eval ner "$WORK/small.conll" --model "$WORK/model.bin"
expect_eq "$(jq -r '.f1' "$WORK/out")" 1 "a model scores its own training data"
printf 'not a model' >"$WORK/junk.bin"
expect_status 1 "$CROSSCHECK" eval ner "$WORK/small.conll" --model "$WORK/junk.bin"
expect_contains "$WORK/err" "junk.bin"
expect_status 2 "$CROSSCHECK" train ner --train "$WORK/small.conll"
expect_status 1 "$CROSSCHECK" eval ner "$WORK/missing.conll"
expect_status 2 "$CROSSCHECK" ner

# ner on plain text: grouped entities with spellings and roles.
printf 'Secretary of State Marco Rubio flew to Jeddah. Rubio met Saudi officials there.\n' >"$WORK/news.txt"
expect_status 0 "$CROSSCHECK" --json ner "$WORK/news.txt"
expect_eq "$(jq -r 'select(.name == "Marco Rubio") | .variants | join("|")' "$WORK/out")" "Marco Rubio|Rubio" "variants"
expect_eq "$(jq -r 'select(.name == "Marco Rubio") | .roles[0]' "$WORK/out")" "Secretary of State" "role"

# entities after ingest: JSON Lines with the documented keys.
expect_status 0 xc ingest "$EXAMPLES"
expect_status 0 xc --json entities --limit 5
expect_eq "$(wc -l <"$WORK/out" | tr -d ' ')" 5 "entities --limit 5"
jq -e 'has("id") and has("name") and has("type") and (.variants | type == "array") and (.roles | type == "array") and (.articles | length > 0)' \
    "$WORK/out" >/dev/null || fail "entities --json keys: $(head -1 "$WORK/out")"
story=$(xc --json stories --limit 1 | jq -r .id)
expect_status 0 xc --json story "$story"
jq -e '.entities | length > 0' "$WORK/out" >/dev/null || fail "story --json has no entities"
expect_status 0 xc story "$story"
expect_contains "$WORK/out" "Who and where"
expect_status 0 xc --json entities --story "$story"
[ "$(jq -s 'map(.independent) | . == (sort | reverse)' "$WORK/out")" = true ] || fail "entities not ranked by reports"
# --mentions: every mention with its article and byte span into the article's text
expect_status 0 xc --json entities --limit 1 --mentions
art=$(jq -r '.mention_spans[0].article' "$WORK/out")
start=$(jq -r '.mention_spans[0].start' "$WORK/out")
end=$(jq -r '.mention_spans[0].end' "$WORK/out")
text=$(jq -r '.mention_spans[0].text' "$WORK/out")
xc --json article "$art" >"$WORK/article.json"
expect_eq "$(jq -j '.text' "$WORK/article.json" | head -c "$end" | tail -c "$((end - start))")" "$text" "mention span"
expect_status 0 xc entities --story 99999
expect_contains "$WORK/out" "no entities in story 99999"
expect_status 2 xc entities --story zero

# Accuracy on the real data sets, when they are beside us.
if [ -f "$SHARED/data/conll2003/dev.txt" ]; then
    expect_status 0 "$CROSSCHECK" --json eval ner "$SHARED/data/conll2003/dev.txt"
    jq -e '.f1 >= 0.90' "$WORK/out" >/dev/null || fail "CoNLL dev F1 below 0.90: $(cat "$WORK/out")"
    expect_status 0 "$CROSSCHECK" ner --conll "$SHARED/data/conll2003/dev.txt"
    expect_eq "$(wc -l <"$WORK/out" | tr -d ' ')" "$(wc -l <"$SHARED/data/conll2003/dev.txt" | tr -d ' ')" "dev lines"
else
    echo "skip: $SHARED/data/conll2003 absent, CoNLL accuracy not checked"
fi
if [ -d "$SHARED/data/ecbplus/xml" ]; then
    expect_status 0 "$CROSSCHECK" --json eval entities "$SHARED/data/ecbplus/xml"
    jq -e '.found_bcubed_f1 > .same_text_bcubed_f1 and .documents == 772 and .failed_documents == 0' "$WORK/out" >/dev/null ||
        fail "ECB+ entity merging no better than same-text: $(cat "$WORK/out")"
else
    echo "skip: $SHARED/data/ecbplus absent, entity merging not checked"
fi
echo "ok: $TESTS checks"
