/* site_root.c — where the site is and where sofgen's own files are, for the commands:
 * the site folder found from anywhere inside it (as git finds its repository), and the
 * installed default templates and assets (SOFGEN_DATADIR, set when sofgen is built). */
#include "site_root.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../util/alloc.h"
#include "../util/fs.h"
#include "../util/i18n.h"

#ifndef SOFGEN_DATADIR
#define SOFGEN_DATADIR "/usr/local/share/sofgen"
#endif

const char *sg_datadir(void)
{
	const char *env = getenv("SOFGEN_DATADIR");
	return env && *env ? env : SOFGEN_DATADIR;
}

char *sg_datadir_path(const char *name) { return sg_path_join(sg_datadir(), name); }

/* True when argv names the content folder itself (--content DIR or --content=DIR). */
static bool names_content(int argc, char **argv)
{
	for (int i = 2; i < argc; i++)
		if (strcmp(argv[i], "--content") == 0 || strncmp(argv[i], "--content=", 10) == 0)
			return true;
	return false;
}

int sg_find_site_root(int argc, char **argv, char **moved_to)
{
	*moved_to = NULL;
	if (names_content(argc, argv) || sg_is_file("content/site.yaml"))
		return 0;
	char *cwd = getcwd(NULL, 0);
	if (!cwd)
		return 0; /* the command then says that content/ is missing */
	char *dir = cwd;
	for (;;) {
		char *slash = strrchr(dir, '/');
		if (!slash || slash == dir)
			break; /* never / itself: a site is not the whole machine */
		*slash = '\0';
		char *probe = sg_path_join(dir, "content/site.yaml");
		bool found = sg_is_file(probe);
		free(probe);
		if (found) {
			if (chdir(dir) != 0) {
				fprintf(stderr, _("sofgen: cannot go to the site folder %s: %s\n"), dir, strerror(errno));
				free(cwd);
				return -1;
			}
			*moved_to = cwd; /* dir is cwd, cut */
			return 0;
		}
	}
	free(cwd);
	return 0;
}
