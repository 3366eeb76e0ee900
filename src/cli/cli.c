/* cli.c — the sofgen command line: dispatch, help and version. Each command lives in
 * its own file (cmd_build.c, cmd_render.c); this file only chooses one. */
#include "cli.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "../util/i18n.h"
#include "commands.h"
#include "site_root.h"

#ifndef SOFGEN_VERSION
#define SOFGEN_VERSION "0.0.0"
#endif

/* after "sofgen VERSION"; translated where it is printed (usage_to) */
static const char usage[] = N_(
	" — static sites for samordningsförbund\n"
	"\n"
	"Usage:\n"
	"  sofgen build [--content DIR] [--templates DIR] [--assets DIR] [--out DIR] [--drafts]\n"
	"               [--now YYYY-MM-DD[THH:MM]] [--base-url URL] [--jobs N] [--incremental] [--timings]\n"
	"               [--build-future]\n"
	"      Build the site (defaults: content, templates, assets, site). The old site is\n"
	"      replaced only when the whole build succeeds. --now sets the date that decides\n"
	"      which events are upcoming (default: SOURCE_DATE_EPOCH when set, else now), for\n"
	"      reproducible builds. --base-url builds for another address than site.yaml's.\n"
	"      --jobs N renders on N threads. --incremental keeps the files that did not\n"
	"      change (same inode and modification time) instead of writing them again.\n"
	"      --timings prints how long each stage took. A newsletter dated after --now is\n"
	"      published on its day; --build-future publishes it at once.\n"
	"  sofgen check [--content DIR] [--drafts] [--now YYYY-MM-DD[THH:MM]] [--format text|json]\n"
	"               [--build-future]\n"
	"      Validate the content and print every problem, without writing anything.\n"
	"  sofgen render TEMPLATE [--data FILE] [--partials DIR]\n"
	"      Render one Mustache template against a YAML or JSON data file and print\n"
	"      the result exactly; partials are DIR/<name>.mustache.\n"
	"  sofgen new insats FÖRBUND \"TITEL\" [--content DIR]\n"
	"  sofgen new nyhetsbrev|evenemang \"TITEL\" [--forbund SLUG] [--date YYYY-MM-DD] [--content DIR]\n"
	"      Create a content file with every field explained (in Swedish), the title, slug\n"
	"      and today's date (or --date: the letter's or event's day, which also names the\n"
	"      file) filled in and draft: true; print its path. Never overwrites.\n"
	"  sofgen init DIR [--forbund \"NAMN\"] [--kommuner \"KOMMUN,KOMMUN\"]\n"
	"      Create a new site for a förbund in DIR: content/ with site.yaml, the förbund and\n"
	"      its member kommuner, an example insats and a page. Never overwrites.\n"
	"  sofgen schema [--content DIR] [--out DIR]\n"
	"      Write JSON Schemas of the content files into DIR (default schemas/), with the\n"
	"      site's kommuner, förbund and forms as choices, for editors such as VS Code.\n"
	"  sofgen serve [--content DIR] [--templates DIR] [--assets DIR] [--port N] [--bind ADDR]\n"
	"               [--drafts] [--base-url URL] [--build-future]\n"
	"               [--cms [--cms-port N]]\n"
	"      Build the site into a temporary folder and serve it on http://127.0.0.1:1313/\n"
	"      (--bind 0.0.0.0 to reach it from other machines); rebuild when a file changes,\n"
	"      reload open pages, and show the errors of a failed build, and the warnings of\n"
	"      any build, on every page. A newsletter dated in the future appears on its day.\n"
	"      --cms runs decap-server (port 8081) for the web editor at /admin/.\n"
	"  sofgen pdf FÖRBUND ÅR [--out FILE] [--content DIR] [--templates DIR] [--assets DIR]\n"
	"             [--now YYYY-MM-DD] [--timeout SECONDS]\n"
	"      Print the förbund's verksamhetsplan for the year (the page\n"
	"      /forbund/FÖRBUND/verksamhetsplan/ÅR/) to a tagged PDF with headless chromium\n"
	"      (default file: verksamhetsplan-FÖRBUND-ÅR.pdf). Needs chromium (apt-get install chromium).\n"
	"  sofgen --help | --version\n"
	"\n"
	"Exit status: 0 success, 1 the content (or template) has errors, 2 usage or I/O error.\n"
	"Messages have the form file:line:col: error|warning: what is wrong and what would be right.\n");

/* Prints the help, in the editor's language, to out. */
static void usage_to(FILE *out)
{
	fputs("sofgen " SOFGEN_VERSION, out);
	fputs(_(usage), out);
}

int sg_cli_main(int argc, char **argv)
{
	/* jansson gets sofgen's allocator: out of memory ends sofgen with status 2 and a
	 * message, instead of NULL values deep inside the open data */
	json_set_alloc_funcs(sg_malloc, free);
	if (argc < 2) {
		usage_to(stderr);
		return 2;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
		usage_to(stdout);
		return 0;
	}
	if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
		puts("sofgen " SOFGEN_VERSION);
		return 0;
	}
	static const char *const commands[] = {"build", "check", "render", "new", "serve", "init", "schema", "pdf"};
	for (size_t c = 0; c < sizeof commands / sizeof *commands; c++)
		if (strcmp(cmd, commands[c]) == 0)
			for (int i = 2; i < argc; i++)
				if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
					usage_to(stdout); /* `sofgen build --help`: the same help */
					return 0;
				}
	if (strcmp(cmd, "build") == 0 || strcmp(cmd, "check") == 0 || strcmp(cmd, "serve") == 0 || strcmp(cmd, "new") == 0) {
		/* run from anywhere inside a site, as git is from inside its repository */
		char *root = NULL;
		if (sg_find_site_root(argc, argv, &root) != 0)
			return 2;
		if (root)
			fprintf(stderr, _("sofgen: the site is %s\n"), root);
		free(root);
	}
	if (strcmp(cmd, "build") == 0)
		return sg_cmd_build(argc, argv, true);
	if (strcmp(cmd, "check") == 0)
		return sg_cmd_build(argc, argv, false);
	if (strcmp(cmd, "render") == 0)
		return sg_cmd_render(argc, argv);
	if (strcmp(cmd, "new") == 0)
		return sg_cmd_new(argc, argv);
	if (strcmp(cmd, "serve") == 0)
		return sg_cmd_serve(argc, argv);
	if (strcmp(cmd, "init") == 0)
		return sg_cmd_init(argc, argv);
	if (strcmp(cmd, "schema") == 0)
		return sg_cmd_schema(argc, argv);
	if (strcmp(cmd, "pdf") == 0)
		return sg_cmd_pdf(argc, argv);
	fprintf(stderr,
	        _("sofgen: unknown command '%s'; the commands are build, check, render, new, serve, init and schema "
	          "(see sofgen --help)\n"),
	        cmd);
	return 2;
}
