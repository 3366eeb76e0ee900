/* output.h — writing the site: every file goes into a fresh temporary folder beside
 * the output folder, and only a complete build replaces the old site, in one atomic
 * rename (renameat2 RENAME_EXCHANGE). A failed or killed build leaves the previous
 * site untouched. An existing output folder is only ever replaced if sofgen made it
 * (it holds the marker file .sofgen-output), so `--out` cannot wipe a wrong folder. */
#ifndef SG_OUTPUT_H
#define SG_OUTPUT_H
#include <stdbool.h>
#include <stddef.h>

#include "../util/diag.h"
#include "paths.h"

typedef struct sg_output sg_output;

/* NULL (with an error in d) when out_dir cannot be used. */
sg_output *sg_output_begin(const char *out_dir, sg_diags *d);
/* From now on, a file whose bytes equal the previous site's file at the same path is
 * hard-linked from it instead of written (`sofgen build --incremental`): it keeps its
 * inode and mtime. Only a previous site with sofgen's marker is used, and only its
 * regular files (no symbolic links); when a link cannot be made, the file is written.
 * Call it before the first write. */
void sg_output_reuse_unchanged(sg_output *o);
/* How many files were linked from the previous site so far (call before commit). */
size_t sg_output_reused(const sg_output *o);
/* Writes a file at a path relative to the site root, creating folders. Returns 0,
 * or -1 with an error added. Safe to call from several threads at once. */
int sg_output_write(sg_output *o, const char *rel_path, const void *data, size_t len, sg_diags *d);
/* Copies the assets listed by sg_assets_list into the site root. Returns how many, or -1. */
long sg_output_copy_assets(sg_output *o, const sg_assets *assets, sg_diags *d);
/* Swaps the finished site in and frees o. Returns 0, or -1 (old site kept). */
int sg_output_commit(sg_output *o, sg_diags *d);
/* Throws the temporary folder away and frees o. */
void sg_output_abort(sg_output *o);

/* Takes the file at rel_path from the previous site (one sofgen made), hard-linked, with
 * its inode and mtime, whatever --incremental says: for files whose name says what they
 * hold (an image's output is named by the hash of its source and settings), so that
 * they are not made again. False when there is no such file or it cannot be linked:
 * the caller then makes it. Counted in sg_output_reused. Safe from several threads. */
bool sg_output_link_previous(sg_output *o, const char *rel_path);

/* When memory runs out (sg_out_of_memory), the build folder of every sg_output under
 * way is removed before the process exits 2 (its writes in flight are waited for, later
 * ones wait for the exit), so no half-written folder is left; the previous site is not
 * touched. With on = true, dir (e.g. serve's own folder in /dev/shm) is removed then as
 * well, best effort (files serve changes in place meanwhile may come back); on = false
 * takes it off the list again, before the caller removes it. */
void sg_output_remove_on_oom(const char *dir, bool on);

#endif
