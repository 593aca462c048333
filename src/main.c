/* main.c: lede's entry point: the CLI, with the curses interface plugged in. */
#include "config.h"

#include "cli.h"
#include "ui.h"

int main(int argc, char **argv)
{
	return cli_main(argc, argv, ui_run);
}
