#!/bin/sh
# cli_bigmem.sh: the memory of an ingest is bounded by a small multiple of
# the file, whatever its shape (issue 10, item 5). 12 MB of one-letter
# lines (six million words, each a name candidate) once took 1.6 GB; it
# must now ingest within 400 MB of address space (about 110 MB resident
# and the threads' reserves). Skipped where a limit on address space
# cannot be used (sanitizer builds reserve terabytes). The file is made
# here, never committed.
. "${LEDE_TESTS:-$(dirname "$0")}/lib.sh"

limit_kb=$((400 * 1024))
# Runs lede with at most limit_kb of address space.
run_limited() { (ulimit -v "$limit_kb" && exec "$LEDE_BIN" "$@") >"$T/out" 2>"$T/err"; rc=$?; }

run_limited --db "$T/probe.db" ingest "$LEDE_SAMPLES/en-001-geneva-security-talks.txt"
if [ "$rc" != 0 ]; then
	echo "lede does not start under ulimit -v (a sanitizer build?): skipped"
	exit 77
fi

mkdir -p "$T/in"
awk 'BEGIN { for (i = 0; i < 6000000; i++) printf "%c\n", 65 + i % 26 }' >"$T/in/letters.txt"
run_limited --db "$DB" ingest "$T/in/letters.txt"
expect_rc 0 "12 MB of one-letter lines ingest in 400 MB"
run --db "$DB" list --search "z"
check "the file is in the store and searchable" test "$(lines "$T/out")" = 1
rm -f "$T/in/letters.txt"

# A long article of real sentences, 15 MB, just under the largest kept.
awk 'BEGIN {
	print "Talks on the river open in Geneva"; print ""
	for (i = 1; i <= 110000; i++)
		printf "Maria Lopez met John Smith of the United Nations in Geneva on day %d, and Nguyen Van An said the talks with Peter Brown would go on.\n\n", i
}' >"$T/in/long.txt"
run_limited --db "$DB" ingest "$T/in/long.txt"
expect_rc 0 "a 15 MB article ingests in 400 MB"
finish
