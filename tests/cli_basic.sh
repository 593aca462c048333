#!/bin/sh
# cli_basic.sh: the scriptable CLI on the samples: ingest (incremental,
# idempotent, duplicates), list, search, dates, show, stats, help.
. "${LEDE_TESTS:-$(dirname "$0")}/lib.sh"

nsamples=$(ls "$LEDE_SAMPLES" | wc -l | tr -d ' ')
cp -R "$LEDE_SAMPLES" "$T/corpus"

run --db "$DB" ingest "$T/corpus"
expect_rc 0 "ingest of the samples"
check "summary counts every sample as new" has "$T/err" "$nsamples new, 0 changed, 0 unchanged"
check "no progress bar when stderr is not a terminal" sh -c "! grep -q \"\$(printf '\\r')\" '$T/err'"

run --db "$DB" ingest "$T/corpus"
expect_rc 0 "second ingest"
check "second ingest: everything unchanged" has "$T/err" "0 new, 0 changed, $nsamples unchanged"

touch -d '2001-01-01' "$T/corpus/vi-001-dam-phan-an-ninh.txt"
run --db "$DB" ingest "$T/corpus"
check "touched file with the same content is unchanged" has "$T/err" "0 new, 0 changed, $nsamples unchanged"

cp "$T/corpus/en-001-geneva-security-talks.txt" "$T/corpus/copy-of-en-001.txt"
run --db "$DB" ingest "$T/corpus"
check "identical content under a second path is a duplicate" has "$T/err" "1 duplicate"
run --db "$DB" list
check "the duplicate is one article" test "$(lines "$T/out")" = "$nsamples"
id=$(grep -F 'en-001-geneva' "$T/out" | cut -f1 | head -n1)
run --db "$DB" show "$id"
check "show lists both paths of a duplicated article" sh -c "grep -c '^File: ' '$T/out' | grep -qx 2"

printf 'Changed title\n\nA changed body about Geneva.\n' >"$T/corpus/vi-004-kinh-te-xuat-khau.txt"
run --db "$DB" ingest "$T/corpus"
check "a changed file is counted as changed" has "$T/err" "1 changed"
run --db "$DB" list --search "changed body"
check "the changed file's new text is searchable" test "$(lines "$T/out")" = 1
run --db "$DB" list
check "a changed file replaces its article" test "$(lines "$T/out")" = "$nsamples"

# Files are known by their resolved absolute path: reached through a
# symlinked folder (outside the folder given: --follow), a symlinked file
# or a path with '..', one file is one path, so ingesting it the other
# way finds it unchanged.
mkdir -p "$T/real/sub" "$T/links"
cp "$T/corpus/en-001-geneva-security-talks.txt" "$T/real/sub/a.txt"
printf 'Reached by a link\n\nA body about Hanoi.\n' >"$T/real/b.txt"
ln -s "$T/real/sub" "$T/links/subdir"
ln -s "$T/real/b.txt" "$T/links/b-link.txt"
run --db "$T/paths.db" ingest --follow "$T/links"
expect_rc 0 "ingest through symlinks"
check "files behind symlinks are ingested" has "$T/err" "2 new, 0 changed"
run --db "$T/paths.db" ingest "$T/real/sub/../sub/.."
check "their real paths are the same files" has "$T/err" "0 new, 0 changed, 2 unchanged"
run --db "$T/paths.db" list --search hanoi
run --db "$T/paths.db" show "$(cut -f1 "$T/out" | head -n1)"
check "the stored path is the resolved one" has "$T/out" "real/b.txt"

# Search folds case and diacritics, in the query and in the text.
run --db "$DB" list --search lamarque
check "the photo credit is searched (Reuters/Kevin Lamarque)" sh -c "grep -q 'vi-101-washington' '$T/out'"
run --db "$DB" list --search "dam phan"
expect_rc 0 "search without diacritics"
a=$(lines "$T/out")
check "search 'dam phan' finds articles" test "$a" -gt 0
run --db "$DB" list --search "ĐÀM PHÁN"
check "search 'ĐÀM PHÁN' finds the same" test "$(lines "$T/out")" = "$a"
run --db "$DB" list --search "đàm phán"
check "search 'đàm phán' finds the same" test "$(lines "$T/out")" = "$a"
run --db "$DB" list --search '"dam phan"'
check "phrase search works" test "$(lines "$T/out")" -gt 0
run --db "$DB" list --search "đàm*"
check "prefix search works" test "$(lines "$T/out")" -ge "$a"
# Words FTS5 would refuse as barewords are searched as phrases.
run --db "$DB" list --search "U.S."
expect_rc 0 "search with full stops inside a word"
check "'U.S.' finds the English article" has "$T/out" "U.S. and Russian envoys"
run --db "$DB" list --search "covid-19 O'Brien"
expect_rc 0 "search with a hyphen and an apostrophe"
run --db "$DB" list --search "a - b"
expect_rc 0 "search with a lone dash"
run --db "$DB" list --search "zzzyyyxxx"
expect_rc 0 "search with no hits"
check "no hits, no lines" test "$(lines "$T/out")" = 0
run --db "$DB" list --search '"dam phan'
expect_rc 2 "malformed search is a usage error"
check "malformed search names the option and the query" has "$T/err" "--search: malformed query '\"dam phan'"
check "malformed search says what is wrong" has "$T/err" "not closed"

# Dates.
run --db "$DB" list --since 2022-01-01 --until 2022-01-31
expect_rc 0 "date range"
check "date range keeps only January 2022" sh -c "cut -f2 '$T/out' | grep -v '^2022-01' | wc -l | grep -qx 0"
run --db "$DB" list --since 31/12/2099
check "a future --since lists nothing" test "$(lines "$T/out")" = 0
run --db "$DB" list --since "not a date"
expect_rc 2 "invalid --since"

# JSON, built by SQLite.
run --db "$DB" list --format json
expect_rc 0 "list as JSON"
check "JSON list is an array of objects" sh -c "head -c 2 '$T/out' | grep -q '^\\[' && grep -q '\"title\":' '$T/out'"
if command -v python3 >/dev/null; then
    check "JSON list parses" python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert len(d) == int(sys.argv[2])" "$T/out" "$nsamples"
fi
run --db "$DB" show "$id" --format json
check "show as JSON has the body" has "$T/out" '"body":'
run --db "$DB" show "$T/corpus/en-001-geneva-security-talks.txt"
expect_rc 0 "show by path"
run --db "$DB" show 999999
expect_rc 1 "show of an unknown id"
check "unknown id is named" has "$T/err" "999999"

# The default store follows XDG_DATA_HOME, and LEDE_DB overrides it.
run ingest "$T/corpus/en-002-nato-foreign-ministers.txt"
check "default store is created under XDG_DATA_HOME" test -f "$XDG_DATA_HOME/lede/lede.db"
LEDE_DB=$T/env.db "$LEDE_BIN" ingest "$T/corpus/en-003-un-climate-report.txt" 2>/dev/null
check "LEDE_DB names the store" test -f "$T/env.db"

run --db "$DB" stats
expect_rc 0 "stats"
check "stats counts the articles" has "$T/out" "articles	$nsamples"

# An uninstalled lede finds the data of its source tree, and a missing
# data folder is said, not silently ignored.
(unset LEDE_DATADIR; "$LEDE_BIN" --db "$T/nodata.db" ingest "$LEDE_SAMPLES" >/dev/null 2>"$T/err"
 "$LEDE_BIN" --db "$T/nodata.db" entities >"$T/out.nodata")
"$LEDE_BIN" --db "$T/data.db" ingest "$LEDE_SAMPLES" >/dev/null 2>&1
"$LEDE_BIN" --db "$T/data.db" entities >"$T/out.data"
check "without LEDE_DATADIR the built lede uses the source tree's data" cmp -s "$T/out.nodata" "$T/out.data"
LEDE_DATADIR=$T/no-such-folder "$LEDE_BIN" --db "$T/missing.db" ingest "$LEDE_SAMPLES/en-001-geneva-security-talks.txt" >/dev/null 2>"$T/err"
check "a missing data folder is named in a warning" has "$T/err" "no-such-folder: data folder not found"

run --help
expect_rc 0 "--help"
check "--help shows usage" has "$T/out" "Usage: lede"
run --version
check "--version names lede" has "$T/out" "lede "

finish
