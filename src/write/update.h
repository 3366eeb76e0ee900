/* update.h — changing single files of a finished site in place (sofgen serve's
 * incremental rebuilds): a file is rewritten only when its bytes change, and then
 * through a temporary file renamed over it, so a reader never sees half a page. */
#ifndef SG_UPDATE_H
#define SG_UPDATE_H
#include <stdbool.h>
#include <stddef.h>

#include "../util/diag.h"

/* Makes dir/rel_path hold data. *written (may be NULL) tells whether the file had to
 * change. Returns 0, or -1 with an error added. */
int sg_update_file(const char *dir, const char *rel_path, const void *data, size_t len, bool *written, sg_diags *d);

#endif
