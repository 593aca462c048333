# lib.sh: shared setup of lede's shell tests. Each test gets its own
# temporary HOME and XDG folders, so it never touches the user's store.
set -u
: "${LEDE_BIN:?LEDE_BIN must name the built lede}"
: "${LEDE_SAMPLES:?LEDE_SAMPLES must name the samples folder}"

T=$(mktemp -d "${TMPDIR:-/tmp}/lede-test.XXXXXX")
cleanup() { chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT
export HOME=$T/home XDG_DATA_HOME=$T/home/.local/share
export XDG_STATE_HOME=$T/home/.local/state XDG_CONFIG_HOME=$T/home/.config
unset LEDE_DB NO_COLOR
export LC_ALL=C.UTF-8
mkdir -p "$HOME"
DB=$T/store.db

fails=0
n=0
# Reports one assertion in TAP style.
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; fails=$((fails + 1)); }
# check DESCRIPTION COMMAND...: passes when the command succeeds.
check() { local d=$1; shift; if "$@"; then ok "$d"; else not_ok "$d"; fi; }
# Runs lede, keeping stdout, stderr and the exit status in $T/out, $T/err, $rc.
run() { "$LEDE_BIN" "$@" >"$T/out" 2>"$T/err"; rc=$?; }
# Asserts the last exit status.
expect_rc() { if [ "$rc" = "$1" ]; then ok "$2 (exit $1)"; else not_ok "$2: exit $rc, wanted $1; stderr: $(head -c 400 "$T/err")"; fi; }
# Asserts that a file contains a fixed string.
has() { grep -qF -- "$2" "$1"; }
hasnt() { ! grep -qF -- "$2" "$1"; }
# Number of lines of a file.
lines() { wc -l <"$1" | tr -d ' '; }
# Runs a command as an unprivileged user when we are root, so that file
# permissions mean something (CI runs as root).
as_user() {
    if [ "$(id -u)" = 0 ]; then
        command -v setpriv >/dev/null || return 77
        setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"
    else
        "$@"
    fi
}
# True when permission tests can run: not root, or root with setpriv and
# a built lede (and its data) that the unprivileged user may run and read.
user_can_run() {
    [ "$(id -u)" != 0 ] && return 0
    command -v setpriv >/dev/null || return 1
    setpriv --reuid=65534 --regid=65534 --clear-groups -- sh -c \
        'test -x "$1" && test -r "$2" && test -r "${3:-$2}"' sh "$LEDE_BIN" "$LEDE_SAMPLES" "${LEDE_DATADIR:-}" \
        2>/dev/null
}
finish() { echo "1..$n"; [ "$fails" = 0 ]; exit $?; }
