#!/bin/sh
# The brief the engine writes for the seed reports (../shared/seeds): the
# five files briefed as one story (`crosscheck brief FILE...`). The
# README's "Brief of the seeds" block is this script's output, pasted
# between its markers; tests/cli/test_seeds.sh checks that they agree.
#
# Usage: sh scripts/seeds-brief.sh [CROSSCHECK] [SHARED]
set -eu
BIN=${1:-build/release/crosscheck}
SHARED=${2:-../shared}
echo '$ crosscheck brief ../shared/seeds/*.txt'
"$BIN" brief "$SHARED"/seeds/*.txt
