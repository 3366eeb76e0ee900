/* search_index.c — the search page's data (see search_index.h). Per insats:
 *   t title, u URL, s summary, f förbund, k kommun slugs where a resident can use it
 *   (its places, or every member kommun when it is for the whole förbund), c category
 *   slugs, g target groups, a [min, max] age or null, o open for referral, y year. */
#include "search_index.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../plan/plan.h"
#include "../util/alloc.h"

static bool whole_forbund(const sg_insats *x)
{
	if (x->n_places == 0)
		return true;
	for (size_t i = 0; i < x->n_places; i++)
		if (!x->places[i].member)
			return true;
	return false;
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
