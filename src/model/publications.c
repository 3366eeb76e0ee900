/* publications.c — what a förbund publishes besides the catalogue: informationsbrev
 * (newsletters), evenemang (events) and dokument (documents): reading, checking and
 * ordering them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../util/alloc.h"
#include "../util/fs.h"
#include "../util/numfmt.h"
#include "../util/slug.h"
#include "../util/suggest.h"
#include "../util/swetime.h"
#include "builders.h"

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
	static const char *const keys[] = {"title", "date", "forbund", "summary", "draft", NULL};
	sg_fields_check_keys(&f, src->meta, keys, "a newsletter");
	sg_nyhetsbrev *n = sg_calloc(1, sizeof *n);
	n->slug = sg_strdup(src->slug);
	n->path = src->path;
	n->title = sg_field_text(&f, src->meta, "title", true, "every newsletter needs a title");
	n->date = sg_field_date(&f, src->meta, "date");
	if (!n->date && !sg_value_get(src->meta, "date"))
		sg_error(d, src->path, f.line, 1, "missing 'date': the day the newsletter is published, e.g. date: 2015-02-15");
	n->forbund = sg_field_forbund(site, &f, src->meta);
	n->summary = sg_field_text(&f, src->meta, "summary", false, NULL);
	sg_field_bool(&f, src->meta, "draft", false);
	n->body = sg_markdown_parse(src->body, src->body_len, src->path, src->body_line, &site->info.markdown_kept, d);
	if (!n->title)
		n->title = sg_strdup(src->slug);
	if (!n->date)
		n->date = sg_strdup("1970-01-01");
	SG_PUSH(site->nyhetsbrev, site->n_nyhetsbrev, n);
	if (!publish) {
		site->n_nyhetsbrev--;
		free(n->slug), free(n->title), free(n->date), free(n->summary);
		sg_markdown_free(n->body);
		free(n);
	}
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
		snprintf(why, sizeof why, "'%s' is not a date and time; write YYYY-MM-DDTHH:MM, e.g. 2015-03-12T08:30", s);
	else if (!ok && len > 10 && s[10] != 'T' && s[10] != ' ')
		snprintf(why, sizeof why, "'%s' is not a date and time; write YYYY-MM-DDTHH:MM, e.g. 2015-03-12T08:30", s);
	if (ok && len > 10) {
		ok = (s[10] == 'T' || s[10] == ' ') && sg_time_valid(s + 11);
		if (!ok)
			snprintf(why, sizeof why, "'%s' is not a date and time; write YYYY-MM-DDTHH:MM, e.g. 2015-03-12T08:30", s);
		else
			s[10] = 'T';
		/* the hour the clocks skip in spring does not exist; the hour that comes twice
		 * in autumn is taken as its first time, in summer time (as iCalendar does) */
		if (ok && sg_sweden_local_kind(sg_digits(s, 4), sg_digits(s + 5, 2), sg_digits(s + 8, 2), sg_digits(s + 11, 2),
		                               sg_digits(s + 14, 2)) == SG_LOCAL_SKIPPED) {
			ok = false;
			snprintf(why, sizeof why,
			         "there is no %s on %s in Swedish time: the clocks jump from 02:00 to 03:00 that night (summer "
			         "time begins); write a time before 02:00 or from 03:00",
			         s + 11, date);
		}
	} else if (!ok && len < 10) {
		snprintf(why, sizeof why, "'%s' is not a date and time; write YYYY-MM-DDTHH:MM, e.g. 2015-03-12T08:30", s);
	}
	if (!ok) {
		sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v), "'%s': %s", key, why);
		free(s);
		return NULL;
	}
	return s;
}

static void free_evenemang(sg_evenemang *e)
{
	free(e->slug), free(e->title), free(e->start), free(e->end), free(e->location), free(e->audience);
	free(e->reg_url), free(e->reg_email), free(e->reg_deadline);
	sg_markdown_free(e->body);
	free(e);
}

void sg_build_evenemang(sg_site *site, const sg_source *src, bool publish, sg_diags *d)
{
	sg_fields f = fields_of(src, d);
	static const char *const keys[] = {"title", "start", "end", "location", "forbund", "audience",
	                                   "registration", "draft", NULL};
	sg_fields_check_keys(&f, src->meta, keys, "an event");
	sg_evenemang *e = sg_calloc(1, sizeof *e);
	e->slug = sg_strdup(src->slug);
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
		static const char *const rkeys[] = {"url", "email", "deadline", NULL};
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
	e->body = sg_markdown_parse(src->body, src->body_len, src->path, src->body_line, &site->info.markdown_kept, d);
	if (!publish || !e->start) {
		free_evenemang(e);
		return;
	}
	SG_PUSH(site->evenemang, site->n_evenemang, e);
}

/* ---- dokument ------------------------------------------------------------ */

static const char *const doc_types[] = {"verksamhetsplan", "årsredovisning", "förbundsordning", "utvärdering",
                                        "protokoll",       "other",          NULL};

void sg_build_dokument(sg_site *site, const sg_source *src, sg_diags *d)
{
	sg_fields f = {src->path, d, 1};
	static const char *const keys[] = {"title", "type", "year", "forbund", "file", NULL};
	sg_fields_check_keys(&f, src->meta, keys, "a document");
	sg_dokument *doc = sg_calloc(1, sizeof *doc);
	doc->slug = sg_strdup(src->slug);
	doc->path = src->path;
	doc->title = sg_field_text(&f, src->meta, "title", true, "every document needs a title");
	if (!doc->title)
		doc->title = sg_strdup(src->slug);
	int t = sg_field_choice(&f, src->meta, "type", doc_types);
	doc->type = t < 0 ? SG_DOC_OTHER : (sg_doc_type)t;
	doc->year = (int)sg_field_int(&f, src->meta, "year", 0, 1990, 2100);
	doc->forbund = sg_field_forbund(site, &f, src->meta);
	doc->file = sg_field_text(&f, src->meta, "file", true, "the name of the file beside this .yaml, e.g. file: plan.pdf");
	bool ok = doc->file != NULL;
	if (doc->file) {
		const sg_value *v = sg_value_get(src->meta, "file");
		struct stat st;
		if (strchr(doc->file, '/') || doc->file[0] == '.') {
			sg_error(d, src->path, sg_fields_line(&f, v), sg_fields_col(v),
			         "'file' is a file name in the same folder, without '/': e.g. file: plan.pdf");
			ok = false;
		} else {
			doc->src_path = sg_path_join(src->folder, doc->file);
			if (lstat(doc->src_path, &st) == 0 && S_ISLNK(st.st_mode)) {
				sg_error(d, src->path, sg_fields_line(&f, v), sg_fields_col(v),
				         "the file '%s' is a link: put the file itself beside %s.yaml in %s", doc->file, src->slug,
				         src->folder);
				ok = false;
			} else if (lstat(doc->src_path, &st) != 0 || !S_ISREG(st.st_mode)) {
				sg_error(d, src->path, sg_fields_line(&f, v), sg_fields_col(v),
				         "the file '%s' is missing: put it beside %s.yaml in %s", doc->file, src->slug, src->folder);
				ok = false;
			} else {
				doc->size = (long long)st.st_size;
			}
		}
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
		free(n->slug), free(n->title), free(n->date), free(n->summary);
		sg_markdown_free(n->body);
		free(n);
	}
	free(site->nyhetsbrev);
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
