# A story's ledger through the store: facts cross-checked between outlets
# (agree, conflict; a copy counted once), the quote ledger with a variant
# wording and its word diff, the story view's sections, JSON, errors, and
# claims replaced when an article is stored again. The four reports are
# written for this test.
. "$(dirname "$0")/lib.sh"
set -e

cat >"$WORK/reports.jsonl" <<'JSONL'
{"id":"harbor-1","source":"Harbor Times","published":"2031-05-02T08:00:00Z","title":"Drone strike on Port Vell harbour","text":"Rebels carried out their largest drone strike on the harbour of Port Vell on Tuesday, launching at least 40 drones and causing one fatality, port officials said.\n“We will rebuild the harbour within a year, whatever it costs,” Mayor Ana Costa said after visiting the damaged docks of Port Vell.\nThe rebels control roughly one-fifth of the province, officials said."}
{"id":"coast-1","source":"Coast Wire","published":"2031-05-02T09:00:00Z","title":"Port Vell harbour hit by drone attack","text":"The biggest drone attack of the war on the harbour of Port Vell (over forty drones) left at least three dead on Tuesday, the port authority of Port Vell said.\nMayor Ana Costa said: “We will rebuild the harbor in one year, whatever it costs.”\nThe rebels hold about 20% of the province, according to the port authority."}
{"id":"ledger-1","source":"Daily Ledger","published":"2031-05-02T10:00:00Z","title":"Drone strike on Port Vell harbour","text":"Rebels carried out their largest drone strike on the harbour of Port Vell on Tuesday, launching at least 40 drones and causing one fatality, port officials said.\n“We will rebuild the harbour within a year, whatever it costs,” Mayor Ana Costa said after visiting the damaged docks of Port Vell.\nThe rebels control roughly one-fifth of the province, officials said."}
{"id":"post-1","source":"Evening Post","published":"2031-05-03T12:00:00Z","title":"Port Vell harbour drone strike toll rises","text":"The death toll from the drone strike on the harbour of Port Vell rose to five, hospital officials in Port Vell said on Wednesday. Rebels launched at least 40 drones at the harbour on Tuesday, the port authority of Port Vell said."}
JSONL

expect_status 0 xc ingest "$WORK/reports.jsonl"
expect_status 0 xc --json stories
expect_eq "$(jq -s 'length' "$WORK/out")" 1 "one story"
story=$(jq -r .id "$WORK/out")

# facts: conflicts first; the copy (Daily Ledger) is not an independent report
expect_status 0 xc --json facts --story "$story"
jq -s -e 'all(has("story") and has("kind") and has("thing") and has("verdict") and has("independent")
       and has("values") and has("links"))' "$WORK/out" >/dev/null || fail "facts keys: $(head -1 "$WORK/out")"
expect_eq "$(jq -r -s '.[0] | [.thing, .verdict, .independent, (.values | length), .links[0].relation] | @csv' "$WORK/out")" \
    '"deaths","conflict",3,2,"conflict"' "the death toll is contested"
expect_eq "$(jq -r -s '.[0].values[] | select(.low == 1) | [.high, .independent, (.reports | length),
         ([.reports[].copy_of] | map(select(. != null)) | join(","))] | @csv' "$WORK/out")" \
    '1,1,2,"harbor-1"' "one fatality: Harbor Times and its copy, one independent report"
expect_eq "$(jq -r -s '.[] | select(.thing == "drone") | [.verdict, .independent, .values[0].outlets,
         .values[0].low, .values[0].low_open, .values[0].high] | @csv' "$WORK/out")" \
    '"agree",3,4,40,true,' "at least 40 / over forty drones agree: three independent reports, four outlets"
expect_eq "$(jq -r -s '.[] | select(.thing == "provinc") | [.verdict, .kind, .independent] | @csv' "$WORK/out")" \
    '"agree","fraction",2' "one-fifth and 20% of the province agree"
# byte offsets point at the words in each article's text
off=$(jq -r -s '.[0].values[] | select(.low == 1) | .reports[0] | "\(.start) \(.end)"' "$WORK/out")
expect_status 0 xc --json article harbor-1
expect_eq "$(jq -r .text "$WORK/out" | LC_ALL=C awk -v s="${off% *}" -v e="${off#* }" 'BEGIN{RS="\001"} {printf "%s", substr($0, s + 1, e - s)}')" \
    "one fatality" "fact offsets are bytes of the article's text"

expect_status 0 xc facts --story "$story"
expect_contains "$WORK/out" "conflict  fatality (drone strike): 3 independent reports"
expect_contains "$WORK/out" '"one fatality" Daily Ledger (copy)'

# the quote ledger: one remark, three reports, two independent, one variant
expect_status 0 xc --json quotes --story "$story"
expect_eq "$(jq -r -s '.[0] | [.speaker, .independent, (.reports | length), .variants] | @csv' "$WORK/out")" \
    '"Ana Costa",2,3,1' "the mayor's remark"
expect_eq "$(jq -r -s '.[0].reports[] | select(.wording == "variant") | [.source, (.diff | map(select(.[0] != "=") |
         .[0] + .[1]) | join("|"))] | @csv' "$WORK/out")" \
    '"Coast Wire","-harbour within a|+harbor in one"' "the variant's word diff"

# the story view has both sections; its JSON too
expect_status 0 xc story "$story"
expect_contains "$WORK/out" "Facts, contested first"
expect_contains "$WORK/out" "Quotes, by independent reports"
expect_contains "$WORK/out" "{+harbor in one+}"
expect_status 0 xc --json story "$story"
expect_eq "$(jq -r '[(.facts | length), (.quotes | length), .facts[0].verdict] | @csv' "$WORK/out")" '3,1,"conflict"' \
    "story JSON facts and quotes"

# a changed article replaces its claims: Coast Wire now agrees on one death
sed 's/left at least three dead/left one dead/' "$WORK/reports.jsonl" | grep coast-1 >"$WORK/fix.jsonl"
expect_status 0 xc ingest "$WORK/fix.jsonl"
expect_status 0 xc --json facts --story "$story"
expect_eq "$(jq -r -s '[.[] | select(.thing == "deaths") | .values | length] | @csv' "$WORK/out")" '2' \
    "still two values (the later five)"
expect_eq "$(jq -r -s '.[] | select(.thing == "deaths") | [.values[] | .independent] | @csv' "$WORK/out")" '2,1' \
    "one death now from two independent reports"
expect_eq "$(jq -r -s '.[] | select(.thing == "deaths") | [.verdict, .links[0].relation, .values[.links[0].b].low] | @csv' \
    "$WORK/out")" '"update","update",5' "a day later the toll rose to five: an update"
expect_status 0 xc check

# errors
expect_status 2 xc facts
expect_status 1 xc facts --story 99
expect_contains "$WORK/err" "no story 99"
expect_status 2 xc quotes --story 0

done_testing
