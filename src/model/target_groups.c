/* target_groups.c — site.yaml's vocabulary of target groups (`target_groups:`): each
 * term a name and the other words for it. It checks what insatser write under
 * `target_groups` (when a site has a vocabulary) and lets searches match a synonym. */
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/slug.h"
#include "../util/suggest.h"
#include "builders.h"
#include "fields.h"

const sg_target_group *sg_target_group_find(const sg_site_info *in, const char *term)
{
	if (!in->n_target_groups || !term)
		return NULL;
	char *slug = sg_slugify(term);
	const sg_target_group *found = NULL;
	for (size_t i = 0; i < in->n_target_groups && !found && *slug; i++) {
		const sg_target_group *g = &in->target_groups[i];
		if (strcmp(g->slug, slug) == 0)
			found = g;
		for (size_t k = 0; k < g->n_synonyms && !found; k++)
			if (strcmp(g->synonym_slugs[k], slug) == 0)
				found = g;
	}
	free(slug);
	return found;
}

char *sg_target_group_key(const sg_site_info *in, const char *term)
{
	const sg_target_group *g = sg_target_group_find(in, term);
	return g ? sg_strdup(g->slug) : sg_slugify(term);
}

/* Reads site.yaml's `target_groups:` into in (the list of {name, synonyms}); a word
 * that two terms share is warned about (a search could not tell them apart). */
void sg_target_groups_read(sg_site_info *in, const sg_fields *f, const sg_value *meta)
{
	const sg_value *list = sg_field_list(f, meta, "target_groups");
	size_t n = sg_value_count(list);
	if (!list || !n)
		return;
	const sg_key *keys = sg_key_sub(sg_keys_of(SG_SRC_SITE), "target_groups");
	in->target_groups = sg_calloc(n, sizeof *in->target_groups);
	for (size_t i = 0; i < n; i++) {
		sg_fields at;
		const sg_value *m =
			sg_fields_item_map(f, list, i, "target group", "{name: Unga vuxna, synonyms: [unga, ungdomar]}", keys, &at);
		if (!m)
			continue;
		char *name = sg_field_text(&at, m, "name", true, "the target group's name, e.g. 'Unga vuxna'");
		if (!name)
			continue;
		sg_target_group g = {.name = name, .slug = sg_slugify(name)};
		g.synonyms = sg_field_text_list(&at, m, "synonyms", &g.n_synonyms);
		g.synonym_slugs = sg_calloc(g.n_synonyms ? g.n_synonyms : 1, sizeof *g.synonym_slugs);
		for (size_t k = 0; k < g.n_synonyms; k++)
			g.synonym_slugs[k] = sg_slugify(g.synonyms[k]);
		/* every word of the new term against the terms before it */
		for (size_t k = 0; k <= g.n_synonyms; k++) {
			const char *word = k ? g.synonyms[k - 1] : g.name;
			const sg_target_group *other = sg_target_group_find(in, word);
			const sg_value *syn = sg_value_get(m, "synonyms");
			const sg_value *wv = !k ? sg_value_get(m, "name")
			                        : sg_value_kind_of(syn) == SG_VAL_LIST ? sg_value_item(syn, k - 1) : syn;
			if (other)
				sg_warning(f->d, f->file, sg_fields_line(&at, wv), sg_fields_col(wv),
				           "target_groups: '%s' (under '%s') already names '%s'; a word can stand for one "
				           "target group only: remove it from one of them",
				           word, g.name, other->name);
		}
		in->target_groups[in->n_target_groups++] = g;
	}
}

/* Frees the vocabulary. */
void sg_target_groups_clear(sg_site_info *in)
{
	for (size_t i = 0; i < in->n_target_groups; i++) {
		sg_target_group *g = &in->target_groups[i];
		free(g->name), free(g->slug);
		sg_free_list(g->synonyms, g->n_synonyms);
		sg_free_list(g->synonym_slugs, g->n_synonyms);
	}
	free(in->target_groups);
	in->target_groups = NULL;
	in->n_target_groups = 0;
}

/* Warns about the term at v (an insats' target group) when the site has a vocabulary
 * and the term is in none of its names and synonyms, naming the nearest word. */
static void check_term(const sg_site_info *in, const sg_fields *f, const sg_value *v, const char *term)
{
	if (sg_target_group_find(in, term))
		return;
	size_t n = 0;
	for (size_t i = 0; i < in->n_target_groups; i++)
		n += 1 + in->target_groups[i].n_synonyms;
	const char **words = sg_calloc(n, sizeof *words);
	const char **of = sg_calloc(n, sizeof *of);
	n = 0;
	for (size_t i = 0; i < in->n_target_groups; i++) {
		const sg_target_group *g = &in->target_groups[i];
		for (size_t k = 0; k <= g->n_synonyms; k++) {
			of[n] = g->name;
			words[n++] = k ? g->synonyms[k - 1] : g->name;
		}
	}
	const char *best = sg_closest(term, words, n);
	const char *best_of = NULL;
	for (size_t i = 0; best && i < n; i++)
		if (words[i] == best)
			best_of = of[i];
	if (best && best == best_of)
		sg_warning(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
		           "the target group '%s' is not in site.yaml's target_groups; write '%s', the nearest term, or "
		           "add it to target_groups",
		           term, best);
	else if (best)
		sg_warning(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
		           "the target group '%s' is not in site.yaml's target_groups; write '%s' (a word for '%s'), the "
		           "nearest term, or add it to target_groups",
		           term, best, best_of);
	else {
		sg_buf names = SG_BUF_INIT;
		for (size_t i = 0; i < in->n_target_groups; i++)
			sg_buf_printf(&names, "%s'%s'", i ? ", " : "", in->target_groups[i].name);
		sg_warning(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
		           "the target group '%s' is not in site.yaml's target_groups; write one of its terms (%s) or add "
		           "it to target_groups",
		           term, names.ptr);
		sg_buf_free(&names);
	}
	free(words);
	free(of);
}

/* Checks an insats' `target_groups` value (a text or a list of texts) against the
 * vocabulary; nothing when the site has none. */
void sg_target_groups_check(const sg_site_info *in, const sg_fields *f, const sg_value *groups)
{
	if (!in->n_target_groups)
		return;
	if (sg_value_kind_of(groups) == SG_VAL_STRING)
		check_term(in, f, groups, sg_value_as_string(groups, NULL));
	for (size_t i = 0; sg_value_kind_of(groups) == SG_VAL_LIST && i < sg_value_count(groups); i++) {
		const sg_value *g = sg_value_item(groups, i);
		if (sg_value_kind_of(g) == SG_VAL_STRING)
			check_term(in, f, g, sg_value_as_string(g, NULL));
	}
}
