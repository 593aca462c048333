#!/bin/sh
# ui_signal.sh: SIGTERM, SIGHUP (SSH dropped) and SIGINT restore the
# terminal and leave the store intact; articles that another process
# ingests while the interface is open show up without a key press; read
# and starred marks persist to the next session.
TESTS_DIR=${LEDE_TESTS:-$(dirname "$0")}
. "$TESTS_DIR/lib.sh"
. "$TESTS_DIR/ui_lib.sh"

# after_signal NAME STATUS: the exit status and a restored terminal.
after_signal() {
    expect_screen "$1: lede exits with status $2" "LEDE-EXIT=$2"
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
expect_screen "q quits" "LEDE-EXIT=0"
start 100 30
check "the star is kept for the next session" grep -q '^>.\*' "$T/screen"

finish
