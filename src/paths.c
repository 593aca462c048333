/* paths.c: XDG locations of the store, the state database and the user's
 * configuration (see paths.h). */
#include "config.h"

#include "paths.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"

/* $VAR if set to an absolute path, else $HOME/fallback (XDG rules: a
 * relative value is invalid and ignored). */
static char *xdg_dir(const char *var, const char *fallback)
{
	const char *v = getenv(var);
	if (v && v[0] == '/')
		return xstrdup(v);
	const char *home = getenv("HOME");
	if (!home || !*home)
		home = ".";
	return xasprintf("%s/%s", home, fallback);
}

/* The store path: --db, then $LEDE_DB, then the XDG data home. */
char *paths_store(const char *db_arg)
{
	if (db_arg && *db_arg)
		return xstrdup(db_arg);
	const char *env = getenv("LEDE_DB");
	if (env && *env)
		return xstrdup(env);
	char *dir = xdg_dir("XDG_DATA_HOME", ".local/share");
	char *p = xasprintf("%s/lede/lede.db", dir);
	free(dir);
	return p;
}

/* The per-user state database in the XDG state home. */
char *paths_state(void)
{
	char *dir = xdg_dir("XDG_STATE_HOME", ".local/state");
	char *p = xasprintf("%s/lede/state.db", dir);
	free(dir);
	return p;
}

/* The user's configuration folder in the XDG config home. */
char *paths_config_dir(void)
{
	char *dir = xdg_dir("XDG_CONFIG_HOME", ".config");
	char *p = xasprintf("%s/lede", dir);
	free(dir);
	return p;
}

/* mkdir -p of the folder that holds path. */
int paths_make_parent(const char *path)
{
	char *p = xstrdup(path);
	char *slash = strrchr(p, '/');
	if (!slash || slash == p) {
		free(p);
		return 0;
	}
	*slash = '\0';
	for (char *q = p + 1; ; q++) {
		if (*q == '/' || *q == '\0') {
			char c = *q;
			*q = '\0';
			if (mkdir(p, 0755) != 0 && errno != EEXIST) {
				int e = errno;
				free(p);
				errno = e;
				return -1;
			}
			*q = c;
			if (c == '\0')
				break;
		}
	}
	struct stat st;
	int rc = stat(p, &st) == 0 && S_ISDIR(st.st_mode) ? 0 : -1;
	if (rc)
		errno = ENOTDIR;
	free(p);
	return rc;
}
