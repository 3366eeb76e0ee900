/* economy.c — economic summaries per förbund and year (see economy.h). */
#include "economy.h"

#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"

void sg_econ_row_add(sg_econ_row *row, const sg_figures *p)
{
	row->forbund += p->funds.forbund;
	row->esf += p->funds.esf;
	row->cofunding += p->funds.cofunding;
	if (p->participants > 0)
		row->participants += p->participants;
	row->approx |= p->participants > 0 && p->participants_approx;
	row->has_participants |= p->participants >= 0;
	row->places++;
}

static void add_row(sg_econ_row *to, const sg_econ_row *from)
{
	to->forbund += from->forbund;
	to->esf += from->esf;
	to->cofunding += from->cofunding;
	to->participants += from->participants;
	to->approx |= from->approx;
	to->has_participants |= from->has_participants;
	to->places += from->places;
}

static size_t category_index(const char *slug)
{
	size_t n;
	const sg_category_info *cats = sg_categories(&n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(cats[i].slug, slug) == 0)
			return i;
	return n;
}

sg_economy *sg_economy_new(const sg_site *site, const sg_forbund *f, int year)
{
	sg_economy *e = sg_calloc(1, sizeof *e);
	e->forbund = f;
	e->year = year;
	e->kommuner = sg_calloc(f->n_members ? f->n_members : 1, sizeof *e->kommuner);
	const sg_category_info *cats = sg_categories(&e->n_categories);
	(void)cats;
	e->categories = sg_calloc(e->n_categories, sizeof *e->categories);
	for (size_t i = 0; i < site->n_insatser; i++) {
		const sg_insats *x = site->insatser[i];
		if (x->forbund != f || !sg_insats_in_year(x, year))
			continue;
		e->n_insatser++;
		size_t c = x->n_categories ? category_index(x->categories[0]) : e->n_categories;
		for (size_t k = 0; k < x->n_places; k++) {
			const sg_place *p = &x->places[k];
			const sg_figures *fig = sg_place_figures(x, p, year);
			if (!fig)
				continue; /* by year, and nothing planned here this year */
			if (c < e->n_categories)
				sg_econ_row_add(&e->categories[c], fig);
			if (x->area == SG_AREA_STRUKTUR)
				sg_econ_row_add(&e->struktur, fig);
			else if (!p->member)
				sg_econ_row_add(&e->individ_whole, fig);
			else
				sg_econ_row_add(&e->kommuner[p->member - f->members], fig);
		}
	}
	for (size_t k = 0; k < f->n_members; k++)
		add_row(&e->insatser, &e->kommuner[k]);
	add_row(&e->insatser, &e->individ_whole);
	add_row(&e->insatser, &e->struktur);
	e->insats_costs = e->insatser.forbund + e->insatser.esf;
	for (size_t b = 0; b < f->n_budgets; b++)
		if (f->budgets[b].year == year)
			e->budget = &f->budgets[b];
	if (e->budget) {
		for (size_t k = 0; k < e->budget->n_costs; k++)
			e->own_costs += e->budget->costs[k].amount;
		for (size_t k = 0; k < e->budget->n_financing; k++)
			e->financing += e->budget->financing[k].amount;
		e->equity_use = e->budget->equity_use;
	}
	e->total_costs = e->insats_costs + e->own_costs;
	e->has_costs = e->n_insatser || (e->budget && e->budget->n_costs);
	e->has_result = e->budget && e->budget->n_financing && e->has_costs;
	if (e->has_result)
		e->result = e->financing + e->equity_use - e->total_costs;
	return e;
}

void sg_economy_free(sg_economy *e)
{
	if (!e)
		return;
	free(e->kommuner);
	free(e->categories);
	free(e);
}

static int cmp_int(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

int *sg_economy_years(const sg_site *site, const sg_forbund *f, size_t *n)
{
	size_t cap = f->n_budgets + 8, count = 0;
	int *years = sg_malloc(cap * sizeof *years);
	for (size_t i = 0; i < f->n_budgets; i++)
		years[count++] = f->budgets[i].year;
	for (size_t i = 0; i < site->n_insatser; i++) {
		const sg_insats *x = site->insatser[i];
		if (x->forbund != f || x->year_from == 0)
			continue;
		for (int y = x->year_from; y <= x->year_to; y++) {
			bool seen = !sg_insats_in_year(x, y);
			for (size_t k = 0; k < count && !seen; k++)
				seen = years[k] == y;
			if (seen)
				continue;
			if (count == cap)
				years = sg_realloc(years, (cap *= 2) * sizeof *years);
			years[count++] = y;
		}
	}
	qsort(years, count, sizeof *years, cmp_int);
	*n = count;
	return years;
}
