# Bad input: each bad item is reported as FILE:LINE: reason, the rest of the
# batch is stored, and the exit status says that something failed.
. "$(dirname "$0")/lib.sh"
set -e

IN="$WORK/in"
mkdir -p "$IN/sub" "$IN/.hidden"
printf 'Title: Good one\nSource: Test Wire\nDate: 2026-03-01\n\nThe harbour reopened on Sunday after the storm.\n' >"$IN/good.txt"
printf 'Title: Latin-1\n\nCaf\351 and cr\350me on the quay.\n' >"$IN/latin1.txt"
: >"$IN/empty.txt"
printf 'Title: Header only\nSource: X\n\n\n' >"$IN/header-only.txt"
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' >"$IN/image.txt"
printf 'Date: next Tuesday\n\nThe bridge will close for repairs.\n' >"$IN/sub/baddate.txt"
printf 'hidden\n' >"$IN/.hidden/skip.txt"
printf 'not an article\n' >"$IN/notes.md"
{
    printf '{"id":"j1","title":"JSON one","text":"The ferry service resumed.","source":"Wire"}\n'
    printf '{"id":"j2","title":"broken",\n'
    printf '\n'
    printf '["not","an","object"]\n'
    printf '{"id":"j5","text":""}\n'
    printf '{"id":"j6","text":"Fine again.","published":"2026-03-02T10:00:00Z"}\n'
} >"$IN/feed.jsonl"

expect_status 1 xc ingest "$IN"
expect_contains "$WORK/err" "crosscheck: $IN/latin1.txt:3: invalid UTF-8: byte 0xE9"
expect_contains "$WORK/err" "crosscheck: $IN/empty.txt:1: empty article"
expect_contains "$WORK/err" "crosscheck: $IN/header-only.txt:4: empty article"
expect_contains "$WORK/err" "crosscheck: $IN/image.txt:3: binary data"
expect_contains "$WORK/err" "crosscheck: $IN/feed.jsonl:2: malformed JSON"
expect_contains "$WORK/err" "crosscheck: $IN/feed.jsonl:4: expected a JSON object"
expect_contains "$WORK/err" "crosscheck: $IN/feed.jsonl:5: empty article"
expect_contains "$WORK/err" "crosscheck: $IN/sub/baddate.txt:1: warning: unrecognised date"
expect_not_contains "$WORK/err" "notes.md"
expect_not_contains "$WORK/err" ".hidden"
expect_contains "$WORK/out" "4 added, 0 updated, 0 unchanged, 7 failed"
expect_status 0 xc check

# Nothing already stored is lost when a later batch has bad items.
expect_status 0 xc stats --json
expect_eq "$(jq -r .articles "$WORK/out")" 4 "stored articles"

# --repair-utf8 stores a repaired copy, with a warning.
expect_status 0 xc ingest --repair-utf8 "$IN/latin1.txt"
expect_contains "$WORK/err" "latin1.txt:3: warning: invalid UTF-8 repaired: 2 bad byte sequences"
expect_status 0 xc article latin1 --json
expect_contains "$WORK/out" "Caf� and cr�me"

# Standard input: text, and JSON Lines (sniffed from the first character).
printf 'A short note from standard input about the harbour.\n' >"$WORK/note"
expect_status 0 sh -c "'$CROSSCHECK' --db '$DB' ingest - <'$WORK/note'"
expect_contains "$WORK/out" "1 added"
expect_status 0 sh -c "'$CROSSCHECK' --db '$DB' ingest - <'$WORK/note'"
expect_contains "$WORK/out" "0 added, 0 updated, 1 unchanged"
printf '  {"id":"s1","text":"From a pipe."}\n{"id":"s2","text":"Also piped."}\n' >"$WORK/pipe.jsonl"
expect_status 0 sh -c "'$CROSSCHECK' --db '$DB' ingest - <'$WORK/pipe.jsonl'"
expect_contains "$WORK/out" "2 added"
printf '{"id":"s3",' >"$WORK/bad.jsonl"
expect_status 1 sh -c "'$CROSSCHECK' --db '$DB' ingest - <'$WORK/bad.jsonl'"
expect_contains "$WORK/err" "crosscheck: <stdin>:1: malformed JSON"

# --format forces a reader: a .txt file read as JSON Lines.
printf '{"id":"forced","text":"Read as JSON Lines."}\n' >"$WORK/forced.txt"
expect_status 0 xc ingest --format jsonl "$WORK/forced.txt"
expect_status 0 xc article forced

# Size limits: a file over --max-bytes, a JSONL line over it.
head -c 3000 /dev/zero | tr '\0' 'a' >"$WORK/big.txt"
expect_status 1 xc ingest --max-bytes 2k "$WORK/big.txt"
expect_contains "$WORK/err" "big.txt:1: too big"
{ printf '{"id":"big","text":"'; head -c 9000 /dev/zero | tr '\0' 'b'; printf '"}\n{"id":"small","text":"ok"}\n'; } >"$WORK/big.jsonl"
expect_status 1 xc ingest --max-bytes 2k "$WORK/big.jsonl"
expect_contains "$WORK/err" "big.jsonl:1: too big"
expect_contains "$WORK/out" "1 added"

# Paths that do not exist, and a re-ingest with a changed article.
expect_status 1 xc ingest "$WORK/missing.txt" "$IN/good.txt"
expect_contains "$WORK/err" "missing.txt: cannot open: No such file or directory"
expect_contains "$WORK/out" "0 added, 0 updated, 1 unchanged, 1 failed"
printf 'Title: Good one\nSource: Test Wire\nDate: 2026-03-01\n\nThe harbour reopened on Monday after the storm.\n' >"$IN/good.txt"
expect_status 0 xc ingest "$IN/good.txt"
expect_contains "$WORK/out" "0 added, 1 updated, 0 unchanged"
expect_status 0 xc article good
expect_contains "$WORK/out" "reopened on Monday"
expect_status 0 xc check

done_testing
