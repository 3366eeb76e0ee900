/* build.c — sources → validated site model (see model.h). One builder per content
 * type, then the cross-file checks: förbund of each insats, kommun membership of
 * each place, category against area, duplicate slugs. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/address.h"
#include "../util/alloc.h"
#include "../util/parallel.h"
#include "../util/slug.h"
#include "../util/suggest.h"
#include "../util/utf8.h"
#include "budget.h"
#include "builders.h"
#include "fields.h"
#include "model.h"
#include "open_data.h"
#include "refs.h"

#define SUMMARY_MAX 200

static sg_fields fields_for(const sg_source *src, sg_diags *d)
{
	return (sg_fields){src->path, d, src->kind == SG_SRC_SITE ? 1 : 2};
}

void sg_push_ptr(void ***arr, size_t *n, void *p)
{
	if ((*n & (*n - 1)) == 0) /* grow at powers of two */
		*arr = sg_realloc(*arr, (*n ? *n * 2 : 1) * sizeof **arr);
	(*arr)[(*n)++] = p;
}
#define PUSH SG_PUSH

/* ---- site.yaml ---------------------------------------------------------- */

static void build_accessibility(sg_a11y *a, const sg_fields *f, const sg_value *meta)
{
	const sg_value *m = sg_field_map(f, meta, "accessibility");
	if (!m) {
		sg_warning(f->d, f->file, 1, 1,
		           "no 'accessibility:' block: public sector sites must publish a tillgänglighetsredogörelse "
		           "(lag 2018:1937); the page says the site has not been assessed yet");
		return;
	}
	static const char *const keys[] = {"organisation", "status", "gaps", "assessed", "updated", "method",
	                                   "contact", "response_time", NULL};
	sg_fields_check_keys(f, m, keys, "accessibility");
	sg_fields at = *f;
	at.line = sg_fields_line(f, m);
	a->organisation = sg_field_text(&at, m, "organisation", false, NULL);
	static const char *const statuses[] = {"helt", "delvis", "inte", NULL};
	int st = sg_field_choice(&at, m, "status", statuses);
	a->status = st < 0 ? SG_A11Y_UNKNOWN : (sg_a11y_status)(st + 1);
	if (!sg_value_get(m, "status"))
		sg_error(f->d, f->file, at.line, 1,
		         "accessibility: missing 'status': helt, delvis or inte (förenlig med lagen)");
	a->assessed = sg_field_date(&at, m, "assessed");
	if (!sg_value_get(m, "assessed"))
		sg_error(f->d, f->file, at.line, 1, "accessibility: missing 'assessed': the date the site was assessed");
	a->updated = sg_field_date(&at, m, "updated");
	a->method = sg_field_text(&at, m, "method", true, "how the site was assessed, e.g. 'självskattning med …'");
	a->response_time = sg_field_text(&at, m, "response_time", false, NULL);
	const sg_value *c = sg_field_map(&at, m, "contact");
	if (c) {
		static const char *const ckeys[] = {"email", "phone", "url", NULL};
		sg_fields_check_keys(&at, c, ckeys, "accessibility contact");
		a->contact_email = sg_field_email(&at, c, "email");
		a->contact_phone = sg_field_phone(&at, c, "phone", NULL);
		a->contact_url = sg_field_text(&at, c, "url", false, NULL);
		const sg_value *v = sg_value_get(c, "url");
		if (a->contact_url && !sg_url_is_safe(a->contact_url)) {
			sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
			         "accessibility contact 'url' must start with https:// or /");
			free(a->contact_url);
			a->contact_url = NULL;
		} else if (a->contact_url &&
		           (strncasecmp(a->contact_url, "mailto:", 7) == 0 || strncasecmp(a->contact_url, "tel:", 4) == 0)) {
			/* so that the address or number is checked like any other */
			sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
			         "accessibility contact 'url' is for a web page; write an e-mail address as 'email: namn@exempel.se' "
			         "and a phone number as 'phone: 033-12 34 56'");
			free(a->contact_url);
			a->contact_url = NULL;
		}
	}
	/* one that is there but wrong has its own error */
	if (!sg_value_get(c, "email") && !sg_value_get(c, "phone") && !sg_value_get(c, "url"))
		sg_error(f->d, f->file, at.line, 1,
		         "accessibility: missing 'contact': {email, phone or url} where people report accessibility problems");
	const sg_value *gaps = sg_field_list(&at, m, "gaps");
	size_t n = sg_value_count(gaps);
	a->gaps = sg_calloc(n ? n : 1, sizeof *a->gaps);
	for (size_t i = 0; i < n; i++) {
		static const char *const gkeys[] = {"problem", "reason", "fix", NULL};
		sg_fields gf;
		const sg_value *g = sg_fields_item_map(&at, gaps, i, "a gap", "{problem: …, reason: …, fix: …}", gkeys, &gf);
		if (!g)
			continue;
		sg_a11y_gap *x = &a->gaps[a->n_gaps];
		x->problem = sg_field_text(&gf, g, "problem", true, "what does not work, and for whom");
		x->reason = sg_field_text(&gf, g, "reason", false, NULL);
		x->fix = sg_field_text(&gf, g, "fix", false, NULL);
		if (x->problem)
			a->n_gaps++;
		else
			free(x->reason), free(x->fix);
	}
	if ((a->status == SG_A11Y_DELVIS || a->status == SG_A11Y_INTE) && a->n_gaps == 0)
		sg_warning(f->d, f->file, at.line, 1,
		           "accessibility: status '%s' but no 'gaps': list what is not accessible, and why",
		           statuses[a->status - 1]);
}

static void free_accessibility(sg_a11y *a)
{
	free(a->organisation), free(a->assessed), free(a->updated), free(a->method), free(a->response_time);
	free(a->contact_email), free(a->contact_phone), free(a->contact_url);
	for (size_t i = 0; i < a->n_gaps; i++)
		free(a->gaps[i].problem), free(a->gaps[i].reason), free(a->gaps[i].fix);
	free(a->gaps);
}

static void build_info(sg_site *site, const sg_source *src, sg_diags *d)
{
	sg_fields f = fields_for(src, d);
	static const char *const keys[] = {"title", "base_url", "language", "region", "description",
	                                   "allow_raw_html", "allow_document_types", "forms", "accessibility", "open_data", NULL};
	sg_fields_check_keys(&f, src->meta, keys, "site.yaml");
	sg_site_info *in = &site->info;
	in->title = sg_field_text(&f, src->meta, "title", true, "the name of the site");
	in->base_url = sg_field_text(&f, src->meta, "base_url", true, "the site's address, e.g. https://example.se/");
	if (in->base_url) {
		/* it goes into robots.txt, the sitemap, feeds and every canonical link */
		sg_buf problems = SG_BUF_INIT;
		char *base = sg_base_url_parse(in->base_url, &problems);
		const sg_value *v = sg_value_get(src->meta, "base_url");
		for (char *line = problems.ptr, *nl; line && (nl = strchr(line, '\n')); line = nl + 1) {
			*nl = '\0';
			sg_error(d, src->path, sg_fields_line(&f, v), sg_fields_col(v), "%s", line);
		}
		sg_buf_free(&problems);
		free(in->base_url);
		in->base_url = base;
	}
	in->language = sg_field_text(&f, src->meta, "language", false, NULL);
	if (!in->language)
		in->language = sg_strdup("sv");
	in->region = sg_field_text(&f, src->meta, "region", false, NULL);
	in->description = sg_field_text(&f, src->meta, "description", false, NULL);
	in->allow_raw_html = sg_field_bool(&f, src->meta, "allow_raw_html", false);
	in->allow_document_types = sg_field_text_list(&f, src->meta, "allow_document_types", &in->n_allow_document_types);
	for (size_t i = 0; i < in->n_allow_document_types; i++) {
		const char *t = in->allow_document_types[i];
		if (*t && strspn(t, "abcdefghijklmnopqrstuvwxyz0123456789") == strlen(t))
			continue;
		const sg_value *v = sg_value_get(src->meta, "allow_document_types");
		sg_error(d, src->path, sg_fields_line(&f, v), sg_fields_col(v),
		         "'allow_document_types' lists file extensions, lowercase and without a dot, e.g. "
		         "allow_document_types: [html], not '%s'", t);
	}
	build_accessibility(&in->accessibility, &f, src->meta);
	sg_open_data_read(&in->open_data, &f, src->meta);
	const sg_value *forms = sg_field_map(&f, src->meta, "forms");
	if (forms) {
		static const char *const fkeys[] = {"action", "method", NULL};
		sg_fields_check_keys(&f, forms, fkeys, "forms");
		char *action = sg_field_text(&f, forms, "action", false, NULL);
		char *method = sg_field_text(&f, forms, "method", false, NULL);
		const sg_value *av = sg_value_get(forms, "action");
		if (action && strncmp(action, "https://", 8) != 0) {
			sg_error(d, src->path, sg_fields_line(&f, av), sg_fields_col(av),
			         "forms: 'action' must be an https:// address (personal data is never sent unencrypted, "
			         "by e-mail or in a URL); leave it out to make forms that are printed and signed");
			free(action);
			action = NULL;
		}
		if (method && strcasecmp(method, "post") != 0) {
			const sg_value *mv = sg_value_get(forms, "method");
			sg_error(d, src->path, sg_fields_line(&f, mv), sg_fields_col(mv),
			         "forms: 'method' can only be post: with get, personal data would end up in web addresses");
		}
		free(method);
		in->forms_action = action;
	}
}

/* ---- kommuner ----------------------------------------------------------- */

/* Two names that differ in more than case but have one web address: never merged */
static void slug_collision(const sg_fields *f, const sg_value *v, const char *name, const char *other,
                           const char *other_path, int other_line, const char *slug)
{
	char *where = other_path ? sg_asprintf(" (%s:%d)", other_path, other_line) : sg_strdup("");
	sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
	         "'%s' and '%s'%s are two names with the same web address, /kommun/%s/; if they are the same kommun, "
	         "write its name the same way everywhere (two kommuner whose names differ only in å, ä, ö or accents "
	         "cannot be on one site)",
	         name, other, where, slug);
	free(where);
}

/* The site-wide kommun with this name (made on first use); NULL after an error when
 * another kommun's name has the same slug. */
static sg_kommun *kommun_for(sg_site *site, const char *name, const sg_fields *f, const sg_value *v)
{
	char *slug = sg_slugify(name);
	for (size_t i = 0; i < site->n_kommuner; i++)
		if (strcmp(site->kommuner[i]->slug, slug) == 0) {
			sg_kommun *k = site->kommuner[i];
			if (!sg_same_name(k->name, name)) {
				slug_collision(f, v, name, k->name, k->path, k->line, slug);
				k = NULL;
			}
			free(slug);
			return k;
		}
	sg_kommun *k = sg_calloc(1, sizeof *k);
	k->slug = slug;
	k->name = sg_strdup(name);
	k->path = f->file;
	k->line = sg_fields_line(f, v);
	PUSH(site->kommuner, site->n_kommuner, k);
	return k;
}

/* ---- förbund ------------------------------------------------------------ */

static void build_member(sg_site *site, sg_forbund *fb, const sg_fields *f, const sg_value *item)
{
	sg_member *m = &fb->members[fb->n_members];
	memset(m, 0, sizeof *m);
	if (sg_value_kind_of(item) == SG_VAL_STRING) {
		m->name = sg_strdup(sg_value_as_string(item, NULL));
	} else if (sg_value_kind_of(item) == SG_VAL_MAP) {
		static const char *const keys[] = {"name", "code", "contact", NULL};
		sg_fields_check_keys(f, item, keys, "a member");
		sg_fields at = *f;
		at.line = sg_fields_line(f, item);
		m->name = sg_field_text(&at, item, "name", true, "each member needs the kommun's name, e.g. 'name: Borås'");
		m->code = sg_field_text(&at, item, "code", false, NULL);
		if (m->code && (strlen(m->code) != 4 || strspn(m->code, "0123456789") != 4)) {
			const sg_value *v = sg_value_get(item, "code");
			sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
			         "'code' must be the four-digit SCB kommunkod in quotes, e.g. code: \"1490\"");
		}
		sg_field_contact(&at, item, "contact", &m->contact, false);
	} else {
		sg_error(f->d, f->file, sg_fields_line(f, item), sg_fields_col(item),
		         "each member must be '{name: …, code: …}' or a kommun name");
		return;
	}
	if (!m->name) { /* the member is left out: free what was read besides */
		sg_contact_clear(&m->contact);
		free(m->code);
		return;
	}
	const sg_value *name_v = sg_value_kind_of(item) == SG_VAL_MAP ? sg_value_get(item, "name") : item;
	sg_field_name_visible(f, name_v, m->name, "kommun name");
	char *slug = sg_slugify(m->name);
	if (!*slug) { /* e.g. '..': the kommun's page needs a web address */
		const sg_value *v = name_v;
		sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
		         "the member '%s' has no letters to make a web address from; write the kommun's name, e.g. 'name: Borås'",
		         m->name);
		free(slug);
		free(m->name);
		sg_contact_clear(&m->contact);
		free(m->code);
		return;
	}
	for (size_t i = 0; i < fb->n_members; i++) {
		char *other = sg_slugify(fb->members[i].name);
		bool same = strcmp(other, slug) == 0;
		free(other);
		if (same) {
			if (sg_same_name(fb->members[i].name, m->name))
				sg_error(f->d, f->file, sg_fields_line(f, item), sg_fields_col(item), "the member '%s' is listed twice",
				         m->name);
			else
				slug_collision(f, name_v, m->name, fb->members[i].name, NULL, 0, slug);
			free(slug);
			free(m->name);
			sg_contact_clear(&m->contact);
			free(m->code);
			return;
		}
	}
	m->kommun = kommun_for(site, m->name, f, name_v);
	free(slug);
	if (!m->kommun) {
		free(m->name);
		sg_contact_clear(&m->contact);
		free(m->code);
		return;
	}
	m->forbund = fb;
	fb->n_members++;
}

static void build_forbund(sg_site *site, const sg_source *src, sg_diags *d)
{
	sg_fields f = fields_for(src, d);
	static const char *const keys[] = {"title", "orgnr", "members", "parties", "contact", "budget", "default_form",
	                                   NULL};
	sg_fields_check_keys(&f, src->meta, keys, "a förbund");
	sg_forbund *fb = sg_calloc(1, sizeof *fb);
	fb->slug = sg_strdup(src->slug);
	fb->path = src->path;
	fb->title = sg_field_text(&f, src->meta, "title", true, "the förbund's full name");
	if (!fb->title)
		fb->title = sg_strdup(src->slug);
	fb->sort_key = sg_collate_key(fb->title);
	fb->orgnr = sg_field_text(&f, src->meta, "orgnr", false, NULL);
	const sg_value *members = sg_field_list(&f, src->meta, "members");
	size_t n = sg_value_count(members);
	fb->members = sg_calloc(n ? n : 1, sizeof *fb->members);
	for (size_t i = 0; i < n; i++)
		build_member(site, fb, &f, sg_value_item(members, i));
	if (fb->n_members == 0)
		sg_error(d, src->path, f.line, 1, "missing 'members': list the member kommuner, e.g. members: [{name: Borås, code: \"1490\"}]");
	fb->parties = sg_field_text_list(&f, src->meta, "parties", &fb->n_parties);
	sg_field_contact(&f, src->meta, "contact", &fb->contact, true);
	sg_budgets_read(&f, src->meta, &fb->budgets, &fb->n_budgets);
	fb->default_form_slug = sg_field_text(&f, src->meta, "default_form", false, NULL);
	if (fb->default_form_slug) {
		const sg_value *v = sg_value_get(src->meta, "default_form");
		fb->default_form_line = sg_fields_line(&f, v);
		fb->default_form_col = sg_fields_col(v);
	}
	fb->body = sg_markdown_parse(src->body, src->body_len, src->path, src->body_line, &site->info.markdown, d);
	PUSH(site->forbund, site->n_forbund, fb);
}

sg_forbund *sg_site_find_forbund(const sg_site *site, const char *slug)
{
	for (size_t i = 0; i < site->n_forbund; i++)
		if (strcmp(site->forbund[i]->slug, slug) == 0)
			return site->forbund[i];
	return NULL;
}

/* ---- insatser ----------------------------------------------------------- */

static const char *const insats_keys[] = {"title", "forbund", "year", "area", "category", "summary",
                                          "target_groups", "age", "duration", "provider", "contact", "places",
                                          "referral", "status", "start", "end", "draft", NULL};

static sg_member *find_member(const sg_forbund *fb, const char *name)
{
	char *slug = sg_slugify(name);
	sg_member *found = NULL;
	for (size_t i = 0; i < fb->n_members && !found; i++)
		if (strcmp(fb->members[i].kommun->slug, slug) == 0)
			found = &fb->members[i];
	free(slug);
	return found;
}

static void build_places(sg_insats *x, const sg_fields *f, const sg_value *list)
{
	size_t n = sg_value_count(list);
	x->places = sg_calloc(n ? n : 1, sizeof *x->places);
	for (size_t i = 0; i < n; i++) {
		static const char *const keys[] = {"municipality", "participants", "funds", NULL};
		sg_fields at;
		const sg_value *p = sg_fields_item_map(f, list, i, "a place",
		                                       "{municipality: …, participants: …, funds: {forbund: …}}", keys, &at);
		if (!p)
			continue;
		sg_place *pl = &x->places[x->n_places];
		memset(pl, 0, sizeof *pl);
		pl->line = sg_fields_line(f, p);
		pl->col = sg_fields_col(p);
		char *name = sg_field_text(f, p, "municipality", false, NULL);
		if (name && !sg_field_name_visible(f, sg_value_get(p, "municipality"), name, "kommun name")) {
			free(name);
			continue;
		}
		if (name && x->forbund) {
			pl->member = find_member(x->forbund, name);
			if (!pl->member) {
				const char **names = sg_malloc((x->forbund->n_members + 1) * sizeof *names);
				sg_buf all = SG_BUF_INIT;
				for (size_t k = 0; k < x->forbund->n_members; k++) {
					names[k] = x->forbund->members[k].name;
					sg_buf_printf(&all, "%s%s", k ? ", " : "", names[k]);
				}
				const char *close = sg_closest(name, names, x->forbund->n_members);
				const sg_value *v = sg_value_get(p, "municipality");
				if (close)
					sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
					         "'%s' is not a member kommun of %s; did you mean '%s'?", name, x->forbund->title, close);
				else
					sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
					         "'%s' is not a member kommun of %s (members: %s); leave out 'municipality' for the whole förbund",
					         name, x->forbund->title, sg_buf_cstr(&all));
				sg_buf_free(&all);
				free(names);
				free(name);
				continue;
			}
			for (size_t k = 0; k < x->n_places; k++)
				if (x->places[k].member == pl->member) {
					const sg_value *v = sg_value_get(p, "municipality");
					sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
					         "%s has two places in this insats; put its participants and funds in one", name);
				}
		}
		free(name);
		pl->participants = sg_field_int(f, p, "participants", -1, 0, 1000000);
		const sg_value *funds = sg_field_map(f, p, "funds");
		if (funds) {
			static const char *const fkeys[] = {"forbund", "cofunding", "esf", NULL};
			/* {forbund: 12,5} reads as forbund: 12 and a key "5": catch it */
			bool comma = false;
			for (size_t k = 0; k < sg_value_count(funds); k++) {
				const char *key = sg_value_key(funds, k);
				if (*key && strspn(key, "0123456789") == strlen(key)) {
					const sg_value *kv = sg_value_item(funds, k);
					sg_error(f->d, f->file, sg_fields_line(f, kv), sg_fields_col(kv),
					         "',%s' looks like the decimals of the amount before it: inside { } a comma separates "
					         "entries; write amounts with a decimal point, e.g. 12.5",
					         key);
					comma = true;
				}
			}
			if (!comma)
				sg_fields_check_keys(f, funds, fkeys, "funds");
			pl->has_funds = true;
			pl->funds.forbund = sg_field_amount(f, funds, "forbund");
			pl->funds.cofunding = sg_field_amount(f, funds, "cofunding");
			pl->funds.esf = sg_field_amount(f, funds, "esf");
		}
		x->n_places++;
	}
}

static void build_categories(sg_insats *x, const sg_fields *f, const sg_value *meta)
{
	size_t n;
	char **cats = sg_field_text_list(f, meta, "category", &n);
	const sg_value *v = sg_value_get(meta, "category");
	x->categories = sg_calloc(n ? n : 1, sizeof *x->categories);
	size_t count;
	const sg_category_info *all = sg_categories(&count);
	const char *names[16];
	for (size_t k = 0; k < count; k++)
		names[k] = all[k].slug;
	for (size_t i = 0; i < n; i++) {
		char *slug = sg_slugify(cats[i]);
		const sg_value *at = sg_value_kind_of(v) == SG_VAL_LIST ? sg_value_item(v, i) : v;
		const sg_category_info *c = sg_category_find(slug);
		if (!c) {
			const char *close = sg_closest(slug, names, count);
			const sg_category_info *ci = close ? sg_category_find(close) : NULL;
			if (ci)
				sg_error(f->d, f->file, sg_fields_line(f, at), sg_fields_col(at),
				         "unknown category '%s'; did you mean '%s'?", cats[i], ci->name);
			else
				sg_error(f->d, f->file, sg_fields_line(f, at), sg_fields_col(at),
				         "unknown category '%s'; the SUS categories are kartläggning, förberedande, rehabilitering, "
				         "förebyggande (individinriktad) and kartläggning, utbildning, dialog (strukturövergripande)",
				         cats[i]);
			free(slug);
			continue;
		}
		if (i == 0 && x->area == SG_AREA_INDIVID && !c->individ)
			sg_error(f->d, f->file, sg_fields_line(f, at), sg_fields_col(at),
			         "'%s' is a category for strukturövergripande insatser; an individinriktad insats is "
			         "kartläggning, förberedande, rehabilitering or förebyggande",
			         cats[i]);
		else if (i == 0 && x->area == SG_AREA_STRUKTUR && !c->struktur)
			sg_error(f->d, f->file, sg_fields_line(f, at), sg_fields_col(at),
			         "'%s' is a category for individinriktade insatser; a strukturövergripande insats is "
			         "kartläggning, utbildning or dialog",
			         cats[i]);
		bool dup = false;
		for (size_t k = 0; k < x->n_categories; k++)
			dup |= strcmp(x->categories[k], slug) == 0;
		if (dup)
			free(slug);
		else
			x->categories[x->n_categories++] = slug;
	}
	sg_free_list(cats, n);
}

static void build_referral(sg_site *site, sg_insats *x, const sg_fields *f, const sg_value *meta)
{
	const sg_value *r = sg_field_map(f, meta, "referral");
	if (!r)
		return;
	static const char *const keys[] = {"open", "referrers", "vacancies", "how", "form", NULL};
	sg_fields_check_keys(f, r, keys, "referral");
	x->referral.given = true;
	x->referral.open = sg_field_bool(f, r, "open", false);
	x->referral.referrers = sg_field_text_list(f, r, "referrers", &x->referral.n_referrers);
	x->referral.vacancies = sg_field_int(f, r, "vacancies", -1, 0, 100000);
	x->referral.form = sg_field_text(f, r, "form", false, NULL);
	if (x->referral.form) {
		const sg_value *v = sg_value_get(r, "form");
		x->referral.form_line = sg_fields_line(f, v);
		x->referral.form_col = sg_fields_col(v);
	}
	char *how = sg_field_text(f, r, "how", false, NULL);
	if (how) {
		const sg_value *v = sg_value_get(r, "how");
		x->referral.how = sg_markdown_parse(how, strlen(how), f->file, sg_fields_line(f, v), &site->info.markdown,
		                                    f->d);
		free(how);
	}
}

sg_insats *sg_insats_build(sg_site *site, const sg_source *src, const sg_build_opts *opts, sg_diags *d)
{
	sg_fields f = fields_for(src, d);
	const sg_value *meta = src->meta;
	sg_fields_check_keys(&f, meta, insats_keys, "an insats");
	sg_insats *x = sg_calloc(1, sizeof *x);
	x->slug = sg_strdup(src->slug);
	x->path = src->path;
	x->title = sg_field_text(&f, meta, "title", true, "every insats needs a title");
	char *fslug = sg_field_text(&f, meta, "forbund", false, NULL);
	if (!fslug)
		fslug = sg_strdup(src->folder);
	x->forbund = sg_site_find_forbund(site, fslug);
	if (!x->forbund) {
		const char **names = sg_malloc((site->n_forbund + 1) * sizeof *names);
		for (size_t i = 0; i < site->n_forbund; i++)
			names[i] = site->forbund[i]->slug;
		const char *close = sg_closest(fslug, names, site->n_forbund);
		const sg_value *v = sg_value_get(meta, "forbund");
		int line = v ? sg_fields_line(&f, v) : f.line;
		if (close)
			sg_error(d, src->path, line, sg_fields_col(v), "there is no förbund '%s'; did you mean '%s'?", fslug, close);
		else if (!sg_is_slug(fslug))
			sg_error(d, src->path, line, sg_fields_col(v),
			         "there is no förbund '%s': write the name of a file in content/forbund/ without '.md'", fslug);
		else
			sg_error(d, src->path, line, sg_fields_col(v),
			         "there is no förbund '%s': add content/forbund/%s.md or move the insats", fslug, fslug);
		free(names);
	}
	free(fslug);
	x->year = (int)sg_field_int(&f, meta, "year", 0, 1990, 2100);
	static const char *const areas[] = {"individinriktad", "strukturövergripande", NULL};
	int area = sg_field_choice(&f, meta, "area", areas);
	x->area = area == 0 ? SG_AREA_INDIVID : area == 1 ? SG_AREA_STRUKTUR : SG_AREA_NONE;
	build_categories(x, &f, meta);
	x->summary = sg_field_text(&f, meta, "summary", false, NULL);
	if (x->summary && sg_utf8_length(x->summary, strlen(x->summary)) > SUMMARY_MAX) {
		const sg_value *v = sg_value_get(meta, "summary");
		sg_warning(d, src->path, sg_fields_line(&f, v), sg_fields_col(v),
		           "the summary is %zu characters; keep it to at most %d so lists stay readable",
		           sg_utf8_length(x->summary, strlen(x->summary)), SUMMARY_MAX);
	}
	x->target_groups = sg_field_text_list(&f, meta, "target_groups", &x->n_target_groups);
	const sg_value *groups = sg_value_get(meta, "target_groups");
	if (sg_value_kind_of(groups) == SG_VAL_STRING)
		sg_field_name_visible(&f, groups, sg_value_as_string(groups, NULL), "target group");
	for (size_t i = 0; sg_value_kind_of(groups) == SG_VAL_LIST && i < sg_value_count(groups); i++) {
		const sg_value *g = sg_value_item(groups, i);
		if (sg_value_kind_of(g) == SG_VAL_STRING)
			sg_field_name_visible(&f, g, sg_value_as_string(g, NULL), "target group");
	}
	x->age_min = x->age_max = -1;
	const sg_value *age = sg_field_map(&f, meta, "age");
	if (age) {
		static const char *const keys[] = {"min", "max", NULL};
		sg_fields_check_keys(&f, age, keys, "age");
		x->age_min = (int)sg_field_int(&f, age, "min", -1, 0, 120);
		x->age_max = (int)sg_field_int(&f, age, "max", -1, 0, 120);
		if (x->age_min >= 0 && x->age_max >= 0 && x->age_min > x->age_max)
			sg_error(d, src->path, sg_fields_line(&f, age), sg_fields_col(age), "age: min (%d) is above max (%d)",
			         x->age_min, x->age_max);
	}
	x->duration = sg_field_text(&f, meta, "duration", false, NULL);
	const sg_value *prov = sg_field_map(&f, meta, "provider");
	if (prov) {
		static const char *const keys[] = {"name", "orgnr", NULL};
		sg_fields_check_keys(&f, prov, keys, "provider");
		x->provider_name = sg_field_text(&f, prov, "name", false, NULL);
		x->provider_orgnr = sg_field_text(&f, prov, "orgnr", false, NULL);
	}
	sg_field_contact(&f, meta, "contact", &x->contact, false);
	build_places(x, &f, sg_field_list(&f, meta, "places"));
	build_referral(site, x, &f, meta);
	static const char *const statuses[] = {"active", "planned", "ended", NULL};
	int st = sg_field_choice(&f, meta, "status", statuses);
	x->status = st < 0 ? SG_STATUS_NONE : (sg_status)(st + 1);
	x->status_line = sg_fields_line(&f, sg_value_get(meta, "status"));
	x->status_col = sg_fields_col(sg_value_get(meta, "status"));
	x->start = sg_field_date(&f, meta, "start");
	x->end = sg_field_date(&f, meta, "end");
	if (x->start && x->end && strcmp(x->start, x->end) > 0) {
		const sg_value *v = sg_value_get(meta, "end");
		sg_error(d, src->path, sg_fields_line(&f, v), sg_fields_col(v), "'end' (%s) is before 'start' (%s)", x->end,
		         x->start);
	}
	x->draft = sg_field_bool(&f, meta, "draft", false);
	x->body = sg_markdown_parse(src->body, src->body_len, src->path, src->body_line, &site->info.markdown, d);
	if (!x->title)
		x->title = sg_strdup(src->slug);
	x->sort_key = sg_collate_key(x->title); /* here, on the build's threads */

	if ((x->draft && !opts->drafts) || !x->forbund) {
		sg_insats_free(x);
		return NULL;
	}
	return x;
}

static int by_identity(const void *pa, const void *pb)
{
	const sg_insats *a = *(sg_insats *const *)pa, *b = *(sg_insats *const *)pb;
	int c = strcmp(a->forbund->slug, b->forbund->slug);
	if (!c)
		c = strcmp(a->slug, b->slug);
	return c ? c : strcmp(a->path, b->path);
}

/* Two files for one förbund/slug (an insats moved with `forbund:`): sorted, so
 * duplicates are neighbours; the later file is reported and left out. */
static void drop_duplicate_insatser(sg_site *site, sg_diags *d)
{
	size_t n = site->n_insatser;
	if (n < 2)
		return;
	sg_insats **sorted = sg_malloc(n * sizeof *sorted);
	memcpy(sorted, site->insatser, n * sizeof *sorted);
	qsort(sorted, n, sizeof *sorted, by_identity);
	size_t dropped = 0;
	for (size_t i = 1, keep = 0; i < n; i++) {
		sg_insats *x = sorted[i], *k = sorted[keep];
		if (x->forbund == k->forbund && strcmp(x->slug, k->slug) == 0) {
			sg_error(d, x->path, 1, 1, "duplicate insats: %s/%s is also defined in %s; rename one of the files",
			         x->forbund->slug, x->slug, k->path);
			x->index = (size_t)-1; /* marked */
			dropped++;
		} else {
			keep = i;
		}
	}
	free(sorted);
	if (!dropped)
		return;
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		if (site->insatser[i]->index == (size_t)-1)
			sg_insats_free(site->insatser[i]);
		else
			site->insatser[o++] = site->insatser[i];
	}
	site->n_insatser = o;
}

/* ---- sidor -------------------------------------------------------------- */

static void build_sida(sg_site *site, const sg_source *src, sg_diags *d)
{
	sg_fields f = fields_for(src, d);
	static const char *const keys[] = {"title", "summary", "footer", NULL};
	sg_fields_check_keys(&f, src->meta, keys, "a page");
	sg_sida *p = sg_calloc(1, sizeof *p);
	p->slug = sg_strdup(src->slug);
	p->path = src->path;
	p->title = sg_field_text(&f, src->meta, "title", true, "every page needs a title");
	if (!p->title)
		p->title = sg_strdup(src->slug);
	p->summary = sg_field_text(&f, src->meta, "summary", false, NULL);
	const sg_value *fv = sg_value_get(src->meta, "footer");
	p->footer = fv && sg_value_kind_of(fv) != SG_VAL_NULL ? sg_field_bool(&f, src->meta, "footer", false) : -1;
	p->footer_line = sg_fields_line(&f, fv);
	p->footer_col = sg_fields_col(fv);
	p->body = sg_markdown_parse(src->body, src->body_len, src->path, src->body_line, &site->info.markdown, d);
	PUSH(site->sidor, site->n_sidor, p);
}

/* Which sidor every page's footer links (sidor sorted by title). With `footer: true` on
 * some: exactly those, at most SG_FOOTER_MAX_SIDOR. Otherwise, on a site with at most
 * that many sidor: all but those with `footer: false`; with more: none. When one is
 * left out, the page /sidor/ lists them all (and the footer links it). */
static void choose_footer_sidor(sg_site *site, sg_diags *d)
{
	size_t marked = 0;
	for (size_t i = 0; i < site->n_sidor; i++)
		if (site->sidor[i]->footer == 1 && ++marked > SG_FOOTER_MAX_SIDOR) {
			const sg_sida *p = site->sidor[i];
			sg_error(d, p->path, p->footer_line, p->footer_col,
			         "at most %d pages can have 'footer: true' (every page of the site links them); this is "
			         "number %zu in title order: remove 'footer: true' from this page or another one (the page "
			         "/sidor/ lists every page)",
			         SG_FOOTER_MAX_SIDOR, marked);
		}
	site->sidor_index = false;
	for (size_t i = 0; i < site->n_sidor; i++) {
		sg_sida *p = site->sidor[i];
		p->in_footer = marked ? p->footer == 1 : site->n_sidor <= SG_FOOTER_MAX_SIDOR && p->footer != 0;
		if (!p->in_footer)
			site->sidor_index = true;
	}
}

/* ---- the whole site ----------------------------------------------------- */

/* Swedish order of two titles from their sort keys, then by bytes (as sg_collate) */
static int by_key(const char *key_a, const char *title_a, const char *key_b, const char *title_b)
{
	int c = strcmp(key_a, key_b);
	return c ? c : strcmp(title_a, title_b);
}
static int by_forbund_title(const void *pa, const void *pb)
{
	const sg_forbund *a = *(sg_forbund *const *)pa, *b = *(sg_forbund *const *)pb;
	return by_key(a->sort_key, a->title, b->sort_key, b->title);
}
static int by_kommun_name(const void *a, const void *b)
{
	return sg_collate((*(sg_kommun *const *)a)->name, (*(sg_kommun *const *)b)->name);
}
static int by_sida_title(const void *a, const void *b)
{
	return sg_collate((*(sg_sida *const *)a)->title, (*(sg_sida *const *)b)->title);
}
static int by_insats(const void *pa, const void *pb)
{
	const sg_insats *a = *(sg_insats *const *)pa, *b = *(sg_insats *const *)pb;
	int c = a->forbund == b->forbund ? 0 : by_forbund_title(&a->forbund, &b->forbund);
	if (c)
		return c;
	c = by_key(a->sort_key, a->title, b->sort_key, b->title);
	return c ? c : strcmp(a->slug, b->slug);
}

void sg_site_sort_insatser(sg_site *site)
{
	if (site->n_insatser)
		qsort(site->insatser, site->n_insatser, sizeof *site->insatser, by_insats);
	for (size_t i = 0; i < site->n_insatser; i++)
		site->insatser[i]->index = i;
}

void sg_site_resort_insatser(sg_site *site, sg_insats *const *moved, size_t n_moved)
{
	sg_insats **a = site->insatser;
	size_t n = site->n_insatser, kept = 0;
	/* take them all out (the others stay in order), then put each back in its place */
	for (size_t i = 0; i < n; i++) {
		bool is_moved = false;
		for (size_t m = 0; m < n_moved && !is_moved; m++)
			is_moved = a[i] == moved[m];
		if (!is_moved)
			a[kept++] = a[i];
	}
	for (size_t m = 0; m < n_moved && kept < n; m++) {
		sg_insats *x = moved[m];
		size_t lo = 0, hi = kept;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (by_insats(&a[mid], &x) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		memmove(a + lo + 1, a + lo, (kept - lo) * sizeof *a);
		a[lo] = x;
		kept++;
	}
	for (size_t i = 0; i < n; i++)
		a[i]->index = i;
}

/* ---- the insatser, on several threads ------------------------------------ */

#define INSATS_CHUNK 32 /* sources a thread takes at a time */

/* sg_insats_build only reads the site (förbund, options), so sources can be built on
 * several threads; each chunk keeps its diagnostics, merged in source order. */
typedef struct {
	sg_site *site;
	sg_sources *sources;
	const sg_build_opts *opts;
	sg_insats **built; /* one per source; NULL for other kinds */
} insats_job;

static void build_insats_chunk(void *arg, size_t begin, size_t end, sg_diags *d)
{
	insats_job *j = arg;
	sg_diags *draft_diags = sg_diags_new();
	for (size_t i = begin; i < end; i++) {
		const sg_source *src = sg_sources_at(j->sources, i);
		if (src->kind != SG_SRC_INSATS)
			continue;
		/* a draft left out of the build must not stop it: its problems are warnings */
		bool unpublished = !j->opts->drafts && sg_value_as_bool(sg_value_get(src->meta, "draft"));
		j->built[i] = sg_insats_build(j->site, src, j->opts, unpublished ? draft_diags : d);
		sg_sources_drop_one(j->sources, i); /* the model has what it needs */
		sg_diags_move_as_warnings(d, draft_diags, " (in a draft; fix it before publishing)");
	}
	sg_diags_free(draft_diags);
}

static void build_insatser(sg_site *site, sg_sources *sources, const sg_build_opts *opts, sg_diags *d)
{
	size_t n = sg_sources_count(sources);
	insats_job j = {site, sources, opts, sg_calloc(n + 1, sizeof *j.built)};
	sg_parallel_chunks(n, INSATS_CHUNK, opts->jobs, build_insats_chunk, &j, d);
	for (size_t i = 0; i < n; i++)
		if (j.built[i])
			PUSH(site->insatser, site->n_insatser, j.built[i]);
	free(j.built);
}

sg_site *sg_site_build(sg_sources *sources, const sg_build_opts *opts, sg_diags *d)
{
	sg_site *site = sg_calloc(1, sizeof *site);
	site->sources = sources;
	size_t n = sg_sources_count(sources);
	/* order matters: site.yaml (allow_raw_html) before bodies, förbund before insatser */
	for (size_t i = 0; i < n; i++)
		if (sg_sources_at(sources, i)->kind == SG_SRC_SITE)
			build_info(site, sg_sources_at(sources, i), d);
	if (!site->info.title)
		site->info.title = sg_strdup("sofgen");
	if (!site->info.language)
		site->info.language = sg_strdup("sv");
	site->info.root = sg_base_url_path(site->info.base_url);
	site->info.markdown = (sg_markdown_opts){
		.allow_html = site->info.allow_raw_html, .link_root = site->info.root, .ref_prefixes = sg_ref_prefixes};
	site->info.markdown_kept = site->info.markdown;
	site->info.markdown_kept.keep_document = true;
	for (size_t i = 0; i < n; i++)
		if (sg_sources_at(sources, i)->kind == SG_SRC_FORBUND)
			build_forbund(site, sg_sources_at(sources, i), d);
	build_insatser(site, sources, opts, d);
	drop_duplicate_insatser(site, d);
	sg_diags *draft_diags = sg_diags_new();
	for (size_t i = 0; i < n; i++) {
		const sg_source *src = sg_sources_at(sources, i);
		/* as for insatser: a draft is checked, but its problems do not stop the build */
		bool unpublished = !opts->drafts && sg_value_as_bool(sg_value_get(src->meta, "draft"));
		sg_diags *to = unpublished ? draft_diags : d;
		switch (src->kind) {
		case SG_SRC_SIDA: build_sida(site, src, d); break;
		case SG_SRC_NYHETSBREV: sg_build_nyhetsbrev(site, src, !unpublished, to); break;
		case SG_SRC_EVENEMANG: sg_build_evenemang(site, src, !unpublished, to); break;
		case SG_SRC_DOKUMENT: sg_build_dokument(site, src, d); break;
		case SG_SRC_BLANKETT: sg_build_blankett(site, src, d); break;
		default: break;
		}
		sg_diags_move_as_warnings(d, draft_diags, " (in a draft; fix it before publishing)");
	}
	sg_diags_free(draft_diags);
	if (n > 0 && site->n_forbund == 0)
		sg_error(d, NULL, 0, 0, "no förbund: add at least one file content/forbund/<slug>.md");

	/* each kommun knows its memberships */
	for (size_t i = 0; i < site->n_forbund; i++)
		for (size_t k = 0; k < site->forbund[i]->n_members; k++) {
			sg_member *m = &site->forbund[i]->members[k];
			PUSH(m->kommun->members, m->kommun->n_members, m);
		}
	if (site->n_forbund)
		qsort(site->forbund, site->n_forbund, sizeof *site->forbund, by_forbund_title);
	if (site->n_kommuner)
		qsort(site->kommuner, site->n_kommuner, sizeof *site->kommuner, by_kommun_name);
	sg_site_sort_insatser(site);
	sg_budgets_check(site, d);
	sg_publications_sort(site);
	/* each reference to the content it names; the render stage writes their addresses
	 * (and keeps only the HTML of texts not also sent as e-mail or calendar text) */
	sg_resolve_references(site, d);
	sg_sources_drop_content(sources);
	if (site->n_sidor)
		qsort(site->sidor, site->n_sidor, sizeof *site->sidor, by_sida_title);
	choose_footer_sidor(site, d);
	return site;
}

void sg_insats_free(sg_insats *x)
{
	if (!x)
		return;
	free(x->slug);
	free(x->title);
	free(x->sort_key);
	sg_free_list(x->categories, x->n_categories);
	free(x->summary);
	sg_free_list(x->target_groups, x->n_target_groups);
	free(x->duration);
	free(x->provider_name);
	free(x->provider_orgnr);
	sg_contact_clear(&x->contact);
	free(x->places);
	sg_free_list(x->referral.referrers, x->referral.n_referrers);
	sg_markdown_free(x->referral.how);
	free(x->referral.form);
	free(x->start);
	free(x->end);
	sg_markdown_free(x->body);
	free(x);
}

void sg_site_free(sg_site *site)
{
	if (!site)
		return;
	for (size_t i = 0; i < site->n_insatser; i++)
		sg_insats_free(site->insatser[i]);
	free(site->insatser);
	for (size_t i = 0; i < site->n_forbund; i++) {
		sg_forbund *fb = site->forbund[i];
		for (size_t k = 0; k < fb->n_members; k++) {
			free(fb->members[k].name);
			free(fb->members[k].code);
			sg_contact_clear(&fb->members[k].contact);
		}
		free(fb->members);
		free(fb->slug);
		free(fb->title);
		free(fb->sort_key);
		free(fb->orgnr);
		sg_free_list(fb->parties, fb->n_parties);
		sg_contact_clear(&fb->contact);
		sg_budgets_free(fb->budgets, fb->n_budgets);
		free(fb->default_form_slug);
		sg_markdown_free(fb->body);
		free(fb);
	}
	free(site->forbund);
	for (size_t i = 0; i < site->n_kommuner; i++) {
		free(site->kommuner[i]->slug);
		free(site->kommuner[i]->name);
		free(site->kommuner[i]->members);
		free(site->kommuner[i]);
	}
	free(site->kommuner);
	for (size_t i = 0; i < site->n_sidor; i++) {
		free(site->sidor[i]->slug);
		free(site->sidor[i]->title);
		free(site->sidor[i]->summary);
		sg_markdown_free(site->sidor[i]->body);
		free(site->sidor[i]);
	}
	free(site->sidor);
	sg_publications_free(site);
	sg_blanketter_free(site);
	sg_site_info *in = &site->info;
	free(in->title);
	free(in->base_url);
	free(in->language);
	free(in->region);
	sg_free_list(in->allow_document_types, in->n_allow_document_types);
	free(in->description);
	free(in->root);
	free_accessibility(&in->accessibility);
	sg_open_data_clear(&in->open_data);
	free(in->forms_action);
	sg_sources_free(site->sources);
	free(site);
}
