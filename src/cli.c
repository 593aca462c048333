/* cli.c: placeholder until the CLI lands. */
#include "config.h"
#include "cli.h"

/* Placeholder. */
int cli_main(int argc, char **argv, cli_ui_fn ui)
{
	(void)argc; (void)argv; (void)ui;
	return EXIT_USAGE;
}
