/* site_info.c — site.yaml: the site's title and address, what its texts may hold,
 * where forms post, open data, and the accessibility statement. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/address.h"
#include "../util/alloc.h"
#include "builders.h"
#include "image.h"
#include "open_data.h"
#include "refs.h"

static void build_accessibility(sg_a11y *a, const sg_fields *f, const sg_value *meta)
{
	const sg_value *m = sg_field_map(f, meta, "accessibility");
	if (!m) {
		sg_warning(f->d, f->file, 1, 1,
		           "no 'accessibility:' block: public sector sites must publish a tillgänglighetsredogörelse "
		           "(lag 2018:1937); the page says the site has not been assessed yet");
		return;
	}
	const sg_key *keys = sg_key_sub(sg_keys_of(SG_SRC_SITE), "accessibility");
	sg_fields_check_keys(f, m, keys, "accessibility");
	sg_fields at = *f;
	at.line = sg_fields_line(f, m);
	a->organisation = sg_field_text(&at, m, "organisation", false, NULL);
	int st = sg_field_choice(&at, m, "status", sg_key_choices(keys, "status"));
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
		const sg_key *ckeys = sg_key_sub(keys, "contact");
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
		const sg_key *gkeys = sg_key_sub(keys, "gaps");
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
		           sg_key_choices(keys, "status")[a->status - 1]);
}

static void accessibility_clear(sg_a11y *a)
{
	free(a->organisation), free(a->assessed), free(a->updated), free(a->method), free(a->response_time);
	free(a->contact_email), free(a->contact_phone), free(a->contact_url);
	for (size_t i = 0; i < a->n_gaps; i++)
		free(a->gaps[i].problem), free(a->gaps[i].reason), free(a->gaps[i].fix);
	free(a->gaps);
}

/* `privacy:` (the page "Behandling av personuppgifter"); what it leaves out, the page
 * says is not given. */
static void build_privacy(sg_privacy *p, const sg_fields *f, const sg_value *meta)
{
	const sg_value *m = sg_field_map(f, meta, "privacy");
	if (!m)
		return;
	const sg_key *keys = sg_key_sub(sg_keys_of(SG_SRC_SITE), "privacy");
	sg_fields_check_keys(f, m, keys, "privacy");
	p->controller = sg_field_text(f, m, "controller", false, NULL);
	sg_field_contact(f, m, keys, "contact", &p->contact);
	sg_field_contact(f, m, keys, "dpo", &p->dpo);
	p->retention = sg_field_text(f, m, "retention", false, NULL);
	p->server_logs = sg_field_text(f, m, "server_logs", false, NULL);
	p->updated = sg_field_date(f, m, "updated");
}

static void privacy_clear(sg_privacy *p)
{
	free(p->controller);
	sg_contact_clear(&p->contact);
	sg_contact_clear(&p->dpo);
	free(p->retention);
	free(p->server_logs);
	free(p->updated);
}

static void newsletter_signup_read(sg_newsletter_signup *n, const sg_fields *f, const sg_value *meta);
static void newsletter_signup_clear(sg_newsletter_signup *n);

void sg_build_site_info(sg_site *site, const sg_source *src, sg_diags *d)
{
	sg_fields f = sg_fields_for(src, d);
	const sg_key *keys = sg_keys_of(SG_SRC_SITE);
	sg_fields_check_keys(&f, src->meta, keys, "site.yaml");
	sg_site_info *in = &site->info;
	in->path = src->path;
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
	in->logo = sg_image_of_source(&f, src, "logo", true);
	in->review_max_months = (int)sg_field_int(&f, src->meta, "review_max_months", 12, 1, 120);
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
	build_privacy(&in->privacy, &f, src->meta);
	sg_target_groups_read(in, &f, src->meta);
	sg_cms_read(&in->cms, &f, src->meta);
	sg_palette_read(&in->palette, &f, src->meta, keys);
	sg_open_data_read(&in->open_data, &f, src->meta);
	newsletter_signup_read(&in->newsletter, &f, src->meta);
	const sg_value *forms = sg_field_map(&f, src->meta, "forms");
	if (forms) {
		const sg_key *fkeys = sg_key_sub(keys, "forms");
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
		} else if (action) {
			/* an address as base_url is one: a host, no spaces, no query or fragment */
			sg_buf problems = SG_BUF_INIT;
			char *parsed = sg_base_url_parse(action, &problems);
			if (!parsed) {
				sg_error(d, src->path, sg_fields_line(&f, av), sg_fields_col(av),
				         "forms: 'action' must be the whole address of the service that receives the forms, with a "
				         "host name and without spaces, '?' or '#', e.g. https://formular.example.se/remiss");
				free(action);
				action = NULL;
			}
			free(parsed);
			sg_buf_free(&problems);
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


void sg_site_info_base_url(sg_site_info *in, const char *url, sg_diags *d)
{
	sg_buf problems = SG_BUF_INIT;
	char *base = sg_base_url_parse(url, &problems);
	for (char *line = problems.ptr, *nl; line && (nl = strchr(line, '\n')); line = nl + 1) {
		*nl = '\0';
		sg_error(d, "--base-url", 0, 0, "%s", line);
	}
	sg_buf_free(&problems);
	if (base) {
		free(in->base_url);
		in->base_url = base;
	}
}

void sg_site_info_complete(sg_site_info *in)
{
	if (!in->title)
		in->title = sg_strdup("sofgen");
	if (!in->language)
		in->language = sg_strdup("sv");
	in->root = sg_base_url_path(in->base_url);
	if (in->review_max_months <= 0)
		in->review_max_months = 12; /* no site.yaml, or a wrong value (an error) */
	in->markdown = (sg_markdown_opts){.allow_html = in->allow_raw_html, .link_root = in->root, .ref_prefixes = sg_ref_prefixes};
	in->markdown_kept = in->markdown;
	in->markdown_kept.keep_document = true;
}

void sg_site_info_clear(sg_site_info *in)
{
	free(in->title);
	free(in->base_url);
	free(in->language);
	free(in->region);
	sg_free_list(in->allow_document_types, in->n_allow_document_types);
	free(in->description);
	sg_image_free(in->logo);
	free(in->root);
	accessibility_clear(&in->accessibility);
	privacy_clear(&in->privacy);
	sg_open_data_clear(&in->open_data);
	free(in->forms_action);
	sg_target_groups_clear(in);
	sg_cms_clear(&in->cms);
	newsletter_signup_clear(&in->newsletter);
}

/* ---- cms: the web editor ------------------------------------------------------- */

/* True when every character of s is in `allowed` and s is not empty. */
static bool only_of(const char *s, const char *allowed)
{
	return *s && strspn(s, allowed) == strlen(s);
}

/* "org/name" (GitLab: "group/subgroup/name"): parts of letters, digits, . _ -, no empty
 * part and none that is "." or "..". */
static bool repo_path_ok(const char *s)
{
	if (!only_of(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/"))
		return false;
	size_t parts = 0;
	for (const char *p = s; *p;) {
		size_t len = strcspn(p, "/");
		if (len == 0 || (len == 1 && p[0] == '.') || (len == 2 && p[0] == '.' && p[1] == '.'))
			return false;
		parts++;
		p += len;
		if (*p == '/' && !*++p)
			return false; /* a '/' at the end */
	}
	return parts >= 2;
}

/* One https address of cms (base_url, api_root), or NULL with an error. Takes `s`. */
static char *cms_https(const sg_fields *f, const sg_value *m, const char *key, char *s)
{
	if (!s)
		return NULL;
	sg_buf problems = SG_BUF_INIT;
	char *parsed = strncmp(s, "https://", 8) == 0 ? sg_base_url_parse(s, &problems) : NULL;
	sg_buf_free(&problems);
	if (!parsed) {
		const sg_value *v = sg_value_get(m, key);
		sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
		         "cms: '%s' must be a whole https:// address without spaces, '?' or '#', e.g. %s", key,
		         strcmp(key, "api_root") == 0 ? "https://gitea.example.se/api/v1" : "https://auth.example.se");
		free(s);
		return NULL;
	}
	free(parsed);
	return s;
}

void sg_cms_read(sg_cms *c, const sg_fields *f, const sg_value *meta)
{
	memset(c, 0, sizeof *c);
	const sg_value *m = sg_field_map(f, meta, "cms");
	if (!m)
		return;
	const sg_key *keys = sg_key_sub(sg_keys_of(SG_SRC_SITE), "cms");
	sg_fields_check_keys(f, m, keys, "cms");
	sg_fields at = *f;
	at.line = sg_fields_line(f, m);
	size_t errors = sg_diags_errors(f->d);
	const char *const *backends = sg_key_choices(keys, "backend");
	int b = sg_field_choice(&at, m, "backend", backends);
	if (!sg_value_get(m, "backend"))
		sg_error(f->d, f->file, at.line, 1,
		         "cms: missing 'backend': where the web editor saves, one of git-gateway, github, gitlab, gitea, or "
		         "local for editing on your own computer with 'sofgen serve --cms'");
	bool needs_repo = b >= 0 && (strcmp(backends[b], "github") == 0 || strcmp(backends[b], "gitlab") == 0 ||
	                             strcmp(backends[b], "gitea") == 0);
	char *repo = sg_field_text(&at, m, "repo", false, NULL);
	const sg_value *rv = sg_value_get(m, "repo");
	if (repo && !repo_path_ok(repo))
		sg_error(f->d, f->file, sg_fields_line(f, rv), sg_fields_col(rv),
		         "cms: 'repo' is the repository as organisation/name, e.g. repo: samordningsforbund/webbplats, "
		         "not '%s'",
		         repo);
	else if (!repo && needs_repo)
		sg_error(f->d, f->file, at.line, 1,
		         "cms: backend '%s' needs 'repo': the repository as organisation/name, e.g. repo: "
		         "samordningsforbund/webbplats",
		         backends[b]);
	char *branch = sg_field_text(&at, m, "branch", false, NULL);
	if (branch && (!only_of(branch, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/") ||
	               branch[0] == '/' || branch[0] == '-' || strstr(branch, ".."))) {
		const sg_value *v = sg_value_get(m, "branch");
		sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
		         "cms: 'branch' is the name of a git branch, e.g. branch: main, not '%s'", branch);
	}
	char *folder = sg_field_text(&at, m, "site_folder", false, NULL);
	if (folder) {
		char *p = folder;
		while (*p == '/')
			p++;
		memmove(folder, p, strlen(p) + 1);
		size_t len = strlen(folder);
		while (len && folder[len - 1] == '/')
			folder[--len] = '\0';
		bool ok = !*folder || repo_path_ok(folder) ||
		          only_of(folder, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-");
		if (!ok || strcmp(folder, ".") == 0 || strcmp(folder, "..") == 0) {
			const sg_value *v = sg_value_get(m, "site_folder");
			sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
			         "cms: 'site_folder' is the folder in the repository that holds content/, e.g. site_folder: "
			         "webbplats (letters, digits, . _ - and /, no '..')");
		}
	}
	char *app_id = sg_field_text(&at, m, "app_id", false, NULL);
	if (app_id && !only_of(app_id, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")) {
		const sg_value *v = sg_value_get(m, "app_id");
		sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
		         "cms: 'app_id' is the id the forge gave the OAuth application (letters, digits, - _ .), not '%s'",
		         app_id);
	}
	c->app_id = app_id;
	c->base_url = cms_https(&at, m, "base_url", sg_field_text(&at, m, "base_url", false, NULL));
	c->api_root = cms_https(&at, m, "api_root", sg_field_text(&at, m, "api_root", false, NULL));
	c->backend = b >= 0 ? sg_strdup(backends[b]) : NULL;
	c->repo = repo;
	c->branch = branch ? branch : sg_strdup("main");
	c->site_folder = folder ? folder : sg_strdup("");
	c->line = at.line;
	if (sg_diags_errors(f->d) != errors) /* no editor rather than a half-configured one */
		sg_cms_clear(c);
}

void sg_cms_clear(sg_cms *c)
{
	free(c->backend), free(c->repo), free(c->branch), free(c->base_url), free(c->api_root), free(c->site_folder);
	free(c->app_id);
	memset(c, 0, sizeof *c);
}

/* ---- newsletter_signup: the footer's subscription -------------------------------- */

/* The address under `key` of newsletter_signup (action or url) when it is a whole https://
 * address: a host name, no user name or password, no spaces, no fragment, and a query (a
 * provider's list id, e.g. ?u=…&id=…) of plain URL characters only. Returns it (takes
 * `s`) with *host set to its host (malloc'd), or NULL after an error at the value. */
static char *newsletter_https(const sg_fields *f, const sg_value *m, const char *key, char *s, char **host)
{
	if (!s)
		return NULL;
	const sg_value *v = sg_value_get(m, key);
	int line = sg_fields_line(f, v), col = sg_fields_col(v);
	if (strncasecmp(s, "http://", 7) == 0) {
		sg_error(f->d, f->file, line, col,
		         "newsletter_signup: '%s' must be an https:// address: an e-mail address is personal data and is never "
		         "sent unencrypted; write https://%s",
		         key, s + 7);
		free(s);
		return NULL;
	}
	if (strncmp(s, "https://", 8) != 0) {
		sg_buf shown = SG_BUF_INIT;
		sg_shown(&shown, s);
		sg_error(f->d, f->file, line, col,
		         "newsletter_signup: '%s' must be a whole https:// address of the newsletter service, e.g. "
		         "https://nyhetsbrev.example.se/prenumerera, not '%s'",
		         key, sg_buf_cstr(&shown));
		sg_buf_free(&shown);
		free(s);
		return NULL;
	}
	size_t before_query = strcspn(s, "?");
	const char *query = s + before_query;
	bool query_ok = strspn(query + (*query == '?'), "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	                                                "-._~=&%+/:,;") == strlen(query + (*query == '?'));
	char *prefix = sg_strndup(s, before_query);
	sg_buf problems = SG_BUF_INIT;
	char *parsed = sg_base_url_parse(prefix, &problems); /* as base_url: a host, no spaces, no '#' */
	sg_buf_free(&problems);
	if (!parsed || !query_ok) {
		sg_error(f->d, f->file, line, col,
		         "newsletter_signup: '%s' must be the whole address of the newsletter service, with a host name and "
		         "without spaces or '#', e.g. https://nyhetsbrev.example.se/prenumerera",
		         key);
		free(parsed), free(prefix), free(s);
		return NULL;
	}
	*host = sg_strndup(prefix + 8, strcspn(prefix + 8, "/:"));
	free(parsed), free(prefix);
	return s;
}

/* site.yaml's `newsletter_signup:` into n (which owns its strings; newsletter_signup_clear
 * frees them): one of action and url, each a checked https address, the e-mail field's
 * name, and the texts. Any error leaves n empty: the footer then offers no subscription. */
static void newsletter_signup_read(sg_newsletter_signup *n, const sg_fields *f, const sg_value *meta)
{
	memset(n, 0, sizeof *n);
	const sg_value *m = sg_field_map(f, meta, "newsletter_signup");
	if (!m)
		return;
	const sg_key *keys = sg_key_sub(sg_keys_of(SG_SRC_SITE), "newsletter_signup");
	sg_fields_check_keys(f, m, keys, "newsletter_signup");
	sg_fields at = *f;
	at.line = sg_fields_line(f, m);
	size_t errors = sg_diags_errors(f->d);
	char *action = sg_field_text(&at, m, "action", false, NULL);
	char *url = sg_field_text(&at, m, "url", false, NULL);
	if (action && url) {
		const sg_value *uv = sg_value_get(m, "url");
		sg_error(f->d, f->file, sg_fields_line(f, uv), sg_fields_col(uv),
		         "newsletter_signup: give either 'action' (the address the footer's form posts to) or 'url' (a link "
		         "to the provider's sign-up page), not both");
	} else if (!action && !url && !sg_value_get(m, "action") && !sg_value_get(m, "url"))
		sg_error(f->d, f->file, at.line, sg_fields_col(m),
		         "newsletter_signup: missing 'action' or 'url': the https:// address the footer's form posts the "
		         "e-mail address to, e.g. action: https://nyhetsbrev.example.se/prenumerera, or a link to the "
		         "provider's sign-up page as url: …");
	char *action_host = NULL, *url_host = NULL;
	n->action = newsletter_https(&at, m, "action", action, &action_host);
	n->url = newsletter_https(&at, m, "url", url, &url_host);
	n->host = action_host ? action_host : url_host;
	if (action_host)
		free(url_host);
	char *field = sg_field_text(&at, m, "email_field", false, NULL);
	const sg_value *fv = sg_value_get(m, "email_field");
	if (field && (!*field || strspn(field, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.[]") !=
	                             strlen(field))) {
		sg_buf shown = SG_BUF_INIT;
		sg_shown(&shown, field);
		sg_error(f->d, f->file, sg_fields_line(f, fv), sg_fields_col(fv),
		         "newsletter_signup: 'email_field' is the name the newsletter service gives its e-mail field "
		         "(letters a-z, digits and _ - . [ ]), e.g. email_field: EMAIL, not '%s'",
		         sg_buf_cstr(&shown));
		sg_buf_free(&shown);
	} else if (field && url && !action)
		sg_warning(f->d, f->file, sg_fields_line(f, fv), sg_fields_col(fv),
		           "newsletter_signup: 'email_field' names the field of a form, and with 'url' the footer has a "
		           "link, not a form; remove it, or give 'action' instead of 'url'");
	n->email_field = field ? field : sg_strdup("email");
	n->text = sg_field_text(&at, m, "text", false, NULL);
	n->receiver = sg_field_text(&at, m, "receiver", false, NULL);
	if (sg_diags_errors(f->d) != errors) /* no subscription rather than a half-configured one */
		newsletter_signup_clear(n);
}

/* Frees what n holds and empties it (no subscription). */
static void newsletter_signup_clear(sg_newsletter_signup *n)
{
	free(n->action), free(n->url), free(n->email_field), free(n->text), free(n->receiver), free(n->host);
	memset(n, 0, sizeof *n);
}
