/* ui.c: placeholder until the interface lands. */
#include "config.h"
#include "ui.h"

/* Placeholder: no interface yet. */
int ui_run(store *s)
{
	(void)s;
	return 0;
}
