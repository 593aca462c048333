#!/bin/sh
# bench.sh: ingest speed and store size on synthetic corpora (`make bench`).
#
# For each N in $BENCH_N (default "10000 100000") it writes N articles of
# about 4 KB made from the sentences of samples/*.txt, each quoting a few
# people with generated names (see tests/bench_gen.c), ingests them into a
# new store with `lede --db DB ingest DIR` (median of $BENCH_RUNS runs for
# N <= 10000, default 3; one run above), then ingests again with nothing
# changed. It prints articles/s, articles per CPU-second (the per-core
# rate), peak resident memory and store bytes per article. Then, for each
# N, `lede list` on a synthetic store of N articles (tests/bench_query
# list): the time to its first line, to the end of a `| head` and to the
# end of the whole list, for everything, a common and a rare entity and a
# common word.
#
# Environment (set by `make bench`): LEDE_BIN, LEDE_SAMPLES, LEDE_DATADIR,
# LEDE_BENCH_GEN (the generator, tests/bench_gen). Optional: BENCH_N,
# BENCH_RUNS, BENCH_BIG=1 (the 1,000,000-article store, issue 4; BENCH_STORE
# keeps it; its queries are timed beside stores of 10,000 and 100,000 to
# show their growth, then the interface in tmux by tests/bench_ui.sh,
# see there for BENCH_UI_*), BENCH_ENTITIES and BENCH_POOL (the big
# stores' entities per article, default 8, and the pool they are drawn
# from, default 20,000; real news name 30-50 entities an article:
# BENCH_ENTITIES=40 BENCH_POOL=200000), BENCH_GROWTH=1 (ingest as one
# store grows from 100,000 to 1,000,000 articles: tests/bench_growth.sh,
# see there for BENCH_GROWTH_*), LEDE_BENCH_QUERY (tests/bench_query),
# TMPDIR (where the corpora and stores go: about 1 GB for N = 100,000).
# Never part of `make check`: timings belong in a benchmark, not a test.
set -eu

: "${LEDE_BIN:?set LEDE_BIN to the lede binary}"
: "${LEDE_SAMPLES:?set LEDE_SAMPLES to the samples folder}"
gen=${LEDE_BENCH_GEN:-$(dirname "$LEDE_BIN")/tests/bench_gen}
BENCH_N=${BENCH_N:-"10000 100000"}

if [ ! -x "$LEDE_BIN" ]; then
	echo "bench: $LEDE_BIN is not built" >&2
	exit 1
fi
if [ ! -x "$gen" ]; then
	echo "bench: the generator $gen is not built (make tests/bench_gen)" >&2
	exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lede-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
# lede must not touch the user's own store or state.
mkdir -p "$tmp/home" "$tmp/config" "$tmp/data" "$tmp/state" "$tmp/cache"
HOME=$tmp/home XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data
XDG_STATE_HOME=$tmp/state XDG_CACHE_HOME=$tmp/cache
export HOME XDG_CONFIG_HOME XDG_DATA_HOME XDG_STATE_HOME XDG_CACHE_HOME
unset LEDE_DB || :

# Seconds since the epoch with nanoseconds where date supports %N.
now() {
	t=$(date +%s.%N)
	case $t in
	*N) date +%s ;;
	*) echo "$t" ;;
	esac
}

# GNU time reports peak memory and CPU time; without it only wall time.
gnutime=
if /usr/bin/time -v -o "$tmp/probe" true >/dev/null 2>&1; then
	gnutime=/usr/bin/time
fi

# Prints the value of an awk expression with $2 decimals (default 1).
calc() {
	awk "BEGIN { printf \"%.${2:-1}f\", ($1) }"
}

# Sum of the sizes of the store files (database and write-ahead log).
store_bytes() {
	total=0
	for f in "$1" "$1-wal"; do
		if [ -f "$f" ]; then
			total=$((total + $(wc -c <"$f")))
		fi
	done
	echo "$total"
}

# Runs one ingest of $2 into store $1, with stderr in $3; sets wall (s),
# cpu (user+sys s, empty without GNU time), rss (kB, likewise) and rc.
run_ingest() {
	wall='' cpu='' rss='' rc=0
	t0=$(now)
	if [ -n "$gnutime" ]; then
		$gnutime -v -o "$tmp/time" "$LEDE_BIN" --db "$1" ingest "$2" \
			>/dev/null 2>"$3" </dev/null || rc=$?
	else
		"$LEDE_BIN" --db "$1" ingest "$2" >/dev/null 2>"$3" </dev/null || rc=$?
	fi
	t1=$(now)
	wall=$(calc "$t1 - $t0" 3)
	if [ -n "$gnutime" ]; then
		cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.3f", s }' \
			"$tmp/time")
		rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tmp/time")
	fi
}

# The middle value of its arguments (they are few: a plain sort will do).
median() {
	printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

nsamples=$(find "$LEDE_SAMPLES" -name '*.txt' | wc -l)
echo "lede bench: $("$LEDE_BIN" --version 2>/dev/null | head -n 1 || echo lede)," \
	"$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?') CPUs," \
	"sentences from $nsamples sample files"
[ -n "$gnutime" ] || echo "  (no GNU time: peak memory and CPU time not measured)"

status=0
for n in $BENCH_N; do
	corpus=$tmp/corpus-$n
	t0=$(now)
	"$gen" "$LEDE_SAMPLES" "$corpus" "$n" 2>"$tmp/gen.err" || {
		cat "$tmp/gen.err" >&2
		exit 1
	}
	t1=$(now)
	bytes=$(find "$corpus" -type f -name '*.txt' -exec cat {} + | wc -c)
	# The generator's files go to disk now, not while lede is timed: a
	# first run after writing 100,000 files was up to a fifth slower.
	sync
	echo
	echo "N = $n articles, $(calc "$bytes / $n / 1024") KB each on average" \
		"(generated in $(calc "$t1 - $t0") s)"

	runs=${BENCH_RUNS:-3}
	[ "$n" -le 10000 ] || runs=1
	walls='' cpus='' rsses='' i=0
	while [ $i -lt "$runs" ]; do
		i=$((i + 1))
		rm -f "$tmp/db" "$tmp/db-wal" "$tmp/db-shm"
		run_ingest "$tmp/db" "$corpus" "$tmp/ingest.err"
		if [ "$rc" -ne 0 ]; then
			echo "  first ingest FAILED (exit $rc):"
			tail -n 5 "$tmp/ingest.err" | sed 's/^/    /'
			status=1
			continue 2
		fi
		walls="$walls $wall" cpus="$cpus ${cpu:-0}" rsses="$rsses ${rss:-0}"
	done
	# The lists are numbers separated by spaces: split them on purpose.
	# shellcheck disable=SC2086
	wall=$(median $walls)
	# shellcheck disable=SC2086
	cpu=$(median $cpus)
	# shellcheck disable=SC2086
	rss=$(median $rsses)
	if [ "$runs" -gt 1 ]; then
		how="median of $runs:$walls"
	else
		how="one run"
	fi
	echo "  first ingest:  $wall s ($how)"
	echo "                 $(calc "$n / $wall" 0) articles/s"
	if [ -n "$gnutime" ] && [ "$(calc "$cpu > 0" 0)" = 1 ]; then
		echo "                 $(calc "$n / $cpu" 0) articles per CPU-second" \
			"(target: 2000 per core)"
	fi
	[ -z "$gnutime" ] || echo "  peak RSS:      $(calc "$rss / 1024") MB"
	size=$(store_bytes "$tmp/db")
	echo "  store:         $(calc "$size / 1048576") MB," \
		"$(calc "$size / $n" 0) bytes per article"
	echo "  lede said:     $(tail -n 1 "$tmp/ingest.err")"

	run_ingest "$tmp/db" "$corpus" "$tmp/again.err"
	if [ "$rc" -ne 0 ]; then
		echo "  second ingest FAILED (exit $rc)"
		status=1
	else
		echo "  second ingest: $wall s, $(calc "$n / $wall" 0) articles/s (nothing changed)"
		echo "  lede said:     $(tail -n 1 "$tmp/again.err")"
	fi
	rm -rf "$corpus" "$tmp/db" "$tmp/db-wal" "$tmp/db-shm"
done

# The CLI's list (issue 12: its first line within 50 ms for any filter)
# on stores of the same sizes built by tests/bench_query (synthetic
# articles straight through the store API: seconds, not an ingest).
bq=${LEDE_BENCH_QUERY:-$(dirname "$LEDE_BIN")/tests/bench_query}
if [ -x "$bq" ]; then
	for n in $BENCH_N; do
		echo
		echo "lede list on $n synthetic articles (tests/bench_query list):"
		"$bq" build "$tmp/list-$n.db" "$n" 2>/dev/null || status=1
		"$bq" list "$tmp/list-$n.db" "$LEDE_BIN" || status=1
		rm -f "$tmp/list-$n.db" "$tmp/list-$n.db-wal" "$tmp/list-$n.db-shm"
	done
fi

if [ "${BENCH_GROWTH:-0}" = 1 ]; then
	# Ingest as one store grows, a step at a time (issue 12).
	echo
	LEDE_BENCH_GEN=$gen sh "$(dirname "$0")/bench_growth.sh" || status=1
fi

if [ "${BENCH_BIG:-0}" = 1 ]; then
	# The interface's queries on a 1,000,000-article store (issue 4),
	# built by tests/bench_query straight through the store API; keep it
	# between runs with BENCH_STORE=PATH (building takes minutes).
	big=${BENCH_STORE:-$tmp/big.db}
	echo
	if [ ! -x "$bq" ]; then
		echo "N = 1000000: $bq is not built (make tests/bench_query)"
		status=1
	else
		per=${BENCH_ENTITIES:-8} pool=${BENCH_POOL:-20000}
		# The same queries on 10,000 and 100,000 articles first: the
		# growth with the store's size.
		small=''
		for n in 10000 100000; do
			echo "N = $n synthetic articles, $per entities each from $pool (Zipf)"
			"$bq" build "$tmp/ui-$n.db" $n "$per" "$pool" 2>/dev/null || status=1
			"$bq" time "$tmp/ui-$n.db" || status=1
			"$bq" views "$tmp/ui-$n.db" || status=1
			small="$small $tmp/ui-$n.db"
			echo
		done
		echo "N = 1000000 synthetic articles, $per entities each from $pool (Zipf)," \
			"store $big"
		t0=$(now)
		"$bq" build "$big" 1000000 "$per" "$pool" || status=1
		echo "  built in $(calc "$(now) - $t0") s;" \
			"store: $(calc "$(store_bytes "$big") / 1048576") MB"
		"$bq" time "$big" || status=1
		# the views (issue 13): timeline, entity card, related stories
		"$bq" views "$big" || status=1
		"$bq" list "$big" "$LEDE_BIN" || status=1
		echo "  targets: first screen < 100 ms, new filter or search < 50 ms," \
			"key press < 16 ms, RSS < 50 MB; facets < 100 ms, < 50 ms under" \
			"10% of the store; a view drawn within 50 ms of its key"
		# The interface itself in tmux (tests/bench_ui.sh), on the big
		# store and on 10,000 and 100,000 articles: memory must stay flat.
		echo
		echo "The interface (tests/bench_ui.sh):"
		# shellcheck disable=SC2086
		sh "$(dirname "$0")/bench_ui.sh" $small "$big" || status=1
	fi
fi
exit $status
