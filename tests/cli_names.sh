#!/bin/sh
# cli_names.sh: hostile file names and text (issue 10, items 3 and 4) never
# reach the terminal raw: no ESC, no 8-bit CSI, no C1, no bidi control, no
# zero-width character in any output or warning; JSON stays valid with
# non-UTF-8 names; and the CLI messages of item 10.
. "${LEDE_TESTS:-$(dirname "$0")}/lib.sh"

# The hostile bytes, as printf escapes.
ESC='\033'
CSI8='\233'            # 8-bit CSI, a lone byte (not UTF-8)
C1='\302\233'          # U+009B in UTF-8
RLO='\342\200\256'     # U+202E RIGHT-TO-LEFT OVERRIDE
LRI='\342\201\246'     # U+2066 LEFT-TO-RIGHT ISOLATE
ZWSP='\342\200\213'    # U+200B ZERO WIDTH SPACE
ZWJ='\342\200\215'     # U+200D ZERO WIDTH JOINER

# True when file $1 holds none of the hostile bytes. grep -a on bytes.
clean() {
    for b in "$ESC" "$CSI8" "$RLO" "$LRI" "$ZWSP" "$ZWJ" '\007'; do
        if LC_ALL=C grep -qa "$(printf "$b")" "$1"; then
            echo "# $1 holds $b:"; od -c "$1" | head -5 | sed 's/^/# /'
            return 1
        fi
    done
}
# True when file $1 is valid JSON for a strict parser.
json_ok() { python3 -c 'import json, sys; json.load(open(sys.argv[1], "rb"))' "$1"; }

mkdir -p "$T/in"
osc="osc-$(printf "$ESC]52;c;aGFja2Vk\007")end.txt"
csi="csi-$(printf "$CSI8")2J.txt"
c1="c1-$(printf "$C1")2J.txt"
bidi="bidi-$(printf "$RLO")txt.exe"
zw="zw$(printf "$ZWSP")sp.txt"
printf 'Clipboard title\n\nThe body of the OSC file.\n' >"$T/in/$osc"
printf 'Eight-bit title\n\nThe body of the CSI file.\n' >"$T/in/$csi"
printf 'Control title\n\nThe body of the C1 file.\n' >"$T/in/$c1"
printf 'Bidi title \342\200\256gpj.exe\n\nThe body says pay\342\200\215pal and is\342\200\213olate \342\201\246here\342\201\251.\n' >"$T/in/$bidi"
printf 'Zero width title\n\nThe body of the ZWSP file.\n' >"$T/in/$zw"
# The same bytes in warnings: a broken symlink, an unreadable file, an empty file.
ln -s "nowhere-$(printf "$ESC]52;c;aGk=\007")" "$T/in/broken-$(printf "$CSI8$RLO").txt"
: >"$T/in/empty-$(printf "$ESC[2J$C1").txt"

run --db "$DB" ingest "$T/in"
expect_rc 1 "ingest of hostile names (one broken link, one empty file)"
check "ingest warnings hold no raw escape, CSI, bidi or zero-width byte" clean "$T/err"
check "the broken link is named, escaped" has "$T/err" 'broken-\x9b\u202e.txt: '
check "the empty file is named, escaped" has "$T/err" 'empty-\x1b[2J\u009b.txt: empty file'

if user_can_run; then
    # A file the user cannot read ("cannot read" warning).
    mkdir -p "$T/locked" "$T/pw"
    printf 'Secret\n\nBody.\n' >"$T/locked/secret-$(printf "$CSI8").txt"
    chmod 000 "$T/locked/secret-$(printf "$CSI8").txt"
    chmod 755 "$T" "$T/locked"; chmod 777 "$T/pw"
    as_user env HOME="$T/pw" XDG_STATE_HOME="$T/pw/st" "$LEDE_BIN" --db "$T/pw/store.db" ingest "$T/locked" >"$T/out" 2>"$T/err"; rc=$?
    expect_rc 1 "ingest of an unreadable hostile name"
    check "the cannot-read warning holds no raw byte" clean "$T/err"
    check "the unreadable file is named, escaped" has "$T/err" 'secret-\x9b.txt: cannot read'
else
    echo "# skipped the unreadable file: root, and no setpriv or a lede the unprivileged user cannot run"
fi

run --db "$DB" list
expect_rc 0 "list"
check "list output holds no hostile byte" clean "$T/out"
check "list shows the OSC name escaped" has "$T/out" 'osc-\x1b]52;c;aGFja2Vk\x07end.txt'
check "list shows the 8-bit CSI name escaped" has "$T/out" 'csi-\x9b2J.txt'
check "list shows the C1 name escaped" has "$T/out" 'c1-\u009b2J.txt'
check "list shows the bidi name escaped" has "$T/out" 'bidi-\u202etxt.exe'
check "list shows the ZWSP name escaped" has "$T/out" 'zw\u200bsp.txt'
check "the title's override is gone" has "$T/out" "Bidi title gpj.exe"

for f in "$osc" "$csi" "$c1" "$bidi" "$zw"; do
    run --db "$DB" show "$T/in/$f"
    expect_rc 0 "show by a hostile path"
    check "show output holds no hostile byte" clean "$T/out"
done
run --db "$DB" show "$T/in/$bidi"
check "the body reads in stored order, no joiner or ZWSP" has "$T/out" "pay""pal and isolate here."

# JSON: strict parsers accept it, and the non-UTF-8 name comes back exactly.
run --db "$DB" list --format json
check "list --format json parses" json_ok "$T/out"
check "list JSON gives the non-UTF-8 name's bytes in hex" \
    python3 -c 'import json, sys
rows = json.load(open(sys.argv[1], "rb"))
want = sys.argv[2].encode("utf-8", "surrogateescape")
got = [bytes.fromhex(r["source_hex"]) for r in rows if "source_hex" in r]
assert got == [want], (got, want)
assert all("source_hex" not in r for r in rows if r["source"] != "csi-\ufffd2J.txt")' "$T/out" "$csi"
dir=$(cd "$T/in" && pwd -P)
for f in "$osc" "$csi" "$bidi"; do
    run --db "$DB" show --format json "$T/in/$f"
    check "show --format json parses (${f%%-*} name)" json_ok "$T/out"
    check "show JSON gives back the exact ${f%%-*} file name" python3 -c 'import json, sys
d = json.load(open(sys.argv[1], "rb"))
want = sys.argv[2].encode("utf-8", "surrogateescape")
hx = d.get("paths_hex")
got = bytes.fromhex(hx[0]) if hx and hx[0] else d["paths"][0].encode("utf-8")
assert got == want, (got, want)' "$T/out" "$dir/$f"
done

# An argument echoed in an error is escaped too.
run --db "$DB" show "$(printf "$ESC]52;c;aGk=\007")"
expect_rc 1 "show of a hostile missing path"
check "the echoed argument holds no raw byte" clean "$T/err"
run "$(printf "frob$ESC[2J")"
check "an unknown hostile command is echoed escaped" clean "$T/err"

# Item 10: CLI messages.
run --db "$DB" list --search '*'
expect_rc 2 "a lone '*' search"
check "'*' is explained, not FTS5's words" has "$T/err" "--search: malformed query '*': '*' must end a word"
check "no 'unknown special query' leak" hasnt "$T/err" "special query"
run --db "$DB" list --search 'a AND'
expect_rc 2 "an incomplete search"
check "the incomplete search names --search" has "$T/err" "lede: --search: malformed query 'a AND'"
run --db "$DB" list --search ''
expect_rc 2 "an empty search"
check "the empty search is named" has "$T/err" "--search: empty query"
run --db "$DB" list --search '   '
expect_rc 2 "a blank search, as the empty one"
check "the blank search is named the same" has "$T/err" "--search: empty query"
deep=$(awk 'BEGIN { for (i = 0; i < 5000; i++) printf "("; printf "a"; for (i = 0; i < 5000; i++) printf ")"; }')
run --db "$DB" list --search "$deep"
expect_rc 2 "a 5,000-deep search"
check "the deep search echo is cut short" test "$(wc -c <"$T/err")" -lt 400
check "the deep search is said to be too deep" has "$T/err" "too deeply nested"
deep=$(awk 'BEGIN { for (i = 0; i < 5000; i++) printf "(a AND "; }')
run --db "$DB" list --search "$deep"
expect_rc 2 "a 5,000-deep search of 10,000 words"
check "its echo is cut short too" test "$(wc -c <"$T/err")" -lt 400
# FTS5's NEAR takes time that grows with the square of its words (640
# words over one article took 8.7 s): a search has at most 64 words.
near=$(awk 'BEGIN { printf "NEAR("; for (i = 0; i < 640; i++) printf "a "; printf ")"; }')
run --db "$DB" list --search "$near"
expect_rc 2 "a NEAR of 640 words"
check "the search is said to have too many words" has "$T/err" "has 641 words; at most 64"
words64=$(awk 'BEGIN { for (i = 0; i < 64; i++) printf "title "; }')
run --db "$DB" list --search "$words64"
expect_rc 0 "a search of 64 words is fine"
run --db /dev/null list
expect_rc 1 "--db /dev/null"
check "/dev/null is named and explained" has "$T/err" "/dev/null: not a lede store (not a regular file)"
check "no 'disk I/O error'" hasnt "$T/err" "disk I/O"
run --db '' list
expect_rc 2 "--db ''"
check "the empty --db is named" has "$T/err" "--db: empty path"
run list --db ''
expect_rc 2 "--db '' after the command"
run --db "$DB" entity rename
expect_rc 2 "entity rename without arguments"
check "one error line and the help hint" test "$(lines "$T/err")" = 2
check "the error says what rename expects" has "$T/err" "entity rename: expected NAME NEWNAME"
run --db "$DB" entity merge Geneva
expect_rc 2 "entity merge with one argument"
check "one error line for merge" test "$(lines "$T/err")" = 2
run --db "$DB" list --entity ''
expect_rc 2 "a blank --entity"
run --db "$DB" show ''
expect_rc 2 "show ''"
run --db "$DB" ingest ''
expect_rc 2 "ingest ''"

finish
