#!/bin/sh
# cli_related.sh: `lede related ID` lists the articles about the same story
# (articles we wrote: three on a flood in one province, two on a trade
# fair, one on a football match), closest first, as TSV or JSON, at most
# --limit; bad IDs and limits are usage errors, an unknown article an input
# error, and nothing is shown for an article with no story mates.
. "${LEDE_TESTS:-$(dirname "$0")}/lib.sh"

C=$T/corpus
mkdir "$C"
cat >"$C/flood-1.txt" <<'X'
Lũ lớn ở Quảng Bình, hàng nghìn nhà bị ngập

12/10/2023 08:00

Mưa lớn kéo dài khiến nước sông Gianh dâng cao, hàng nghìn ngôi nhà ở huyện Tuyên Hóa, tỉnh Quảng Bình bị ngập sâu. Ban Chỉ huy phòng chống thiên tai tỉnh Quảng Bình cho biết lũ đã cuốn trôi nhiều cầu tràn và cô lập nhiều xã. Lực lượng cứu hộ dùng xuồng máy sơ tán người dân khỏi vùng ngập lũ.
X
cat >"$C/flood-2.txt" <<'X'
Quảng Bình sơ tán dân khỏi vùng lũ sông Gianh

12/10/2023 15:30

Chiều nay, tỉnh Quảng Bình tiếp tục sơ tán người dân ở huyện Tuyên Hóa khi nước lũ sông Gianh chưa rút. Ban Chỉ huy phòng chống thiên tai tỉnh cho biết nhiều xã vẫn bị cô lập, xuồng máy được huy động để tiếp tế lương thực cho người dân vùng ngập.
X
cat >"$C/flood-3.txt" <<'X'
Nước lũ sông Gianh bắt đầu rút, Tuyên Hóa khắc phục hậu quả

14/10/2023 09:10

Sau ba ngày ngập sâu, nước lũ sông Gianh đã bắt đầu rút. Huyện Tuyên Hóa, tỉnh Quảng Bình huy động lực lượng dọn bùn, sửa cầu tràn bị lũ cuốn trôi. Ban Chỉ huy phòng chống thiên tai tỉnh Quảng Bình thống kê hàng nghìn ngôi nhà bị ngập.
X
cat >"$C/fair-1.txt" <<'X'
Hội chợ thương mại Việt - Lào khai mạc tại Vientiane

20/11/2023 10:00

Hội chợ thương mại Việt - Lào năm nay quy tụ hơn 300 gian hàng của doanh nghiệp hai nước tại thủ đô Vientiane. Bộ Công Thương cho biết hội chợ giới thiệu nông sản, hàng tiêu dùng và máy móc nông nghiệp.
X
cat >"$C/fair-2.txt" <<'X'
Doanh nghiệp ký hợp đồng lớn tại hội chợ Việt - Lào

22/11/2023 16:00

Ngày thứ ba của hội chợ thương mại Việt - Lào ở Vientiane, nhiều doanh nghiệp đã ký hợp đồng xuất khẩu nông sản và máy móc nông nghiệp. Bộ Công Thương đánh giá gian hàng của doanh nghiệp Việt Nam thu hút đông khách.
X
cat >"$C/match.txt" <<'X'
Câu lạc bộ Hải Phòng thắng đậm trên sân Lạch Tray

05/12/2023 21:00

Câu lạc bộ Hải Phòng thắng 4-0 trong trận đấu tối nay trên sân Lạch Tray. Tiền đạo của đội chủ nhà ghi hai bàn trong hiệp một, khán giả đứng kín các khán đài.
X
"$LEDE_BIN" --db "$DB" ingest "$C" 2>"$T/ingest.err" ||
    { echo "# ingest failed: $(cat "$T/ingest.err")"; exit 1; }
id_of() { "$LEDE_BIN" --db "$DB" list | awk -F'\t' -v f="$1" '$4 == f { print $1 }'; }
FLOOD1=$(id_of flood-1.txt)
FLOOD2=$(id_of flood-2.txt)
FLOOD3=$(id_of flood-3.txt)
FAIR1=$(id_of fair-1.txt)
MATCH=$(id_of match.txt)

run --db "$DB" related "$FLOOD1"
expect_rc 0 "related of a flood story"
check "it lists the two other flood stories" sh -c "cut -f5 '$T/out' | sort | tr '\n' ' ' | grep -qx 'flood-2.txt flood-3.txt '"
check "each row is id, date, score, title, source" \
    awk -F'\t' 'NF != 5 || $3 !~ /^0\.[0-9][0-9]$|^1\.00$/ { exit 1 }' "$T/out"
check "the article itself is not listed" sh -c "! cut -f1 '$T/out' | grep -qx '$FLOOD1'"

run --db "$DB" related "$FAIR1" --format json
expect_rc 0 "related as JSON"
check "the JSON is valid and lists the other fair story" python3 -c "
import json, sys
rows = json.load(open('$T/out'))
assert [r['source'] for r in rows] == ['fair-2.txt'], rows
assert 0 < rows[0]['score'] <= 1 and rows[0]['id'] > 0
"

run --db "$DB" related "$FLOOD2" --limit 1
expect_rc 0 "related with --limit 1"
check "--limit 1 shows one" test "$(lines "$T/out")" = 1

run --db "$DB" related "$MATCH"
expect_rc 0 "related of a story alone"
check "nothing is shown for a story with no mates" test "$(lines "$T/out")" = 0

run --db "$DB" related "$MATCH" --format json
check "no mates in JSON is an empty array" has "$T/out" "[]"

run --db "$DB" related 99999
expect_rc 1 "an unknown article"
check "the error names the article" has "$T/err" "no article 99999"
run --db "$DB" related
expect_rc 2 "no ID"
check "the error says an ID is expected" has "$T/err" "expected one article ID"
run --db "$DB" related abc
expect_rc 2 "an ID that is no number"
check "the error names the argument" has "$T/err" "'abc'"
run --db "$DB" related "$FLOOD1" --limit 0
expect_rc 2 "--limit 0"
check "the error names the limit" has "$T/err" "invalid --limit '0'"
run --db "$DB" related "$FLOOD1" --limit 101
expect_rc 2 "--limit above 100"
run --db "$DB" related "$FLOOD1" --format xml
expect_rc 2 "an unknown format"
run --db "$T/none.db" related 1
expect_rc 1 "a store that does not exist"
check "the store is not created" test ! -e "$T/none.db"
check "the flood story's neighbours are unchanged after the errors" sh -c \
    "'$LEDE_BIN' --db '$DB' related '$FLOOD3' | cut -f5 | sort | tr '\n' ' ' | grep -qx 'flood-1.txt flood-2.txt '"
finish
