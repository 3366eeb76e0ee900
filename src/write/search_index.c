/* search_index.c — the search page's data (see search_index.h). Per insats:
 *   t title, u URL, s summary, f förbund, k kommun slugs where a resident can use it
 *   (its places, or every member kommun when it is for the whole förbund), c category
 *   slugs, g target groups, a [min, max] age or null, o open for referral, y year;
 *   m the target groups' keys (sg_target_group_key: what /sok/?malgrupp= names),
 *   x true for strukturövergripande work (left out of referral results unless asked
 *   for), w the words a free-text search matches: see search_words. */
#include "search_index.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../plan/plan.h"
#include "../util/alloc.h"
#include "../util/slug.h"

static bool whole_forbund(const sg_insats *x)
{
	if (x->n_places == 0)
		return true;
	for (size_t i = 0; i < x->n_places; i++)
		if (!x->places[i].member)
			return true;
	return false;
}

char *sg_search_words(const sg_site *site, const sg_insats *x)
{
	sg_buf b = SG_BUF_INIT;
	sg_buf_printf(&b, "%s %s %s", x->title, x->summary ? x->summary : "", x->forbund->title);
	for (size_t j = 0; j < x->n_target_groups; j++) {
		sg_buf_printf(&b, " %s", x->target_groups[j]);
		const sg_target_group *g = sg_target_group_find(&site->info, x->target_groups[j]);
		if (!g)
			continue;
		sg_buf_printf(&b, " %s", g->name);
		for (size_t k = 0; k < g->n_synonyms; k++)
			sg_buf_printf(&b, " %s", g->synonyms[k]);
	}
	if (whole_forbund(x))
		for (size_t m = 0; m < x->forbund->n_members; m++)
			sg_buf_printf(&b, " %s", x->forbund->members[m].kommun->name);
	for (size_t p = 0; p < x->n_places; p++)
		if (x->places[p].member)
			sg_buf_printf(&b, " %s", x->places[p].member->kommun->name);
	char *text = sg_buf_detach(&b);
	char *slug = sg_slugify(text);
	free(text);
	/* each word once, in order of first use */
	sg_buf out = SG_BUF_INIT;
	for (char *w = slug, *end; *w; w = *end ? end + 1 : end) {
		end = strchr(w, '-');
		if (!end)
			end = w + strlen(w);
		size_t len = (size_t)(end - w);
		bool seen = false;
		for (const char *o = out.ptr; o && *o && !seen;) {
			const char *oe = strchr(o, '-');
			size_t ol = oe ? (size_t)(oe - o) : strlen(o);
			seen = ol == len && memcmp(o, w, len) == 0;
			o += ol + (oe != NULL);
		}
		if (!seen) {
			if (out.len)
				sg_buf_putc(&out, '-');
			sg_buf_put(&out, w, len);
		}
	}
	free(slug);
	return out.ptr ? sg_buf_detach(&out) : sg_strdup("");
}

void sg_search_index_item(const sg_site *site, const sg_insats *x, const char *today, sg_buf *out)
{
	json_t *o = json_object();
	json_object_set_new(o, "t", json_string(x->title));
	char *url = sg_url_insats(x);
	json_object_set_new(o, "u", json_pack("s++", site->info.root ? site->info.root : "", url, ""));
	free(url);
	if (x->summary)
		json_object_set_new(o, "s", json_string(x->summary));
	json_object_set_new(o, "f", json_string(x->forbund->title));
	json_t *k = json_array();
	if (whole_forbund(x))
		for (size_t m = 0; m < x->forbund->n_members; m++)
			json_array_append_new(k, json_string(x->forbund->members[m].kommun->slug));
	for (size_t p = 0; p < x->n_places; p++) {
		if (!x->places[p].member)
			continue;
		bool seen = whole_forbund(x); /* then every member is listed already */
		for (size_t q = 0; q < p && !seen; q++)
			seen = x->places[q].member == x->places[p].member;
		if (!seen)
			json_array_append_new(k, json_string(x->places[p].member->kommun->slug));
	}
	json_object_set_new(o, "k", k);
	json_t *c = json_array();
	for (size_t j = 0; j < x->n_categories; j++)
		json_array_append_new(c, json_string(x->categories[j]));
	json_object_set_new(o, "c", c);
	json_t *g = json_array();
	for (size_t j = 0; j < x->n_target_groups; j++)
		json_array_append_new(g, json_string(x->target_groups[j]));
	json_object_set_new(o, "g", g);
	json_t *m = json_array();
	for (size_t j = 0; j < x->n_target_groups; j++) {
		char *key = sg_target_group_key(&site->info, x->target_groups[j]);
		bool seen = false;
		for (size_t q = 0; q < json_array_size(m) && !seen; q++)
			seen = strcmp(json_string_value(json_array_get(m, q)), key) == 0;
		if (!seen)
			json_array_append_new(m, json_string(key));
		free(key);
	}
	json_object_set_new(o, "m", m);
	if (x->area == SG_AREA_STRUKTUR)
		json_object_set_new(o, "x", json_true());
	char *words = sg_search_words(site, x);
	json_object_set_new(o, "w", json_string(words));
	free(words);
	if (x->age_min >= 0 || x->age_max >= 0)
		json_object_set_new(o, "a", json_pack("[ii]", x->age_min >= 0 ? x->age_min : 0,
		                                      x->age_max >= 0 ? x->age_max : 120));
	json_object_set_new(o, "o", json_boolean(sg_insats_takes_referrals_at(x, today)));
	if (x->year)
		json_object_set_new(o, "y", json_integer(x->year));
	char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	sg_buf_puts(out, s);
	free(s);
	json_decref(o);
}
