/* publication_text.c — plain-text newsletters and event descriptions (see
 * publication_text.h). */
#include "publication_text.h"

#include <stdlib.h>
#include <string.h>

#include "../plan/plan.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/utf8.h"
#include "../markdown/markdown_mail.h"

static void news_text(const sg_site *site, const sg_nyhetsbrev *n, const char *base, sg_buf *b)
{
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
	char *url = sg_url_nyhetsbrev(n);
	sg_buf_printf(b, "\n--\nLäs brevet på webben: %s%s\n", base, url);
	free(url);
}

sg_publication_texts *sg_publication_texts_new(const sg_site *site)
{
	sg_publication_texts *t = sg_calloc(1, sizeof *t);
	char *base = sg_url_absolute(site->info.base_url, ""); /* base_url without its final '/' */
	t->n_news = site->n_nyhetsbrev;
	t->news = sg_calloc(t->n_news ? t->n_news : 1, sizeof *t->news);
	for (size_t i = 0; i < t->n_news; i++) {
		sg_buf b = SG_BUF_INIT;
		news_text(site, site->nyhetsbrev[i], base, &b);
		t->news[i] = sg_buf_detach(&b);
	}
	t->n_events = site->n_evenemang;
	t->events = sg_calloc(t->n_events ? t->n_events : 1, sizeof *t->events);
	for (size_t i = 0; i < t->n_events; i++) {
		sg_buf b = SG_BUF_INIT;
		sg_markdown_render_text(site->evenemang[i]->body, 1000, base, &b);
		t->events[i] = sg_buf_detach(&b);
	}
	free(base);
	return t;
}

void sg_publication_texts_free(sg_publication_texts *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n_news; i++)
		free(t->news[i]);
	for (size_t i = 0; i < t->n_events; i++)
		free(t->events[i]);
	free(t->news);
	free(t->events);
	free(t);
}
