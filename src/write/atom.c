/* atom.c — Atom feeds (see atom.h). Written by hand: an Atom document is a few
 * elements whose only difficulty is escaping, and no Debian C library writes Atom. */
#include "atom.h"

#include <stdlib.h>
#include <string.h>

#include "../plan/plan.h"
#include "../util/alloc.h"
#include "../util/escape.h"

static void text(sg_buf *out, const char *s)
{
	if (s)
		sg_escape_html(out, s, strlen(s));
}

static void absolute(sg_buf *out, const sg_site *site, const char *path)
{
	char *url = sg_url_absolute(site->info.base_url, path);
	text(out, url);
	free(url);
}

/* RFC 3339 from a YYYY-MM-DD date: midnight, Swedish winter time is close enough and,
 * above all, the same in every build. */
static void timestamp(sg_buf *out, const char *date) { sg_buf_printf(out, "%.10sT00:00:00Z", date); }

void sg_atom_render(const sg_site *site, const char *title, const char *self, const char *alternate,
                    sg_nyhetsbrev *const *items, size_t n, sg_buf *out)
{
	sg_buf_puts(out, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"");
	text(out, site->info.language);
	sg_buf_puts(out, "\">\n<title>");
	text(out, title);
	sg_buf_puts(out, "</title>\n<id>");
	absolute(out, site, self);
	sg_buf_puts(out, "</id>\n<link rel=\"self\" type=\"application/atom+xml\" href=\"");
	absolute(out, site, self);
	sg_buf_puts(out, "\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"");
	absolute(out, site, alternate);
	sg_buf_puts(out, "\"/>\n<updated>");
	timestamp(out, n ? items[0]->date : "1970-01-01");
	sg_buf_puts(out, "</updated>\n<author><name>");
	text(out, site->info.title);
	sg_buf_puts(out, "</name></author>\n<generator>sofgen</generator>\n");
	for (size_t i = 0; i < n; i++) {
		const sg_nyhetsbrev *x = items[i];
		char *url = sg_url_nyhetsbrev(x);
		sg_buf_puts(out, "<entry>\n<title>");
		text(out, x->title);
		sg_buf_puts(out, "</title>\n<id>");
		absolute(out, site, url);
		sg_buf_puts(out, "</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"");
		absolute(out, site, url);
		sg_buf_puts(out, "\"/>\n<published>");
		timestamp(out, x->date);
		sg_buf_puts(out, "</published>\n<updated>");
		timestamp(out, x->date);
		sg_buf_puts(out, "</updated>\n");
		if (x->forbund) {
			sg_buf_puts(out, "<author><name>");
			text(out, x->forbund->title);
			sg_buf_puts(out, "</name></author>\n");
		}
		if (x->summary) {
			sg_buf_puts(out, "<summary>");
			text(out, x->summary);
			sg_buf_puts(out, "</summary>\n");
		}
		/* the letter itself, as escaped HTML with absolute links */
		sg_buf html = SG_BUF_INIT;
		sg_markdown_render(x->body, &html);
		sg_buf_puts(out, "<content type=\"html\" xml:base=\"");
		absolute(out, site, "/");
		sg_buf_puts(out, "\">");
		sg_escape_html(out, html.ptr ? html.ptr : "", html.len);
		sg_buf_puts(out, "</content>\n</entry>\n");
		sg_buf_free(&html);
		free(url);
	}
	sg_buf_puts(out, "</feed>\n");
}
