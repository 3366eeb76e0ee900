/* publications.c — feeds, calendars, plain-text newsletters and documents (see
 * publications.h). */
#include "publications.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../markdown/markdown_mail.h"
#include "../util/alloc.h"
#include "../util/fs.h"
#include "../util/utf8.h"
#include "atom.h"
#include "ical.h"

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

static void news_text(const sg_site *site, const sg_nyhetsbrev *n, sg_buf *b)
{
	char *base = base_of(site);
	/* the title, wrapped like the text, underlined as long as its longest line */
	size_t longest = 0, col = 0;
	const char *w = n->title;
	while (*w) {
		size_t wl = strcspn(w, " ");
		size_t cols = sg_utf8_length(w, wl);
		if (col && col + 1 + cols > 72) {
			sg_buf_putc(b, '\n');
			col = 0;
		} else if (col) {
			sg_buf_putc(b, ' ');
			col++;
		}
		sg_buf_put(b, w, wl);
		col += cols;
		longest = col > longest ? col : longest;
		w += wl;
		while (*w == ' ')
			w++;
	}
	sg_buf_putc(b, '\n');
	for (size_t i = 0; i < longest; i++)
		sg_buf_putc(b, '=');
	sg_buf_printf(b, "\n%s%s%s\n\n", n->forbund ? n->forbund->title : site->info.title, n->forbund ? ", " : "",
	              n->forbund ? n->date : "");
	sg_markdown_render_text(n->body, 72, base, b);
	sg_buf_printf(b, "\n--\nLäs brevet på webben: %s/nyhetsbrev/%s/\n", base, n->slug);
	free(base);
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

static void calendar(const sg_site *site, const char *name, sg_evenemang *const *ev, size_t n, sg_buf *b)
{
	char *base = base_of(site);
	const char *host = strstr(base, "://");
	host = host ? host + 3 : base;
	sg_ical_event *items = sg_calloc(n ? n : 1, sizeof *items);
	char **owned = sg_calloc(n ? 3 * n : 1, sizeof *owned);
	for (size_t i = 0; i < n; i++) {
		sg_buf text = SG_BUF_INIT;
		sg_markdown_render_text(ev[i]->body, 1000, base, &text);
		owned[3 * i] = sg_asprintf("evenemang-%s@%.*s", ev[i]->slug, (int)strcspn(host, "/"), host);
		owned[3 * i + 1] = sg_asprintf("%s/evenemang/%s/", base, ev[i]->slug);
		owned[3 * i + 2] = sg_buf_detach(&text);
		items[i] = (sg_ical_event){owned[3 * i], ev[i]->title, owned[3 * i + 2], ev[i]->location, owned[3 * i + 1],
		                           ev[i]->start, ev[i]->end};
	}
	char stamp[17];
	dtstamp_of(ev, n, stamp);
	sg_ical_render(b, "-//sofgen//sofgen//SV", name, items, n, stamp);
	for (size_t i = 0; i < 3 * n; i++)
		free(owned[i]);
	free(owned);
	free(items);
	free(base);
}

/* what a file is made from, for the messages about paths written twice */
static void add_path(sg_out_paths *out, char *path, const char *from)
{
	char *what = sg_asprintf("the file /%s that sofgen writes (generated from %s)", path, from);
	sg_out_paths_add(out, path, SG_OUT_SOFGEN, what, from, 0, 0);
}

/* keep in step with sg_write_publications below */
void sg_publications_paths(const sg_site *site, sg_out_paths *out)
{
	for (size_t i = 0; i < site->n_nyhetsbrev; i++)
		add_path(out, sg_asprintf("nyhetsbrev/%s/epost.txt", site->nyhetsbrev[i]->slug), site->nyhetsbrev[i]->path);
	if (site->n_nyhetsbrev)
		add_path(out, sg_strdup("nyhetsbrev/feed.xml"), site->nyhetsbrev[0]->path);
	for (size_t f = 0; f < site->n_forbund; f++)
		add_path(out, sg_asprintf("forbund/%s/nyhetsbrev.xml", site->forbund[f]->slug), site->forbund[f]->path);
	if (site->n_evenemang)
		add_path(out, sg_strdup("evenemang/kalender.ics"), site->evenemang[0]->path);
	for (size_t f = 0; f < site->n_forbund; f++)
		add_path(out, sg_asprintf("forbund/%s/kalender.ics", site->forbund[f]->slug), site->forbund[f]->path);
}

long sg_write_publications(sg_output *out, const sg_site *site, const sg_plan *plan, sg_diags *d)
{
	(void)plan;
	long count = 0;
	int rc = 0;
	sg_buf b = SG_BUF_INIT;
	const char *site_title = site->info.title ? site->info.title : "";

	/* newsletters: the e-mail text version, the portal's feed and one per förbund */
	for (size_t i = 0; i < site->n_nyhetsbrev && rc == 0; i++) {
		news_text(site, site->nyhetsbrev[i], &b);
		char *path = sg_asprintf("nyhetsbrev/%s/epost.txt", site->nyhetsbrev[i]->slug);
		rc = put(out, path, &b, d, &count);
		free(path);
	}
	sg_nyhetsbrev **subset = sg_calloc(site->n_nyhetsbrev + 1, sizeof *subset);
	if (rc == 0 && site->n_nyhetsbrev) {
		char *title = sg_asprintf("Informationsbrev – %s", site_title);
		sg_atom_render(site, title, "/nyhetsbrev/feed.xml", "/nyhetsbrev/", site->nyhetsbrev, site->n_nyhetsbrev, &b);
		free(title);
		rc = put(out, "nyhetsbrev/feed.xml", &b, d, &count);
	}
	for (size_t f = 0; f < site->n_forbund && rc == 0; f++) {
		const sg_forbund *fb = site->forbund[f];
		size_t n = 0;
		for (size_t i = 0; i < site->n_nyhetsbrev; i++)
			if (site->nyhetsbrev[i]->forbund == fb)
				subset[n++] = site->nyhetsbrev[i];
		char *self = sg_asprintf("/forbund/%s/nyhetsbrev.xml", fb->slug);
		char *alt = sg_asprintf("/forbund/%s/", fb->slug);
		char *title = sg_asprintf("Informationsbrev – %s", fb->title);
		sg_atom_render(site, title, self, alt, subset, n, &b);
		rc = put(out, self + 1, &b, d, &count);
		free(self), free(alt), free(title);
	}
	free(subset);

	/* events: the portal's calendar and one per förbund */
	sg_evenemang **events = sg_calloc(site->n_evenemang + 1, sizeof *events);
	if (rc == 0 && site->n_evenemang) {
		calendar(site, site_title, site->evenemang, site->n_evenemang, &b);
		rc = put(out, "evenemang/kalender.ics", &b, d, &count);
	}
	for (size_t f = 0; f < site->n_forbund && rc == 0; f++) {
		const sg_forbund *fb = site->forbund[f];
		size_t n = 0;
		for (size_t i = 0; i < site->n_evenemang; i++)
			if (site->evenemang[i]->forbund == fb)
				events[n++] = site->evenemang[i];
		calendar(site, fb->title, events, n, &b);
		char *path = sg_asprintf("forbund/%s/kalender.ics", fb->slug);
		rc = put(out, path, &b, d, &count);
		free(path);
	}
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
		char *path = sg_asprintf("dokument/%s", doc->file);
		rc = sg_output_write(out, path, data, len, d);
		count += rc == 0;
		free(path);
		free(data);
	}
	sg_buf_free(&b);
	return rc == 0 ? count : -1;
}
