#!/bin/sh
# cli_relevance.sh: `lede list --search Q --sort relevance` lists the best
# matches first (a word in the title before a word in the body, however
# new), the same set as by date, in TSV and JSON, streamed in pages
# (more than one page of 1,024 rows); --sort date is the default; a
# wrong --sort is a usage error naming it; without --search the order is
# the date's.
. "${LEDE_TESTS:-$(dirname "$0")}/lib.sh"

mkdir "$T/corpus"
# The oldest article has the word in its title; the newer ones only in
# their bodies (once each, and the newest as often as the oldest).
printf 'Harbour cranes return\n\n2001-01-01\n\nThe port reopened on Monday.\n' \
	>"$T/corpus/title.txt"
printf 'Council meets\n\n2020-05-05\n\nThe council spoke of cranes once.\n' \
	>"$T/corpus/body1.txt"
printf 'Weather turns\n\n2021-06-06\n\nRain fell. Cranes stood still.\n' \
	>"$T/corpus/body2.txt"
printf 'Markets today\n\n2022-07-07\n\nNothing about birds here.\n' \
	>"$T/corpus/none.txt"
# 1,100 more matches, so that the list is more than one page.
i=0
while [ $i -lt 1100 ]; do
	printf 'Note %d\n\n%04d-0%d-02\n\nA note on cranes and paging, number %d.\n' \
		$i $((2002 + i % 15)) $((1 + i % 9)) $i >"$T/corpus/n$i.txt"
	i=$((i + 1))
done
run --db "$DB" ingest "$T/corpus"
expect_rc 0 "ingest"

run --db "$DB" list --search cranes --sort relevance
expect_rc 0 "list --search cranes --sort relevance"
cp "$T/out" "$T/rel.tsv"
check "the title hit comes first, though it is the oldest" sh -c \
	"head -n 1 '$T/rel.tsv' | cut -f3 | grep -qx 'Harbour cranes return'"
check "the article without the word is not listed" hasnt "$T/rel.tsv" "Markets today"
check "every match once (1,103 rows, no repeat)" sh -c \
	"test \"\$(cut -f1 '$T/rel.tsv' | sort -u | wc -l)\" -eq 1103 &&
	 test \"\$(wc -l <'$T/rel.tsv')\" -eq 1103"

run --db "$DB" list --search cranes
expect_rc 0 "list --search cranes (by date)"
cp "$T/out" "$T/date.tsv"
check "by date is the default: the newest match first" sh -c \
	"head -n 1 '$T/date.tsv' | cut -f3 | grep -qx 'Weather turns'"
check "relevance and date list the same articles" sh -c \
	"cut -f1 '$T/rel.tsv' | sort >'$T/a'; cut -f1 '$T/date.tsv' | sort >'$T/b'; cmp -s '$T/a' '$T/b'"
run --db "$DB" list --search cranes --sort date
check "--sort date is the date order" cmp -s "$T/out" "$T/date.tsv"

run --db "$DB" list --search cranes --sort relevance --format json
expect_rc 0 "list --sort relevance --format json"
if command -v python3 >/dev/null; then
	check "the JSON list is the TSV list's, in its order" python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
ids = [int(l.split('\t')[0]) for l in open(sys.argv[2], encoding='utf-8')]
assert [a['id'] for a in d] == ids" "$T/out" "$T/rel.tsv"
fi

# Other filters still apply in relevance order.
run --db "$DB" list --search cranes --sort relevance --until 2020-12-31
expect_rc 0 "list --sort relevance --until"
check "--until keeps the old title hit first" sh -c \
	"head -n 1 '$T/out' | cut -f3 | grep -qx 'Harbour cranes return'"
check "--until leaves the 2021 article out" hasnt "$T/out" "Weather turns"

# Without a search, relevance is the date order.
run --db "$DB" list --sort relevance
expect_rc 0 "list --sort relevance without --search"
cp "$T/out" "$T/all_rel.tsv"
run --db "$DB" list
check "without --search, relevance lists by date" cmp -s "$T/out" "$T/all_rel.tsv"

# Usage errors: exit 2, naming the argument.
run --db "$DB" list --search cranes --sort best
expect_rc 2 "--sort best"
check "the error names the value and the choices" has "$T/err" "invalid --sort 'best' (date or relevance)"
run --db "$DB" list --sort
expect_rc 2 "--sort without a value"
check "the error names the option" has "$T/err" "option '--sort' requires an argument"
run --db "$DB" entities --sort relevance
expect_rc 2 "--sort on entities"
check "the error says it does not apply" has "$T/err" "option '--sort' does not apply here"

finish
