#!/bin/sh
# ui_signal.sh: SIGTERM, SIGHUP (SSH dropped) and SIGINT restore the
# terminal and leave the store intact; Ctrl-Z suspends to the shell and
# fg brings the interface back; articles that another process
# ingests while the interface is open show up without a key press; read
# and starred marks persist to the next session.
TESTS_DIR=${LEDE_TESTS:-$(dirname "$0")}
. "$TESTS_DIR/lib.sh"
. "$TESTS_DIR/ui_lib.sh"

# after_signal NAME STATUS: the exit status and a restored terminal.
after_signal() {
    expect_exit "$1: lede exits" "$2"
    check "$1: the terminal left the alternate screen" test "$(tm display -p '#{alternate_on}')" = 0
    check "$1: the cursor is visible again" test "$(tm display -p '#{cursor_flag}')" = 1
    run --db "$DB" list
    check "$1: the store is intact afterwards" test "$rc" = 0 -a "$(lines "$T/out")" = "$TOTAL"
}

start 100 30
kill -TERM "$(cat "$T/lede.pid")"
after_signal SIGTERM 143

start 100 30
kill -HUP "$(cat "$T/lede.pid")"
after_signal SIGHUP 129

start 100 30
keys C-c
after_signal "Ctrl-C (SIGINT)" 130

# Another process ingests while the interface is open.
start 100 30
expect_screen "the interface shows every article" "$TOTAL/$TOTAL"
mkdir -p "$T/more"
first=$(ls "$LEDE_SAMPLES" | grep '^vi-' | head -n 1)
{ cat "$LEDE_SAMPLES/$first"; printf '\nMột đoạn văn mới để nội dung khác đi.\n'; } >"$T/more/new.txt"
"$LEDE_BIN" --db "$DB" ingest "$T/more" 2>/dev/null
new=$((TOTAL + 1))
if wait_for "$new/$new" 25; then
    ok "a new article appears without a key press"
else
    not_ok "a new article appears without a key press: $(tail -n 1 "$T/screen")"
fi

# Marks persist: star the selected article, quit, look again.
keys s
expect_screen "s stars the article (message)" "starred"
keys q
expect_exit "q quits" 0
start 100 30
check "the star is kept for the next session" grep -q '^>.\*' "$T/screen"

# Ctrl-Z from an interactive shell (job control needs one): the shell
# comes back on the normal screen; fg redraws the interface, which
# answers keys and quits with status 0.
if command -v bash >/dev/null 2>&1; then
    tm kill-server 2>/dev/null
    SESSIONS=$((SESSIONS + 1))
    TMUX_SOCK=$T/tmux.$SESSIONS.sock
    KEYS_SENT=0 SCREEN_COLS=100 SCREEN_ROWS=30
    tm new-session -d -x 100 -y 30 \
        "env PS1='SHELL \\#:\$?> ' TERM=tmux-256color LEDE_READY_TITLE=1 LEDE_DB='$DB' bash --norc --noprofile -i"
    wait_for "SHELL 1:0>"
    shell_keys -l "'$LEDE_BIN'"
    shell_keys Enter
    expect_screen "lede runs from an interactive shell" "? help"
    # Ctrl-Z is no key for lede: the terminal stops it (SIGTSTP).
    shell_keys C-z
    if wait_for "Stopped"; then ok "Ctrl-Z stops lede and the shell takes over"; else
        not_ok "Ctrl-Z stops lede and the shell takes over"
        dump_screen
    fi
    check "Ctrl-Z: the terminal left the alternate screen" test "$(tm display -p '#{alternate_on}')" = 0
    check "Ctrl-Z: the cursor is visible" test "$(tm display -p '#{cursor_flag}')" = 1
    shell_keys -l fg
    shell_keys Enter
    if wait_for "? help"; then ok "fg brings the interface back"; else
        not_ok "fg brings the interface back"
        dump_screen
    fi
    check "fg: the interface is on the alternate screen again" \
        test "$(tm display -p '#{alternate_on}')" = 1
    keys j
    wait_ready
    check "fg: keys work again (j moves to the second article)" \
        test "$(sed -n 3p "$T/screen" | cut -c1)" = ">"
    # The prompt numbers commands and shows the last status: the third
    # prompt comes when lede (started by command 1, resumed by command 2)
    # exits. Nothing is typed for the shell meanwhile: text typed while
    # lede still owns the terminal may be flushed when it restores it.
    keys q
    wait_for "SHELL 3:"
    if grep -qF "SHELL 3:0>" "$T/screen"; then ok "q after fg quits (status 0)"; else
        not_ok "q after fg quits (status 0)"
        dump_screen
    fi
else
    echo "# bash not installed: Ctrl-Z not tested"
fi

finish
