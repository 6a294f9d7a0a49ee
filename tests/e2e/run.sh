# End-to-end browser tests of `crosscheck serve` and its web page: a real server on a fresh store
# made from examples/ (temporary folder, a free port, a random write token), the page driven in
# Debian's Chromium (headless) by playwright-core, the server stopped with SIGTERM at the end.
#
#   CROSSCHECK=/path/to/crosscheck sh tests/e2e/run.sh [SHOTS_DIR]
#
# from the repository root; `make e2e` does it (after `npm ci` in tests/e2e). Screenshots go to
# SHOTS_DIR (default build/e2e). CHROMIUM overrides the browser (default /usr/bin/chromium).
set -eu
: "${CROSSCHECK:?set CROSSCHECK to the crosscheck binary}"
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SHOTS=${1:-build/e2e}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

fail() {
    echo "e2e: $*" >&2
    exit 1
}
[ -x "$CHROMIUM" ] || fail "no Chromium at $CHROMIUM (make deps installs Debian's chromium)"
command -v node >/dev/null 2>&1 || fail "no node (make deps installs nodejs)"
[ -f "$HERE/node_modules/playwright-core/package.json" ] ||
    fail "playwright-core is not installed: (cd tests/e2e && npm ci), or make e2e"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/crosscheck-e2e.XXXXXX")
SERVER=""
# SIGTERM, then at most 10 s for the server to finish (SIGKILL after that, and a failure).
# It has finished when /proc shows it gone or a zombie (kill -0 still succeeds on a zombie).
running() {
    state=$(sed -n 's/^[0-9]* (.*) \([A-Za-z]\) .*/\1/p' "/proc/$1/stat" 2>/dev/null || true)
    [ -n "$state" ] && [ "$state" != Z ]
}
stop_server() {
    [ -n "$SERVER" ] || return 0
    pid=$SERVER
    SERVER=""
    kill -TERM "$pid" 2>/dev/null || true
    tries=0
    while running "$pid" && [ "$tries" -lt 100 ]; do
        sleep 0.1
        tries=$((tries + 1))
    done
    if running "$pid"; then
        echo "e2e: crosscheck serve did not stop within 10 s of SIGTERM; killing it" >&2
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        return 1
    fi
    status=0
    wait "$pid" || status=$?
    return "$status"
}
cleanup() {
    stop_server || true
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$CROSSCHECK" --db "$WORK/e2e.db" ingest --quiet "$ROOT/examples" || fail "ingest of examples/ failed"

TOKEN="e2e-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
: >"$WORK/serve.out"
CROSSCHECK_TOKEN=$TOKEN "$CROSSCHECK" --db "$WORK/e2e.db" serve --listen 127.0.0.1:0 \
    >"$WORK/serve.out" 2>"$WORK/serve.err" &
SERVER=$!

# The server prints its address once it listens.
url=""
tries=0
while [ -z "$url" ]; do
    url=$(sed -n 's|^crosscheck: serving .* on \(http://127\.0\.0\.1:[0-9]*\)/.*|\1|p' "$WORK/serve.out" || true)
    [ -n "$url" ] && break
    kill -0 "$SERVER" 2>/dev/null || fail "crosscheck serve exited: $(cat "$WORK/serve.err")"
    tries=$((tries + 1))
    [ "$tries" -lt 100 ] || fail "crosscheck serve printed no address in 10 s"
    sleep 0.1
done
echo "e2e: crosscheck serve on $url; screenshots in $SHOTS"

mkdir -p "$SHOTS"
set +e
E2E_BASE=$url E2E_TOKEN=$TOKEN E2E_SHOTS=$SHOTS CHROMIUM=$CHROMIUM node "$HERE/test_page.mjs"
result=$?
set -e

# SIGTERM stops it cleanly (exit 0), with nothing on stderr but its goodbye line.
stop_server || fail "crosscheck serve did not stop cleanly on SIGTERM (status $?): $(cat "$WORK/serve.err")"
if grep -v '^crosscheck: stopping (terminate)$' "$WORK/serve.err" | grep -q .; then
    echo "e2e: crosscheck serve wrote to stderr:" >&2
    cat "$WORK/serve.err" >&2
    result=1
fi
exit "$result"
