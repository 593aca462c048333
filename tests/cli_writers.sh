#!/bin/sh
# cli_writers.sh: two ingests at once. Two creating a new store both
# succeed (the schema is made once); an ingest finding another one
# writing to its store says so, waits for it, and then does its work.
. "${LEDE_TESTS:-$(dirname "$0")}/lib.sh"

mkdir -p "$T/a" "$T/b"
cp "$LEDE_SAMPLES"/en-* "$T/a"
for f in "$LEDE_SAMPLES"/*; do
    case ${f##*/} in en-*) ;; *) cp "$f" "$T/b" ;; esac
done
na=$(ls "$T/a" | wc -l | tr -d ' ')
nb=$(ls "$T/b" | wc -l | tr -d ' ')

# The article count of the store at $1.
articles() { "$LEDE_BIN" --db "$1" stats 2>/dev/null | awk -F '\t' '$1 == "articles" { print $2 }'; }

# Two ingests making one new store, several times: neither may fail.
bad=0
round=0
while [ $round -lt 12 ]; do
    rm -f "$T/new.db" "$T/new.db-wal" "$T/new.db-shm" "$T/new.db-lock"
    "$LEDE_BIN" --db "$T/new.db" ingest "$T/a" >/dev/null 2>"$T/err1" &
    p1=$!
    "$LEDE_BIN" --db "$T/new.db" ingest "$T/b" >/dev/null 2>"$T/err2" &
    p2=$!
    wait $p1; r1=$?
    wait $p2; r2=$?
    got=$(articles "$T/new.db")
    if [ "$r1" != 0 ] || [ "$r2" != 0 ] || [ "$got" != $((na + nb)) ]; then
        bad=$((bad + 1))
        echo "# round $round: exits $r1 $r2, $got articles: $(cat "$T/err1" "$T/err2" | head -c 400)"
    fi
    round=$((round + 1))
done
check "two ingests creating one store both succeed, every time" test "$bad" = 0

# An ingest that finds the store's ingest lock taken says who holds it,
# waits, and goes on once it is free.
if command -v flock >/dev/null; then
    run --db "$DB" ingest "$T/a"
    expect_rc 0 "first ingest"
    exec 9>"$DB-lock"
    flock 9
    echo 4242 >&9
    "$LEDE_BIN" --db "$DB" ingest "$T/b" >"$T/out" 2>"$T/err" 9>&- &
    second=$!
    # Wait (at most 60 s) for it to say that it waits.
    tries=0
    while ! grep -q waiting "$T/err" && kill -0 $second 2>/dev/null && [ $tries -lt 600 ]; do
        sleep 0.1; tries=$((tries + 1))
    done
    check "the second ingest names the store and the ingest holding it" \
        has "$T/err" "$DB: another ingest (pid 4242) is writing to this store; waiting for it to finish"
    check "the second ingest waits" kill -0 $second
    exec 9>&-
    wait $second; rc=$?
    expect_rc 0 "the second ingest, once the first is done"
    check "the store has the articles of both" test "$(articles "$DB")" = $((na + nb))
else
    echo "# skipped the lock test: no flock command"
fi

finish
