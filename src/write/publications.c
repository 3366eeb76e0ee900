/* publications.c — feeds, calendars, plain-text newsletters and documents (see
 * publications.h). */
#include "publications.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "../util/fs.h"
#include "atom.h"
#include "ical.h"
#include "../util/i18n.h"

/* base_url without its final '/' */
static char *base_of(const sg_site *site) { return sg_url_absolute(site->info.base_url, ""); }

static int put(sg_output *out, const char *path, sg_buf *b, sg_diags *d, long *count)
{
	if (sg_output_write(out, path, b->ptr ? b->ptr : "", b->len, d) != 0)
		return -1;
	(*count)++;
	sg_buf_clear(b);
	return 0;
}

/* DTSTAMP must be a UTC time; a fixed one derived from the content keeps builds
 * reproducible: the newest event's day. */
static void dtstamp_of(sg_evenemang *const *ev, size_t n, char out[17])
{
	const char *newest = "1970-01-01";
	for (size_t i = 0; i < n; i++)
		if (strncmp(ev[i]->start, newest, 10) > 0)
			newest = ev[i]->start;
	snprintf(out, 17, "%.4s%.2s%.2sT000000Z", newest, newest + 5, newest + 8);
}

/* the events ev[0..n), each described by text[i] */
static void calendar(const sg_site *site, const char *name, sg_evenemang *const *ev, char *const *text, size_t n,
                     sg_buf *b)
{
	char *base = base_of(site);
	const char *host = strstr(base, "://");
	host = host ? host + 3 : base;
	sg_ical_event *items = sg_calloc(n ? n : 1, sizeof *items);
	char **owned = sg_calloc(n ? 2 * n : 1, sizeof *owned);
	for (size_t i = 0; i < n; i++) {
		char *url = sg_url_evenemang(ev[i]);
		owned[2 * i] = sg_asprintf("evenemang-%s@%.*s", ev[i]->slug, (int)strcspn(host, "/"), host);
		owned[2 * i + 1] = sg_asprintf("%s%s", base, url);
		free(url);
		items[i] = (sg_ical_event){owned[2 * i], ev[i]->title, text[i], ev[i]->location, owned[2 * i + 1],
		                           ev[i]->start, ev[i]->end};
	}
	char stamp[17];
	dtstamp_of(ev, n, stamp);
	sg_ical_render(b, "-//sofgen//sofgen//SV", name, items, n, stamp);
	for (size_t i = 0; i < 2 * n; i++)
		free(owned[i]);
	free(owned);
	free(items);
	free(base);
}

/* what a file is made from, for the messages about paths written twice (url: taken) */
static void add_path(sg_out_paths *out, char *url, const char *from)
{
	char *path = sg_url_out_path(url);
	free(url);
	char *what = sg_asprintf(_("the file /%s that sofgen writes (generated from %s)"), path, from);
	sg_out_paths_add(out, path, SG_OUT_SOFGEN, what, from, 0, 0);
}

/* keep in step with sg_write_publications below */
void sg_publications_paths(const sg_site *site, sg_out_paths *out)
{
	for (size_t i = 0; i < site->n_nyhetsbrev; i++)
		add_path(out, sg_url_nyhetsbrev_text(site->nyhetsbrev[i]), site->nyhetsbrev[i]->path);
	if (site->n_nyhetsbrev)
		add_path(out, sg_url_nyhetsbrev_feed(NULL), site->nyhetsbrev[0]->path);
	for (size_t f = 0; f < site->n_forbund; f++)
		add_path(out, sg_url_nyhetsbrev_feed(site->forbund[f]), site->forbund[f]->path);
	if (site->n_evenemang)
		add_path(out, sg_url_kalender(NULL), site->evenemang[0]->path);
	for (size_t f = 0; f < site->n_forbund; f++)
		add_path(out, sg_url_kalender(site->forbund[f]), site->forbund[f]->path);
	for (size_t i = 0; i < site->n_evenemang; i++)
		add_path(out, sg_url_evenemang_ics(site->evenemang[i]), site->evenemang[i]->path);
}

/* url (taken): its file */
static int put_url(sg_output *out, char *url, sg_buf *b, sg_diags *d, long *count)
{
	int rc = put(out, url + 1, b, d, count);
	free(url);
	return rc;
}

long sg_write_publications(sg_output *out, const sg_site *site, char *const *news_text, char *const *event_text,
                           sg_diags *d)
{
	long count = 0;
	int rc = 0;
	sg_buf b = SG_BUF_INIT;
	const char *site_title = site->info.title ? site->info.title : "";

	/* newsletters: the e-mail text version, the portal's feed and one per förbund */
	for (size_t i = 0; i < site->n_nyhetsbrev && rc == 0; i++) {
		sg_buf_puts(&b, news_text[i]);
		rc = put_url(out, sg_url_nyhetsbrev_text(site->nyhetsbrev[i]), &b, d, &count);
	}
	sg_nyhetsbrev **subset = sg_calloc(site->n_nyhetsbrev + 1, sizeof *subset);
	if (rc == 0 && site->n_nyhetsbrev) {
		char *title = sg_asprintf("Informationsbrev – %s", site_title);
		char *self = sg_url_nyhetsbrev_feed(NULL);
		char *alt = sg_page_kinds[SG_PAGE_NYHETSBREV_LISTA].url((sg_subject){.kind = SG_SUBJECT_NONE});
		sg_atom_render(site, title, self, alt, site->nyhetsbrev, site->n_nyhetsbrev, &b);
		free(title), free(alt);
		rc = put_url(out, self, &b, d, &count);
	}
	for (size_t f = 0; f < site->n_forbund && rc == 0; f++) {
		const sg_forbund *fb = site->forbund[f];
		size_t n = 0;
		for (size_t i = 0; i < site->n_nyhetsbrev; i++)
			if (site->nyhetsbrev[i]->forbund == fb)
				subset[n++] = site->nyhetsbrev[i];
		char *self = sg_url_nyhetsbrev_feed(fb);
		char *alt = sg_url_forbund(fb);
		char *title = sg_asprintf("Informationsbrev – %s", fb->title);
		sg_atom_render(site, title, self, alt, subset, n, &b);
		rc = put_url(out, self, &b, d, &count);
		free(alt), free(title);
	}
	free(subset);

	/* events: the portal's calendar and one per förbund */
	sg_evenemang **events = sg_calloc(site->n_evenemang + 1, sizeof *events);
	char **text = sg_calloc(site->n_evenemang + 1, sizeof *text);
	if (rc == 0 && site->n_evenemang) {
		calendar(site, site_title, site->evenemang, event_text, site->n_evenemang, &b);
		rc = put_url(out, sg_url_kalender(NULL), &b, d, &count);
	}
	for (size_t f = 0; f < site->n_forbund && rc == 0; f++) {
		const sg_forbund *fb = site->forbund[f];
		size_t n = 0;
		for (size_t i = 0; i < site->n_evenemang; i++)
			if (site->evenemang[i]->forbund == fb) {
				text[n] = event_text[i];
				events[n++] = site->evenemang[i];
			}
		calendar(site, fb->title, events, text, n, &b);
		rc = put_url(out, sg_url_kalender(fb), &b, d, &count);
	}
	/* and each event alone, beside its page */
	for (size_t i = 0; i < site->n_evenemang && rc == 0; i++) {
		calendar(site, site->evenemang[i]->title, &site->evenemang[i], &event_text[i], 1, &b);
		rc = put_url(out, sg_url_evenemang_ics(site->evenemang[i]), &b, d, &count);
	}
	free(text);
	free(events);

	/* documents, copied as they are */
	for (size_t i = 0; i < site->n_dokument && rc == 0; i++) {
		const sg_dokument *doc = site->dokument[i];
		size_t len;
		char *data = sg_read_file(doc->src_path, &len, (size_t)1 << 31);
		if (!data) {
			sg_error(d, doc->src_path, 0, 0, "cannot read the document: %s", strerror(errno));
			rc = -1;
			break;
		}
		char *url = sg_url_dokument(doc);
		rc = sg_output_write(out, url + 1, data, len, d);
		free(url);
		count += rc == 0;
		free(data);
	}
	sg_buf_free(&b);
	return rc == 0 ? count : -1;
}
