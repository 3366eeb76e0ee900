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
	         "write its name the same way everywhere (two kommuner whose names differ only in å, ä, ö or accents "
	         "cannot be on one site)",
	         name, other, where, slug);
	free(where);
}

/* The site-wide kommun with this name (made on first use); NULL after an error when
 * another kommun's name has the same slug. */
sg_kommun *sg_kommun_for(sg_site *site, const char *name, const sg_fields *f, const sg_value *v)
{
	char *slug = sg_slugify(name);
	for (size_t i = 0; i < site->n_kommuner; i++)
		if (strcmp(site->kommuner[i]->slug, slug) == 0) {
			sg_kommun *k = site->kommuner[i];
			if (!sg_same_name(k->name, name)) {
				sg_kommun_slug_collision(f, v, name, k->name, k->path, k->line, slug);
				k = NULL;
			}
			free(slug);
			return k;
		}
	sg_kommun *k = sg_calloc(1, sizeof *k);
	k->slug = slug;
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
		free(site->kommuner[i]->name);
		free(site->kommuner[i]->members);
		free(site->kommuner[i]);
	}
	free(site->kommuner);
}
