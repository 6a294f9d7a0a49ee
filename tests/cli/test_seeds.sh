# Acceptance on the five seed reports of one event (../shared/seeds): they
# must come out as exactly one story holding all five. The seeds are read
# from ../shared and never committed.
. "$(dirname "$0")/lib.sh"
set -e

SEEDS="$SHARED/seeds"
if [ ! -d "$SEEDS" ]; then
    echo "skip: $SEEDS not found (the seed reports live outside the repository)"
    exit 0
fi
count=$(ls "$SEEDS"/*.txt | wc -l | tr -d ' ')
expect_eq "$count" 5 "seed files"

expect_status 0 xc ingest "$SEEDS"
expect_contains "$WORK/out" "5 added"
expect_status 0 xc stories --json
expect_eq "$(wc -l <"$WORK/out" | tr -d ' ')" 1 "stories from the seeds"
expect_eq "$(jq -r '.articles | length' "$WORK/out")" 5 "articles in the story"
for f in "$SEEDS"/*.txt; do
    id=$(basename "$f" .txt)
    expect_eq "$(jq -r --arg id "$id" '.articles | map(.id) | index($id) != null' "$WORK/out")" true "seed $id in the story"
done
# The same holds when the seeds arrive one by one, in reverse order.
rm -f "$DB" "$DB-wal" "$DB-shm"
for f in $(ls -r "$SEEDS"/*.txt); do
    expect_status 0 xc ingest "$f"
done
expect_status 0 xc stories --json
expect_eq "$(wc -l <"$WORK/out" | tr -d ' ')" 1 "stories from seeds ingested one by one"
expect_status 0 xc check

done_testing
