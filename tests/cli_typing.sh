#!/bin/sh
# cli_typing.sh: types decided by the corpus, seen from the command line:
# a name only guessed is of low confidence, left out of `lede entities`
# and of `show`'s mentions unless --all; --entity finds it all the same;
# one article that proves a type ("tỉnh Mộc Yên") types it everywhere,
# and deleting that article takes it back.
. "${LEDE_TESTS:-$(dirname "$0")}/lib.sh"

mkdir "$T/c"
printf 'Lễ hội mùa xuân\n\nMùa xuân năm nay, Mộc Yên rực rỡ sắc hoa. Nhiều gia đình nói Mộc Yên đẹp nhất vào tháng hai.\n' \
    >"$T/c/guessed.txt"
printf 'Tin Hà Nội\n\nHôm nay Hà Nội mưa to suốt buổi sáng.\n' >"$T/c/other.txt"
run --db "$DB" ingest "$T/c"
expect_rc 0 "ingest"
# The TSV line of the entity with this exact name, with extra arguments.
entity_line() { name=$1; shift; "$LEDE_BIN" --db "$DB" entities "$@" | awk -F'\t' -v n="$name" '$2 == n'; }

if [ -z "$(entity_line "Mộc Yên" --all)" ]; then
    echo "# the extractor gives no entity 'Mộc Yên': nothing to type"
    exit 77
fi
check "entities leaves a guessed name out" test -z "$(entity_line "Mộc Yên")"
check "entities keeps the names it has evidence for" test -n "$(entity_line "Hà Nội")"
check "entities --all lists the guessed name with its guessed type" \
    test "$(entity_line "Mộc Yên" --all | cut -f1,3)" = "$(printf 'PER\t1')"
run --db "$DB" entities --all --format json
check "entities --all --format json too" has "$T/out" '"name":"Mộc Yên"'
run --db "$DB" list --entity "Mộc Yên"
check "--entity finds a name of low confidence" test "$(lines "$T/out")" = 1
id=$(cut -f1 "$T/out")
run --db "$DB" show "$id" --format json
check "show leaves its mentions out" hasnt "$T/out" '"entity":"Mộc Yên"'
run --db "$DB" show "$id" --format json --all
check "show --all lists them" has "$T/out" '"entity":"Mộc Yên"'
run --db "$DB" list --all
expect_rc 2 "--all does not apply to list"

printf 'Tỉnh mở rộng địa giới\n\nTheo quyết định mới, tỉnh Mộc Yên sẽ được mở rộng về phía bắc.\n' \
    >"$T/c/proof.txt"
run --db "$DB" ingest "$T/c"
check "one article with 'tỉnh' makes it a place in both articles" \
    test "$(entity_line "Mộc Yên" | cut -f1,3)" = "$(printf 'LOC\t2')"
check "and no person of that name is left" test -z "$(entity_line "Mộc Yên" --all | grep '^PER')"
run --db "$DB" show "$id" --format json
check "the guessed article's mentions are the place's" has "$T/out" '"entity":"Mộc Yên"'

rm "$T/c/proof.txt"
run --db "$DB" ingest "$T/c"
check "without the proof it is a guess again, left out" test -z "$(entity_line "Mộc Yên")"
check "--all shows it with its guessed type" \
    test "$(entity_line "Mộc Yên" --all | cut -f1,3)" = "$(printf 'PER\t1')"
finish
