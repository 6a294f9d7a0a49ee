# Summaries: crosscheck eval summary on NeuS-format files of our own (four
# systems, a malformed line, given summaries, files that do not pair, bad
# command lines); on ../shared when it is there, the first 40 val clusters.
. "$(dirname "$0")/lib.sh"
set -e

# Clusters written for this test (the real data set stays in ../shared).
cat >"$WORK/t.source" <<'TEXT'
TITLE=> Harbour pier reopens after three weeks of repairs. ARTICLE=> Harbour crews reopened the north pier on Tuesday after three weeks of repairs. The director said the repairs cost less than feared. [SEP] TITLE=> Fishermen welcome the pier. ARTICLE=> Fishermen welcomed the reopening of the north pier on Tuesday. They said the closure had cost them dearly. [SEP] TITLE=> Critics call pier delay a disgrace. ARTICLE=> Critics said the three weeks of repairs to the north pier were a disgrace. The mayor promised an inquiry into the delay.
TITLE=> Broken line ARTICLE=> This part has lost its separator TITLE=> Oops ARTICLE=> and is refused.
TITLE=> Ferry timetable changes. ARTICLE=> The island ferry will sail twice a day from Monday. Officials said demand had grown all summer. [SEP] TITLE=> More ferries for the island. ARTICLE=> Two daily sailings start on Monday as demand for the island ferry grows. [SEP] TITLE=> Ferry plan. ARTICLE=>
TEXT
cat >"$WORK/t.target" <<'TEXT'
TITLE=> North pier reopens. ARTICLE=> The north pier reopened on Tuesday after three weeks of repairs.
TITLE=> Something. ARTICLE=> Anything.
TITLE=> Island ferry to sail twice a day. ARTICLE=> The island ferry will sail twice a day from Monday.
TEXT

# A malformed line: reported with its file and line, the rest scored, exit 1.
expect_status 1 "$CROSSCHECK" eval summary --source "$WORK/t.source" --target "$WORK/t.target"
expect_contains "$WORK/err" "t.source:2: part 1 has TITLE=> or ARTICLE=> twice"
expect_contains "$WORK/out" "2 clusters (1 lines left out)"
expect_contains "$WORK/out" "the reference's words, 15.5 on average"
for system in crosscheck lead lexrank centroid; do
    expect_contains "$WORK/out" "  $system "
done

expect_status 1 "$CROSSCHECK" --json eval summary --source "$WORK/t.source" --target "$WORK/t.target"
expect_eq "$(jq -r '.clusters, .failed' "$WORK/out" | tr '\n' ' ')" "2 1 " "clusters and failed lines"
expect_eq "$(jq -r '.systems | keys | join(",")' "$WORK/out")" "centroid,crosscheck,lead,lexrank" "systems"
jq -e '[.systems[] | .rouge1_f1, .rouge2_f1, .rougeL_f1, .rouge1_p, .rouge1_r] | all(. >= 0 and . <= 1)' \
    "$WORK/out" >/dev/null || fail "ROUGE outside 0..1: $(cat "$WORK/out")"
jq -e '[.systems[] | .words] | all(. <= 15.5)' "$WORK/out" >/dev/null || fail "an output over the budget"
TESTS=$((TESTS + 2))

# Given summaries, one a line: the references themselves score 1 (the
# second is cut to the budget); --limit 1 reads the first line only.
printf '%s\n' "North pier reopens. The north pier reopened on Tuesday after three weeks of repairs." \
    "anything at all" \
    "Island ferry to sail twice a day. The island ferry will sail twice a day from Monday. And more words." \
    >"$WORK/given.txt"
expect_status 1 "$CROSSCHECK" --json eval summary --source "$WORK/t.source" --target "$WORK/t.target" \
    --system-output "$WORK/given.txt" --system-name perfect
expect_eq "$(jq -r '.systems.perfect | [.rouge1_f1, .rouge2_f1, .rougeL_f1] | join(" ")' "$WORK/out")" "1 1 1" \
    "the references scored as summaries"
expect_status 0 "$CROSSCHECK" eval summary --source "$WORK/t.source" --target "$WORK/t.target" --limit 1 \
    --system-output "$WORK/given.txt" --set redundancy=0.5
expect_contains "$WORK/out" "1 clusters;"
expect_contains "$WORK/out" "  given "

# Files that do not pair, a missing file, bad command lines.
head -n 1 "$WORK/t.target" >"$WORK/short.target"
expect_status 1 "$CROSSCHECK" eval summary --source "$WORK/t.source" --target "$WORK/short.target"
expect_contains "$WORK/err" "has 3 lines and"
expect_contains "$WORK/err" "must pair line by line"
expect_status 1 "$CROSSCHECK" eval summary --source "$WORK/t.source" --target "$WORK/t.target" \
    --system-output "$WORK/short.target"
expect_status 1 "$CROSSCHECK" eval summary --source "$WORK/missing.source" --target "$WORK/t.target"
expect_contains "$WORK/err" "missing.source"
expect_status 2 "$CROSSCHECK" eval summary --source "$WORK/t.source"
expect_status 2 "$CROSSCHECK" eval summary --source "$WORK/t.source" --target "$WORK/t.target" --frobnicate
expect_status 2 "$CROSSCHECK" eval summary --source "$WORK/t.source" --target "$WORK/t.target" --set nonsense=1
expect_contains "$WORK/err" "unknown brief parameter"
expect_status 2 "$CROSSCHECK" eval summary --source "$WORK/t.source" --target "$WORK/t.target" --limit many

# The real data, when it is there: the first 40 val clusters.
NEUS="$SHARED/data/neus_allsides"
if [ -f "$NEUS/val.source" ] && [ -f "$NEUS/val.target" ]; then
    expect_status 0 "$CROSSCHECK" --json eval summary --source "$NEUS/val.source" --target "$NEUS/val.target" \
        --limit 40
    expect_eq "$(jq -r '.clusters' "$WORK/out")" 40 "val clusters scored"
    expect_eq "$(jq -r '.systems | keys | join(",")' "$WORK/out")" "centroid,crosscheck,lead,lexrank" "systems"
    jq -e '[.systems[] | .rouge1_f1, .rouge2_f1, .rougeL_f1] | length == 12 and all(. > 0 and . < 1)' \
        "$WORK/out" >/dev/null || fail "NeuS val ROUGE not in (0,1): $(cat "$WORK/out")"
    TESTS=$((TESTS + 1))
    # the issue's target on the whole val split: crosscheck's ROUGE-2 above every baseline
    expect_status 0 "$CROSSCHECK" --json eval summary --source "$NEUS/val.source" --target "$NEUS/val.target"
    jq -e '.systems.crosscheck.rouge2_f1 > ([.systems.lead, .systems.lexrank, .systems.centroid | .rouge2_f1] | max)' \
        "$WORK/out" >/dev/null || fail "crosscheck's ROUGE-2 is not above the baselines: $(cat "$WORK/out")"
    TESTS=$((TESTS + 1))
else
    echo "skip: $NEUS absent, eval summary not run on NeuS"
fi

done_testing
