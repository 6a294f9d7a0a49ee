#!/bin/sh
# Regenerate data/stopwords/*.txt from the Snowball stopword lists that
# Debian ships with PostgreSQL (package postgresql-15 or later:
# /usr/share/postgresql/*/tsearch_data/*.stop). The lists are the Snowball
# project's (BSD licence); see data/stopwords/ATTRIBUTION.
set -eu
src=$(ls -d /usr/share/postgresql/*/tsearch_data 2>/dev/null | sort -V | tail -n 1)
if [ -z "$src" ]; then
    echo "gen-stopwords: no PostgreSQL tsearch_data; apt-get install postgresql-15" >&2
    exit 1
fi
out=$(dirname "$0")/../data/stopwords
mkdir -p "$out"
for f in "$src"/*.stop; do
    lang=$(basename "$f" .stop)
    # One folded word a line, sorted bytewise so the C table can be searched.
    tr -d '\r' <"$f" | sed 's/[[:space:]]*$//' | grep -v '^$' | LC_ALL=C sort -u >"$out/$lang.txt"
done
echo "gen-stopwords: wrote $(ls "$out"/*.txt | wc -l) lists from $src"
