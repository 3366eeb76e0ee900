/* pipeline.c — a build's sequence, read → model → plan → render → write (pipeline.h),
 * and its stages (pipeline_stages.h), which a kept build (session.c) runs again for
 * incremental rebuilds. */
#include "pipeline.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/lint.h"
#include "pipeline_stages.h"
#include "plan/lint.h"
#include "read/content.h"
#include "render/links.h"
#include "render/publication_text.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/i18n.h"
#include "util/parallel.h"
#include "write/cms.h"
#include "write/images.h"
#include "write/opendata.h"
#include "write/output.h"
#include "write/paths.h"
#include "write/publications.h"
#include "write/sitemap.h"

static void require_template(const sg_tpl_set *set, const char *dir, const sg_page_kind_def *k, sg_diags *d,
                             int *rc)
{
	if (sg_tpl_set_has(set, k->template))
		return;
	sg_error(d, dir, 0, 0, "missing template %s.mustache (every site needs %s pages)", k->template, k->template);
	*rc = -1;
}

int sg_stage_load_templates(sg_tpl_set *set, const char *dir, const char *defaults, const sg_plan_kinds *extra,
                            sg_diags *d)
{
	bool own = sg_is_dir(dir), installed = defaults && sg_is_dir(defaults);
	if (!own && !installed) {
		sg_error(d, dir, 0, 0,
		         "the templates folder does not exist, and no installed templates were found%s%s; use --templates DIR "
		         "or install sofgen (make install)",
		         defaults ? _(" in ") : "", defaults ? defaults : "");
		return -1;
	}
	int rc = own ? sg_tpl_set_load_dir(set, dir, d) : 0;
	if (installed && sg_tpl_set_load_missing(set, defaults, d) != 0)
		rc = -1;
	const char *where = own ? dir : defaults;
	/* the template of every page kind, each named once (forms and referral forms share one) */
	for (size_t i = 0; i < SG_PAGE_KIND_COUNT; i++) {
		bool seen = false;
		for (size_t j = 0; j < i && !seen; j++)
			seen = strcmp(sg_page_kinds[j].template, sg_page_kinds[i].template) == 0;
		if (!seen)
			require_template(set, where, &sg_page_kinds[i], d, &rc);
	}
	for (size_t i = 0; extra && i < extra->n; i++)
		require_template(set, where, &extra->defs[i], d, &rc);
	return rc;
}

sg_plan *sg_stage_plan(const sg_pipeline_opts *o, const sg_site *site)
{
	return sg_plan_new_with(site, o->now, o->page_kinds);
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
				sg_catalog_render_site(site, plan->now, f, &file);
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
		job->catalog = sg_catalog_new(job->site, job->plan->now);
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

/* ---- the sequence ------------------------------------------------------------- */

void sg_build_free(sg_build *b)
{
	sg_catalog_free(b->catalog);
	sg_contexts_free(b->ctx);
	sg_plan_free(b->plan);
	sg_tpl_set_free(b->tpl);
	sg_site_free(b->site);
	memset(b, 0, sizeof *b);
}

static int output_sink(void *out, const char *rel_path, const char *data, size_t len, sg_diags *d)
{
	return sg_output_write(out, rel_path, data, len, d);
}

/* Every file the site will have, checked together before anything is written: no path
 * from two sources (paths.h). serve's incremental rebuilds write only pages of the same
 * paths, and a change to the assets is a full build, so the check holds for them too. */
static bool paths_clash(const sg_site *site, const sg_plan *plan, const sg_assets *assets, sg_diags *d)
{
	sg_out_paths paths;
	sg_out_paths_collect(site, plan, assets, &paths);
	bool clash = sg_out_paths_check(&paths, d) != 0;
	sg_out_paths_free(&paths);
	return clash;
}

/* Renders the pages of plan and writes the whole site into a fresh folder swapped in
 * at the end. With keep, the contexts and catalogue pieces are handed to it when it
 * succeeded. */
static sg_run_result render_and_write(const sg_pipeline_opts *o, const sg_site *site, const sg_plan *plan,
                                      const sg_tpl_set *tpl, sg_diags *d, sg_build_stats *stats, sg_build *keep)
{
	sg_assets assets;
	sg_run_result result = SG_RUN_OK;
	sg_output *out = NULL;
	if (sg_assets_list(o->assets_dir, &assets, d) != 0 ||
	    (o->default_assets_dir && sg_assets_add_missing(o->default_assets_dir, &assets, d) != 0))
		result = SG_RUN_IO_ERROR;
	else if (paths_clash(site, plan, &assets, d))
		result = SG_RUN_CONTENT_ERRORS;
	else if (!(out = sg_output_begin(o->out_dir, d)))
		result = SG_RUN_IO_ERROR;
	if (result != SG_RUN_OK) {
		sg_assets_free(&assets);
		return result;
	}
	if (o->incremental)
		sg_output_reuse_unchanged(out);
	sg_contexts *ctx = sg_contexts_new(site, plan);
	sg_site_files_job *files = sg_stage_site_files_start(site, plan, NULL, keep != NULL, output_sink, out);
	result = sg_stage_render(plan, ctx, tpl, NULL, 0, output_sink, out, o->jobs, d, &stats->files);
	sg_catalog *catalog = NULL;
	sg_run_result r = sg_stage_site_files_finish(files, d, &stats->files, &catalog);
	if (result == SG_RUN_OK)
		result = r;
	stats->pages = stats->rendered = plan->n_pages;
	if (result == SG_RUN_OK) {
		sg_publication_texts *texts = sg_publication_texts_new(site);
		long n = sg_write_publications(out, site, texts->news, texts->events, d);
		sg_publication_texts_free(texts);
		if (n < 0)
			result = SG_RUN_IO_ERROR;
		else
			stats->files += (size_t)n;
	}
	if (result == SG_RUN_OK) { /* images: those of the previous site taken as they are */
		long n = sg_write_images(out, site, d, &stats->images_made);
		if (n < 0)
			result = sg_diags_errors(d) ? SG_RUN_CONTENT_ERRORS : SG_RUN_IO_ERROR;
		else
			stats->files += (size_t)n;
	}
	if (result == SG_RUN_OK) {
		long copied = sg_output_copy_assets(out, &assets, d);
		if (copied < 0)
			result = SG_RUN_IO_ERROR;
		else
			stats->files += (size_t)copied;
	}
	if (result == SG_RUN_OK && site->info.cms.backend) { /* the web editor at /admin/ */
		long n = sg_cms_write_admin(out, site, o->decap_dir, o->cms_local_port, d);
		if (n < 0)
			result = SG_RUN_IO_ERROR;
		else
			stats->files += (size_t)n;
	}
	sg_assets_free(&assets);
	stats->reused = sg_output_reused(out);
	stats->written = stats->files - stats->reused;
	if (result == SG_RUN_OK && sg_output_commit(out, d) != 0)
		result = SG_RUN_IO_ERROR;
	else if (result != SG_RUN_OK)
		sg_output_abort(out);
	if (result == SG_RUN_OK && keep) {
		keep->ctx = ctx;
		keep->catalog = catalog;
	} else {
		sg_catalog_free(catalog);
		sg_contexts_free(ctx);
	}
	return result;
}

static double seconds_since(struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double s = (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
	*t0 = t1;
	return s;
}

sg_run_result sg_pipeline_build(const sg_pipeline_opts *o, sg_diags *d, sg_build_stats *stats, sg_build *keep)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	sg_build_stats dummy;
	if (!stats)
		stats = &dummy;
	memset(stats, 0, sizeof *stats);
	if (keep)
		memset(keep, 0, sizeof *keep);
	/* read */
	sg_sources *sources = sg_sources_read_on(o->content_dir, o->jobs, d);
	stats->t_read = seconds_since(&t);
	if (!sources)
		return SG_RUN_IO_ERROR;
	/* model (and the templates) */
	sg_build_opts bo = {.drafts = o->drafts, .jobs = o->jobs, .base_url = o->base_url, .now = o->now,
	                    .build_future = o->build_future, .pdf_cache = o->pdf_cache};
	sg_site *site = sg_site_build(sources, &bo, d);
	sg_links_write(site); /* the URLs of references between content, into the texts */
	stats->insatser = site->n_insatser;
	stats->kommuner = site->n_kommuner;
	stats->forbund = site->n_forbund;
	sg_tpl_set *tpl = NULL;
	if (o->write) {
		tpl = sg_tpl_set_new();
		sg_stage_load_templates(tpl, o->templates_dir, o->default_templates_dir, o->page_kinds, d);
	} else { /* sofgen check: also the warnings for likely mistakes */
		sg_site_lint(site, o->now ? o->now : "9999-12-31", d);
	}
	stats->t_model = seconds_since(&t);
	/* plan; sofgen check also looks for paths written twice */
	sg_plan *plan = NULL;
	if (!o->write) { /* the plan's warnings also when there are errors, then the paths */
		plan = sg_stage_plan(o, site);
		sg_plan_lint(site, plan, d);
		if (!sg_diags_errors(d))
			paths_clash(site, plan, NULL, d);
	} else if (!sg_diags_errors(d)) {
		plan = sg_stage_plan(o, site);
	}
	sg_run_result result = sg_diags_errors(d) ? SG_RUN_CONTENT_ERRORS : SG_RUN_OK;
	/* render and write */
	if (result == SG_RUN_OK && o->write)
		result = render_and_write(o, site, plan, tpl, d, stats, keep);
	stats->t_write = seconds_since(&t);
	if (result == SG_RUN_OK && keep && o->write) {
		keep->site = site;
		keep->tpl = tpl;
		keep->plan = plan;
	} else {
		sg_plan_free(plan);
		sg_tpl_set_free(tpl);
		sg_site_free(site);
	}
	return result;
}

sg_run_result sg_pipeline_run(const sg_pipeline_opts *o, sg_diags *d, sg_build_stats *stats)
{
	return sg_pipeline_build(o, d, stats, NULL);
}
