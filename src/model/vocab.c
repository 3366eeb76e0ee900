/* vocab.c — the fixed vocabulary of the domain: SUS areas and categories, statuses,
 * and Swedish alphabetical order for sorting names. */
#include <string.h>

#include "model.h"

static const sg_category_info categories[] = {
	{"kartlaggning", "Kartläggning", true, true},
	{"forberedande", "Förberedande", true, false},
	{"rehabilitering", "Rehabilitering", true, false},
	{"forebyggande", "Förebyggande", true, false},
	{"utbildning", "Utbildning", false, true},
	{"dialog", "Dialog", false, true},
};

const sg_category_info *sg_categories(size_t *count)
{
	*count = sizeof categories / sizeof *categories;
	return categories;
}

const sg_category_info *sg_category_find(const char *slug)
{
	for (size_t i = 0; i < sizeof categories / sizeof *categories; i++)
		if (strcmp(categories[i].slug, slug) == 0)
			return &categories[i];
	return NULL;
}

const char *sg_area_name(sg_area a)
{
	switch (a) {
	case SG_AREA_INDIVID: return "Individinriktad";
	case SG_AREA_STRUKTUR: return "Strukturövergripande";
	case SG_AREA_NONE: break;
	}
	return "";
}

const char *sg_doc_type_name(sg_doc_type t)
{
	static const char *const names[] = {"Verksamhetsplan", "Årsredovisning", "Förbundsordning",
	                                    "Utvärdering",     "Protokoll",      "Övrigt"};
	return t <= SG_DOC_OTHER ? names[t] : "Övrigt";
}

const char *sg_status_name(sg_status s)
{
	switch (s) {
	case SG_STATUS_ACTIVE: return "Pågående";
	case SG_STATUS_PLANNED: return "Planerad";
	case SG_STATUS_ENDED: return "Avslutad";
	case SG_STATUS_NONE: break;
	}
	return "";
}

/* Sort weight of the character at *s (advances *s): a–z, then å, ä, ö; letters
 * with other marks sort with their base letter; case is ignored. */
static unsigned weight(const unsigned char **s)
{
	unsigned c = **s;
	if (c < 0x80) {
		(*s)++;
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		return c * 4;
	}
	if (c == 0xC3 && (*s)[1]) {
		unsigned x = (*s)[1] | 0x40; /* fold upper to lower case */
		*s += 2;
		switch (x) {
		case 0xE5: return ('z' + 1) * 4; /* å */
		case 0xE4: case 0xE6: return ('z' + 2) * 4; /* ä æ */
		case 0xF6: case 0xF8: return ('z' + 3) * 4; /* ö ø */
		case 0xE9: case 0xE8: case 0xEA: case 0xEB: return 'e' * 4 + 1;
		case 0xFC: return 'y' * 4 + 1; /* ü sorts as y in Swedish */
		default: return 0x400 + x;
		}
	}
	(*s)++;
	while ((**s & 0xC0) == 0x80)
		(*s)++;
	return 0x800 + c;
}

int sg_collate(const char *a, const char *b)
{
	const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
	while (*x && *y) {
		unsigned wx = weight(&x), wy = weight(&y);
		if (wx != wy)
			return wx < wy ? -1 : 1;
	}
	if (*x || *y)
		return *x ? 1 : -1;
	return strcmp(a, b);
}
