#!/bin/sh
# cli_badinput.sh: every bad input of issue 2 gets a clear error naming the
# file or argument, the right exit status, and loses nothing in the store.
. "${LEDE_TESTS:-$(dirname "$0")}/lib.sh"

mkdir -p "$T/in"
"$LEDE_BIN" --db "$DB" ingest "$LEDE_SAMPLES" 2>/dev/null
base=$("$LEDE_BIN" --db "$DB" list | wc -l | tr -d ' ')
check "the store starts with the samples" test "$base" -gt 0
# Asserts that the store still lists at least the samples.
intact() {
    now=$("$LEDE_BIN" --db "$DB" list | wc -l | tr -d ' ')
    if [ "$now" -ge "$base" ]; then ok "store intact after $1"; else not_ok "store lost articles after $1 ($now < $base)"; fi
}

: >"$T/in/empty.txt"
run --db "$DB" ingest "$T/in/empty.txt"
expect_rc 1 "empty file"
check "empty file is named in the warning" has "$T/err" "empty.txt: empty file"
intact "an empty file"

printf '   \n\n \t\n' >"$T/in/blank.txt"
run --db "$DB" ingest "$T/in/blank.txt"
expect_rc 1 "white-space-only file"

head -c 4096 /dev/urandom >"$T/in/random.bin"
printf '\0\0\0\1\2\3ELF' >>"$T/in/random.bin"
run --db "$DB" ingest "$T/in/random.bin"
expect_rc 1 "binary file"
check "binary file is named in the warning" has "$T/err" "random.bin: binary file"
intact "a binary file"

printf 'Invalid bytes here\n\nThe body has \377\376 bad bytes and \303 a cut sequence.\n' >"$T/in/invalid.txt"
run --db "$DB" ingest "$T/in/invalid.txt"
expect_rc 0 "invalid UTF-8 is repaired, not refused"
check "invalid UTF-8 is named in a warning" has "$T/err" "invalid.txt: invalid UTF-8 repaired"
run --db "$DB" show "$T/in/invalid.txt"
check "invalid bytes became U+FFFD" has "$T/out" "$(printf '\357\277\275')"

printf '\377\376' >"$T/in/utf16.txt"
printf 'UTF-16 title\n\nThe body says xin chào Hà Nội.\n' | iconv -f UTF-8 -t UTF-16LE >>"$T/in/utf16.txt"
run --db "$DB" ingest "$T/in/utf16.txt"
expect_rc 0 "UTF-16 with BOM"
run --db "$DB" show "$T/in/utf16.txt"
check "UTF-16 text is decoded" has "$T/out" "xin chào Hà Nội"

printf 'CRLF title\r\n\r\nFirst line of a CRLF body.\r\nSecond line.\rThird after a lone CR.\r\n' >"$T/in/crlf.txt"
run --db "$DB" ingest "$T/in/crlf.txt"
expect_rc 0 "CRLF and lone CR"
run --db "$DB" show "$T/in/crlf.txt"
check "no carriage return reaches the output" sh -c "! grep -q \"\$(printf '\\r')\" '$T/out'"
check "the lone CR is a line break" has "$T/out" "Third after a lone CR."

# "Hà Nội" written in NFD (a + combining grave, o + combining dot + hook).
printf 'NFD title\n\nThe capital is Ha\314\200 No\314\243\314\202i today.\n' >"$T/in/nfd.txt"
run --db "$DB" ingest "$T/in/nfd.txt"
run --db "$DB" show "$T/in/nfd.txt"
check "NFD text is stored as NFC" has "$T/out" "Hà Nội"
run --db "$DB" list --search "ha noi"
check "NFD text is found by folded search" has "$T/out" "NFD title"

printf 'Escape title \033]0;pwned\007here\n\nBody with \033[31mred\033[0m text, a bell \007 and C1 \302\233 controls.\n' >"$T/in/esc.txt"
run --db "$DB" ingest "$T/in/esc.txt"
expect_rc 0 "escape sequences"
run --db "$DB" show "$T/in/esc.txt"
check "no ESC in show output" sh -c "! grep -q \"\$(printf '\\033')\" '$T/out'"
check "no BEL in show output" sh -c "! grep -q \"\$(printf '\\007')\" '$T/out'"
check "no C1 control in show output" sh -c "! grep -q \"\$(printf '\\302\\233')\" '$T/out'"
check "the text around the escapes is kept" has "$T/out" "red text"
run --db "$DB" list
check "no ESC in list output" sh -c "! grep -q \"\$(printf '\\033')\" '$T/out'"

# A 1 MB line; a file past the largest article kept whole (16 MB) is
# refused by name, before it is read.
{ printf 'Long line title\n\n'; head -c 1048576 /dev/zero | tr '\0' 'a'; printf ' end.\n'; } >"$T/in/longline.txt"
run --db "$DB" ingest "$T/in/longline.txt"
expect_rc 0 "a 1 MB line"
{ printf 'Huge file title\n\n'; i=0; while [ $i -lt 2000 ]; do printf 'Đây là một câu tiếng Việt về Hà Nội và Geneva, lặp lại để làm tệp lớn. '; i=$((i + 1)); done; printf '\n\n'; } >"$T/chunk"
: >"$T/in/huge.txt"
while [ "$(wc -c <"$T/in/huge.txt")" -lt 52428800 ]; do cat "$T/chunk" "$T/chunk" "$T/chunk" "$T/chunk" >>"$T/in/huge.txt"; done
run --db "$DB" ingest "$T/in/huge.txt"
expect_rc 1 "a 50 MB file"
check "the 50 MB file is named as too large" has "$T/err" "huge.txt: file of "
check "the warning gives the limit" has "$T/err" "too large (limit 16 MB), skipped"
run --db "$DB" list --search "huge file title"
check "the 50 MB file is not listed" test "$(lines "$T/out")" = 0
intact "a 50 MB file"
rm -f "$T/in/huge.txt" "$T/chunk"

# A folder with a symlink loop and a broken link: warned, no hang.
mkdir -p "$T/loop/sub"
cp "$LEDE_SAMPLES/en-001-geneva-security-talks.txt" "$T/loop/sub/a.txt"
ln -s .. "$T/loop/sub/up"
ln -s missing.txt "$T/loop/broken.txt"
run --db "$DB" ingest "$T/loop"
expect_rc 1 "a folder with a symlink loop"
check "the loop is named" has "$T/err" "symlink loop"
check "the broken link is named" has "$T/err" "broken.txt"
intact "a symlink loop"

# A missing path.
run --db "$DB" ingest "$T/nowhere.txt"
expect_rc 1 "a missing path"
check "the missing path is named" has "$T/err" "nowhere.txt"

# A store path in a missing folder is created.
run --db "$T/new/deeper/store.db" ingest "$LEDE_SAMPLES/en-002-nato-foreign-ministers.txt"
expect_rc 0 "a store in a missing folder"
check "the folders were created" test -f "$T/new/deeper/store.db"

# A corrupt store file: a clear error, and the file is left as it was.
head -c 8192 /dev/urandom >"$T/corrupt.db"
cp "$T/corrupt.db" "$T/corrupt.orig"
run --db "$T/corrupt.db" ingest "$LEDE_SAMPLES"
expect_rc 1 "a corrupt store"
check "the corrupt store is named" has "$T/err" "corrupt.db: not a lede store"
check "the corrupt store is not overwritten" cmp -s "$T/corrupt.db" "$T/corrupt.orig"
check "no WAL was left beside it" test ! -e "$T/corrupt.db-wal"
printf 'SQLite format 3\0garbage that is not a real header at all' >"$T/badhdr.db"
cp "$T/badhdr.db" "$T/badhdr.orig"
run --db "$T/badhdr.db" list
expect_rc 1 "a store with a broken SQLite header"
check "broken header store is untouched" cmp -s "$T/badhdr.db" "$T/badhdr.orig"

# Usage errors.
run frobnicate
expect_rc 2 "an unknown command"
check "the unknown command is named" has "$T/err" "frobnicate"
run --db "$DB" list --frob
expect_rc 2 "an unknown option"
check "the unknown option is named" has "$T/err" "--frob"
run --db "$DB" list --format xml
expect_rc 2 "an invalid --format"
run --db "$DB" ingest
expect_rc 2 "ingest without a path"
run --db "$DB" entities --type THING
expect_rc 2 "an invalid --type"
run --db "$T/none.db" list
expect_rc 1 "list on a missing store"
check "the missing store is named" has "$T/err" "none.db"
check "listing does not create a store" test ! -e "$T/none.db"

# Permissions need an unprivileged user; as root they are tested via setpriv.
if user_can_run; then
    chmod 755 "$T" "$HOME"
    mkdir -p "$T/perm" && cp "$LEDE_SAMPLES/en-001-geneva-security-talks.txt" "$T/perm/secret.txt"
    chmod 000 "$T/perm/secret.txt"
    cp "$DB" "$T/perm/store.db"; chmod 777 "$T/perm"; chmod 666 "$T/perm/store.db"
    as_user env HOME="$T/perm" XDG_STATE_HOME="$T/perm/state" "$LEDE_BIN" --db "$T/perm/store.db" ingest "$T/perm/secret.txt" >"$T/out" 2>"$T/err"; rc=$?
    expect_rc 1 "an unreadable file"
    check "the unreadable file is named" has "$T/err" "secret.txt: cannot read"

    mkdir -p "$T/locked"; chmod 555 "$T/locked"
    as_user env HOME="$T/perm" XDG_STATE_HOME="$T/perm/state" "$LEDE_BIN" --db "$T/locked/sub/store.db" ingest "$LEDE_SAMPLES" >"$T/out" 2>"$T/err"; rc=$?
    expect_rc 1 "a store in an unwritable folder"
    check "the unwritable store path is named" has "$T/err" "locked/sub/store.db"

    # A read-only store (file and folder) still lists, shows and searches;
    # marks go to the user's state database.
    mkdir -p "$T/ro"; cp "$DB" "$T/ro/store.db"
    "$LEDE_BIN" --db "$T/ro/store.db" stats >/dev/null 2>&1
    chmod 444 "$T/ro/store.db"; rm -f "$T/ro/store.db-wal" "$T/ro/store.db-shm"; chmod 555 "$T/ro"
    ro() { as_user env HOME="$T/perm" XDG_STATE_HOME="$T/perm/state" "$LEDE_BIN" --db "$T/ro/store.db" "$@" >"$T/out" 2>"$T/err"; rc=$?; }
    ro list
    expect_rc 0 "list on a read-only store"
    check "read-only store lists every article" test "$(lines "$T/out")" -ge "$base"
    ro list --search "dam phan"
    expect_rc 0 "search on a read-only store"
    check "read-only search finds articles" test "$(lines "$T/out")" -gt 0
    rid=$("$LEDE_BIN" --db "$DB" list | head -n1 | cut -f1)
    ro show "$rid"
    expect_rc 0 "show on a read-only store"
    ro list --unread
    check "show marked the article read in the user's state" sh -c "! cut -f1 '$T/out' | grep -qx '$rid'"
    ro ingest "$LEDE_SAMPLES"
    expect_rc 1 "ingest into a read-only store"
    check "ingest explains the store is read-only" has "$T/err" "read-only"
else
    echo "# skipped the permission tests: root, and no setpriv or a lede the unprivileged user cannot run"
fi

finish
