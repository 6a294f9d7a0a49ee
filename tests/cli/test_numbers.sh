# crosscheck numbers: the numeric facts of text files, as text and JSON
# Lines; byte offsets into the file; years, dates and scores only with
# --all; bad files reported; the seeds' figures when ../shared is there.
. "$(dirname "$0")/lib.sh"
set -e

# Our own report (the real data sets stay in ../shared).
cat >"$WORK/report.txt" <<'TEXT'
Title: Storm hits the coast

The navy fired at least 45 rockets overnight, resulting in one fatality.
Officials said the biggest rocket barrage (over forty) left four people dead.
Rebels control approximately one-fifth of the province, about 20% of its land.
Crews walked through a six-mile-long (10km) tunnel. The talks began on
April 14 at 0700 GMT, and the Foxes beat the Millers 88-81.
The council approved $2.5 million in aid.
TEXT

expect_status 0 "$CROSSCHECK" --json numbers "$WORK/report.txt"
jq -s -e 'length > 0 and all(has("start") and has("end") and has("text") and has("low") and has("high")
       and has("low_open") and has("high_open") and has("hedge") and has("kind") and has("unit")
       and has("thing") and has("thing_start") and has("thing_end") and has("predicate"))' "$WORK/out" >/dev/null ||
    fail "numbers --json keys: $(head -1 "$WORK/out")"

# at least 45 rockets: [45, inf), the thing "rocket"
expect_eq "$(jq -r 'select(.text == "at least 45") | [.low, .high, .low_open, .high_open, .hedge, .thing] | @csv' "$WORK/out")" \
    '45,,false,true,"at_least","rocket"' "at least 45"
expect_eq "$(jq -r 'select(.text == "over forty") | [.low, .high, .low_open, .thing, .predicate] | @csv' "$WORK/out")" \
    '40,,true,"rocket","barrag"' "over forty"
expect_eq "$(jq -r 'select(.text == "one") | .thing' "$WORK/out")" "deaths" "one fatality"
expect_eq "$(jq -r 'select(.text == "four") | .thing' "$WORK/out")" "deaths" "four people dead"
expect_eq "$(jq -r 'select(.text == "approximately one-fifth") | [.kind, .low, .high] | @csv' "$WORK/out")" \
    '"fraction",0.18,0.22' "approximately one-fifth"
expect_eq "$(jq -r 'select(.text == "about 20%") | [.kind, .low, .high, .unit] | @csv' "$WORK/out")" \
    '"percent",18,22,"%"' "about 20%"
expect_eq "$(jq -r 'select(.text == "six-mile-long") | [.kind, .value, .unit, .thing] | @csv' "$WORK/out")" \
    '"measure",6,"mi","tunnel"' "six-mile-long"
expect_eq "$(jq -r 'select(.text == "$2.5 million") | [.kind, .value, .unit] | @csv' "$WORK/out")" \
    '"money",2500000,"USD"' "money"

# offsets are bytes of the file, header included
jq -r '[.start, .end, .text] | @tsv' "$WORK/out" | while IFS="$(printf '\t')" read -r s e t; do
    got=$(dd if="$WORK/report.txt" bs=1 skip="$s" count=$((e - s)) 2>/dev/null)
    [ "$got" = "$t" ] || fail "bytes $s-$e are '$got', not '$t'"
done
jq -r 'select(.thing_end > .thing_start) | [.thing_start, .thing_end] | @tsv' "$WORK/out" | head -1 |
    while IFS="$(printf '\t')" read -r s e; do
        got=$(dd if="$WORK/report.txt" bs=1 skip="$s" count=$((e - s)) 2>/dev/null)
        [ "$got" = "rockets" ] || fail "thing bytes $s-$e are '$got'"
    done

# years, dates, times and scores: only with --all, and never as facts
expect_not_contains "$WORK/out" '"kind":"date"'
expect_not_contains "$WORK/out" '"kind":"score"'
expect_status 0 "$CROSSCHECK" --json numbers --all "$WORK/report.txt"
expect_contains "$WORK/out" '"kind":"date"'
expect_contains "$WORK/out" '"kind":"time"'
expect_contains "$WORK/out" '"kind":"score"'

# text output: one line each, file:start-end first
expect_status 0 "$CROSSCHECK" numbers "$WORK/report.txt"
expect_contains "$WORK/out" "report.txt:"
expect_contains "$WORK/out" "[45, inf)"
expect_contains "$WORK/out" "at least 45 rockets"
[ "$(wc -l <"$WORK/out")" -ge 8 ] || fail "numbers: fewer lines than expected: $(cat "$WORK/out")"

# several files, standard input, an empty file
printf 'Police detained 30 protesters.\n' >"$WORK/b.txt"
: >"$WORK/empty.txt"
expect_status 0 "$CROSSCHECK" --json numbers "$WORK/report.txt" "$WORK/b.txt" "$WORK/empty.txt"
expect_eq "$(jq -r 'select(.file | endswith("b.txt")) | .text' "$WORK/out")" "30" "second file"
printf 'Some 300 firefighters came.' | "$CROSSCHECK" --json numbers - >"$WORK/stdin.out"
expect_eq "$(jq -r '.text' "$WORK/stdin.out")" "Some 300" "stdin"

# bad input: reported, the rest still read; usage errors
printf 'bad \377 byte, 5 drones\n' >"$WORK/latin1.txt"
expect_status 1 "$CROSSCHECK" numbers "$WORK/latin1.txt" "$WORK/b.txt"
expect_contains "$WORK/err" "latin1.txt:1: invalid UTF-8: byte 0xFF at offset 4"
expect_contains "$WORK/out" "b.txt:"
expect_status 1 "$CROSSCHECK" numbers "$WORK/missing.txt"
expect_contains "$WORK/err" "missing.txt: cannot open"
expect_status 2 "$CROSSCHECK" numbers
expect_status 2 "$CROSSCHECK" numbers --bogus "$WORK/b.txt"

# The seeds, when there (read from ../shared, never quoted here): reports
# from different outlets give counts of the same thing, deaths, and one
# share both as a fraction and as a percentage, with intervals that meet.
if [ -d "$SHARED/seeds" ]; then
    expect_status 0 "$CROSSCHECK" --json numbers "$SHARED"/seeds/*.txt
    jq -s -e '[.[] | select(.kind == "count" and .thing == "drone")] | map(.file) | unique | length >= 2' \
        "$WORK/out" >/dev/null || fail "seeds: drone counts from two reports"
    jq -s -e '[.[] | select(.kind == "count" and .thing == "drone" and .hedge != "none")] as $d
        | [$d[] as $a | $d[] as $b | select($a.file != $b.file and $a.low <= ($b.high // 1e308)
          and $b.low <= ($a.high // 1e308))] | length > 0' "$WORK/out" >/dev/null ||
        fail "seeds: no two hedged drone counts that agree"
    jq -s -e '[.[] | select(.thing == "deaths")] | map(.file) | unique | length >= 2' "$WORK/out" >/dev/null ||
        fail "seeds: deaths from two reports"
    jq -s -e '[.[] | select(.kind == "fraction")] as $f | [.[] | select(.kind == "percent" and .unit == "%")] as $p
        | [$f[] as $a | $p[] as $b | select($a.file != $b.file and $a.thing == $b.thing and $a.thing != ""
          and $a.low * 100 <= $b.high and $b.low <= $a.high * 100)] | length > 0' "$WORK/out" >/dev/null ||
        fail "seeds: no fraction and percentage of one thing that agree"
else
    echo "skip: $SHARED/seeds not found"
fi

done_testing
