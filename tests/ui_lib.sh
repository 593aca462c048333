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
# lede runs with LEDE_READY_TITLE=1: whenever it has handled every key and
# finished its work it sets the pane title to "lede ready KEYS COLSxROWS",
# which wait_ready waits for (see ui/ready.c).
start() {
    cols=$1 rows=$2
    shift 2
    # A fresh server on a new socket: a server being killed may still hold
    # the old one for a moment.
    tm kill-server 2>/dev/null
    SESSIONS=$((SESSIONS + 1))
    TMUX_SOCK=$T/tmux.$SESSIONS.sock
    KEYS_SENT=0
    SCREEN_COLS=$cols SCREEN_ROWS=$rows
    # The runner keeps lede's pid (exec keeps it) for the signal tests.
    cat >"$T/run.sh" <<EOF
echo \$\$ >"$T/lede.pid"
exec env TERM=tmux-256color LEDE_READY_TITLE=1 LEDE_DB="$DB" $* "$LEDE_BIN"
EOF
    tm new-session -d -x "$cols" -y "$rows" "sh '$T/run.sh'; echo LEDE-EXIT=\$?; sleep 300"
    tm set-option -g remain-on-exit on >/dev/null 2>&1
    wait_ready
}

# keys KEY... | keys -l TEXT: sends keys to lede (tmux key names, one key
# each, or literal text, one key per character) and counts them for
# wait_ready. Keys meant for another program go through shell_keys.
keys() {
    if [ "$1" = -l ]; then
        shift
        KEYS_SENT=$((KEYS_SENT + $(printf '%s' "$*" | wc -m)))
        tm send-keys -l "$@"
    else
        KEYS_SENT=$((KEYS_SENT + $#))
        tm send-keys "$@"
    fi
}
# shell_keys ARGS: send-keys to whatever runs in the pane, uncounted.
shell_keys() { tm send-keys "$@"; }

# resize COLS ROWS: resizes the terminal (wait_ready then waits for the
# new size).
resize() {
    SCREEN_COLS=$1 SCREEN_ROWS=$2
    tm resize-window -x "$1" -y "$2"
}

# Captures the screen into $T/screen.
screen() { tm capture-pane -p >"$T/screen"; }
# Prints the last captured screen as TAP comments, blank rows left out so
# that the end of a log (all CI shows of it) holds the screen's text.
dump_screen() { sed -e 's/[[:space:]]*$//' -e '/^$/d' -e 's/^/#   /' "$T/screen"; }

# wait_ready [TENTHS]: waits until lede has handled every key sent and
# finished its work at the current size (its title says so), or has
# exited; 1 on time-out (default 30 s: a loaded machine is slow, while a
# ready lede answers at once). The screen is then in $T/screen.
wait_ready() {
    want="lede ready $KEYS_SENT ${SCREEN_COLS}x$SCREEN_ROWS"
    i=0
    while [ "$i" -lt "${1:-300}" ]; do
        if [ "$(tm display -p '#{pane_title}')" = "$want" ]; then
            screen
            return 0
        fi
        screen
        grep -q '^LEDE-EXIT=' "$T/screen" && return 0
        sleep 0.1
        i=$((i + 1))
    done
    echo "# not ready: title '$(tm display -p '#{pane_title}')', wanted '$want'"
    return 1
}

# wait_for TEXT [TENTHS]: polls the screen until TEXT shows (default 30 s),
# for what comes without a key (another process's ingest, an exit).
wait_for() {
    i=0
    while [ "$i" -lt "${2:-300}" ]; do
        screen
        grep -qF -- "$1" "$T/screen" && return 0
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}

# expect_screen DESCRIPTION TEXT: waits until lede is ready, then passes
# when TEXT is on the screen.
expect_screen() {
    wait_ready
    if grep -qF -- "$2" "$T/screen"; then ok "$1"; else
        not_ok "$1: '$2' not on screen"
        dump_screen
    fi
}

# expect_no_screen DESCRIPTION TEXT: waits until lede is ready, then passes
# when TEXT is not on the screen.
expect_no_screen() {
    wait_ready
    if grep -qF -- "$2" "$T/screen"; then
        not_ok "$1: '$2' is on screen"
        dump_screen
    else ok "$1"; fi
}

# expect_exit DESCRIPTION STATUS: waits for lede to exit, then passes
# when its exit status was STATUS.
expect_exit() {
    wait_for "LEDE-EXIT="
    if grep -q "^LEDE-EXIT=$2\$" "$T/screen"; then ok "$1 (status $2)"; else
        not_ok "$1: wanted LEDE-EXIT=$2"
        dump_screen
    fi
}

# status_line: the bottom row of the screen, once lede is ready.
status_line() { wait_ready >/dev/null; tail -n 1 "$T/screen"; }

# prefix TEXT N: the first N characters of TEXT (characters, not bytes).
prefix() { printf '%s\n' "$1" | sed "s/^\\(.\\{$2\\}\\).*/\\1/"; }
