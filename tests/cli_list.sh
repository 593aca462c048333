#!/bin/sh
# cli_list.sh: `lede list` streams a long list page by page: the pages
# join into the whole list (TSV and JSON), a reader that goes away
# (`| head`) ends it quietly, and a write that fails is an error.
. "${LEDE_TESTS:-$(dirname "$0")}/lib.sh"

# 1,500 short articles: the list passes the pages read from the date
# index (1,344 rows) into the rest read whole. Dates tie in groups.
mkdir "$T/corpus"
i=0
while [ $i -lt 1500 ]; do
	printf 'Article %d about paging\n\n%04d-0%d-01\n\nA body of text %d.\n' \
		$i $((2000 + i % 20)) $((1 + i % 3)) $i >"$T/corpus/a$i.txt"
	i=$((i + 1))
done
run --db "$DB" ingest "$T/corpus"
expect_rc 0 "ingest of 1,500 articles"

run --db "$DB" list
expect_rc 0 "list"
cp "$T/out" "$T/list.tsv"
check "the list has every article once" sh -c \
	"test \"\$(cut -f1 '$T/list.tsv' | sort -u | wc -l)\" -eq 1500"
# Newest first, ties by id descending: sorted so, the list is unchanged.
cut -f1,2 "$T/list.tsv" >"$T/list.tsv.keys"
check "the list is in list order (date, then id, newest first)" sh -c \
	"sort -t '	' -s -k2,2r -k1,1nr '$T/list.tsv.keys' | cmp -s - '$T/list.tsv.keys'"

run --db "$DB" list --format json
expect_rc 0 "list --format json"
if command -v python3 >/dev/null; then
	check "the JSON list parses, in the TSV list's order" python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
ids = [int(l.split('\t')[0]) for l in open(sys.argv[2], encoding='utf-8')]
assert [a['id'] for a in d] == ids" "$T/out" "$T/list.tsv"
fi

# A reader that stops after one line: with SIGPIPE ignored (as some
# callers leave it) the write fails with EPIPE and lede ends quietly with
# status 0; by default the signal ends it, as it ends any tool.
(
	trap '' PIPE
	{
		"$LEDE_BIN" --db "$DB" list 2>"$T/err1"
		echo $? >"$T/rc1"
	} | head -n 1 >"$T/head1"
)
check "| head -n 1 with SIGPIPE ignored: the first line" sh -c \
	"head -n 1 '$T/list.tsv' | cmp -s - '$T/head1'"
check "| head -n 1 with SIGPIPE ignored: exit 0" test "$(cat "$T/rc1")" = 0
check "| head -n 1 with SIGPIPE ignored: nothing said" test ! -s "$T/err1"
{
	"$LEDE_BIN" --db "$DB" list --format json 2>"$T/err2"
	echo $? >"$T/rc2"
} | head -n 2 >"$T/head2"
check "| head -n 2 (json): the first lines" test "$(lines "$T/head2")" = 2
check "| head -n 2: exit 0 or SIGPIPE's" sh -c \
	"case \$(cat '$T/rc2') in 0|141) exit 0 ;; *) exit 1 ;; esac"
check "| head -n 2: nothing said" test ! -s "$T/err2"

# A write that fails for another reason is an error (it was silent:
# exit 0 with the list lost).
if [ -w /dev/full ]; then
	"$LEDE_BIN" --db "$DB" list >/dev/full 2>"$T/err"
	rc=$?
	expect_rc 1 "list to a full disk"
	check "a full disk is told" has "$T/err" "cannot write the output: "
else
	ok "list to a full disk # SKIP no /dev/full"
fi

finish
