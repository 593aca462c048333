#!/bin/sh
# cli_big.sh: a long article (8 MB, 60,000 paragraphs, 360,000 mentions) is
# ingested, shown whole with every mention, as text and as JSON, in time
# linear in its size (issue 10, item 1). Showing it once read the whole
# body again for every mention: 500 CPU-seconds, where a limit of 60
# leaves a sanitizer build room. Generated here, never committed.
. "${LEDE_TESTS:-$(dirname "$0")}/lib.sh"

paras=60000
mkdir -p "$T/in"
awk -v n="$paras" 'BEGIN {
	print "Talks on the river open in Geneva"; print ""
	for (i = 1; i <= n; i++) {
		printf "Maria Lopez met John Smith of the United Nations in Geneva on day %d, and Nguyen Van An said the talks with Peter Brown would go on.\n\n", i
	}
	print "The last paragraph ends here."
}' >"$T/in/long.txt"
check "the article is over 8 MB" test "$(wc -c <"$T/in/long.txt")" -gt 8000000

run --db "$DB" ingest "$T/in/long.txt"
expect_rc 0 "an 8 MB article is kept"

# Runs lede with at most 60 CPU-seconds (see above).
run_cpu() { (ulimit -t 60; "$LEDE_BIN" "$@" >"$T/out" 2>"$T/err"); rc=$?; }

run_cpu --db "$DB" show 1
expect_rc 0 "show of the 8 MB article"
check "the text ends with the last paragraph" has "$T/out" "The last paragraph ends here."
check "the text has every paragraph" test "$(grep -c "^Maria Lopez met John Smith" "$T/out")" = "$paras"
check "the text has the middle paragraph" has "$T/out" "in Geneva on day 30000, and"

# --all: nothing proves Maria Lopez and Peter Brown people (no cue), so
# their type is a guess, of low confidence, left out by default.
run_cpu --db "$DB" show 1 --format json --all
expect_rc 0 "show --format json of the 8 MB article"
# Number of mentions in the JSON with this text.
mentions() { grep -o "\"text\":\"$1\"" "$T/out" | wc -l | tr -d ' '; }
check "JSON: every Maria Lopez is a mention" test "$(mentions "Maria Lopez")" = "$paras"
check "JSON: every Peter Brown is a mention" test "$(mentions "Peter Brown")" = "$paras"
check "JSON: Geneva in the title and every paragraph" test "$(mentions Geneva)" = "$((paras + 1))"
check "JSON: the body is whole" has "$T/out" "The last paragraph ends here.\",\"paths\""

run_cpu --db "$DB" entities --article 1 --all
expect_rc 0 "entities of the 8 MB article"
check "the counts agree with the mentions" has "$T/out" "$(printf 'PER\tMaria Lopez\t1\t%s' "$paras")"
finish
