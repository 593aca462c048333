#!/bin/sh
# cli_bigmem.sh: the memory of an ingest is bounded by a small multiple of
# the file, whatever its shape (issue 10, item 5). 12 MB of one-letter
# lines (six million words, each a name candidate) once took 1.6 GB; it
# must now ingest within 400 MB of address space (about 110 MB resident
# and the threads' reserves). Skipped where a limit on address space
# cannot be used (sanitizer builds reserve terabytes). The files are made
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
rm -f "$T/in/long.txt"

# Many large files: workers read ahead of the writer, and results stayed
# in the ring until their slot was taken again, so 64 files of 2 MB once
# held all 64 results at once (about 330 MB resident). Now the files read
# ahead hold at most 16 MB of input and the writer frees large results at
# once: about 110 MB. Peak resident memory is measured by the kernel
# (getrusage of the child, through python3).
mkdir -p "$T/many"
awk 'BEGIN {
	for (f = 1; f <= 64; f++) {
		out = sprintf("'"$T"'/many/a%02d.txt", f)
		printf "Report %d from the river talks\n\n", f > out
		for (i = 1; i <= 14400; i++)
			printf "Maria Lopez met John Smith of the United Nations in Geneva on day %d of report %d, and Nguyen Van An said the talks would go on.\n\n", i, f > out
		close(out)
	}
}'
peak_kb=$(python3 -c 'import resource, subprocess, sys
rc = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if rc == 0 else -1)' \
	"$LEDE_BIN" --db "$T/many.db" ingest "$T/many")
echo "# 64 files of 2 MB: peak resident $peak_kb kB"
check "64 files of 2 MB ingest within 200 MB resident ($peak_kb kB)" \
	test "$peak_kb" -gt 0 -a "$peak_kb" -lt $((200 * 1024))
run --db "$T/many.db" stats
check "all 64 are in the store" grep -q "^articles[[:space:]]*64$" "$T/out"
finish
