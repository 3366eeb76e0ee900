/* session.c — a build kept between rebuilds, and incremental updates (see session.h).
 * The full build is the pipeline's (pipeline_stages.h), which hands back what it made.
 *
 * An update changes the kept model in place: each changed insats is built again from
 * its re-read file into a new struct whose contents are then swapped into the old
 * one, so the insats keeps its address and everything that points at it (the plan's
 * lists, the page contexts) stays valid. If the new versions have errors, or the
 * budgets no longer add up, the contents are swapped back and nothing on disk
 * changes. Then a new plan is made (linear, milliseconds), the cards of the changed
 * insatser are rebuilt, and the pages that depend on them are rendered through the
 * same stages as a full build into the served folder, file by file. */
#include "session.h"

#include <stdlib.h>
#include <string.h>

#include "model/budget.h"
#include "model/model.h"
#include "pipeline_stages.h"
#include "plan/plan.h"
#include "read/content.h"
#include "render/context.h"
#include "render/links.h"
#include "util/alloc.h"
#include "util/fs.h"
#include "util/pdfinfo.h"
#include "write/catalog.h"
#include "write/update.h"

struct sg_session {
	sg_pipeline_opts opts;
	char *now; /* owned; opts.now points at it when set */
	bool keep;
	/* after a good build, when keep: what the served site was made from */
	sg_build kept;
	/* files changed since the last good build and not yet in it */
	char **pending;
	size_t n_pending;
	sg_pdf_cache *pdf_cache; /* owned; opts.pdf_cache points at it */
};

sg_session *sg_session_new(const sg_pipeline_opts *opts, bool keep)
{
	sg_session *s = sg_calloc(1, sizeof *s);
	s->opts = *opts;
	s->keep = keep;
	s->pdf_cache = sg_pdf_cache_new();
	s->opts.pdf_cache = s->pdf_cache;
	return s;
}

static void drop_kept(sg_session *s) { sg_build_free(&s->kept); }

static void clear_pending(sg_session *s)
{
	sg_free_names(s->pending, s->n_pending);
	s->pending = NULL;
	s->n_pending = 0;
}

void sg_session_free(sg_session *s)
{
	if (!s)
		return;
	drop_kept(s);
	clear_pending(s);
	sg_pdf_cache_free(s->pdf_cache);
	free(s->now);
	free(s);
}

void sg_session_set_now(sg_session *s, const char *now)
{
	/* what pages say about insatser and events depends on the day: a new day builds
	 * everything again */
	if (s->kept.site && (!now || !s->now || strncmp(now, s->now, 10) != 0))
		drop_kept(s);
	free(s->now);
	s->now = now ? sg_strdup(now) : NULL;
	if (now)
		s->opts.now = s->now;
}

/* ---- full build ---------------------------------------------------------- */

sg_run_result sg_session_build(sg_session *s, sg_diags *d, sg_build_stats *stats)
{
	drop_kept(s);
	clear_pending(s);
	return sg_pipeline_build(&s->opts, d, stats, s->keep ? &s->kept : NULL);
}

/* ---- incremental update ------------------------------------------------- */

typedef struct {
	const char *dir;
	size_t written; /* atomic */
} update_target;

static int update_sink(void *target, const char *rel_path, const char *data, size_t len, sg_diags *d)
{
	update_target *t = target;
	bool written;
	int rc = sg_update_file(t->dir, rel_path, data, len, &written, d);
	if (written)
		__atomic_fetch_add(&t->written, 1, __ATOMIC_RELAXED);
	return rc;
}

static void add_pending(sg_session *s, const char *path)
{
	for (size_t i = 0; i < s->n_pending; i++)
		if (strcmp(s->pending[i], path) == 0)
			return;
	s->pending = sg_realloc(s->pending, (s->n_pending + 1) * sizeof *s->pending);
	s->pending[s->n_pending++] = sg_strdup(path);
}

static sg_insats *insats_at(const sg_site *site, const char *path)
{
	for (size_t i = 0; i < site->n_insatser; i++)
		if (strcmp(site->insatser[i]->path, path) == 0)
			return site->insatser[i];
	return NULL;
}

/* Exchanges two versions of an insats; a keeps its place in site->insatser. */
static void swap_versions(sg_insats *a, sg_insats *b)
{
	sg_insats t = *a;
	*a = *b;
	*b = t;
	a->index = t.index;
}

/* The same pages, in the same order, apart from which insats each page of one insats
 * shows (insats pages are ordered by title). Referral form pages come and go with a form. */
static bool same_pages(const sg_plan *a, const sg_plan *b)
{
	if (a->n_pages != b->n_pages)
		return false;
	for (size_t i = 0; i < a->n_pages; i++) {
		const sg_page *p = &a->pages[i], *q = &b->pages[i];
		if (p->kind != q->kind)
			return false;
		if (p->subject.kind != SG_SUBJECT_INSATS && strcmp(p->out_path, q->out_path) != 0)
			return false;
	}
	return true;
}

/* Does the page show insats x, now or in its previous version `was`? Its kind's row
 * says (plan.h). Pages that only show site-wide values are not included: when those
 * change, every page is rendered. */
static bool depends_on(const sg_plan *plan, const sg_page *p, const sg_insats *x, const sg_insats *was)
{
	return sg_plan_kind(plan, p->kind)->shows_insats(p, x, was);
}

typedef enum { UPDATE_DONE, UPDATE_FAILED, UPDATE_NEEDS_FULL } update_outcome;

static update_outcome update_insatser(sg_session *s, sg_diags *d, sg_build_stats *stats, sg_run_result *result)
{
	sg_site *site = s->kept.site;
	size_t n = s->n_pending;
	sg_insats **xs = sg_calloc(n, sizeof *xs);  /* the insatser of the site that changed */
	sg_insats **nx = sg_calloc(n, sizeof *nx);  /* their new versions (after the swap: the old ones) */
	bool *had_form = sg_calloc(n, sizeof *had_form);
	sg_insats **old_order = NULL;
	sg_plan *plan = NULL;
	update_outcome outcome = UPDATE_NEEDS_FULL;
	for (size_t i = 0; i < n; i++)
		if (!(xs[i] = insats_at(site, s->pending[i])) || !sg_is_file(s->pending[i]))
			goto out; /* not an insats of the site (yet), or removed */

	/* 1. the new versions, checked as a full build checks them */
	sg_build_opts bo = {.drafts = s->opts.drafts, .base_url = s->opts.base_url};
	for (size_t i = 0; i < n; i++) {
		long k = sg_sources_reread(site->sources, s->pending[i], d);
		if (k < 0)
			continue;
		const sg_source *src = sg_sources_at(site->sources, (size_t)k);
		if (!s->opts.drafts && sg_value_as_bool(sg_value_get(src->meta, "draft")))
			goto out; /* it leaves the site */
		nx[i] = sg_insats_build(site, src, &bo, d);
		sg_sources_drop_one(site->sources, (size_t)k);
		if (nx[i] && nx[i]->forbund != xs[i]->forbund)
			goto out; /* moved: its address changes */
		if ((nx[i] && nx[i]->image) || xs[i]->image)
			goto out; /* an image: a full build writes its files (those unchanged are linked) */
		size_t images = site->n_body_images;
		if (nx[i])
			sg_insats_resolve(site, nx[i], d);
		if (site->n_body_images != images)
			goto out; /* an image in its text: the same */
		had_form[i] = xs[i]->referral.blankett != NULL;
	}
	outcome = UPDATE_FAILED;
	*result = SG_RUN_CONTENT_ERRORS;
	if (sg_diags_errors(d))
		goto out;

	/* 2. in place; undone if the budgets no longer add up */
	size_t count = site->n_insatser;
	old_order = sg_malloc(count * sizeof *old_order);
	memcpy(old_order, site->insatser, count * sizeof *old_order);
	for (size_t i = 0; i < n; i++) {
		swap_versions(xs[i], nx[i]);
		sg_links_write_insats(site, xs[i]);
	}
	sg_site_resort_insatser(site, xs, n);
	sg_budgets_check(site, d);
	if (sg_diags_errors(d)) {
		for (size_t i = 0; i < n; i++)
			swap_versions(xs[i], nx[i]);
		memcpy(site->insatser, old_order, count * sizeof *old_order);
		for (size_t i = 0; i < count; i++)
			site->insatser[i]->index = i;
		goto out;
	}
	/* from here on the kept model is the new one: a failure needs a full build */
	outcome = UPDATE_NEEDS_FULL;
	size_t old_upcoming = s->kept.plan->first_upcoming;
	if (!sg_plan_update(s->kept.plan, site, s->opts.now, xs, (const sg_insats *const *)nx, n)) {
		plan = sg_stage_plan(&s->opts, site);
		bool same = same_pages(s->kept.plan, plan);
		for (size_t i = 0; i < n && same; i++)
			same = had_form[i] == (xs[i]->referral.blankett != NULL);
		if (!same)
			goto out;
		sg_plan_free(s->kept.plan);
		s->kept.plan = plan;
		plan = NULL;
	}

	/* 3. the pages that show them */
	bool everything = sg_contexts_update(s->kept.ctx, s->kept.plan, old_order, xs, n);
	sg_catalog_update(s->kept.catalog, old_order, xs, n);
	everything = everything || s->kept.plan->first_upcoming != old_upcoming;
	size_t *which = sg_malloc((s->kept.plan->n_pages + 1) * sizeof *which), n_which = 0;
	for (size_t p = 0; p < s->kept.plan->n_pages; p++) {
		bool dep = everything;
		for (size_t i = 0; i < n && !dep; i++)
			dep = depends_on(s->kept.plan, &s->kept.plan->pages[p], xs[i], nx[i]);
		if (dep)
			which[n_which++] = p;
	}
	update_target target = {s->opts.out_dir, 0};
	sg_diags *io = sg_diags_new();
	*result = sg_stage_render(s->kept.plan, s->kept.ctx, s->kept.tpl, which, n_which, update_sink, &target,
	                          s->opts.jobs, io, &stats->rendered);
	size_t files = 0;
	if (*result == SG_RUN_OK) /* after the pages: on two cores, a thread more only gets in their way */
		*result = sg_stage_site_files(site, s->kept.plan, s->kept.catalog, update_sink, &target, io, &files);
	free(which);
	sg_diags_move(d, io);
	sg_diags_free(io);
	stats->pages = s->kept.plan->n_pages;
	stats->files = stats->rendered + files;
	stats->written = target.written;
	stats->insatser = site->n_insatser;
	stats->kommuner = site->n_kommuner;
	stats->forbund = site->n_forbund;
	outcome = UPDATE_DONE;
	if (*result != SG_RUN_OK)
		drop_kept(s); /* the served folder may be half updated: the next change builds it all */
out:
	sg_plan_free(plan);
	for (size_t i = 0; i < n; i++)
		sg_insats_free(nx[i]);
	free(old_order);
	free(had_form);
	free(nx);
	free(xs);
	return outcome;
}

/* Is the path below dir (as the watcher joins them: "dir/…")? */
static bool below(const char *path, const char *dir)
{
	size_t n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	return strncmp(path, dir, n) == 0 && path[n] == '/';
}

sg_run_result sg_session_update(sg_session *s, const char *const *changed, size_t n, sg_diags *d,
                                sg_build_stats *stats, bool *incremental)
{
	sg_build_stats dummy;
	if (!stats)
		stats = &dummy;
	memset(stats, 0, sizeof *stats);
	if (incremental)
		*incremental = false;
	for (size_t i = 0; i < n; i++) {
		/* a file that came and went (an editor's or sed's temporary file) changes nothing */
		if (s->kept.site && !sg_exists(changed[i]) && sg_sources_find(s->kept.site->sources, changed[i]) < 0)
			continue;
		add_pending(s, changed[i]);
	}
	if (s->kept.site && s->n_pending == 0) { /* nothing the site is made from */
		stats->pages = s->kept.plan->n_pages;
		if (incremental)
			*incremental = true;
		return SG_RUN_OK;
	}
	bool insatser_only = s->kept.site != NULL;
	char *insatser = sg_path_join(s->opts.content_dir, "insatser");
	for (size_t i = 0; i < s->n_pending && insatser_only; i++)
		insatser_only = below(s->pending[i], insatser);
	free(insatser);
	if (insatser_only) {
		/* its own diagnostics: a fallback to a full build starts from none */
		sg_diags *local = sg_diags_new();
		sg_run_result result = SG_RUN_OK;
		update_outcome u = update_insatser(s, local, stats, &result);
		if (u != UPDATE_NEEDS_FULL) {
			sg_diags_move(d, local);
			sg_diags_free(local);
			if (u == UPDATE_DONE && result == SG_RUN_OK)
				clear_pending(s);
			if (incremental)
				*incremental = true;
			return result;
		}
		sg_diags_free(local);
	}
	return sg_session_build(s, d, stats);
}
