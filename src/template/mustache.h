/* mustache.h — Mustache templates: parse once, render many times, from many threads.
 * An engine of our own because no maintained C Mustache library is packaged in
 * Debian. Implements the Mustache spec (interpolation, sections, inverted sections,
 * comments, partials with standalone indentation, set delimiters, dynamic names and
 * template inheritance with blocks and parents); lambdas are not supported, since
 * data comes from YAML, not code. `{{x}}` is HTML-escaped, `{{{x}}}` and `{{&x}}` not.
 *
 * Names: `.` is the current item; `a.b.c` finds `a` in the innermost context that has
 * it, then descends (a missing link renders nothing); a number picks a list item
 * (`items.0.title`, an extension). `{{>*x}}` and `{{<*x}}…{{/x}}` take the template
 * name from the value of x.
 *
 * List items (a deviation from the spec, on purpose): while a section iterates a list,
 * and inside a section whose name ends in an index (`{{#list.0}}`), the context is an
 * item frame. A name the innermost item does not define is never taken from an item
 * frame further out: the search skips those and goes on in the other contexts (the
 * page root, maps opened by sections). So `{{#list.0}}{{#list}}{{x}}{{/list}}{{/list.0}}`
 * never shows the first item's x on an item without one, and an inner list's item
 * never shows an outer item's field (the spec case "List Contexts" renders "1.x.y.", not "a1.A1x.A1y.").
 *
 * Whitespace, as the spec has it: a tag other than an interpolation alone on its line
 * takes the whole line with it. A standalone partial indents every line of the partial
 * by the blanks before it; so do parents and blocks (`{{<p}}…{{/p}}` and `{{$b}}…{{/b}}`
 * count as standalone when the opening tag starts its line and the closing tag ends
 * its line). A block whose opening tag ends its line has the indentation of the next
 * line removed from its lines, and adds the indentation of the block it replaces. Note
 * that `  {{$main}}{{/main}}` on one line keeps its line end (spec: "Standalone block"),
 * so an argument ending in a newline leaves an empty line there: in layouts write
 *     {{$main}}
 *     {{/main}}
 * An argument a parent passes is seen by every block named so inside the parent,
 * including blocks in partials the parent includes; the outermost argument wins.
 *
 * Limits: sections, blocks and parents nest at most 100 deep in one template (a parse
 * error); partials, parents and overridden blocks expand at most 100 deep, and one
 * render takes at most 10 million steps (nodes visited, contexts and keys searched for
 * a name) and writes at most 16 MiB; past these it renders nothing more (a template that
 * includes itself ends instead of crashing).
 * Parsing stops at the first error; its column counts characters (UTF-8), not bytes. */
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
/* Like sg_tpl_set_load_dir, but only the templates the set does not have yet: the
 * installed defaults under a site's own templates, which win, file by file. */
int sg_tpl_set_load_missing(sg_tpl_set *set, const char *dir, sg_diags *d);
bool sg_tpl_set_has(const sg_tpl_set *set, const char *name);

/* Renders template `name` against `ctx`, appending to `out`. A missing partial
 * renders as nothing (as the spec says). The set and ctx are only read, so many
 * threads may render from one set at once. Returns 0, or -1 if `name` is unknown. */
int sg_tpl_render(const sg_tpl_set *set, const char *name, const sg_value *ctx, sg_buf *out);
/* The same with the caller's caps; *cut (if not NULL) tells whether a cap stopped the
 * render, so the output is incomplete. A site build uses this with large caps and
 * refuses a cut page. */
int sg_tpl_render_checked(const sg_tpl_set *set, const char *name, const sg_value *ctx, sg_buf *out,
                          size_t max_steps, size_t max_output, bool *cut);
/* The same as sg_tpl_render, and for each tag whose name an item frame did not define
 * but a skipped outer item frame did (where a plain Mustache renderer would show another
 * item's value) adds one warning to `d` at the tag's file:line:col. Tests use it to
 * prove no template relies on another list item's fields. */
int sg_tpl_render_strict(const sg_tpl_set *set, const char *name, const sg_value *ctx, sg_buf *out, sg_diags *d);

#endif
