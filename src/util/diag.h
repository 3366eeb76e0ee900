/* diag.h — a list of diagnostics (errors and warnings) with source positions.
 * Library code adds to a list handed down by the caller and never prints; the
 * command layer sorts and prints them once, as `file:line:col: severity: message`. */
#ifndef SG_DIAG_H
#define SG_DIAG_H
#include <stdio.h>
#include <stddef.h>

typedef enum { SG_DIAG_ERROR, SG_DIAG_WARNING } sg_severity;

/* A diagnostic's file name and message are stored as sg_utf8_escape shows them (valid
 * UTF-8 without control characters: bytes that are not UTF-8 and control characters
 * appear as \xHH, \n, \r, \t), so every output carries every diagnostic and none
 * can forge a line of the terminal. */
typedef struct sg_diag {
	sg_severity severity;
	char *file; /* may be NULL for whole-run problems */
	int line, col; /* 1-based; 0 = unknown */
	char *message;
} sg_diag;

typedef struct sg_diags sg_diags;

sg_diags *sg_diags_new(void);
void sg_diags_free(sg_diags *d);
void sg_diag_add(sg_diags *d, sg_severity sev, const char *file, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
void sg_error(sg_diags *d, const char *file, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
void sg_warning(sg_diags *d, const char *file, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Moves src's diagnostics to dst as warnings, each message followed by `note`
 * (src is left empty): for problems that must not stop a build, such as a draft's. */
void sg_diags_move_as_warnings(sg_diags *dst, sg_diags *src, const char *note);
/* Moves every diagnostic of src to the end of dst (src is left empty). */
void sg_diags_move(sg_diags *dst, sg_diags *src);
size_t sg_diags_len(const sg_diags *d);
size_t sg_diags_errors(const sg_diags *d);
size_t sg_diags_warnings(const sg_diags *d);
const sg_diag *sg_diags_at(const sg_diags *d, size_t i);
/* Stable sort by file, line, column. */
void sg_diags_sort(sg_diags *d);
void sg_diags_print(const sg_diags *d, FILE *out);
/* {"errors": n, "warnings": n, "diagnostics": [{file, line, column, severity, message}]} */
void sg_diags_print_json(const sg_diags *d, FILE *out);

#endif
