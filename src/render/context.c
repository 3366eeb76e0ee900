/* context.c — model → template data (see context.h). */
#include "context.h"

#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/numfmt.h"
#include "chart.h"
#include "context_internal.h"


void sg_ctx_put_take(sg_value *map, const char *key, char *s) { sg_value_put(map, key, sg_value_string_take(s)); }



void sg_ctx_put_sv(sg_value *map, const char *key, double v)
{
	char tmp[48];
	sg_value_put_str(map, key, sg_format_sv(v, tmp));
}

sg_value *sg_ctx_html(const sg_markdown *md)
{
	sg_buf b = SG_BUF_INIT;
	sg_markdown_render(md, &b);
	return sg_value_string_take(sg_buf_detach(&b));
}

sg_value *sg_ctx_text_list(char **items, size_t n)
{
	sg_value *l = sg_value_list();
	for (size_t i = 0; i < n; i++)
		sg_value_push(l, sg_value_cstring(items[i]));
	return l;
}

static char *joined(char **items, size_t n)
{
	sg_buf b = SG_BUF_INIT;
	for (size_t i = 0; i < n; i++)
		sg_buf_printf(&b, "%s%s", i ? ", " : "", items[i]);
	return sg_buf_detach(&b);
}

sg_value *sg_ctx_contact(const sg_contact *c)
{
	if (!c->name && !c->phone && !c->email && !c->address)
		return sg_value_null();
	sg_value *v = sg_value_map();
	sg_value_put_str(v, "name", c->name);
	sg_value_put_str(v, "phone", c->phone);
	sg_value_put_str(v, "phone_uri", c->phone_uri); /* "+4633123456": see sg_phone_uri */
	sg_value_put_str(v, "email", c->email);
	sg_value_put_str(v, "address", c->address);
	return v;
}

static sg_value *category_links(const sg_insats *x)
{
	sg_value *l = sg_value_list();
	for (size_t i = 0; i < x->n_categories; i++) {
		const sg_category_info *c = sg_category_find(x->categories[i]);
		sg_value *m = sg_value_map();
		sg_value_put_str(m, "name", c ? c->name : x->categories[i]);
		sg_ctx_put_take(m, "url", sg_url_kategori(x->categories[i]));
		sg_value_put_bool(m, "last", i + 1 == x->n_categories);
		sg_value_push(l, m);
	}
	return l;
}

/* A sum gives an amount when one of its parts does. */
static void add_given(sg_funds *sum, const sg_funds *part)
{
	sum->has_forbund |= part->has_forbund;
	sum->has_cofunding |= part->has_cofunding;
	sum->has_esf |= part->has_esf;
}

/* The sum of n figures; participants -1 when none gives a number. */
static sg_figures sum_figures(const sg_figures *const *figs, size_t n)
{
	sg_figures t = {.participants = -1};
	for (size_t i = 0; i < n; i++) {
		t.participants_approx |= figs[i]->participants_approx && figs[i]->participants > 0;
		t.funds.forbund += figs[i]->funds.forbund;
		t.funds.cofunding += figs[i]->funds.cofunding;
		t.funds.esf += figs[i]->funds.esf;
		add_given(&t.funds, &figs[i]->funds);
		t.has_funds |= figs[i]->has_funds;
		if (figs[i]->participants >= 0)
			t.participants = (t.participants < 0 ? 0 : t.participants) + figs[i]->participants;
	}
	return t;
}

/* A row's participants ("ca 60", "40 per år") and money, into v; what the row does
 * not give is "" (an empty cell, never a 0 the content does not say). */
static void put_figures(sg_value *v, const sg_figures *fig)
{
	if (fig->participants >= 0) {
		char t[48];
		sg_ctx_put_take(v, "participants",
		                sg_asprintf("%s%s%s", fig->participants_approx ? "ca " : "",
		                            sg_format_sv((double)fig->participants, t),
		                            fig->participants_per_year ? " per år" : ""));
	} else {
		sg_value_put_str(v, "participants", "");
	}
	static const char *const money[] = {"forbund", "cofunding", "esf", "total"};
	const sg_funds *f = &fig->funds;
	double amounts[] = {f->forbund, f->cofunding, f->esf, f->forbund + f->esf};
	bool given[] = {f->has_forbund, f->has_cofunding, f->has_esf, f->has_forbund || f->has_esf};
	for (size_t i = 0; i < 4; i++)
		if (fig->has_funds && given[i])
			sg_ctx_put_sv(v, money[i], amounts[i]);
		else if (fig->has_funds) /* the place gives money, but not this: not a 0 */
			sg_value_put_str(v, money[i], "uppgift saknas");
		else
			sg_value_put_str(v, money[i], "");
}

static char *kommuner_text(const sg_insats *x)
{
	sg_buf b = SG_BUF_INIT;
	for (size_t i = 0; i < x->n_places; i++) {
		const char *name = x->places[i].member ? x->places[i].member->kommun->name : "hela förbundet";
		sg_buf_printf(&b, "%s%s", b.len ? ", " : "", name);
	}
	if (!b.len)
		sg_buf_puts(&b, "hela förbundet");
	return sg_buf_detach(&b);
}

/* What the insats is on `today`, in words: "Pågående", "Startar 1 mars 2027",
 * "Avslutad 31 december 2015", or NULL when nothing says. */
static char *status_text(const sg_insats *x, const char *today)
{
	sg_status at = sg_insats_status_at(x, today);
	if (at == SG_STATUS_PLANNED && x->start && strcmp(x->start, today) > 0) {
		char *d = sg_ctx_date_sv(x->start);
		char *s = sg_asprintf("Startar %s", d);
		free(d);
		return s;
	}
	if (at == SG_STATUS_ENDED && x->end && strcmp(x->end, today) <= 0) { /* not an end still ahead */
		char *d = sg_ctx_date_sv(x->end);
		char *s = sg_asprintf("Avslutad %s", d);
		free(d);
		return s;
	}
	return at ? sg_strdup(sg_status_name(at)) : NULL;
}

/* map[key] = s, or false when s is NULL: a list item then never shows an earlier
 * item's value for a key it lacks (Mustache looks a missing key up the stack). */
static void put_or_false(sg_value *map, const char *key, const char *s)
{
	if (s)
		sg_value_put_str(map, key, s);
	else
		sg_value_put_bool(map, key, false);
}

/* The same for a malloc'd s, which it takes. */
static void put_take_or_false(sg_value *map, const char *key, char *s)
{
	if (s)
		sg_ctx_put_take(map, key, s);
	else
		sg_value_put_bool(map, key, false);
}

/* The ages an insats is for, in words ("16–64 år", "från 18 år"), or NULL. */
static char *age_text(const sg_insats *x)
{
	if (x->age_min >= 0 && x->age_max >= 0)
		return sg_asprintf("%d–%d år", x->age_min, x->age_max);
	if (x->age_min >= 0)
		return sg_asprintf("från %d år", x->age_min);
	if (x->age_max >= 0)
		return sg_asprintf("upp till %d år", x->age_max);
	return NULL;
}

/* What a card shows at a glance besides its title: ages, target groups, length,
 * free places (only while it takes referrals) and where; every key present (false
 * when unknown). Planned participants and money are never on a card. */
static void card_facts(sg_value *v, const sg_insats *x, bool open)
{
	char *age = age_text(x);
	put_or_false(v, "age", age);
	free(age);
	if (!x->n_target_groups)
		sg_value_put_bool(v, "target_groups", false);
	put_or_false(v, "duration", x->duration);
	if (open && x->referral.vacancies >= 0)
		sg_ctx_put_sv(v, "vacancies", (double)x->referral.vacancies);
	else
		sg_value_put_bool(v, "vacancies", false);
	if (!sg_value_get(v, "status"))
		sg_value_put_bool(v, "status", false);
	put_or_false(v, "summary", x->summary);
	put_or_false(v, "provider", x->provider_name);
}

/* The short form of an insats used in every list; what depends on the day is
 * computed against `today` (the plan's now). */
static sg_value *card_value(const sg_insats *x, const char *today)
{
	sg_value *v = sg_value_map();
	sg_value_put_str(v, "title", x->title);
	sg_ctx_put_take(v, "url", sg_url_insats(x));
	sg_value_put_str(v, "summary", x->summary);
	sg_value_put_str(v, "forbund_title", x->forbund->title);
	sg_ctx_put_take(v, "forbund_url", sg_url_forbund(x->forbund));
	sg_value_put_str(v, "area", x->area ? sg_area_name(x->area) : NULL);
	sg_value_put(v, "categories", category_links(x));
	sg_status at = sg_insats_status_at(x, today);
	char *st = status_text(x, today);
	if (st)
		sg_ctx_put_take(v, "status", st);
	sg_value_put_bool(v, "ended", at == SG_STATUS_ENDED);
	sg_value_put_bool(v, "planned", at == SG_STATUS_PLANNED);
	if (x->year_from && x->year_to > x->year_from)
		sg_ctx_put_take(v, "year", sg_asprintf("%d–%d", x->year_from, x->year_to));
	else if (x->year_from)
		sg_value_put_num(v, "year", x->year_from);
	sg_ctx_put_take(v, "kommuner", kommuner_text(x));
	sg_value_put_str(v, "provider", x->provider_name);
	if (x->n_target_groups)
		sg_ctx_put_take(v, "target_groups", joined(x->target_groups, x->n_target_groups));
	bool open = sg_insats_takes_referrals_at(x, today);
	sg_value_put_bool(v, "open", open);
	/* closed: the content or the dates say so; a block without `open:` says nothing */
	sg_value_put_bool(v, "closed",
	                  x->referral.given && !open &&
	                      (x->referral.open_stated || sg_insats_status_at(x, today) == SG_STATUS_ENDED ||
	                       x->decision == SG_DECISION_FORSLAG));
	sg_value_put_str(v, "reviewed", x->reviewed); /* as written: YYYY-MM-DD, the card's short form */
	card_facts(v, x, open);
	return v;
}

/* Where a place is: `kommun` and `kommun_url`, or `whole` for the whole förbund. */
static void put_where(sg_value *v, const sg_place *p)
{
	if (p->member) {
		sg_value_put_str(v, "kommun", p->member->kommun->name);
		sg_ctx_put_take(v, "kommun_url", sg_url_kommun(p->member->kommun));
		sg_value_put_bool(v, "whole", false);
	} else {
		sg_value_put_bool(v, "kommun", false);
		sg_value_put_bool(v, "whole", true);
	}
}

static sg_value *place_value(const sg_place *p)
{
	sg_value *v = sg_value_map();
	put_where(v, p);
	put_figures(v, &p->fig);
	return v;
}

/* The table by year of an insats whose places give figures by year: one group per
 * year (ascending), a row per place that plans something that year, a "Summa" row
 * when more than one does. Every row gives every key (item frames never borrow). */
static sg_value *by_year_value(const sg_insats *x)
{
	sg_value *years = sg_value_list();
	const sg_figures **figs = sg_malloc((x->n_places ? x->n_places : 1) * sizeof *figs);
	for (int y = x->year_from; y && y <= x->year_to; y++) {
		size_t n = 0;
		for (size_t i = 0; i < x->n_places; i++)
			if (sg_place_figures(x, &x->places[i], y))
				figs[n++] = sg_place_figures(x, &x->places[i], y);
		if (!n)
			continue;
		sg_value *g = sg_value_map();
		sg_value *rows = sg_value_list();
		size_t r = 0;
		for (size_t i = 0; i < x->n_places; i++) {
			const sg_figures *fig = sg_place_figures(x, &x->places[i], y);
			if (!fig)
				continue;
			sg_value *row = sg_value_map();
			sg_value_put_bool(row, "first", r++ == 0);
			sg_value_put_num(row, "year", y);
			sg_value_put_num(row, "span", (double)(n + (n > 1)));
			sg_value_put_bool(row, "sum", false);
			put_where(row, &x->places[i]);
			put_figures(row, fig);
			sg_value_push(rows, row);
		}
		if (n > 1) {
			sg_figures t = sum_figures(figs, n);
			sg_value *row = sg_value_map();
			sg_value_put_bool(row, "first", false);
			sg_value_put_num(row, "year", y);
			sg_value_put_num(row, "span", (double)(n + 1));
			sg_value_put_bool(row, "sum", true);
			sg_value_put_bool(row, "kommun", false);
			sg_value_put_bool(row, "whole", false);
			put_figures(row, &t);
			sg_value_push(rows, row);
		}
		sg_value_put_num(g, "year", y);
		sg_value_put(g, "rows", rows);
		sg_value_push(years, g);
	}
	free(figs);
	return years;
}

/* The sum over every year of an insats given by year: money only (the same person
 * may take part in several years, so participants are not added up). */
static sg_value *by_year_total(const sg_insats *x)
{
	sg_figures t = {.participants = -1};
	for (size_t i = 0; i < x->n_places; i++)
		for (size_t k = 0; k < x->places[i].n_years; k++) {
			const sg_figures *f = &x->places[i].years[k].fig;
			t.funds.forbund += f->funds.forbund;
			t.funds.cofunding += f->funds.cofunding;
			t.funds.esf += f->funds.esf;
			add_given(&t.funds, &f->funds);
			t.has_funds |= f->has_funds;
		}
	sg_value *v = sg_value_map();
	put_figures(v, &t);
	sg_ctx_put_take(v, "years", sg_asprintf("%d–%d", x->year_from, x->year_to));
	return v;
}

/* The insats page's review: `reviewed_text` (20 november 2026) and `review_due`
 * (sg_insats_review_due: the page says the facts may be out of date). */
static void put_review(sg_value *v, const sg_insats *x, const char *today, int max_months)
{
	if (x->reviewed)
		sg_ctx_put_take(v, "reviewed_text", sg_ctx_date_sv(x->reviewed));
	sg_value_put_bool(v, "review_due", sg_insats_review_due(x, today, max_months));
}

/* Huvudman, decision, goals and whom it is open to (issue 14, item 4); every item of
 * the goal and indicator lists gives every key. */
static void put_responsibility(sg_value *v, const sg_insats *x)
{
	if (x->n_owners)
		sg_ctx_put_take(v, "owners", joined(x->owners, x->n_owners));
	else
		sg_value_put_bool(v, "owners", false);
	if (x->decision)
		sg_value_put_str(v, "decision", sg_decision_name(x->decision));
	else
		sg_value_put_bool(v, "decision", false);
	sg_value_put_bool(v, "proposal", x->decision == SG_DECISION_FORSLAG);
	sg_value *goals = sg_value_list();
	for (size_t i = 0; i < x->n_goals; i++) {
		sg_value *g = sg_value_map();
		sg_value_put_str(g, "text", x->goals[i].text);
		sg_value *inds = sg_value_list();
		for (size_t k = 0; k < x->goals[i].n_indicators; k++) {
			sg_value *iv = sg_value_map();
			sg_value_put_str(iv, "name", x->goals[i].indicators[k].name);
			if (x->goals[i].indicators[k].target)
				sg_value_put_str(iv, "target", x->goals[i].indicators[k].target);
			else
				sg_value_put_bool(iv, "target", false);
			sg_value_push(inds, iv);
		}
		sg_value_put_bool(g, "has_indicators", x->goals[i].n_indicators > 0);
		sg_value_put(g, "indicators", inds);
		sg_value_push(goals, g);
	}
	sg_value_put_bool(v, "has_goals", x->n_goals > 0);
	sg_value_put(v, "goals", goals);
	if (x->n_open_to) {
		sg_buf b = SG_BUF_INIT;
		for (size_t i = 0; i < x->n_open_to; i++)
			sg_buf_printf(&b, "%s%s", i ? (i + 1 == x->n_open_to ? " och " : ", ") : "", x->open_to[i]->kommun->name);
		sg_ctx_put_take(v, "open_to", sg_buf_detach(&b));
	} else {
		sg_value_put_bool(v, "open_to", false);
	}
}

static sg_value *insats_value(const sg_insats *x, const char *today)
{
	sg_value *v = card_value(x, today);
	sg_ctx_put_take(v, "forbund_url", sg_url_forbund(x->forbund));
	put_take_or_false(v, "fb_class", sg_ctx_palette_class(x->forbund));
	if (x->n_target_groups)
		sg_value_put(v, "target_group_list", sg_ctx_text_list(x->target_groups, x->n_target_groups));
	if (x->age_min >= 0 || x->age_max >= 0) {
		if (x->age_min >= 0 && x->age_max >= 0)
			sg_ctx_put_take(v, "age", sg_asprintf("%d–%d år", x->age_min, x->age_max));
		else if (x->age_min >= 0)
			sg_ctx_put_take(v, "age", sg_asprintf("från %d år", x->age_min));
		else
			sg_ctx_put_take(v, "age", sg_asprintf("upp till %d år", x->age_max));
	}
	sg_value_put_str(v, "duration", x->duration);
	sg_value_put_str(v, "provider_orgnr", x->provider_orgnr);
	sg_value_put(v, "contact", sg_ctx_contact(&x->contact));
	sg_value_put_str(v, "start", x->start);
	sg_value_put_str(v, "end", x->end);
	/* in words, at the content's precision: "1 mars 2015", "januari 2008", "2007" */
	if (x->start)
		sg_ctx_put_take(v, "start_text", sg_ctx_date_sv(x->start));
	if (x->end)
		sg_ctx_put_take(v, "end_text", sg_ctx_date_sv(x->end));
	sg_value *places = sg_value_list();
	bool any_funds = false;
	for (size_t i = 0; i < x->n_places; i++) {
		any_funds |= x->places[i].fig.has_funds;
		for (size_t k = 0; k < x->places[i].n_years; k++)
			any_funds |= x->places[i].years[k].fig.has_funds;
		if (!x->by_year)
			sg_value_push(places, place_value(&x->places[i]));
	}
	sg_value_put(v, "places", places); /* empty when given by year: see by_year */
	sg_value_put_bool(v, "has_funds", any_funds);
	if (x->by_year) {
		sg_value_put(v, "by_year", by_year_value(x));
		if (x->year_to > x->year_from)
			sg_value_put(v, "by_year_total", by_year_total(x));
		else
			sg_value_put_bool(v, "by_year_total", false);
	} else {
		sg_value_put_bool(v, "by_year", false);
	}
	if (!x->by_year && x->n_places > 1) {
		const sg_figures **figs = sg_malloc(x->n_places * sizeof *figs);
		for (size_t i = 0; i < x->n_places; i++)
			figs[i] = &x->places[i].fig;
		sg_figures t = sum_figures(figs, x->n_places);
		free(figs);
		t.participants_per_year = false;
		sg_value *tv = sg_value_map();
		put_figures(tv, &t);
		sg_value_put(v, "totals", tv);
	}
	if (x->referral.given) {
		sg_value *r = sg_value_map();
		sg_value_put_bool(r, "open", sg_insats_takes_referrals_at(x, today));
		if (x->referral.n_referrers) {
			sg_value_put(r, "referrer_list", sg_ctx_text_list(x->referral.referrers, x->referral.n_referrers));
			sg_ctx_put_take(r, "referrers", joined(x->referral.referrers, x->referral.n_referrers));
		}
		if (x->referral.vacancies >= 0)
			sg_ctx_put_sv(r, "vacancies", (double)x->referral.vacancies);
		if (x->referral.how)
			sg_value_put(r, "how_html", sg_ctx_html(x->referral.how));
		sg_value_put(v, "referral", r);
	}
	if (x->referral.blankett)
		sg_ctx_put_take(v, "remiss_url", sg_url_remiss(x));
	if (!sg_markdown_is_empty(x->body))
		sg_value_put(v, "body_html", sg_ctx_html(x->body));
	put_responsibility(v, x);
	return v;
}

/* A summary row: the förbund's costs (förbundsmedel + ESF) and, apart, cofunding. */
static sg_value *econ_row_value(const sg_econ_row *r)
{
	sg_value *v = sg_value_map();
	char pt[48];
	sg_ctx_put_take(v, "participants", sg_asprintf("%s%s", r->approx ? "ca " : "", sg_format_sv((double)r->participants, pt)));
	if (r->places && !r->has_participants) /* places, none with a number: unknown, an empty cell */
		sg_value_put(v, "participants", sg_value_null());
	sg_ctx_put_sv(v, "forbund", r->forbund);
	sg_ctx_put_sv(v, "esf", r->esf);
	sg_ctx_put_sv(v, "total", r->forbund + r->esf);
	sg_ctx_put_sv(v, "cofunding", r->cofunding);
	sg_value_put_bool(v, "empty", r->places == 0);
	return v;
}

/* "juli–december 2008", "mars 2008" */
static char *months_text(int from, int to, int year)
{
	if (from == to)
		return sg_asprintf("%s %d", sg_ctx_month_sv(from), year);
	return sg_asprintf("%s–%s %d", sg_ctx_month_sv(from), sg_ctx_month_sv(to), year);
}

/* The year's över-/underskott (financing + eget kapital − costs), when the budget has
 * a finansieringsplan: `result` ("+79", "−12"), `surplus`/`deficit`. */
static void put_result(sg_value *v, const sg_economy *e)
{
	if (!e->has_result) {
		sg_value_put(v, "result", sg_value_null());
		return;
	}
	char t[48];
	double r = e->result;
	if (r > -0.0005 && r < 0.0005)
		r = 0;
	sg_ctx_put_take(v, "result", sg_asprintf("%s%s", r > 0 ? "+" : r < 0 ? "\xE2\x88\x92" : "", sg_format_sv(r < 0 ? -r : r, t)));
	sg_value_put_bool(v, "surplus", r > 0);
	sg_value_put_bool(v, "deficit", r < 0);
}

/* The insatser an economic summary counts, each with what it plans that year over
 * all its places: the rows the summary adds up, so a reader can check the sum. */
static sg_value *insatser_of_year(const sg_site *site, const sg_economy *e)
{
	sg_value *list = sg_value_list();
	const sg_figures **figs = NULL;
	size_t cap = 0;
	for (size_t i = 0; i < site->n_insatser; i++) {
		const sg_insats *x = site->insatser[i];
		if (x->forbund != e->forbund || !sg_insats_in_year(x, e->year))
			continue;
		if (x->n_places > cap)
			figs = sg_realloc(figs, (cap = x->n_places) * sizeof *figs);
		size_t n = 0;
		sg_buf where = SG_BUF_INIT; /* the places that plan something this year */
		for (size_t k = 0; k < x->n_places; k++)
			if (sg_place_figures(x, &x->places[k], e->year)) {
				figs[n++] = sg_place_figures(x, &x->places[k], e->year);
				const sg_member *m = x->places[k].member;
				sg_buf_printf(&where, "%s%s", where.len ? ", " : "", m ? m->kommun->name : "hela förbundet");
			}
		if (!where.len)
			sg_buf_puts(&where, "hela förbundet");
		sg_figures t = sum_figures(figs, n);
		t.participants_per_year = false;
		/* the economy's rows add up to its totals: an amount the content does not give
		 * counts as none here (the insats page itself shows it as missing) */
		t.funds.has_forbund = t.funds.has_cofunding = t.funds.has_esf = true;
		sg_value *r = sg_value_map();
		sg_value_put_str(r, "title", x->title);
		sg_ctx_put_take(r, "url", sg_url_insats(x));
		sg_value_put_str(r, "area", x->area == SG_AREA_STRUKTUR ? "Strukturövergripande" : "Individinriktad");
		sg_ctx_put_take(r, "kommuner", sg_buf_detach(&where));
		put_figures(r, &t);
		sg_value_push(list, r);
	}
	free(figs);
	return list;
}

static sg_value *economy_value(const sg_contexts *c, const sg_economy *e)
{
	const sg_forbund *f = e->forbund;
	sg_value *v = sg_value_map();
	sg_value_put_str(v, "forbund_title", f->title);
	sg_ctx_put_take(v, "forbund_url", sg_url_forbund(f));
	sg_value_put_num(v, "year", e->year);
	sg_value_put_num(v, "insats_count", (double)e->n_insatser);
	sg_ctx_put_take(v, "insatser_text", sg_asprintf("%zu %s", e->n_insatser, e->n_insatser == 1 ? "insats" : "insatser"));
	sg_value_put(v, "insatser_of_year", insatser_of_year(c->site, e));
	sg_value *rows = sg_value_list();
	sg_bar *bars = sg_calloc(f->n_members + 2, sizeof *bars);
	for (size_t k = 0; k < f->n_members; k++) {
		sg_value *r = econ_row_value(&e->kommuner[k]);
		sg_value_put_str(r, "kommun", f->members[k].name);
		sg_ctx_put_take(r, "kommun_url", sg_url_kommun(f->members[k].kommun));
		sg_value_push(rows, r);
		bars[k] = (sg_bar){f->members[k].name, e->kommuner[k].forbund + e->kommuner[k].esf};
	}
	sg_value_put(v, "kommuner", rows);
	/* the chart shows every row of the table above it: without the whole förbund's
	 * and the structural work, one kommun looks as if it got everything */
	size_t n_bars = f->n_members;
	if (e->individ_whole.places)
		bars[n_bars++] = (sg_bar){"Hela förbundet (individinriktade)", e->individ_whole.forbund + e->individ_whole.esf};
	if (e->struktur.places)
		bars[n_bars++] = (sg_bar){"Strukturövergripande", e->struktur.forbund + e->struktur.esf};
	sg_value_put(v, "individ_whole", econ_row_value(&e->individ_whole));
	sg_value_put(v, "struktur", econ_row_value(&e->struktur));
	sg_value_put(v, "insatser", econ_row_value(&e->insatser));
	sg_value *own = sg_value_list();
	if (e->budget)
		for (size_t k = 0; k < e->budget->n_costs; k++) {
			const sg_cost_line *cl = &e->budget->costs[k];
			sg_value *r = sg_value_map();
			sg_value_put_str(r, "item", cl->item);
			sg_ctx_put_sv(r, "amount", cl->amount);
			sg_value *lines = sg_value_list();
			for (size_t j = 0; j < cl->n_lines; j++) {
				sg_value *sl = sg_value_map();
				sg_value_put_str(sl, "item", cl->lines[j].item);
				sg_ctx_put_sv(sl, "amount", cl->lines[j].amount);
				sg_value_push(lines, sl);
			}
			sg_value_put(r, "lines", lines);
			sg_value_put_bool(r, "group", cl->n_lines > 0);
			sg_value_push(own, r);
		}
	sg_value_put(v, "own_costs", own);
	sg_ctx_put_sv(v, "own_total", e->own_costs);
	sg_ctx_put_sv(v, "insats_costs", e->insats_costs);
	sg_ctx_put_sv(v, "total_costs", e->total_costs);
	sg_ctx_put_sv(v, "total_forbund", e->insatser.forbund + e->own_costs);
	if (e->budget && e->budget->n_financing) {
		sg_value *fin = sg_value_list();
		for (size_t k = 0; k < e->budget->n_financing; k++) {
			const sg_financing *x = &e->budget->financing[k];
			sg_value *r = sg_value_map();
			sg_value_put_str(r, "party", x->party);
			char pct[48];
			if (x->has_share)
				sg_ctx_put_take(r, "share", sg_asprintf("%s\xC2\xA0%%", sg_format_sv(x->share * 100.0, pct)));
			else
				sg_value_put(r, "share", sg_value_null());
			sg_ctx_put_sv(r, "amount", x->amount);
			sg_value_push(fin, r);
		}
		sg_value *plan = sg_value_map();
		sg_value_put(plan, "parties", fin);
		sg_ctx_put_sv(plan, "financing", e->financing);
		sg_ctx_put_sv(plan, "equity_use", e->equity_use);
		sg_ctx_put_sv(plan, "total", e->financing + e->equity_use);
		sg_value_put_bool(plan, "has_shares", e->budget->has_shares);
		sg_value_put(v, "financing", plan);
	}
	put_result(v, e);
	sg_value_put_bool(v, "no_costs", !e->has_costs);
	if (e->budget) {
		sg_value_put_bool(v, "preliminary", e->budget->preliminary);
		if (e->budget->from_month != 1 || e->budget->to_month != 12)
			sg_ctx_put_take(v, "covers", months_text(e->budget->from_month, e->budget->to_month, e->year));
	}
	sg_buf svg = SG_BUF_INIT;
	char *title = sg_asprintf("Förbundsmedel och ESF-medel per kommun %d, tkr", e->year);
	sg_chart_bars(&svg, "chart-kommun", title, "tkr", bars, n_bars);
	free(title);
	sg_value_put(v, "chart_kommuner_html", sg_value_string_take(sg_buf_detach(&svg)));
	size_t ncat;
	const sg_category_info *cats = sg_categories(&ncat);
	sg_bar *cbars = sg_calloc(ncat, sizeof *cbars);
	size_t nb = 0;
	sg_value *crows = sg_value_list();
	for (size_t k = 0; k < ncat; k++) {
		if (e->categories[k].places == 0)
			continue;
		cbars[nb++] = (sg_bar){cats[k].name, (double)e->categories[k].participants};
		sg_value *r = econ_row_value(&e->categories[k]);
		sg_value_put_str(r, "category", cats[k].name);
		sg_ctx_put_take(r, "category_url", sg_url_kategori(cats[k].slug));
		sg_value_push(crows, r);
	}
	sg_value_put(v, "categories", crows);
	title = sg_asprintf("Planerade deltagare per SUS-kategori %d", e->year);
	sg_chart_bars(&svg, "chart-kategori", title, "deltagare", cbars, nb);
	free(title);
	sg_value_put(v, "chart_kategorier_html", sg_value_string_take(sg_buf_detach(&svg)));
	free(bars);
	free(cbars);
	/* the other years of the same förbund, for navigation */
	sg_value *years = sg_value_list();
	for (size_t i = 0; i < c->plan->n_economies; i++) {
		const sg_economy *o = c->plan->economies[i];
		if (o->forbund != f)
			continue;
		sg_value *y = sg_value_map();
		sg_value_put_num(y, "year", o->year);
		sg_ctx_put_take(y, "url", sg_url_ekonomi(f, o->year));
		sg_value_put_bool(y, "current", o == e);
		sg_value_push(years, y);
	}
	sg_value_put(v, "years", years);
	return v;
}

/* One line per year on the förbund page: totals and a link to the year's page. */
static sg_value *economy_years_of(const sg_contexts *c, const sg_forbund *f)
{
	sg_value *l = sg_value_list();
	for (size_t i = 0; i < c->plan->n_economies; i++) {
		const sg_economy *e = c->plan->economies[i];
		if (e->forbund != f)
			continue;
		sg_value *y = sg_value_map();
		sg_value_put_num(y, "year", e->year);
		sg_ctx_put_take(y, "url", sg_url_ekonomi(f, e->year));
		sg_ctx_put_sv(y, "insats_costs", e->insats_costs);
		sg_ctx_put_sv(y, "own_costs", e->own_costs);
		sg_ctx_put_sv(y, "total_costs", e->total_costs);
		put_result(y, e);
		sg_value_put_bool(y, "no_costs", !e->has_costs);
		sg_value_put_bool(y, "preliminary", e->budget && e->budget->preliminary);
		char pt[48];
		sg_ctx_put_take(y, "participants", sg_asprintf("%s%s", e->insatser.approx ? "ca " : "",
		                                               sg_format_sv((double)e->insatser.participants, pt)));
		if (e->insatser.places && !e->insatser.has_participants) /* none given: unknown, not 0 */
			sg_value_put(y, "participants", sg_value_null());
		sg_value_put_num(y, "insats_count", (double)e->n_insatser);
		sg_value_push(l, y);
	}
	return l;
}

/* What is placed in one kommun, per förbund and year. */
static sg_value *economy_of_kommun(const sg_contexts *c, const sg_kommun *k)
{
	sg_value *l = sg_value_list();
	for (size_t i = 0; i < c->plan->n_economies; i++) {
		const sg_economy *e = c->plan->economies[i];
		for (size_t m = 0; m < e->forbund->n_members; m++) {
			if (e->forbund->members[m].kommun != k || e->kommuner[m].places == 0)
				continue;
			sg_value *r = econ_row_value(&e->kommuner[m]);
			sg_value_put_num(r, "year", e->year);
			sg_value_put_str(r, "forbund_title", e->forbund->title);
			sg_ctx_put_take(r, "url", sg_url_ekonomi(e->forbund, e->year));
			sg_value_push(l, r);
		}
	}
	return l;
}

sg_value *sg_ctx_card_list(sg_contexts *c, const sg_insats_list *l)
{
	sg_value *v = sg_value_list();
	for (size_t i = 0; i < l->n; i++)
		sg_value_push(v, sg_value_ref(c->cards[l->items[i]->index]));
	return v;
}

static sg_value *member_value(const sg_member *m)
{
	sg_value *v = sg_value_map();
	sg_value_put_str(v, "name", m->name);
	sg_value_put_str(v, "code", m->code);
	sg_ctx_put_take(v, "url", sg_url_kommun(m->kommun));
	sg_value_put(v, "contact", sg_ctx_contact(&m->contact));
	return v;
}

/* The search filter's target groups: {name, slug (the URL value), terms (the slugs of
 * its name and synonyms, for /sok/?malgrupp=<any of them>)}. With a vocabulary, its
 * terms that some insats uses, in site.yaml's order, then any term used outside it;
 * without one, every term used, sorted. */
static sg_value *target_group_filter(const sg_site *site)
{
	const sg_site_info *in = &site->info;
	size_t ng = 0, cap = 0;
	char **groups = NULL; /* borrowed: names of vocabulary terms or terms as written */
	char **keys = NULL;   /* owned: their slugs */
	bool *vocab = NULL;
	for (size_t t = 0; t <= in->n_target_groups; t++)
		for (size_t i = 0; i < site->n_insatser; i++)
			for (size_t k = 0; k < site->insatser[i]->n_target_groups; k++) {
				const char *g = site->insatser[i]->target_groups[k];
				const sg_target_group *tg = sg_target_group_find(in, g);
				/* pass t < n: the vocabulary's term t; the last pass: terms outside it */
				if (t < in->n_target_groups ? tg != &in->target_groups[t] : tg != NULL)
					continue;
				char *key = sg_target_group_key(in, g);
				bool seen = false;
				for (size_t j = 0; j < ng && !seen; j++)
					seen = strcmp(keys[j], key) == 0;
				if (seen) {
					free(key);
					continue;
				}
				if (ng == cap) {
					cap = cap ? cap * 2 : 16;
					groups = sg_realloc(groups, cap * sizeof *groups);
					keys = sg_realloc(keys, cap * sizeof *keys);
					vocab = sg_realloc(vocab, cap * sizeof *vocab);
				}
				groups[ng] = tg ? tg->name : (char *)g;
				vocab[ng] = tg != NULL;
				keys[ng++] = key;
			}
	size_t first = 0; /* the terms outside a vocabulary (all without one) sorted */
	while (first < ng && vocab[first])
		first++;
	for (size_t i = first + 1; i < ng; i++) /* insertion sort: few distinct groups */
		for (size_t j = i; j > first && sg_collate(groups[j - 1], groups[j]) > 0; j--) {
			char *t = groups[j];
			groups[j] = groups[j - 1];
			groups[j - 1] = t;
			t = keys[j];
			keys[j] = keys[j - 1];
			keys[j - 1] = t;
		}
	sg_value *gl = sg_value_list();
	for (size_t i = 0; i < ng; i++) {
		sg_value *m = sg_value_map();
		sg_value_put_str(m, "name", groups[i]);
		sg_value_put_str(m, "slug", keys[i]);
		const sg_target_group *tg = vocab[i] ? sg_target_group_find(in, groups[i]) : NULL;
		sg_buf terms = SG_BUF_INIT;
		sg_buf_puts(&terms, keys[i]);
		for (size_t k = 0; tg && k < tg->n_synonyms; k++)
			sg_buf_printf(&terms, " %s", tg->synonym_slugs[k]);
		sg_ctx_put_take(m, "terms", sg_buf_detach(&terms));
		sg_value_push(gl, m);
		free(keys[i]);
	}
	free(groups);
	free(keys);
	free(vocab);
	return gl;
}

/* The class of a förbund's pages when its file gives `colors:` ("fb-<slug>", styled by
 * site_style), or NULL. Malloc'd. */
char *sg_ctx_palette_class(const sg_forbund *fb)
{
	return fb->palette.brand[0] || fb->palette.link[0] ? sg_asprintf("fb-%s", fb->slug) : NULL;
}

/* The custom properties of one palette, "--brand:#…;--link:#…", appended to b. */
static void palette_props(sg_buf *b, const sg_palette *p)
{
	if (p->brand[0])
		sg_buf_printf(b, "--brand:%s;", p->brand);
	if (p->link[0])
		sg_buf_printf(b, "--link:%s;", p->link);
}

/* The <style> of every page when site.yaml or a förbund gives colours: the site's on
 * :root, a förbund's on its pages' class (palette_class). NULL when none does, so a
 * site without colours has no inline style. Malloc'd. The colours are "#rrggbb" (checked
 * in the model) and slugs [a-z0-9-], so nothing here needs escaping beyond HTML's. */
static char *site_style(const sg_site *site)
{
	sg_buf b = SG_BUF_INIT;
	if (site->info.palette.brand[0] || site->info.palette.link[0]) {
		sg_buf_puts(&b, ":root{");
		palette_props(&b, &site->info.palette);
		sg_buf_puts(&b, "}");
	}
	for (size_t i = 0; i < site->n_forbund; i++) {
		const sg_forbund *fb = site->forbund[i];
		char *cls = sg_ctx_palette_class(fb);
		if (!cls)
			continue;
		sg_buf_printf(&b, ".%s{", cls);
		palette_props(&b, &fb->palette);
		sg_buf_puts(&b, "}");
		free(cls);
	}
	return b.ptr;
}

/* site.yaml's newsletter_signup for the footer (new value, owned by the caller): false when
 * there is none, else {action, url (one of them a string, the other false), email_field,
 * text, receiver, host}. */
static sg_value *newsletter_value(const sg_newsletter_signup *n)
{
	if (!n->action && !n->url)
		return sg_value_bool(false);
	sg_value *v = sg_value_map();
	put_or_false(v, "action", n->action);
	put_or_false(v, "url", n->url);
	sg_value_put_str(v, "email_field", n->email_field);
	put_or_false(v, "text", n->text);
	put_or_false(v, "receiver", n->receiver);
	sg_value_put_str(v, "host", n->host);
	return v;
}

static sg_value *site_value(const sg_site *site, const sg_plan *plan)
{
	const sg_site_info *in = &site->info;
	sg_value *v = sg_value_map();
	sg_value_put_str(v, "title", in->title);
	sg_value_put_str(v, "description", in->description);
	sg_value_put_str(v, "region", in->region);
	sg_value_put_str(v, "base_url", in->base_url);
	/* links are written as {{site.root}}/kommun/… so a site can live below a path */
	sg_value_put_str(v, "root", in->root);
	sg_ctx_site_logo(site, v);
	sg_value_put_str(v, "language", in->language);
	put_take_or_false(v, "style", site_style(site));
	sg_value_put_bool(v, "portal", site->n_forbund > 1);
	sg_value_put_num(v, "insats_count", (double)site->n_insatser);
	sg_value_put_num(v, "kommun_count", (double)site->n_kommuner);
	sg_value *fl = sg_value_list();
	for (size_t i = 0; i < site->n_forbund; i++) {
		const sg_forbund *fb = site->forbund[i];
		sg_value *f = sg_value_map();
		sg_value_put_str(f, "title", fb->title);
		sg_ctx_put_take(f, "url", sg_url_forbund(fb));
		sg_value *ml = sg_value_list();
		for (size_t k = 0; k < fb->n_members; k++)
			sg_value_push(ml, member_value(&fb->members[k]));
		sg_value_put(f, "members", ml);
		sg_value_put_num(f, "insats_count", (double)plan->by_forbund[i].n);
		/* the footer's contact block: who runs the site, as the förbund file gives it */
		sg_value_put_str(f, "orgnr", fb->orgnr);
		sg_value_put(f, "contact", sg_ctx_contact(&fb->contact));
		sg_value_push(fl, f);
	}
	sg_value_put(v, "forbund", fl);
	sg_value *kl = sg_value_list();
	for (size_t i = 0; i < site->n_kommuner; i++) {
		sg_value *k = sg_value_map();
		sg_value_put_str(k, "name", site->kommuner[i]->name);
		sg_value_put_str(k, "slug", site->kommuner[i]->slug);
		sg_ctx_put_take(k, "url", sg_url_kommun(site->kommuner[i]));
		sg_value_put_num(k, "insats_count",
		                 (double)(plan->kommuner[i].local.n + plan->kommuner[i].shared.n));
		sg_value_push(kl, k);
	}
	sg_value_put(v, "kommuner", kl);
	sg_value *cl = sg_value_list();
	for (size_t i = 0; i < plan->n_categories; i++) {
		sg_value *k = sg_value_map();
		sg_value_put_str(k, "name", plan->categories[i].category->name);
		sg_value_put_str(k, "slug", plan->categories[i].category->slug);
		sg_ctx_put_take(k, "url", sg_url_kategori(plan->categories[i].category->slug));
		sg_value_put_num(k, "insats_count", (double)plan->categories[i].insatser.n);
		sg_value_push(cl, k);
	}
	sg_value_put(v, "categories", cl);
	/* the footer's sidor: a bounded set (see sg_sida.in_footer), so pages do not grow
	 * with the number of sidor */
	sg_value *sl = sg_value_list();
	for (size_t i = 0; i < site->n_sidor; i++) {
		if (!site->sidor[i]->in_footer)
			continue;
		sg_value *k = sg_value_map();
		sg_value_put_str(k, "title", site->sidor[i]->title);
		sg_ctx_put_take(k, "url", sg_url_sida(site->sidor[i]));
		sg_value_push(sl, k);
	}
	sg_value_put(v, "sidor", sl);
	sg_value_put_bool(v, "has_sidor_index", site->sidor_index);
	sg_value_put(v, "target_groups", target_group_filter(site));
	sg_value_put(v, "newsletter", newsletter_value(&in->newsletter));
	return v;
}

sg_contexts *sg_contexts_new(const sg_site *site, const sg_plan *plan)
{
	sg_contexts *c = sg_calloc(1, sizeof *c);
	c->site = site;
	c->plan = plan;
	c->site_value = site_value(site, plan);
	sg_ctx_publications_site(c, c->site_value);
	c->cards = sg_calloc(site->n_insatser ? site->n_insatser : 1, sizeof *c->cards);
	for (size_t i = 0; i < site->n_insatser; i++)
		c->cards[i] = card_value(site->insatser[i], plan->now);
	c->forms = sg_calloc(site->n_blanketter ? site->n_blanketter : 1, sizeof *c->forms);
	for (size_t i = 0; i < site->n_blanketter; i++)
		c->forms[i] = sg_ctx_form(c, site->blanketter[i]);
	return c;
}

bool sg_contexts_update(sg_contexts *c, const sg_plan *plan, sg_insats *const *old_order,
                        sg_insats *const *changed, size_t n_changed)
{
	size_t n = c->site->n_insatser;
	sg_value **cards = sg_calloc(n ? n : 1, sizeof *cards);
	for (size_t i = 0; i < n; i++)
		cards[old_order[i]->index] = c->cards[i];
	free(c->cards);
	c->cards = cards;
	for (size_t i = 0; i < n_changed; i++) {
		sg_value_unref(cards[changed[i]->index]);
		cards[changed[i]->index] = card_value(changed[i], plan->now);
	}
	c->plan = plan;
	sg_value *site = site_value(c->site, plan);
	sg_ctx_publications_site(c, site);
	bool differs = !sg_value_equal(site, c->site_value);
	sg_value_unref(c->site_value);
	c->site_value = site;
	return differs;
}

void sg_contexts_free(sg_contexts *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->site->n_insatser; i++)
		sg_value_unref(c->cards[i]);
	free(c->cards);
	for (size_t i = 0; i < c->site->n_blanketter; i++)
		sg_value_unref(c->forms[i]);
	free(c->forms);
	sg_value_unref(c->site_value);
	free(c);
}

static sg_value *kommun_value(sg_contexts *c, const sg_kommun_index *ki)
{
	const sg_kommun *k = ki->kommun;
	sg_value *v = sg_value_map();
	sg_value_put_str(v, "name", k->name);
	sg_value_put_str(v, "slug", k->slug);
	sg_value *fl = sg_value_list();
	for (size_t i = 0; i < k->n_members; i++) {
		const sg_member *m = k->members[i];
		sg_value *f = sg_value_map();
		sg_value_put_str(f, "title", m->forbund->title);
		sg_ctx_put_take(f, "url", sg_url_forbund(m->forbund));
		sg_value_put_str(f, "code", m->code);
		sg_value_put(f, "contact", sg_ctx_contact(&m->contact));
		sg_value_put(f, "forbund_contact", sg_ctx_contact(&m->forbund->contact));
		/* the kommun's own text and priorities, from its förbund's file */
		if (m->about)
			sg_value_put_str(f, "about", m->about);
		else
			sg_value_put_bool(f, "about", false);
		sg_value *pl = sg_value_list();
		for (size_t p = 0; p < m->n_priorities; p++) {
			sg_value *pv = sg_value_map();
			sg_value_put_str(pv, "group", m->priorities[p].group);
			if (m->priorities[p].priority)
				sg_value_put_num(pv, "priority", m->priorities[p].priority);
			else
				sg_value_put_bool(pv, "priority", false);
			sg_value_push(pl, pv);
		}
		sg_value_put_bool(f, "has_priorities", m->n_priorities > 0);
		sg_value_put(f, "priorities", pl);
		sg_value_push(fl, f);
	}
	sg_value_put(v, "forbund", fl);
	/* local insatser: the card plus what is placed in this kommun */
	sg_value *local = sg_value_list();
	for (size_t i = 0; i < ki->local.n; i++) {
		const sg_insats *x = ki->local.items[i];
		sg_value *e = sg_value_map();
		sg_value_put(e, "insats", sg_value_ref(c->cards[x->index]));
		for (size_t p = 0; p < x->n_places; p++)
			if (x->places[p].member && x->places[p].member->kommun == k && x->places[p].fig.participants >= 0)
				sg_ctx_put_sv(e, "participants", (double)x->places[p].fig.participants);
		sg_value_push(local, e);
	}
	sg_value_put(v, "local", local);
	sg_value_put(v, "shared", sg_ctx_card_list(c, &ki->shared));
	sg_value_put(v, "other", sg_ctx_card_list(c, &ki->other));
	sg_value_put(v, "structural", sg_ctx_card_list(c, &ki->structural));
	sg_value_put_num(v, "local_count", (double)ki->local.n);
	sg_value_put_num(v, "shared_count", (double)ki->shared.n);
	sg_value_put_num(v, "other_count", (double)ki->other.n);
	sg_value_put_num(v, "structural_count", (double)ki->structural.n);
	sg_value_put(v, "economy", economy_of_kommun(c, k));
	return v;
}

/* People of the board or the staff: every item gives every key. */
static sg_value *people_value(const sg_person *people, size_t n)
{
	sg_value *l = sg_value_list();
	for (size_t i = 0; i < n; i++) {
		sg_value *p = sg_value_map();
		sg_value_put_str(p, "name", people[i].name);
		sg_value_put_str(p, "role", people[i].role);
		sg_value_put_str(p, "organisation", people[i].organisation);
		sg_value_put_str(p, "phone", people[i].contact.phone);
		sg_value_put_str(p, "phone_uri", people[i].contact.phone_uri);
		sg_value_put_str(p, "email", people[i].contact.email);
		sg_value_push(l, p);
	}
	return l;
}

/* Styrelse, kansli and the board's meetings (issue 17): `board`, `staff`, `meetings`
 * (upcoming ones against the plan's now, past ones with their minutes when published)
 * and `has_organisation`. */
static void put_organisation(const sg_contexts *c, const sg_forbund *fb, sg_value *v)
{
	sg_value_put(v, "board", people_value(fb->board, fb->n_board));
	sg_value_put(v, "staff", people_value(fb->staff, fb->n_staff));
	sg_value *ml = sg_value_list();
	for (size_t i = 0; i < fb->n_meetings; i++) {
		const sg_meeting *m = &fb->meetings[i];
		sg_value *mv = sg_value_map();
		sg_value_put_str(mv, "date", m->date);
		sg_ctx_put_take(mv, "date_text", sg_ctx_date_sv(m->date));
		sg_value_put_bool(mv, "upcoming", strncmp(m->date, c->plan->now, 10) >= 0);
		if (m->protokoll) {
			sg_ctx_put_take(mv, "protokoll_url", sg_url_dokument(m->protokoll));
			sg_value_put_str(mv, "protokoll_title", m->protokoll->title);
			sg_ctx_put_take(mv, "protokoll_meta", sg_ctx_doc_meta(m->protokoll));
		} else {
			sg_value_put_bool(mv, "protokoll_url", false);
			sg_value_put_bool(mv, "protokoll_title", false);
			sg_value_put_bool(mv, "protokoll_meta", false);
		}
		sg_value_push(ml, mv);
	}
	sg_value_put(v, "meetings", ml);
	sg_value_put_bool(v, "has_organisation", fb->n_board || fb->n_staff || fb->n_meetings);
}

static sg_value *forbund_value(sg_contexts *c, const sg_forbund *fb)
{
	sg_value *v = sg_value_map();
	sg_value_put_str(v, "title", fb->title);
	put_take_or_false(v, "fb_class", sg_ctx_palette_class(fb));
	sg_value_put_str(v, "orgnr", fb->orgnr);
	sg_value *ml = sg_value_list();
	for (size_t k = 0; k < fb->n_members; k++)
		sg_value_push(ml, member_value(&fb->members[k]));
	sg_value_put(v, "members", ml);
	if (fb->n_parties) {
		sg_value_put(v, "party_list", sg_ctx_text_list(fb->parties, fb->n_parties));
		sg_ctx_put_take(v, "parties", joined(fb->parties, fb->n_parties));
	}
	sg_value_put(v, "contact", sg_ctx_contact(&fb->contact));
	if (!sg_markdown_is_empty(fb->body))
		sg_value_put(v, "body_html", sg_ctx_html(fb->body));
	size_t idx = 0;
	for (size_t i = 0; i < c->site->n_forbund; i++)
		if (c->site->forbund[i] == fb)
			idx = i;
	/* the förbund's insatser grouped by area */
	const sg_insats_list *all = &c->plan->by_forbund[idx];
	sg_value *ind = sg_value_list(), *str = sg_value_list(), *none = sg_value_list();
	for (size_t i = 0; i < all->n; i++) {
		const sg_insats *x = all->items[i];
		sg_value *target = x->area == SG_AREA_INDIVID ? ind : x->area == SG_AREA_STRUKTUR ? str : none;
		sg_value_push(target, sg_value_ref(c->cards[x->index]));
	}
	sg_value_put(v, "individinriktade", ind);
	sg_value_put(v, "strukturovergripande", str);
	sg_value_put(v, "utan_omrade", none);
	sg_value_put_num(v, "insats_count", (double)all->n);
	sg_value_put(v, "economy", economy_years_of(c, fb));
	sg_value_put(v, "verksamhetsplaner", sg_ctx_vplan_links(c, fb));
	put_organisation(c, fb, v);
	sg_ctx_publications_forbund(c, fb, v);
	return v;
}

/* Appends to l the insatser of `from` that take referrals on the plan's day, each as
 * on its own page (insats_value) with "address", its whole web address (for paper). */
static void print_items(sg_contexts *c, const sg_insats_list *from, sg_value *l)
{
	for (size_t i = 0; i < from->n; i++) {
		const sg_insats *x = from->items[i];
		if (x->area == SG_AREA_STRUKTUR || !sg_insats_takes_referrals_at(x, c->plan->now))
			continue;
		sg_value *v = insats_value(x, c->plan->now);
		char *url = sg_url_insats(x);
		sg_ctx_put_take(v, "address", sg_url_absolute(c->site->info.base_url, url));
		free(url);
		if (x->referral.blankett) {
			char *remiss = sg_url_remiss(x);
			sg_ctx_put_take(v, "remiss_address", sg_url_absolute(c->site->info.base_url, remiss));
			free(remiss);
		}
		sg_value_push(l, v);
	}
}

/* A kommun's printable list (/kommun/<k>/utskrift/): the kommun's contacts, and what
 * takes referrals on the plan's day, in the kommun, for the whole förbund, and
 * elsewhere in the förbund; never strukturövergripande work, never money. */
static sg_value *kommun_print_value(sg_contexts *c, const sg_kommun_index *ki)
{
	const sg_kommun *k = ki->kommun;
	sg_value *v = sg_value_map();
	sg_value_put_str(v, "kommun_name", k->name);
	sg_ctx_put_take(v, "kommun_url", sg_url_kommun(k));
	char day[11];
	snprintf(day, sizeof day, "%.10s", c->plan->now);
	sg_ctx_put_take(v, "date_text", sg_ctx_date_sv(day));
	sg_value *contacts = sg_value_list();
	for (size_t i = 0; i < k->n_members; i++) {
		sg_value *ct = sg_ctx_contact(&k->members[i]->contact);
		if (sg_value_kind_of(ct) != SG_VAL_MAP) {
			sg_value_unref(ct);
			continue;
		}
		sg_value_put_str(ct, "forbund_title", k->members[i]->forbund->title);
		sg_value_push(contacts, ct);
	}
	sg_value_put_bool(v, "has_contacts", sg_value_count(contacts) > 0);
	sg_value_put(v, "contacts", contacts);
	sg_value *items = sg_value_list();
	print_items(c, &ki->local, items);
	print_items(c, &ki->shared, items);
	print_items(c, &ki->other, items);
	/* the same referral steps as an earlier item: said once, so the list stays short */
	for (size_t i = 0; i < sg_value_count(items); i++) {
		sg_value *it = sg_value_item(items, i);
		const char *how = sg_value_as_string(sg_value_get(sg_value_get(it, "referral"), "how_html"), NULL);
		const char *same = NULL;
		for (size_t j = 0; how && j < i && !same; j++) {
			const sg_value *o = sg_value_item(items, j);
			const char *h = sg_value_as_string(sg_value_get(sg_value_get(o, "referral"), "how_html"), NULL);
			if (h && strcmp(h, how) == 0 && !sg_value_truthy(sg_value_get(o, "how_same_as")))
				same = sg_value_as_string(sg_value_get(o, "title"), NULL);
		}
		if (same)
			sg_value_put_str(it, "how_same_as", same);
		else
			sg_value_put_bool(it, "how_same_as", false);
	}
	sg_value_put_num(v, "count", (double)sg_value_count(items));
	sg_value_put_bool(v, "has_insatser", sg_value_count(items) > 0);
	sg_value_put(v, "insatser", items);
	return v;
}

sg_value *sg_contexts_page(sg_contexts *c, const sg_page *page)
{
	sg_value *ctx = sg_value_map();
	sg_value_put(ctx, "site", sg_value_ref(c->site_value));
	sg_value *pg = sg_value_map();
	sg_value_put_str(pg, "url", page->url);
	sg_ctx_put_take(pg, "canonical", sg_url_absolute(c->site->info.base_url, page->url));
	const char *title = NULL, *description = c->site->info.description;
	switch (page->kind) {
	case SG_PAGE_HOME:
		sg_value_put_bool(pg, "is_home", true);
		break;
	case SG_PAGE_KOMMUN: {
		const sg_kommun_index *ki = page->subject.kommun;
		title = ki->kommun->name;
		sg_value_put(ctx, "kommun", kommun_value(c, ki));
		break;
	}
	case SG_PAGE_FORBUND: {
		const sg_forbund *fb = page->subject.forbund;
		title = fb->title;
		sg_value *fv = forbund_value(c, fb);
		sg_ctx_put_image(c, fv, fb->image);
		sg_ctx_forbund_logo(c, fv, fb->logo);
		sg_value_put(ctx, "forbund", fv);
		break;
	}
	case SG_PAGE_INSATS: {
		const sg_insats *x = page->subject.insats;
		title = x->title;
		if (x->summary)
			description = x->summary;
		sg_value *iv = insats_value(x, c->plan->now);
		sg_ctx_put_image(c, iv, x->image);
		put_review(iv, x, c->plan->now, c->site->info.review_max_months);
		sg_ctx_refer(c, x, iv);
		sg_value_put(ctx, "insats", iv);
		break;
	}
	case SG_PAGE_KATEGORI: {
		const sg_category_index *ci = page->subject.category;
		title = ci->category->name;
		sg_value *k = sg_value_map();
		sg_value_put_str(k, "name", ci->category->name);
		sg_value_put_bool(k, "individ", ci->category->individ);
		sg_value_put_bool(k, "struktur", ci->category->struktur);
		sg_value_put(k, "insatser", sg_ctx_card_list(c, &ci->insatser));
		sg_value_put_num(k, "insats_count", (double)ci->insatser.n);
		sg_value_put(ctx, "kategori", k);
		break;
	}
	case SG_PAGE_SIDA: {
		const sg_sida *s = page->subject.sida;
		title = s->title;
		if (s->summary)
			description = s->summary;
		sg_value *k = sg_value_map();
		sg_value_put_str(k, "title", s->title);
		sg_ctx_put_image(c, k, s->image);
		sg_value_put(k, "body_html", sg_ctx_html(s->body));
		sg_value_put(ctx, "sida", k);
		break;
	}
	case SG_PAGE_SIDOR: {
		title = "Sidor";
		sg_value *l = sg_value_list();
		for (size_t i = 0; i < c->site->n_sidor; i++) {
			const sg_sida *s = c->site->sidor[i];
			sg_value *k = sg_value_map();
			sg_value_put_str(k, "title", s->title);
			sg_ctx_put_take(k, "url", sg_url_sida(s));
			sg_value_put_str(k, "summary", s->summary);
			sg_value_push(l, k);
		}
		sg_value_put(ctx, "sidor", l);
		break;
	}
	case SG_PAGE_EKONOMI: {
		const sg_economy *e = page->subject.economy;
		char *t = sg_asprintf("Ekonomi %d – %s", e->year, e->forbund->title);
		sg_value_put(pg, "title", sg_value_string_take(t));
		sg_value_put(ctx, "ekonomi", economy_value(c, e));
		break;
	}
	case SG_PAGE_VERKSAMHETSPLAN: {
		const sg_economy *e = page->subject.economy;
		sg_ctx_put_take(pg, "title", sg_asprintf("Verksamhetsplan %d – %s", e->year, e->forbund->title));
		sg_value_put(ctx, "ekonomi", economy_value(c, e));
		sg_value_put(ctx, "verksamhetsplan", sg_ctx_vplan(c, e));
		break;
	}
	case SG_PAGE_NOT_FOUND:
		title = "Sidan finns inte";
		break;
	case SG_PAGE_KOMMUN_UTSKRIFT: {
		const sg_kommun_index *ki = page->subject.kommun;
		sg_ctx_put_take(pg, "title", sg_asprintf("Insatser som tar emot remisser – %s", ki->kommun->name));
		sg_value_put(ctx, "utskrift", kommun_print_value(c, ki));
		break;
	}
	default:
		if (!sg_ctx_publication_page(c, page, ctx, pg) && page->subject.kind == SG_SUBJECT_INSATS) {
			/* a kind sofgen does not have (a test's, plan.h): what its subject is */
			title = page->subject.insats->title;
			sg_value *iv = insats_value(page->subject.insats, c->plan->now);
			sg_ctx_refer(c, page->subject.insats, iv);
			sg_value_put(ctx, "insats", iv);
		}
		break;
	}
	if (title)
		sg_value_put_str(pg, "title", title);
	/* pages made for paper, and those with a printed form, hold no <form> at all, so nothing
	 * on them can be sent: the footer's newsletter form is a link there */
	bool printed_form = (page->kind == SG_PAGE_BLANKETT || page->kind == SG_PAGE_REMISS) && !c->site->info.forms_action;
	sg_value_put_bool(pg, "no_forms",
	                  printed_form || page->kind == SG_PAGE_KOMMUN_UTSKRIFT || page->kind == SG_PAGE_VERKSAMHETSPLAN);
	if (!sg_value_get(pg, "description")) /* a publication page may have set its own */
		sg_value_put_str(pg, "description", description);
	sg_value_put(ctx, "page", pg);
	return ctx;
}

sg_value *sg_ctx_economy_years(const sg_contexts *c, const sg_forbund *f) { return economy_years_of(c, f); }
