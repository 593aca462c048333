#!/bin/sh
# fuzz.sh: builds lede with clang and libFuzzer (--enable-fuzzing) in a
# temporary folder and runs the parse + extract target for a while
# (FUZZ_SECONDS, default 30). Exits 77 (skip) when clang or libFuzzer is
# missing. Usage: tests/fuzz.sh [SOURCE_DIR]
set -eu
src=$(cd "${1:-$(dirname "$0")/..}" && pwd)
secs=${FUZZ_SECONDS:-30}
command -v clang >/dev/null 2>&1 || { echo "fuzz: no clang, skipped"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lede-fuzz.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
# libFuzzer ships with clang's runtime; a one-line probe tells if it links
printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n){(void)d;(void)n;return 0;}\n' \
	>"$tmp/probe.c"
if ! clang -fsanitize=fuzzer "$tmp/probe.c" -o "$tmp/probe" >/dev/null 2>&1; then
	echo "fuzz: clang has no libFuzzer, skipped"
	exit 77
fi
cd "$tmp"
ASAN_OPTIONS=detect_leaks=0 "$src/configure" --enable-fuzzing CC=clang \
	CFLAGS="-g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" \
	LDFLAGS="-fsanitize=address,undefined" >configure.log 2>&1 ||
	{ tail -20 configure.log; exit 1; }
make -j2 tests/fuzz_extract >make.log 2>&1 || { tail -30 make.log; exit 1; }
# seed corpus: the sample articles
mkdir -p corpus
cp "$src"/samples/*.txt corpus/ 2>/dev/null || true
# libFuzzer's progress lines go to a log: on a crash its report (the log's
# end) is shown, otherwise its closing line.
if ! LEDE_DATADIR="$src/data" XDG_CONFIG_HOME="$tmp/config" \
	ASAN_OPTIONS=detect_leaks=1 \
	./tests/fuzz_extract -max_total_time="$secs" -max_len=65536 -timeout=10 \
	-rss_limit_mb=2048 corpus >fuzz.log 2>&1; then
	tail -60 fuzz.log
	exit 1
fi
grep '^#[0-9]*[[:space:]]*DONE' fuzz.log || true
echo "fuzz: $secs s without a crash"
