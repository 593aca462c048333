#!/bin/sh
# cli_entity_show.sh: `lede entity show NAME` prints an entity's card on
# the samples: name, type, aliases, counts equal to the list's, first and
# last date, a line per period and the entities beside it; after the
# user's edits (a rename, a hide); as JSON; unknown names and misplaced
# options refused.
. "${LEDE_TESTS:-$(dirname "$0")}/lib.sh"

"$LEDE_BIN" --db "$DB" ingest "$LEDE_SAMPLES" 2>/dev/null
value() { awk -F'\t' -v k="$1" '$1 == k { print $2; exit }' "$T/out"; }

run --db "$DB" entity show NATO
expect_rc 0 "show an entity"
check "its name and type" sh -c "grep -qx 'name	NATO' '$T/out' && grep -qx 'type	ORG' '$T/out'"
articles=$("$LEDE_BIN" --db "$DB" list --entity NATO | wc -l | tr -d ' ')
check "its articles are the list's ($articles)" test "$(value articles)" = "$articles"
newest=$("$LEDE_BIN" --db "$DB" list --entity NATO | head -1 | cut -f2)
check "its last date is its newest article's ($newest)" test "$(value last)" = "$newest"
check "the periods add up to its dated articles" test \
    "$(awk -F'\t' '$1 == "period" { s += $3 } END { print s }' "$T/out")" = "$articles"
check "the entities beside it, each in as many of its articles as the list says" sh -c '
    grep "^with	" "'"$T/out"'" | head -3 | while IFS="	" read -r _ type name n; do
        got=$("'"$LEDE_BIN"'" --db "'"$DB"'" list --entity NATO --entity "$type:$name" | wc -l)
        [ "$got" -eq "$n" ] || exit 1
    done'

run --db "$DB" entity show "north atlantic treaty organization" --format json
expect_rc 0 "show by an alias, as JSON"
check "the JSON names the entity and its aliases" python3 -c "
import json
c = json.load(open('$T/out'))
assert c['name'] == 'NATO' and c['type'] == 'ORG' and not c['hidden'], c
assert 'North Atlantic Treaty Organization' in c['aliases'], c
assert c['articles'] == $articles and sum(p['articles'] for p in c['periods']) == $articles, c
assert c['with'] and all(w['articles'] > 0 for w in c['with']), c
"

"$LEDE_BIN" --db "$DB" entity rename NATO "Liên minh NATO" 2>/dev/null
"$LEDE_BIN" --db "$DB" entity hide "Liên minh NATO" 2>/dev/null
run --db "$DB" entity show "Liên minh NATO"
expect_rc 0 "show after a rename and a hide"
check "the card has the new name" test "$(value name)" = "Liên minh NATO"
check "the card says it is hidden" test "$(value hidden)" = yes
check "a hidden entity keeps its count" test "$(value articles)" = "$articles"

run --db "$DB" entity show "Không Có Thực Thể Này"
expect_rc 1 "an unknown name"
check "the error names it" has "$T/err" "no entity named 'Không Có Thực Thể Này'"
run --db "$DB" entity show
expect_rc 2 "no name"
run --db "$DB" entity show NATO --format xml
expect_rc 2 "an unknown format"
run --db "$DB" entity hide NATO --format json
expect_rc 2 "--format with another operation"
check "the error says where --format applies" has "$T/err" "applies to entity show only"
finish
