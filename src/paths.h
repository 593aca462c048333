/* paths.h: where lede keeps its files (XDG base directories). */
#ifndef LEDE_PATHS_H
#define LEDE_PATHS_H

/* The store: --db if given, else $LEDE_DB, else
 * $XDG_DATA_HOME/lede/lede.db (~/.local/share/lede/lede.db). New string. */
char *paths_store(const char *db_arg);

/* Per-user state: $XDG_STATE_HOME/lede/state.db
 * (~/.local/state/lede/state.db). New string. */
char *paths_state(void);

/* The user's configuration folder: $XDG_CONFIG_HOME/lede. New string. */
char *paths_config_dir(void);

/* Creates every missing folder above path (mkdir -p of its dirname).
 * Returns 0, or -1 with errno set. */
int paths_make_parent(const char *path);

#endif
