/* insats.c — an insats: its förbund, area and categories, places (each a member
 * kommun of its förbund, or the whole förbund) and funds, referral, dates; built on
 * several threads, then sorted by förbund and title. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../read/placeholders.h"
#include "../util/alloc.h"
#include "../util/collate.h"
#include "../util/parallel.h"
#include "../util/slug.h"
#include "../util/suggest.h"
#include "../util/utf8.h"
#include "builders.h"
#include "image.h"

#define SUMMARY_MAX 200

static sg_member *find_member(const sg_forbund *fb, const char *name)
{
	char *slug = sg_slugify(name);
	sg_member *found = NULL;
	for (size_t i = 0; i < fb->n_members && !found; i++)
		if (strcmp(fb->members[i].kommun->slug, slug) == 0)
			found = &fb->members[i];
	free(slug);
	return found;
}

/* One coordinate of a place: a number from -limit to limit, else an error at the
 * value with what to write; false when missing or wrong. */
static bool place_degrees(const sg_fields *f, const sg_value *p, const char *key, double limit, double *out)
{
	const sg_value *v = sg_value_get(p, key);
	sg_value_kind k = sg_value_kind_of(v);
	if (k == SG_VAL_NULL)
		return false;
	const char *s = sg_value_as_string(v, NULL);
	char *end = NULL;
	double d = s && k != SG_VAL_BOOL ? strtod(s, &end) : 0;
	if (!s || k == SG_VAL_BOOL || end == s || *end) {
		char *fix = s && k != SG_VAL_BOOL ? sg_strdup(s) : NULL;
		for (char *c = fix; c && *c; c++)
			if (*c == ',')
				*c = '.';
		if (fix && strchr(s, ','))
			sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
			         "'%s' must be a number of degrees with a decimal point, not '%s'; write %s: %s", key, s, key, fix);
		else
			sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
			         "'%s' must be a number of degrees with a decimal point, e.g. %s: %s", key, key,
			         limit < 100 ? "57.72101" : "12.94012");
		free(fix);
		return false;
	}
	if (!(d >= -limit && d <= limit)) {
		sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
		         "'%s' is %s, outside -%g to %g degrees; write the place's %s in decimal degrees (WGS 84), e.g. "
		         "%s: %s",
		         key, s, limit, limit, limit < 100 ? "latitude" : "longitude", key, limit < 100 ? "57.72101" : "12.94012");
		return false;
	}
	*out = d;
	return true;
}

/* A place's optional street address and position (lat and lon, both or neither). */
/* `participants`: a number, or as plans write it, "ca 60" (an estimate) or "40 per år"
 * (for each year the insats runs), or both ("ca 40 per år"). */
static void read_participants(const sg_fields *f, const sg_value *p, sg_figures *pl)
{
	const sg_value *v = sg_value_get(p, "participants");
	const char *s = sg_value_kind_of(v) == SG_VAL_STRING ? sg_value_as_string(v, NULL) : NULL;
	if (!s || strspn(s, "0123456789 ,.+-") == strlen(s)) { /* a number, or one written the Swedish way */
		pl->participants = sg_field_int(f, p, "participants", -1, 0, 1000000);
		return;
	}
	static const char *const approx[] = {"ca. ", "ca ", "cirka ", "ungefär ", "omkring "};
	const char *q = s;
	for (size_t i = 0; i < sizeof approx / sizeof *approx; i++)
		if (strncmp(q, approx[i], strlen(approx[i])) == 0) {
			pl->participants_approx = true;
			q += strlen(approx[i]);
			break;
		}
	size_t digits = strspn(q, "0123456789");
	const char *rest = q + digits;
	if (strcmp(rest, " per år") == 0 || strcmp(rest, "/år") == 0)
		pl->participants_per_year = true;
	else if (*rest)
		digits = 0;
	if (digits == 0 || digits > 7) {
		sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
		         "'participants' is '%s'; write a number (60), an estimate ('ca 60') or a number per year "
		         "('40 per år')",
		         s);
		pl->participants = -1;
		pl->participants_approx = pl->participants_per_year = false;
		return;
	}
	pl->participants = strtol(q, NULL, 10);
}

/* The member of x's förbund called name (written at v), or NULL after an error that
 * names the closest member, or lists them all and adds `otherwise`. */
static sg_member *member_named(const sg_insats *x, const sg_fields *f, const sg_value *v, const char *name,
                               const char *otherwise)
{
	sg_member *m = find_member(x->forbund, name);
	if (m && !sg_same_name(m->name, name) && !sg_same_name(m->kommun->name, name))
		/* same address, other letters ("Boras" for Borås): taken, but said */
		sg_warning(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
		           "'%s' is taken as the member kommun %s; write its name as it is spelt, '%s'", name, m->name,
		           m->name);
	if (m)
		return m;
	const char **names = sg_malloc((x->forbund->n_members + 1) * sizeof *names);
	sg_buf all = SG_BUF_INIT;
	for (size_t k = 0; k < x->forbund->n_members; k++) {
		names[k] = x->forbund->members[k].name;
		sg_buf_printf(&all, "%s%s", k ? ", " : "", names[k]);
	}
	const char *close = sg_closest(name, names, x->forbund->n_members);
	if (close)
		sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
		         "'%s' is not a member kommun of %s; did you mean '%s'?", name, x->forbund->title, close);
	else
		sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v), "'%s' is not a member kommun of %s (members: %s); %s",
		         name, x->forbund->title, sg_buf_cstr(&all), otherwise);
	sg_buf_free(&all);
	free(names);
	return NULL;
}

/* owner (huvudman, a name or a list), decision, goals and open_to. */
static void build_responsibility(sg_insats *x, const sg_fields *f, const sg_value *meta)
{
	x->owners = sg_field_text_list(f, meta, "owner", &x->n_owners);
	int dc = sg_field_choice(f, meta, "decision", sg_key_choices(sg_keys_of(SG_SRC_INSATS), "decision"));
	x->decision = dc < 0 ? SG_DECISION_NONE : (sg_decision)(dc + 1);
	x->decision_line = sg_fields_line(f, sg_value_get(meta, "decision"));
	x->decision_col = sg_fields_col(sg_value_get(meta, "decision"));

	const sg_value *goals = sg_field_list(f, meta, "goals");
	size_t n = sg_value_count(goals);
	x->goals = sg_calloc(n ? n : 1, sizeof *x->goals);
	const sg_key *gkeys = sg_key_sub(sg_keys_of(SG_SRC_INSATS), "goals");
	for (size_t i = 0; i < n; i++) {
		const sg_value *g = sg_value_item(goals, i);
		sg_goal *goal = &x->goals[x->n_goals];
		if (sg_value_kind_of(g) == SG_VAL_STRING) { /* a goal without indicators */
			goal->text = sg_strdup(sg_value_as_string(g, NULL));
			x->n_goals++;
			continue;
		}
		if (sg_value_kind_of(g) != SG_VAL_MAP) {
			sg_error(f->d, f->file, sg_fields_line(f, g), sg_fields_col(g),
			         "a goal is a text, or {goal: …, indicators: [{name: …, target: …}]}");
			continue;
		}
		sg_fields at;
		g = sg_fields_item_map(f, goals, i, "a goal", "{goal: …, indicators: [{name: …, target: …}]}", gkeys, &at);
		if (!g)
			continue;
		goal->text = sg_field_text(&at, g, "goal", true, "write the goal, e.g. 'goal: Fler i arbete eller studier'");
		if (!goal->text)
			continue;
		const sg_value *inds = sg_field_list(&at, g, "indicators");
		size_t ni = sg_value_count(inds);
		goal->indicators = sg_calloc(ni ? ni : 1, sizeof *goal->indicators);
		for (size_t k = 0; k < ni; k++) {
			sg_fields ia;
			const sg_value *iv = sg_fields_item_map(&at, inds, k, "an indicator", "{name: …, target: …}",
			                                        sg_key_sub(gkeys, "indicators"), &ia);
			if (!iv)
				continue;
			char *name = sg_field_text(&ia, iv, "name", true,
			                           "say what is measured, e.g. 'name: Andel i arbete eller studier efter avslut'");
			if (!name)
				continue;
			sg_indicator *ind = &goal->indicators[goal->n_indicators++];
			ind->name = name;
			ind->target = sg_field_text(&ia, iv, "target", false, NULL);
		}
		x->n_goals++;
	}

	size_t no;
	char **names = sg_field_text_list(f, meta, "open_to", &no);
	const sg_value *ov = sg_value_get(meta, "open_to");
	x->open_to = sg_calloc(no ? no : 1, sizeof *x->open_to);
	for (size_t i = 0; i < no; i++) {
		const sg_value *at = sg_value_kind_of(ov) == SG_VAL_LIST ? sg_value_item(ov, i) : ov;
		sg_member *m = x->forbund ? member_named(x, f, at, names[i], "open_to lists member kommuner") : NULL;
		bool seen = false;
		for (size_t k = 0; k < x->n_open_to && m; k++)
			seen |= x->open_to[k] == m;
		if (m && !seen)
			x->open_to[x->n_open_to++] = m;
		free(names[i]);
	}
	free(names);
}

static void place_where(const sg_fields *f, const sg_value *p, sg_place *pl)
{
	pl->address = sg_field_text(f, p, "address", false, NULL);
	const sg_value *lat_v = sg_value_get(p, "lat"), *lon_v = sg_value_get(p, "lon");
	bool has_lat = sg_value_kind_of(lat_v) != SG_VAL_NULL, has_lon = sg_value_kind_of(lon_v) != SG_VAL_NULL;
	if (has_lat != has_lon) {
		const sg_value *v = has_lat ? lat_v : lon_v;
		sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
		         "a place's position needs both 'lat' and 'lon'; add '%s' (e.g. lat: 57.72101, lon: 12.94012) or "
		         "remove '%s'",
		         has_lat ? "lon" : "lat", has_lat ? "lat" : "lon");
		return;
	}
	if (!has_lat)
		return;
	bool ok_lat = place_degrees(f, p, "lat", 90, &pl->lat);
	bool ok_lon = place_degrees(f, p, "lon", 180, &pl->lon);
	pl->has_position = ok_lat && ok_lon;
}

/* A place's (or a place-year's) `participants` and `funds` from the map p. */
static void read_figures(const sg_fields *f, const sg_value *p, const sg_key *keys, sg_figures *pl)
{
	pl->participants = -1;
	read_participants(f, p, pl);
	const sg_value *funds = sg_field_map(f, p, "funds");
	if (funds) {
		const sg_key *fkeys = sg_key_sub(keys, "funds");
		/* {forbund: 12,5} reads as forbund: 12 and a key "5": catch it */
		bool comma = false;
		for (size_t k = 0; k < sg_value_count(funds); k++) {
			const char *key = sg_value_key(funds, k);
			if (*key && strspn(key, "0123456789") == strlen(key)) {
				const sg_value *kv = sg_value_item(funds, k);
				sg_error(f->d, f->file, sg_fields_line(f, kv), sg_fields_col(kv),
				         "',%s' looks like the decimals of the amount before it: inside { } a comma separates "
				         "entries; write amounts with a decimal point, e.g. 12.5",
				         key);
				comma = true;
			}
		}
		if (!comma)
			sg_fields_check_keys(f, funds, fkeys, "funds");
		pl->has_funds = true;
		pl->funds.forbund = sg_field_amount(f, funds, "forbund");
		pl->funds.cofunding = sg_field_amount(f, funds, "cofunding");
		pl->funds.esf = sg_field_amount(f, funds, "esf");
		/* `esf: ~` or `esf:` with nothing after it gives no amount either */
		pl->funds.has_forbund = sg_value_kind_of(sg_value_get(funds, "forbund")) != SG_VAL_NULL;
		pl->funds.has_cofunding = sg_value_kind_of(sg_value_get(funds, "cofunding")) != SG_VAL_NULL;
		pl->funds.has_esf = sg_value_kind_of(sg_value_get(funds, "esf")) != SG_VAL_NULL;
	}
}

/* A year key of `years:` ("2020"), or 0 after an error at v. */
static int year_key(const sg_fields *f, const char *key, const sg_value *v)
{
	char *end;
	long year = strtol(key, &end, 10);
	if (*end || end == key || year < 1990 || year > 2100) {
		sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
		         "'%s' is not a year: 'years:' takes one entry per year, e.g. '2020: {participants: 40, funds: "
		         "{forbund: 450}}'",
		         key);
		return 0;
	}
	return (int)year;
}

static int by_place_year(const void *a, const void *b)
{
	return ((const sg_place_year *)a)->year - ((const sg_place_year *)b)->year;
}

/* `years:` of a place: its figures for each year the insats runs. A place gives its
 * figures once (for the insats' `year`) or by year, never both. */
static void read_place_years(sg_insats *x, const sg_fields *f, const sg_value *p, const sg_value *years,
                             sg_place *pl)
{
	static const char *const once[] = {"participants", "funds"};
	for (size_t k = 0; k < 2; k++) {
		const sg_value *v = sg_value_get(p, once[k]);
		if (v)
			sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
			         "this place gives its figures by year ('years:'), so '%s' here says nothing about which "
			         "year; move it under the year it is for",
			         once[k]);
	}
	if (x->n_places && !x->places[0].n_years)
		sg_error(f->d, f->file, sg_fields_line(f, years), sg_fields_col(years),
		         "the first place of this insats gives its figures once, for 'year', and this one by year; give "
		         "every place 'years:' (and leave out 'year') or none of them");
	if (sg_value_kind_of(years) != SG_VAL_MAP || !sg_value_count(years)) {
		sg_error(f->d, f->file, sg_fields_line(f, years), sg_fields_col(years),
		         "'years:' takes one entry per year, e.g. 'years: {2020: {participants: 40, funds: {forbund: "
		         "450}}}'");
		return;
	}
	const sg_key *keys = sg_key_sub(sg_key_sub(sg_key_sub(sg_keys_of(SG_SRC_INSATS), "places"), "years"), "*");
	size_t n = sg_value_count(years);
	pl->years = sg_calloc(n, sizeof *pl->years);
	for (size_t i = 0; i < n; i++) {
		const sg_value *y = sg_value_item(years, i);
		int year = year_key(f, sg_value_key(years, i), y);
		if (!year)
			continue;
		if (sg_value_kind_of(y) != SG_VAL_MAP) {
			sg_error(f->d, f->file, sg_fields_line(f, y), sg_fields_col(y),
			         "the figures for %d must be a map, e.g. '%d: {participants: 40, funds: {forbund: 450}}'", year,
			         year);
			continue;
		}
		sg_fields_check_keys(f, y, keys, "a year of a place");
		sg_place_year *py = &pl->years[pl->n_years++];
		py->year = year;
		py->line = sg_fields_line(f, y);
		py->col = sg_fields_col(y);
		read_figures(f, y, keys, &py->fig);
	}
	qsort(pl->years, pl->n_years, sizeof *pl->years, by_place_year);
}

/* The span of years an insats has figures for, and whether its years agree with its
 * `year` and its period (start/end); called once its dates are read. */
static void check_years(sg_insats *x, const sg_fields *f, const sg_value *meta)
{
	x->year_from = x->year_to = x->year;
	for (size_t i = 0; i < x->n_places; i++)
		x->by_year |= x->places[i].n_years > 0;
	if (!x->by_year)
		return;
	if (x->year) {
		const sg_value *yv = sg_value_get(meta, "year");
		sg_error(f->d, f->file, sg_fields_line(f, yv), sg_fields_col(yv),
		         "'year: %d' says the insats is for one year, but its places give figures by year; leave out 'year' "
		         "(the years under 'years:' say when it runs)",
		         x->year);
		x->year = 0;
	}
	x->year_from = x->year_to = 0;
	for (size_t i = 0; i < x->n_places; i++)
		for (size_t k = 0; k < x->places[i].n_years; k++) {
			int y = x->places[i].years[k].year;
			x->year_from = !x->year_from || y < x->year_from ? y : x->year_from;
			x->year_to = y > x->year_to ? y : x->year_to;
		}
	int first = x->start ? atoi(x->start) : 0, last = x->end ? atoi(x->end) : 0;
	for (size_t i = 0; i < x->n_places; i++)
		for (size_t k = 0; k < x->places[i].n_years; k++) {
			const sg_place_year *py = &x->places[i].years[k];
			if ((first && py->year < first) || (last && py->year > last))
				sg_error(f->d, f->file, py->line, py->col,
				         "the figures for %d are outside the insats' period (%s – %s); correct the year, or "
				         "'start' and 'end'",
				         py->year, x->start ? x->start : "", x->end ? x->end : "");
		}
}

static void build_places(sg_insats *x, const sg_fields *f, const sg_value *list)
{
	size_t n = sg_value_count(list);
	x->places = sg_calloc(n ? n : 1, sizeof *x->places);
	for (size_t i = 0; i < n; i++) {
		const sg_key *keys = sg_key_sub(sg_keys_of(SG_SRC_INSATS), "places");
		sg_fields at;
		const sg_value *p = sg_fields_item_map(f, list, i, "a place",
		                                       "{municipality: …, participants: …, funds: {forbund: …}}", keys, &at);
		if (!p)
			continue;
		sg_place *pl = &x->places[x->n_places];
		memset(pl, 0, sizeof *pl);
		pl->line = sg_fields_line(f, p);
		pl->col = sg_fields_col(p);
		char *name = sg_field_text(f, p, "municipality", false, NULL);
		if (name && !sg_field_name_visible(f, sg_value_get(p, "municipality"), name, "kommun name")) {
			free(name);
			continue;
		}
		if (name && x->forbund) {
			pl->member = member_named(x, f, sg_value_get(p, "municipality"), name,
			                          "leave out 'municipality' for the whole förbund");
			if (!pl->member) {
				free(name);
				continue;
			}
			for (size_t k = 0; k < x->n_places; k++)
				if (x->places[k].member == pl->member) {
					const sg_value *v = sg_value_get(p, "municipality");
					sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
					         "%s has two places in this insats; put its participants and funds in one", name);
				}
		}
		free(name);
		const sg_value *years = sg_value_get(p, "years");
		if (years) {
			read_place_years(x, f, p, years, pl);
		} else {
			read_figures(f, p, keys, &pl->fig);
			if (x->n_places && x->places[0].n_years)
				sg_error(f->d, f->file, pl->line, pl->col,
				         "the first place of this insats gives its figures by year and this one does not; give "
				         "every place 'years:' (or none of them)");
		}
		place_where(f, p, pl);
		x->n_places++;
	}
}

static void build_categories(sg_insats *x, const sg_fields *f, const sg_value *meta)
{
	size_t n;
	char **cats = sg_field_text_list(f, meta, "category", &n);
	const sg_value *v = sg_value_get(meta, "category");
	x->categories = sg_calloc(n ? n : 1, sizeof *x->categories);
	size_t count;
	const sg_category_info *all = sg_categories(&count);
	const char *names[16];
	for (size_t k = 0; k < count; k++)
		names[k] = all[k].slug;
	for (size_t i = 0; i < n; i++) {
		char *slug = sg_slugify(cats[i]);
		const sg_value *at = sg_value_kind_of(v) == SG_VAL_LIST ? sg_value_item(v, i) : v;
		const sg_category_info *c = sg_category_find(slug);
		if (!c) {
			const char *close = sg_closest(slug, names, count);
			const sg_category_info *ci = close ? sg_category_find(close) : NULL;
			if (ci)
				sg_error(f->d, f->file, sg_fields_line(f, at), sg_fields_col(at),
				         "unknown category '%s'; did you mean '%s'?", cats[i], ci->name);
			else
				sg_error(f->d, f->file, sg_fields_line(f, at), sg_fields_col(at),
				         "unknown category '%s'; the SUS categories are kartläggning, förberedande, rehabilitering, "
				         "förebyggande (individinriktad) and kartläggning, utbildning, dialog (strukturövergripande)",
				         cats[i]);
			free(slug);
			continue;
		}
		if (i == 0 && x->area == SG_AREA_INDIVID && !c->individ)
			sg_error(f->d, f->file, sg_fields_line(f, at), sg_fields_col(at),
			         "'%s' is a category for strukturövergripande insatser; an individinriktad insats is "
			         "kartläggning, förberedande, rehabilitering or förebyggande",
			         cats[i]);
		else if (i == 0 && x->area == SG_AREA_STRUKTUR && !c->struktur)
			sg_error(f->d, f->file, sg_fields_line(f, at), sg_fields_col(at),
			         "'%s' is a category for individinriktade insatser; a strukturövergripande insats is "
			         "kartläggning, utbildning or dialog",
			         cats[i]);
		bool dup = false;
		for (size_t k = 0; k < x->n_categories; k++)
			dup |= strcmp(x->categories[k], slug) == 0;
		if (dup)
			free(slug);
		else
			x->categories[x->n_categories++] = slug;
	}
	sg_free_list(cats, n);
}

static void build_referral(sg_site *site, sg_insats *x, const sg_fields *f, const sg_value *meta)
{
	const sg_value *r = sg_field_map(f, meta, "referral");
	if (!r)
		return;
	const sg_key *keys = sg_key_sub(sg_keys_of(SG_SRC_INSATS), "referral");
	sg_fields_check_keys(f, r, keys, "referral");
	x->referral.given = true;
	x->referral.open_stated = sg_value_get(r, "open") != NULL;
	x->referral.open = sg_field_bool(f, r, "open", false);
	x->referral.referrers = sg_field_text_list(f, r, "referrers", &x->referral.n_referrers);
	x->referral.vacancies = sg_field_int(f, r, "vacancies", -1, 0, 100000);
	x->referral.form = sg_field_text(f, r, "form", false, NULL);
	if (x->referral.form) {
		const sg_value *v = sg_value_get(r, "form");
		x->referral.form_line = sg_fields_line(f, v);
		x->referral.form_col = sg_fields_col(v);
	}
	char *how = sg_field_text(f, r, "how", false, NULL);
	if (how) {
		const sg_value *v = sg_value_get(r, "how");
		x->referral.how = sg_markdown_parse(how, strlen(how), f->file, sg_fields_line(f, v), &site->info.markdown,
		                                    f->d);
		free(how);
	}
}

sg_insats *sg_insats_build(sg_site *site, const sg_source *src, const sg_build_opts *opts, sg_diags *d)
{
	sg_fields f = sg_fields_for(src, d);
	const sg_value *meta = src->meta;
	const sg_key *insats_keys = sg_keys_of(SG_SRC_INSATS);
	sg_fields_check_keys(&f, meta, insats_keys, "an insats");
	sg_placeholders_check(src, d); /* text `sofgen new` wrote, left in */
	sg_insats *x = sg_calloc(1, sizeof *x);
	x->slug = sg_strdup(src->slug);
	x->path = src->path;
	x->title = sg_field_text(&f, meta, "title", true, "every insats needs a title");
	char *fslug = sg_field_text(&f, meta, "forbund", false, NULL);
	if (!fslug)
		fslug = sg_strdup(src->folder);
	x->forbund = sg_site_find_forbund(site, fslug);
	if (!x->forbund) {
		const char **names = sg_malloc((site->n_forbund + 1) * sizeof *names);
		for (size_t i = 0; i < site->n_forbund; i++)
			names[i] = site->forbund[i]->slug;
		const char *close = sg_closest(fslug, names, site->n_forbund);
		const sg_value *v = sg_value_get(meta, "forbund");
		int line = v ? sg_fields_line(&f, v) : f.line;
		if (close)
			sg_error(d, src->path, line, sg_fields_col(v), "there is no förbund '%s'; did you mean '%s'?", fslug, close);
		else if (!sg_is_slug(fslug))
			sg_error(d, src->path, line, sg_fields_col(v),
			         "there is no förbund '%s': write the name of a file in content/forbund/ without '.md'", fslug);
		else
			sg_error(d, src->path, line, sg_fields_col(v),
			         "there is no förbund '%s': add content/forbund/%s.md or move the insats", fslug, fslug);
		free(names);
	}
	free(fslug);
	x->year = (int)sg_field_int(&f, meta, "year", 0, 1990, 2100);
	int area = sg_field_choice(&f, meta, "area", sg_key_choices(insats_keys, "area"));
	x->area = area == 0 ? SG_AREA_INDIVID : area == 1 ? SG_AREA_STRUKTUR : SG_AREA_NONE;
	build_categories(x, &f, meta);
	x->summary = sg_field_text(&f, meta, "summary", false, NULL);
	if (x->summary && sg_utf8_length(x->summary, strlen(x->summary)) > SUMMARY_MAX) {
		const sg_value *v = sg_value_get(meta, "summary");
		sg_warning(d, src->path, sg_fields_line(&f, v), sg_fields_col(v),
		           "the summary is %zu characters; keep it to at most %d so lists stay readable",
		           sg_utf8_length(x->summary, strlen(x->summary)), SUMMARY_MAX);
	}
	x->target_groups = sg_field_text_list(&f, meta, "target_groups", &x->n_target_groups);
	x->image = sg_image_of_source(&f, src, "image", false);
	const sg_value *groups = sg_value_get(meta, "target_groups");
	if (sg_value_kind_of(groups) == SG_VAL_STRING)
		sg_field_name_visible(&f, groups, sg_value_as_string(groups, NULL), "target group");
	for (size_t i = 0; sg_value_kind_of(groups) == SG_VAL_LIST && i < sg_value_count(groups); i++) {
		const sg_value *g = sg_value_item(groups, i);
		if (sg_value_kind_of(g) == SG_VAL_STRING)
			sg_field_name_visible(&f, g, sg_value_as_string(g, NULL), "target group");
	}
	sg_target_groups_check(&site->info, &f, groups);
	x->age_min = x->age_max = -1;
	const sg_value *age = sg_field_map(&f, meta, "age");
	if (age) {
		const sg_key *keys = sg_key_sub(insats_keys, "age");
		sg_fields_check_keys(&f, age, keys, "age");
		x->age_min = (int)sg_field_int(&f, age, "min", -1, 0, 120);
		x->age_max = (int)sg_field_int(&f, age, "max", -1, 0, 120);
		if (x->age_min >= 0 && x->age_max >= 0 && x->age_min > x->age_max)
			sg_error(d, src->path, sg_fields_line(&f, age), sg_fields_col(age), "age: min (%d) is above max (%d)",
			         x->age_min, x->age_max);
	}
	x->duration = sg_field_text(&f, meta, "duration", false, NULL);
	const sg_value *prov = sg_field_map(&f, meta, "provider");
	if (prov) {
		const sg_key *keys = sg_key_sub(insats_keys, "provider");
		sg_fields_check_keys(&f, prov, keys, "provider");
		x->provider_name = sg_field_text(&f, prov, "name", false, NULL);
		x->provider_orgnr = sg_field_text(&f, prov, "orgnr", false, NULL);
	}
	sg_field_contact(&f, meta, insats_keys, "contact", &x->contact);
	build_places(x, &f, sg_field_list(&f, meta, "places"));
	build_responsibility(x, &f, meta);
	build_referral(site, x, &f, meta);
	int st = sg_field_choice(&f, meta, "status", sg_key_choices(insats_keys, "status"));
	x->status = st < 0 ? SG_STATUS_NONE : (sg_status)(st + 1);
	x->status_line = sg_fields_line(&f, sg_value_get(meta, "status"));
	x->status_col = sg_fields_col(sg_value_get(meta, "status"));
	x->start = sg_field_period(&f, meta, "start");
	x->end = sg_field_period(&f, meta, "end");
	/* at the coarser of the two: "2010" does not end before "2010-05-01" */
	size_t common = x->start && x->end ? (strlen(x->start) < strlen(x->end) ? strlen(x->start) : strlen(x->end)) : 0;
	if (x->start && x->end && strncmp(x->start, x->end, common) > 0) {
		const sg_value *v = sg_value_get(meta, "end");
		sg_error(d, src->path, sg_fields_line(&f, v), sg_fields_col(v), "'end' (%s) is before 'start' (%s)", x->end,
		         x->start);
	}
	check_years(x, &f, meta);
	x->draft = sg_field_bool(&f, meta, "draft", false);
	x->reviewed = sg_field_date(&f, meta, "reviewed");
	const sg_value *rv = sg_value_get(meta, "reviewed");
	x->reviewed_line = sg_fields_line(&f, rv ? rv : meta);
	x->reviewed_col = rv ? sg_fields_col(rv) : 1;
	x->body = sg_markdown_parse(src->body, src->body_len, src->path, src->body_line, &site->info.markdown, d);
	if (!x->title)
		x->title = sg_strdup(src->slug);
	x->sort_key = sg_collate_key(x->title); /* here, on the build's threads */

	if ((x->draft && !opts->drafts) || !x->forbund) {
		sg_insats_free(x);
		return NULL;
	}
	return x;
}

static int by_identity(const void *pa, const void *pb)
{
	const sg_insats *a = *(sg_insats *const *)pa, *b = *(sg_insats *const *)pb;
	int c = strcmp(a->forbund->slug, b->forbund->slug);
	if (!c)
		c = strcmp(a->slug, b->slug);
	return c ? c : strcmp(a->path, b->path);
}

/* Two files for one förbund/slug (an insats moved with `forbund:`): sorted, so
 * duplicates are neighbours; the later file is reported and left out. */
void sg_drop_duplicate_insatser(sg_site *site, sg_diags *d)
{
	size_t n = site->n_insatser;
	if (n < 2)
		return;
	sg_insats **sorted = sg_malloc(n * sizeof *sorted);
	memcpy(sorted, site->insatser, n * sizeof *sorted);
	qsort(sorted, n, sizeof *sorted, by_identity);
	size_t dropped = 0;
	for (size_t i = 1, keep = 0; i < n; i++) {
		sg_insats *x = sorted[i], *k = sorted[keep];
		if (x->forbund == k->forbund && strcmp(x->slug, k->slug) == 0) {
			sg_error(d, x->path, 1, 1, "duplicate insats: %s/%s is also defined in %s; rename one of the files",
			         x->forbund->slug, x->slug, k->path);
			x->index = (size_t)-1; /* marked */
			dropped++;
		} else {
			keep = i;
		}
	}
	free(sorted);
	if (!dropped)
		return;
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		if (site->insatser[i]->index == (size_t)-1)
			sg_insats_free(site->insatser[i]);
		else
			site->insatser[o++] = site->insatser[i];
	}
	site->n_insatser = o;
}

static int by_insats(const void *pa, const void *pb)
{
	const sg_insats *a = *(sg_insats *const *)pa, *b = *(sg_insats *const *)pb;
	int c = a->forbund == b->forbund ? 0 : sg_forbund_order(a->forbund, b->forbund);
	if (c)
		return c;
	c = sg_title_order(a->sort_key, a->title, b->sort_key, b->title);
	return c ? c : strcmp(a->slug, b->slug);
}

void sg_site_sort_insatser(sg_site *site)
{
	if (site->n_insatser)
		qsort(site->insatser, site->n_insatser, sizeof *site->insatser, by_insats);
	for (size_t i = 0; i < site->n_insatser; i++)
		site->insatser[i]->index = i;
}

void sg_site_resort_insatser(sg_site *site, sg_insats *const *moved, size_t n_moved)
{
	sg_insats **a = site->insatser;
	size_t n = site->n_insatser, kept = 0;
	/* take them all out (the others stay in order), then put each back in its place */
	for (size_t i = 0; i < n; i++) {
		bool is_moved = false;
		for (size_t m = 0; m < n_moved && !is_moved; m++)
			is_moved = a[i] == moved[m];
		if (!is_moved)
			a[kept++] = a[i];
	}
	for (size_t m = 0; m < n_moved && kept < n; m++) {
		sg_insats *x = moved[m];
		size_t lo = 0, hi = kept;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (by_insats(&a[mid], &x) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		memmove(a + lo + 1, a + lo, (kept - lo) * sizeof *a);
		a[lo] = x;
		kept++;
	}
	for (size_t i = 0; i < n; i++)
		a[i]->index = i;
}

/* ---- the insatser, on several threads ------------------------------------ */

#define INSATS_CHUNK 32 /* sources a thread takes at a time */

/* sg_insats_build only reads the site (förbund, options), so sources can be built on
 * several threads; each chunk keeps its diagnostics, merged in source order. */
typedef struct {
	sg_site *site;
	sg_sources *sources;
	const sg_build_opts *opts;
	sg_insats **built; /* one per source; NULL for other kinds */
} insats_job;

static void build_insats_chunk(void *arg, size_t begin, size_t end, sg_diags *d)
{
	insats_job *j = arg;
	sg_diags *draft_diags = sg_diags_new();
	for (size_t i = begin; i < end; i++) {
		const sg_source *src = sg_sources_at(j->sources, i);
		if (src->kind != SG_SRC_INSATS)
			continue;
		/* a draft left out of the build must not stop it: its problems are warnings */
		bool unpublished = !j->opts->drafts && sg_value_as_bool(sg_value_get(src->meta, "draft"));
		j->built[i] = sg_insats_build(j->site, src, j->opts, unpublished ? draft_diags : d);
		sg_sources_drop_one(j->sources, i); /* the model has what it needs */
		sg_diags_move_as_warnings(d, draft_diags, " (in a draft; fix it before publishing)");
	}
	sg_diags_free(draft_diags);
}

void sg_build_insatser(sg_site *site, sg_sources *sources, const sg_build_opts *opts, sg_diags *d)
{
	size_t n = sg_sources_count(sources);
	insats_job j = {site, sources, opts, sg_calloc(n + 1, sizeof *j.built)};
	sg_parallel_chunks(n, INSATS_CHUNK, opts->jobs, build_insats_chunk, &j, d);
	for (size_t i = 0; i < n; i++)
		if (j.built[i])
			SG_PUSH(site->insatser, site->n_insatser, j.built[i]);
	free(j.built);
}

void sg_insats_free(sg_insats *x)
{
	if (!x)
		return;
	free(x->slug);
	free(x->title);
	free(x->sort_key);
	sg_free_list(x->categories, x->n_categories);
	free(x->summary);
	sg_image_free(x->image);
	sg_free_list(x->target_groups, x->n_target_groups);
	free(x->duration);
	free(x->provider_name);
	free(x->provider_orgnr);
	for (size_t i = 0; i < x->n_owners; i++)
		free(x->owners[i]);
	free(x->owners);
	for (size_t i = 0; i < x->n_goals; i++) {
		free(x->goals[i].text);
		for (size_t k = 0; k < x->goals[i].n_indicators; k++) {
			free(x->goals[i].indicators[k].name);
			free(x->goals[i].indicators[k].target);
		}
		free(x->goals[i].indicators);
	}
	free(x->goals);
	free(x->open_to);
	sg_contact_clear(&x->contact);
	for (size_t i = 0; i < x->n_places; i++) {
		free(x->places[i].address);
		free(x->places[i].years);
	}
	free(x->places);
	sg_free_list(x->referral.referrers, x->referral.n_referrers);
	sg_markdown_free(x->referral.how);
	free(x->referral.form);
	free(x->start);
	free(x->end);
	free(x->reviewed);
	sg_markdown_free(x->body);
	free(x);
}

/* Compares a date of the content (YYYY, YYYY-MM or YYYY-MM-DD) with today at the
 * content's precision: < 0 when it is over, 0 when today falls in it, > 0 ahead. */
static int date_cmp(const char *date, const char *today)
{
	size_t n = strlen(date);
	if (n > 10)
		n = 10;
	return strncmp(date, today, n);
}

sg_status sg_insats_status_at(const sg_insats *x, const char *today)
{
	if (x->end && date_cmp(x->end, today) < 0)
		return SG_STATUS_ENDED;
	if (x->status == SG_STATUS_ENDED)
		return SG_STATUS_ENDED;
	if (x->start && date_cmp(x->start, today) > 0)
		return SG_STATUS_PLANNED;
	if (x->status == SG_STATUS_PLANNED)
		return SG_STATUS_PLANNED;
	if (x->start)
		return SG_STATUS_ACTIVE; /* started, and nothing says it is over */
	return x->status;
}

bool sg_insats_takes_referrals_at(const sg_insats *x, const char *today)
{
	return x->referral.given && x->referral.open && x->decision != SG_DECISION_FORSLAG &&
	       sg_insats_status_at(x, today) != SG_STATUS_ENDED;
}

static int days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

bool sg_insats_review_due(const sg_insats *x, const char *today, int max_months)
{
	if (sg_insats_status_at(x, today) == SG_STATUS_ENDED)
		return false;
	if (!x->reviewed)
		return true;
	int y = 0, m = 1, d = 1;
	int n = sscanf(x->reviewed, "%4d-%2d-%2d", &y, &m, &d);
	if (n < 1 || m < 1 || m > 12)
		return true; /* cannot happen: sg_field_date checked it */
	char due[40];
	if (n == 1) {
		snprintf(due, sizeof due, "%04d", y + (max_months + 11) / 12);
	} else {
		int months = y * 12 + (m - 1) + max_months;
		y = months / 12, m = months % 12 + 1;
		if (n == 2)
			snprintf(due, sizeof due, "%04d-%02d", y, m);
		else
			snprintf(due, sizeof due, "%04d-%02d-%02d", y, m, d < days_in_month(y, m) ? d : days_in_month(y, m));
	}
	return date_cmp(due, today) < 0;
}

const sg_figures *sg_place_figures(const sg_insats *x, const sg_place *p, int year)
{
	if (!p->n_years)
		return x->year && x->year == year ? &p->fig : NULL;
	for (size_t k = 0; k < p->n_years; k++)
		if (p->years[k].year == year)
			return &p->years[k].fig;
	return NULL;
}

bool sg_insats_in_year(const sg_insats *x, int year)
{
	if (!x->by_year)
		return x->year && x->year == year;
	for (size_t i = 0; i < x->n_places; i++)
		if (sg_place_figures(x, &x->places[i], year))
			return true;
	return false;
}
