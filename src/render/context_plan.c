/* context_plan.c — the values of a verksamhetsplan page (/forbund/<slug>/verksamhetsplan/<år>/):
 * the title page (from planer/<förbund>/<år>.md), the förbund's own sections with a
 * table of contents, and the insatser of the year grouped by area and SUS category,
 * each with its table per place. The economy tables come from the same values as the
 * ekonomi page (context.c's economy_value), so the two can never disagree. */
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/numfmt.h"
#include "context_internal.h"

#define MISSING "uppgift saknas"

/* An amount in tkr as a Swedish number, or MISSING when the place gives no money. */
static void put_amount(sg_value *v, const char *key, bool given, double amount)
{
	char t[48];
	if (given)
		sg_value_put_str(v, key, sg_format_sv(amount, t));
	else
		sg_value_put_str(v, key, MISSING);
	sg_value_put_bool(v, key[0] == 'f' ? "forbund_missing" : key[0] == 'c' ? "cofunding_missing"
	                     : key[0] == 'e'                   ? "esf_missing"
	                                                       : "total_missing",
	                  !given);
}

/* One row of an insats' table: a place and what it plans for the year (fig). */
static sg_value *place_row(const sg_place *pl, const sg_figures *fig, const char *target)
{
	sg_value *r = sg_value_map();
	sg_value_put_str(r, "place", pl && pl->member ? pl->member->kommun->name : "Hela förbundet");
	if (fig && fig->participants >= 0) {
		char t[48];
		sg_ctx_put_take(r, "participants", sg_asprintf("%s%s%s", fig->participants_approx ? "ca " : "",
		                                               sg_format_sv((double)fig->participants, t),
		                                               fig->participants_per_year ? " per år" : ""));
	} else {
		sg_value_put_str(r, "participants", MISSING);
		sg_value_put_bool(r, "participants_missing", true);
	}
	sg_value_put_str(r, "target", target ? target : MISSING);
	sg_value_put_bool(r, "target_missing", !target);
	bool money = fig && fig->has_funds;
	put_amount(r, "forbund", money, money ? fig->funds.forbund : 0);
	put_amount(r, "cofunding", money, money ? fig->funds.cofunding : 0);
	put_amount(r, "esf", money, money ? fig->funds.esf : 0);
	put_amount(r, "total", money, money ? fig->funds.forbund + fig->funds.esf : 0);
	return r;
}

/* The insats with its rows for the year. */
static sg_value *insats_entry(const sg_insats *x, int year)
{
	sg_value *v = sg_value_map();
	sg_value_put_str(v, "title", x->title);
	sg_ctx_put_take(v, "url", sg_url_insats(x));
	sg_value_put_str(v, "summary", x->summary);
	sg_buf tg = SG_BUF_INIT;
	for (size_t i = 0; i < x->n_target_groups; i++)
		sg_buf_printf(&tg, "%s%s", i ? ", " : "", x->target_groups[i]);
	char *target = tg.len ? sg_buf_detach(&tg) : NULL;
	sg_value *rows = sg_value_list();
	for (size_t k = 0; k < x->n_places; k++) {
		const sg_figures *fig = sg_place_figures(x, &x->places[k], year);
		if (fig)
			sg_value_push(rows, place_row(&x->places[k], fig, target));
	}
	if (x->n_places == 0) /* no places given: the whole förbund, nothing planned in figures */
		sg_value_push(rows, place_row(NULL, NULL, target));
	free(target);
	sg_value_put(v, "rows", rows);
	return v;
}

/* The insatser of the förbund and year: by area (individinriktade first), then by
 * primary SUS category in the categories' order (those without one last). */
static sg_value *insats_groups(const sg_site *site, const sg_economy *e)
{
	static const struct {
		sg_area area;
		const char *name;
	} areas[] = {{SG_AREA_INDIVID, "Individinriktade insatser"}, {SG_AREA_STRUKTUR, "Strukturövergripande insatser"}};
	size_t ncat;
	const sg_category_info *cats = sg_categories(&ncat);
	sg_value *groups = sg_value_list();
	for (size_t a = 0; a < sizeof areas / sizeof *areas; a++) {
		sg_value *cl = sg_value_list();
		for (size_t k = 0; k <= ncat; k++) {
			sg_value *list = sg_value_list();
			size_t n = 0;
			for (size_t i = 0; i < site->n_insatser; i++) {
				const sg_insats *x = site->insatser[i];
				bool struktur = x->area == SG_AREA_STRUKTUR;
				if (x->forbund != e->forbund || !sg_insats_in_year(x, e->year) ||
				    struktur != (areas[a].area == SG_AREA_STRUKTUR))
					continue;
				const sg_category_info *c = x->n_categories ? sg_category_find(x->categories[0]) : NULL;
				if (k < ncat ? c != &cats[k] : c != NULL)
					continue;
				sg_value_push(list, insats_entry(x, e->year));
				n++;
			}
			if (!n) {
				sg_value_unref(list);
				continue;
			}
			sg_value *g = sg_value_map();
			sg_value_put_str(g, "category", k < ncat ? cats[k].name : "Utan SUS-kategori");
			sg_value_put(g, "insatser", list);
			sg_value_push(cl, g);
		}
		if (sg_value_count(cl) == 0) {
			sg_value_unref(cl);
			continue;
		}
		sg_value *g = sg_value_map();
		sg_value_put_str(g, "area", areas[a].name);
		sg_ctx_put_take(g, "id", sg_asprintf("insatser-%zu", a + 1));
		sg_value_put(g, "categories", cl);
		sg_value_push(groups, g);
	}
	return groups;
}

/* The body's HTML with an id on each <h2> ("avsnitt-1", …), and one TOC entry per
 * heading (its HTML, already escaped by the Markdown renderer) pushed to toc. */
static char *number_sections(const char *html, sg_value *toc)
{
	sg_buf out = SG_BUF_INIT;
	const char *p = html;
	int n = 0;
	for (const char *h; (h = strstr(p, "<h2>"));) {
		const char *end = strstr(h, "</h2>");
		if (!end)
			break;
		sg_buf_put(&out, p, (size_t)(h - p));
		n++;
		sg_buf_printf(&out, "<h2 id=\"avsnitt-%d\">", n);
		sg_value *t = sg_value_map();
		sg_ctx_put_take(t, "id", sg_asprintf("avsnitt-%d", n));
		sg_ctx_put_take(t, "html", sg_strndup(h + 4, (size_t)(end - h - 4)));
		sg_value_push(toc, t);
		p = h + 4;
	}
	sg_buf_puts(&out, p);
	return sg_buf_detach(&out);
}

/* s as the inside of a CSS string ("…"), safe inside a <style> element: quotes,
 * backslashes, '<', '>' and control characters as CSS escapes ("\\22 "); malloc'd. */
static char *css_string(const char *s)
{
	sg_buf b = SG_BUF_INIT;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p == '"' || *p == '\\' || *p == '<' || *p == '>' || *p == '&' || *p < 0x20 || *p == 0x7F)
			sg_buf_printf(&b, "\\%X ", *p);
		else
			sg_buf_putc(&b, (char)*p);
	return sg_buf_detach(&b);
}

sg_value *sg_ctx_vplan(const sg_contexts *c, const sg_economy *e)
{
	const sg_forbund *f = e->forbund;
	const sg_vplan *vp = sg_site_find_vplan(c->site, f, e->year);
	sg_value *v = sg_value_map();
	sg_value_put_str(v, "forbund_title", f->title);
	char *cls = sg_ctx_palette_class(f);
	if (cls)
		sg_ctx_put_take(v, "fb_class", cls);
	else
		sg_value_put_bool(v, "fb_class", false);
	sg_ctx_put_take(v, "forbund_url", sg_url_forbund(f));
	sg_value_put_num(v, "year", e->year);
	/* the print's running head (@page margin box): "<förbund> – Verksamhetsplan <år>" */
	char *running = sg_asprintf("%s \xE2\x80\x93 Verksamhetsplan %d", f->title, e->year);
	sg_ctx_put_take(v, "css_running", css_string(running));
	free(running);
	if (vp && vp->title)
		sg_value_put_str(v, "title", vp->title);
	else
		sg_ctx_put_take(v, "title", sg_asprintf("Verksamhetsplan med budget %d", e->year));
	if (vp && vp->adopted)
		sg_ctx_put_take(v, "adopted", sg_ctx_date_sv(vp->adopted));
	sg_value_put_str(v, "decision", vp ? vp->decision : NULL);
	sg_value *toc = sg_value_list();
	if (vp && !sg_markdown_is_empty(vp->body)) {
		sg_buf b = SG_BUF_INIT;
		sg_markdown_render(vp->body, &b);
		sg_ctx_put_take(v, "body_html", number_sections(sg_buf_cstr(&b), toc));
		sg_buf_free(&b);
	}
	sg_value_put(v, "sections", toc);
	sg_value *groups = insats_groups(c->site, e);
	sg_value_put_bool(v, "has_insatser", sg_value_count(groups) > 0);
	sg_value_put(v, "groups", groups);
	sg_value_put(v, "years", sg_ctx_economy_years(c, f));
	/* the PDF the board adopted, once an editor has put it among the documents (sofgen pdf) */
	for (size_t i = 0; i < c->site->n_dokument; i++) {
		const sg_dokument *d = c->site->dokument[i];
		size_t n = strlen(d->file);
		if (d->forbund == f && d->type == SG_DOC_VERKSAMHETSPLAN && d->year == e->year && n > 4 &&
		    strcmp(d->file + n - 4, ".pdf") == 0) {
			sg_ctx_put_take(v, "pdf_url", sg_url_dokument(d));
			sg_ctx_put_take(v, "pdf_size", sg_ctx_doc_size(d));
			break;
		}
	}
	return v;
}

sg_value *sg_ctx_vplan_links(const sg_contexts *c, const sg_forbund *f)
{
	sg_value *l = sg_value_list();
	for (size_t i = 0; i < c->plan->n_economies; i++) {
		const sg_economy *e = c->plan->economies[i];
		if (e->forbund != f || !sg_plan_has_vplan(c->site, e))
			continue;
		sg_value *y = sg_value_map();
		sg_value_put_num(y, "year", e->year);
		sg_ctx_put_take(y, "url", sg_url_verksamhetsplan(f, e->year));
		sg_value_push(l, y);
	}
	return l;
}
