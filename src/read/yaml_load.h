/* yaml_load.h — YAML text → sg_value tree, with positions, via libyaml's event API.
 * Scalars follow the YAML 1.2 core schema (true/false, null/~, integers, floats);
 * everything else, dates included, stays text. Duplicate keys, alias bombs and
 * over-deep nesting are errors, reported to `d` with the editor's line numbers. */
#ifndef SG_YAML_LOAD_H
#define SG_YAML_LOAD_H
#include <stddef.h>

#include "../util/diag.h"
#include "../util/value.h"

/* Parses one YAML document. `line_offset` is added to every line number (the line
 * of the file the text starts on, minus one). Returns a new value (an empty
 * document gives a null value) or NULL after adding at least one error to `d`. */
sg_value *sg_yaml_load(const char *text, size_t len, const char *file, int line_offset, sg_diags *d);

#endif
