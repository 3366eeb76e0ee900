/* main.c — entry point: the editor's language for messages (util/i18n.h), then the
 * command line goes to the CLI layer. */
#include "cli/cli.h"
#include "util/i18n.h"

int main(int argc, char **argv)
{
	sg_i18n_init();
	return sg_cli_main(argc, argv);
}
