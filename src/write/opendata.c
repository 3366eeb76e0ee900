/* opendata.c — JSON, CSV and DCAT-AP-SE output of the catalogue (see opendata.h). */
#include "opendata.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../plan/plan.h"
#include "../util/alloc.h"
#include "../util/numfmt.h"
#include "../util/value.h"

/* Integral amounts as JSON integers, others as reals: 505 stays 505, 12.5 stays 12.5.
 * Rounded to the decimals every output shows (SG_AMOUNT_DECIMALS), so the JSON, the CSV
 * and the pages give the same number. */
static json_t *amount(double x)
{
	char text[48];
	x = strtod(sg_format_amount(x, text), NULL);
	if (x == floor(x) && fabs(x) < 9e15)
		return json_integer((json_int_t)x);
	return json_real(x);
}

static json_t *str_or_null(const char *s) { return s ? json_string(s) : json_null(); }

/* A JSON string from a malloc'd C string, which is freed. */
static json_t *take_string(char *s)
{
	json_t *j = json_string(s);
	free(s);
	return j;
}

/* The absolute URL of a site-relative path (which is freed). */
static char *absolute(const sg_site *site, char *path)
{
	char *url = sg_url_absolute(site->info.base_url, path);
	free(path);
	return url;
}

static json_t *string_array(char **items, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string(items[i]));
	return a;
}

/* Participants and money of one place (and year) into o; fig NULL: not given here
 * (the place gives them by year, in "per_ar"). */
static void figures_json(json_t *o, const sg_figures *fig)
{
	json_object_set_new(o, "deltagare", fig && fig->participants >= 0 ? json_integer(fig->participants) : json_null());
	json_object_set_new(o, "deltagare_uppskattat", json_boolean(fig && fig->participants_approx));
	json_object_set_new(o, "deltagare_per_ar", json_boolean(fig && fig->participants_per_year));
	const sg_funds *f = fig && fig->has_funds ? &fig->funds : NULL;
	json_object_set_new(o, "medel_tkr",
	                    f ? json_pack("{s:o, s:o, s:o}", "forbund", f->has_forbund ? amount(f->forbund) : json_null(),
	                                  "medfinansiering", f->has_cofunding ? amount(f->cofunding) : json_null(), "esf",
	                                  f->has_esf ? amount(f->esf) : json_null())
	                      : json_null());
}

static json_t *insats_json(const sg_site *site, const sg_insats *x, const char *today)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_sprintf("%s/%s", x->forbund->slug, x->slug));
	json_object_set_new(o, "titel", json_string(x->title));
	json_object_set_new(o, "url", take_string(absolute(site, sg_url_insats(x))));
	json_object_set_new(o, "forbund", json_pack("{s:s, s:s}", "id", x->forbund->slug, "namn", x->forbund->title));
	json_object_set_new(o, "ar", x->year ? json_integer(x->year) : json_null());
	json_object_set_new(o, "ar_fran", x->year_from ? json_integer(x->year_from) : json_null());
	json_object_set_new(o, "ar_till", x->year_to ? json_integer(x->year_to) : json_null());
	json_object_set_new(o, "omrade", x->area == SG_AREA_INDIVID ? json_string("individinriktad")
	                                 : x->area == SG_AREA_STRUKTUR ? json_string("strukturövergripande")
	                                                               : json_null());
	json_t *cats = json_array();
	for (size_t i = 0; i < x->n_categories; i++) {
		const sg_category_info *c = sg_category_find(x->categories[i]);
		json_array_append_new(cats, json_string(c ? c->name : x->categories[i]));
	}
	json_object_set_new(o, "kategorier", cats);
	json_object_set_new(o, "sammanfattning", str_or_null(x->summary));
	json_object_set_new(o, "malgrupper", string_array(x->target_groups, x->n_target_groups));
	json_object_set_new(o, "alder", json_pack("{s:o, s:o}", "min", x->age_min >= 0 ? json_integer(x->age_min) : json_null(),
	                                          "max", x->age_max >= 0 ? json_integer(x->age_max) : json_null()));
	json_object_set_new(o, "langd", str_or_null(x->duration));
	json_object_set_new(o, "utforare", x->provider_name ? json_pack("{s:s, s:o}", "namn", x->provider_name, "orgnr",
	                                                                str_or_null(x->provider_orgnr))
	                                                    : json_null());
	static const char *const status[] = {NULL, "active", "planned", "ended"};
	json_object_set_new(o, "status", str_or_null(status[sg_insats_status_at(x, today)]));
	static const char *const decision[] = {NULL, "förslag", "inriktningsbeslut", "beslutad"};
	json_object_set_new(o, "beslut", str_or_null(decision[x->decision]));
	json_object_set_new(o, "huvudman", string_array(x->owners, x->n_owners));
	json_object_set_new(o, "granskad", str_or_null(x->reviewed));
	json_object_set_new(o, "start", str_or_null(x->start));
	json_object_set_new(o, "slut", str_or_null(x->end));
	json_object_set_new(o, "remiss", x->referral.given
	                                     ? json_pack("{s:b, s:o, s:o}", "oppen", sg_insats_takes_referrals_at(x, today), "remittenter",
	                                                 string_array(x->referral.referrers, x->referral.n_referrers),
	                                                 "lediga_platser",
	                                                 x->referral.vacancies >= 0 ? json_integer(x->referral.vacancies)
	                                                                            : json_null())
	                                     : json_null());
	json_t *places = json_array();
	for (size_t i = 0; i < x->n_places; i++) {
		const sg_place *p = &x->places[i];
		json_t *pl = json_object();
		json_object_set_new(pl, "kommun", p->member ? json_string(p->member->kommun->name) : json_null());
		json_object_set_new(pl, "kommunkod", p->member ? str_or_null(p->member->code) : json_null());
		figures_json(pl, p->n_years ? NULL : &p->fig);
		/* an insats that runs over several years: the figures of each year */
		json_t *years = json_array();
		for (size_t k = 0; k < p->n_years; k++) {
			json_t *y = json_pack("{s:i}", "ar", p->years[k].year);
			figures_json(y, &p->years[k].fig);
			json_array_append_new(years, y);
		}
		json_object_set_new(pl, "per_ar", years);
		json_array_append_new(places, pl);
	}
	json_object_set_new(o, "platser", places);
	return o;
}

static void dump(json_t *root, sg_buf *out)
{
	/* 15 significant digits give back exactly the decimals an editor wrote */
	char *s = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
	sg_buf_puts(out, s);
	sg_buf_putc(out, '\n');
	free(s);
	json_decref(root);
}

void sg_opendata_json_begin(const sg_site *site, sg_buf *out)
{
	/* the object with an empty list, written by jansson; the insatser go into the list */
	json_t *root = json_object();
	json_object_set_new(root, "$schema", take_string(absolute(site, sg_strdup("/data/insatser.schema.json"))));
	json_object_set_new(root, "webbplats", json_string(site->info.title));
	json_object_set_new(root, "antal", json_integer((json_int_t)site->n_insatser));
	json_object_set_new(root, "insatser", json_array());
	char *s = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
	size_t n = strlen(s);
	sg_buf_put(out, s, n - 2); /* without "]}" */
	sg_buf_putc(out, '\n');
	free(s);
	json_decref(root);
}

void sg_opendata_json_item(const sg_site *site, const sg_insats *x, const char *today, sg_buf *out)
{
	json_t *o = insats_json(site, x, today);
	/* 15 significant digits give back exactly the decimals an editor wrote */
	char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
	sg_buf_puts(out, s);
	free(s);
	json_decref(o);
}

void sg_opendata_json_end(sg_buf *out) { sg_buf_puts(out, "\n]}\n"); }

/* The schema is data; it is parsed and written back with jansson like the rest. */
static const char schema_text[] =
	"{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\","
	" \"title\": \"Insatser från samordningsförbund\","
	" \"type\": \"object\", \"required\": [\"insatser\"],"
	" \"properties\": {"
	"  \"webbplats\": {\"type\": \"string\"}, \"antal\": {\"type\": \"integer\"},"
	"  \"insatser\": {\"type\": \"array\", \"items\": {\"$ref\": \"#/$defs/insats\"}}},"
	" \"$defs\": {"
	"  \"text\": {\"type\": [\"string\", \"null\"]},"
	"  \"tkr\": {\"type\": [\"number\", \"null\"], \"minimum\": 0, \"description\": \"tusental kronor; null: planen anger inget belopp\"},"
	"  \"insats\": {\"type\": \"object\","
	"   \"required\": [\"id\", \"titel\", \"url\", \"forbund\", \"platser\"],"
	"   \"properties\": {"
	"    \"id\": {\"type\": \"string\", \"description\": \"förbund/insats\"},"
	"    \"titel\": {\"type\": \"string\"}, \"url\": {\"type\": \"string\", \"format\": \"uri\"},"
	"    \"forbund\": {\"type\": \"object\", \"required\": [\"id\", \"namn\"],"
	"     \"properties\": {\"id\": {\"type\": \"string\"}, \"namn\": {\"type\": \"string\"}}},"
	"    \"ar\": {\"type\": [\"integer\", \"null\"]},"
	"    \"omrade\": {\"enum\": [\"individinriktad\", \"strukturövergripande\", null]},"
	"    \"kategorier\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}},"
	"    \"sammanfattning\": {\"$ref\": \"#/$defs/text\"},"
	"    \"malgrupper\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}},"
	"    \"alder\": {\"type\": \"object\", \"properties\": {\"min\": {\"type\": [\"integer\", \"null\"]},"
	"     \"max\": {\"type\": [\"integer\", \"null\"]}}},"
	"    \"langd\": {\"$ref\": \"#/$defs/text\"},"
	"    \"utforare\": {\"type\": [\"object\", \"null\"], \"properties\": {\"namn\": {\"type\": \"string\"},"
	"     \"orgnr\": {\"$ref\": \"#/$defs/text\"}}},"
	"    \"status\": {\"enum\": [\"active\", \"planned\", \"ended\", null]},"
	"    \"beslut\": {\"enum\": [\"förslag\", \"inriktningsbeslut\", \"beslutad\", null]},"
	"    \"huvudman\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}},"
	"    \"start\": {\"type\": [\"string\", \"null\"], \"pattern\": \"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$\", \"description\": \"En dag (ÅÅÅÅ-MM-DD), eller en månad (ÅÅÅÅ-MM) eller ett år (ÅÅÅÅ) där planen inte anger dag\"},"
	"    \"slut\": {\"type\": [\"string\", \"null\"], \"pattern\": \"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$\", \"description\": \"Som start\"},"
	"    \"remiss\": {\"type\": [\"object\", \"null\"], \"properties\": {\"oppen\": {\"type\": \"boolean\"},"
	"     \"remittenter\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}},"
	"     \"lediga_platser\": {\"type\": [\"integer\", \"null\"]}}},"
	"    \"platser\": {\"type\": \"array\", \"items\": {\"type\": \"object\","
	"     \"required\": [\"kommun\", \"deltagare\", \"medel_tkr\"],"
	"     \"properties\": {"
	"      \"kommun\": {\"$ref\": \"#/$defs/text\", \"description\": \"null: hela förbundet\"},"
	"      \"kommunkod\": {\"$ref\": \"#/$defs/text\"},"
	"      \"deltagare\": {\"type\": [\"integer\", \"null\"]},"
	"      \"deltagare_uppskattat\": {\"type\": \"boolean\", \"description\": \"planen anger ett ungefärligt antal (ca)\"},"
	"      \"deltagare_per_ar\": {\"type\": \"boolean\", \"description\": \"antalet gäller per år\"},"
	"      \"medel_tkr\": {\"type\": [\"object\", \"null\"], \"properties\": {"
	"       \"forbund\": {\"$ref\": \"#/$defs/tkr\"}, \"medfinansiering\": {\"$ref\": \"#/$defs/tkr\"},"
	"       \"esf\": {\"$ref\": \"#/$defs/tkr\"}}}}}}}}}}";

void sg_opendata_schema(const sg_site *site, sg_buf *out)
{
	json_t *schema = json_loads(schema_text, 0, NULL);
	json_object_set_new(schema, "$id", take_string(absolute(site, sg_strdup("/data/insatser.schema.json"))));
	dump(schema, out);
}

const char *const sg_opendata_csv_columns[] = {
	"id", "titel", "förbund", "år", "område", "kategori", "målgrupper", "status", "start", "slut",
	"kommun", "kommunkod", "deltagare", "förbundsmedel_tkr", "medfinansiering_tkr", "esf_tkr", "url", NULL};

/* A text cell, RFC 4180: quoted when it holds a comma, quote or line break, quotes
 * doubled. Text starting with = + - @ tab or CR would be run as a formula by spreadsheets
 * (CSV injection): as OWASP recommends, it gets a ' in front and is quoted, so a title
 * "=HYPERLINK(…)" stays that text. */
void sg_opendata_csv_text(sg_buf *out, const char *s)
{
	if (!s)
		return;
	bool formula = *s && strchr("=+-@\t\r", *s);
	if (!formula && !strpbrk(s, ",\"\r\n")) {
		sg_buf_puts(out, s);
		return;
	}
	sg_buf_putc(out, '"');
	if (formula)
		sg_buf_putc(out, '\'');
	for (; *s; s++) {
		if (*s == '"')
			sg_buf_putc(out, '"');
		sg_buf_putc(out, *s);
	}
	sg_buf_putc(out, '"');
}

/* A number cell: numbers sofgen writes itself are never formulas and stay numbers
 * (-5 is -5), with the decimals of amounts (SG_AMOUNT_DECIMALS) and a point. */
void sg_opendata_csv_number(sg_buf *out, double x)
{
	char tmp[48];
	sg_buf_puts(out, sg_format_amount(x, tmp));
}

static void csv_field(sg_buf *out, const char *s, bool first)
{
	if (!first)
		sg_buf_putc(out, ',');
	sg_opendata_csv_text(out, s);
}

static void csv_number(sg_buf *out, double x, bool present)
{
	sg_buf_putc(out, ',');
	if (present)
		sg_opendata_csv_number(out, x);
}

void sg_opendata_csv_begin(sg_buf *out)
{
	for (size_t i = 0; sg_opendata_csv_columns[i]; i++)
		csv_field(out, sg_opendata_csv_columns[i], i == 0);
	sg_buf_puts(out, "\r\n");
}

void sg_opendata_csv_item(const sg_site *site, const sg_insats *x, const char *today, sg_buf *out)
{
	static const char *const status[] = {NULL, "active", "planned", "ended"};
	char *url = absolute(site, sg_url_insats(x));
	sg_buf cats = SG_BUF_INIT, groups = SG_BUF_INIT;
	for (size_t c = 0; c < x->n_categories; c++) {
		const sg_category_info *ci = sg_category_find(x->categories[c]);
		sg_buf_printf(&cats, "%s%s", c ? "; " : "", ci ? ci->name : x->categories[c]);
	}
	for (size_t g = 0; g < x->n_target_groups; g++)
		sg_buf_printf(&groups, "%s%s", g ? "; " : "", x->target_groups[g]);
	/* one row per place, and per year for a place that gives its figures by year */
	for (size_t r = 0; r < (x->n_places ? x->n_places : 1); r++) {
		const sg_place *p = x->n_places ? &x->places[r] : NULL;
		size_t n_rows = p && p->n_years ? p->n_years : 1;
		for (size_t k = 0; k < n_rows; k++) {
			const sg_figures *fig = !p ? NULL : p->n_years ? &p->years[k].fig : &p->fig;
			int year = p && p->n_years ? p->years[k].year : x->year;
			char *id = sg_asprintf("%s/%s", x->forbund->slug, x->slug);
			csv_field(out, id, true);
			csv_field(out, x->title, false);
			csv_field(out, x->forbund->title, false);
			csv_number(out, year, year != 0);
			csv_field(out, x->area == SG_AREA_INDIVID ? "individinriktad"
			               : x->area == SG_AREA_STRUKTUR ? "strukturövergripande" : NULL, false);
			csv_field(out, sg_buf_cstr(&cats), false);
			csv_field(out, sg_buf_cstr(&groups), false);
			csv_field(out, status[sg_insats_status_at(x, today)], false);
			csv_field(out, x->start, false);
			csv_field(out, x->end, false);
			csv_field(out, p && p->member ? p->member->kommun->name : (p ? "hela förbundet" : NULL), false);
			csv_field(out, p && p->member ? p->member->code : NULL, false);
			csv_number(out, fig ? (double)fig->participants : 0, fig && fig->participants >= 0);
			csv_number(out, fig ? fig->funds.forbund : 0, fig && fig->has_funds && fig->funds.has_forbund);
			csv_number(out, fig ? fig->funds.cofunding : 0, fig && fig->has_funds && fig->funds.has_cofunding);
			csv_number(out, fig ? fig->funds.esf : 0, fig && fig->has_funds && fig->funds.has_esf);
			csv_field(out, url, false);
			sg_buf_puts(out, "\r\n");
			free(id);
		}
	}
	sg_buf_free(&cats);
	sg_buf_free(&groups);
	free(url);
}
