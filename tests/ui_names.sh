#!/bin/sh
# ui_names.sh: a title with a right-to-left override and a file name with
# an escape sequence reach the interface neutralized (issue 10, items 3
# and 4): the list and the reader show the title in stored order and the
# file name escaped; no bidi control or zero-width character is drawn.
TESTS_DIR=${LEDE_TESTS:-$(dirname "$0")}
. "$TESTS_DIR/lib.sh"
. "$TESTS_DIR/ui_lib.sh"

mkdir -p "$T/in"
name="bidi-$(printf '\033]52;c;aGk=\007\342\200\256')txt.exe"
printf 'Hostile \342\200\256gpj.exe title\n\nBody says pay\342\200\215pal and is\342\200\213olate.\n' >"$T/in/$name"
"$LEDE_BIN" --db "$DB" ingest "$T/in" 2>"$T/ingest.err" ||
    { echo "# ingest failed: $(cat "$T/ingest.err")"; exit 1; }
# True when the screen holds none of the hostile characters.
screen_clean() {
    for b in '\342\200\256' '\342\200\215' '\342\200\213' '\033' '\007'; do
        LC_ALL=C grep -qa "$(printf "$b")" "$T/screen" && return 1
    done
    return 0
}

start 120 40
keys /
keys -l hostile
keys Enter
expect_screen "the search finds the hostile article" "1/$((TOTAL + 1))"
expect_screen "the list shows the title in stored order, the override gone" "Hostile gpj.exe title"
check "no bidi control or zero-width character on the list screen" screen_clean
keys Enter
expect_screen "the reader shows the file name escaped" 'bidi-\x1b]52;c;aGk=\x07\u202etxt.exe'
expect_screen "the reader shows the body without joiner or ZWSP" "Body says paypal and isolate."
check "no bidi control or zero-width character in the reader" screen_clean
keys q
finish
