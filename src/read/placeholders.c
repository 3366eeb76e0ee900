/* placeholders.c — the body `sofgen new` writes, and the check that no placeholder of it
 * is published (see placeholders.h). */
#include "placeholders.h"

#include <string.h>

/* A line that stays (a heading, an empty line) and one that is to be replaced. */
#define KEEP(s) {s, false}
#define FILL(s) {s, true}

static const sg_new_line insats_body[] = {
	KEEP("## Vad är det?"), KEEP(""), FILL("Beskriv kort vad insatsen är och vem som driver den."), KEEP(""),
	KEEP("## Målgrupp"),    KEEP(""), FILL("Vem insatsen vänder sig till."),                       KEEP(""),
	KEEP("## Innehåll"),    KEEP(""), FILL("Vad deltagaren gör, hur länge och var."),              KEEP(""),
	KEEP("## Mål"),         KEEP(""), FILL("Vad insatsen ska leda till för deltagaren."),          {NULL, false}};

/* "Text." under each news item is not checked: a line of that one word may be real */
static const sg_new_line nyhetsbrev_body[] = {
	FILL("En kort inledning: vad brevet handlar om."), KEEP(""), FILL("## Första nyheten"), KEEP(""),
	KEEP("Text."), KEEP(""), FILL("## Andra nyheten"), KEEP(""), KEEP("Text."), KEEP(""), KEEP("## Kontakt"),
	KEEP(""), FILL("Vem läsaren kan vända sig till med frågor."), {NULL, false}};

/* "- 09.00 Välkommen" is not checked: many programmes begin just so */
static const sg_new_line evenemang_body[] = {
	FILL("En kort inledning: vad evenemanget handlar om och varför man ska komma."), KEEP(""),
	KEEP("## Program"), KEEP(""), KEEP("- 09.00 Välkommen"), FILL("- 09.15 Första punkten"), KEEP(""),
	KEEP("## Praktisk information"), KEEP(""), FILL("Lokal, fika, tillgänglighet och hur man anmäler sig."),
	{NULL, false}};

const sg_new_line *sg_new_body(sg_source_kind kind)
{
	switch (kind) {
	case SG_SRC_INSATS: return insats_body;
	case SG_SRC_NYHETSBREV: return nyhetsbrev_body;
	case SG_SRC_EVENEMANG: return evenemang_body;
	default: return NULL;
	}
}

static bool blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

const char *sg_placeholder_of(sg_source_kind kind, const char *line, size_t len)
{
	while (len && blank(*line))
		line++, len--;
	while (len && blank(line[len - 1]))
		len--;
	const sg_new_line *body = sg_new_body(kind);
	for (size_t i = 0; body && body[i].text; i++)
		if (body[i].placeholder && strlen(body[i].text) == len && memcmp(body[i].text, line, len) == 0)
			return body[i].text;
	return NULL;
}

void sg_placeholders_check(const sg_source *src, sg_diags *d)
{
	if (!src->body || !sg_new_body(src->kind))
		return;
	const char *p = src->body, *end = src->body + src->body_len;
	bool draft = sg_value_as_bool(sg_value_get(src->meta, "draft"));
	for (int line = src->body_line; p < end; line++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
		const char *ph = sg_placeholder_of(src->kind, p, len);
		if (ph) {
			int col = 1;
			while (blank(p[col - 1]))
				col++;
			/* a draft is a warning even with --drafts: previewing a new file must work */
			if (draft)
				sg_warning(d, src->path, line, col,
				           "'%s' is placeholder text from sofgen new; replace it with the real text or remove it "
				           "(in a draft; fix it before publishing)",
				           ph);
			else
				sg_error(d, src->path, line, col,
				         "'%s' is placeholder text from sofgen new; replace it with the real text or remove it", ph);
		}
		if (!nl)
			break;
		p = nl + 1;
	}
}
