/* vocab.c — the fixed vocabulary of the domain: SUS areas and categories, statuses
 * (Swedish alphabetical order is util/collate.c). */
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

const char *sg_decision_name(sg_decision d)
{
	switch (d) {
	case SG_DECISION_FORSLAG: return "Förslag";
	case SG_DECISION_INRIKTNING: return "Inriktningsbeslut";
	case SG_DECISION_BESLUTAD: return "Beslutad";
	case SG_DECISION_NONE: break;
	}
	return "";
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
