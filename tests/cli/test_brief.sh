# Story briefs: extracts cited to every report that carries them (copies
# included), the facts ledger's conflict said with who says what, the
# timeline with resolved dates, the word budget, Markdown and JSON, a
# brief per story into a folder, a brief of files as one story, errors.
# The reports are written for this test.
. "$(dirname "$0")/lib.sh"
set -e

cat >"$WORK/reports.jsonl" <<'JSONL'
{"id":"harbor-1","source":"Harbor Times","published":"2031-05-02T08:00:00Z","title":"Drone strike on Port Vell harbour","text":"Rebels carried out their largest drone strike on the harbour of Port Vell on Tuesday, launching at least 40 drones and causing one fatality, port officials said.\nThe strike set fire to two grain warehouses and closed the container terminal for the rest of the week.\n“We will rebuild the harbour within a year, whatever it costs,” Mayor Ana Costa said after visiting the damaged docks of Port Vell."}
{"id":"coast-1","source":"Coast Wire","published":"2031-05-02T09:00:00Z","title":"Port Vell harbour hit by drone attack","text":"The biggest drone attack of the war on the harbour of Port Vell (over forty drones) left at least three dead on Tuesday, the port authority of Port Vell said.\nFirefighters fought a blaze in two grain warehouses at the harbour through the night, and the container terminal stays closed.\nMayor Ana Costa said: “We will rebuild the harbor in one year, whatever it costs.”"}
{"id":"ledger-1","source":"Daily Ledger","published":"2031-05-02T10:00:00Z","title":"Drone strike on Port Vell harbour","text":"Rebels carried out their largest drone strike on the harbour of Port Vell on Tuesday, launching at least 40 drones and causing one fatality, port officials said.\nThe strike set fire to two grain warehouses and closed the container terminal for the rest of the week.\n“We will rebuild the harbour within a year, whatever it costs,” Mayor Ana Costa said after visiting the damaged docks of Port Vell."}
{"id":"post-1","source":"Evening Post","published":"2031-05-03T12:00:00Z","title":"Port Vell harbour reopens after drone strike","text":"The container terminal of Port Vell reopened on Saturday, four days after the drone strike, the port authority of Port Vell said. Insurers put the damage to the grain warehouses at 12 million euros."}
JSONL

expect_status 0 xc ingest "$WORK/reports.jsonl"
expect_status 0 xc --json stories
expect_eq "$(jq -s 'length' "$WORK/out")" 1 "one story"
story=$(jq -r .id "$WORK/out")

# a budget that holds every sentence worth showing
expect_status 0 xc --json brief --words 300 "$story"
cp "$WORK/out" "$WORK/brief.json"
jq -e 'has("story") and has("sentences") and has("timeline") and (.sentences | all(has("text") and has("sources")))
       and (.timeline | all(has("date") and has("text") and has("sources")))' "$WORK/brief.json" >/dev/null ||
    fail "brief JSON keys: $(head -c 400 "$WORK/brief.json")"
expect_eq "$(jq -r '[.story, .articles, .independent, .outlets] | @csv' "$WORK/brief.json")" "$story,4,3,4" \
    "four articles, three independent reports (Daily Ledger copies Harbor Times), four outlets"
expect_eq "$(jq '[.sentences[] | select((.sources | length) == 0)] | length' "$WORK/brief.json")" 0 \
    "every sentence cites its reports"

# an extract's first source is where it was taken from: its offsets are bytes of that article's text
jq -r '.sentences[] | select(.kind == "extract") | .sources[0] | "\(.article) \(.start) \(.end)"' "$WORK/brief.json" \
    >"$WORK/spans"
jq -r '.sentences[] | select(.kind == "extract") | .text' "$WORK/brief.json" >"$WORK/texts"
[ -s "$WORK/spans" ] || fail "no extract sentence"
n=0
while read -r article start end; do
    n=$((n + 1))
    expect_status 0 xc --json article "$article"
    got=$(jq -r .text "$WORK/out" | LC_ALL=C awk -v s="$start" -v e="$end" 'BEGIN{RS="\001"} {printf "%s", substr($0, s + 1, e - s)}')
    expect_eq "$got" "$(sed -n "${n}p" "$WORK/texts")" "extract $n is the text at its offsets"
done <"$WORK/spans"

# the warehouses sentence is told by Harbor Times, its copy and Coast Wire
expect_eq "$(jq -r '[.sentences[] | select(.kind == "extract" and (.text | test("set fire|blaze"))) | .independent,
          ([.sources[] | .source] | sort | join("|")), ([.sources[] | select(.copy_of == "harbor-1")] | length)]
          | .[0:3] | @csv' "$WORK/brief.json")" '2,"Coast Wire|Daily Ledger|Harbor Times",1' \
    "a sentence carried by two independent reports, the copy cited with its original"

# the death toll is contested: said, with who says what; never one figure silently
expect_eq "$(jq '[.sentences[] | select(.kind == "conflict")] | length' "$WORK/brief.json")" 1 "one conflict"
conflict=$(jq -r '.sentences[] | select(.kind == "conflict") | .text' "$WORK/brief.json")
for want in "one fatality" "at least three dead" "Harbor Times" "Coast Wire"; do
    case $conflict in *"$want"*) ;; *) fail "the conflict sentence lacks '$want': $conflict" ;; esac
done
expect_eq "$(jq -r '[.sentences[] | select(.kind == "extract" and (.text | test("one fatality|three dead"))) |
          .contested == null] | any' "$WORK/brief.json")" false "an extract with a contested figure is flagged"

# extracts in reading order: earliest report first
expect_eq "$(jq -r '[.sentences[] | select(.kind == "extract") | .sources[0].published] | . == sort' "$WORK/brief.json")" \
    true "extracts in publication order"

# the timeline: "Tuesday" in reports of Friday 2 May 2031 is 29 April, told by two independent reports
expect_eq "$(jq -r '.timeline[] | select(.date == "2031-04-29") | [.precision, .independent,
          ([.sources[].source] | sort | join("|"))] | @csv' "$WORK/brief.json" | head -n 1)" \
    '"day",2,"Coast Wire|Daily Ledger|Harbor Times"' "the strike on Tuesday"
expect_eq "$(jq -r '.timeline[] | select(.date == "2031-05-03") | .sources[0].source' "$WORK/brief.json")" \
    "Evening Post" "the reopening on Saturday"
expect_eq "$(jq -r '[.timeline[].date | select(test("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))] | (. == sort) and length >= 2' \
          "$WORK/brief.json")" true "the timeline in date order"

# the word budget
expect_status 0 xc --json brief --words 25 "$story"
words=$(jq -r '[.sentences[] | select(.kind == "extract") | .text] | join(" ")' "$WORK/out" | wc -w)
sentences=$(jq '[.sentences[] | select(.kind == "extract")] | length' "$WORK/out")
[ "$sentences" -eq 1 ] || [ "$words" -le 27 ] || fail "--words 25 gave $words words in $sentences sentences"
[ "$sentences" -ge 1 ] || fail "--words 25 gave no sentence"

# Markdown
expect_status 0 xc brief "$story"
expect_contains "$WORK/out" "## Brief"
expect_contains "$WORK/out" "## Timeline"
expect_contains "$WORK/out" "> **Contested.** Reports differ on the"
expect_contains "$WORK/out" "Harbor Times +1 copy]"
expect_contains "$WORK/out" "- **2031-04-29** (day,"

# one file per story
expect_status 0 xc brief --all --out "$WORK/briefs"
[ -f "$WORK/briefs/story-$story.md" ] || fail "no $WORK/briefs/story-$story.md"
expect_contains "$WORK/briefs/story-$story.md" "## Timeline"
expect_status 0 xc --json brief --all --out "$WORK/briefs-json"
expect_eq "$(jq -r .story "$WORK/briefs-json/story-$story.json")" "$story" "JSON brief file"

# files as one story, without a store; a bad file is reported and the rest goes on
jq -r 'select(.id == "harbor-1") | "Title: \(.title)\nSource: \(.source)\nDate: \(.published)\n\n\(.text)"' \
    "$WORK/reports.jsonl" >"$WORK/harbor.txt"
jq -r 'select(.id == "coast-1") | "Title: \(.title)\nSource: \(.source)\nDate: \(.published)\n\n\(.text)"' \
    "$WORK/reports.jsonl" >"$WORK/coast.txt"
printf 'bad\000bytes' >"$WORK/binary.txt"
expect_status 1 "$CROSSCHECK" --json brief "$WORK/harbor.txt" "$WORK/binary.txt" "$WORK/coast.txt"
expect_contains "$WORK/err" "binary.txt"
expect_eq "$(jq -r '[.story, .articles, ([.sentences[] | select(.kind == "conflict")] | length)] | @csv' "$WORK/out")" \
    ',2,1' "two files briefed as one story, with their conflict"
[ -z "$(find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'crosscheck-eval-*' -newer "$WORK/binary.txt")" ] ||
    fail "the temporary store was left behind"

# errors
expect_status 2 xc brief
expect_status 1 xc brief 99
expect_contains "$WORK/err" "no story 99"
expect_status 2 xc brief --all
expect_status 2 xc brief --words 0 "$story"
expect_status 1 "$CROSSCHECK" brief "$WORK/missing.txt"
expect_contains "$WORK/err" "missing.txt"

done_testing
