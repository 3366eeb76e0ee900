/* content.c — reading the content folder (see content.h).
 *
 * Reading goes in two steps: the folders are walked on one thread, listing the files
 * in order; then the files are read and parsed (UTF-8 check, front matter, YAML) on
 * several threads, in chunks whose diagnostics are merged in file order, so the
 * result is the same for any number of threads. */
#include "content.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/fs.h"
#include "../util/i18n.h"
#include "../util/parallel.h"
#include "../util/slug.h"
#include "../util/suggest.h"
#include "../util/unicode.h"
#include "../util/utf8.h"
#include "frontmatter.h"
#include "yaml_load.h"

#define MAX_FILE_BYTES ((size_t)16 << 20)

struct sg_sources {
	sg_source *items;
	size_t len, cap;
	char *root_real; /* realpath of the content dir, for the symlink check */
};

/* The folders and file extensions of each kind of content: read/kinds.c. */
static bool is_yaml_kind(sg_source_kind k) { return strcmp(sg_content_kind_of(k)->ext, ".yaml") == 0; }

void sg_source_clear(sg_source *src)
{
	free(src->path);
	free(src->slug);
	free(src->folder);
	sg_value_unref(src->meta);
	free(src->body);
	memset(src, 0, sizeof *src);
}

#define MAX_REFUSED_REPORTS 20 /* control characters reported per file */

/* Reports every refused character of text (control characters, noncharacters: see
 * sg_char_refused) at its line and column, and replaces each by a space, so what reads
 * the text afterwards never sees one and reports its own problems at the same
 * columns. Returns the new length. */
static size_t refuse_controls(const sg_source *src, char *text, size_t len, sg_diags *d)
{
	unsigned cp;
	size_t at = sg_text_find_refused(text, len, 0, &cp);
	if (at == len)
		return len;
	size_t o = 0, count = 0;
	int line = 1, col = 1, more_line = 0, more_col = 0;
	for (size_t i = 0; i < len;) {
		size_t n;
		unsigned x = sg_utf8_decode(text + i, len - i, &n);
		if (i == at) {
			if (++count <= MAX_REFUSED_REPORTS) {
				char why[300];
				sg_char_refusal(x, why, sizeof why);
				sg_error(d, src->path, line, col, "the text holds %s", why);
			} else if (count == MAX_REFUSED_REPORTS + 1) {
				more_line = line, more_col = col;
			}
			text[o++] = ' ';
			i += n;
			at = sg_text_find_refused(text, len, i, &cp);
		} else {
			memmove(text + o, text + i, n);
			o += n, i += n;
		}
		if (x == '\n')
			line++, col = 1;
		else
			col++;
	}
	if (count > MAX_REFUSED_REPORTS)
		sg_error(d, src->path, more_line, more_col, "%zu more control characters in this file (only the first %d are listed); "
		         "remove them", count - MAX_REFUSED_REPORTS, MAX_REFUSED_REPORTS);
	text[o] = '\0';
	return o;
}

static int parse_normalized(sg_source *src, const char *text, size_t len, int want_frontmatter, sg_diags *d);

int sg_source_parse(sg_source *src, char *text, size_t len, int want_frontmatter, sg_diags *d)
{
	int line, col;
	if (!sg_utf8_valid_nul(text, len, &line, &col)) {
		const unsigned char *u = (const unsigned char *)text;
		if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
			sg_error(d, src->path, 1, 1,
			         "the file is saved as UTF-16 (what Notepad calls 'Unicode'); save it as UTF-8");
		else
			sg_error(d, src->path, line, col, "the file is not valid UTF-8 text; save it as UTF-8 (Unicode)");
		return -1;
	}
	sg_text_normalize(text, &len);
	len = refuse_controls(src, text, len, d);
	/* NFC: "ä" typed as "a" + U+0308 (macOS, some web forms) is the same "ä" as
	 * everywhere else, in names, filters and links */
	size_t nfc_len;
	char *nfc = sg_nfc(text, len, &nfc_len);
	int rc = parse_normalized(src, nfc ? nfc : text, nfc ? nfc_len : len, want_frontmatter, d);
	free(nfc);
	return rc;
}

/* sg_source_parse after the text is valid UTF-8, without BOM or CR, in NFC */
static int parse_normalized(sg_source *src, const char *text, size_t len, int want_frontmatter, sg_diags *d)
{
	if (!want_frontmatter) {
		src->meta = sg_yaml_load(text, len, src->path, 0, d);
		src->body = sg_strdup("");
	} else {
		sg_fm_split sp;
		sg_fm_result r = sg_frontmatter_split(text, len, &sp);
		if (r == SG_FM_NONE) {
			sg_error(d, src->path, 1, 1,
			         "no front matter: a content file starts with a line '---', then 'key: value' lines, then '---'");
			return -1;
		}
		if (r == SG_FM_UNCLOSED) {
			sg_error(d, src->path, 1, 1, "the front matter is never closed: add a line '---' after the last 'key: value' line");
			return -1;
		}
		src->meta = sg_yaml_load(sp.yaml, sp.yaml_len, src->path, sp.yaml_line - 1, d);
		src->body = sg_strndup(sp.body, sp.body_len);
		src->body_len = sp.body_len;
		src->body_line = sp.body_line;
	}
	if (!src->meta)
		return -1;
	if (sg_value_kind_of(src->meta) == SG_VAL_NULL) {
		sg_value_unref(src->meta);
		src->meta = sg_value_map();
	}
	if (sg_value_kind_of(src->meta) != SG_VAL_MAP) {
		sg_error(d, src->path, sg_value_line(src->meta) ? sg_value_line(src->meta) : 1, 1,
		         "the front matter must be 'key: value' lines, not %s",
		         sg_value_kind_name(sg_value_kind_of(src->meta)));
		return -1;
	}
	return 0;
}

static bool inside_root(const sg_sources *s, const char *path)
{
	char real[PATH_MAX];
	if (!realpath(path, real))
		return false;
	size_t n = strlen(s->root_real);
	return strncmp(real, s->root_real, n) == 0 && (real[n] == '/' || real[n] == '\0');
}

/* A link that leads nowhere (its target is missing, or links loop) gets an error
 * (at line 1 of a file, or line 0 for a folder). */
static bool broken_link(const char *path, int line, sg_diags *d)
{
	char real[PATH_MAX];
	if (realpath(path, real))
		return false;
	int e = errno;
	char target[PATH_MAX];
	ssize_t n = readlink(path, target, sizeof target - 1);
	if (n < 0)
		return false;
	target[n] = '\0';
	if (e == ENOENT)
		sg_error(d, path, line, line, "this is a link to '%s', which does not exist; remove the link or put the %s here",
		         target, line ? _("file") : _("folder"));
	else
		sg_error(d, path, line, line,
		         "this is a link to '%s', which cannot be followed (%s); remove the link or put the %s here", target,
		         strerror(e), line ? _("file") : _("folder"));
	return true;
}

/* Whether path is a symbolic link (or cannot be looked at: then the link checks
 * below say why). */
static bool is_link(const char *path)
{
	struct stat st;
	return lstat(path, &st) != 0 || S_ISLNK(st.st_mode);
}

/* Reads and parses one file into *out (all of it owned by out). false, with errors
 * added, when the file cannot be a content file. Its folder has been checked to be
 * inside the content folder, so only a link needs resolving (realpath() costs a
 * readlink per part of the path). */
static bool load_file(const sg_sources *s, sg_source_kind kind, const char *path, const char *name,
                      const char *folder, bool link, sg_source *out, sg_diags *d)
{
	if (link && broken_link(path, 1, d))
		return false;
	if (link && !inside_root(s, path)) {
		sg_error(d, path, 1, 1, "this is a link to a file outside the content folder; copy the file in instead");
		return false;
	}
	size_t nlen = strlen(name);
	const char *ext = sg_content_kind_of(kind)->ext;
	size_t elen = strlen(ext);
	bool ext_ok = nlen > elen && strcmp(name + nlen - elen, ext) == 0;
	/* 'x.MD' is a content file with a name to fix, like 'X.md' */
	bool ext_case = kind != SG_SRC_DOKUMENT && nlen > elen && strcasecmp(name + nlen - elen, ext) == 0;
	if (!ext_ok && !ext_case) {
		if (kind == SG_SRC_DOKUMENT)
			return false; /* the documents themselves: checked when a .yaml names them */
		if (is_yaml_kind(kind))
			sg_error(d, path, 1, 1, "not a content file: files in this folder are YAML and end in '.yaml'");
		else
			sg_error(d, path, 1, 1,
			         "not a content file: files in this folder are Markdown with front matter and end in '.md'");
		return false;
	}
	char *slug = sg_strndup(name, nlen - elen);
	if (kind != SG_SRC_SITE && (!ext_ok || !sg_is_slug(slug))) {
		char *good = sg_slugify(slug);
		if (*good)
			sg_error(d, path, 1, 1,
			         "the file name '%s' cannot be used in a web address; rename the file to '%s%s' "
			         "(lowercase a-z, 0-9 and '-'; å ä → a, ö → o)",
			         name, good, ext);
		else
			sg_error(d, path, 1, 1, "the file name '%s' has no letters or digits to make a web address from", name);
		free(good);
		free(slug);
		return false;
	}
	size_t len;
	const char *what;
	char *text = sg_read_regular(path, &len, MAX_FILE_BYTES, 0, &what);
	if (!text) {
		if (what)
			sg_error(d, path, 0, 0, "this is %s, not a file: sofgen reads only regular files; put the file itself here "
			         "or remove it", what);
		else if (errno == EFBIG)
			sg_error(d, path, 1, 1, "the file is too large (the limit is %zu MB); split it or shorten it",
			         MAX_FILE_BYTES >> 20);
		else
			sg_error(d, path, 1, 1, "cannot read the file: %s", strerror(errno));
		free(slug);
		return false;
	}
	sg_source src = {.kind = kind, .path = sg_strdup(path), .slug = slug,
	                 .folder = folder ? sg_strdup(folder) : NULL};
	int rc = sg_source_parse(&src, text, len, !is_yaml_kind(kind), d);
	free(text);
	if (rc != 0) {
		sg_source_clear(&src);
		return false;
	}
	*out = src;
	return true;
}

long sg_sources_find(const sg_sources *s, const char *path)
{
	for (size_t i = 0; s && i < s->len; i++)
		if (strcmp(s->items[i].path, path) == 0)
			return (long)i;
	return -1;
}

long sg_sources_reread(sg_sources *s, const char *path, sg_diags *d)
{
	for (size_t i = 0; s && i < s->len; i++) {
		sg_source *old = &s->items[i];
		if (strcmp(old->path, path) != 0)
			continue;
		const char *slash = strrchr(path, '/');
		sg_source src;
		if (!load_file(s, old->kind, path, slash ? slash + 1 : path, old->folder, is_link(path), &src, d))
			return -1;
		/* the path keeps its address: the model points at it */
		char *keep = old->path;
		old->path = src.path;
		sg_source_clear(old);
		*old = src;
		old->path = keep;
		return (long)i;
	}
	return -1;
}

/* ---- walking the folders -------------------------------------------------- */

/* A file found by the walk, to be read afterwards. */
typedef struct {
	sg_source_kind kind;
	char *path;
	const char *name; /* inside path */
	char *folder;     /* NULL, or as sg_source.folder */
	bool link;
} found_file;

typedef struct {
	found_file *items;
	size_t len, cap;
} found_list;

static void found_add(found_list *f, sg_source_kind kind, const char *path, const char *folder, bool link)
{
	if (f->len == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 256;
		f->items = sg_realloc(f->items, f->cap * sizeof *f->items);
	}
	found_file *x = &f->items[f->len++];
	x->kind = kind;
	x->path = sg_strdup(path);
	const char *slash = strrchr(x->path, '/');
	x->name = slash ? slash + 1 : x->path;
	x->folder = folder ? sg_strdup(folder) : NULL;
	x->link = link;
}

static void found_free(found_list *f)
{
	for (size_t i = 0; i < f->len; i++)
		free(f->items[i].path), free(f->items[i].folder);
	free(f->items);
}

static bool hidden(const char *name) { return name[0] == '.' || name[strlen(name) - 1] == '~'; }

/* Lists every file of a folder of content files of one kind. */
static void walk_folder(found_list *found, sg_source_kind kind, const char *dir, const char *folder, sg_diags *d)
{
	size_t n;
	char **names = sg_list_dir(dir, &n);
	if (!names) {
		sg_error(d, dir, 0, 0, "cannot read the folder: %s", strerror(errno));
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (hidden(names[i]))
			continue;
		char *path = sg_path_join(dir, names[i]);
		struct stat st;
		bool link = lstat(path, &st) != 0 || S_ISLNK(st.st_mode);
		if (link ? sg_is_dir(path) : S_ISDIR(st.st_mode))
			sg_error(d, path, 0, 0, "unexpected folder: %s", kind == SG_SRC_INSATS
			         ? "insatser are files in content/insatser/<förbund>/, one folder level only"
			         : "this folder holds only content files, no folders");
		else
			found_add(found, kind, path, folder, link);
		free(path);
	}
	sg_free_names(names, n);
}

/* A folder that is a link: an error (at line 0) when it leads nowhere or out of the
 * content folder. true when its files can be read. */
static bool folder_usable(const sg_sources *s, const char *path, sg_diags *d)
{
	if (!is_link(path))
		return true;
	if (broken_link(path, 0, d))
		return false;
	if (!inside_root(s, path)) {
		sg_error(d, path, 0, 0, "this is a link to a folder outside the content folder; copy the files in instead");
		return false;
	}
	return true;
}

/* A folder of files per förbund (insatser/<förbund>/, planer/<förbund>/) of kind k. */
static void walk_insatser(const sg_sources *s, found_list *found, const sg_content_kind *k, const char *dir,
                          sg_diags *d)
{
	size_t n;
	char **names = sg_list_dir(dir, &n);
	if (!names) {
		sg_error(d, dir, 0, 0, "cannot read the folder: %s", strerror(errno));
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (hidden(names[i]))
			continue;
		char *path = sg_path_join(dir, names[i]);
		if (broken_link(path, 0, d))
			;
		else if (!sg_is_dir(path))
			sg_error(d, path, 0, 0, "%s go in a folder named after their förbund: content/%s/<förbund>/%s", k->folder,
			         k->folder, names[i]);
		else if (!folder_usable(s, path, d))
			;
		else if (!sg_is_slug(names[i])) {
			char *good = sg_slugify(names[i]);
			sg_error(d, path, 0, 0, "the folder name '%s' cannot be used in a web address; rename it to '%s'",
			         names[i], good);
			free(good);
		} else
			walk_folder(found, k->kind, path, names[i], d);
		free(path);
	}
	sg_free_names(names, n);
}

/* The warning for a folder in content/ that is none of the content folders. */
static void not_a_content_folder(const char *path, const char *name, sg_diags *d)
{
	size_t n_kinds, n = 0;
	const sg_content_kind *kinds = sg_content_kinds(&n_kinds);
	const char *folders[16];
	sg_buf all = SG_BUF_INIT;
	for (size_t i = 0; i < n_kinds && n < sizeof folders / sizeof *folders; i++)
		if (kinds[i].folder) {
			sg_buf_printf(&all, "%s%s", n ? ", " : "", kinds[i].folder);
			folders[n++] = kinds[i].folder;
		}
	const char *close = sg_closest(name, folders, n);
	if (close)
		sg_warning(d, path, 0, 0, "not a content folder, ignored; did you mean '%s'?", close);
	else
		sg_warning(d, path, 0, 0, "not a content folder, ignored (content folders: %s)", sg_buf_cstr(&all));
	sg_buf_free(&all);
}

/* Lists every content file under dir, in the order they are kept. */
static void walk_content(const sg_sources *s, found_list *found, const char *dir, sg_diags *d)
{
	char *site = sg_path_join(dir, "site.yaml");
	if (sg_exists(site))
		found_add(found, SG_SRC_SITE, site, NULL, is_link(site));
	else
		sg_error(d, site, 0, 0, "missing: every site needs content/site.yaml with at least 'title' and 'base_url'");
	free(site);

	size_t n;
	char **names = sg_list_dir(dir, &n);
	for (size_t i = 0; names && i < n; i++) {
		const char *name = names[i];
		/* bilder/: the images front matter names (model/image.h), read by the model */
		if (hidden(name) || strcmp(name, "site.yaml") == 0 || strcmp(name, "bilder") == 0)
			continue;
		char *path = sg_path_join(dir, name);
		const sg_content_kind *k = sg_content_kind_in(name);
		if (k && k->per_forbund) {
			if (folder_usable(s, path, d))
				walk_insatser(s, found, k, path, d);
		} else if (k) {
			if (folder_usable(s, path, d))
				walk_folder(found, k->kind, path, k->kind == SG_SRC_DOKUMENT ? path : NULL, d);
		} else {
			not_a_content_folder(path, name, d);
		}
		free(path);
	}
	if (names)
		sg_free_names(names, n);
}

/* ---- reading the files, on several threads ------------------------------- */

#define CHUNK 64 /* files a thread takes at a time */

typedef struct {
	const sg_sources *s;
	const found_list *found;
	sg_source *out; /* one per found file */
	bool *ok;
} read_job;

static void read_chunk(void *arg, size_t begin, size_t end, sg_diags *d)
{
	read_job *j = arg;
	for (size_t i = begin; i < end; i++) {
		const found_file *f = &j->found->items[i];
		j->ok[i] = load_file(j->s, f->kind, f->path, f->name, f->folder, f->link, &j->out[i], d);
	}
}

/* Reads every found file into s, in order. */
static void read_found(sg_sources *s, const found_list *found, int jobs, sg_diags *d)
{
	read_job j = {.s = s, .found = found};
	j.out = sg_calloc(found->len + 1, sizeof *j.out);
	j.ok = sg_calloc(found->len + 1, sizeof *j.ok);
	sg_parallel_chunks(found->len, CHUNK, jobs, read_chunk, &j, d);
	s->items = sg_realloc(s->items, (found->len + 1) * sizeof *s->items);
	s->cap = found->len + 1;
	for (size_t i = 0; i < found->len; i++)
		if (j.ok[i])
			s->items[s->len++] = j.out[i];
	free(j.out);
	free(j.ok);
}

sg_sources *sg_sources_read_on(const char *dir, int jobs, sg_diags *d)
{
	char real[PATH_MAX];
	if (!sg_is_dir(dir) || !realpath(dir, real)) {
		sg_error(d, dir, 0, 0, "the content folder cannot be read: %s", sg_exists(dir) ? strerror(errno) : "it does not exist");
		return NULL;
	}
	sg_sources *s = sg_calloc(1, sizeof *s);
	s->root_real = sg_strdup(real);
	found_list found = {0};
	walk_content(s, &found, dir, d);
	read_found(s, &found, jobs, d);
	found_free(&found);
	return s;
}

sg_sources *sg_sources_read(const char *dir, sg_diags *d) { return sg_sources_read_on(dir, 0, d); }

sg_sources *sg_sources_read_one(const char *dir, sg_source_kind kind, const char *rel, sg_diags *d)
{
	char real[PATH_MAX];
	if (!sg_is_dir(dir) || !realpath(dir, real)) {
		sg_error(d, dir, 0, 0, "the content folder cannot be read: %s", sg_exists(dir) ? strerror(errno) : "it does not exist");
		return NULL;
	}
	sg_sources *s = sg_calloc(1, sizeof *s);
	s->root_real = sg_strdup(real);
	found_list found = {0};
	char *path = sg_path_join(dir, rel);
	/* the folder it is in, as the walk names it: an insats' förbund, a document's path */
	char *parent = sg_strdup(path);
	char *slash = strrchr(parent, '/');
	if (slash)
		*slash = '\0';
	const char *up = strrchr(parent, '/');
	const char *folder = sg_content_kind_of(kind)->per_forbund ? (up ? up + 1 : parent)
	                     : kind == SG_SRC_DOKUMENT              ? parent
	                                                            : NULL;
	if (sg_exists(path) && !inside_root(s, path)) /* through a linked folder */
		sg_error(d, path, 1, 1, "this file is reached through a link to a folder outside the content folder; copy "
		         "the files in instead");
	else
		found_add(&found, kind, path, folder, is_link(path));
	read_found(s, &found, 1, d);
	found_free(&found);
	free(parent);
	free(path);
	return s;
}

void sg_sources_free(sg_sources *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->len; i++)
		sg_source_clear(&s->items[i]);
	free(s->items);
	free(s->root_real);
	free(s);
}

void sg_sources_drop_one(sg_sources *s, size_t i)
{
	if (!s || i >= s->len || !s->items[i].body_len)
		return;
	sg_value_unref(s->items[i].meta);
	s->items[i].meta = sg_value_map();
	free(s->items[i].body);
	s->items[i].body = sg_strdup("");
	s->items[i].body_len = 0;
}

void sg_sources_drop_content(sg_sources *s)
{
	for (size_t i = 0; s && i < s->len; i++)
		sg_sources_drop_one(s, i);
}

size_t sg_sources_count(const sg_sources *s) { return s ? s->len : 0; }
const sg_source *sg_sources_at(const sg_sources *s, size_t i) { return i < sg_sources_count(s) ? &s->items[i] : NULL; }
