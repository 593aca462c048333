#!/bin/sh
# cli_vimarks.sh: Vietnamese diacritics tell entities apart across a
# corpus (the ward Đúc is not Đức, Germany; Trần Thành is not Trấn
# Thành), the same name with its tone placed elsewhere (Thủy, Thuỷ) stays
# one, and looking entities up by name stays blind to diacritics.
. "${LEDE_TESTS:-$(dirname "$0")}/lib.sh"

mkdir -p "$T/corpus"
printf 'Ngập ở Huế\n\nNhiều hộ dân ở phường Đúc, thành phố Huế bị ngập sau mưa lớn. Chính quyền phường Đúc đã di dời người dân.\n' >"$T/corpus/a.txt"
printf 'Khách châu Âu\n\nĐoàn khách từ Đức sang thăm Hà Nội. Họ rời Đức hôm thứ hai.\n' >"$T/corpus/b.txt"
printf 'Lễ trao giải\n\nBà Nguyễn Thị Thủy nhận giải thưởng. Bà Thủy cảm ơn ban tổ chức.\n' >"$T/corpus/c.txt"
printf 'Hội nghị\n\nBà Nguyễn Thị Thuỷ phát biểu tại hội nghị. Bà Thuỷ đề nghị tăng ngân sách.\n' >"$T/corpus/d.txt"
printf 'Giải trí\n\nDanh hài Trấn Thành dẫn chương trình tối qua. Trấn Thành được khán giả khen.\n' >"$T/corpus/e.txt"
printf 'Bóng đá\n\nCầu thủ Trần Thành ghi bàn ở phút cuối. Trần Thành nói anh rất vui.\n' >"$T/corpus/f.txt"

run --db "$DB" ingest "$T/corpus"
expect_rc 0 "ingest"

# The TSV lines of `lede entities --all` of this type and name.
entity_lines() { "$LEDE_BIN" --db "$DB" entities --all | awk -F'\t' -v t="$1" -v n="$2" '$1 == t && $2 == n'; }
# Sorted article ids of `lede list` with the given arguments.
ids() { "$LEDE_BIN" --db "$DB" list "$@" | cut -f1 | sort -n | tr '\n' ' '; }

if [ -z "$(entity_lines LOC "Đức")$(entity_lines LOC "Đúc")" ] ||
    [ -z "$(entity_lines PER "Nguyễn Thị Thủy")$(entity_lines PER "Nguyễn Thị Thuỷ")" ] ||
    [ -z "$(entity_lines PER "Trấn Thành")$(entity_lines PER "Trần Thành")" ]; then
    echo "# the corpus gives no place Đức, no person Thủy or Thành: extraction is not in place"
    exit 77
fi

check "Đức (Germany) is one entity in one article" test "$(entity_lines LOC "Đức" | cut -f3)" = 1
check "the ward Đúc is an entity of its own" test -n "$(entity_lines LOC "Đúc")"
check "Đức does not have the ward as an alias" \
    sh -c "! '$LEDE_BIN' --db '$DB' entities --all | grep -q \"$(printf '^LOC\tĐức\t')\".*Đúc"
thuy=$( (entity_lines PER "Nguyễn Thị Thủy"; entity_lines PER "Nguyễn Thị Thuỷ") | cut -f3)
check "Thủy and Thuỷ are one person in two articles (got '$thuy')" test "$thuy" = 2
check "Trấn Thành is one person" test "$(entity_lines PER "Trấn Thành" | cut -f3)" = 1
check "Trần Thành is another" test "$(entity_lines PER "Trần Thành" | cut -f3)" = 1

# Lookups by name fold diacritics as search does.
check "--entity without diacritics finds Thủy in both articles" \
    test "$(ids --entity "Nguyen Thi Thuy" | wc -w)" = 2
check "--entity LOC:Duc finds both places, Đức and Đúc" \
    test "$(ids --entity "LOC:Duc" | wc -w)" = 2
run --db "$DB" entity rename "tran thanh" "Trần Thành (cầu thủ)"
check "a name without marks shared by two entities asks which" test "$rc" -ne 0
run --db "$DB" entity rename "Trần Thành" "Trần Thành (cầu thủ)"
expect_rc 0 "a name with its marks picks the entity of those marks"
check "the footballer is renamed" test "$(entity_lines PER "Trần Thành (cầu thủ)" | cut -f3)" = 1
check "the comedian is not" test "$(entity_lines PER "Trấn Thành" | cut -f3)" = 1
finish
