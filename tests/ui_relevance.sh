#!/bin/sh
# ui_relevance.sh: `o` orders a search's results by relevance (the
# articles with the words in their title first) or by date again; the
# status line says "by relevance"; the list starts again at the top.
# Without a search the list stays by date and a message says so; the
# order holds for the next search. At 80x24, then under LANG=C.
TESTS_DIR=${LEDE_TESTS:-$(dirname "$0")}
. "$TESTS_DIR/lib.sh"
. "$TESTS_DIR/ui_lib.sh"

# row1 TEXT: passes when the list's first row is selected and shows TEXT.
row1() {
    wait_ready >/dev/null
    sed -n 2p "$T/screen" | grep -q "^>.*$1"
}

# status_has TEXT: passes when the status line shows TEXT.
status_has() { status_line | grep -qF -- "$1"; }

start 80 24
keys /
keys -l "viet nam"
keys Enter
expect_screen "the search is in the status line" "/viet nam"
check "by date: the newest match first (Việt Nam in its body)" row1 "Nhật Bản và Hoa Kỳ"
keys j j
keys o
check "o: by relevance, the status line says so" status_has "/viet nam by relevance"
check "o: a title with Việt Nam first, the cursor back at the top" row1 "Tuyển Việt Nam thắng"
keys j
keys o
check "o again: by date, from the top" row1 "Nhật Bản và Hoa Kỳ"
expect_no_screen "o again: no 'by relevance'" "by relevance"
keys x o
expect_screen "o without a search: a message says the order waits for one" \
    "by relevance once you search"
keys /
keys -l "viet nam"
keys Enter
check "the next search is by relevance" row1 "Tuyển Việt Nam thắng"
expect_screen "and the status line says so" "/viet nam by relevance"
keys q
expect_exit "q quits" 0

# Without UTF-8: the same order, transliterated.
start 80 24 LANG=C LC_ALL=C
keys /
keys -l "viet nam"
keys Enter o
check "LANG=C: by relevance, the title first" row1 "Tuyen Viet Nam thang"
expect_screen "LANG=C: the status line says so" "/viet nam by relevance"
keys q
expect_exit "q quits (LANG=C)" 0
finish
