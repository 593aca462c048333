#!/bin/sh
# ui_keys.sh: keys come from one table the config file can change. A bound
# key acts, an unbound one does nothing, the help screen shows the keys as
# bound, a wrong line is reported by file and line number while lede
# starts anyway, and in the sidebar a character that is not its own key
# narrows the list (x does not clear the filter there).
TESTS_DIR=${LEDE_TESTS:-$(dirname "$0")}
. "$TESTS_DIR/lib.sh"
. "$TESTS_DIR/ui_lib.sh"

CONF=$T/lede.conf
cat >"$CONF" <<'EOF'
# our keys
bind list J down
unbind global q
bind global Ctrl-X quit   # no quitting by accident

bind list j downn
color per yellow default bold
EOF
SECOND=$("$LEDE_BIN" --db "$DB" list | sed -n 2p | cut -f3)
SECOND=$(prefix "$SECOND" 30)

start 120 40 LEDE_CONFIG="$CONF"
expect_screen "a wrong line is named by file and line" "lede.conf line 6: unknown action \"downn\""
expect_screen "lede starts anyway with the list" "$(prefix "$("$LEDE_BIN" --db "$DB" list | head -1 | cut -f3)" 30)"
keys J Enter
expect_screen "a key bound in the config file moves the list" "$SECOND"
keys q
expect_no_screen "an unbound key does nothing" "LEDE-EXIT="
keys ?
expect_screen "the help screen shows the new binding" "Ctrl-X"
check "the help screen says what it does" grep -q 'Ctrl-X  *quit' "$T/screen"
check "the help screen no longer lists q for quitting" sh -c "! grep -q '^ *q  *quit' '$T/screen'"
keys Escape

# The sidebar: x narrows there, and the filter stays.
keys e
keys -l "Hà Nội"
keys Enter
expect_screen "the entity filter is on" "Hà Nội"
keys Tab Tab
keys x
expect_screen "x types into the sidebar's narrowing text" "Find: x"
check "x did not clear the filter there" grep -q "+Hà Nội" "$T/screen"
keys C-x
expect_exit "the new quit key quits" 0

# Without a config file, the defaults; a config that cannot be read is
# reported and lede still starts.
start 80 24 LEDE_CONFIG="$T"
expect_screen "a config that is a folder is reported" "config:"
keys q
expect_exit "q quits by default" 0
finish
