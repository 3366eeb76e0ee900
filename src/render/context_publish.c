/* context_publish.c — template data for what a förbund publishes besides the
 * catalogue: informationsbrev, evenemang, dokument and forms (see context.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../markdown/markdown_mail.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/numfmt.h"
#include "context_internal.h"

static const char *const months[] = {"januari", "februari", "mars",      "april",   "maj",      "juni",
                                     "juli",    "augusti",  "september", "oktober", "november", "december"};

const char *sg_ctx_month_sv(int m) { return m >= 1 && m <= 12 ? months[m - 1] : ""; }

/* "15 januari 2008", "15 januari 2008 kl. 10.00", "januari 2008", "2008" */
char *sg_ctx_date_sv(const char *iso)
{
	int y, m, d, hh, mm;
	/* a month ("2008-01") or a year ("2007") where the content gives no day */
	if (iso && strlen(iso) == 7 && sscanf(iso, "%4d-%2d", &y, &m) == 2 && m >= 1 && m <= 12)
		return sg_asprintf("%s %d", months[m - 1], y);
	if (!iso || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12)
		return sg_strdup(iso ? iso : "");
	if (strlen(iso) >= 16 && sscanf(iso + 11, "%2d:%2d", &hh, &mm) == 2)
		return sg_asprintf("%d %s %d kl. %02d.%02d", d, months[m - 1], y, hh, mm);
	return sg_asprintf("%d %s %d", d, months[m - 1], y);
}

/* The site's scheme and host and path, without a final '/': for absolute links. */
static char *base_of(const sg_contexts *c) { return sg_url_absolute(c->site->info.base_url, ""); }

/* ---- newsletters ------------------------------------------------------------ */

static sg_value *news_card(const sg_nyhetsbrev *n)
{
	sg_value *v = sg_value_map();
	sg_value_put_str(v, "title", n->title);
	sg_ctx_put_take(v, "url", sg_url_nyhetsbrev(n));
	sg_value_put_str(v, "date", n->date);
	sg_ctx_put_take(v, "date_text", sg_ctx_date_sv(n->date));
	sg_value_put_str(v, "summary", n->summary);
	if (n->forbund) {
		sg_value_put_str(v, "forbund_title", n->forbund->title);
		sg_ctx_put_take(v, "forbund_url", sg_url_forbund(n->forbund));
	}
	return v;
}

static sg_value *news_by_year(const sg_contexts *c)
{
	sg_value *years = sg_value_list(), *cur = NULL;
	char year[5] = "";
	for (size_t i = 0; i < c->site->n_nyhetsbrev; i++) {
		const sg_nyhetsbrev *n = c->site->nyhetsbrev[i];
		if (!cur || strncmp(n->date, year, 4) != 0) {
			memcpy(year, n->date, 4);
			sg_value *y = sg_value_map();
			sg_value_put(y, "year", sg_value_string(year, 4));
			cur = sg_value_list();
			sg_value_put(y, "items", cur);
			sg_value_push(years, y);
		}
		sg_value_push(cur, news_card(n));
	}
	return years;
}

static void news_page(const sg_contexts *c, const sg_nyhetsbrev *n, sg_value *ctx, bool mail)
{
	sg_value *v = news_card(n);
	char *base = base_of(c);
	if (mail) {
		sg_buf b = SG_BUF_INIT;
		sg_markdown_render_mail_html(n->body, base, &b);
		sg_value_put(v, "body_mail_html", sg_value_string_take(sg_buf_detach(&b)));
		char *url = sg_url_nyhetsbrev(n);
		sg_ctx_put_take(v, "web_url", sg_asprintf("%s%s", base, url));
		free(url);
	} else {
		sg_ctx_put_image(c, v, n->image);
		sg_value_put(v, "body_html", sg_ctx_html(n->body));
		sg_ctx_put_take(v, "epost_url", sg_url_nyhetsbrev_epost(n));
		sg_ctx_put_take(v, "text_url", sg_url_nyhetsbrev_text(n));
	}
	sg_ctx_put_take(v, "base", base);
	sg_value_put(ctx, "nyhetsbrev", v);
}

/* ---- events ----------------------------------------------------------------- */

static sg_value *event_card(const sg_contexts *c, const sg_evenemang *e)
{
	sg_value *v = sg_value_map();
	sg_value_put_str(v, "title", e->title);
	sg_ctx_put_take(v, "url", sg_url_evenemang(e));
	sg_value_put_str(v, "start", e->start);
	sg_value_put_str(v, "end", e->end);
	char *from = sg_ctx_date_sv(e->start);
	if (e->end && strncmp(e->start, e->end, 10) == 0 && strlen(e->end) == 16)
		sg_ctx_put_take(v, "when", sg_asprintf("%s–%c%c.%c%c", from, e->end[11], e->end[12], e->end[14], e->end[15]));
	else if (e->end && strcmp(e->start, e->end) != 0) {
		char *to = sg_ctx_date_sv(e->end);
		sg_ctx_put_take(v, "when", sg_asprintf("%s – %s", from, to));
		free(to);
	} else
		sg_ctx_put_take(v, "when", sg_strdup(from));
	free(from);
	sg_value_put_str(v, "location", e->location);
	sg_value_put_str(v, "audience", e->audience);
	if (e->forbund) {
		sg_value_put_str(v, "forbund_title", e->forbund->title);
		sg_ctx_put_take(v, "forbund_url", sg_url_forbund(e->forbund));
	}
	sg_value_put_bool(v, "is_past", sg_plan_event_past(c->plan, e));
	return v;
}

static void event_page(const sg_contexts *c, const sg_evenemang *e, sg_value *ctx)
{
	sg_value *v = event_card(c, e);
	if (e->reg_url || e->reg_email) {
		sg_value *r = sg_value_map();
		sg_value_put_str(r, "url", e->reg_url);
		sg_value_put_str(r, "email", e->reg_email);
		if (e->reg_deadline)
			sg_ctx_put_take(r, "deadline", sg_ctx_date_sv(e->reg_deadline));
		sg_value_put(v, "registration", r);
	}
	sg_ctx_put_image(c, v, e->image);
	sg_value_put(v, "body_html", sg_ctx_html(e->body));
	sg_value_put(ctx, "evenemang", v);
}

static sg_value *event_lists(const sg_contexts *c, const sg_forbund *only, size_t max_upcoming)
{
	sg_value *up = sg_value_list(), *past = sg_value_list();
	size_t n_up = 0;
	for (size_t i = 0; i < c->site->n_evenemang; i++) {
		const sg_evenemang *e = c->site->evenemang[i];
		if (only && e->forbund != only)
			continue;
		if (!sg_plan_event_past(c->plan, e)) {
			if (n_up++ < max_upcoming)
				sg_value_push(up, event_card(c, e));
		}
	}
	for (size_t i = c->site->n_evenemang; i-- > 0;) { /* the archive: newest first */
		const sg_evenemang *e = c->site->evenemang[i];
		if ((!only || e->forbund == only) && sg_plan_event_past(c->plan, e))
			sg_value_push(past, event_card(c, e));
	}
	sg_value *v = sg_value_map();
	sg_value_put(v, "upcoming", up);
	sg_value_put(v, "past", past);
	return v;
}

/* ---- documents --------------------------------------------------------------- */

/* A file's size as Swedish readers (and GOV.UK's attachment pattern) expect it: "512 byte"
 * ("1 023 byte", with a no-break space, like every number on the site),
 * "2,4 kB" (one decimal below 10 kB), "245 kB", "1,2 MB" (one decimal), 1 kB = 1024 bytes;
 * rounded to the nearest, and 1023,6 kB is "1 MB", never "1024 kB". Malloc'd. */
static char *size_text(long long bytes)
{
	char num[48];
	if (bytes < 1024)
		return sg_asprintf("%s byte", sg_format_sv((double)bytes, num));
	long long tenths_kb = (bytes * 10 + 512) / 1024;
	if (tenths_kb < 100)
		return sg_asprintf("%s kB", sg_format_sv((double)tenths_kb / 10.0, num));
	long long kb = (bytes + 512) / 1024;
	if (kb < 1024)
		return sg_asprintf("%s kB", sg_format_sv((double)kb, num));
	long long tenths_mb = (bytes * 10 + 512 * 1024) / (1024 * 1024);
	return sg_asprintf("%s MB", sg_format_sv((double)tenths_mb / 10.0, num));
}

/* The document's type as a visitor knows it: "PDF" when its first bytes are a PDF's
 * (whatever its name says), else by its extension ("Word", "Excel", "OpenDocument-text",
 * "JPEG-bild" …), else the extension in capitals ("HTML"), or "fil" without one. Malloc'd. */
static char *format_of(const sg_dokument *d)
{
	static const char *const names[][2] = {
	    {"pdf", "PDF"},
	    {"doc", "Word"},
	    {"docx", "Word"},
	    {"xls", "Excel"},
	    {"xlsx", "Excel"},
	    {"ppt", "PowerPoint"},
	    {"pptx", "PowerPoint"},
	    {"odt", "OpenDocument-text"},
	    {"ods", "OpenDocument-kalkylblad"},
	    {"odp", "OpenDocument-presentation"},
	    {"rtf", "RTF"},
	    {"txt", "Text"},
	    {"csv", "CSV"},
	    {"png", "PNG-bild"},
	    {"jpg", "JPEG-bild"},
	    {"jpeg", "JPEG-bild"},
	    {"gif", "GIF-bild"},
	    {"webp", "WebP-bild"},
	};
	if (d->pdf)
		return sg_strdup("PDF");
	const char *dot = strrchr(d->file, '.');
	const char *ext = dot ? dot + 1 : "";
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(ext, names[i][0]) == 0)
			return sg_strdup(names[i][1]);
	sg_buf b = SG_BUF_INIT;
	for (const char *p = ext; *p; p++)
		sg_buf_putc(&b, (char)(*p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' : *p));
	if (!b.len)
		sg_buf_puts(&b, "fil");
	return sg_buf_detach(&b);
}

static sg_value *doc_groups(const sg_contexts *c, const sg_forbund *only)
{
	/* documents are sorted by förbund, type and year: group as we go */
	sg_value *groups = sg_value_list(), *g = NULL, *types = NULL, *items = NULL;
	const sg_forbund *gf = NULL;
	int gt = -1;
	bool first = true;
	for (size_t i = 0; i < c->site->n_dokument; i++) {
		const sg_dokument *d = c->site->dokument[i];
		if (only && d->forbund != only)
			continue;
		if (first || d->forbund != gf) {
			g = sg_value_map();
			sg_value_put_str(g, "forbund_title", d->forbund ? d->forbund->title : "Gemensamma dokument");
			/* its plan documents, made from the content (context_plan.c); none for common documents */
			sg_value_put(g, "verksamhetsplaner", d->forbund ? sg_ctx_vplan_links(c, d->forbund) : sg_value_list());
			types = sg_value_list();
			sg_value_put(g, "types", types);
			sg_value_push(groups, g);
			gf = d->forbund;
			gt = -1;
			first = false;
		}
		if ((int)d->type != gt) {
			sg_value *t = sg_value_map();
			sg_value_put_str(t, "type", sg_doc_type_name(d->type));
			items = sg_value_list();
			sg_value_put(t, "items", items);
			sg_value_push(types, t);
			gt = (int)d->type;
		}
		sg_value *it = sg_value_map();
		sg_value_put_str(it, "title", d->title);
		sg_ctx_put_take(it, "url", sg_url_dokument(d));
		if (d->year)
			sg_value_put_num(it, "year", d->year);
		sg_ctx_put_take(it, "size", size_text(d->size));
		sg_ctx_put_take(it, "format", format_of(d));
		sg_value_push(items, it);
	}
	return groups;
}

/* ---- forms -------------------------------------------------------------------- */

static const char *const input_types[] = {"text", "textarea", "text", "date", "email", "tel", "select", "radio",
                                          "checkbox"};

static sg_value *field_value(const sg_form_field *x)
{
	sg_value *v = sg_value_map();
	sg_value_put_str(v, "name", x->name);
	sg_ctx_put_take(v, "id", sg_asprintf("f-%s", x->name));
	sg_value_put_str(v, "label", x->label);
	/* every key a field template asks for is set, even when empty: Mustache would
	 * otherwise find the section's key of the same name (its help, say) */
	if (x->help) {
		sg_value_put_str(v, "help", x->help);
		sg_ctx_put_take(v, "help_id", sg_asprintf("f-%s-hint", x->name));
	} else {
		sg_value_put(v, "help", sg_value_null());
		sg_value_put(v, "help_id", sg_value_null());
	}
	static const char *const all_flags[] = {"is_input", "is_textarea", "is_select", "is_radio", "is_checkbox",
	                                        "is_personnummer", "single", "pattern", "autocomplete"};
	for (size_t i = 0; i < sizeof all_flags / sizeof *all_flags; i++)
		sg_value_put(v, all_flags[i], sg_value_null());
	sg_value_put_bool(v, "required", x->required);
	sg_value_put_str(v, "input_type", input_types[x->type]);
	static const char *const flags[] = {"is_input", "is_textarea", "is_input", "is_input", "is_input",
	                                    "is_input", "is_select",   "is_radio", "is_checkbox"};
	sg_value_put_bool(v, flags[x->type], true);
	if (x->type == SG_FIELD_PERSONNUMMER) {
		sg_value_put_bool(v, "is_personnummer", true);
		sg_value_put_str(v, "pattern", "[0-9]{6,8}[-+]?[0-9]{4}");
		sg_value_put_str(v, "autocomplete", "off");
	}
	if (x->type == SG_FIELD_EMAIL)
		sg_value_put_str(v, "autocomplete", "email");
	if (x->type == SG_FIELD_TEL)
		sg_value_put_str(v, "autocomplete", "tel");
	if (x->type == SG_FIELD_CHECKBOX && x->n_options == 0)
		sg_value_put_bool(v, "single", true);
	sg_value *opts = sg_value_list();
	for (size_t i = 0; i < x->n_options; i++) {
		sg_value *o = sg_value_map();
		sg_value_put_str(o, "label", x->options[i]);
		sg_ctx_put_take(o, "id", sg_asprintf("f-%s-%zu", x->name, i + 1));
		/* the field's name on each option: an option never reads its field's fields
		 * (a list item's missing field is never taken from an outer item) */
		sg_value_put_str(o, "name", x->name);
		sg_value_push(opts, o);
	}
	sg_value_put(v, "options", opts);
	return v;
}

sg_value *sg_ctx_form(const sg_contexts *c, const sg_blankett *b)
{
	sg_value *v = sg_value_map();
	sg_value_put_str(v, "title", b->title);
	if (b->intro)
		sg_value_put(v, "intro_html", sg_ctx_html(b->intro));
	if (b->consent)
		sg_value_put(v, "consent_html", sg_ctx_html(b->consent));
	sg_value *secs = sg_value_list();
	for (size_t s = 0; s < b->n_sections; s++) {
		sg_value *sv = sg_value_map();
		sg_value_put_str(sv, "title", b->sections[s].title);
		sg_value_put_str(sv, "help", b->sections[s].help);
		sg_value *fl = sg_value_list();
		for (size_t k = 0; k < b->sections[s].n_fields; k++)
			sg_value_push(fl, field_value(&b->sections[s].fields[k]));
		sg_value_put(sv, "fields", fl);
		sg_value_push(secs, sv);
	}
	sg_value_put(v, "sections", secs);
	/* never GET, never mailto: either print, or POST over https */
	if (c->site->info.forms_action)
		sg_value_put_str(v, "action", c->site->info.forms_action);
	else
		sg_value_put_bool(v, "print", true);
	/* where the signed printed form goes (required for a printed form: blankett.c) */
	sg_value_put(v, "send_to", b->send_to ? sg_value_cstring(b->send_to) : sg_value_null());
	return v;
}

/* The form of a page: the shared part (built once, in sg_contexts_new), and for a
 * referral page the insats it refers to. */
static sg_value *form_value(const sg_contexts *c, const sg_blankett *b, const sg_insats *x)
{
	size_t f = 0;
	while (f < c->site->n_blanketter && c->site->blanketter[f] != b)
		f++;
	sg_value *shared = f < c->site->n_blanketter ? sg_value_ref(c->forms[f]) : sg_ctx_form(c, b);
	if (!x)
		return shared;
	sg_value *v = sg_value_map();
	for (size_t k = 0; k < sg_value_count(shared); k++)
		sg_value_put(v, sg_value_key(shared, k), sg_value_ref(sg_value_item(shared, k)));
	sg_value_unref(shared);
	sg_value *ins = sg_value_map();
	sg_value_put_str(ins, "title", x->title);
	sg_ctx_put_take(ins, "url", sg_url_insats(x));
	sg_value_put_str(ins, "forbund_title", x->forbund->title);
	sg_value_put_str(ins, "address", x->forbund->contact.address);
	sg_value_put_str(ins, "forbund_contact_name", x->forbund->contact.name);
	/* the kommuner it can be used from: its places, or every member */
	sg_value *kl = sg_value_list();
	size_t n = 0;
	for (size_t i = 0; i < x->n_places; i++)
		if (x->places[i].member) {
			sg_value *k = sg_value_map();
			sg_value_put_str(k, "name", x->places[i].member->kommun->name);
			sg_value_push(kl, k);
			n++;
		}
	if (n == 0)
		for (size_t i = 0; i < x->forbund->n_members; i++) {
			sg_value *k = sg_value_map();
			sg_value_put_str(k, "name", x->forbund->members[i].name);
			sg_value_push(kl, k);
			n++;
		}
	if (n == 1)
		sg_value_put_bool(sg_value_item(kl, 0), "selected", true);
	sg_value_put_bool(ins, "choose_kommun", n > 1);
	sg_value_put(ins, "kommuner", kl);
	sg_value_put(v, "insats", ins);
	return v;
}

/* ---- the accessibility statement ------------------------------------------------- */

static sg_value *accessibility_value(const sg_contexts *c, const sg_a11y *a)
{
	sg_value *v = sg_value_map();
	sg_value_put_str(v, "organisation", a->organisation ? a->organisation : c->site->info.title);
	static const char *const keys[] = {"unknown", "helt", "delvis", "inte"};
	sg_value_put_bool(v, keys[a->status], true);
	sg_value *gaps = sg_value_list();
	for (size_t i = 0; i < a->n_gaps; i++) {
		sg_value *g = sg_value_map();
		sg_value_put_str(g, "problem", a->gaps[i].problem);
		sg_value_put(g, "reason", a->gaps[i].reason ? sg_value_cstring(a->gaps[i].reason) : sg_value_null());
		sg_value_put(g, "fix", a->gaps[i].fix ? sg_value_cstring(a->gaps[i].fix) : sg_value_null());
		sg_value_push(gaps, g);
	}
	sg_value_put(v, "gaps", gaps);
	if (a->assessed)
		sg_ctx_put_take(v, "assessed", sg_ctx_date_sv(a->assessed));
	if (a->updated || a->assessed)
		sg_ctx_put_take(v, "updated", sg_ctx_date_sv(a->updated ? a->updated : a->assessed));
	sg_value_put_str(v, "method", a->method);
	sg_value_put_str(v, "response_time", a->response_time);
	if (a->contact_email || a->contact_phone || a->contact_url) {
		sg_value *k = sg_value_map();
		sg_value_put_str(k, "email", a->contact_email);
		sg_value_put_str(k, "phone", a->contact_phone);
		if (a->contact_url)
			sg_ctx_put_take(k, "url", a->contact_url[0] == '/' ? sg_asprintf("%s%s", c->site->info.root, a->contact_url)
			                                                 : sg_strdup(a->contact_url));
		sg_value_put(v, "contact", k);
	}
	return v;
}

/* "Behandling av personuppgifter": site.yaml's privacy: and what sofgen itself knows to
 * be true of the site (no cookies, no statistics, nothing from other sites; how the
 * forms travel). The controller defaults to the only förbund of a one-förbund site. */
static sg_value *privacy_value(const sg_contexts *c)
{
	const sg_site *site = c->site;
	const sg_privacy *p = &site->info.privacy;
	sg_value *v = sg_value_map();
	const char *controller = p->controller ? p->controller : site->n_forbund == 1 ? site->forbund[0]->title : NULL;
	if (controller)
		sg_value_put_str(v, "controller", controller);
	else
		sg_value_put_bool(v, "controller", false);
	sg_value_put(v, "contact", sg_ctx_contact(&p->contact));
	sg_value_put(v, "dpo", sg_ctx_contact(&p->dpo));
	if (p->retention)
		sg_value_put_str(v, "retention", p->retention);
	else
		sg_value_put_bool(v, "retention", false);
	if (p->server_logs)
		sg_value_put_str(v, "server_logs", p->server_logs);
	else
		sg_value_put_bool(v, "server_logs", false);
	if (p->updated)
		sg_ctx_put_take(v, "updated_text", sg_ctx_date_sv(p->updated));
	else
		sg_value_put_bool(v, "updated_text", false);
	sg_value_put_bool(v, "has_forms", site->n_blanketter > 0);
	if (site->info.forms_action)
		sg_value_put_str(v, "forms_action", site->info.forms_action);
	else
		sg_value_put_bool(v, "forms_action", false);
	return v;
}

/* ---- the hooks -------------------------------------------------------------------- */

bool sg_ctx_publication_page(sg_contexts *c, const sg_page *page, sg_value *ctx, sg_value *pg)
{
	switch (page->kind) {
	case SG_PAGE_NYHETSBREV_LISTA:
		sg_value_put_str(pg, "title", "Informationsbrev");
		sg_value_put(ctx, "nyhetsbrev_lista", news_by_year(c));
		return true;
	case SG_PAGE_NYHETSBREV:
	case SG_PAGE_NYHETSBREV_EPOST: {
		const sg_nyhetsbrev *n = page->subject.nyhetsbrev;
		sg_value_put_str(pg, "title", n->title);
		if (n->summary)
			sg_value_put_str(pg, "description", n->summary);
		news_page(c, n, ctx, page->kind == SG_PAGE_NYHETSBREV_EPOST);
		return true;
	}
	case SG_PAGE_EVENEMANG_LISTA:
		sg_value_put_str(pg, "title", "Evenemang");
		sg_value_put(ctx, "evenemang_lista", event_lists(c, NULL, (size_t)-1));
		return true;
	case SG_PAGE_EVENEMANG: {
		const sg_evenemang *e = page->subject.evenemang;
		sg_value_put_str(pg, "title", e->title);
		event_page(c, e, ctx);
		/* this event alone, for a calendar (write/publications.c) */
		sg_ctx_put_take((sg_value *)sg_value_get(ctx, "evenemang"), "ics_url", sg_url_evenemang_ics(e));
		return true;
	}
	case SG_PAGE_DOKUMENT:
		sg_value_put_str(pg, "title", "Dokument");
		sg_value_put(ctx, "dokument", doc_groups(c, NULL));
		return true;
	case SG_PAGE_BLANKETT: {
		const sg_blankett *b = page->subject.blankett;
		sg_value_put_str(pg, "title", b->title);
		sg_value_put(ctx, "blankett", form_value(c, b, NULL));
		return true;
	}
	case SG_PAGE_REMISS: {
		const sg_insats *x = page->subject.insats;
		char *t = sg_asprintf("%s – %s", x->referral.blankett->title, x->title);
		sg_ctx_put_take(pg, "title", t);
		sg_value_put(ctx, "blankett", form_value(c, x->referral.blankett, x));
		return true;
	}
	case SG_PAGE_SOK:
		sg_value_put_str(pg, "title", "Sök insatser");
		return true;
	case SG_PAGE_PERSONUPPGIFTER:
		sg_value_put_str(pg, "title", "Behandling av personuppgifter");
		sg_value_put(ctx, "personuppgifter", privacy_value(c));
		return true;
	case SG_PAGE_TILLGANGLIGHET:
		sg_value_put_str(pg, "title", "Tillgänglighetsredogörelse");
		sg_value_put(ctx, "tillganglighet", accessibility_value(c, page->subject.accessibility));
		return true;
	default:
		return false;
	}
}

void sg_ctx_publications_site(const sg_contexts *c, sg_value *site)
{
	const sg_site *s = c->site;
	sg_value_put_bool(site, "has_nyhetsbrev", s->n_nyhetsbrev > 0);
	sg_value_put_bool(site, "has_evenemang", s->n_evenemang > 0);
	sg_value_put_bool(site, "has_dokument", s->n_dokument > 0);
	sg_value *latest = sg_value_list();
	for (size_t i = 0; i < s->n_nyhetsbrev && i < 3; i++)
		sg_value_push(latest, news_card(s->nyhetsbrev[i]));
	sg_value_put(site, "latest_nyhetsbrev", latest);
	sg_value *ev = event_lists(c, NULL, 3);
	sg_value_put(site, "upcoming_evenemang", sg_value_ref(sg_value_get(ev, "upcoming")));
	sg_value_unref(ev);
	sg_value *forms = sg_value_list();
	for (size_t i = 0; i < s->n_blanketter; i++) {
		sg_value *f = sg_value_map();
		sg_value_put_str(f, "title", s->blanketter[i]->title);
		sg_ctx_put_take(f, "url", sg_url_blankett(s->blanketter[i]));
		sg_value_push(forms, f);
	}
	sg_value_put(site, "blanketter", forms);
}

void sg_ctx_publications_forbund(const sg_contexts *c, const sg_forbund *f, sg_value *v)
{
	sg_value *news = sg_value_list();
	for (size_t i = 0; i < c->site->n_nyhetsbrev; i++)
		if (c->site->nyhetsbrev[i]->forbund == f)
			sg_value_push(news, news_card(c->site->nyhetsbrev[i]));
	sg_value_put(v, "nyhetsbrev", news);
	sg_ctx_put_take(v, "feed_url", sg_url_nyhetsbrev_feed(f));
	sg_ctx_put_take(v, "ics_url", sg_url_kalender(f));
	sg_value_put(v, "evenemang", event_lists(c, f, (size_t)-1));
	sg_value_put(v, "dokument", doc_groups(c, f));
	if (f->default_form)
		sg_ctx_put_take(v, "blankett_url", sg_url_blankett(f->default_form));
}

char *sg_ctx_doc_meta(const sg_dokument *d)
{
	char *format = format_of(d), *size = size_text(d->size);
	char *s = sg_asprintf("%s, %s", format, size);
	free(format), free(size);
	return s;
}

char *sg_ctx_doc_size(const sg_dokument *d)
{
	return size_text(d->size);
}
