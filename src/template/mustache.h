/* mustache.h — Mustache templates: parse once, render many times, from many threads.
 * An engine of our own because no maintained C Mustache library is packaged in
 * Debian. Implements the Mustache spec (interpolation, sections, inverted sections,
 * comments, partials with standalone indentation, set delimiters, dynamic names and
 * template inheritance with blocks and parents); lambdas are not supported, since
 * data comes from YAML, not code. `{{x}}` is HTML-escaped, `{{{x}}}` and `{{&x}}` not. */
#ifndef SG_MUSTACHE_H
#define SG_MUSTACHE_H
#include <stdbool.h>
#include <stddef.h>

#include "../util/buf.h"
#include "../util/diag.h"
#include "../util/value.h"

/* A set of named, parsed templates; partials and parents are looked up in it. */
typedef struct sg_tpl_set sg_tpl_set;

sg_tpl_set *sg_tpl_set_new(void);
void sg_tpl_set_free(sg_tpl_set *set);

/* Parses `src` (copied) and stores it under `name`, replacing an earlier one.
 * `file` names the source in messages (`file:line:col: …`). Returns 0, or -1 after
 * adding errors to `d` (the template is then not stored). */
int sg_tpl_set_add(sg_tpl_set *set, const char *name, const char *src, size_t len, const char *file,
                   sg_diags *d);
/* Adds every DIR/<name>.mustache under its <name>. Returns 0, or -1 when a file
 * could not be read or parsed (errors in `d`; the other files are still added). */
int sg_tpl_set_load_dir(sg_tpl_set *set, const char *dir, sg_diags *d);
bool sg_tpl_set_has(const sg_tpl_set *set, const char *name);

/* Renders template `name` against `ctx`, appending to `out`. A missing partial
 * renders as nothing (as the spec says). The set and ctx are only read, so many
 * threads may render from one set at once. Returns 0, or -1 if `name` is unknown. */
int sg_tpl_render(const sg_tpl_set *set, const char *name, const sg_value *ctx, sg_buf *out);

#endif
