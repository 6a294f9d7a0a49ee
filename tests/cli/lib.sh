# Shared helpers for the CLI tests. Each test is a POSIX shell script run as
#   CROSSCHECK=/path/to/crosscheck SHARED=/path/to/shared sh tests/cli/test_x.sh
# from the repository root.
set -u
: "${CROSSCHECK:?set CROSSCHECK to the crosscheck binary}"
: "${SHARED:=../shared}"
EXAMPLES=${EXAMPLES:-$(pwd)/examples}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/crosscheck-cli.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/test.db"
TESTS=0

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

xc() { "$CROSSCHECK" --db "$DB" "$@"; }

# expect_status N command...: run, and check the exit status.
expect_status() {
    want=$1
    shift
    set +e
    "$@" >"$WORK/out" 2>"$WORK/err"
    got=$?
    set -e
    [ "$got" = "$want" ] || fail "$* exited $got, expected $want; stderr: $(head -c 600 "$WORK/err")"
    TESTS=$((TESTS + 1))
}

expect_eq() {
    [ "$1" = "$2" ] || fail "${3:-value}: got '$1', expected '$2'"
    TESTS=$((TESTS + 1))
}

expect_contains() { # FILE TEXT
    grep -qF -- "$2" "$1" || fail "$1 does not contain '$2'; it has: $(head -c 800 "$1")"
    TESTS=$((TESTS + 1))
}

expect_not_contains() {
    if grep -qF -- "$2" "$1"; then fail "$1 should not contain '$2'"; fi
    TESTS=$((TESTS + 1))
}

done_testing() {
    echo "ok: $TESTS checks in $(basename "$0")"
}
