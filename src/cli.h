/* cli.h: the command line: parsing arguments and running subcommands. */
#ifndef LEDE_CLI_H
#define LEDE_CLI_H

/* Exit statuses. */
enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

/* The interface runner, passed in by main so that src/ knows no curses. */
struct store;
typedef int (*cli_ui_fn)(struct store *s);

/* Runs lede with argv; returns the exit status. */
int cli_main(int argc, char **argv, cli_ui_fn ui);

#endif
