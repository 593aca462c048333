#!/bin/sh
# bench_big.sh: long articles and pathological files (`make bench-big`,
# issue 10 items 1 and 5). For articles of 0.25, 1, 2, 4 and 15 MB (real
# sentences, five names each) it times `lede show` as text and as JSON and
# the ingest's peak resident memory; then the ingest of 10 MB of one-letter
# lines (five million words, each a name candidate), of 10 MB of one-digit
# lines, and of files past the 16 MB limit (20 MB of short lines, a 200 MB
# article), which are refused before they are read. Needs GNU time for
# memory (/usr/bin/time); without it, times only.
#
# Environment (set by `make bench-big`): LEDE_BIN, LEDE_DATADIR. Optional:
# TMPDIR (about 250 MB of files). Never part of `make check`.
set -eu

: "${LEDE_BIN:?set LEDE_BIN to the lede binary}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lede-bench-big.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
mkdir -p "$tmp/home"
HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/config XDG_DATA_HOME=$tmp/home/data
XDG_STATE_HOME=$tmp/home/state XDG_CACHE_HOME=$tmp/home/cache
export HOME XDG_CONFIG_HOME XDG_DATA_HOME XDG_STATE_HOME XDG_CACHE_HOME
unset LEDE_DB || :

gnutime=
if /usr/bin/time -f %M -o "$tmp/probe" true >/dev/null 2>&1; then
	gnutime=/usr/bin/time
fi

# article BYTES FILE: a title and paragraphs of one sentence with five names.
article() {
	awk -v want="$1" 'BEGIN {
		print "Talks on the river open in Geneva"; print ""; n = 35
		for (i = 1; n < want; i++) {
			p = sprintf("Maria Lopez met John Smith of the United Nations in Geneva on day %d, and Nguyen Van An said the talks with Peter Brown would go on.", i)
			print p; print ""; n += length(p) + 2
		}
	}' >"$2"
}

# measure LABEL CMD...: wall seconds (and peak RSS in MB) of one run.
measure() {
	label=$1
	shift
	if [ -n "$gnutime" ]; then
		/usr/bin/time -f '%e %M' -o "$tmp/t" "$@" >/dev/null 2>"$tmp/err" || :
		# the last line: GNU time may first say the command failed
		tail -n 1 "$tmp/t" |
			awk -v l="$label" '{ printf "  %-36s %6.2f s  peak RSS %7.1f MB\n", l, $1, $2 / 1024 }'
	else
		t0=$(date +%s.%N)
		"$@" >/dev/null 2>"$tmp/err" || :
		t1=$(date +%s.%N)
		awk -v l="$label" -v a="$t0" -v b="$t1" 'BEGIN { printf "  %-36s %6.2f s\n", l, b - a }'
	fi
	if grep -q "too large" "$tmp/err"; then echo "    (refused: $(grep -o 'too large.*' "$tmp/err"))"; fi
}

echo "lede bench-big: $("$LEDE_BIN" --version 2>/dev/null || echo lede)"
echo "Long articles (show: text, then JSON; ingest peak RSS)"
for kb in 256 1024 2048 4096 15360; do
	mkdir -p "$tmp/a$kb"
	article $((kb * 1024)) "$tmp/a$kb/long.txt"
	db=$tmp/a$kb.db
	measure "ingest $kb KB article" "$LEDE_BIN" --db "$db" ingest "$tmp/a$kb"
	measure "show $kb KB article" "$LEDE_BIN" --db "$db" show 1
	measure "show --format json $kb KB article" "$LEDE_BIN" --db "$db" show 1 --format json
	rm -rf "$tmp/a$kb" "$db"*
done

echo "Pathological files (ingest)"
mkdir -p "$tmp/f"
awk 'BEGIN { for (i = 0; i < 5000000; i++) printf "%c\n", 65 + i % 26 }' >"$tmp/f/letters.txt"
measure "10 MB of one-letter lines" "$LEDE_BIN" --db "$tmp/f1.db" ingest "$tmp/f/letters.txt"
awk 'BEGIN { for (i = 0; i < 5000000; i++) print i % 10 }' >"$tmp/f/digits.txt"
measure "10 MB of one-digit lines" "$LEDE_BIN" --db "$tmp/f2.db" ingest "$tmp/f/digits.txt"
awk 'BEGIN { for (i = 0; i < 10000000; i++) printf "%c\n", 65 + i % 26 }' >"$tmp/f/letters20.txt"
measure "20 MB of one-letter lines" "$LEDE_BIN" --db "$tmp/f3.db" ingest "$tmp/f/letters20.txt"
rm -f "$tmp/f"/*
article $((200 * 1024 * 1024)) "$tmp/f/huge.txt"
measure "200 MB article" "$LEDE_BIN" --db "$tmp/f4.db" ingest "$tmp/f/huge.txt"
