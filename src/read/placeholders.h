/* placeholders.h — the body text `sofgen new` writes into a new file, line by line, and
 * which of its lines are placeholders (text the editor must replace, such as "Vem
 * insatsen vänder sig till."). One table: `sofgen new` writes from it and the model
 * checks bodies against it, so the two cannot drift. Plain data: read-only, shared. */
#ifndef SG_PLACEHOLDERS_H
#define SG_PLACEHOLDERS_H
#include <stdbool.h>
#include <stddef.h>

#include "../util/diag.h"
#include "content.h"
#include "kinds.h"

/* One line of a new file's body, without its newline. */
typedef struct sg_new_line {
	const char *text;
	bool placeholder; /* to be replaced: publishing it as is would be a mistake */
} sg_new_line;

/* The body `sofgen new` writes for a file of `kind`, ending with a NULL text; NULL for
 * the kinds `sofgen new` does not make. Each line is written followed by "\n". */
const sg_new_line *sg_new_body(sg_source_kind kind);

/* The placeholder of `kind` that the line (len bytes, no newline) is, once the white
 * space around it is left out; NULL when it is none. */
const char *sg_placeholder_of(sg_source_kind kind, const char *line, size_t len);

/* Adds an error to d for every line of src's body that is a placeholder of its kind, at
 * its line and column, saying to replace it; a warning in a draft (draft: true), also
 * when drafts are built (--drafts), so a new file can be previewed. */
void sg_placeholders_check(const sg_source *src, sg_diags *d);

#endif
