/* pipeline.c — the stages every build runs (pipeline_stages.h) and a one-off build
 * (pipeline.h), which is a session (session.h) that keeps nothing. */
#include "pipeline.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "pipeline_stages.h"
#include "session.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/parallel.h"
#include "write/opendata.h"
#include "write/paths.h"
#include "write/sitemap.h"

/* the templates every site needs, one per page kind */
static const char *const required_templates[] = {"home",       "kommun",     "forbund",          "insats",
                                                    "kategori",   "sida",       "ekonomi",          "404",
                                                    "nyhetsbrev", "nyhetsbrev-lista", "nyhetsbrev-epost", "evenemang",
                                                    "evenemang-lista", "dokument", "blankett", "tillganglighet", "sok",
                                                    "sidor"};

int sg_stage_load_templates(sg_tpl_set *set, const char *dir, const char *defaults, sg_diags *d)
{
	bool own = sg_is_dir(dir), installed = defaults && sg_is_dir(defaults);
	if (!own && !installed) {
		sg_error(d, dir, 0, 0,
		         "the templates folder does not exist, and no installed templates were found%s%s; use --templates DIR "
		         "or install sofgen (make install)",
		         defaults ? " in " : "", defaults ? defaults : "");
		return -1;
	}
	int rc = own ? sg_tpl_set_load_dir(set, dir, d) : 0;
	if (installed && sg_tpl_set_load_missing(set, defaults, d) != 0)
		rc = -1;
	for (size_t i = 0; i < sizeof required_templates / sizeof *required_templates; i++)
		if (!sg_tpl_set_has(set, required_templates[i])) {
			sg_error(d, own ? dir : defaults, 0, 0, "missing template %s.mustache (every site needs %s pages)",
			         required_templates[i], required_templates[i]);
			rc = -1;
		}
	return rc;
}

/* Caps on one page: far above a catalogue of 100 000 insatser (its biggest list page
 * is tens of MB), low enough that a template that includes itself stops. */
#define RENDER_MAX_STEPS ((size_t)2000000000)
#define RENDER_MAX_OUTPUT ((size_t)1 << 30)

/* Pages are rendered in chunks on several threads (util/parallel.h); each chunk has
 * its own buffer and diagnostics. Every page is independent, so the output does not
 * depend on the number of threads. */
typedef struct render_job {
	const sg_plan *plan;
	sg_contexts *ctx;
	const sg_tpl_set *tpl;
	const size_t *which;
	sg_file_sink sink;
	void *sink_ctx;
	size_t files; /* atomic */
	int failed;   /* atomic: an sg_run_result, SG_RUN_OK while all goes well */
} render_job;

static void render_chunk(void *arg, size_t begin, size_t end, sg_diags *d)
{
	render_job *job = arg;
	sg_buf page = SG_BUF_INIT;
	for (size_t i = begin; i < end && !__atomic_load_n(&job->failed, __ATOMIC_RELAXED); i++) {
		const sg_page *p = &job->plan->pages[job->which ? job->which[i] : i];
		sg_value *v = sg_contexts_page(job->ctx, p);
		sg_buf_clear(&page);
		bool cut = false;
		sg_tpl_render_checked(job->tpl, p->template, v, &page, RENDER_MAX_STEPS, RENDER_MAX_OUTPUT, &cut);
		sg_value_unref(v);
		if (cut) {
			sg_error(d, p->template, 0, 0,
			         "rendering %s stopped at the size limit (%zu MB or %zu million steps): does a partial include "
			         "itself?",
			         p->url, (size_t)(RENDER_MAX_OUTPUT >> 20), (size_t)(RENDER_MAX_STEPS / 1000000));
			__atomic_store_n(&job->failed, SG_RUN_CONTENT_ERRORS, __ATOMIC_RELAXED);
		} else if (job->sink(job->sink_ctx, p->out_path, page.ptr, page.len, d) != 0)
			__atomic_store_n(&job->failed, SG_RUN_IO_ERROR, __ATOMIC_RELAXED);
		else
			__atomic_fetch_add(&job->files, 1, __ATOMIC_RELAXED);
	}
	sg_buf_free(&page);
}

sg_run_result sg_stage_render(const sg_plan *plan, sg_contexts *ctx, const sg_tpl_set *tpl, const size_t *which,
                              size_t n_which, sg_file_sink sink, void *sink_ctx, int jobs, sg_diags *d,
                              size_t *files)
{
	size_t n = which ? n_which : plan->n_pages;
	/* a few pages at a time share a buffer; a handful (serve's rebuilds) go one by one,
	 * so that the big list pages spread over the threads */
	render_job job = {plan, ctx, tpl, which, sink, sink_ctx, 0, 0};
	sg_parallel_chunks(n, n >= 1024 ? 8 : 1, jobs, render_chunk, &job, d);
	*files += job.files;
	return (sg_run_result)job.failed;
}

sg_run_result sg_stage_site_files(const sg_site *site, const sg_plan *plan, const sg_catalog *catalog,
                                  sg_file_sink sink, void *sink_ctx, sg_diags *d, size_t *files)
{
	const char *base = site->info.base_url ? site->info.base_url : "/";
	sg_buf file = SG_BUF_INIT;
	sg_run_result result = SG_RUN_OK;
	for (int i = 0; i < SG_SITE_FILES && result == SG_RUN_OK; i++) {
		const char *path = sg_site_file_path(i); /* the list the paths are checked from */
		sg_buf_clear(&file);
		switch (i) {
		case 0: sg_sitemap_render(plan, base, &file); break;
		case 1: sg_robots_render(base, &file); break;
		case 2: sg_opendata_schema(site, &file); break;
		case 3: sg_opendata_catalog(site, &file); break;
		case 4: sg_opendata_catalog_rdf(site, &file); break;
		default: {
			sg_catalog_file f = (sg_catalog_file)(i - SG_SITE_FIXED_FILES);
			if (catalog)
				sg_catalog_render(catalog, f, &file);
			else
				sg_catalog_render_site(site, f, &file);
		}
		}
		if (sink(sink_ctx, path, file.ptr, file.len, d) != 0)
			result = SG_RUN_IO_ERROR;
		(*files)++;
	}
	sg_buf_free(&file);
	return result;
}

struct sg_site_files_job {
	const sg_site *site;
	const sg_plan *plan;
	bool keep, threaded;
	sg_file_sink sink;
	void *sink_ctx;
	sg_diags *d;
	size_t files;
	const sg_catalog *given;
	sg_catalog *catalog; /* made here (keep) */
	sg_run_result result;
	pthread_t thread;
};

static void *site_files(void *arg)
{
	sg_site_files_job *job = arg;
	if (job->keep && !job->given)
		job->catalog = sg_catalog_new(job->site);
	job->result = sg_stage_site_files(job->site, job->plan, job->given ? job->given : job->catalog, job->sink,
	                                  job->sink_ctx, job->d, &job->files);
	return NULL;
}

sg_site_files_job *sg_stage_site_files_start(const sg_site *site, const sg_plan *plan, const sg_catalog *catalog,
                                             bool keep, sg_file_sink sink, void *sink_ctx)
{
	sg_site_files_job *job = sg_calloc(1, sizeof *job);
	*job = (sg_site_files_job){.site = site, .plan = plan, .keep = keep, .given = catalog, .sink = sink,
	                           .sink_ctx = sink_ctx, .d = sg_diags_new()};
	job->threaded = pthread_create(&job->thread, NULL, site_files, job) == 0;
	if (!job->threaded)
		site_files(job);
	return job;
}

sg_run_result sg_stage_site_files_finish(sg_site_files_job *job, sg_diags *d, size_t *files, sg_catalog **kept)
{
	if (job->threaded)
		pthread_join(job->thread, NULL);
	sg_diags_move(d, job->d);
	sg_diags_free(job->d);
	*files += job->files;
	sg_run_result result = job->result;
	if (kept)
		*kept = job->catalog;
	else
		sg_catalog_free(job->catalog);
	free(job);
	return result;
}

sg_run_result sg_pipeline_run(const sg_pipeline_opts *o, sg_diags *d, sg_build_stats *stats)
{
	sg_session *s = sg_session_new(o, false);
	sg_run_result r = sg_session_build(s, d, stats);
	sg_session_free(s);
	return r;
}
