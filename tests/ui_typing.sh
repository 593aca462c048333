#!/bin/sh
# ui_typing.sh: the interface leaves entities of low confidence (a type
# nothing in the corpus proves) out of the sidebar; the a key shows them,
# the status line says so, and a again hides them.
TESTS_DIR=${LEDE_TESTS:-$(dirname "$0")}
. "$TESTS_DIR/lib.sh"
. "$TESTS_DIR/ui_lib.sh"

# A store of two articles of our own: one names a place the gazetteer
# knows, the other a name of two words with no cue, typed by a guess.
DB=$T/typing.db
mkdir "$T/typing"
printf 'Tin Hà Nội\n\nHôm nay Hà Nội mưa to suốt buổi sáng.\n' >"$T/typing/a.txt"
printf 'Tin ngắn\n\nSáng nay, Phúc Khang có mặt tại sân bay. Phúc Khang chào mọi người rồi đi.\n' \
    >"$T/typing/b.txt"
"$LEDE_BIN" --db "$DB" ingest "$T/typing" 2>"$T/ingest.err" ||
    { echo "# ingest failed: $(cat "$T/ingest.err")"; exit 1; }
if ! "$LEDE_BIN" --db "$DB" entities --all | grep -qF "Phúc Khang"; then
    echo "# the extractor gives no entity 'Phúc Khang': nothing to show"
    exit 77
fi
# The sidebar's side of the screen (right of the last separator).
sidebar() { wait_ready; awk -F'│' 'NF > 1 { print $NF }' "$T/screen"; }

start 100 30
expect_screen "the sidebar lists the place" "Hà Nội"
expect_no_screen "a name typed only by a guess is left out" "Phúc Khang"
expect_no_screen "the status line says nothing of all entities" "[all entities]"
keys a
expect_screen "a says entities of low confidence are shown" "low confidence too"
sidebar >"$T/side"
check "a shows the guessed name in the sidebar" grep -qF "Phúc Khang" "$T/side"
keys j
expect_screen "the status line says all entities are shown" "[all entities]"
keys a
expect_screen "a again says they are hidden" "hiding entities of low confidence"
expect_no_screen "a again hides the guessed name" "Phúc Khang"
keys q
expect_exit "q quits" 0
finish
