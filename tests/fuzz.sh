#!/bin/sh
# fuzz.sh: builds lede's libFuzzer targets with clang, ASan and UBSan
# (--enable-fuzzing) in a temporary folder and runs each for a while with
# its seeds and dictionary from tests/fuzzing/ plus large seeds made here.
# Exits 1 on any finding (crash, leak, timeout, out of memory) after
# showing the end of its log, 77 (skip) when clang or libFuzzer is
# missing. Usage: tests/fuzz.sh [SOURCE_DIR]
#   FUZZ_SECONDS  seconds per target (default 20)
#   FUZZ_TARGETS  which targets, in order (default: extract date query ingest)
#   FUZZ_BIG_KB   size of the large generated seeds in KB (default 256, which
#                 a CI run gets through in seconds; long runs: 1024 or more)
#   FUZZ_KEEP     a folder to keep the build, corpora, logs and findings in
#                 (reused by the next run: corpora grow across runs)
#   FUZZ_FLAGS    more libFuzzer options (e.g. -fork=1 -ignore_crashes=1)
set -eu
src=$(cd "${1:-$(dirname "$0")/..}" && pwd)
secs=${FUZZ_SECONDS:-20}
targets=${FUZZ_TARGETS:-extract date query ingest}
big_kb=${FUZZ_BIG_KB:-256}
command -v clang >/dev/null 2>&1 || { echo "fuzz: no clang, skipped"; exit 77; }
if [ -n "${FUZZ_KEEP:-}" ]; then
	mkdir -p "$FUZZ_KEEP"
	tmp=$(cd "$FUZZ_KEEP" && pwd)
else
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/lede-fuzz.XXXXXX")
	trap 'rm -rf "$tmp"' EXIT INT TERM
fi
# libFuzzer ships with clang's runtime; a one-line probe tells if it links
printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n){(void)d;(void)n;return 0;}\n' \
	>"$tmp/probe.c"
if ! clang -fsanitize=fuzzer "$tmp/probe.c" -o "$tmp/probe" >/dev/null 2>&1; then
	echo "fuzz: clang has no libFuzzer, skipped"
	exit 77
fi
cd "$tmp"
if [ ! -f Makefile ]; then
	ASAN_OPTIONS=detect_leaks=0 "$src/configure" --enable-fuzzing CC=clang \
		CFLAGS="-g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" \
		LDFLAGS="-fsanitize=address,undefined" >configure.log 2>&1 ||
		{ tail -20 configure.log; exit 1; }
fi
progs=
for t in $targets; do progs="$progs tests/fuzz_$t"; done
make -j2 $progs >make.log 2>&1 || { tail -30 make.log; exit 1; }

# Large seeds, made here rather than kept in the source: an article whose
# body is the paragraphs of a sample over and over (FUZZ_BIG_KB), and a
# file of short lines of the same size (one name or word a line).
mkdir -p big
big=$(mktemp -d big.XXXXXX)  # then moved: two runs may share FUZZ_KEEP
big_bytes=$((big_kb * 1024))
{
	sed -n '1,4p' "$src/samples/vi-001-dam-phan-an-ninh.txt"
	# (the loop ends when head has read enough and sed's pipe breaks)
	while sed -n '5,17p' "$src/samples/vi-001-dam-phan-an-ninh.txt"; do :; done |
		head -c "$big_bytes"
} >"$big/article.txt" 2>/dev/null || true
{
	printf 'Tin ng\341\272\257n\n\n'
	yes 'Mỹ
Nga
a
Geneva
' | head -c "$big_bytes"
} >"$big/lines.txt" 2>/dev/null || true
printf '\n<<<lede-file>>>\n' >"$big/sep"
cat "$big/article.txt" "$big/sep" "$big/lines.txt" >"$big/ingest.txt"
# and a search nested 5,000 deep (40 KB of parentheses; FTS5 refuses it)
awk 'BEGIN { for (i = 0; i < 5000; i++) printf "("; printf "nato";
	for (i = 0; i < 5000; i++) printf ")" }' >"$big/deep.txt"
for f in article lines ingest deep; do mv -f "$big/$f.txt" big/; done
rm -rf "$big"

# Everything a target needs: its seeds, dictionary and options.
status=0
for t in $targets; do
	corpus=corpus/$t
	mkdir -p "$corpus" findings/$t
	case $t in
	extract)
		seeds="$src/tests/fuzzing/seeds/article $src/samples big/article.txt big/lines.txt"
		opts="-dict=$src/tests/fuzzing/article.dict -max_len=4194304 -len_control=20 -timeout=30" ;;
	ingest)
		seeds="$src/tests/fuzzing/seeds/ingest big/ingest.txt"
		opts="-dict=$src/tests/fuzzing/article.dict -max_len=4194304 -len_control=20 -timeout=60" ;;
	date)
		seeds="$src/tests/fuzzing/seeds/date"
		opts="-dict=$src/tests/fuzzing/date.dict -max_len=256 -timeout=10" ;;
	query)
		seeds="$src/tests/fuzzing/seeds/query big/deep.txt"
		opts="-dict=$src/tests/fuzzing/query.dict -max_len=65536 -len_control=20 -timeout=10" ;;
	*)
		echo "fuzz: unknown target '$t'" >&2
		exit 2 ;;
	esac
	for s in $seeds; do
		if [ -d "$s" ]; then cp "$s"/* "$corpus"/; else cp "$s" "$corpus"/; fi
	done
	# libFuzzer's progress lines go to a log: on a finding its report (the
	# log's end) is shown, otherwise its closing line. The stores go to
	# memory when it can: a disk's flushes would be most of an ingest.
	# A folder of its own, removed after: a target that crashes (or a
	# -fork job that is stopped) leaves its stores behind.
	fz_tmp=$tmp
	[ -d /dev/shm ] && [ -w /dev/shm ] && fz_tmp=/dev/shm
	fz_tmp=$(mktemp -d "$fz_tmp/lede-fuzz-$t.XXXXXX")
	# shellcheck disable=SC2086
	if LEDE_DATADIR="$src/data" LEDE_SAMPLES="$src/samples" XDG_CONFIG_HOME="$tmp/config" \
		TMPDIR=$fz_tmp ASAN_OPTIONS=detect_leaks=1 \
		./tests/fuzz_$t $opts ${FUZZ_FLAGS:-} -max_total_time="$secs" -rss_limit_mb=2048 \
		-artifact_prefix="findings/$t/" -print_final_stats=1 "$corpus" >"fuzz-$t.log" 2>&1 &&
		[ -z "$(ls findings/$t)" ]; then
		done=$(grep '^#[0-9]*[[:space:]]*DONE' "fuzz-$t.log" | tail -n1)
		echo "fuzz_$t: $secs s, no finding: $done"
	else
		tail -60 "fuzz-$t.log"
		echo "fuzz_$t: FINDING, see above (inputs in findings/$t/)"
		status=1
	fi
	rm -rf "$fz_tmp"
done
exit $status
