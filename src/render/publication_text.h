/* publication_text.h — the texts made from Markdown that are not pages: each
 * newsletter's plain-text e-mail version and each event's description for the
 * calendars. The write stage puts them into files (write/publications.h), so that
 * write/ gets finished text and does not render. */
#ifndef SG_RENDER_PUBLICATION_TEXT_H
#define SG_RENDER_PUBLICATION_TEXT_H
#include <stddef.h>

#include "../model/model.h"

typedef struct sg_publication_texts {
	char **news;   /* parallel to site->nyhetsbrev: the whole epost.txt */
	char **events; /* parallel to site->evenemang: the description, as plain text */
	size_t n_news, n_events;
} sg_publication_texts;

/* Renders them all (owned by the caller: sg_publication_texts_free). */
sg_publication_texts *sg_publication_texts_new(const sg_site *site);
void sg_publication_texts_free(sg_publication_texts *t);

#endif
