/* publications.c — what a förbund publishes besides the catalogue: informationsbrev
 * (newsletters), evenemang (events) and dokument (documents): reading, checking and
 * ordering them. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../read/placeholders.h"
#include "../util/alloc.h"
#include "../util/i18n.h"
#include "../util/fs.h"
#include "../util/numfmt.h"
#include "../util/pdfinfo.h"
#include "../util/slug.h"
#include "../util/suggest.h"
#include "../util/swetime.h"
#include "builders.h"
#include "image.h"

sg_forbund *sg_field_forbund(const sg_site *site, const sg_fields *f, const sg_value *meta)
{
	char *slug = sg_field_text(f, meta, "forbund", false, NULL);
	if (!slug)
		return NULL;
	sg_forbund *fb = sg_site_find_forbund(site, slug);
	if (!fb) {
		const char **names = sg_malloc((site->n_forbund + 1) * sizeof *names);
		for (size_t i = 0; i < site->n_forbund; i++)
			names[i] = site->forbund[i]->slug;
		const char *close = sg_closest(slug, names, site->n_forbund);
		const sg_value *v = sg_value_get(meta, "forbund");
		if (close)
			sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v), "there is no förbund '%s'; did you mean '%s'?",
			         slug, close);
		else if (!sg_is_slug(slug))
			sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
			         "there is no förbund '%s': write the name of a file in content/forbund/ without '.md'", slug);
		else
			sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
			         "there is no förbund '%s' (a file content/forbund/%s.md)", slug, slug);
		free(names);
	}
	free(slug);
	return fb;
}

static sg_fields fields_of(const sg_source *src, sg_diags *d) { return (sg_fields){src->path, d, 2}; }

/* ---- nyhetsbrev ---------------------------------------------------------- */

void sg_build_nyhetsbrev(sg_site *site, const sg_source *src, bool publish, sg_diags *d)
{
	sg_fields f = fields_of(src, d);
	const sg_key *keys = sg_keys_of(SG_SRC_NYHETSBREV);
	sg_fields_check_keys(&f, src->meta, keys, "a newsletter");
	sg_placeholders_check(src, d); /* text `sofgen new` wrote, left in */
	sg_nyhetsbrev *n = sg_calloc(1, sizeof *n);
	n->slug = sg_strdup(src->slug);
	n->path = src->path;
	n->title = sg_field_text(&f, src->meta, "title", true, "every newsletter needs a title");
	n->date = sg_field_date(&f, src->meta, "date");
	if (!n->date && !sg_value_get(src->meta, "date"))
		sg_error(d, src->path, f.line, 1, "missing 'date': the day the newsletter is published, e.g. date: 2015-02-15");
	n->forbund = sg_field_forbund(site, &f, src->meta);
	n->summary = sg_field_text(&f, src->meta, "summary", false, NULL);
	n->image = sg_image_of_source(&f, src, "image", false);
	sg_field_bool(&f, src->meta, "draft", false);
	n->body = sg_markdown_parse(src->body, src->body_len, src->path, src->body_line, &site->info.markdown_kept, d);
	if (!n->title)
		n->title = sg_strdup(src->slug);
	if (!n->date)
		n->date = sg_strdup("1970-01-01");
	SG_PUSH(site->nyhetsbrev, site->n_nyhetsbrev, n);
	if (!publish) {
		site->n_nyhetsbrev--;
		free(n->slug), free(n->title), free(n->date), free(n->summary), sg_image_free(n->image);
		sg_markdown_free(n->body);
		free(n);
	}
}

void sg_nyhetsbrev_drop_future(sg_site *site, const char *today)
{
	size_t kept = 0;
	for (size_t i = 0; i < site->n_nyhetsbrev; i++) {
		sg_nyhetsbrev *n = site->nyhetsbrev[i];
		if (strncmp(n->date, today, 10) <= 0) {
			site->nyhetsbrev[kept++] = n;
			continue;
		}
		SG_PUSH(site->nyhetsbrev_later, site->n_nyhetsbrev_later, n);
	}
	site->n_nyhetsbrev = kept;
}

/* ---- evenemang ----------------------------------------------------------- */

/* "YYYY-MM-DDTHH:MM" or "YYYY-MM-DD"; a space instead of T is accepted. Returns the
 * normalised text, or NULL after an error. */
static char *field_datetime(const sg_fields *f, const sg_value *meta, const char *key)
{
	char *s = sg_field_text(f, meta, key, false, NULL);
	if (!s)
		return NULL;
	const sg_value *v = sg_value_get(meta, key);
	char why[160], date[11];
	size_t len = strlen(s);
	if (len >= 10) {
		memcpy(date, s, 10);
		date[10] = '\0';
	}
	bool ok = len >= 10 && sg_date_valid(date, why, sizeof why);
	if (!ok && len >= 10 && (len == 10 || s[10] == 'T' || s[10] == ' ') && strspn(date, "0123456789-") != 10)
		snprintf(why, sizeof why, _("'%s' is not a date and time; write YYYY-MM-DDTHH:MM, e.g. 2015-03-12T08:30"), s);
	else if (!ok && len > 10 && s[10] != 'T' && s[10] != ' ')
		snprintf(why, sizeof why, _("'%s' is not a date and time; write YYYY-MM-DDTHH:MM, e.g. 2015-03-12T08:30"), s);
	if (ok && len > 10) {
		ok = (s[10] == 'T' || s[10] == ' ') && sg_time_valid(s + 11);
		if (!ok)
			snprintf(why, sizeof why, _("'%s' is not a date and time; write YYYY-MM-DDTHH:MM, e.g. 2015-03-12T08:30"), s);
		else
			s[10] = 'T';
		/* the hour the clocks skip in spring does not exist; the hour that comes twice
		 * in autumn is taken as its first time, in summer time (as iCalendar does) */
		if (ok && sg_sweden_local_kind(sg_digits(s, 4), sg_digits(s + 5, 2), sg_digits(s + 8, 2), sg_digits(s + 11, 2),
		                               sg_digits(s + 14, 2)) == SG_LOCAL_SKIPPED) {
			ok = false;
			snprintf(why, sizeof why,
			         _("there is no %s on %s in Swedish time: the clocks jump from 02:00 to 03:00 that night (summer "
			         "time begins); write a time before 02:00 or from 03:00"),
			         s + 11, date);
		}
	} else if (!ok && len < 10) {
		snprintf(why, sizeof why, _("'%s' is not a date and time; write YYYY-MM-DDTHH:MM, e.g. 2015-03-12T08:30"), s);
	}
	if (!ok) {
		sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v), "'%s': %s", key, why);
		free(s);
		return NULL;
	}
	return s;
}

/* The length of a "YYYY-MM-" at the start of slug, or 0. */
static size_t month_prefix(const char *slug)
{
	for (size_t i = 0; i < 8; i++)
		if (i == 4 || i == 7 ? slug[i] != '-' : !(slug[i] >= '0' && slug[i] <= '9'))
			return 0;
	return 8;
}

/* e's address from its start (see model.h): a file name whose month differs from the
 * start is warned about, with the name to give it; an address another event has
 * already is an error. */
static void event_address(const sg_site *site, const sg_fields *f, const sg_source *src, sg_evenemang *e)
{
	size_t pre = month_prefix(src->slug);
	free(e->slug);
	e->slug = sg_asprintf("%.7s-%s", e->start, src->slug + pre);
	const sg_value *sv = sg_value_get(src->meta, "start");
	if (pre && strncmp(src->slug, e->start, 7) != 0)
		sg_warning(f->d, f->file, sg_fields_line(f, sv), sg_fields_col(sv),
		           "the file name says %.7s but the event starts %.10s; its address is /evenemang/%s/ (from "
		           "'start'); rename the file to %s.md so the two agree",
		           src->slug, e->start, e->slug, e->slug);
	for (size_t i = 0; i < site->n_evenemang; i++)
		if (strcmp(site->evenemang[i]->slug, e->slug) == 0)
			sg_error(f->d, f->file, sg_fields_line(f, sv), sg_fields_col(sv),
			         "this event and %s both get the address /evenemang/%s/ (the month they start and the file "
			         "name); rename one of the files",
			         site->evenemang[i]->path, e->slug);
}

static void free_evenemang(sg_evenemang *e)
{
	free(e->slug), free(e->file_slug), free(e->title), free(e->start), free(e->end), free(e->location), free(e->audience);
	free(e->reg_url), free(e->reg_email), free(e->reg_deadline);
	sg_markdown_free(e->body);
	sg_image_free(e->image);
	free(e);
}

void sg_build_evenemang(sg_site *site, const sg_source *src, bool publish, sg_diags *d)
{
	sg_fields f = fields_of(src, d);
	const sg_key *keys = sg_keys_of(SG_SRC_EVENEMANG);
	sg_fields_check_keys(&f, src->meta, keys, "an event");
	sg_placeholders_check(src, d); /* text `sofgen new` wrote, left in */
	sg_evenemang *e = sg_calloc(1, sizeof *e);
	e->slug = sg_strdup(src->slug);
	e->file_slug = sg_strdup(src->slug);
	e->path = src->path;
	e->title = sg_field_text(&f, src->meta, "title", true, "every event needs a title");
	if (!e->title)
		e->title = sg_strdup(src->slug);
	e->start = field_datetime(&f, src->meta, "start");
	if (!sg_value_get(src->meta, "start"))
		sg_error(d, src->path, f.line, 1, "missing 'start': when the event begins, e.g. start: 2015-03-12T08:30");
	e->end = field_datetime(&f, src->meta, "end");
	if (e->start && e->end && strcmp(e->end, e->start) < 0) {
		const sg_value *v = sg_value_get(src->meta, "end");
		sg_error(d, src->path, sg_fields_line(&f, v), sg_fields_col(v), "'end' (%s) is before 'start' (%s)", e->end,
		         e->start);
	}
	if (e->start && e->end && (strlen(e->start) == 10) != (strlen(e->end) == 10)) {
		const sg_value *v = sg_value_get(src->meta, "end");
		sg_error(d, src->path, sg_fields_line(&f, v), sg_fields_col(v),
		         "'start' and 'end' must both have a time, or both be dates (an all-day event)");
	}
	e->location = sg_field_text(&f, src->meta, "location", false, NULL);
	e->audience = sg_field_text(&f, src->meta, "audience", false, NULL);
	e->forbund = sg_field_forbund(site, &f, src->meta);
	const sg_value *reg = sg_field_map(&f, src->meta, "registration");
	if (reg) {
		const sg_key *rkeys = sg_key_sub(sg_keys_of(SG_SRC_EVENEMANG), "registration");
		sg_fields_check_keys(&f, reg, rkeys, "registration");
		e->reg_url = sg_field_text(&f, reg, "url", false, NULL);
		e->reg_email = sg_field_email(&f, reg, "email");
		e->reg_deadline = sg_field_date(&f, reg, "deadline");
		const sg_value *uv = sg_value_get(reg, "url");
		if (e->reg_url && strncmp(e->reg_url, "https://", 8) != 0) {
			sg_error(d, src->path, sg_fields_line(&f, uv), sg_fields_col(uv),
			         "registration 'url' must be a full web address starting with https://");
			free(e->reg_url);
			e->reg_url = NULL;
		}
		if (!e->reg_url && !e->reg_email && !sg_value_get(reg, "url") && !sg_value_get(reg, "email"))
			sg_error(d, src->path, sg_fields_line(&f, reg), sg_fields_col(reg),
			         "registration needs 'url' (a web form) or 'email' (where to send the registration)");
	}
	sg_field_bool(&f, src->meta, "draft", false);
	e->image = sg_image_of_source(&f, src, "image", false);
	e->body = sg_markdown_parse(src->body, src->body_len, src->path, src->body_line, &site->info.markdown_kept, d);
	if (e->start)
		event_address(site, &f, src, e);
	if (!publish || !e->start) {
		free_evenemang(e);
		return;
	}
	SG_PUSH(site->evenemang, site->n_evenemang, e);
}

/* ---- dokument ------------------------------------------------------------ */


/* Published without asking: a browser shows these with a viewer or downloads them; it
 * never runs them as part of the site. HTML, SVG, XML or JavaScript from the site's own
 * address could (and would get round allow_raw_html: false), so other types need
 * site.yaml's allow_document_types. */
static const char *const safe_doc_types[] = {"pdf", "doc", "docx", "odt", "xls",  "xlsx", "ods",  "ppt", "pptx", "odp",
                                             "rtf", "txt", "csv",  "png", "jpg",  "jpeg", "gif",  "webp"};

static bool in_list(const char *s, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(s, list[i]) == 0)
			return true;
	return false;
}

/* Does the text start like a web page, SVG or XML (what a browser sniffs as HTML: the
 * patterns of the WHATWG MIME sniffing standard, and '<?xml' and '<svg')? */
static bool looks_like_markup(const char *p, size_t len)
{
	static const char *const tags[] = {"!doctype html", "html", "head", "script", "iframe", "h1", "div", "font",
	                                   "table", "a", "style", "title", "b", "body", "br", "p", "svg", "?xml", NULL};
	const char *end = p + len;
	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f'))
		p++;
	if (p == end || *p++ != '<')
		return false;
	if (end - p >= 3 && memcmp(p, "!--", 3) == 0)
		return true;
	for (size_t i = 0; tags[i]; i++) {
		size_t n = strlen(tags[i]);
		if ((size_t)(end - p) > n && strncasecmp(p, tags[i], n) == 0 && (p[n] == ' ' || p[n] == '>' ||
		                                                                   p[n] == '\t' || p[n] == '\n' ||
		                                                                   p[n] == '\r' || p[n] == '/'))
			return true;
	}
	return false;
}

/* Checks the document file beside the .yaml: its name (a web address), its type and
 * that it is a regular file whose start matches its type. Errors at the 'file:' value. */
static bool document_file_ok(const sg_site *site, const sg_source *src, sg_dokument *doc, sg_diags *d)
{
	const char *name = doc->file;
	int line = doc->file_line, col = doc->file_col;
	if (strchr(name, '/') || name[0] == '.') {
		sg_error(d, src->path, line, col, "'file' is a file name in the same folder, without '/': e.g. file: plan.pdf");
		return false;
	}
	const char *dot = strrchr(name, '.');
	char *stem = sg_strndup(name, dot ? (size_t)(dot - name) : strlen(name));
	char *ext = dot ? sg_strdup(dot + 1) : sg_strdup("");
	bool ok = true;
	if (!sg_is_slug(stem) || !*ext || !sg_is_slug(ext)) {
		/* the file name is the web address: '#', '?' or '%' in it would break the link */
		char *good_stem = sg_slugify(stem), *good_ext = sg_slugify(ext);
		if (!*good_stem)
			sg_error(d, src->path, line, col, "the file name '%s' has no letters or digits to make a web address from",
			         name);
		else if (!*good_ext)
			sg_error(d, src->path, line, col,
			         "the file name '%s' has no extension that says its type; rename the file, e.g. to '%s.pdf'", name,
			         good_stem);
		else
			sg_error(d, src->path, line, col,
			         "the file name '%s' cannot be used in a web address; rename the file to '%s.%s' and write "
			         "'file: %s.%s' (lowercase a-z, 0-9 and '-'; å ä → a, ö → o)",
			         name, good_stem, good_ext, good_stem, good_ext);
		free(good_stem);
		free(good_ext);
		ok = false;
	}
	const sg_site_info *in = &site->info;
	bool allowed = in_list(ext, (const char *const *)in->allow_document_types, in->n_allow_document_types);
	if (ok && !allowed && !in_list(ext, safe_doc_types, sizeof safe_doc_types / sizeof *safe_doc_types)) {
		sg_error(d, src->path, line, col,
		         "documents of type '.%s' are not published: a browser could run the file as part of the site; "
		         "publish a PDF, an office document (doc, docx, odt, xls, xlsx, ods, ppt, pptx, odp, rtf), text "
		         "(txt, csv) or an image (png, jpg, jpeg, gif, webp), or allow the type in site.yaml: "
		         "allow_document_types: [%s]",
		         ext, ext);
		ok = false;
	}
	doc->src_path = sg_path_join(src->folder, name);
	struct stat st;
	if (ok && lstat(doc->src_path, &st) == 0 && S_ISLNK(st.st_mode)) {
		sg_error(d, src->path, line, col, "the file '%s' is a link: put the file itself beside %s.yaml in %s", name,
		         src->slug, src->folder);
		ok = false;
	} else if (ok && lstat(doc->src_path, &st) != 0) {
		sg_error(d, src->path, line, col, "the file '%s' is missing: put it beside %s.yaml in %s", name, src->slug,
		         src->folder);
		ok = false;
	} else if (ok && !S_ISREG(st.st_mode)) {
		sg_error(d, src->path, line, col, "the file '%s' is %s, not a file: put the file itself beside %s.yaml in %s",
		         name, sg_mode_kind(st.st_mode), src->slug, src->folder);
		ok = false;
	} else if (ok) {
		doc->size = (long long)st.st_size;
		/* a type allowed on purpose (html) is what it says; the safe ones must not be markup */
		int fd = open(doc->src_path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
		char head[512];
		ssize_t n = fd >= 0 ? read(fd, head, sizeof head) : 0;
		if (fd >= 0)
			close(fd);
		doc->pdf = n >= 5 && memcmp(head, "%PDF-", 5) == 0;
		if (!allowed && n > 0 && looks_like_markup(head, (size_t)n)) {
			sg_error(d, src->path, line, col,
			         "the file '%s' starts like a web page, SVG or XML, not like a .%s document: a browser could run "
			         "it as part of the site; put the real document here",
			         name, ext);
			ok = false;
		}
	}
	free(stem);
	free(ext);
	return ok;
}

void sg_build_dokument(sg_site *site, const sg_source *src, sg_diags *d)
{
	sg_fields f = {src->path, d, 1};
	const sg_key *keys = sg_keys_of(SG_SRC_DOKUMENT);
	sg_fields_check_keys(&f, src->meta, keys, "a document");
	sg_dokument *doc = sg_calloc(1, sizeof *doc);
	doc->slug = sg_strdup(src->slug);
	doc->path = src->path;
	doc->title = sg_field_text(&f, src->meta, "title", true, "every document needs a title");
	if (!doc->title)
		doc->title = sg_strdup(src->slug);
	const char *const *doc_types = sg_key_choices(keys, "type");
	int t = sg_field_choice(&f, src->meta, "type", doc_types);
	doc->type = t < 0 ? SG_DOC_OTHER : (sg_doc_type)t;
	doc->year = (int)sg_field_int(&f, src->meta, "year", 0, 1990, 2100);
	doc->forbund = sg_field_forbund(site, &f, src->meta);
	doc->file = sg_field_text(&f, src->meta, "file", true, "the name of the file beside this .yaml, e.g. file: plan.pdf");
	bool ok = doc->file != NULL;
	if (doc->file) {
		const sg_value *v = sg_value_get(src->meta, "file");
		doc->file_line = sg_fields_line(&f, v);
		doc->file_col = sg_fields_col(v);
		ok = document_file_ok(site, src, doc, d);
	}
	if (!ok) {
		free(doc->slug), free(doc->title), free(doc->file), free(doc->src_path);
		free(doc);
		return;
	}
	SG_PUSH(site->dokument, site->n_dokument, doc);
}

/* ---- order and cleanup ------------------------------------------------------ */

static int news_newest_first(const void *pa, const void *pb)
{
	const sg_nyhetsbrev *a = *(sg_nyhetsbrev *const *)pa, *b = *(sg_nyhetsbrev *const *)pb;
	int c = strcmp(b->date, a->date);
	return c ? c : strcmp(a->slug, b->slug);
}

static int events_by_start(const void *pa, const void *pb)
{
	const sg_evenemang *a = *(sg_evenemang *const *)pa, *b = *(sg_evenemang *const *)pb;
	int c = strcmp(a->start, b->start);
	return c ? c : strcmp(a->slug, b->slug);
}

static int docs_order(const void *pa, const void *pb)
{
	const sg_dokument *a = *(sg_dokument *const *)pa, *b = *(sg_dokument *const *)pb;
	int c = sg_collate(a->forbund ? a->forbund->title : "", b->forbund ? b->forbund->title : "");
	if (!c)
		c = (int)a->type - (int)b->type;
	if (!c)
		c = b->year - a->year;
	if (!c)
		c = sg_collate(a->title, b->title);
	return c ? c : strcmp(a->slug, b->slug);
}

void sg_publications_sort(sg_site *site)
{
	if (site->n_nyhetsbrev > 1)
		qsort(site->nyhetsbrev, site->n_nyhetsbrev, sizeof *site->nyhetsbrev, news_newest_first);
	if (site->n_evenemang > 1)
		qsort(site->evenemang, site->n_evenemang, sizeof *site->evenemang, events_by_start);
	if (site->n_dokument > 1)
		qsort(site->dokument, site->n_dokument, sizeof *site->dokument, docs_order);
}

void sg_publications_free(sg_site *site)
{
	for (size_t i = 0; i < site->n_nyhetsbrev; i++) {
		sg_nyhetsbrev *n = site->nyhetsbrev[i];
		free(n->slug), free(n->title), free(n->date), free(n->summary), sg_image_free(n->image);
		sg_markdown_free(n->body);
		free(n);
	}
	free(site->nyhetsbrev);
	for (size_t i = 0; i < site->n_nyhetsbrev_later; i++) {
		sg_nyhetsbrev *n = site->nyhetsbrev_later[i];
		free(n->slug), free(n->title), free(n->date), free(n->summary), sg_image_free(n->image);
		sg_markdown_free(n->body);
		free(n);
	}
	free(site->nyhetsbrev_later);
	for (size_t i = 0; i < site->n_evenemang; i++)
		free_evenemang(site->evenemang[i]);
	free(site->evenemang);
	for (size_t i = 0; i < site->n_dokument; i++) {
		sg_dokument *doc = site->dokument[i];
		free(doc->slug), free(doc->title), free(doc->file), free(doc->src_path);
		free(doc);
	}
	free(site->dokument);
}

/* ---- PDF documents: tagged for screen readers? ------------------------------ */

/* pdfinfo's time for one file: it reads the cross-reference table, not the pages, so a
 * 100 MB PDF takes well under a second; one that takes this long is broken. */
#define SG_PDFINFO_TIMEOUT_MS 20000

/* Is it a PDF, by its first bytes or by its name (a .pdf that is none is then found broken)? */
static bool doc_is_pdf(const sg_dokument *doc)
{
	const char *dot = strrchr(doc->file, '.');
	return doc->pdf || (dot && strcmp(dot, ".pdf") == 0);
}

void sg_dokument_check_pdfs(const sg_site *site, struct sg_pdf_cache *cache, sg_diags *d)
{
	char *pdfinfo = NULL;
	bool looked = false, missing_told = false;
	for (size_t i = 0; i < site->n_dokument; i++) {
		const sg_dokument *doc = site->dokument[i];
		if (!doc_is_pdf(doc))
			continue;
		if (!looked) { /* once a run, and only when there is a PDF */
			pdfinfo = sg_pdfinfo_find();
			looked = true;
		}
		const char *at = doc->path;
		int line = doc->file_line, col = doc->file_col;
		switch (sg_pdf_cache_tagging(cache, pdfinfo, doc->src_path, SG_PDFINFO_TIMEOUT_MS)) {
		case SG_PDF_TAGGED:
		case SG_PDF_ENCRYPTED: break;
		case SG_PDF_UNTAGGED:
			sg_warning(d, at, line, col,
			           "the PDF '%s' is not tagged: screen readers cannot read it, and the accessibility law "
			           "(lagen om tillgänglighet till digital offentlig service) requires documents on the site to be "
			           "accessible; export it again as a tagged PDF (in Word: Save As, PDF, Options, tick 'Document "
			           "structure tags for accessibility'), or ask its author for a tagged version",
			           doc->file);
			break;
		case SG_PDF_BROKEN:
			sg_warning(d, at, line, col,
			           "pdfinfo cannot read the PDF '%s': the file is damaged or is not a PDF, so visitors may not be "
			           "able to open it, and whether screen readers can read it is not known; open it in a PDF reader, "
			           "and export it again from the original as a tagged PDF",
			           doc->file);
			break;
		case SG_PDF_TIMEOUT:
			sg_warning(d, at, line, col,
			           "pdfinfo did not finish reading the PDF '%s' in %d seconds, so whether screen readers can read "
			           "it is not known; open it in a PDF reader to see whether it is damaged, and export it again "
			           "from the original as a tagged PDF",
			           doc->file, SG_PDFINFO_TIMEOUT_MS / 1000);
			break;
		case SG_PDF_NO_PDFINFO:
			if (!missing_told)
				sg_warning(d, at, line, col,
				           "whether the PDF '%s' and the site's other PDF documents are tagged for screen readers, "
				           "as the accessibility law requires, is not checked: pdfinfo is not installed; install it "
				           "with: sudo apt-get install poppler-utils",
				           doc->file);
			missing_told = true;
			break;
		}
	}
	free(pdfinfo);
}
