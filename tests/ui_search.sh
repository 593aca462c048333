#!/bin/sh
# ui_search.sh: with a search active, the reader highlights the words the
# search found and n/N move between them (an article of our own, the
# word deep in its body): n brings the word on screen, underlined; with no
# search, n moves between mentions as before.
TESTS_DIR=${LEDE_TESTS:-$(dirname "$0")}
. "$TESTS_DIR/lib.sh"
. "$TESTS_DIR/ui_lib.sh"

DB=$T/search.db
mkdir "$T/c"
{
    printf 'Bản tin dài\n\n'
    i=0
    while [ $i -lt 60 ]; do
        printf 'Đoạn %d nói về thời tiết và giao thông trong ngày.\n\n' $i
        i=$((i + 1))
    done
    printf 'Cuối bài nhắc tới loài cá ngựa vằn quý hiếm.\n'
} >"$T/c/long.txt"
"$LEDE_BIN" --db "$DB" ingest "$T/c" 2>/dev/null

# The attributes of the word on the screen: 1 when it is underlined.
underlined() {
    tm capture-pane -p -e | python3 -c '
import re, sys
for line in sys.stdin:
    attrs = set()
    for m in re.finditer(r"\x1b\[([0-9;]*)m|([^\x1b]+)", line):
        if m.group(1) is not None:
            ps = m.group(1).split(";") if m.group(1) else ["0"]
            if "0" in ps or ps == [""]:
                attrs = set()
            attrs |= {p for p in ps if p and p != "0"}
        elif "vằn" in m.group(2):
            sys.exit(0 if "4" in attrs else 1)
sys.exit(2)'
}

start 100 30
keys /
keys -l "van"
keys Enter Enter
expect_screen "the search finds the article" "Bản tin dài"
expect_no_screen "the word is deep in the body, not on screen" "ngựa vằn"
keys n
expect_screen "n brings the word the search found on screen" "ngựa vằn"
check "the word is highlighted (underlined)" underlined
keys n
expect_screen "n past the last says so" "no further mention"
keys x
expect_no_screen "x clears the search" "/van"
keys Escape q
expect_exit "q quits" 0
finish
