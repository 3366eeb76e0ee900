/* main.c — entry point: hands the command line to the CLI layer. */
#include "cli/cli.h"

int main(int argc, char **argv) { return sg_cli_main(argc, argv); }
