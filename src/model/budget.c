/* budget.c — a förbund's `budget:` block (own cost lines, finansieringsplan, use of
 * eget kapital per year): reading it, and checking it against the insatser once they
 * are known (shares add up to 1; financing and eget kapital cover the costs). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "../util/numfmt.h"
#include "budget.h"
#include "economy.h"
#include "fields.h"

/* A group's lines ("Adm. inkl styrelse": styrelse, kansli, …): its amount is their
 * sum; an amount written on the group must be that sum. */
static void read_group(const sg_fields *f, const sg_value *c, const sg_value *lines, sg_cost_line *l)
{
	size_t n = sg_value_count(lines);
	const sg_key *keys = sg_key_sub(
		sg_key_sub(sg_key_sub(sg_key_sub(sg_keys_of(SG_SRC_FORBUND), "budget"), "*"), "costs"), "lines");
	l->lines = sg_calloc(n ? n : 1, sizeof *l->lines);
	double sum = 0;
	for (size_t i = 0; i < n; i++) {
		sg_fields at;
		const sg_value *s = sg_fields_item_map(f, lines, i, "a line of a cost group", "{item: …, amount: …}", keys, &at);
		if (!s)
			continue;
		sg_cost_line *sl = &l->lines[l->n_lines++];
		sl->item = sg_field_text(&at, s, "item", true, "say what the cost is, e.g. 'item: Styrelse'");
		if (!sl->item)
			sl->item = sg_strdup("");
		sl->amount = sg_field_amount(&at, s, "amount");
		sum += sl->amount;
	}
	const sg_value *given = sg_value_get(c, "amount");
	if (given && fabs(l->amount - sum) > 0.0005) {
		char a[48], b[48];
		sg_error(f->d, f->file, sg_fields_line(f, given), sg_fields_col(given),
		         "the group '%s' has amount %s tkr, but its lines add up to %s tkr; correct a line, or leave out "
		         "the group's amount (it is the sum of its lines)",
		         l->item, sg_format_sv(l->amount, a), sg_format_sv(sum, b));
	}
	l->amount = sum;
}

static void read_costs(const sg_fields *f, const sg_value *list, sg_budget *b)
{
	size_t n = sg_value_count(list);
	b->costs = sg_calloc(n ? n : 1, sizeof *b->costs);
	for (size_t i = 0; i < n; i++) {
		const sg_key *keys = sg_key_sub(sg_key_sub(sg_key_sub(sg_keys_of(SG_SRC_FORBUND), "budget"), "*"), "costs");
		sg_fields at;
		const sg_value *c = sg_fields_item_map(f, list, i, "a cost line", "{item: …, amount: …}", keys, &at);
		if (!c)
			continue;
		sg_cost_line *l = &b->costs[b->n_costs++];
		l->item = sg_field_text(&at, c, "item", true, "say what the cost is, e.g. 'item: Kansli'");
		if (!l->item)
			l->item = sg_strdup("");
		l->amount = sg_field_amount(&at, c, "amount");
		const sg_value *lines = sg_field_list(&at, c, "lines");
		if (lines)
			read_group(&at, c, lines, l);
	}
}

/* `from: 2008-07` / `to: 2008-12`: the months of `year` the budget covers. */
static int read_month(const sg_fields *f, const sg_value *y, const char *key, int year, int dflt)
{
	const sg_value *v = sg_value_get(y, key);
	if (!v)
		return dflt;
	const char *s = sg_value_as_string(v, NULL);
	int yy = -1, mm = -1;
	char tail;
	if (!s || sscanf(s, "%4d-%2d%c", &yy, &mm, &tail) != 2 || strlen(s) != 7 || yy != year || mm < 1 || mm > 12) {
		sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
		         "'%s' is the first or last month the budget for %d covers; write it as %d-MM, e.g. %s: %d-%s",
		         key, year, year, key, year, strcmp(key, "from") == 0 ? "07" : "12");
		return dflt;
	}
	return mm;
}

/* Half a unit of the last decimal written: plans round shares ("ca 0,12"), so
 * shares add up to 1 only within the sum of these. */
static double rounding_of(const sg_value *v)
{
	const char *s = sg_value_as_string(v, NULL);
	const char *dot = s ? strchr(s, '.') : NULL;
	if (!dot)
		return 0; /* a whole number is exact */
	double r = 0.5;
	for (const char *p = dot + 1; *p >= '0' && *p <= '9'; p++)
		r /= 10;
	return r;
}

static void read_financing(const sg_fields *f, const sg_value *list, sg_budget *b)
{
	size_t n = sg_value_count(list);
	b->financing = sg_calloc(n ? n : 1, sizeof *b->financing);
	b->financing_line = sg_fields_line(f, list);
	for (size_t i = 0; i < n; i++) {
		const sg_key *keys = sg_key_sub(sg_key_sub(sg_key_sub(sg_keys_of(SG_SRC_FORBUND), "budget"), "*"), "financing");
		sg_fields at;
		const sg_value *c =
			sg_fields_item_map(f, list, i, "a financing line", "{party: …, share: …, amount: …}", keys, &at);
		if (!c)
			continue;
		sg_financing *l = &b->financing[b->n_financing++];
		l->party = sg_field_text(&at, c, "party", true, "name the party, e.g. 'party: Försäkringskassan'");
		if (!l->party)
			l->party = sg_strdup("");
		l->has_share = sg_value_get(c, "share") != NULL;
		l->share = sg_field_fraction(&at, c, "share");
		l->share_rounding = rounding_of(sg_value_get(c, "share"));
		if (l->share > 1) {
			const sg_value *v = sg_value_get(c, "share");
			sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
			         "'share' is a fraction of the whole: write 0.25 for 25 %%");
		}
		l->amount = sg_field_amount(&at, c, "amount");
	}
}

static int by_year(const void *a, const void *b)
{
	return ((const sg_budget *)a)->year - ((const sg_budget *)b)->year;
}

void sg_budgets_read(const sg_fields *f, const sg_value *meta, sg_budget **out, size_t *n_out)
{
	*out = NULL;
	*n_out = 0;
	const sg_value *budget = sg_field_map(f, meta, "budget");
	size_t n = sg_value_count(budget);
	if (!n)
		return;
	sg_budget *list = sg_calloc(n, sizeof *list);
	size_t count = 0;
	for (size_t i = 0; i < n; i++) {
		const char *key = sg_value_key(budget, i);
		const sg_value *y = sg_value_item(budget, i);
		char *end;
		long year = strtol(key, &end, 10);
		if (*end || year < 1990 || year > 2100) {
			sg_error(f->d, f->file, sg_fields_line(f, y), sg_fields_col(y),
			         "'%s' is not a year: budget: takes one block per year, e.g. '2015:'", key);
			continue;
		}
		if (sg_value_kind_of(y) != SG_VAL_MAP) {
			sg_error(f->d, f->file, sg_fields_line(f, y), sg_fields_col(y),
			         "the budget for %ld must be a map with costs, financing and equity_use", year);
			continue;
		}
		const sg_key *keys = sg_key_sub(sg_key_sub(sg_keys_of(SG_SRC_FORBUND), "budget"), "*");
		sg_fields_check_keys(f, y, keys, "a budget year");
		sg_budget *b = &list[count++];
		b->year = (int)year;
		b->line = sg_fields_line(f, y);
		sg_fields at = *f;
		at.line = b->line;
		read_costs(&at, sg_field_list(&at, y, "costs"), b);
		const sg_value *fin = sg_field_list(&at, y, "financing");
		if (fin)
			read_financing(&at, fin, b);
		b->financing_line = fin ? sg_fields_line(&at, fin) : b->line;
		b->equity_use = sg_field_amount(&at, y, "equity_use");
		b->preliminary = sg_field_bool(&at, y, "preliminary", false);
		b->from_month = read_month(&at, y, "from", b->year, 1);
		b->to_month = read_month(&at, y, "to", b->year, 12);
		if (b->from_month > b->to_month) {
			const sg_value *v = sg_value_get(y, "to");
			sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
			         "'to' (%d-%02d) is before 'from' (%d-%02d)", b->year, b->to_month, b->year, b->from_month);
		}
		/* shares: on every financing line or on none */
		size_t with = 0;
		for (size_t k = 0; k < b->n_financing; k++)
			with += b->financing[k].has_share;
		b->has_shares = with > 0 && with == b->n_financing; /* mixed: the error below, no sum */
		if (with && with < b->n_financing)
			sg_error(f->d, f->file, b->financing_line, 1,
			         "%zu of the %zu financing lines for %d give a share and the others do not; give every line "
			         "its share, or leave shares out of all of them (a frame without a split)",
			         with, b->n_financing, b->year);
	}
	qsort(list, count, sizeof *list, by_year);
	*out = list;
	*n_out = count;
}

void sg_budgets_free(sg_budget *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < list[i].n_costs; k++) {
			free(list[i].costs[k].item);
			for (size_t j = 0; j < list[i].costs[k].n_lines; j++)
				free(list[i].costs[k].lines[j].item);
			free(list[i].costs[k].lines);
		}
		free(list[i].costs);
		for (size_t k = 0; k < list[i].n_financing; k++)
			free(list[i].financing[k].party);
		free(list[i].financing);
	}
	free(list);
}

void sg_budgets_check(const sg_site *site, sg_diags *d)
{
	for (size_t i = 0; i < site->n_forbund; i++) {
		const sg_forbund *fb = site->forbund[i];
		for (size_t k = 0; k < fb->n_budgets; k++) {
			const sg_budget *b = &fb->budgets[k];
			double shares = 0, rounding = 0;
			for (size_t j = 0; j < b->n_financing; j++) {
				shares += b->financing[j].share;
				rounding += b->financing[j].share_rounding;
			}
			if (b->has_shares && fabs(shares - 1.0) > rounding + 1e-9)
				sg_error(d, fb->path, b->financing_line, 1,
				         "the financing shares for %d add up to %.4g, not 1 (even allowing for rounding); check "
				         "each party's share",
				         b->year, shares);
			sg_economy *e = sg_economy_new(site, fb, b->year);
			double covered = e->financing + e->equity_use;
			double gap = e->total_costs - covered;
			if (gap > 0.005) {
				char t[48], ins[48], own[48], fin[48], eq[48], g[48];
				sg_error(d, fb->path, b->financing_line, 1,
				         "the financing for %d does not cover the planned costs: %s tkr is missing (costs %s tkr = "
				         "insatser %s + own cost lines %s; financing %s + eget kapital %s)",
				         b->year, sg_format_sv(gap, g), sg_format_sv(e->total_costs, t),
				         sg_format_sv(e->insats_costs, ins), sg_format_sv(e->own_costs, own),
				         sg_format_sv(e->financing, fin), sg_format_sv(e->equity_use, eq));
			}
			sg_economy_free(e);
		}
	}
}
