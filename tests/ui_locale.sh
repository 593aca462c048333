#!/bin/sh
# ui_locale.sh: under a locale that is not UTF-8 (LANG=C, common over
# SSH) the interface still works, shows text transliterated to ASCII and
# says once how to get full text; no byte outside ASCII reaches the screen.
TESTS_DIR=${LEDE_TESTS:-$(dirname "$0")}
. "$TESTS_DIR/lib.sh"
. "$TESTS_DIR/ui_lib.sh"

command -v iconv >/dev/null 2>&1 || { echo "# iconv missing: skipping"; exit 77; }
"$LEDE_BIN" --db "$DB" list >"$T/list"
# The expected ASCII form of a title, as glibc transliterates it.
ascii() { printf '%s\n' "$1" | LC_ALL=C.UTF-8 iconv -f UTF-8 -t ASCII//TRANSLIT; }
vi_line=$(grep -n '	vi-' "$T/list" | head -n 1)
vi_row=${vi_line%%:*}
vi_title=$(printf '%s\n' "$vi_line" | cut -f3)
vi_id=$(printf '%s\n' "$vi_line" | cut -d: -f2 | cut -f1)

start 100 30 LANG=C LC_ALL=C
expect_screen "ASCII mode is announced in the status line" "ASCII mode: set LANG=C.UTF-8 for full text"
expect_screen "the list works: shown/total" "$TOTAL/$TOTAL"
expect_screen "a Vietnamese title is shown in ASCII" "$(prefix "$(ascii "$vi_title")" 16)"
check "no byte outside printable ASCII on screen" sh -c "! LC_ALL=C grep -q '[^ -~]' '$T/screen'"

i=1
while [ "$i" -lt "$vi_row" ]; do keys j; i=$((i + 1)); done
expect_screen "moved to the Vietnamese article" "$vi_row/$TOTAL"
keys Enter
body=$("$LEDE_BIN" --db "$DB" show "$vi_id" | sed -n '/^$/,$p' | grep -v '^$\|^Photo:\|^Credit:' | head -n 1)
words=$(ascii "$body" | cut -d' ' -f1-3)
expect_screen "the reader shows the body in ASCII" "$words"
keys G
wait_ready
check "the reader keeps to ASCII" sh -c "! LC_ALL=C grep -q '[^ -~]' '$T/screen'"
check "the notice is said once (gone after a key)" sh -c "! grep -qF 'ASCII mode' '$T/screen'"

keys /
keys -l "dam phan"
keys Enter
expect_screen "search works in ASCII mode" "$("$LEDE_BIN" --db "$DB" list --search 'dam phan' | wc -l | tr -d ' ')/$TOTAL"

keys q
expect_exit "q quits" 0
check "the terminal left the alternate screen" test "$(tm display -p '#{alternate_on}')" = 0

# NO_COLOR: no colour attributes, and the interface still marks things.
start 100 30 NO_COLOR=1
tm capture-pane -e -p >"$T/escapes"
check "NO_COLOR: no colour escapes on screen" sh -c "! grep -q '\[3[0-7]m\|\[38;' '$T/escapes'"
check "NO_COLOR: the focused pane is still marked" grep -q '^> Articles' "$T/screen"
keys q
expect_exit "q quits" 0

finish
