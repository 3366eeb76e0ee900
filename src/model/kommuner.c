/* kommuner.c — the site-wide kommuner: one per name the förbund list as members, each
 * knowing the förbund it belongs to. */
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "../util/slug.h"
#include "builders.h"

/* Two names that differ in more than case but have one web address: never merged */
void sg_kommun_slug_collision(const sg_fields *f, const sg_value *v, const char *name, const char *other,
                               const char *other_path, int other_line, const char *slug)
{
	char *where = other_path ? sg_asprintf(" (%s:%d)", other_path, other_line) : sg_strdup("");
	sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
	         "'%s' and '%s'%s are two names with the same web address, /kommun/%s/; if they are the same kommun, "
	         "write its name the same way everywhere; if they are two (Habo and Håbo), give each its SCB "
	         "kommunkod (code: \"0643\"), and their pages get the code in the address",
	         name, other, where, slug);
	free(where);
}

/* See builders.h. */
sg_kommun *sg_kommun_for(sg_site *site, const char *name, const char *code, const sg_fields *f, const sg_value *v)
{
	char *slug = sg_slugify(name);
	bool apart = false; /* a kommun with this slug and another name and code exists */
	for (size_t i = 0; i < site->n_kommuner; i++) {
		sg_kommun *k = site->kommuner[i];
		if (code && k->code && strcmp(k->code, code) == 0) { /* the code decides */
			if (!sg_same_name(k->name, name)) {
				sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
				         "kommunkod %s is '%s' in %s:%d, but '%s' here; one kommun has one code: correct the name "
				         "or the code",
				         code, k->name, k->path, k->line, name);
				k = NULL;
			}
			free(slug);
			return k;
		}
		if (strcmp(k->base_slug, slug) != 0)
			continue;
		if (sg_same_name(k->name, name)) {
			if (code && k->code) { /* same name, other code */
				sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
				         "'%s' has kommunkod %s here but %s in %s:%d; one kommun has one code: correct one of them",
				         name, code, k->code, k->path, k->line);
				free(slug);
				return NULL;
			}
			if (code && !k->code)
				k->code = sg_strdup(code);
			free(slug);
			return k;
		}
		if (code && k->code) { /* Habo 0643 and Håbo 0305: two kommuner */
			apart = true;
			if (strcmp(k->slug, k->base_slug) == 0) {
				free(k->slug);
				k->slug = sg_asprintf("%s-%s", k->base_slug, k->code);
			}
			continue;
		}
		sg_kommun_slug_collision(f, v, name, k->name, k->path, k->line, slug);
		free(slug);
		return NULL;
	}
	sg_kommun *k = sg_calloc(1, sizeof *k);
	k->base_slug = sg_strdup(slug);
	k->code = code ? sg_strdup(code) : NULL;
	k->slug = apart ? sg_asprintf("%s-%s", slug, code) : sg_strdup(slug);
	free(slug);
	k->name = sg_strdup(name);
	k->path = f->file;
	k->line = sg_fields_line(f, v);
	SG_PUSH(site->kommuner, site->n_kommuner, k);
	return k;
}


static int by_kommun_name(const void *a, const void *b)
{
	return sg_collate((*(sg_kommun *const *)a)->name, (*(sg_kommun *const *)b)->name);
}

void sg_kommuner_index(sg_site *site)
{
	/* each kommun knows its memberships */
	for (size_t i = 0; i < site->n_forbund; i++)
		for (size_t k = 0; k < site->forbund[i]->n_members; k++) {
			sg_member *m = &site->forbund[i]->members[k];
			SG_PUSH(m->kommun->members, m->kommun->n_members, m);
		}
	if (site->n_kommuner)
		qsort(site->kommuner, site->n_kommuner, sizeof *site->kommuner, by_kommun_name);
}

void sg_kommuner_free(sg_site *site)
{
	for (size_t i = 0; i < site->n_kommuner; i++) {
		free(site->kommuner[i]->slug);
		free(site->kommuner[i]->base_slug);
		free(site->kommuner[i]->code);
		free(site->kommuner[i]->name);
		free(site->kommuner[i]->members);
		free(site->kommuner[i]);
	}
	free(site->kommuner);
}
