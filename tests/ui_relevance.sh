#!/bin/sh
# ui_relevance.sh: `o` orders a search's results by relevance (the
# articles with the words in their title first) or by date again; the
# status line says "by relevance"; the list starts again at the top.
# Without a search the list stays by date and a message says so; the
# order holds for the next search. A store changed by another process is
# ranked again, the cursor kept on its article. At 80x24, then under
# LANG=C.
TESTS_DIR=${LEDE_TESTS:-$(dirname "$0")}
. "$TESTS_DIR/lib.sh"
. "$TESTS_DIR/ui_lib.sh"

# rowN TEXT: passes when the list's Nth row is selected and shows TEXT.
rowsel() {
    sed -n "$(($1 + 1))p" "$T/screen" | grep -q "^>.*$2"
}
row1() { wait_ready >/dev/null; rowsel 1 "$1"; }
row3() { wait_ready >/dev/null; rowsel 3 "$1"; }
# (after wait_for: the screen as it was when the new article showed)
row4() { rowsel 4 "$1"; }

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
# Another process adds a better match: the list is ranked again, the new
# article first, and the cursor stays on the article it was on.
keys j j
check "the cursor on the third match" row3 "Quốc hội thông qua"
mkdir "$T/more"
printf 'Việt Nam và Việt Nam\n\n2023-01-01\n\nViệt Nam, Việt Nam.\n' >"$T/more/new.txt"
"$LEDE_BIN" --db "$DB" ingest "$T/more" 2>/dev/null
if wait_for "Việt Nam và Việt Nam"; then ok "a new match is ranked in"; else
    not_ok "a new match is ranked in"
    dump_screen
fi
check "the new match comes first" sh -c "sed -n 2p '$T/screen' | grep -q 'Việt Nam và Việt Nam'"
check "the cursor stays on its article" row4 "Quốc hội thông qua"
keys q
expect_exit "q quits" 0

# Without UTF-8: the same order, transliterated.
start 80 24 LANG=C LC_ALL=C
keys /
keys -l "viet nam"
keys Enter o
check "LANG=C: by relevance, the best match first" row1 "Viet Nam va Viet Nam"
expect_screen "LANG=C: the status line says so" "/viet nam by relevance"
keys q
expect_exit "q quits (LANG=C)" 0
finish
