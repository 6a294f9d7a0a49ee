# Quotes: crosscheck quotes (text and --json, byte offsets into the file,
# bad input), crosscheck eval quotes on a small folder of our own; on
# ../shared when it is there: PolNeAR dev scores and the seeds.
. "$(dirname "$0")/lib.sh"
set -e

# Sentences written for this test (the real data sets stay in ../shared).
cat >"$WORK/pier.txt" <<'TEXT'
Harbour officials met on Tuesday.

“We will reopen the north pier next week,” said Marta Olsen, the harbour director.

Olsen told reporters: "The repairs cost less than we feared."

“We checked every bolt,” Jonas Berg said, “and every cable.”

Mayor Tomas Reyes called the delay “a disgrace for the whole city.”

“I am confident the pier will hold,” he said.
TEXT

expect_status 0 "$CROSSCHECK" quotes "$WORK/pier.txt"
expect_contains "$WORK/out" "pier.txt: 5 quotes"
expect_contains "$WORK/out" "Marta Olsen"
expect_contains "$WORK/out" "Tomas Reyes [he]"

expect_status 0 "$CROSSCHECK" --json quotes "$WORK/pier.txt"
expect_eq "$(wc -l <"$WORK/out" | tr -d ' ')" 5 "quotes as JSON lines"
jq -e 'has("article") and has("start") and has("end") and has("text") and has("speaker") and has("cue")' \
    "$WORK/out" >/dev/null || fail "quotes --json keys: $(head -c 400 "$WORK/out")"
expect_eq "$(jq -r 'select(.text | startswith("We will")) | .speaker.name' "$WORK/out")" "Marta Olsen" "speaker"
expect_eq "$(jq -r 'select(.text | startswith("We will")) | .cue.lemma' "$WORK/out")" "say" "cue lemma"
expect_eq "$(jq -r 'select(.text | startswith("We checked")) | .parts | length' "$WORK/out")" 2 "parts of a split quote"
expect_eq "$(jq -r 'select(.text | startswith("I am")) | .speaker.mention' "$WORK/out")" "he" "pronoun mention"
expect_eq "$(jq -r 'select(.text | startswith("I am")) | .speaker.name' "$WORK/out")" "Tomas Reyes" "pronoun resolved"
expect_eq "$(jq -r 'select(.text | startswith("a disgrace")) | .partial' "$WORK/out")" true "partial quote"
expect_eq "$(jq -r '.article' "$WORK/out" | sort -u)" "pier" "article id"

# Offsets are bytes of the file as given: cut them out again.
bytes() { tail -c +"$(($2 + 1))" "$1" | head -c "$(($3 - $2))"; }
jq -r '[.start, .end, .text, .speaker.start, .speaker.end, .speaker.mention] | @tsv' "$WORK/out" |
    while IFS="$(printf '\t')" read -r s e text ss se mention; do
        got=$(bytes "$WORK/pier.txt" "$s" "$e")
        # a quote of several parts spans its attribution too: check one part
        [ "$got" = "$text" ] || [ "$(jq -r --argjson s "$s" 'select(.start == $s) | .parts | length' "$WORK/out")" -gt 1 ] ||
            fail "bytes $s-$e are '$got', the quote says '$text'"
        [ "$(bytes "$WORK/pier.txt" "$ss" "$se")" = "$mention" ] || fail "speaker bytes $ss-$se are not '$mention'"
    done
TESTS=$((TESTS + 1))
# ... and each part: the parts joined by a space are the quote's text
jq -c '.' "$WORK/out" | while read -r line; do
    joined=""
    for range in $(printf '%s' "$line" | jq -r '.parts[] | "\(.[0]):\(.[1])"'); do
        part=$(bytes "$WORK/pier.txt" "${range%%:*}" "${range##*:}")
        joined="${joined:+$joined }$part"
    done
    [ "$joined" = "$(printf '%s' "$line" | jq -r .text)" ] || fail "parts '$joined' are not the text of $line"
done
TESTS=$((TESTS + 1))

# Several files; one missing, one not UTF-8: reported, the rest printed, exit 1.
printf 'Plain text with no quotes at all.\n' >"$WORK/none.txt"
printf 'Line one.\n\351t\351 "said" he\n' >"$WORK/latin1.txt"
expect_status 1 "$CROSSCHECK" quotes "$WORK/pier.txt" "$WORK/missing.txt" "$WORK/latin1.txt" "$WORK/none.txt"
expect_contains "$WORK/err" "missing.txt: cannot open"
expect_contains "$WORK/err" "latin1.txt:2: invalid UTF-8"
expect_contains "$WORK/out" "none.txt: 0 quotes"
expect_contains "$WORK/out" "pier.txt: 5 quotes"
: >"$WORK/empty.txt"
expect_status 0 "$CROSSCHECK" --json quotes "$WORK/empty.txt"
expect_eq "$(wc -c <"$WORK/out" | tr -d ' ')" 0 "no quotes in an empty file"
expect_status 2 "$CROSSCHECK" quotes
expect_status 2 "$CROSSCHECK" quotes --frobnicate "$WORK/pier.txt"

# eval quotes on a PolNeAR-style folder of our own.
mkdir -p "$WORK/pn/text" "$WORK/pn/attributions"
printf '“We will reopen the pier,” said Marta Olsen.\n\nOlsen said the repairs were cheap.\n' >"$WORK/pn/text/port.txt"
printf 'T1\tContent 0 26\t“We will reopen the pier,”\nT2\tCue 27 31\tsaid\nT3\tSource 32 43\tMarta Olsen\nT4\tAttribution 27 31\tsaid\nE1\tAttribution:T4 Content:T1 Cue:T2 Source:T3\nT5\tSource 46 51\tOlsen\nT6\tCue 52 56\tsaid\nT7\tContent 57 79\tthe repairs were cheap\nT8\tAttribution 52 56\tsaid\nE2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\nT9\tContent 5 9999\toops\n' \
    >"$WORK/pn/attributions/port_a1b2.ann"
expect_status 0 "$CROSSCHECK" --json eval quotes "$WORK/pn"
for k in content_exact_p content_exact_r content_exact_f1 content_overlap_p content_overlap_r content_overlap_f1 \
    pair_exact_p pair_exact_r pair_exact_f1 pair_overlap_p pair_overlap_r pair_overlap_f1 gold predicted files; do
    jq -e --arg k "$k" 'has($k)' "$WORK/out" >/dev/null || fail "eval quotes --json has no $k"
done
expect_eq "$(jq -r '.gold' "$WORK/out")" 1 "gold direct quotes"
expect_eq "$(jq -r '.pair_exact_f1' "$WORK/out")" 1 "pair F1 on our folder"
expect_contains "$WORK/err" "port_a1b2.ann:11: offsets 5-9999 outside the text"
expect_status 0 "$CROSSCHECK" eval quotes "$WORK/pn"
expect_contains "$WORK/out" "pair     overlap"
# A quote ending in a quote of its own: only the outer marks are off the
# gold extent, the inner ’ is content (exact match).
mkdir -p "$WORK/pn2/text" "$WORK/pn2/attributions"
printf '“We heard them shout ‘stop now,’” said Marta Olsen.\n' >"$WORK/pn2/text/shout.txt"
printf 'T1\tContent 0 33\t“We heard them shout ‘stop now,’”\nT2\tCue 34 38\tsaid\nT3\tSource 39 50\tMarta Olsen\nT4\tAttribution 34 38\tsaid\nE1\tAttribution:T4 Content:T1 Cue:T2 Source:T3\n' \
    >"$WORK/pn2/attributions/shout_a1b2.ann"
expect_status 0 "$CROSSCHECK" --json eval quotes "$WORK/pn2"
expect_eq "$(jq -r '.pair_exact_f1' "$WORK/out")" 1 "a nested quote's closing mark is content"
expect_status 1 "$CROSSCHECK" eval quotes "$WORK/nothing-here"
expect_status 2 "$CROSSCHECK" eval quotes

# The real data, when it is there.
DEV="$SHARED/data/polnear/dev"
if [ -d "$DEV" ]; then
    expect_status 0 "$CROSSCHECK" --json eval quotes "$DEV"
    f1=$(jq -r '.pair_overlap_f1' "$WORK/out")
    awk -v f="$f1" 'BEGIN { exit !(f >= 0.89) }' || fail "PolNeAR dev (content, speaker) overlap F1 $f1 < 0.89"
    TESTS=$((TESTS + 1))
else
    echo "skip: $DEV absent, quote accuracy not checked"
fi
SEEDS="$SHARED/seeds"
if [ -d "$SEEDS" ]; then
    expect_status 0 "$CROSSCHECK" --json quotes "$SEEDS"/*.txt
    expect_eq "$(jq -r 'select(.text | startswith("I am really hopeful")) | .speaker.name' "$WORK/out" | sort -u)" \
        "Steve Witkoff" "Witkoff's hope"
    expect_eq "$(jq -r 'select(.text | test("2014")) | .speaker.name' "$WORK/out" | sort -u)" "Marco Rubio" \
        "Rubio on the 2014 borders"
else
    echo "skip: $SEEDS absent, seed quotes not checked"
fi

done_testing
