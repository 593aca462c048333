#!/bin/sh
# ui_ssh.sh: the interface over a real SSH connection, as analysts use it:
# a throwaway sshd on 127.0.0.1 at a free port (host and user keys in the
# test's temporary folder), `ssh -tt` inside tmux running lede; filtering
# by an entity works, q exits cleanly, and a dropped connection (the ssh
# client killed) ends lede with the store intact. Skips only when sshd
# cannot be started here.
TESTS_DIR=${LEDE_TESTS:-$(dirname "$0")}
. "$TESTS_DIR/lib.sh"
. "$TESTS_DIR/ui_lib.sh"

SSHD=/usr/sbin/sshd
[ -x "$SSHD" ] || { echo "# no $SSHD: skipping"; exit 77; }
command -v ssh >/dev/null 2>&1 && command -v ssh-keygen >/dev/null 2>&1 ||
    { echo "# no ssh client: skipping"; exit 77; }

S=$T/ssh
mkdir -p "$S"
chmod 700 "$S"
ssh-keygen -q -t ed25519 -N '' -f "$S/host_key" || exit 77
ssh-keygen -q -t ed25519 -N '' -f "$S/id" || exit 77
cp "$S/id.pub" "$S/authorized_keys"
# sshd needs its privilege separation folder; as root we may make it.
if [ ! -d /run/sshd ] && [ "$(id -u)" = 0 ]; then mkdir -p /run/sshd && chmod 755 /run/sshd; fi

sshd_pid=
stop_sshd() { [ -n "$sshd_pid" ] && kill "$sshd_pid" 2>/dev/null; sshd_pid=; }
cleanup_ssh() { stop_sshd; cleanup_ui; }
trap cleanup_ssh EXIT

# Starts sshd on a free port (tries a few random ones): sets $port.
port=
try=0
while [ "$try" -lt 8 ] && [ -z "$port" ]; do
    try=$((try + 1))
    p=$(( (($$ * 7919 + try * 104729) % 30000) + 20000 ))
    cat >"$S/sshd_config" <<EOF
Port $p
ListenAddress 127.0.0.1
HostKey $S/host_key
PidFile $S/sshd.pid
AuthorizedKeysFile $S/authorized_keys
StrictModes no
UsePAM no
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
LogLevel INFO
EOF
    "$SSHD" -D -e -f "$S/sshd_config" 2>"$S/sshd.log" &
    sshd_pid=$!
    i=0
    while [ "$i" -lt 100 ]; do
        if grep -q "Server listening" "$S/sshd.log"; then port=$p; break; fi
        kill -0 "$sshd_pid" 2>/dev/null || break
        sleep 0.1
        i=$((i + 1))
    done
    [ -n "$port" ] || stop_sshd
done
if [ -z "$port" ]; then
    echo "# sshd could not start:"
    sed 's/^/#   /' "$S/sshd.log"
    exit 77
fi
echo "# sshd listening on 127.0.0.1 port $port"

user=$(id -un)
# The remote command: lede with the test's own HOME and store.
remote="echo \$\$ >'$T/remote.pid'; exec env HOME='$HOME' XDG_DATA_HOME='$XDG_DATA_HOME' \
XDG_STATE_HOME='$XDG_STATE_HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' LEDE_DATADIR='${LEDE_DATADIR:-}' \
LANG=C.UTF-8 LC_ALL=C.UTF-8 LEDE_READY_TITLE=1 LEDE_DB='$DB' '$LEDE_BIN'"

# start_ssh: ssh -tt inside tmux, lede on the far side.
start_ssh() {
    tm kill-server 2>/dev/null
    SESSIONS=$((SESSIONS + 1))
    TMUX_SOCK=$T/tmux.$SESSIONS.sock
    KEYS_SENT=0 SCREEN_COLS=100 SCREEN_ROWS=30
    cat >"$T/ssh.sh" <<EOF
echo \$\$ >"$T/ssh.pid"
exec ssh -tt -F /dev/null -p $port -i "$S/id" -o IdentitiesOnly=yes -o BatchMode=yes \
    -o StrictHostKeyChecking=no -o UserKnownHostsFile="$S/known_hosts" -o LogLevel=ERROR \
    "$user@127.0.0.1" "$remote"
EOF
    tm new-session -d -x 100 -y 30 "env TERM=tmux-256color sh '$T/ssh.sh'; echo LEDE-EXIT=\$?; sleep 300"
}

start_ssh
expect_screen "over SSH: the interface opens with every article" "$TOTAL/$TOTAL"
e1=$("$LEDE_BIN" --db "$DB" entities 2>/dev/null | head -n 1 | cut -f2)
c1=$("$LEDE_BIN" --db "$DB" list --entity "$e1" 2>/dev/null | wc -l | tr -d ' ')
keys e
expect_screen "over SSH: the entity prompt opens" "Entity:"
keys -l "$e1"
keys Enter
expect_screen "over SSH: filtering by $e1 shows $c1 articles" "$c1/$TOTAL"
expect_screen "over SSH: the status line names the entity" "+$e1"
keys j
expect_screen "over SSH: j moves the selection" "2/$c1"
keys q
expect_exit "over SSH: q quits" 0

# The connection drops: the ssh client dies, sshd hangs up on lede.
start_ssh
expect_screen "second SSH session opens" "$TOTAL/$TOTAL"
rpid=$(cat "$T/remote.pid")
kill -KILL "$(cat "$T/ssh.pid")"
i=0
while [ "$i" -lt 300 ] && kill -0 "$rpid" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
check "a dropped connection ends lede on the far side" sh -c "! kill -0 $rpid 2>/dev/null"
run --db "$DB" list
check "the store is intact after the dropped connection" test "$rc" = 0 -a "$(lines "$T/out")" = "$TOTAL"

finish
