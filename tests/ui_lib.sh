# ui_lib.sh: shared setup of the interface tests: lede runs inside a
# private tmux server (its own socket in the test's temporary folder), keys
# are sent with send-keys and the screen is read with capture-pane, so the
# assertions are on what a person sees. Sourced after lib.sh.
command -v tmux >/dev/null 2>&1 || { echo "# tmux not installed: skipping"; exit 77; }

unset TMUX
SESSIONS=0
TMUX_SOCK=$T/tmux.0.sock
# Runs tmux on the test's own server.
tm() { tmux -S "$TMUX_SOCK" -f /dev/null "$@"; }
# Stops every server the test started (one socket per start), then cleans.
cleanup_ui() {
    for s in "$T"/tmux.*.sock; do
        [ -S "$s" ] && tmux -S "$s" kill-server 2>/dev/null
    done
    cleanup
}
trap cleanup_ui EXIT

# Builds the store the interface opens.
"$LEDE_BIN" --db "$DB" ingest "$LEDE_SAMPLES" 2>"$T/ingest.err" ||
    { echo "# ingest failed: $(cat "$T/ingest.err")"; exit 1; }
TOTAL=$("$LEDE_BIN" --db "$DB" list | wc -l | tr -d ' ')

# start COLS ROWS [VAR=value...]: runs lede in a new tmux session; after it
# exits the pane prints LEDE-EXIT=status and stays for the assertions.
start() {
    cols=$1 rows=$2
    shift 2
    # A fresh server on a new socket: a server being killed may still hold
    # the old one for a moment.
    tm kill-server 2>/dev/null
    SESSIONS=$((SESSIONS + 1))
    TMUX_SOCK=$T/tmux.$SESSIONS.sock
    # The runner keeps lede's pid (exec keeps it) for the signal tests.
    cat >"$T/run.sh" <<EOF
echo \$\$ >"$T/lede.pid"
exec env TERM=tmux-256color LEDE_DB="$DB" $* "$LEDE_BIN"
EOF
    tm new-session -d -x "$cols" -y "$rows" "sh '$T/run.sh'; echo LEDE-EXIT=\$?; sleep 300"
    tm set-option -g remain-on-exit on >/dev/null 2>&1
    wait_for "? help"
}

# Sends keys (tmux key names, or -l and literal text).
keys() { tm send-keys "$@"; }

# Captures the screen into $T/screen.
screen() { tm capture-pane -p >"$T/screen"; }

# wait_for TEXT [TENTHS]: polls the screen until TEXT shows (default 5 s).
wait_for() {
    i=0
    while [ "$i" -lt "${2:-50}" ]; do
        screen
        grep -qF -- "$1" "$T/screen" && return 0
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}

# wait_gone TEXT: polls until TEXT is no longer on screen.
wait_gone() {
    i=0
    while [ "$i" -lt 50 ]; do
        screen
        grep -qF -- "$1" "$T/screen" || return 0
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}

# settle: waits until two captures in a row are the same (the screen has
# taken in the last key).
settle() {
    i=0
    tm capture-pane -p >"$T/screen.prev"
    while [ "$i" -lt 30 ]; do
        sleep 0.1
        screen
        cmp -s "$T/screen" "$T/screen.prev" && return 0
        cp "$T/screen" "$T/screen.prev"
        i=$((i + 1))
    done
}

# expect_screen DESCRIPTION TEXT: passes when TEXT shows (waiting for it).
expect_screen() {
    if wait_for "$2"; then ok "$1"; else
        not_ok "$1: '$2' not on screen"
        sed 's/^/#   /' "$T/screen"
    fi
}

# status_line: the bottom row of the screen.
status_line() { screen; tail -n 1 "$T/screen"; }

# prefix TEXT N: the first N characters of TEXT (characters, not bytes).
prefix() { printf '%s\n' "$1" | sed "s/^\\(.\\{$2\\}\\).*/\\1/"; }
