#!/bin/sh
# cli_timeline.sh: `lede timeline` counts the result set's articles per
# period (articles we wrote, with dates we chose): every period from the
# first to the last, empty ones included; the period chosen from the span
# unless --by says; the list's filters; undated and too coarse dates left
# out and said so; JSON; bad --by, --format and searches refused.
. "${LEDE_TESTS:-$(dirname "$0")}/lib.sh"

C=$T/corpus
mkdir "$C"
art() { printf '%s\n\n%s\n\n%s\n' "$2" "$3" "$4" >"$C/$1.txt"; }
art a1 "Hà Nội mưa lớn" "03/01/2024 08:00" "Hà Nội mưa lớn suốt đêm, nhiều tuyến phố ngập."
art a2 "Hà Nội rét đậm" "05/01/2024 07:00" "Hà Nội rét đậm, nhiệt độ xuống dưới 10 độ."
art a3 "Đà Nẵng đón khách" "20/01/2024 09:00" "Đà Nẵng đón hàng nghìn khách du lịch dịp cuối tuần."
art a4 "Hà Nội nắng ấm" "14/03/2024 10:00" "Hà Nội nắng ấm trở lại sau đợt rét kéo dài."
art a5 "Tin không ngày" "" "Một bản tin không ghi ngày tháng về Hà Nội."
run --db "$DB" ingest "$C"
expect_rc 0 "ingest"

run --db "$DB" timeline --by month
expect_rc 0 "timeline by month"
check "three months, February empty" sh -c "cut -f1,4 '$T/out' | tr '\t\n' ': ' | grep -qx '2024-01:3 2024-02:0 2024-03:1 '"
check "each period with its first and last day" sh -c "sed -n 2p '$T/out' | cut -f2,3 | grep -qx '2024-02-01	2024-02-29'"
check "the undated article is said to be left out" has "$T/err" "1 undated"

run --db "$DB" timeline --by week --entity "Hà Nội"
expect_rc 0 "timeline by week of an entity"
check "weeks start on Monday and are named by it" sh -c "head -1 '$T/out' | cut -f1-3 | grep -qx '2024-01-01	2024-01-01	2024-01-07'"
check "the entity's articles only (2 + 1)" test "$(awk -F'\t' '{ s += $4 } END { print s }' "$T/out")" = 3
check "the weeks between are there, empty" test "$(lines "$T/out")" = 11

run --db "$DB" timeline --since 2024-01-04 --until 2024-01-31 --by day
expect_rc 0 "timeline by day within dates"
check "from the first article's day to the last's" sh -c "head -1 '$T/out' | cut -f1 | grep -qx 2024-01-05 && tail -1 '$T/out' | cut -f1 | grep -qx 2024-01-20"
check "no undated note within dates" sh -c "! grep -q undated '$T/err'"

run --db "$DB" timeline
expect_rc 0 "timeline, period chosen"
check "a span of ten weeks is shown by week" sh -c "head -1 '$T/out' | cut -f1 | grep -qx 2024-01-01"

run --db "$DB" timeline --by year --format json
expect_rc 0 "timeline as JSON"
check "the JSON holds the period kind, the counts and the undated" python3 -c "
import json
t = json.load(open('$T/out'))
assert t['by'] == 'year' and t['undated'] == 1 and t['imprecise'] == 0, t
assert t['periods'] == [{'period': '2024', 'first': '2024-01-01', 'last': '2024-12-31', 'articles': 4}], t
"

run --db "$DB" timeline --search "không có từ này"
expect_rc 0 "a search nothing matches"
check "no periods" test "$(lines "$T/out")" = 0

run --db "$DB" timeline --by fortnight
expect_rc 2 "an unknown --by"
check "the error names it" has "$T/err" "invalid --by 'fortnight'"
run --db "$DB" timeline --format xml
expect_rc 2 "an unknown format"
run --db "$DB" timeline --search '"unclosed'
expect_rc 2 "a malformed search"
run --db "$DB" timeline extra
expect_rc 2 "an unexpected argument"
check "the error names it" has "$T/err" "'extra'"
run --db "$T/none.db" timeline
expect_rc 1 "a store that does not exist"
finish
