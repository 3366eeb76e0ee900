/* cli.h — the sofgen command line: parses arguments, runs a command, prints
 * diagnostics, and maps results to exit codes (0 ok, 1 content errors, 2 usage/IO). */
#ifndef SG_CLI_H
#define SG_CLI_H

int sg_cli_main(int argc, char **argv);

#endif
