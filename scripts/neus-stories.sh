#!/bin/sh
# NeuS raw roundups (../shared/data/neus_allsides/raw_crawled/*.jsonl: one
# story a line, with a left, centre and right outlet's article) as crosscheck
# JSON Lines with a gold "event" (the story id), for `crosscheck eval cluster`.
# Writes to standard output; never commit the result (the texts are not ours).
# Usage: scripts/neus-stories.sh [SHARED_DIR] > build/neus.jsonl
set -eu
shared=${1:-../shared}
cat "$shared"/data/neus_allsides/raw_crawled/*.jsonl | jq -c '
    . as $story
    | ($story.news // {}) | to_entries[]
    | select(.value.newBody != null and (.value.newBody | length) > 0)
    | {
        id: "neus-\($story.id)-\(.key)",
        title: .value.newsTitle,
        text: (.value.newBody | join("\n")),
        source: .value.newsSource,
        url: .value.newsLink,
        published: $story.date,
        event: $story.id,
        topic: $story.topic
      }'
