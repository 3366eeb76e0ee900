/* build.c — sources → validated site model (see model.h): the builders of each content
 * type run in order, then the checks across files. site.yaml (site_info.c) comes first,
 * since it says what texts may hold; then the förbund (forbund.c), whose members make
 * the site's kommuner (kommuner.c); then the insatser (insats.c), which name their
 * förbund and its kommuner; then sidor (sida.c), newsletters, events and documents
 * (publications.c) and forms (blankett.c); then budgets against the insatser
 * (budget.c) and the references between texts and forms (refs.c). */
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "../util/swetime.h"
#include "budget.h"
#include "builders.h"
#include "image.h"

sg_fields sg_fields_for(const sg_source *src, sg_diags *d)
{
	return (sg_fields){src->path, d, src->kind == SG_SRC_SITE ? 1 : 2};
}

void sg_push_ptr(void ***arr, size_t *n, void *p)
{
	if ((*n & (*n - 1)) == 0) /* grow at powers of two */
		*arr = sg_realloc(*arr, (*n ? *n * 2 : 1) * sizeof **arr);
	(*arr)[(*n)++] = p;
}

sg_site *sg_site_build(sg_sources *sources, const sg_build_opts *opts, sg_diags *d)
{
	sg_site *site = sg_calloc(1, sizeof *site);
	site->sources = sources;
	size_t n = sg_sources_count(sources);
	/* order matters: site.yaml (allow_raw_html) before bodies, förbund before insatser */
	for (size_t i = 0; i < n; i++)
		if (sg_sources_at(sources, i)->kind == SG_SRC_SITE)
			sg_build_site_info(site, sg_sources_at(sources, i), d);
	if (opts && opts->base_url)
		sg_site_info_base_url(&site->info, opts->base_url, d);
	sg_site_info_complete(&site->info);
	for (size_t i = 0; i < n; i++)
		if (sg_sources_at(sources, i)->kind == SG_SRC_FORBUND)
			sg_build_forbund(site, sg_sources_at(sources, i), d);
	sg_build_insatser(site, sources, opts, d);
	sg_drop_duplicate_insatser(site, d);
	sg_diags *draft_diags = sg_diags_new();
	for (size_t i = 0; i < n; i++) {
		const sg_source *src = sg_sources_at(sources, i);
		/* as for insatser: a draft is checked, but its problems do not stop the build */
		bool unpublished = !opts->drafts && sg_value_as_bool(sg_value_get(src->meta, "draft"));
		sg_diags *to = unpublished ? draft_diags : d;
		switch (src->kind) {
		case SG_SRC_SIDA: sg_build_sida(site, src, d); break;
		case SG_SRC_NYHETSBREV: sg_build_nyhetsbrev(site, src, !unpublished, to); break;
		case SG_SRC_EVENEMANG: sg_build_evenemang(site, src, !unpublished, to); break;
		case SG_SRC_DOKUMENT: sg_build_dokument(site, src, d); break;
		case SG_SRC_BLANKETT: sg_build_blankett(site, src, d); break;
		case SG_SRC_PLAN: sg_build_vplan(site, src, d); break;
		default: break;
		}
		sg_diags_move_as_warnings(d, draft_diags, " (in a draft; fix it before publishing)");
	}
	sg_diags_free(draft_diags);
	if (!opts->build_future) { /* like Hugo's --buildFuture: a letter is published on its day */
		char today[32];
		if (!opts->now)
			sg_sweden_now(today, sizeof today);
		sg_nyhetsbrev_drop_future(site, opts->now ? opts->now : today);
	}
	if (n > 0 && site->n_forbund == 0)
		sg_error(d, NULL, 0, 0, "no förbund: add at least one file content/forbund/<slug>.md");

	sg_kommuner_index(site);
	sg_forbund_sort(site);
	sg_site_sort_insatser(site);
	sg_budgets_check(site, d);
	sg_vplaner_finish(site, d);
	sg_publications_sort(site);
	sg_dokument_check_pdfs(site, opts ? opts->pdf_cache : NULL, d);
	/* each reference to the content it names; the render stage writes their addresses
	 * (and keeps only the HTML of texts not also sent as e-mail or calendar text) */
	sg_resolve_references(site, d);
	sg_sources_drop_content(sources);
	sg_sidor_finish(site, d);
	return site;
}

void sg_site_free(sg_site *site)
{
	if (!site)
		return;
	for (size_t i = 0; i < site->n_insatser; i++)
		sg_insats_free(site->insatser[i]);
	free(site->insatser);
	for (size_t i = 0; i < site->n_forbund; i++)
		sg_forbund_free(site->forbund[i]);
	free(site->forbund);
	sg_kommuner_free(site);
	sg_sidor_free(site);
	sg_publications_free(site);
	sg_blanketter_free(site);
	sg_vplaner_free(site);
	for (size_t i = 0; i < site->n_body_images; i++)
		sg_image_free(site->body_images[i]);
	free(site->body_images);
	sg_site_info_clear(&site->info);
	sg_sources_free(site->sources);
	free(site);
}
