#!/bin/sh
# bench_growth.sh: ingest as the store grows (issue 12), run by `make bench`
# with BENCH_GROWTH=1, or alone with the same environment as bench.sh.
#
# Ingests $BENCH_GROWTH_STEPS (default 10) steps of $BENCH_GROWTH_STEP
# (default 100,000) generated articles of about 4 KB (tests/bench_gen, a
# seed per step, so that every step is new) into ONE store, each step a
# folder of its own and a `lede ingest` run of its own. For each step it
# prints the articles per CPU-second (user + sys, all threads: the rate
# per core, which a machine shared with other work does not change much),
# the wall time, the bytes the ingest wrote to disk (write_bytes of
# /proc/PID/io, the pages it dirtied, and wchar, what it passed to
# write(); a shell waits for lede and reads its own counters, which then
# include lede's), the store's size (file and log), the peak resident
# memory, and the time `lede list | head -n 1` takes on the store after
# it (re-opening). At the end, the write amplification: bytes written by
# all the steps over the store's size.
#
# Environment: LEDE_BIN, LEDE_SAMPLES, LEDE_DATADIR, LEDE_BENCH_GEN as for
# bench.sh; BENCH_GROWTH_STEPS, BENCH_GROWTH_STEP; BENCH_GROWTH_STORE=PATH
# keeps the store (else it goes with the temporary folder); TMPDIR, where
# the store (about 9.5 GB at a million articles) and one step's articles
# (about 400 MB) go. Needs GNU time (/usr/bin/time) for CPU time and RSS.
set -eu

: "${LEDE_BIN:?set LEDE_BIN to the lede binary}"
: "${LEDE_SAMPLES:?set LEDE_SAMPLES to the samples folder}"
gen=${LEDE_BENCH_GEN:-$(dirname "$LEDE_BIN")/tests/bench_gen}
steps=${BENCH_GROWTH_STEPS:-10}
step=${BENCH_GROWTH_STEP:-100000}

if [ ! -x "$LEDE_BIN" ] || [ ! -x "$gen" ]; then
	echo "bench_growth: $LEDE_BIN or $gen is not built" >&2
	exit 1
fi
if ! /usr/bin/time -v -o /dev/null true >/dev/null 2>&1; then
	echo "bench_growth: needs GNU time (/usr/bin/time) for CPU time and memory" >&2
	exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lede-growth.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
mkdir -p "$tmp/home" "$tmp/config" "$tmp/data" "$tmp/state" "$tmp/cache"
HOME=$tmp/home XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data
XDG_STATE_HOME=$tmp/state XDG_CACHE_HOME=$tmp/cache
export HOME XDG_CONFIG_HOME XDG_DATA_HOME XDG_STATE_HOME XDG_CACHE_HOME
unset LEDE_DB || :
mkdir -p "$tmp/corpus"
db=${BENCH_GROWTH_STORE:-$tmp/store.db}
rm -f "$db" "$db-wal" "$db-shm"

# Prints the value of an awk expression with $2 decimals (default 1).
calc() {
	awk "BEGIN { printf \"%.${2:-1}f\", ($1) }"
}

# Seconds since the epoch, with nanoseconds.
now() {
	date +%s.%N
}

# Sum of the sizes of the store's files (database and write-ahead log).
store_bytes() {
	total=0
	for f in "$1" "$1-wal"; do
		[ -f "$f" ] && total=$((total + $(wc -c <"$f")))
	done
	echo "$total"
}

# The value of field $2 in /proc/PID/io's copy $1.
io_field() {
	awk -v k="$2:" '$1 == k { print $2 }' "$1"
}

echo "lede ingest growth: $steps steps of $step articles into one store," \
	"$(getconf _NPROCESSORS_ONLN) CPUs, load $(cut -d ' ' -f 1-3 /proc/loadavg)"
printf '%6s %9s %8s %8s %9s %9s %9s %7s %8s\n' step articles/ wall written wchar \
	store written/ RSS reopen
printf '%6s %9s %8s %8s %9s %9s %9s %7s %8s\n' '' CPU-s s MB MB MB stored MB ms
sum_written=0 sum_wchar=0 sum_cpu=0 sum_n=0
i=0
while [ $i -lt "$steps" ]; do
	i=$((i + 1))
	corpus=$tmp/corpus/s$i
	"$gen" "$LEDE_SAMPLES" "$corpus" "$step" "$i" 2>"$tmp/gen.err" || {
		cat "$tmp/gen.err" >&2
		exit 1
	}
	sync
	t0=$(now)
	rc=0
	# The shell reads its own counters after waiting for lede: a
	# process's /proc/PID/io includes the children it has waited for.
	# shellcheck disable=SC2016
	/usr/bin/time -v -o "$tmp/time" sh -c '"$1" --db "$2" ingest "$3" >/dev/null 2>"$4" </dev/null
		rc=$?; cat /proc/$$/io >"$5"; exit $rc' sh \
		"$LEDE_BIN" "$db" "$corpus" "$tmp/ingest.err" "$tmp/io" || rc=$?
	t1=$(now)
	if [ "$rc" -ne 0 ]; then
		echo "step $i: ingest FAILED (exit $rc):"
		tail -n 5 "$tmp/ingest.err" | sed 's/^/    /'
		exit 1
	fi
	rm -rf "$corpus"
	cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.3f", s }' "$tmp/time")
	rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tmp/time")
	written=$(($(io_field "$tmp/io" write_bytes) - $(io_field "$tmp/io" cancelled_write_bytes)))
	wchar=$(io_field "$tmp/io" wchar)
	size=$(store_bytes "$db")
	r0=$(now)
	"$LEDE_BIN" --db "$db" list 2>/dev/null | head -n 1 >/dev/null
	r1=$(now)
	sum_written=$((sum_written + written)) sum_wchar=$((sum_wchar + wchar))
	sum_cpu=$(calc "$sum_cpu + $cpu" 3) sum_n=$((sum_n + step))
	printf '%6s %9s %8s %8s %9s %9s %9s %7s %8s\n' "$((i * step / 1000))k" \
		"$(calc "$step / $cpu" 0)" "$(calc "$t1 - $t0")" "$(calc "$written / 1048576" 0)" \
		"$(calc "$wchar / 1048576" 0)" "$(calc "$size / 1048576" 0)" \
		"$(calc "$written / ($size - ${prev_size:-0})")" "$(calc "$rss / 1024" 0)" \
		"$(calc "($r1 - $r0) * 1000" 0)"
	prev_size=$size
done
echo "total: $sum_n articles at $(calc "$sum_n / $sum_cpu" 0) per CPU-second;" \
	"wrote $(calc "$sum_written / 1073741824" 2) GB (wchar $(calc "$sum_wchar / 1073741824" 2) GB)" \
	"for a store of $(calc "$size / 1073741824" 2) GB:" \
	"write amplification $(calc "$sum_written / $size")x"
echo "lede said (last step): $(tail -n 1 "$tmp/ingest.err")"
