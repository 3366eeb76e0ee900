/* cmd_schema.c — `sofgen schema [--content DIR] [--out DIR]`: the JSON Schemas of the
 * content files (write/schema.h), with the site's own kommuner, förbund, forms and
 * target groups as choices when the content can be read. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/model.h"
#include "../read/content.h"
#include "../util/alloc.h"
#include "../util/diag.h"
#include "../util/fs.h"
#include "../util/i18n.h"
#include "../write/schema.h"
#include "args.h"
#include "commands.h"

int sg_cmd_schema(int argc, char **argv)
{
	const char *content = "content", *out = "schemas";
	const sg_opt opts[] = {
		{"--content", true, &content, NULL},
		{"--out", true, &out, NULL},
		{NULL, false, NULL, NULL},
	};
	int n = sg_args_parse(argc, argv, 2, opts, NULL, 0, "schema");
	if (n < 0)
		return 2;
	/* the site's names, if its content can be read; the schemas do without them */
	sg_diags *d = sg_diags_new();
	sg_site *site = NULL;
	if (sg_is_dir(content)) {
		sg_build_opts o = {false};
		site = sg_site_build(sg_sources_read(content, d), &o, d);
	}
	if (!site || sg_diags_errors(d))
		fprintf(stderr, _("sofgen schema: %s could not be read without errors (see sofgen check); the schemas "
		                  "offer no kommun, förbund or form names\n"),
		        content);
	sg_schema_names names = {site && !sg_diags_errors(d) ? site : NULL};
	if (sg_mkdirs(out) != 0) {
		fprintf(stderr, _("sofgen schema: cannot create %s: %s\n"), out, strerror(errno));
		sg_site_free(site);
		sg_diags_free(d);
		return 2;
	}
	size_t count;
	const sg_content_kind *kinds = sg_content_kinds(&count);
	int status = 0;
	for (size_t i = 0; i < count && status == 0; i++) {
		char *json = sg_schema_json(&kinds[i], &names, "");
		char *file = sg_schema_file_name(&kinds[i]);
		char *path = sg_path_join(out, file);
		if (sg_write_file(path, json, strlen(json)) != 0) {
			fprintf(stderr, _("sofgen schema: cannot write %s: %s\n"), path, strerror(errno));
			status = 2;
		}
		free(path);
		free(file);
		free(json);
	}
	if (status == 0)
		fprintf(stderr, P_("sofgen: wrote %zu JSON Schema into %s/\n", "sofgen: wrote %zu JSON Schemas into %s/\n", count), count,
		        out);
	sg_site_free(site);
	sg_diags_free(d);
	return status;
}
