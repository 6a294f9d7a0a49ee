# Dates in text: crosscheck dates (given, inferred and unknown anchors, JSON
# and text output, bad input) and eval dates (on a small TimeML folder of
# our own, and on TimeBank when ../shared is there).
. "$(dirname "$0")/lib.sh"
set -e

# An article of our own: Tuesday 2025-03-11 is its date.
cat >"$WORK/talks.txt" <<'TEXT'
Envoys meet again in Riga

RIGA, March 11, 2025 - The talks that ended on February 28 resume today. On Monday the envoys
met; yesterday they signed a draft, and last week they agreed on an agenda. Three years ago no
one spoke. The ministers will meet again on Friday, and a vote is expected in the third quarter.
TEXT

# --date: values resolved against it; one JSON object a line, byte offsets.
expect_status 0 "$CROSSCHECK" --json dates --date 2025-03-11 "$WORK/talks.txt"
jq -e 'has("start") and has("end") and has("text") and has("value") and has("type")' "$WORK/out" >/dev/null ||
    fail "dates --json keys: $(head -1 "$WORK/out")"
value_of() { jq -r --arg t "$1" 'select(.text == $t) | .value' "$WORK/out" | head -1; }
expect_eq "$(value_of "February 28")" 2025-02-28 "February 28"
expect_eq "$(value_of "today")" 2025-03-11 "today"
expect_eq "$(value_of "Monday")" 2025-03-10 "Monday"
expect_eq "$(value_of "yesterday")" 2025-03-10 "yesterday"
expect_eq "$(value_of "last week")" 2025-W10 "last week"
expect_eq "$(value_of "Three years ago")" 2022 "three years ago"
expect_eq "$(value_of "Friday")" 2025-03-14 "Friday after will"
expect_eq "$(value_of "the third quarter")" 2025-Q3 "the third quarter, expected"
# the offsets are bytes of the file as given
start=$(jq -r 'select(.text == "yesterday") | .start' "$WORK/out")
expect_eq "$(dd if="$WORK/talks.txt" bs=1 skip="$start" count=9 2>/dev/null)" yesterday "bytes at the offset"

# No --date: the dateline gives the date, and stderr says it was inferred.
expect_status 0 "$CROSSCHECK" --json dates "$WORK/talks.txt"
expect_eq "$(value_of "yesterday")" 2025-03-10 "yesterday, inferred anchor"
expect_contains "$WORK/err" "inferred from the dateline"
expect_status 0 "$CROSSCHECK" dates "$WORK/talks.txt"
expect_contains "$WORK/out" "anchor 2025-03-11, inferred from the dateline"

# No date anywhere: X digits.
printf 'The envoys met on March 11 and again on Friday; yesterday they signed.\n' >"$WORK/undated.txt"
expect_status 0 "$CROSSCHECK" --json dates "$WORK/undated.txt"
expect_eq "$(value_of "March 11")" XXXX-03-11 "unanchored day"
expect_eq "$(value_of "Friday")" XXXX-WXX-5 "unanchored weekday"
expect_eq "$(value_of "yesterday")" XXXX-XX-XX "unanchored yesterday"
expect_contains "$WORK/err" "no date in the text"
# A weekday that does not fit its date: no date is inferred.
printf 'Talks.\n\n\n\nOn Monday, March 11, 2025, the envoys met.\n' >"$WORK/bad_weekday.txt"
expect_status 0 "$CROSSCHECK" dates "$WORK/bad_weekday.txt"
expect_contains "$WORK/out" "anchor unknown"

# Several files: each line names its file; standard input as "-".
expect_status 0 "$CROSSCHECK" --json dates --date 2025-03-11 "$WORK/talks.txt" "$WORK/undated.txt"
expect_eq "$(jq -r .file "$WORK/out" | sort -u | wc -l | tr -d ' ')" 2 "files named"
printf 'It happened last year.\n' | "$CROSSCHECK" --json dates --date 2025-03-11 - >"$WORK/out"
expect_eq "$(jq -r .value "$WORK/out")" 2024 "stdin"

# Bad input: FILE:LINE: reason, exit 1; the other files are still read.
printf 'line one\ncaf\351 on Monday\n' >"$WORK/latin1.txt"
expect_status 1 "$CROSSCHECK" dates --date 2025-03-11 "$WORK/latin1.txt" "$WORK/undated.txt"
expect_contains "$WORK/err" "latin1.txt:2: invalid UTF-8"
expect_contains "$WORK/out" "undated.txt: 3 expressions"
printf 'a\000b' >"$WORK/binary.txt"
expect_status 1 "$CROSSCHECK" dates "$WORK/binary.txt"
expect_contains "$WORK/err" "binary.txt:1: binary data"
expect_status 1 "$CROSSCHECK" dates "$WORK/missing.txt"
expect_contains "$WORK/err" "missing.txt"
expect_status 2 "$CROSSCHECK" dates --date tomorrow "$WORK/talks.txt"
expect_status 2 "$CROSSCHECK" dates --date 2025-03 "$WORK/talks.txt"
expect_status 2 "$CROSSCHECK" dates
expect_status 0 "$CROSSCHECK" dates --date 2025-03-11 /dev/null

# eval dates on a TimeML folder of our own.
mkdir -p "$WORK/tml"
cat >"$WORK/tml/a.tml" <<'TML'
<?xml version="1.0" ?>
<TimeML>
<DOCID>A1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-03-11" functionInDocument="CREATION_TIME">20250311</TIMEX3></DCT>
<TEXT>
The council <EVENT eid="e1">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="2025-03-10">yesterday</TIMEX3> and
will vote <TIMEX3 tid="t2" type="DATE" value="2025-03-14">Friday</TIMEX3> after <TIMEX3 tid="t3" type="DURATION"
value="P2W">two weeks</TIMEX3> of talks, as it did <TIMEX3 tid="t4" type="DATE" value="2024">last year</TIMEX3>.
</TEXT>
</TimeML>
TML
expect_status 0 "$CROSSCHECK" --json eval dates "$WORK/tml"
jq -e 'has("strict_p") and has("strict_r") and has("strict_f1") and has("relaxed_p") and has("relaxed_r") and
       has("relaxed_f1") and has("value_accuracy") and has("gold") and has("predicted") and has("files")' \
    "$WORK/out" >/dev/null || fail "eval dates --json keys: $(cat "$WORK/out")"
expect_eq "$(jq -r '[.gold, .predicted, .files, .value_accuracy, .strict_f1] | map(tostring) | join(" ")' "$WORK/out")" \
    "3 3 1 1 1" "eval dates on our own file"
expect_status 0 "$CROSSCHECK" eval dates "$WORK/tml"
expect_contains "$WORK/out" "value accuracy 1.0000"
printf '<TimeML><TEXT>broken' >"$WORK/tml/b.tml"
expect_status 1 "$CROSSCHECK" eval dates "$WORK/tml"
expect_contains "$WORK/err" "b.tml:1:"
expect_status 1 "$CROSSCHECK" eval dates "$WORK/no-such-dir"
expect_status 2 "$CROSSCHECK" eval dates

# TimeBank, when it is beside us.
if [ -d "$SHARED/data/tempeval3_tbaq/TimeBank" ]; then
    expect_status 0 "$CROSSCHECK" --json eval dates "$SHARED/data/tempeval3_tbaq/TimeBank"
    jq -e '.files == 183 and .gold == 1016 and .value_accuracy >= 0.85 and .relaxed_f1 >= 0.90 and .strict_f1 >= 0.85' \
        "$WORK/out" >/dev/null || fail "TimeBank dates below target: $(cat "$WORK/out")"
else
    echo "skip: $SHARED/data/tempeval3_tbaq absent, TimeBank date accuracy not checked"
fi
done_testing
