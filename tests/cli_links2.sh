#!/bin/sh
# cli_links2.sh: linking across a corpus that must never merge two
# things: a name after a royal title ("Prince Charles") is no partial
# name of another's full name ("Ray Charles"); a party is shown under the
# name written as a noun (Liberal Democrats), not the adjective's form
# ("Liberal Democrat leader") even where that is written more; a partial
# name links only to a full name some article proves a person's (not to
# a song's title guessed a person).
. "${LEDE_TESTS:-$(dirname "$0")}/lib.sh"

mkdir -p "$T/c"
printf 'A soul legend\n\nThe singer Ray Charles recorded the album in 1962. Ray Charles toured Europe that year.\n' >"$T/c/a.txt"
printf 'A royal visit\n\nPrince Charles opened the new hospital wing on Friday. Prince Charles met nurses.\n' >"$T/c/b.txt"
run --db "$T/c.db" ingest "$T/c"
expect_rc 0 "ingest of a singer's and a prince's articles"
ents=$("$LEDE_BIN" --db "$T/c.db" entities)
if ! printf '%s\n' "$ents" | grep -q 'Ray Charles'; then
    echo "# no person named Ray Charles: extraction is not in place"
    exit 77
fi
ray=$(printf '%s\n' "$ents" | awk -F'\t' '$2 == "Ray Charles" { print $3 }')
check "the prince is not the singer (Ray Charles in '$ray' articles)" test "$ray" = 1

mkdir -p "$T/ld"
printf 'Tax plans\n\nLiberal Democrat leader Jane Roe said on Monday that taxes would rise.\n' >"$T/ld/a.txt"
printf 'Schools\n\nThe Liberal Democrat spokesman John Doe asked for more teachers.\n' >"$T/ld/b.txt"
printf 'Polls\n\nThe Liberal Democrats gained ground in the polls this week.\n' >"$T/ld/c.txt"
run --db "$T/ld.db" ingest "$T/ld"
expect_rc 0 "ingest of a party's articles"
party=$("$LEDE_BIN" --db "$T/ld.db" entities | awk -F'\t' '$1 == "ORG" && $2 ~ /^Liberal/ { print $2 }')
check "the party is shown as Liberal Democrats (got '$party')" test "$party" = "Liberal Democrats"

mkdir -p "$T/f"
printf 'Chart news\n\nListeners voted for Always Forever in the poll, ahead of many others.\n' >"$T/f/a.txt"
printf 'Campaign games\n\nThe games on sale include President Forever and others.\n' >"$T/f/b.txt"
run --db "$T/f.db" ingest "$T/f"
expect_rc 0 "ingest of a song's and a game's articles"
song=$("$LEDE_BIN" --db "$T/f.db" entities --all | awk -F'\t' '$2 == "Always Forever" { print $3 }')
if [ -z "$song" ]; then
    echo "# no entity named Always Forever: extraction is not in place"
    exit 77
fi
check "a word of a game's title is not a song's name (in '$song' articles)" test "$song" = 1
finish
