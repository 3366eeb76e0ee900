/* cmd_build.c — `sofgen build` and `sofgen check`: options, the pipeline, and the one
 * place where diagnostics are printed. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../model/fields.h"
#include "../pipeline.h"
#include "../util/alloc.h"
#include "../util/diag.h"
#include "../util/i18n.h"
#include "../util/swetime.h"
#include "../util/fs.h"
#include "../write/cms.h"
#include "args.h"
#include "commands.h"
#include "site_root.h"

/* --now: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM", checked as content dates are. */
static bool valid_now(const char *s)
{
	char date[11], why[160];
	size_t len = strlen(s);
	if (len != 10 && len != 16)
		return false;
	memcpy(date, s, 10);
	date[10] = '\0';
	return sg_date_valid(date, why, sizeof why) && (len == 10 || (s[10] == 'T' && sg_time_valid(s + 11)));
}

/* --out is replaced as a whole by every build: it must be a folder of its own, never
 * the project, a source folder or inside one (a site inside the content folder would
 * be read as content; one inside the assets would be copied into itself). Prints why
 * and returns false when it is not. */
static bool out_dir_usable(const sg_pipeline_opts *o)
{
	if (!*o->out_dir) {
		fprintf(stderr, _("sofgen build: --out needs a folder name, e.g. --out site\n"));
		return false;
	}
	char *out = sg_path_resolve(o->out_dir), *here = sg_path_resolve(".");
	const struct {
		const char *what, *dir;
	} sources[] = {{"content", o->content_dir}, {"templates", o->templates_dir}, {"assets", o->assets_dir}};
	bool ok = out && here;
	if (!ok)
		fprintf(stderr, _("sofgen build: cannot find the current folder: %s\n"), strerror(errno));
	else if (strcmp(out, here) == 0) {
		fprintf(stderr, _("sofgen build: --out '%s' is the current folder, and each build replaces --out as a whole; "
		                "use a folder of its own, e.g. --out site\n"),
		        o->out_dir);
		ok = false;
	}
	for (size_t i = 0; ok && i < sizeof sources / sizeof *sources; i++) {
		char *dir = sg_path_resolve(sources[i].dir);
		if (!dir)
			continue;
		if (strcmp(out, dir) == 0)
			fprintf(stderr, _("sofgen build: --out '%s' is the %s folder; use a folder of its own, e.g. --out site\n"),
			        o->out_dir, sources[i].what);
		else if (sg_path_within(out, dir))
			fprintf(stderr,
			        _("sofgen build: --out '%s' is inside the %s folder '%s'; use a folder outside it, e.g. --out site\n"),
			        o->out_dir, sources[i].what, sources[i].dir);
		else if (sg_path_within(dir, out))
			fprintf(stderr,
			        _("sofgen build: --out '%s' holds the %s folder '%s', and each build replaces --out as a whole; "
			        "use a folder of its own, e.g. --out site\n"),
			        o->out_dir, sources[i].what, sources[i].dir);
		else {
			free(dir);
			continue;
		}
		free(dir);
		ok = false;
	}
	if (ok && sg_path_within(here, out)) {
		fprintf(stderr, _("sofgen build: --out '%s' holds the current folder, and each build replaces --out as a "
		                "whole; use a folder of its own, e.g. --out site\n"),
		        o->out_dir);
		ok = false;
	}
	free(out);
	free(here);
	return ok;
}

int sg_cmd_build(int argc, char **argv, bool write)
{
	sg_pipeline_opts o = {.content_dir = "content",
	                      .templates_dir = "templates",
	                      .assets_dir = "assets",
	                      .out_dir = "site",
	                      .write = write};
	const char *jobs = NULL;
	bool timings = false;
	const sg_opt build_opts[] = {
		{"--content", true, &o.content_dir, NULL},     {"--templates", true, &o.templates_dir, NULL},
		{"--assets", true, &o.assets_dir, NULL},       {"--out", true, &o.out_dir, NULL},
		{"--drafts", false, NULL, &o.drafts},          {"--now", true, &o.now, NULL},
		{"--jobs", true, &jobs, NULL},                 {"--incremental", false, NULL, &o.incremental},
		{"--timings", false, NULL, &timings},          {"--base-url", true, &o.base_url, NULL},
		{"--build-future", false, NULL, &o.build_future},
		{NULL, false, NULL, NULL},
	};
	const char *format = "text";
	const sg_opt check_opts[] = {
		{"--content", true, &o.content_dir, NULL},
		{"--drafts", false, NULL, &o.drafts},
		{"--now", true, &o.now, NULL},
		{"--format", true, &format, NULL},
		{"--build-future", false, NULL, &o.build_future},
		{NULL, false, NULL, NULL},
	};
	const char *cmd = write ? "build" : "check";
	if (sg_args_parse(argc, argv, 2, write ? build_opts : check_opts, NULL, 0, cmd) < 0)
		return 2;
	if (write && !out_dir_usable(&o))
		return 2;
	if (jobs) {
		char *end;
		long n = strtol(jobs, &end, 10);
		if (*end || n < 1 || n > 256) {
			fprintf(stderr, _("sofgen build: --jobs takes a number of threads from 1 to 256\n"));
			return 2;
		}
		o.jobs = (int)n;
	}
	bool json = strcmp(format, "json") == 0;
	if (!json && strcmp(format, "text") != 0) {
		fprintf(stderr, _("sofgen check: --format is text or json\n"));
		return 2;
	}
	char today[32];
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	if (!o.now && epoch && *epoch) {
		/* reproducible builds (reproducible-builds.org): the date of the sources, in Swedish time */
		if (!sg_now_from_epoch(epoch, today, sizeof today)) {
			fprintf(stderr, _("sofgen %s: SOURCE_DATE_EPOCH must be a number of seconds since 1970-01-01 00:00 UTC, "
			                "not '%s'\n"),
			        cmd, epoch);
			return 2;
		}
		o.now = today;
	} else if (!o.now) {
		/* the build date in Swedish time decides which events are upcoming */
		sg_sweden_now(today, sizeof today); /* wherever the build runs, whatever TZ says */
		o.now = today;
	} else if (!valid_now(o.now)) {
		fprintf(stderr, _("sofgen %s: --now takes a date or a date and time: YYYY-MM-DD or YYYY-MM-DDTHH:MM\n"), cmd);
		return 2;
	}

	/* the installed templates and assets under the site's own (sofgen init makes sites
	 * with content/ only) */
	char *default_templates = sg_datadir_path("templates"), *default_assets = sg_datadir_path("assets");
	o.default_templates_dir = default_templates;
	o.default_assets_dir = default_assets;
	char *decap = write ? sg_cms_find_dir(sg_datadir()) : NULL; /* used only when site.yaml has 'cms:' */
	o.decap_dir = decap;

	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	sg_diags *d = sg_diags_new();
	sg_build_stats stats;
	sg_run_result r = sg_pipeline_run(&o, d, &stats);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	sg_diags_sort(d);
	if (json) {
		/* for editors' tooling: the same diagnostics, on stdout, and nothing else */
		sg_diags_print_json(d, stdout);
		sg_diags_free(d);
		free(default_templates);
		free(default_assets);
		free(decap);
		return (int)r;
	}
	sg_diags_print(d, stderr);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	size_t errors = sg_diags_errors(d), warnings = sg_diags_warnings(d);
	char unchanged[64] = "";
	if (o.incremental)
		snprintf(unchanged, sizeof unchanged, P_(" (%zu file unchanged)", " (%zu files unchanged)", stats.reused),
		         stats.reused);
	if (r == SG_RUN_OK && write)
		fprintf(stderr, _("sofgen: built %zu pages (%zu insatser, %zu kommuner, %zu förbund) into %s/ in %.2f s%s\n"),
		        stats.pages, stats.insatser, stats.kommuner, stats.forbund, o.out_dir, secs, unchanged);
	if (r == SG_RUN_OK && write && timings)
		fprintf(stderr, _("sofgen: %.3f s reading content, %.3f s checking it and loading templates, "
		                "%.3f s rendering and writing\n"),
		        stats.t_read, stats.t_model, stats.t_write);
	if (r == SG_RUN_OK && !write)
		fprintf(stderr, _("sofgen: %s is valid (%zu insatser, %zu kommuner, %zu förbund)\n"), o.content_dir,
		        stats.insatser, stats.kommuner, stats.forbund);
	if (errors || warnings) {
		/* "1 error, 2 warnings": each count with its own plural form (ngettext) */
		char *e = sg_asprintf(P_("%zu error", "%zu errors", errors), errors);
		char *w = sg_asprintf(P_("%zu warning", "%zu warnings", warnings), warnings);
		fprintf(stderr, _("sofgen: %s, %s%s\n"), e, w, r != SG_RUN_OK && write ? _("; the site was not changed") : "");
		free(e);
		free(w);
	}
	sg_diags_free(d);
	free(default_templates);
	free(default_assets);
	free(decap);
	return (int)r;
}
