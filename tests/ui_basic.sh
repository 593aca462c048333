#!/bin/sh
# ui_basic.sh: the interface in tmux on the samples: the list, moving the
# selection, an article wrapped at word boundaries, entity filters (the
# count and the co-occurring facets), a negated entity, narrowing the
# sidebar without diacritics, search, clearing, resizing, and quitting to
# a clean terminal.
TESTS_DIR=${LEDE_TESTS:-$(dirname "$0")}
. "$TESTS_DIR/lib.sh"
. "$TESTS_DIR/ui_lib.sh"

list() { "$LEDE_BIN" --db "$DB" list "$@" 2>/dev/null; }
count() { list "$@" | wc -l | tr -d ' '; }
# The sidebar's side of the screen (right of the last separator).
sidebar() { wait_ready; awk -F'│' 'NF > 1 { print $NF }' "$T/screen"; }

list >"$T/list"
title1=$(sed -n 1p "$T/list" | cut -f3)
title2=$(sed -n 2p "$T/list" | cut -f3)
id2=$(sed -n 2p "$T/list" | cut -f1)

start 100 30
expect_screen "the status line shows shown/total" "$TOTAL/$TOTAL"
expect_screen "the status line hints at help" "? help"
expect_screen "the first title is listed" "$(prefix "$title1" 14)"
expect_screen "the second title is listed" "$(prefix "$title2" 14)"
check "the cursor is on the first article" sh -c "grep '^>' '$T/screen' | grep -qF -- '$(prefix "$title1" 14)'"

keys j
expect_screen "j moves to the second row (list header)" "2/$TOTAL"
check "the cursor mark moved to the second article" \
    sh -c "grep '^>' '$T/screen' | grep -qF -- '$(prefix "$title2" 14)'"

# Enter opens the article; every line of the reader must be a piece of a
# paragraph that starts and ends at a word boundary.
keys Enter
"$LEDE_BIN" --db "$DB" show "$id2" >"$T/show"
src2=$(sed -n 2p "$T/list" | cut -f4)
expect_screen "Enter opens the article (its meta line)" "| $src2"
awk '/ Reader/ { on = 1; next } on' "$T/screen" | sed '$d' | awk -F'│' '{ print $1 }' >"$T/reader"
awk -v SHOW="$T/show" '
BEGIN { while ((getline l < SHOW) > 0) pars[++np] = l }
{
    line = $0; sub(/^ +/, "", line); sub(/ +$/, "", line)
    if (line == "" || index(line, " | ") > 0) next
    checked++; found = 0
    for (i = 1; i <= np && !found; i++) {
        p = index(pars[i], line)
        if (p == 0) continue
        nx = substr(pars[i], p + length(line), 1)
        pv = p > 1 ? substr(pars[i], p - 1, 1) : " "
        if ((nx == "" || nx == " ") && pv == " ") found = 1
        if (length(line) < length(pars[i])) partial++
    }
    if (!found) { print "# not a word-bounded piece: " line; bad++ }
}
END { if (bad || checked < 8 || partial < 3) { print "# checked " checked " partial " partial; exit 1 } }
' "$T/reader" >"$T/wrapcheck"
check "the reader wraps paragraphs at word boundaries" test $? = 0
cat "$T/wrapcheck"
check "the article is Vietnamese text with diacritics" grep -q 'ư\|ơ\|ă\|đ\|ệ\|ộ' "$T/reader"

# Entity filter through the prompt.
list_ent() { "$LEDE_BIN" --db "$DB" entities "$@" 2>/dev/null; }
e1=$(list_ent | head -n 1 | cut -f2)
c1=$(count --entity "$e1")
keys e
expect_screen "e opens the entity prompt" "Entity:"
keys -l "$e1"
keys Enter
expect_screen "an entity filter narrows the list ($e1: $c1)" "$c1/$TOTAL"
expect_screen "the status line names the entity" "+$e1"
list_ent --with "$e1" | cut -f2 >"$T/with"
list_ent | cut -f2 >"$T/all"
co=$(grep -vxF -- "$e1" "$T/with" | head -n 1)
notco=$(grep -vxF -f "$T/with" "$T/all" | head -n 1)
sidebar >"$T/side"
check "the sidebar shows a co-occurring entity ($co)" grep -qF -- "$co" "$T/side"
if [ -n "$notco" ]; then
    check "the sidebar hides an entity that does not co-occur ($notco)" sh -c "! grep -qF -- '$notco' '$T/side'"
fi

# A negated entity: one that co-occurs in some but not all of them.
e2=
while IFS= read -r name; do
    [ "$name" = "$e1" ] && continue
    c=$(count --entity "$e1" --not-entity "$name")
    if [ "$c" -gt 0 ] && [ "$c" -lt "$c1" ]; then e2=$name c2=$c; break; fi
done <"$T/with"
keys e
keys -l "!$e2"
keys Enter
expect_screen "a negated entity narrows further ($e2: $c2)" "$c2/$TOTAL"
expect_screen "the status line shows the exclusion" "-$e2"

keys x
expect_screen "x clears the filters" "all articles"
expect_screen "x shows every article again" "$TOTAL/$TOTAL"

# Narrowing the sidebar by typing without diacritics, then applying.
keys Tab
keys Tab
keys -l "hoa ky"
expect_screen "typing in the sidebar narrows it" "Find: hoa ky"
sidebar >"$T/side"
check "the narrowing finds Hoa Kỳ without diacritics" grep -qF "Hoa Kỳ" "$T/side"
check "the narrowing hides other entities" sh -c "! grep -qF -- 'Ukraine' '$T/side'"
keys Enter
expect_screen "Enter applies the sidebar entity" "+Hoa Kỳ"
expect_screen "the count follows the sidebar entity" "$(count --entity 'Hoa Kỳ')/$TOTAL"
# ! on the active filter at the top flips it to excluded and back
keys Up
keys '!'
expect_screen "! on an active filter excludes it" "-Hoa Kỳ"
expect_screen "the count is of the articles without it" "$(count --not-entity 'Hoa Kỳ')/$TOTAL"
keys '!'
expect_screen "! again wants it again" "+Hoa Kỳ"
expect_screen "the count is back" "$(count --entity 'Hoa Kỳ')/$TOTAL"
keys Escape
keys x
expect_screen "filters cleared again" "$TOTAL/$TOTAL"
# the flips moved the list's cursor: back to the second row
keys Home
keys j
expect_screen "back on the second row" "2/$TOTAL"

# Search without diacritics.
cs=$(count --search "dam phan")
check "the samples have articles with đàm phán" test "$cs" -gt 0
keys /
expect_screen "/ opens the search prompt" "Search:"
keys -l "dam phan"
keys Enter
expect_screen "a search without diacritics narrows the list ($cs)" "$cs/$TOTAL"
expect_screen "the status line shows the search" "/dam phan"
keys x
expect_screen "x clears the search" "$TOTAL/$TOTAL"

# Resizing keeps the selection and reflows.
keys j
expect_screen "selection on the third row" "3/$TOTAL"
resize 60 20
expect_no_screen "at 60x20 one pane is shown" "Entities"
expect_screen "at 60x20 the list keeps the selection" "3/$TOTAL"
resize 19 5
expect_screen "below 20x6 a notice replaces the panes" "too small"
resize 100 30
expect_screen "back at 100x30 the sidebar returns" "Entities"
expect_screen "back at 100x30 the selection is kept" "3/$TOTAL"

keys ?
expect_screen "? shows the help screen" "lede - keys"
expect_screen "the help lists the quit key" "quit"
keys q
expect_screen "the help closes" "? help"

keys q
expect_exit "q quits" 0
check "the terminal left the alternate screen" test "$(tm display -p '#{alternate_on}')" = 0
check "the cursor is visible again" test "$(tm display -p '#{cursor_flag}')" = 1

finish
