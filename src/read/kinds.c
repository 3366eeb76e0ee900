/* kinds.c — the content kinds and their keys (see kinds.h). To add a key, add it here
 * and read it in the model; to add a content type, add a row to `kinds` with its key
 * table (docs/architecture.md lists the other files). */
#include "kinds.h"

#include <string.h>

/* contact blocks: of a förbund (with a postal address), of an insats or a member */
static const sg_key contact_keys[] = {{"name", NULL}, {"phone", NULL}, {"email", NULL}, {NULL, NULL}};
static const sg_key contact_address_keys[] = {
	{"name", NULL}, {"phone", NULL}, {"email", NULL}, {"address", NULL}, {NULL, NULL}};

/* site.yaml */
static const sg_key a11y_gap_keys[] = {{"problem", NULL}, {"reason", NULL}, {"fix", NULL}, {NULL, NULL}};
static const sg_key a11y_contact_keys[] = {{"email", NULL}, {"phone", NULL}, {"url", NULL}, {NULL, NULL}};
static const sg_key a11y_keys[] = {
	{"organisation", NULL}, {"status", NULL}, {"gaps", a11y_gap_keys}, {"assessed", NULL}, {"updated", NULL},
	{"method", NULL}, {"contact", a11y_contact_keys}, {"response_time", NULL}, {NULL, NULL}};
static const sg_key forms_keys[] = {{"action", NULL}, {"method", NULL}, {NULL, NULL}};
static const sg_key open_data_keys[] = {{"publisher", NULL}, {"orgnr", NULL}, {"publisher_type", NULL},
                                        {"license", NULL},   {"email", NULL}, {NULL, NULL}};
static const sg_key target_group_keys[] = {{"name", NULL}, {"synonyms", NULL}, {NULL, NULL}};
static const sg_key site_keys[] = {
	{"title", NULL}, {"base_url", NULL}, {"language", NULL}, {"region", NULL}, {"description", NULL},
	{"allow_raw_html", NULL}, {"allow_document_types", NULL}, {"forms", forms_keys},
	{"accessibility", a11y_keys}, {"open_data", open_data_keys}, {"target_groups", target_group_keys},
	{"review_max_months", NULL},
	{NULL, NULL}};

/* forbund/<slug>.md */
static const sg_key priority_keys[] = {{"group", NULL}, {"priority", NULL}, {NULL, NULL}};
static const sg_key member_keys[] = {{"name", NULL},  {"code", NULL},        {"contact", contact_address_keys},
                                     {"about", NULL}, {"priorities", priority_keys}, {NULL, NULL}};
static const sg_key cost_line_keys[] = {{"item", NULL}, {"amount", NULL}, {NULL, NULL}};
static const sg_key cost_keys[] = {{"item", NULL}, {"amount", NULL}, {"lines", cost_line_keys}, {NULL, NULL}};
static const sg_key financing_keys[] = {{"party", NULL}, {"share", NULL}, {"amount", NULL}, {NULL, NULL}};
static const sg_key budget_year_keys[] = {
	{"costs", cost_keys}, {"financing", financing_keys}, {"equity_use", NULL},
	{"preliminary", NULL}, {"from", NULL}, {"to", NULL}, {NULL, NULL}};
static const sg_key budget_keys[] = {{"*", budget_year_keys}, {NULL, NULL}}; /* one block per year */
static const sg_key forbund_keys[] = {
	{"title", NULL}, {"orgnr", NULL}, {"members", member_keys}, {"parties", NULL},
	{"contact", contact_address_keys}, {"budget", budget_keys}, {"default_form", NULL}, {NULL, NULL}};

/* insatser/<förbund>/<slug>.md */
static const sg_key age_keys[] = {{"min", NULL}, {"max", NULL}, {NULL, NULL}};
static const sg_key provider_keys[] = {{"name", NULL}, {"orgnr", NULL}, {NULL, NULL}};
static const sg_key funds_keys[] = {{"forbund", NULL}, {"cofunding", NULL}, {"esf", NULL}, {NULL, NULL}};
static const sg_key place_year_keys[] = {{"participants", NULL}, {"funds", funds_keys}, {NULL, NULL}};
static const sg_key place_years_keys[] = {{"*", place_year_keys}, {NULL, NULL}}; /* one entry per year */
static const sg_key place_keys[] = {
	{"municipality", NULL}, {"participants", NULL}, {"funds", funds_keys}, {"years", place_years_keys},
	{"address", NULL},      {"lat", NULL},          {"lon", NULL},         {NULL, NULL}};
static const sg_key referral_keys[] = {{"open", NULL}, {"referrers", NULL}, {"vacancies", NULL},
                                       {"how", NULL},  {"form", NULL},      {NULL, NULL}};
static const sg_key indicator_keys[] = {{"name", NULL}, {"target", NULL}, {NULL, NULL}};
static const sg_key goal_keys[] = {{"goal", NULL}, {"indicators", indicator_keys}, {NULL, NULL}};
static const sg_key insats_keys[] = {
	{"title", NULL}, {"forbund", NULL}, {"year", NULL}, {"area", NULL}, {"category", NULL}, {"summary", NULL},
	{"target_groups", NULL}, {"age", age_keys}, {"duration", NULL}, {"provider", provider_keys},
	{"contact", contact_keys}, {"places", place_keys}, {"referral", referral_keys}, {"status", NULL},
	{"reviewed", NULL}, {"owner", NULL}, {"decision", NULL}, {"goals", goal_keys}, {"open_to", NULL},
	{"start", NULL}, {"end", NULL}, {"draft", NULL}, {NULL, NULL}};

/* sidor/<slug>.md */
static const sg_key sida_keys[] = {{"title", NULL}, {"summary", NULL}, {"footer", NULL}, {NULL, NULL}};

/* nyhetsbrev/<slug>.md */
static const sg_key nyhetsbrev_keys[] = {
	{"title", NULL}, {"date", NULL}, {"forbund", NULL}, {"summary", NULL}, {"draft", NULL}, {NULL, NULL}};

/* evenemang/<slug>.md */
static const sg_key registration_keys[] = {{"url", NULL}, {"email", NULL}, {"deadline", NULL}, {NULL, NULL}};
static const sg_key evenemang_keys[] = {
	{"title", NULL}, {"start", NULL}, {"end", NULL}, {"location", NULL}, {"forbund", NULL},
	{"audience", NULL}, {"registration", registration_keys}, {"draft", NULL}, {NULL, NULL}};

/* dokument/…/<slug>.yaml, beside the file it describes */
static const sg_key dokument_keys[] = {
	{"title", NULL}, {"type", NULL}, {"year", NULL}, {"forbund", NULL}, {"file", NULL}, {NULL, NULL}};

/* blanketter/<slug>.yaml */
static const sg_key form_field_keys[] = {{"name", NULL},     {"label", NULL},   {"type", NULL},
                                         {"required", NULL}, {"options", NULL}, {"help", NULL}, {NULL, NULL}};
static const sg_key form_section_keys[] = {
	{"title", NULL}, {"help", NULL}, {"fields", form_field_keys}, {NULL, NULL}};
static const sg_key blankett_keys[] = {
	{"title", NULL}, {"intro", NULL}, {"sections", form_section_keys}, {"consent", NULL}, {"send_to", NULL},
	{NULL, NULL}};

static const sg_content_kind kinds[] = {
	{SG_SRC_SITE, "site", NULL, ".yaml", false, "site.yaml", site_keys},
	{SG_SRC_FORBUND, "forbund", "forbund", ".md", false, "a förbund", forbund_keys},
	{SG_SRC_INSATS, "insats", "insatser", ".md", true, "an insats", insats_keys},
	{SG_SRC_SIDA, "sida", "sidor", ".md", false, "a page", sida_keys},
	{SG_SRC_NYHETSBREV, "nyhetsbrev", "nyhetsbrev", ".md", false, "a newsletter", nyhetsbrev_keys},
	{SG_SRC_EVENEMANG, "evenemang", "evenemang", ".md", false, "an event", evenemang_keys},
	{SG_SRC_DOKUMENT, "dokument", "dokument", ".yaml", false, "a document", dokument_keys},
	{SG_SRC_BLANKETT, "blankett", "blanketter", ".yaml", false, "a form", blankett_keys},
};

const sg_content_kind *sg_content_kinds(size_t *count)
{
	*count = sizeof kinds / sizeof *kinds;
	return kinds;
}

const sg_content_kind *sg_content_kind_of(sg_source_kind kind)
{
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
		if (kinds[i].kind == kind)
			return &kinds[i];
	return &kinds[0];
}

const sg_content_kind *sg_content_kind_in(const char *folder)
{
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
		if (kinds[i].folder && strcmp(kinds[i].folder, folder) == 0)
			return &kinds[i];
	return NULL;
}

const sg_key *sg_key_find(const sg_key *keys, const char *name)
{
	for (size_t i = 0; keys && keys[i].name; i++) {
		const char *k = keys[i].name;
		if ((k[0] == '*' && k[1] == '\0') || (k[0] == name[0] && strcmp(k, name) == 0))
			return &keys[i];
	}
	return NULL;
}

const sg_key *sg_key_sub(const sg_key *keys, const char *name)
{
	static const sg_key none[] = {{NULL, NULL}};
	const sg_key *k = sg_key_find(keys, name);
	return k && k->keys ? k->keys : none;
}
