#!/bin/sh
# cli_entity_edit.sh: the user's entity edits (lede entity rename, merge,
# retype, hide, unhide, edits): applied to entity lists, --entity, the
# mentions of `show`; kept across re-ingest and rebuilding the store, on a
# read-only store too; errors for unknown and ambiguous names.
. "${LEDE_TESTS:-$(dirname "$0")}/lib.sh"

cp -R "$LEDE_SAMPLES" "$T/corpus"
run --db "$DB" ingest "$T/corpus"
expect_rc 0 "ingest of the samples"

# The TSV line of the entity with this exact name (type, name, articles,
# mentions, aliases), from `lede entities` with the extra arguments.
entity_line() { name=$1; shift; "$LEDE_BIN" --db "$DB" entities "$@" | awk -F'\t' -v n="$name" '$2 == n'; }
# Sorted article ids of `lede list` with the given arguments.
ids() { "$LEDE_BIN" --db "$DB" list "$@" | cut -f1 | sort -n; }

for name in "Vladimir Putin" "NATO" "Nga" "Ukraine"; do
    if [ -z "$(entity_line "$name")" ]; then
        echo "# the samples give no entity '$name': extraction is not in place"
        exit 77
    fi
done
putin_n=$(entity_line "Vladimir Putin" | cut -f3)
ids --entity "Vladimir Putin" >"$T/putin.ids"

# --entity TYPE:NAME picks the entity of that type only.
ids --entity "PER:vladimir putin" >"$T/typed.ids"
check "--entity PER:NAME finds a person" cmp -s "$T/putin.ids" "$T/typed.ids"
check "--entity LOC:NAME finds no place of a person's name" test -z "$(ids --entity "LOC:Vladimir Putin")"

# rename
run --db "$DB" entity rename putin "Vladimir V. Putin"
expect_rc 0 "rename by an alias"
check "renamed entity listed under its new name" test "$(entity_line "Vladimir V. Putin" | cut -f3)" = "$putin_n"
check "old name no longer listed" test -z "$(entity_line "Vladimir Putin")"
check "the old name is kept as an alias" sh -c "'$LEDE_BIN' --db '$DB' entities | grep -F 'Vladimir V. Putin' | cut -f5 | grep -qF 'Vladimir Putin'"
ids --entity "vladimir v. putin" >"$T/new.ids"
check "--entity finds the new name, any case" cmp -s "$T/putin.ids" "$T/new.ids"
ids --entity "Vladimir Putin" >"$T/old.ids"
check "--entity still finds the old name" cmp -s "$T/putin.ids" "$T/old.ids"
pid=$(head -n 1 "$T/putin.ids")
run --db "$DB" show "$pid" --format json
check "show --format json names mentions by the new name" has "$T/out" '"entity":"Vladimir V. Putin"'
check "show --format json no longer uses the old name" hasnt "$T/out" '"entity":"Vladimir Putin"'
run --db "$DB" entities --with "Vladimir V. Putin"
check "--with takes the new name" test "$(lines "$T/out")" -gt 1
check "facets within a filter show the new name" has "$T/out" "Vladimir V. Putin"

# merge: one entity, articles counted once.
ids --entity NATO >"$T/nato.ids"
ids --entity Nga >"$T/nga.ids"
sort -nu "$T/nato.ids" "$T/nga.ids" >"$T/union.ids"
nato_m=$(entity_line NATO | cut -f4)
nga_m=$(entity_line Nga | cut -f4)
run --db "$DB" entity merge NATO Nga
expect_rc 0 "merge"
check "merged entity no longer listed on its own" test -z "$(entity_line NATO)"
check "merged group counts distinct articles" test "$(entity_line Nga | cut -f3)" = "$(lines "$T/union.ids")"
check "merged group adds up mentions" test "$(entity_line Nga | cut -f4)" = "$((nato_m + nga_m))"
check "merged group lists the merged entity's name as an alias" sh -c "'$LEDE_BIN' --db '$DB' entities | awk -F'\t' '\$2 == \"Nga\"' | cut -f5 | grep -qF NATO"
ids --entity nato >"$T/m1.ids"
ids --entity nga >"$T/m2.ids"
check "--entity NATO now means the merged group" cmp -s "$T/union.ids" "$T/m1.ids"
check "--entity Nga means the merged group" cmp -s "$T/union.ids" "$T/m2.ids"
run --db "$DB" entities --with Nga
check "facets within a filter count the group once" test "$(awk -F'\t' '$2 == "Nga"' "$T/out" | cut -f3)" = "$(lines "$T/union.ids")"
check "facets within a filter do not show the merged entity" sh -c "! cut -f2 '$T/out' | grep -qx NATO"
nid=$(head -n 1 "$T/nato.ids")
run --db "$DB" show "$nid" --format json
check "mentions of the merged entity name the group" has "$T/out" '"entity":"Nga"'
check "no mention names the merged entity" hasnt "$T/out" '"entity":"NATO"'
run --db "$DB" entity merge NATO Nga
expect_rc 1 "merging an entity into its own group"
check "says they are one already" has "$T/err" "already one entity"

# retype
run --db "$DB" entity retype Ukraine ORG
expect_rc 0 "retype"
check "retyped entity shown with its new type" test "$(entity_line Ukraine | cut -f1)" = ORG
ukr_ids=$(ids --entity Ukraine)
check "--entity ORG:NAME follows the retype" test "$(ids --entity ORG:Ukraine)" = "$ukr_ids" -a -n "$ukr_ids"
check "--entity LOC:NAME no longer finds a retyped place" test -z "$(ids --entity LOC:Ukraine)"
check "--type honours the new type" test -n "$(entity_line Ukraine --type ORG)"
check "--type leaves out the old type" test -z "$(entity_line Ukraine --type LOC)"
run --db "$DB" show "$(ids --entity Ukraine | head -n 1)" --format json
check "mentions carry the new type" has "$T/out" '"type":"ORG","text":"Ukraine"'

# hide and unhide
ukraine_ids=$(ids --entity Ukraine | tr '\n' ' ')
run --db "$DB" entity hide ukraine
expect_rc 0 "hide"
check "hidden entity not listed" test -z "$(entity_line Ukraine)"
check "hidden entity not among facets of a filter" test -z "$(entity_line Ukraine --with Nga)"
check "a hidden entity can still be filtered explicitly" test "$(ids --entity Ukraine | tr '\n' ' ')" = "$ukraine_ids"
run --db "$DB" show "$(ids --entity Ukraine | head -n 1)" --format json
check "show drops the mentions of a hidden entity" hasnt "$T/out" '"entity":"Ukraine"'

run --db "$DB" entity edits
expect_rc 0 "edits"
check "edits lists four edits" test "$(lines "$T/out")" = 4
check "edits lists the rename" has "$T/out" "$(printf 'rename\tPER\tVladimir Putin\tVladimir V. Putin')"
check "edits lists the merge" has "$T/out" "$(printf 'merge\tORG\tNATO\tLOC:Nga')"
check "edits lists the retype" has "$T/out" "$(printf 'retype\tLOC\tUkraine\tORG')"
check "edits lists the hide" has "$T/out" "$(printf 'hide\tLOC\tUkraine')"

# Edits survive deleting the store and ingesting the same files again.
rm -f "$DB" "$DB-wal" "$DB-shm"
run --db "$DB" ingest "$T/corpus"
expect_rc 0 "ingest into a new store"
check "rename survives rebuilding the store" test -n "$(entity_line "Vladimir V. Putin")"
check "merge survives rebuilding the store" test -z "$(entity_line NATO)"
check "merge still counts distinct articles" test "$(entity_line Nga | cut -f3)" = "$(lines "$T/union.ids")"
check "hide survives rebuilding the store" test -z "$(entity_line Ukraine)"
run --db "$DB" entity unhide Ukraine
expect_rc 0 "unhide"
check "unhidden entity listed again, still retyped" test "$(entity_line Ukraine | cut -f1)" = ORG
run --db "$DB" entity retype Ukraine LOC
check "retyping back to the store's type removes the edit" test "$("$LEDE_BIN" --db "$DB" entity edits | lines /dev/stdin)" = 2
check "entity back to its type" test "$(entity_line Ukraine | cut -f1)" = LOC

# Ambiguity: after a rename two entities of different types share a name.
run --db "$DB" entity rename "Hoa Kỳ" "Vladimir V. Putin"
expect_rc 0 "rename a place to a person's name"
run --db "$DB" entity hide "Vladimir V. Putin"
expect_rc 1 "an ambiguous name"
check "ambiguity lists the candidates with their types" sh -c "grep -qF 'PER:Vladimir V. Putin' '$T/err' && grep -qF 'LOC:Vladimir V. Putin' '$T/err'"
run --db "$DB" entity rename "LOC:Vladimir V. Putin" "Hoa Kỳ"
expect_rc 0 "TYPE:NAME picks one"
check "renaming back restores the place's name" test -n "$(entity_line "Hoa Kỳ")"

# Errors.
run --db "$DB" entity hide "Nobody At All"
expect_rc 1 "an unknown name"
check "the unknown name is named" has "$T/err" "Nobody At All"
run --db "$DB" entity
expect_rc 2 "entity without an operation"
run --db "$DB" entity frobnicate x
expect_rc 2 "an unknown operation"
run --db "$DB" entity rename Nga
expect_rc 2 "rename without the new name"
run --db "$DB" entity retype Nga PLACE
expect_rc 2 "retype to an invalid type"
run --db "$DB" entity rename Nga "  "
expect_rc 2 "rename to a blank name"
run --db "$DB" entity hide Nga --type PER
expect_rc 2 "an option entity does not take"
run --db "$T/none.db" entity hide Nga
expect_rc 1 "entity edit on a missing store"

# A read-only store: edits go to the user's state database.
if user_can_run; then
    chmod 755 "$T" "$HOME"
    mkdir -p "$T/ro" "$T/perm"; chmod 777 "$T/perm"
    cp "$DB" "$T/ro/store.db"
    "$LEDE_BIN" --db "$T/ro/store.db" stats >/dev/null 2>&1
    chmod 444 "$T/ro/store.db"; rm -f "$T/ro/store.db-wal" "$T/ro/store.db-shm"; chmod 555 "$T/ro"
    ro() { as_user env HOME="$T/perm" XDG_STATE_HOME="$T/perm/state" "$LEDE_BIN" --db "$T/ro/store.db" "$@" >"$T/out" 2>"$T/err"; rc=$?; }
    ro entity hide Nga
    expect_rc 0 "hide on a read-only store"
    ro entities
    check "the edit applies on the read-only store" sh -c "! cut -f2 '$T/out' | grep -qx Nga"
    ro entity rename "Vladimir Putin" "Putin, Vladimir"
    expect_rc 0 "rename on a read-only store"
    ro entities
    check "the rename applies on the read-only store" has "$T/out" "Putin, Vladimir"
    ro stats
    check "the store stayed read-only" has "$T/out" "(read-only)"
else
    echo "# skipped the read-only store tests: root, and no setpriv or a lede the unprivileged user cannot run"
fi

finish
