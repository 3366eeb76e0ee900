/* kinds.c — the content kinds and their keys (see kinds.h). To add a key, add it here
 * and read it in the model; to add a content type, add a row to `kinds` with its key
 * table (docs/architecture.md lists the other files). */
#include "kinds.h"

#include <string.h>

/* Rows: K(name, type, label), R(…) a required one, M(name, type, keys, label) a map or a
 * list of maps, C(name, choices, label) one of a list, V(name, type, vocabulary, label). */
#define K(n, t, l) {n, NULL, t, l, NULL, false, SG_VOCAB_NONE}
#define R(n, t, l) {n, NULL, t, l, NULL, true, SG_VOCAB_NONE}
#define M(n, t, k, l) {n, k, t, l, NULL, false, SG_VOCAB_NONE}
#define C(n, c, l) {n, NULL, SG_KEY_CHOICE, l, c, false, SG_VOCAB_NONE}
#define V(n, t, v, l) {n, NULL, t, l, NULL, false, v}
#define END {NULL, NULL, SG_KEY_ANY, NULL, NULL, false, SG_VOCAB_NONE}

/* the values of the keys that take one of a list: the model reads them from here */
static const char *const statuses[] = {"active", "planned", "ended", NULL};
static const char *const areas[] = {"individinriktad", "strukturövergripande", NULL};
static const char *const decisions[] = {"förslag", "inriktningsbeslut", "beslutad", NULL};
static const char *const a11y_statuses[] = {"helt", "delvis", "inte", NULL};
static const char *const doc_types[] = {"verksamhetsplan", "årsredovisning", "förbundsordning", "utvärdering",
                                        "protokoll",       "other",          NULL};
static const char *const field_types[] = {"text", "textarea", "personnummer", "date",     "email",
                                          "tel",  "select",   "radio",        "checkbox", NULL};
static const char *const cms_backends[] = {"git-gateway", "github", "gitlab", "gitea", "local", NULL};
static const char *const publisher_types[] = {
	"LocalAuthority", "RegionalAuthority", "NationalAuthority", "SupraNationalAuthority",
	"NonProfitOrganisation", "NonGovernmentalOrganisation", "Company", "IndustryConsortium",
	"Academia-ScientificOrganisation", "StandardisationBody", "PrivateIndividual(s)", NULL};

/* contact blocks: of a förbund (with a postal address), of an insats or a member */
static const sg_key contact_keys[] = {K("name", SG_KEY_TEXT, "Namn"), K("phone", SG_KEY_PHONE, "Telefon"),
                                      K("email", SG_KEY_EMAIL, "E-post"), END};
static const sg_key contact_address_keys[] = {K("name", SG_KEY_TEXT, "Namn"), K("phone", SG_KEY_PHONE, "Telefon"),
                                              K("email", SG_KEY_EMAIL, "E-post"),
                                              K("address", SG_KEY_TEXT, "Adress"), END};

/* an image on a page (model/image.h): the file in content/bilder/ and what it shows */
/* src is required by the model, not marked so here: the web editor would then refuse to save
 * a page without an image (it checks the keys of a map that is left empty too) */
static const sg_key image_keys[] = {K("src", SG_KEY_IMAGE, "Bildfil (i content/bilder/)"),
                                    K("alt", SG_KEY_TEXT, "Vad bilden visar (alt-text)"),
                                    K("decorative", SG_KEY_BOOL, "Bara dekoration (alt-texten tom)"), END};
#define IMAGE M("image", SG_KEY_MAP, image_keys, "Bild")
#define LOGO K("logo", SG_KEY_IMAGE, "Logotyp (SVG eller PNG i content/bilder/)")

/* site.yaml */
static const sg_key a11y_gap_keys[] = {K("problem", SG_KEY_TEXT, "Brist"), K("reason", SG_KEY_TEXT, "Orsak"),
                                       K("fix", SG_KEY_TEXT, "Åtgärd"), END};
static const sg_key a11y_contact_keys[] = {K("email", SG_KEY_EMAIL, "E-post"), K("phone", SG_KEY_PHONE, "Telefon"),
                                           K("url", SG_KEY_URL, "Webbadress"), END};
static const sg_key a11y_keys[] = {
	K("organisation", SG_KEY_TEXT, "Organisation"),
	C("status", a11y_statuses, "Förenlig med lagen (helt, delvis, inte)"),
	M("gaps", SG_KEY_MAPS, a11y_gap_keys, "Brister"),
	K("assessed", SG_KEY_DATE, "Bedömd"),
	K("updated", SG_KEY_DATE, "Uppdaterad"),
	K("method", SG_KEY_TEXT, "Hur webbplatsen har granskats"),
	M("contact", SG_KEY_MAP, a11y_contact_keys, "Kontakt för tillgänglighet"),
	K("response_time", SG_KEY_TEXT, "Svarstid"),
	END};
static const sg_key forms_keys[] = {K("action", SG_KEY_URL, "Adress som tar emot blanketterna (https)"),
                                    K("method", SG_KEY_TEXT, "Metod (post)"), END};
static const sg_key open_data_keys[] = {K("publisher", SG_KEY_TEXT, "Utgivare"),
                                        K("orgnr", SG_KEY_TEXT, "Utgivarens organisationsnummer"),
                                        C("publisher_type", publisher_types, "Typ av utgivare"),
                                        K("license", SG_KEY_URL, "Licens"), K("email", SG_KEY_EMAIL, "E-post"), END};
static const sg_key target_group_keys[] = {R("name", SG_KEY_TEXT, "Målgrupp"),
                                           K("synonyms", SG_KEY_TEXTS, "Andra ord för samma målgrupp"), END};
static const sg_key privacy_keys[] = {
	K("controller", SG_KEY_TEXT, "Personuppgiftsansvarig"),
	M("contact", SG_KEY_MAP, contact_address_keys, "Kontakt om personuppgifter"),
	M("dpo", SG_KEY_MAP, contact_keys, "Dataskyddsombud"),
	K("retention", SG_KEY_TEXT, "Hur länge uppgifter från blanketterna sparas"),
	K("server_logs", SG_KEY_TEXT, "Vad webbhotellet loggar och hur länge"),
	K("updated", SG_KEY_DATE, "Senast uppdaterad"),
	END};
/* colours of the style (model/palette.c checks their contrast), in site.yaml and a förbund file */
static const sg_key color_keys[] = {K("brand", SG_KEY_TEXT, "Profilfärg (#rrggbb): sidhuvud och knappar, vit text på den"),
                                    K("link", SG_KEY_TEXT, "Länkfärg (#rrggbb) på vit och ljusgrå botten"), END};
/* the web editor (Decap CMS, write/cms.h) */
static const sg_key cms_keys[] = {
	{"backend", NULL, SG_KEY_CHOICE, "Var ändringarna sparas (git-gateway, github, gitlab, gitea eller local)",
	 cms_backends, true, SG_VOCAB_NONE},
	K("repo", SG_KEY_TEXT, "Förråd, organisation/namn (github, gitlab, gitea)"),
	K("branch", SG_KEY_TEXT, "Gren (main)"),
	K("base_url", SG_KEY_URL, "Adress till inloggningstjänsten (OAuth), om förrådet kräver en"),
	K("api_root", SG_KEY_URL, "Adress till förrådets API (egen GitLab eller Gitea)"),
	K("app_id", SG_KEY_TEXT, "Id för inloggningsprogrammet (OAuth) i GitLab eller Gitea"),
	K("site_folder", SG_KEY_TEXT, "Webbplatsens mapp i förrådet (tom: förrådets rot)"),
	END};
/* the footer's newsletter subscription (model/site_info.c): a form that POSTs the
 * address to `action`, or a link to the provider's page `url`; one of the two */
static const sg_key newsletter_signup_keys[] = {
	K("action", SG_KEY_URL, "Adress som tar emot anmälan (https; formuläret skickas med POST)"),
	K("url", SG_KEY_URL, "Eller: länk till en sida där man anmäler sig (https)"),
	K("email_field", SG_KEY_TEXT, "E-postfältets namn hos tjänsten (email om det saknas)"),
	K("text", SG_KEY_TEXT, "Text ovanför formuläret"),
	K("receiver", SG_KEY_TEXT, "Vem som tar emot e-postadresserna"),
	END};
static const sg_key site_keys[] = {
	R("title", SG_KEY_TEXT, "Webbplatsens namn"),
	R("base_url", SG_KEY_URL, "Webbplatsens adress"),
	K("language", SG_KEY_TEXT, "Språk"),
	K("region", SG_KEY_TEXT, "Region eller län"),
	K("description", SG_KEY_TEXT, "Beskrivning"),
	K("allow_raw_html", SG_KEY_BOOL, "Tillåt HTML i texterna"),
	K("allow_document_types", SG_KEY_TEXTS, "Fler tillåtna dokumenttyper"),
	M("forms", SG_KEY_MAP, forms_keys, "Blanketter"),
	M("accessibility", SG_KEY_MAP, a11y_keys, "Tillgänglighetsredogörelse"),
	M("privacy", SG_KEY_MAP, privacy_keys, "Behandling av personuppgifter"),
	M("open_data", SG_KEY_MAP, open_data_keys, "Öppna data"),
	M("target_groups", SG_KEY_MAPS, target_group_keys, "Målgrupper (vokabulär)"),
	K("review_max_months", SG_KEY_INT, "Månader mellan granskningar av en insats"),
	M("cms", SG_KEY_MAP, cms_keys, "Webbredigeraren (Decap CMS)"),
	LOGO,
	M("colors", SG_KEY_MAP, color_keys, "Färger"),
	M("newsletter_signup", SG_KEY_MAP, newsletter_signup_keys, "Prenumeration på nyhetsbrev (i sidfoten)"),
	END};

/* forbund/<slug>.md */
static const sg_key priority_keys[] = {R("group", SG_KEY_TEXT, "Målgrupp"),
                                       K("priority", SG_KEY_INT, "Prioritet (1 högst)"), END};
static const sg_key member_keys[] = {V("name", SG_KEY_TEXT, SG_VOCAB_KOMMUN, "Kommun"),
                                     K("code", SG_KEY_TEXT, "Kommunkod (SCB)"),
                                     M("contact", SG_KEY_MAP, contact_address_keys, "Kontakt i kommunen"),
                                     K("about", SG_KEY_MARKDOWN, "Om kommunen: lokala behov"),
                                     M("priorities", SG_KEY_MIXED, priority_keys, "Prioriterade målgrupper"),
                                     END};
static const sg_key cost_line_keys[] = {R("item", SG_KEY_TEXT, "Kostnad"), K("amount", SG_KEY_AMOUNT, "Belopp (tkr)"),
                                        END};
static const sg_key cost_keys[] = {R("item", SG_KEY_TEXT, "Kostnad"), K("amount", SG_KEY_AMOUNT, "Belopp (tkr)"),
                                   M("lines", SG_KEY_MAPS, cost_line_keys, "Delposter"), END};
static const sg_key financing_keys[] = {R("party", SG_KEY_TEXT, "Part"), K("share", SG_KEY_FRACTION, "Andel (0–1)"),
                                        K("amount", SG_KEY_AMOUNT, "Belopp (tkr)"), END};
static const sg_key budget_year_keys[] = {
	M("costs", SG_KEY_MAPS, cost_keys, "Egna kostnader"),
	M("financing", SG_KEY_MAPS, financing_keys, "Finansieringsplan"),
	K("equity_use", SG_KEY_AMOUNT, "Ianspråktaget eget kapital (tkr)"),
	K("preliminary", SG_KEY_BOOL, "Preliminär budget"),
	K("from", SG_KEY_PERIOD, "Första månad (ÅÅÅÅ-MM)"),
	K("to", SG_KEY_PERIOD, "Sista månad (ÅÅÅÅ-MM)"),
	END};
static const sg_key budget_keys[] = {M("*", SG_KEY_MAP, budget_year_keys, "Budget för ett år"), END}; /* per year */
static const sg_key board_keys[] = {R("name", SG_KEY_TEXT, "Namn"), K("role", SG_KEY_TEXT, "Roll (t.ex. ordförande)"),
                                    K("organisation", SG_KEY_TEXT, "Parti eller organisation"), END};
static const sg_key staff_keys[] = {R("name", SG_KEY_TEXT, "Namn"), K("role", SG_KEY_TEXT, "Roll (t.ex. förbundschef)"),
                                    K("phone", SG_KEY_PHONE, "Telefon"), K("email", SG_KEY_EMAIL, "E-post"), END};
static const sg_key meeting_keys[] = {R("date", SG_KEY_DATE, "Datum"),
                                      K("protokoll", SG_KEY_TEXT, "Protokoll (dokumentets filnamn utan .yaml)"), END};
static const sg_key forbund_keys[] = {
	R("title", SG_KEY_TEXT, "Förbundets namn"),
	K("orgnr", SG_KEY_TEXT, "Organisationsnummer"),
	M("members", SG_KEY_MIXED, member_keys, "Medlemskommuner"),
	K("parties", SG_KEY_TEXTS, "Parter"),
	M("contact", SG_KEY_MAP, contact_address_keys, "Kontakt"),
	M("budget", SG_KEY_MAP, budget_keys, "Budget per år"),
	V("default_form", SG_KEY_TEXT, SG_VOCAB_FORM, "Remissblankett"),
	M("board", SG_KEY_MAPS, board_keys, "Styrelse"),
	M("staff", SG_KEY_MAPS, staff_keys, "Kansli"),
	M("meetings", SG_KEY_MAPS, meeting_keys, "Styrelsens sammanträden"),
	IMAGE,
	LOGO,
	M("colors", SG_KEY_MAP, color_keys, "Förbundets färger på dess sidor"),
	END};

/* insatser/<förbund>/<slug>.md */
static const sg_key age_keys[] = {K("min", SG_KEY_INT, "Från ålder"), K("max", SG_KEY_INT, "Till ålder"), END};
static const sg_key provider_keys[] = {K("name", SG_KEY_TEXT, "Utförare"), K("orgnr", SG_KEY_TEXT, "Organisationsnummer"),
                                       END};
static const sg_key funds_keys[] = {K("forbund", SG_KEY_AMOUNT, "Förbundsmedel (tkr)"),
                                    K("cofunding", SG_KEY_AMOUNT, "Medfinansiering (tkr)"),
                                    K("esf", SG_KEY_AMOUNT, "ESF-medel (tkr)"), END};
static const sg_key place_year_keys[] = {K("participants", SG_KEY_PARTICIPANTS, "Deltagare"),
                                         M("funds", SG_KEY_MAP, funds_keys, "Medel"), END};
static const sg_key place_years_keys[] = {M("*", SG_KEY_MAP, place_year_keys, "Ett år"), END}; /* one per year */
static const sg_key place_keys[] = {
	V("municipality", SG_KEY_TEXT, SG_VOCAB_KOMMUN, "Kommun (tom: hela förbundet)"),
	K("participants", SG_KEY_PARTICIPANTS, "Deltagare"),
	M("funds", SG_KEY_MAP, funds_keys, "Medel"),
	M("years", SG_KEY_MAP, place_years_keys, "Deltagare och medel per år"),
	K("address", SG_KEY_TEXT, "Adress"),
	K("lat", SG_KEY_NUMBER, "Latitud"),
	K("lon", SG_KEY_NUMBER, "Longitud"),
	END};
static const sg_key referral_keys[] = {
	K("open", SG_KEY_BOOL, "Tar emot remisser nu"),
	K("referrers", SG_KEY_TEXTS, "Vem får remittera"),
	K("vacancies", SG_KEY_INT, "Lediga platser"),
	K("how", SG_KEY_MARKDOWN, "Så remitterar du"),
	V("form", SG_KEY_TEXT, SG_VOCAB_FORM, "Blankett"),
	END};
static const sg_key indicator_keys[] = {R("name", SG_KEY_TEXT, "Indikator"), K("target", SG_KEY_TEXT, "Målvärde"), END};
static const sg_key goal_keys[] = {R("goal", SG_KEY_TEXT, "Mål"), M("indicators", SG_KEY_MAPS, indicator_keys, "Indikatorer"),
                                   END};
static const sg_key insats_keys[] = {
	R("title", SG_KEY_TEXT, "Insatsens namn"),
	V("forbund", SG_KEY_TEXT, SG_VOCAB_FORBUND, "Förbund"),
	K("year", SG_KEY_INT, "Verksamhetsår"),
	C("area", areas, "Område"),
	V("category", SG_KEY_TEXTS, SG_VOCAB_CATEGORY, "SUS-kategori"),
	K("summary", SG_KEY_TEXT, "Sammanfattning"),
	V("target_groups", SG_KEY_TEXTS, SG_VOCAB_TARGET_GROUP, "Målgrupper"),
	M("age", SG_KEY_MAP, age_keys, "Ålder"),
	K("duration", SG_KEY_TEXT, "Längd"),
	M("provider", SG_KEY_MAP, provider_keys, "Utförare"),
	M("contact", SG_KEY_MAP, contact_keys, "Kontakt"),
	M("places", SG_KEY_MAPS, place_keys, "Platser, deltagare och medel"),
	M("referral", SG_KEY_MAP, referral_keys, "Remiss"),
	C("status", statuses, "Status (bara när datumen saknas)"),
	K("reviewed", SG_KEY_PERIOD, "Senast granskad"),
	K("owner", SG_KEY_TEXTS, "Huvudman"),
	C("decision", decisions, "Beslut"),
	M("goals", SG_KEY_MIXED, goal_keys, "Mål"),
	V("open_to", SG_KEY_TEXTS, SG_VOCAB_KOMMUN, "Öppen för boende i"),
	K("start", SG_KEY_PERIOD, "Start"),
	K("end", SG_KEY_PERIOD, "Slut"),
	K("draft", SG_KEY_BOOL, "Utkast"),
	IMAGE,
	END};

/* sidor/<slug>.md */
static const sg_key sida_keys[] = {R("title", SG_KEY_TEXT, "Rubrik"), K("summary", SG_KEY_TEXT, "Sammanfattning"),
                                   K("footer", SG_KEY_BOOL, "Länkas i sidfoten"), IMAGE, END};

/* nyhetsbrev/<slug>.md */
static const sg_key nyhetsbrev_keys[] = {R("title", SG_KEY_TEXT, "Rubrik"), R("date", SG_KEY_DATE, "Datum"),
                                         V("forbund", SG_KEY_TEXT, SG_VOCAB_FORBUND, "Förbund"),
                                         K("summary", SG_KEY_TEXT, "Sammanfattning"), K("draft", SG_KEY_BOOL, "Utkast"),
                                         IMAGE, END};

/* evenemang/<slug>.md */
static const sg_key registration_keys[] = {K("url", SG_KEY_URL, "Anmälan på webben"), K("email", SG_KEY_EMAIL, "Anmälan per e-post"),
                                           K("deadline", SG_KEY_DATE, "Sista anmälningsdag"), END};
static const sg_key evenemang_keys[] = {
	R("title", SG_KEY_TEXT, "Rubrik"),
	R("start", SG_KEY_DATETIME, "Börjar"),
	K("end", SG_KEY_DATETIME, "Slutar"),
	K("location", SG_KEY_TEXT, "Plats"),
	V("forbund", SG_KEY_TEXT, SG_VOCAB_FORBUND, "Förbund"),
	K("audience", SG_KEY_TEXT, "För vem"),
	M("registration", SG_KEY_MAP, registration_keys, "Anmälan"),
	K("draft", SG_KEY_BOOL, "Utkast"),
	IMAGE,
	END};

/* dokument/…/<slug>.yaml, beside the file it describes */
static const sg_key dokument_keys[] = {R("title", SG_KEY_TEXT, "Titel"), C("type", doc_types, "Typ av dokument"),
                                       K("year", SG_KEY_INT, "År"),
                                       V("forbund", SG_KEY_TEXT, SG_VOCAB_FORBUND, "Förbund"),
                                       R("file", SG_KEY_TEXT, "Filens namn"), END};

/* blanketter/<slug>.yaml */
static const sg_key form_field_keys[] = {R("name", SG_KEY_TEXT, "Fältets namn (a–z, 0–9, _)"),
                                         R("label", SG_KEY_TEXT, "Ledtext"),
                                         C("type", field_types, "Typ av fält"),
                                         K("required", SG_KEY_BOOL, "Obligatoriskt"),
                                         K("options", SG_KEY_TEXTS, "Val"),
                                         K("help", SG_KEY_TEXT, "Hjälptext"), END};
static const sg_key form_section_keys[] = {K("title", SG_KEY_TEXT, "Rubrik"), K("help", SG_KEY_TEXT, "Hjälptext"),
                                           M("fields", SG_KEY_MAPS, form_field_keys, "Fält"), END};
static const sg_key blankett_keys[] = {R("title", SG_KEY_TEXT, "Rubrik"), K("intro", SG_KEY_MARKDOWN, "Inledning"),
                                       M("sections", SG_KEY_MAPS, form_section_keys, "Avsnitt"),
                                       K("consent", SG_KEY_MARKDOWN, "Samtycke"),
                                       K("send_to", SG_KEY_TEXT, "Postadress för utskrivna blanketter"), END};

/* planer/<förbund>/<år>.md: the förbund's own sections of its verksamhetsplan for a year */
static const sg_key plan_keys[] = {K("title", SG_KEY_TEXT, "Rubrik (Verksamhetsplan med budget)"),
                                   K("adopted", SG_KEY_DATE, "Fastställd av styrelsen (datum)"),
                                   K("decision", SG_KEY_TEXT, "Beslut (t.ex. paragraf i protokollet)"), END};

static const sg_content_kind kinds[] = {
	{SG_SRC_SITE, "site", NULL, ".yaml", false, "site.yaml", site_keys},
	{SG_SRC_FORBUND, "forbund", "forbund", ".md", false, "a förbund", forbund_keys},
	{SG_SRC_INSATS, "insats", "insatser", ".md", true, "an insats", insats_keys},
	{SG_SRC_SIDA, "sida", "sidor", ".md", false, "a page", sida_keys},
	{SG_SRC_NYHETSBREV, "nyhetsbrev", "nyhetsbrev", ".md", false, "a newsletter", nyhetsbrev_keys},
	{SG_SRC_EVENEMANG, "evenemang", "evenemang", ".md", false, "an event", evenemang_keys},
	{SG_SRC_DOKUMENT, "dokument", "dokument", ".yaml", false, "a document", dokument_keys},
	{SG_SRC_BLANKETT, "blankett", "blanketter", ".yaml", false, "a form", blankett_keys},
	{SG_SRC_PLAN, "plan", "planer", ".md", true, "a verksamhetsplan", plan_keys},
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
	static const sg_key none[] = {END};
	const sg_key *k = sg_key_find(keys, name);
	return k && k->keys ? k->keys : none;
}

const char *const *sg_key_choices(const sg_key *keys, const char *name)
{
	static const char *const none[] = {NULL};
	const sg_key *k = sg_key_find(keys, name);
	return k && k->choices ? k->choices : none;
}
