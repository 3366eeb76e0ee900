/* mustache.c — the template set: a hash table of parsed templates by name, and loading
 * a folder of *.mustache files into it. Parsing is in mustache_parse.c, rendering in
 * mustache_render.c. */
#include "mustache.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../util/alloc.h"
#include "../util/fs.h"
#include "mustache_internal.h"

struct sg_tpl_set {
	sg_tpl **slots; /* open addressing, linear probing; cap is a power of two */
	size_t cap, count;
};

static size_t hash_name(const char *s, size_t len)
{
	size_t h = 2166136261u; /* FNV-1a */
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static bool name_is(const sg_tpl *t, const char *name, size_t len)
{
	/* name may hold any bytes (a dynamic name comes from data) */
	return strnlen(t->name, len + 1) == len && memcmp(t->name, name, len) == 0;
}

sg_tpl_set *sg_tpl_set_new(void)
{
	sg_tpl_set *set = sg_calloc(1, sizeof *set);
	set->cap = 16;
	set->slots = sg_calloc(set->cap, sizeof *set->slots);
	return set;
}

void sg_tpl_set_free(sg_tpl_set *set)
{
	if (!set)
		return;
	for (size_t i = 0; i < set->cap; i++)
		sg_tpl_free(set->slots[i]);
	free(set->slots);
	free(set);
}

/* The slot holding name, or the empty slot where it would go. */
static size_t slot_of(const sg_tpl_set *set, const char *name, size_t len)
{
	size_t mask = set->cap - 1;
	size_t i = hash_name(name, len) & mask;
	while (set->slots[i] && !name_is(set->slots[i], name, len))
		i = (i + 1) & mask;
	return i;
}

const sg_tpl *sg_tpl_set_find(const sg_tpl_set *set, const char *name, size_t len)
{
	return set->slots[slot_of(set, name, len)];
}

bool sg_tpl_set_has(const sg_tpl_set *set, const char *name)
{
	return sg_tpl_set_find(set, name, strlen(name)) != NULL;
}

static void grow(sg_tpl_set *set)
{
	sg_tpl **old = set->slots;
	size_t old_cap = set->cap;
	set->cap *= 2;
	set->slots = sg_calloc(set->cap, sizeof *set->slots);
	for (size_t i = 0; i < old_cap; i++)
		if (old[i])
			set->slots[slot_of(set, old[i]->name, strlen(old[i]->name))] = old[i];
	free(old);
}

int sg_tpl_set_add(sg_tpl_set *set, const char *name, const char *src, size_t len, const char *file,
                   sg_diags *d)
{
	sg_tpl *t = sg_tpl_parse(name, src, len, file ? file : name, d);
	if (!t)
		return -1;
	if ((set->count + 1) * 2 > set->cap)
		grow(set);
	size_t i = slot_of(set, name, strlen(name));
	if (set->slots[i])
		sg_tpl_free(set->slots[i]);
	else
		set->count++;
	set->slots[i] = t;
	return 0;
}

static int load_dir(sg_tpl_set *set, const char *dir, bool only_missing, sg_diags *d);

int sg_tpl_set_load_dir(sg_tpl_set *set, const char *dir, sg_diags *d) { return load_dir(set, dir, false, d); }

int sg_tpl_set_load_missing(sg_tpl_set *set, const char *dir, sg_diags *d) { return load_dir(set, dir, true, d); }

static int load_dir(sg_tpl_set *set, const char *dir, bool only_missing, sg_diags *d)
{
	static const char ext[] = ".mustache";
	const size_t ext_len = sizeof ext - 1;
	size_t n;
	char **names = sg_list_dir(dir, &n); /* sorted: messages come out the same everywhere */
	if (!names) {
		sg_error(d, dir, 0, 0, "cannot open the template folder: %s", strerror(errno));
		return -1;
	}
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(names[i]);
		if (names[i][0] == '.' || l <= ext_len || strcmp(names[i] + l - ext_len, ext) != 0)
			continue;
		if (only_missing) {
			names[i][l - ext_len] = '\0';
			bool have = sg_tpl_set_has(set, names[i]);
			names[i][l - ext_len] = '.';
			if (have)
				continue; /* the site's own template wins */
		}
		char *path = sg_path_join(dir, names[i]);
		struct stat st;
		bool there = lstat(path, &st) == 0, link = there && S_ISLNK(st.st_mode);
		if (there && S_ISDIR(st.st_mode)) { /* a folder named x.mustache, say */
			free(path);
			continue;
		}
		/* never through a symbolic link (as assets): a partial linked to /etc/passwd would
		 * publish it; nor from a named pipe, which would hang the build */
		size_t len = 0;
		const char *what = NULL;
		char *src = link ? NULL : sg_read_regular(path, &len, (size_t)16 << 20, O_NOFOLLOW, &what);
		if (!src) {
			if (link)
				sg_error(d, path, 0, 0, "this is a symbolic link: templates are never read through links, which could "
				         "publish any file on this computer; put the template itself here");
			else if (what)
				sg_error(d, path, 0, 0, "this is %s, not a file: sofgen reads only regular files; put the template "
				         "itself here or remove it", what);
			else
				sg_error(d, path, 0, 0, "cannot read the template: %s", strerror(errno));
			rc = -1;
		} else {
			names[i][l - ext_len] = '\0';
			if (sg_tpl_set_add(set, names[i], src, len, path, d) != 0)
				rc = -1;
		}
		free(src);
		free(path);
	}
	sg_free_names(names, n);
	return rc;
}
