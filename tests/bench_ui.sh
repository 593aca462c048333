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
# (default "80x24 160x50"), BENCH_UI_KEEP=DIR (keeps the traces there),
# BENCH_UI_KEYS=0 (without the keys' runs), BENCH_UI_VIEWS=0 (without
# the views' runs).
# Prints, per store and size, the median and worst milliseconds of each
# kind of frame over all runs, peak RSS, and bytes per `j`; then for the
# timeline, the entity card and related stories (a common and a rare
# entity or article) the milliseconds from the key to the pane's first
# frame and to the frame with the worker's answer.
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

# idle_of PANE N: waits (at most 60 s) until the trace has, after its
# first N frames, the idle frame of pane PANE (its worker's answer drawn).
idle_of() {
	i=0
	until grep -v '^#' "$TRACE" | tail -n +"$(($2 + 1))" | grep -q "^idle	$1	" ||
		[ $i -ge 6000 ]; do
		sleep 0.01
		i=$((i + 1))
	done
}

# view LABEL PANE KEY...: sends the keys (the last one opens a view),
# waits for pane PANE's answer, and appends to $VIEWS the view's label, the
# milliseconds from the last key to its first frame (the pane drawn,
# "counting..." or the like) and to its complete frame (the worker's
# answer drawn; the first frame when there was no worker), and the
# resident memory then.
view() {
	label=$1 pane=$2
	shift 2
	while [ $# -gt 1 ]; do
		key "$1"
		shift
	done
	before=$(frames)
	key "$1"
	idle_of "$pane" "$before"
	grep -v '^#' "$TRACE" | tail -n +"$((before + 1))" | awk -F '\t' -v l="$label" -v p="$pane" '
	NR == 1 { first = $3; whole = $3; rss = $5 }
	NR > 1 && $1 == "idle" && $2 == p && !done { whole = $6; rss = $5; done = 1 }
	END { printf "%s\t%.3f\t%.3f\t%d\n", l, first, whole, rss }' >>"$VIEWS"
}

# Views (issue 13): the timeline, the entity card and related stories,
# each for the most common entity (or the newest article) and a rare
# one (whose name is $RARE), as a person opens them; $VIEWS gets a line
# each (see view).
run_views() {
	: >"$TRACE"
	cat >"$tmp/run.sh" <<EOF
exec env TERM=tmux-256color HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" \
	XDG_DATA_HOME="$tmp/data" XDG_STATE_HOME="$tmp/state" XDG_CACHE_HOME="$tmp/cache" \
	LEDE_TRACE="$TRACE" "$LEDE_BIN" --db "$1"
EOF
	tm kill-server 2>/dev/null || :
	tm new-session -d -s b -x "$2" -y "$3" "sh '$tmp/run.sh'; sleep 300"
	wait_frames 1
	whole
	# the timeline of everything, then of the most common entity
	view "timeline, everything" Timeline t
	key t
	key Tab
	key Tab
	whole Enter
	key Escape
	view "timeline, most common" Timeline t
	key t
	whole x
	# its card from the sidebar, then a rare entity's (narrowed to it)
	key Tab
	key Tab
	view "card, most common" Entity Right
	key Escape
	key Tab
	key Tab
	n=$(($(frames) + $(printf '%s' "$RARE" | wc -m)))
	tm send-keys -t b -l "$RARE"
	wait_frames "$n" 600
	whole
	view "card, rare" Entity Right
	key Escape
	key Tab
	key Tab
	# the rare entity's timeline, and related stories of its newest
	# article; then of the newest article of all
	whole Enter
	key Escape
	view "timeline, rare" Timeline t
	key t
	key Enter
	view "related, rare's article" "Related stories" R
	key R
	key Escape
	whole x
	key Enter
	view "related, newest article" "Related stories" R
	key R
	tm send-keys -t b q
	sleep 0.2
	tm kill-server 2>/dev/null || :
}

# Prints the views' medians from the lines run_views wrote to $1.
report_views() {
	printf '    %-26s %6s %12s %12s\n' view runs "first draw" complete
	awk -F '\t' '
	{ k = $1; n[k]++; f[k, n[k]] = $2; w[k, n[k]] = $3; if ($4 > rss) rss = $4
	  if (!(k in order)) { order[k] = ++nk; name[nk] = k } }
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
	END {
		for (i = 1; i <= nk; i++) {
			k = name[i]
			printf "    %-26s %6d %9.2f ms %9.2f ms\n", k, n[k], median(k, f), median(k, w)
		}
		printf "    peak RSS in the views: %.1f MB\n", rss / 1024
	}' "$1"
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
		echo
		echo "  $store: ${narts:-?} articles, ${cols}x${rows}"
		if [ "${BENCH_UI_KEYS:-1}" = 1 ]; then
			r=1
			while [ $r -le "$RUNS" ]; do
				TRACE=$out/trace.$r BYTES=$out/bytes
				run "$store" "$cols" "$rows"
				r=$((r + 1))
			done
			report "$out"
		fi
		if [ "${BENCH_UI_VIEWS:-1}" = 1 ]; then
			# a rare entity: the first in at most a 10,000th of
			# the articles (two at least)
			RARE=$("$LEDE_BIN" --db "$store" entities 2>/dev/null | awk -F '\t' -v n="${narts:-0}" '
				$3 <= (n / 10000 > 2 ? n / 10000 : 2) { print $2; exit }')
			VIEWS=$out/views
			r=1
			while [ $r -le "$RUNS" ]; do
				TRACE=$out/vtrace.$r
				run_views "$store" "$cols" "$rows"
				r=$((r + 1))
			done
			echo "    views (key to first frame and to the worker's answer drawn;" \
				"rare: $RARE):"
			report_views "$VIEWS"
		fi
		if [ -n "${BENCH_UI_KEEP:-}" ]; then
			mkdir -p "$BENCH_UI_KEEP"
			cp -r "$out" "$BENCH_UI_KEEP/$(basename "$store").${cols}x${rows}"
		fi
	done
done
echo
echo "  targets: first screen < 100 ms, filter or search < 50 ms, key < 16 ms," \
	"RSS < 50 MB and flat"
