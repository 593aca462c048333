#!/bin/sh
# ui_marks.sh: marks set in the interface (Enter reads, s stars, u flips
# read) show at once and are in the state database as soon as the screen
# shows them: lede killed with SIGKILL right after loses none (the state
# database commits without a sync, not without a write: HACKING, "Marks").
TESTS_DIR=${LEDE_TESTS:-$(dirname "$0")}
. "$TESTS_DIR/lib.sh"
. "$TESTS_DIR/ui_lib.sh"

list() { "$LEDE_BIN" --db "$DB" list "$@" 2>/dev/null; }
ids() { list "$@" | cut -f1 | sort -n | tr '\n' ' '; }
unread() { list --unread | cut -f1 | grep -qx "$1"; }
isnt() { ! "$@"; }
# kill_lede: SIGKILL to lede (no handler runs, nothing is closed), then
# waits for the pane's shell to see it die (its status, 137, may wrap).
kill_lede() {
    kill -KILL "$(cat "$T/lede.pid")"
    wait_for "LEDE-EXIT=" >/dev/null
    check "lede was killed (SIGKILL)" sh -c \
        "tmux -S '$TMUX_SOCK' capture-pane -p -J | tr -d ' \n' | grep -q 'LEDE-EXIT=137'"
}

list >"$T/list"
id1=$(sed -n 1p "$T/list" | cut -f1)
id2=$(sed -n 2p "$T/list" | cut -f1)
id3=$(sed -n 3p "$T/list" | cut -f1)
check "nothing is read yet" test "$(list --unread | wc -l | tr -d ' ')" = "$TOTAL"

# Enter opens the first article and marks it read: the list's unread mark
# (N) goes from its row at once.
start 100 30
check "the first row is unread (N)" sh -c "grep '^>' '$T/screen' | grep -q '^> *N'"
keys Enter
wait_ready
check "Enter: the first row no longer says unread" \
    sh -c "grep '^>' '$T/screen' | grep -qv '^> *N'"
kill_lede
check "the read mark survived SIGKILL" isnt unread "$id1"
check "only that one is read" test "$(list --unread | wc -l | tr -d ' ')" = $((TOTAL - 1))

# s stars the second article, u marks the third read.
start 100 30
keys j s
expect_screen "s: starred (status line)" "starred"
keys j u
expect_screen "u: marked read (status line)" "marked read"
kill_lede
check "the star survived SIGKILL" test "$(ids --starred)" = "$id2 "
check "the u mark survived SIGKILL" isnt unread "$id3"

# And u on a read article marks it unread again, kept the same way.
start 100 30
keys u
expect_screen "u on a read article: marked unread" "marked unread"
kill_lede
check "the unread mark survived SIGKILL" unread "$id1"

finish
