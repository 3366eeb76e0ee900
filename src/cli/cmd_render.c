/* cmd_render.c — `sofgen render`: one template against one data file, for template
 * authors and for running the Mustache spec from outside. Prints exactly the
 * rendered bytes on stdout. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../read/yaml_load.h"
#include "../template/mustache.h"
#include "../util/alloc.h"
#include "../util/fs.h"
#include "../util/i18n.h"
#include "args.h"
#include "commands.h"

#define MAX_INPUT ((size_t)64 << 20)

/* "dir/page.mustache" → "page" */
static char *template_name(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	return dot && dot != base ? sg_strndup(base, (size_t)(dot - base)) : sg_strdup(base);
}

int sg_cmd_render(int argc, char **argv)
{
	const char *data_file = NULL, *partials = NULL, *pos[1] = {NULL};
	const sg_opt opts[] = {
		{"--data", true, &data_file, NULL},
		{"--partials", true, &partials, NULL},
		{NULL, false, NULL, NULL},
	};
	int n = sg_args_parse(argc, argv, 2, opts, pos, 1, "render");
	if (n < 0)
		return 2;
	if (n != 1) {
		fputs(_("sofgen render: which template? usage: sofgen render TEMPLATE [--data FILE] [--partials DIR]\n"), stderr);
		return 2;
	}
	int status = 0;
	sg_diags *d = sg_diags_new();
	sg_tpl_set *set = sg_tpl_set_new();
	sg_value *data = NULL;
	char *name = template_name(pos[0]);
	size_t len;
	char *src = sg_read_file(pos[0], &len, MAX_INPUT);
	if (!src) {
		fprintf(stderr, _("sofgen render: %s: %s\n"), pos[0], strerror(errno));
		status = 2;
		goto out;
	}
	if (partials && sg_tpl_set_load_dir(set, partials, d) != 0)
		status = 1;
	if (sg_tpl_set_add(set, name, src, len, pos[0], d) != 0)
		status = 1;
	free(src);
	if (data_file) {
		char *text = sg_read_file(data_file, &len, MAX_INPUT);
		if (!text) {
			fprintf(stderr, _("sofgen render: %s: %s\n"), data_file, strerror(errno));
			status = 2;
			goto out;
		}
		data = sg_yaml_load(text, len, data_file, 0, d);
		free(text);
		if (!data)
			status = 1;
	}
	if (status == 0) {
		sg_buf out = SG_BUF_INIT;
		sg_tpl_render(set, name, data, &out);
		fwrite(out.ptr ? out.ptr : "", 1, out.len, stdout);
		sg_buf_free(&out);
	}
out:
	sg_diags_sort(d);
	sg_diags_print(d, stderr);
	sg_diags_free(d);
	sg_value_unref(data);
	sg_tpl_set_free(set);
	free(name);
	return status;
}
