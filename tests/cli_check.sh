#!/bin/sh
# cli_check.sh: `lede check` passes a clean store, finds doc values and
# entity counts that disagree with the article_entity rows (a store
# changed behind lede's back with sqlite3), names what is wrong and exits
# 1; `lede check --rebuild` rebuilds them from the rows and the store
# passes again, its facets as before.
. "${LEDE_TESTS:-$(dirname "$0")}/lib.sh"

command -v sqlite3 >/dev/null || { echo "1..0 # SKIP no sqlite3 command"; exit 77; }

run --db "$DB" ingest "$LEDE_SAMPLES"
expect_rc 0 "ingest of the samples"

run --db "$DB" check
expect_rc 0 "a clean store passes"
check "check says ok" has "$T/out" "ok"

# The facets of the most common entity, to compare after the rebuild.
top=$("$LEDE_BIN" --db "$DB" entities | head -n 1 | cut -f2)
"$LEDE_BIN" --db "$DB" entities --with "$top" >"$T/facets.before"
check "the most common entity has facets" test -s "$T/facets.before"

# One byte of article 1's doc values changed: its first entity (offset
# 2052, after the chunk's header of 513 offsets) becomes another.
sqlite3 "$DB" "UPDATE docval SET data = substr(data, 1, 2052) ||
  CASE WHEN substr(data, 2053, 1) = x'7e' THEN x'7c' ELSE x'7e' END ||
  substr(data, 2054) WHERE chunk = 0"
run --db "$DB" check
expect_rc 1 "a changed doc value fails the check"
check "the article whose doc values differ is named" has "$T/out" "doc values: article 1: stored entities"
check "and what its rows say" has "$T/out" "article_entity has"
check "the summary counts the problems and names the rebuild" has "$T/err" "check --rebuild"
check "no ok" hasnt "$T/out" "ok"

run --db "$DB" check --rebuild
expect_rc 0 "check --rebuild"
check "rebuilt, the store passes" has "$T/out" "ok"
run --db "$DB" check
expect_rc 0 "and passes again"
"$LEDE_BIN" --db "$DB" entities --with "$top" >"$T/facets.after"
check "the facets are what they were" cmp -s "$T/facets.before" "$T/facets.after"

# A chunk gone, and an entity's count changed.
sqlite3 "$DB" "DELETE FROM docval WHERE chunk = 0;
  UPDATE entity SET articles = articles + 5 WHERE id = (SELECT min(id) FROM entity)"
id=$(sqlite3 "$DB" "SELECT min(id) FROM entity")
run --db "$DB" check
expect_rc 1 "a missing chunk and a wrong count fail the check"
check "the missing chunk is named" has "$T/out" "doc values: chunk 0 (articles 0-511) is missing"
check "the wrong count is named" has "$T/out" "entity $id: articles"
run --db "$DB" check --rebuild
expect_rc 0 "check --rebuild repairs both"
run --db "$DB" check
expect_rc 0 "and the store passes"

run --db "$DB" check extra
expect_rc 2 "check takes no argument"
run --db "$DB" list --rebuild
expect_rc 2 "--rebuild is check's alone"
finish
