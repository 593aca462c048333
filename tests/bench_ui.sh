#!/bin/sh
# bench_ui.sh: the interface's speed on big stores (issue 4), measured the
# way a person meets it: lede runs in tmux at 80x24 and 160x50, keys go in
# with send-keys, and lede itself writes the time of every frame to
# $LEDE_TRACE (ui/trace.c): from the key (or the start, or the end of a
# prompt) until doupdate() returned, with the resident memory. The bytes a
# `j` sends to the terminal are read with tmux pipe-pane.
#
# Usage: bench_ui.sh STORE...    (stores built by tests/bench_query build)
# Environment: LEDE_BIN, LEDE_DATADIR (set by `make bench`); optional
# BENCH_UI_RUNS (runs per store and size, default 3), BENCH_UI_SIZES
# (default "80x24 160x50"), BENCH_UI_KEEP=DIR (keeps the traces there).
# Prints, per store and size, the median and worst milliseconds of each
# kind of frame over all runs, peak RSS, and bytes per `j`.
# Never part of `make check`: timings belong in a benchmark, not a test.
set -eu

: "${LEDE_BIN:?set LEDE_BIN to the lede binary}"
[ $# -gt 0 ] || {
	echo "usage: bench_ui.sh STORE..." >&2
	exit 2
}
command -v tmux >/dev/null 2>&1 || {
	echo "bench_ui: tmux is not installed: skipped"
	exit 0
}
RUNS=${BENCH_UI_RUNS:-3}
SIZES=${BENCH_UI_SIZES:-"80x24 160x50"}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lede-bench-ui.XXXXXX")
SOCK=$tmp/tmux.sock
# Runs tmux on the benchmark's own server.
tm() { tmux -S "$SOCK" -f /dev/null "$@"; }
cleanup() {
	tm kill-server 2>/dev/null || :
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$tmp/home" "$tmp/config" "$tmp/data" "$tmp/state" "$tmp/cache"
unset TMUX LEDE_DB || :

# Frames written to the trace so far (lines that are not comments).
frames() {
	if [ -f "$TRACE" ]; then
		grep -vc '^#' "$TRACE" || :
	else
		echo 0
	fi
}

# wait_frames N [TENTHS]: waits until the trace has N frames (default 20 s).
wait_frames() {
	i=0
	while [ "$(frames)" -lt "$1" ] && [ $i -lt "${2:-200}0" ]; do
		sleep 0.01
		i=$((i + 1))
	done
	[ "$(frames)" -ge "$1" ] || echo "  (no frame after the key: timing lost)" >&2
}

# key KEY...: sends the keys (tmux names) and waits for lede's next frame.
key() {
	n=$(($(frames) + 1))
	tm send-keys -t b "$@"
	wait_frames "$n"
}

# whole KEY...: sends the keys and waits for the frame and then for the
# facets (the sidebar's idle frame, which comes last) as a person would
# before choosing among them; at most 60 s.
whole() {
	if [ $# -gt 0 ]; then
		n=$(($(frames) + 2))
		tm send-keys -t b "$@"
		wait_frames "$n" 600
	fi
	i=0
	until tail -n 1 "$TRACE" | grep -q "^idle	Entities" || [ $i -ge 6000 ]; do
		sleep 0.01
		i=$((i + 1))
	done
}

# search TEXT: `/`, the text, Enter; waits for the search's frame (then
# `whole` with no key waits for the rest).
search() {
	n=$(($(frames) + 1))
	tm send-keys -t b /
	sleep 0.2
	tm send-keys -t b -l "$1"
	tm send-keys -t b Enter
	wait_frames "$n"
}

# Bytes tmux has read from lede so far.
piped() { wc -c <"$tmp/pipe" | tr -d ' '; }

# One run: lede on store $1 at $2 columns by $3 rows; the trace goes to
# $TRACE and the bytes of each `j` to $BYTES.
run() {
	: >"$TRACE"
	cat >"$tmp/run.sh" <<EOF
exec env TERM=tmux-256color HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" \
	XDG_DATA_HOME="$tmp/data" XDG_STATE_HOME="$tmp/state" XDG_CACHE_HOME="$tmp/cache" \
	LEDE_TRACE="$TRACE" "$LEDE_BIN" --db "$1"
EOF
	tm kill-server 2>/dev/null || :
	tm new-session -d -s b -x "$2" -y "$3" "sh '$tmp/run.sh'; sleep 300"
	wait_frames 1
	sleep 0.3 # anything lede finishes when idle
	# Bytes per `j`: within the first screen, then scrolling.
	: >"$tmp/pipe"
	tm pipe-pane -t b -o "cat >>'$tmp/pipe'"
	sleep 0.1
	j=0
	while [ $j -lt 20 ]; do
		b0=$(piped)
		key j
		sleep 0.1
		echo "$(($(piped) - b0))" >>"$BYTES"
		j=$((j + 1))
	done
	tm pipe-pane -t b
	for _ in 1 2 3 4 5 6 7 8; do key NPage; done
	for _ in 1 2 3; do
		key G
		key g
	done
	for _ in 1 2 3 4 5; do
		key Enter
		key j
	done
	# Entity filters from the sidebar: the k-th facet, then one more.
	for down in 0 3 10; do
		key Escape
		key Tab
		key Tab
		d=0
		while [ $d -lt $down ]; do
			key Down
			d=$((d + 1))
		done
		whole Enter
		whole Enter
		key Escape
		for _ in 1 2 3 4 5; do key j; done
		whole x
	done
	# Narrowing the sidebar by typing.
	key Tab
	key Tab
	for c in t h u c; do key "$c"; done
	key C-u
	key Escape
	search anan0
	whole
	for _ in 1 2 3 4 5; do key j; done
	whole x
	search yenchien2
	whole
	whole x
	tm send-keys -t b q
	sleep 0.2
	tm kill-server 2>/dev/null || :
}

# Prints the table of one store and size from the traces in $1.
report() {
	printf '    %-16s %6s %9s %9s %9s\n' frame count median worst paint
	cat "$1"/trace.* | awk -F '\t' '
	/^#/ || $1 == "start" { next }
	{
		k = $1 == "key" ? "key " $2 : $1
		n[k]++
		v[k, n[k]] = $3
		d[k, n[k]] = $4
	}
	function median(k, a,   i, j, m, t, c) {
		m = n[k]
		for (i = 1; i <= m; i++) c[i] = a[k, i]
		for (i = 2; i <= m; i++) {
			t = c[i]
			for (j = i - 1; j >= 1 && c[j] > t; j--) c[j + 1] = c[j]
			c[j + 1] = t
		}
		return m % 2 ? c[(m + 1) / 2] : (c[m / 2] + c[m / 2 + 1]) / 2
	}
	function worst(k, a,   i, w) {
		for (i = 1; i <= n[k]; i++) if (a[k, i] > w) w = a[k, i]
		return w
	}
	END {
		for (k in n)
			printf "    %-16s %6d %9.2f %9.2f %9.2f\n", k, n[k], median(k, v),
				worst(k, v), median(k, d)
	}' | sort
	# Frames of work put off until idle (the facets) complete the
	# operation before them: its time until the screen was whole.
	for t in "$1"/trace.*; do
		awk -F '\t' '
		function flush() { if (op != "") printf "%s\t%.3f\n", op, whole }
		/^#/ { next }
		$1 == "idle" { whole = $6; next }
		{ flush(); op = $1 == "key" ? "key " $2 : $1; whole = $3 }
		END { flush() }' "$t"
	done | awk -F '\t' '
	$1 == "start" || $1 == "filter" || $1 == "search" { n[$1]++; v[$1, n[$1]] = $2 }
	END {
		for (k in n) {
			m = n[k]
			for (i = 1; i <= m; i++) c[i] = v[k, i]
			for (i = 2; i <= m; i++) {
				t = c[i]
				for (j = i - 1; j >= 1 && c[j] > t; j--) c[j + 1] = c[j]
				c[j + 1] = t
			}
			printf "    %-16s median %.2f, worst %.2f ms until whole (facets in)\n", k,
				m % 2 ? c[(m + 1) / 2] : (c[m / 2] + c[m / 2 + 1]) / 2, c[m]
		}
	}' | sort
	cat "$1"/trace.* | awk -F '\t' '
	/^#/ { next }
	$1 == "start" { starts = starts sprintf(" %.1f", $3) }
	$5 > rss { rss = $5 }
	END {
		printf "    first screen per run (ms):%s\n", starts
		printf "    peak RSS: %.1f MB\n", rss / 1024
	}'
	if [ -s "$1/bytes" ]; then
		sort -n "$1/bytes" | awk '{ v[NR] = $1; s += $1 }
		END { printf "    bytes per j: median %d, mean %.0f, min %d, max %d (%d keys)\n",
			v[int((NR + 1) / 2)], s / NR, v[1], v[NR], NR }'
	fi
}

echo "lede bench_ui: $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?') CPUs," \
	"$RUNS runs per store and size; times in ms from key to doupdate()"
for store in "$@"; do
	narts=$("$LEDE_BIN" --db "$store" stats 2>/dev/null | awk -F '\t' '$1 == "articles" { print $2 }')
	for size in $SIZES; do
		cols=${size%x*} rows=${size#*x}
		out=$tmp/out.$cols
		rm -rf "$out"
		mkdir -p "$out"
		r=1
		while [ $r -le "$RUNS" ]; do
			TRACE=$out/trace.$r BYTES=$out/bytes
			run "$store" "$cols" "$rows"
			r=$((r + 1))
		done
		echo
		echo "  $store: ${narts:-?} articles, ${cols}x${rows}"
		report "$out"
		if [ -n "${BENCH_UI_KEEP:-}" ]; then
			mkdir -p "$BENCH_UI_KEEP"
			cp -r "$out" "$BENCH_UI_KEEP/$(basename "$store").${cols}x${rows}"
		fi
	done
done
echo
echo "  targets: first screen < 100 ms, filter or search < 50 ms, key < 16 ms," \
	"RSS < 50 MB and flat"
