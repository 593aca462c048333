#!/bin/sh
# cli_linking.sh: entities across a corpus: the name shown is the one the
# corpus writes most (an English corpus says United States, a Vietnamese
# one Mỹ), and the user's rename still wins over it; a partial name links
# across articles to the corpus's only full name that ends with it, an
# acronym to the organization whose name it spells.
. "${LEDE_TESTS:-$(dirname "$0")}/lib.sh"

# The name column of `lede entities` for the entity of this type whose
# aliases or name hold the given spelling.
name_of() { "$LEDE_BIN" --db "$1" entities | awk -F'\t' -v t="$2" -v a="$3" \
    '$1 == t && ($2 == a || index("|" $5 "|", "|" a "|")) { print $2; exit }'; }

mkdir -p "$T/en" "$T/vi"
for i in 1 2 3; do
    printf 'Trade talks, day %s\n\nThe United States and Japan met in Geneva on Monday. Officials of the United States said the US would answer. Reporters asked whether the US plan would hold.\n' "$i" >"$T/en/en-$i.txt"
    printf 'Đàm phán thương mại, ngày %s\n\nMỹ và Nhật Bản gặp nhau tại Geneva hôm thứ Hai. Các quan chức Mỹ cho biết Mỹ sẽ trả lời. Phía Mỹ chưa bình luận thêm.\n' "$i" >"$T/vi/vi-$i.txt"
done

run --db "$T/en.db" ingest "$T/en"
expect_rc 0 "ingest of an English corpus"
en=$(name_of "$T/en.db" LOC US)
if [ -z "$en" ]; then
    echo "# the corpus gives no place for the US: extraction is not in place"
    exit 77
fi
check "an English corpus shows the United States under its English name (got '$en')" \
    test "$en" = "United States"

run --db "$T/vi.db" ingest "$T/vi"
expect_rc 0 "ingest of a Vietnamese corpus"
vi=$(name_of "$T/vi.db" LOC "Mỹ")
check "a Vietnamese corpus writing Mỹ shows Mỹ (got '$vi')" test "$vi" = "Mỹ"

# Both corpora in one store: each article votes once, the most written
# name wins; more Vietnamese articles make it Mỹ.
mkdir -p "$T/vi2"
for i in 4 5 6 7; do
    sed "s/ngày 1/ngày $i/" "$T/vi/vi-1.txt" >"$T/vi2/vi-$i.txt"
done
run --db "$T/en.db" ingest "$T/vi" "$T/vi2"
expect_rc 0 "ingest of more Vietnamese articles"
check "the name follows the corpus as it grows" test "$(name_of "$T/en.db" LOC "Mỹ")" = "Mỹ"

# The user's rename wins over the corpus's name.
run --db "$T/en.db" entity rename "Mỹ" "Nước Mỹ"
expect_rc 0 "rename"
check "a rename wins over the name the corpus uses" test "$(name_of "$T/en.db" LOC "Nước Mỹ")" = "Nước Mỹ"
# A partial name links across articles to the one full name it ends.
mkdir -p "$T/p1" "$T/p2" "$T/p3"
printf 'Talks in Paris\n\nMr Obama said on Monday that the talks would go on.\n' >"$T/p1/a.txt"
printf 'A speech in Cairo\n\nPresident Barack Obama spoke in Cairo. Obama said peace was near.\n' >"$T/p2/b.txt"
printf 'A visit to Berlin\n\nMr Obama went to Berlin on Friday, where Mr Obama met students.\n' >"$T/p3/c.txt"
# the partial name first, then the full name: they merge
run --db "$T/p.db" ingest "$T/p1"
run --db "$T/p.db" ingest "$T/p1" "$T/p2"
expect_rc 0 "ingest of a full name after its partial name"
line=$("$LEDE_BIN" --db "$T/p.db" entities | awk -F'\t' '$1 == "PER" && $2 ~ /Obama/')
if [ -z "$line" ]; then
    echo "# no person named Obama: extraction is not in place"
    exit 77
fi
check "a partial name stored before the full name merges into it ($line)" \
    test "$(printf '%s\n' "$line" | cut -f2-3)" = "$(printf 'Barack Obama\t2')"
# then a partial name after it links to it
run --db "$T/p.db" ingest "$T/p1" "$T/p2" "$T/p3"
line=$("$LEDE_BIN" --db "$T/p.db" entities | awk -F'\t' '$1 == "PER" && $2 ~ /Obama/')
check "a partial name after the full name links to it ($line)" \
    test "$(printf '%s\n' "$line" | cut -f2-3)" = "$(printf 'Barack Obama\t3')"
run --db "$T/p.db" list --entity Obama
check "--entity finds every article by the partial name" test "$(lines "$T/out")" = 3
# two full names ending so: a new partial name links to neither
mkdir -p "$T/p4" "$T/p5"
printf 'A school visit\n\nFirst lady Michelle Obama visited a school. Michelle Obama spoke.\n' >"$T/p4/d.txt"
printf 'Rome talks\n\nMr Obama went to Rome, where Mr Obama met the pope.\n' >"$T/p5/e.txt"
run --db "$T/p.db" ingest "$T/p1" "$T/p2" "$T/p3" "$T/p4" "$T/p5"
check "an ambiguous partial name stays apart" \
    sh -c "'$LEDE_BIN' --db '$T/p.db' entities | awk -F'\t' '\$1 == \"PER\" && \$2 == \"Barack Obama\" && \$3 == 3' | grep -q ."
# An acronym alone is the organization whose name it spells, once an
# article wrote them together, in either order of the articles.
mkdir -p "$T/a1" "$T/a2" "$T/a3"
printf 'Audit findings\n\nTheo KTNN, số tiền phải thu hồi rất lớn.\n' >"$T/a1/a.txt"
printf 'Audit report\n\nBáo cáo của Kiểm toán Nhà nước (KTNN) nêu nhiều sai phạm.\n' >"$T/a2/b.txt"
printf 'Audit again\n\nNăm nay KTNN sẽ kiểm toán 20 bộ, ngành.\n' >"$T/a3/c.txt"
run --db "$T/a.db" ingest "$T/a1"
run --db "$T/a.db" ingest "$T/a1" "$T/a2" "$T/a3"
expect_rc 0 "ingest of an acronym and its long form"
line=$("$LEDE_BIN" --db "$T/a.db" entities | awk -F'\t' '$1 == "ORG" && $2 == "Kiểm toán Nhà nước"')
check "the acronym's articles count for its long form ($line)" test "$(printf '%s\n' "$line" | cut -f3)" = 3
check "no organization is left under the acronym alone" \
    test -z "$("$LEDE_BIN" --db "$T/a.db" entities | awk -F'\t' '$2 == "KTNN"')"
finish
