/* pipeline.c — the build pipeline (see pipeline.h). */
#include "pipeline.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/lint.h"
#include "model/model.h"
#include "plan/plan.h"
#include "read/content.h"
#include "render/context.h"
#include "template/mustache.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/fs.h"
#include "write/opendata.h"
#include "write/publications.h"
#include "write/search_index.h"
#include "write/output.h"
#include "write/sitemap.h"

/* the templates every site needs, one per page kind */
static const char *const required_templates[] = {"home",       "kommun",     "forbund",          "insats",
                                                    "kategori",   "sida",       "ekonomi",          "404",
                                                    "nyhetsbrev", "nyhetsbrev-lista", "nyhetsbrev-epost", "evenemang",
                                                    "evenemang-lista", "dokument", "blankett", "tillganglighet", "sok"};

static int load_templates(sg_tpl_set *set, const char *dir, sg_diags *d)
{
	if (!sg_is_dir(dir)) {
		sg_error(d, dir, 0, 0, "the templates folder does not exist; use --templates DIR");
		return -1;
	}
	int rc = sg_tpl_set_load_dir(set, dir, d);
	for (size_t i = 0; i < sizeof required_templates / sizeof *required_templates; i++)
		if (!sg_tpl_set_has(set, required_templates[i])) {
			sg_error(d, dir, 0, 0, "missing template %s.mustache (every site needs %s pages)", required_templates[i],
			         required_templates[i]);
			rc = -1;
		}
	return rc;
}

/* Caps on one page: far above a catalogue of 100 000 insatser (its biggest list page
 * is tens of MB), low enough that a template that includes itself stops. */
#define RENDER_MAX_STEPS ((size_t)2000000000)
#define RENDER_MAX_OUTPUT ((size_t)1 << 30)

/* Pages are rendered by a few threads that take the next page number from a shared
 * counter; each has its own buffer and diagnostics. Every page is independent, so the
 * output does not depend on the number of threads. */
typedef struct render_job {
	const sg_plan *plan;
	sg_contexts *ctx;
	const sg_tpl_set *tpl;
	sg_output *out;
	size_t next;  /* atomic */
	int failed;   /* atomic: an sg_run_result, SG_RUN_OK while all goes well */
} render_job;

typedef struct render_worker {
	render_job *job;
	sg_diags *d;
	size_t files;
	pthread_t thread;
} render_worker;

static void *render_pages(void *arg)
{
	render_worker *w = arg;
	render_job *job = w->job;
	sg_buf page = SG_BUF_INIT;
	for (;;) {
		size_t i = __atomic_fetch_add(&job->next, 1, __ATOMIC_RELAXED);
		if (i >= job->plan->n_pages || __atomic_load_n(&job->failed, __ATOMIC_RELAXED))
			break;
		const sg_page *p = &job->plan->pages[i];
		sg_value *v = sg_contexts_page(job->ctx, p);
		sg_buf_clear(&page);
		bool cut = false;
		sg_tpl_render_checked(job->tpl, p->template, v, &page, RENDER_MAX_STEPS, RENDER_MAX_OUTPUT, &cut);
		sg_value_unref(v);
		if (cut) {
			sg_error(w->d, p->template, 0, 0,
			         "rendering %s stopped at the size limit (%zu MB or %zu million steps): does a partial include "
			         "itself?",
			         p->url, (size_t)(RENDER_MAX_OUTPUT >> 20), (size_t)(RENDER_MAX_STEPS / 1000000));
			__atomic_store_n(&job->failed, SG_RUN_CONTENT_ERRORS, __ATOMIC_RELAXED);
		} else if (sg_output_write(job->out, p->out_path, page.ptr, page.len, w->d) != 0)
			__atomic_store_n(&job->failed, SG_RUN_IO_ERROR, __ATOMIC_RELAXED);
		else
			w->files++;
	}
	sg_buf_free(&page);
	return NULL;
}

static int cores(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

static sg_run_result render_all(const sg_plan *plan, sg_contexts *ctx, const sg_tpl_set *tpl, sg_output *out, int jobs,
                       sg_diags *d, size_t *files)
{
	render_job job = {plan, ctx, tpl, out, 0, 0};
	if (jobs <= 0)
		jobs = cores();
	if ((size_t)jobs > plan->n_pages)
		jobs = plan->n_pages ? (int)plan->n_pages : 1;
	render_worker *w = sg_calloc((size_t)jobs, sizeof *w);
	int started = 0;
	for (int i = 0; i < jobs; i++) {
		w[i] = (render_worker){&job, sg_diags_new(), 0, 0};
		if (i > 0 && pthread_create(&w[i].thread, NULL, render_pages, &w[i]) == 0)
			started++;
	}
	render_pages(&w[0]); /* this thread works too */
	for (int i = 1; i <= started; i++)
		pthread_join(w[i].thread, NULL);
	for (int i = 0; i < jobs; i++) {
		sg_diags_move(d, w[i].d);
		sg_diags_free(w[i].d);
		*files += w[i].files;
	}
	free(w);
	return (sg_run_result)job.failed;
}

static sg_run_result write_site(const sg_pipeline_opts *o, const sg_site *site, const sg_tpl_set *tpl, sg_diags *d,
                                sg_build_stats *stats)
{
	sg_output *out = sg_output_begin(o->out_dir, d);
	if (!out)
		return SG_RUN_IO_ERROR;
	if (o->incremental)
		sg_output_reuse_unchanged(out);
	sg_plan *plan = sg_plan_new(site, o->now);
	sg_contexts *ctx = sg_contexts_new(site, plan);
	sg_run_result result = render_all(plan, ctx, tpl, out, o->jobs, d, &stats->files);
	sg_buf page = SG_BUF_INIT;
	stats->pages = plan->n_pages;
	if (result == SG_RUN_OK) {
		const char *base = site->info.base_url ? site->info.base_url : "/";
		sg_buf_clear(&page);
		sg_sitemap_render(plan, base, &page);
		if (sg_output_write(out, "sitemap.xml", page.ptr, page.len, d) != 0)
			result = SG_RUN_IO_ERROR;
		sg_buf_clear(&page);
		sg_robots_render(base, &page);
		if (result == SG_RUN_OK && sg_output_write(out, "robots.txt", page.ptr, page.len, d) != 0)
			result = SG_RUN_IO_ERROR;
		stats->files += 2;
		/* open data */
		static const struct {
			const char *path;
			void (*make)(const sg_site *, sg_buf *);
		} data[] = {{"data/insatser.json", sg_opendata_json},
		            {"data/insatser.schema.json", sg_opendata_schema},
		            {"data/insatser.csv", sg_opendata_csv},
		            {"data/catalog.jsonld", sg_opendata_catalog},
		            {"search-index.json", sg_search_index}};
		for (size_t i = 0; i < sizeof data / sizeof *data && result == SG_RUN_OK; i++) {
			sg_buf_clear(&page);
			data[i].make(site, &page);
			if (sg_output_write(out, data[i].path, page.ptr, page.len, d) != 0)
				result = SG_RUN_IO_ERROR;
			stats->files++;
		}
	}
	if (result == SG_RUN_OK) {
		long n = sg_write_publications(out, site, plan, d);
		if (n < 0)
			result = SG_RUN_IO_ERROR;
		else
			stats->files += (size_t)n;
	}
	if (result == SG_RUN_OK && sg_output_copy_dir(out, o->assets_dir, d) != 0)
		result = SG_RUN_IO_ERROR;
	sg_buf_free(&page);
	sg_contexts_free(ctx);
	sg_plan_free(plan);
	if (result != SG_RUN_OK) {
		sg_output_abort(out);
		return result;
	}
	return sg_output_commit(out, d) == 0 ? SG_RUN_OK : SG_RUN_IO_ERROR;
}

sg_run_result sg_pipeline_run(const sg_pipeline_opts *o, sg_diags *d, sg_build_stats *stats)
{
	sg_build_stats dummy;
	if (!stats)
		stats = &dummy;
	memset(stats, 0, sizeof *stats);
	sg_sources *sources = sg_sources_read(o->content_dir, d);
	if (!sources)
		return SG_RUN_IO_ERROR;
	sg_build_opts bo = {.drafts = o->drafts};
	sg_site *site = sg_site_build(sources, &bo, d);
	stats->insatser = site->n_insatser;
	stats->kommuner = site->n_kommuner;
	stats->forbund = site->n_forbund;
	sg_tpl_set *tpl = NULL;
	if (o->write) {
		tpl = sg_tpl_set_new();
		load_templates(tpl, o->templates_dir, d);
	}
	if (!o->write) /* sofgen check: also the warnings for likely mistakes */
		sg_site_lint(site, o->now ? o->now : "9999-12-31", d);
	sg_run_result result = sg_diags_errors(d) ? SG_RUN_CONTENT_ERRORS : SG_RUN_OK;
	if (result == SG_RUN_OK && o->write)
		result = write_site(o, site, tpl, d, stats);
	sg_tpl_set_free(tpl);
	sg_site_free(site);
	return result;
}
