#!/bin/sh
# ui_big.sh: a long article (8 MB, 360,000 mentions) opens in the reader
# without holding up keys or signals (issue 10, item 1): the end is
# reached with G (the reader focused) while it loads, and SIGHUP (a dropped SSH session) ends
# lede at once. Opening it once took minutes, in which neither a key nor
# SIGHUP was answered; the waits here allow 30 s for slow builds. The
# article is made here, never committed.
TESTS_DIR=${LEDE_TESTS:-$(dirname "$0")}
. "$TESTS_DIR/lib.sh"
. "$TESTS_DIR/ui_lib.sh"

paras=60000
mkdir -p "$T/in"
# Dated after every sample, so that it is first in the list.
awk -v n="$paras" 'BEGIN {
	print "Talks on the river open in Geneva"; print ""; print "30/12/2099"; print ""
	for (i = 1; i <= n; i++)
		printf "Maria Lopez met John Smith of the United Nations in Geneva on day %d, and Nguyen Van An said the talks with Peter Brown would go on.\n\n", i
}' >"$T/in/long.txt"
"$LEDE_BIN" --db "$DB" ingest "$T/in/long.txt" 2>/dev/null
TOTAL=$((TOTAL + 1))

start 120 40
expect_screen "the long article is listed" "Talks on the river open in Geneva"
keys Enter
keys Tab G
if wait_for "on day $paras, and" 300; then ok "G reaches the end of the long article"; else
	not_ok "G reaches the end of the long article: 'on day $paras' not on screen"
	dump_screen
fi
expect_screen "the reader says where it is once loaded" "100%"

start 120 40
keys Enter
keys Tab G
kill -HUP "$(cat "$T/lede.pid")"
if wait_for "LEDE-EXIT=129" 300; then ok "SIGHUP ends lede while the long article loads"; else
	not_ok "SIGHUP ends lede while the long article loads"
	dump_screen
fi
check "the terminal left the alternate screen" test "$(tm display -p '#{alternate_on}')" = 0
finish
