#!/bin/sh
# cli_shared.sh: a store shared on a server. Root ingests into a folder
# only root may write while user nobody reads the store: every read
# succeeds, never shows fewer articles than the one before, and the new
# articles show once committed. Needs root (two users); skipped otherwise.
. "${LEDE_TESTS:-$(dirname "$0")}/lib.sh"

if [ "$(id -u)" != 0 ] || ! user_can_run; then
    echo "# skipped: needs root and setpriv, to be two users"
    exit 77
fi
umask 022
chmod 755 "$T"
mkdir -p "$T/shared" "$T/perm" "$T/big"
chmod 777 "$T/perm"
cp -R "$LEDE_SAMPLES" "$T/corpus"
nsamples=$(ls "$T/corpus" | wc -l | tr -d ' ')
SHARED=$T/shared/store.db

# Runs lede as user nobody on the shared store.
reader() { as_user env HOME="$T/perm" XDG_STATE_HOME="$T/perm/state" "$LEDE_BIN" --db "$SHARED" "$@" >"$T/out" 2>"$T/err"; rc=$?; }
# The article count of the last stats.
articles() { awk -F '\t' '$1 == "articles" { print $2 }' "$T/out"; }

run --db "$SHARED" ingest "$T/corpus"
expect_rc 0 "root ingests into the shared store"
check "the -wal and -shm files stay for readers" test -f "$SHARED-wal" -a -f "$SHARED-shm"
check "the -shm is readable by others, as the store is" \
    sh -c "ls -l '$SHARED-shm' | cut -c8 | grep -qx r"
reader stats
expect_rc 0 "nobody reads the shared store"
check "nobody sees the store as read-only" has "$T/out" "(read-only)"
check "nobody sees every article" test "$(articles)" = "$nsamples"
check "nobody gets no warning" test ! -s "$T/err"

# A corpus that takes root a while to ingest, read by nobody meanwhile.
nbig=3000
i=0
while [ $i -lt $nbig ]; do
    printf 'Shared article %d\n\n%02d/03/2022\n\nThe talks in Geneva went on for day %d, said Mr Ivan Petrov.\n' \
        $i $((1 + i % 28)) $i >"$T/big/a$i.txt"
    i=$((i + 1))
done
"$LEDE_BIN" --db "$SHARED" ingest "$T/big" >"$T/ingest.out" 2>"$T/ingest.err" &
writer=$!
reads=0 failed=0 fewer=0 last=$nsamples
while kill -0 "$writer" 2>/dev/null; do
    reader stats
    reads=$((reads + 1))
    now=$(articles)
    if [ "$rc" != 0 ] || [ -z "$now" ]; then
        failed=$((failed + 1)); echo "# read $reads failed (exit $rc): $(head -c 300 "$T/err")"
    elif [ "$now" -lt "$last" ]; then
        fewer=$((fewer + 1)); echo "# read $reads saw $now articles after $last"
    else
        last=$now
    fi
done
wait "$writer"; rc=$?
expect_rc 0 "root's ingest while nobody reads"
echo "# nobody read the store $reads times during the ingest"
check "no read failed while root ingested" test "$failed" = 0
check "no read saw fewer articles than the one before" test "$fewer" = 0
reader stats
check "nobody sees the new articles" test "$(articles)" = $((nsamples + nbig))
reader list --search "shared article 1499"
check "nobody finds a new article by search" test "$(lines "$T/out")" = 1

finish
