#!/bin/sh
# ui_card.sh: the entity card as a person uses it: opened from the sidebar
# (Right) and from a mention the reader stopped at (n, then i); a rename,
# a hide and a merge made from it are the user's edits (`lede entity
# edits` lists them, `lede entities` shows them), and u undoes them one by
# one, last first; Esc closes the card.
TESTS_DIR=${LEDE_TESTS:-$(dirname "$0")}
. "$TESTS_DIR/lib.sh"
. "$TESTS_DIR/ui_lib.sh"

edits() { "$LEDE_BIN" --db "$DB" entity edits | wc -l | tr -d ' '; }
top=$("$LEDE_BIN" --db "$DB" entities | head -1 | cut -f2)
top_type=$("$LEDE_BIN" --db "$DB" entities | head -1 | cut -f1)
second=$("$LEDE_BIN" --db "$DB" entities | sed -n 2p | cut -f2)

start 120 40
keys Tab Tab Right
expect_screen "Right in the sidebar opens the top entity's card" "$top_type $top"
expect_screen "the card says how many articles" "articles,"
keys r
keys -l "Tên Mới"
keys Enter
expect_screen "the card shows the new name" "$top_type Tên Mới"
check "the rename is the user's edit" test "$(edits)" = 1
check "the CLI sees the new name" sh -c "'$LEDE_BIN' --db '$DB' entities | grep -q 'Tên Mới'"
keys h
expect_screen "h hides it (the card says so)" "(hidden)"
check "two edits now" test "$(edits)" = 2
keys u
expect_no_screen "u undoes the hide" "(hidden)"
keys u
expect_screen "u again undoes the rename" "$top_type $top"
check "no edit is left" test "$(edits)" = 0
keys u
expect_screen "nothing more to undo" "nothing to undo"

keys m
keys -l "$second"
keys Enter
wait_ready
check "the merge is the user's edit" sh -c "'$LEDE_BIN' --db '$DB' entity edits | grep -q '^merge'"
keys u
expect_screen "the merge is undone" "undone"
check "no edit after undoing the merge" test "$(edits)" = 0

keys Escape
expect_no_screen "Esc closes the card" "r rename"

# From the reader: open an article, stop at its first mention, i.
keys Enter n i
expect_screen "i opens the card of the mention n stopped at" "r rename  m merge"
keys Escape
expect_no_screen "Esc closes it" "r rename  m merge"
keys q
expect_exit "q quits" 0
finish
