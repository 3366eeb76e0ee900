/* args.c — option parsing (see args.h). */
#include "args.h"

#include <stdio.h>
#include <string.h>

#include "../util/i18n.h"

int sg_args_parse(int argc, char **argv, int first, const sg_opt *opts, const char **positional, int max_positional,
                  const char *command)
{
	int npos = 0;
	for (int i = first; i < argc; i++) {
		const char *a = argv[i];
		if (strncmp(a, "--", 2) != 0 || strcmp(a, "--") == 0) {
			if (npos >= max_positional) {
				fprintf(stderr, _("sofgen %s: unexpected argument '%s' (see sofgen --help)\n"), command, a);
				return -1;
			}
			positional[npos++] = a;
			continue;
		}
		const char *eq = strchr(a, '=');
		size_t nlen = eq ? (size_t)(eq - a) : strlen(a);
		const sg_opt *o = NULL;
		for (const sg_opt *k = opts; k->name; k++)
			if (strlen(k->name) == nlen && strncmp(k->name, a, nlen) == 0)
				o = k;
		if (!o) {
			fprintf(stderr, _("sofgen %s: unknown option '%.*s' (see sofgen --help)\n"), command, (int)nlen, a);
			return -1;
		}
		if (!o->takes_value) {
			if (eq) {
				fprintf(stderr, _("sofgen %s: %s takes no value\n"), command, o->name);
				return -1;
			}
			*o->flag = true;
		} else if (eq) {
			*o->value = eq + 1;
		} else if (i + 1 < argc) {
			*o->value = argv[++i];
		} else {
			fprintf(stderr, _("sofgen %s: %s needs a value\n"), command, o->name);
			return -1;
		}
	}
	return npos;
}
