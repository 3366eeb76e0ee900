/* verksamhetsplan.c — a förbund's own text of its verksamhetsplan for one year,
 * content/planer/<förbund>/<år>.md: title, the board's adoption (date and decision)
 * and the Markdown sections (background, goals, organisation) the plan document shows
 * before the insatser and the economy, which come from the rest of the content. */
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "builders.h"
#include "economy.h"

/* The year a file name gives: four digits, 1990–2100; 0 when it is not one. */
static int year_of_slug(const char *slug)
{
	if (strlen(slug) != 4)
		return 0;
	for (int i = 0; i < 4; i++)
		if (slug[i] < '0' || slug[i] > '9')
			return 0;
	int y = atoi(slug);
	return y >= 1990 && y <= 2100 ? y : 0;
}

void sg_build_vplan(sg_site *site, const sg_source *src, sg_diags *d)
{
	sg_fields f = sg_fields_for(src, d);
	sg_fields_check_keys(&f, src->meta, sg_keys_of(SG_SRC_PLAN), "a verksamhetsplan");
	int year = year_of_slug(src->slug);
	if (!year) {
		sg_error(d, src->path, 1, 1,
		         "a verksamhetsplan's file is named after its year: rename '%s.md' to e.g. '2027.md' (1990–2100)",
		         src->slug);
		return;
	}
	const sg_forbund *fb = src->folder ? sg_site_find_forbund(site, src->folder) : NULL;
	if (!fb) {
		sg_error(d, src->path, 1, 1,
		         "there is no förbund '%s': put the plan in content/planer/<förbund>/, where <förbund> is the name of "
		         "a file in content/forbund/ without '.md'",
		         src->folder ? src->folder : "");
		return;
	}
	sg_vplan *p = sg_calloc(1, sizeof *p);
	p->forbund = fb;
	p->year = year;
	p->path = src->path;
	p->title = sg_field_text(&f, src->meta, "title", false, NULL);
	p->adopted = sg_field_date(&f, src->meta, "adopted");
	p->decision = sg_field_text(&f, src->meta, "decision", false, NULL);
	p->body = sg_markdown_parse(src->body, src->body_len, src->path, src->body_line, &site->info.markdown, d);
	SG_PUSH(site->vplaner, site->n_vplaner, p);
}

/* by förbund (in the site's order: title), then year */
static int by_forbund_year(const void *a, const void *b)
{
	const sg_vplan *x = *(sg_vplan *const *)a, *y = *(sg_vplan *const *)b;
	int c = sg_forbund_order(x->forbund, y->forbund);
	return c ? c : (x->year > y->year) - (x->year < y->year);
}

static void vplan_free(sg_vplan *p)
{
	free(p->title);
	free(p->adopted);
	free(p->decision);
	sg_markdown_free(p->body);
	free(p);
}

void sg_vplaner_finish(sg_site *site, sg_diags *d)
{
	if (site->n_vplaner > 1)
		qsort(site->vplaner, site->n_vplaner, sizeof *site->vplaner, by_forbund_year);
	size_t out = 0;
	for (size_t i = 0; i < site->n_vplaner; i++) {
		sg_vplan *p = site->vplaner[i];
		if (out && site->vplaner[out - 1]->forbund == p->forbund && site->vplaner[out - 1]->year == p->year) {
			sg_error(d, p->path, 1, 1, "a second verksamhetsplan for %s %d (the first is %s): keep one of them",
			         p->forbund->slug, p->year, site->vplaner[out - 1]->path);
			vplan_free(p);
			continue;
		}
		site->vplaner[out++] = p;
	}
	site->n_vplaner = out;
	/* a plan page is made for a year with an economy (insatser or a budget): a text for
	 * another year would be published nowhere */
	for (size_t i = 0; i < site->n_vplaner; i++) {
		const sg_vplan *p = site->vplaner[i];
		size_t ny;
		int *years = sg_economy_years(site, p->forbund, &ny);
		bool has = false;
		for (size_t y = 0; y < ny && !has; y++)
			has = years[y] == p->year;
		free(years);
		if (!has)
			sg_warning(d, p->path, 1, 1,
			           "%s has neither insatser nor a budget for %d, so this text is on no page: add the year's "
			           "budget to content/forbund/%s.md (budget: %d:) or its insatser",
			           p->forbund->slug, p->year, p->forbund->slug, p->year);
	}
}

const sg_vplan *sg_site_find_vplan(const sg_site *site, const sg_forbund *f, int year)
{
	for (size_t i = 0; i < site->n_vplaner; i++)
		if (site->vplaner[i]->forbund == f && site->vplaner[i]->year == year)
			return site->vplaner[i];
	return NULL;
}

void sg_vplaner_free(sg_site *site)
{
	for (size_t i = 0; i < site->n_vplaner; i++)
		vplan_free(site->vplaner[i]);
	free(site->vplaner);
}
