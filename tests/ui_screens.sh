#!/bin/sh
# ui_screens.sh: whole screens compared with golden files (tests/screens/),
# as tig's test suite does: the main states of the interface at 80x24 and
# 120x40 and under a non-UTF-8 locale. Each screen is taken when lede says
# it has handled every key and finished all its work, facets included
# (LEDE_READY_TITLE, see ui_lib.sh), never after a fixed wait. After a
# change that is meant to alter the screens, regenerate them with
#   make check TESTS=tests/ui_screens.sh LEDE_GOLDEN_UPDATE=1
# and read the diff before committing it.
TESTS_DIR=${LEDE_TESTS:-$(dirname "$0")}
. "$TESTS_DIR/lib.sh"
. "$TESTS_DIR/ui_lib.sh"

GOLDEN=$TESTS_DIR/screens

# compare NAME: the screen, trailing blanks cut, against NAME.txt.
compare() {
    if ! wait_ready; then
        not_ok "screen $1: lede never became ready"
        return
    fi
    sed 's/[[:space:]]*$//' "$T/screen" >"$T/now"
    if [ "${LEDE_GOLDEN_UPDATE:-}" = 1 ]; then
        cp "$T/now" "$GOLDEN/$1.txt"
        ok "screen $1 written"
    elif [ ! -f "$GOLDEN/$1.txt" ]; then
        not_ok "screen $1: no golden file tests/screens/$1.txt"
        dump_screen
    elif diff -u "$GOLDEN/$1.txt" "$T/now" >"$T/diff"; then
        ok "screen $1"
    else
        not_ok "screen $1 differs from tests/screens/$1.txt"
        sed 's/^/# /' "$T/diff" | head -80
    fi
}

# The main states at one size: the list, an article open, its related
# stories, the timeline and a period of it as the filter, the sidebar
# focused, an entity's card, the sidebar narrowed, an entity filter, a
# search, the help screen.
states() {
    size=$1
    start "${size%x*}" "${size#*x}"
    compare "$size-list"
    keys j Enter
    compare "$size-article"
    keys j j j Enter R
    compare "$size-related"
    keys Escape t
    wait_ready # the counts, before a key moves over them
    keys Left
    compare "$size-timeline"
    keys Enter
    compare "$size-timeline-filtered"
    keys x t Tab Tab
    compare "$size-sidebar"
    keys Down Right
    compare "$size-card"
    keys Escape Tab Tab
    keys -l "ha noi"
    compare "$size-narrowed"
    keys Enter
    compare "$size-filtered"
    keys Escape x /
    keys -l "climate"
    keys Enter
    compare "$size-search"
    keys ?
    compare "$size-help"
    keys q q
    expect_exit "q quits ($size)" 0
}

states 80x24
states 120x40

# The one-pane layout: the related stories alone, then back to the list.
start 40 12
keys j j j j Enter R
compare "40x12-related"
keys Escape
compare "40x12-list"
keys q
expect_exit "q quits (40x12)" 0

# Without UTF-8: transliterated, ASCII frames.
start 80 24 LANG=C LC_ALL=C
keys j Enter
compare "80x24-ascii-article"
keys q
expect_exit "q quits (ASCII)" 0

# A search's results by relevance (o), with and without UTF-8.
for locale in "" "LANG=C LC_ALL=C"; do
    # shellcheck disable=SC2086
    start 80 24 $locale
    keys /
    keys -l "viet nam"
    keys Enter o
    compare "80x24-${locale:+ascii-}relevance"
    keys q
    expect_exit "q quits (relevance${locale:+, ASCII})" 0
done
finish
