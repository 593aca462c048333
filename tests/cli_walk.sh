#!/bin/sh
# cli_walk.sh: what the walk of issue 10 meets: FIFOs, devices and kernel
# files are refused with a warning and never block; symlinks to folders
# outside the folders given are not followed without --follow; the store's
# own files are never ingested; files gone from a folder leave the store,
# and an article's source always names a file that holds it.
. "${LEDE_TESTS:-$(dirname "$0")}/lib.sh"

S=$LEDE_SAMPLES
# Runs lede under a timeout: a blocked open or read fails the test, not
# the suite (exit 124 is the timeout's).
trun() { timeout 60 "$LEDE_BIN" "$@" >"$T/out" 2>"$T/err"; rc=$?; }
nohang() { if [ "$rc" = 124 ]; then not_ok "$1: lede blocked (killed after 60 s)"; else ok "$1: no hang"; fi; }
# Source column of the list row whose title contains $1.
source_of() { "$LEDE_BIN" --db "$DB" list | grep -F -- "$1" | cut -f4; }

# ---- Files that are not regular files: a warning each, counted as failed.
mkdir -p "$T/c"
cp "$S/en-001-geneva-security-talks.txt" "$T/c/a.txt"
mkfifo "$T/c/pipe.txt"
ln -s /dev/zero "$T/c/zero.txt"
trun --db "$DB" ingest "$T/c"
nohang "a FIFO and a symlink to /dev/zero in the folder"
expect_rc 1 "a FIFO and a device are failed input"
check "the FIFO is named in a warning" has "$T/err" "pipe.txt: not a regular file (FIFO), skipped"
check "the symlink to /dev/zero is named in a warning" has "$T/err" "zero.txt: not a regular file (character device), skipped"
check "both count as failed" has "$T/err" "2 failed"
check "the regular file is ingested" has "$T/err" "1 new"
trun --db "$DB" ingest "$T/c/pipe.txt"
nohang "a FIFO given by name"
expect_rc 1 "a FIFO given by name"
check "a FIFO given by name is named" has "$T/err" "pipe.txt: not a regular file (FIFO)"

# /proc/kmsg is a regular file whose read blocks (as root, when it is
# readable); elsewhere open() is refused at once and there is nothing to
# check.
if [ -r /proc/kmsg ] && [ "$(id -u)" = 0 ]; then
    mkdir -p "$T/k"
    ln -s /proc/kmsg "$T/k/kmsg.txt"
    trun --db "$DB" ingest "$T/k"
    nohang "a symlink to /proc/kmsg"
    expect_rc 1 "a symlink to /proc/kmsg"
    check "the kernel file is named in a warning" has "$T/err" "kmsg.txt: not a regular file"
else
    echo "# skipped the /proc/kmsg check: not readable here"
fi

# ---- Symlinks to folders.
mkdir -p "$T/top/corpus" "$T/elsewhere"
cp "$S/en-002-nato-foreign-ministers.txt" "$T/top/corpus/b.txt"
printf 'Parent folder article\n\nThis file lies beside the corpus, not in it.\n' >"$T/top/beside.txt"
printf 'Elsewhere article\n\nThis file lies in a folder outside the corpus.\n' >"$T/elsewhere/e.txt"
ln -s .. "$T/top/corpus/up"
ln -s "$T/elsewhere" "$T/top/corpus/out"
trun --db "$T/links.db" ingest "$T/top/corpus"
nohang "symlinks to '..' and to a folder elsewhere"
expect_rc 0 "symlinks not followed are no failure"
check "the symlink to '..' is named, with --follow" has "$T/err" "corpus/up: symlink to a folder outside the folders given, not followed (--follow follows it)"
check "the symlink elsewhere is named" has "$T/err" "corpus/out: symlink to a folder outside"
"$LEDE_BIN" --db "$T/links.db" list >"$T/out"
check "the parent folder was not walked" hasnt "$T/out" "Parent folder article"
check "the folder elsewhere was not walked" hasnt "$T/out" "Elsewhere article"
check "the folder itself was" has "$T/out" "NATO"
trun --db "$T/links.db" ingest --follow "$T/top/corpus"
expect_rc 1 "--follow (the way back into the corpus is a loop)"
"$LEDE_BIN" --db "$T/links.db" list >"$T/out"
check "--follow walks the folder elsewhere" has "$T/out" "Elsewhere article"
check "--follow walks the parent folder too" has "$T/out" "Parent folder article"
check "--follow still walks the folder once (the loop back is named)" has "$T/err" "symlink loop"
# A symlink to a folder inside the folder given is walked once.
mkdir -p "$T/in/real"
cp "$S/en-003-un-climate-report.txt" "$T/in/real/c.txt"
ln -s real "$T/in/alias"
trun --db "$T/in.db" ingest "$T/in"
expect_rc 0 "a symlink to a folder inside"
check "a folder inside reached twice is ingested once" has "$T/err" "1 new, 0 changed, 0 unchanged, 0 duplicate, 0 failed"
# The interface's ingest takes --follow too (it then needs a terminal).
trun --db "$T/in.db" --follow "$T/in"
check "lede --follow PATH is taken (then it needs a terminal)" has "$T/err" "needs a terminal"

# ---- The store inside the folder walked: never ingested.
mkdir -p "$T/self"
cp "$S/en-004-white-house-call.txt" "$T/self/d.txt"
trun --db "$T/self/store.db" ingest "$T/self"
trun --db "$T/self/store.db" ingest "$T/self"
expect_rc 0 "a store inside the folder walked"
check "the store's own files are not warned about" hasnt "$T/err" "store.db"
check "nor ingested" has "$T/err" "0 new, 0 changed, 1 unchanged, 0 duplicate, 0 failed"

# ---- Files that move.
mkdir -p "$T/m/sub" "$T/other"
# article FILE TITLE: writes a small article.
article() { printf '%s\n\nA body for the article called %s.\n' "$2" "$2" >"$1"; }
article "$T/m/gone.txt" "Gone title"
article "$T/m/sub/deep.txt" "Deep title"
article "$T/m/keep.txt" "Kept title"
article "$T/other/o.txt" "Other folder title"
run --db "$DB" ingest "$T/m" "$T/other"
title_gone="Gone title"
title_deep="Deep title"
title_o="Other folder title"
before=$("$LEDE_BIN" --db "$DB" list | wc -l | tr -d ' ')
rm "$T/m/gone.txt" "$T/other/o.txt"
run --db "$DB" ingest "$T/m"
expect_rc 0 "re-ingest after a deletion"
check "the summary counts the file removed" has "$T/err" "0 failed, 1 removed"
"$LEDE_BIN" --db "$DB" list >"$T/out"
check "the deleted file's article is gone" hasnt "$T/out" "$title_gone"
check "a file deleted from a folder not walked stays" has "$T/out" "$title_o"
check "one article fewer" test "$(lines "$T/out")" = $((before - 1))
run --db "$DB" ingest "$T/m/keep.txt"
check "an ingest of one file removes nothing else" has "$T/err" "0 removed"
check "so the other folder's deleted file stays" sh -c "'$LEDE_BIN' --db '$DB' list | grep -qF -- '$title_o'"
rm -r "$T/m/sub"
run --db "$DB" ingest "$T/m"
check "a deleted sub-folder's files are removed" has "$T/err" "1 removed"
check "its article is gone" sh -c "! '$LEDE_BIN' --db '$DB' list | grep -qF -- '$title_deep'"

# A folder that cannot be read keeps its files in the store.
if user_can_run; then
    chmod 755 "$T" "$HOME"
    mkdir -p "$T/p/locked"
    cp "$S/en-001-geneva-security-talks.txt" "$T/p/locked/l.txt"
    cp "$S/en-002-nato-foreign-ministers.txt" "$T/p/open.txt"
    run --db "$T/p.db" ingest "$T/p"
    chmod 777 "$T"; chmod 666 "$T/p.db"; rm -f "$T/p.db-wal" "$T/p.db-shm"
    chmod 000 "$T/p/locked"
    as_user env HOME="$T" XDG_STATE_HOME="$T/pstate" "$LEDE_BIN" --db "$T/p.db" ingest "$T/p" >"$T/out" 2>"$T/err"; rc=$?
    chmod 755 "$T/p/locked"
    expect_rc 1 "a folder that cannot be read"
    check "it is named" has "$T/err" "locked: Permission denied"
    check "its files are not removed" has "$T/err" "0 removed"
    check "its article stays" sh -c "'$LEDE_BIN' --db '$T/p.db' list | grep -q Geneva"
else
    echo "# skipped the unreadable folder check: root without setpriv"
fi

# ---- An article's source names a file that holds it.
mkdir -p "$T/s"
printf 'Shared text title\n\nThe same text under two names.\n' >"$T/s/a.txt"
cp "$T/s/a.txt" "$T/s/b.txt"
run --db "$DB" ingest "$T/s"
check "two paths, one article" has "$T/err" "1 new, 0 changed, 0 unchanged, 1 duplicate"
check "the source is the first file" test "$(source_of 'Shared text title')" = a.txt
printf 'Edited text title\n\nThe first file now says something else.\n' >"$T/s/a.txt"
run --db "$DB" ingest "$T/s"
check "after an edit, the old text's source is the file that still holds it" test "$(source_of 'Shared text title')" = b.txt
check "and the new text's source is the edited file" test "$(source_of 'Edited text title')" = a.txt
# Two paths of one text, one deleted: the article stays with the other.
cp "$T/s/b.txt" "$T/s/c.txt"
run --db "$DB" ingest "$T/s"
id=$("$LEDE_BIN" --db "$DB" list | grep -F 'Shared text title' | cut -f1)
rm "$T/s/b.txt"
run --db "$DB" ingest "$T/s"
check "the deleted duplicate is counted" has "$T/err" "1 removed"
check "the article stays, its source the remaining file" test "$(source_of 'Shared text title')" = c.txt
check "with the same id" test "$("$LEDE_BIN" --db "$DB" list | grep -F 'Shared text title' | cut -f1)" = "$id"
# A file renamed keeps its article.
mv "$T/s/c.txt" "$T/s/renamed.txt"
run --db "$DB" ingest "$T/s"
check "a renamed file: one removed" has "$T/err" "1 removed"
check "a renamed file keeps its article" test "$("$LEDE_BIN" --db "$DB" list | grep -F 'Shared text title' | cut -f1)" = "$id"
check "under its new name" test "$(source_of 'Shared text title')" = renamed.txt
run --db "$DB" show "$id"
check "show names only the file that holds it" sh -c "grep -c '^File: ' '$T/out' | grep -qx 1"

finish
