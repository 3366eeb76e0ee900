/* fields.h — reading typed fields out of front matter, with messages an editor can
 * act on: wrong types, missing required fields, unknown keys (with the closest known
 * key), bad numbers and dates. Each reader adds to the diagnostics and returns a
 * default, so one run reports every problem. Strings returned are malloc'd. */
#ifndef SG_FIELDS_H
#define SG_FIELDS_H
#include <stdbool.h>
#include <stddef.h>

#include "../util/diag.h"
#include "../util/value.h"
#include "model.h"

typedef struct sg_fields {
	const char *file;
	sg_diags *d;
	int line; /* position used for missing fields: the front matter's first line */
} sg_fields;

/* The keys a map may hold come from the content kinds' key tables (read/kinds.h):
 * sg_content_kind_of(kind)->keys, and sg_key_sub for the maps below. */
#define SG_KEYS_MAX 32 /* keys of one map that a suggestion is chosen from */
static inline const sg_key *sg_keys_of(sg_source_kind kind) { return sg_content_kind_of(kind)->keys; }
/* Item i of a list that must hold maps with the keys `known`: the map, with unknown keys
 * warned about and *at set to read fields at its position; or NULL after the error
 * "each <what> must be '<shape>'". `what` is e.g. "a cost line". */
const sg_value *sg_fields_item_map(const sg_fields *f, const sg_value *list, size_t i, const char *what,
                                   const char *shape, const sg_key *known, sg_fields *at);
/* Warns about keys of `map` that are not in `known`, naming the closest known one. An
 * error instead when the key is one of the block just above it (`contact:` with `name:`
 * not indented under it) or when it holds a map or a list (what it holds would be lost). */
void sg_fields_check_keys(const sg_fields *f, const sg_value *map, const sg_key *known, const char *what);
/* Text (numbers are taken as written). NULL when absent; error when required. */
char *sg_field_text(const sg_fields *f, const sg_value *map, const char *key, bool required, const char *why);
bool sg_field_bool(const sg_fields *f, const sg_value *map, const char *key, bool dflt);
/* A whole number in [min, max]; dflt when absent. */
long sg_field_int(const sg_fields *f, const sg_value *map, const char *key, long dflt, long min, long max);
/* A non-negative amount in tkr with at most SG_AMOUNT_DECIMALS (3) decimals, written
 * plainly: "1234.5", not "+5", "007", "0x10" or "1e3" (an error says how to write it);
 * 0 when absent. */
double sg_field_amount(const sg_fields *f, const sg_value *map, const char *key);
/* The same for a share (0.25): any number of decimals. */
double sg_field_fraction(const sg_fields *f, const sg_value *map, const char *key);
/* A list of texts (one text alone counts as a list of one); *n set. */
char **sg_field_text_list(const sg_fields *f, const sg_value *map, const char *key, size_t *n);
/* The map under key, or NULL (error when present but not a map). */
const sg_value *sg_field_map(const sg_fields *f, const sg_value *map, const char *key);
/* The list under key, or NULL (error when present but not a list). */
const sg_value *sg_field_list(const sg_fields *f, const sg_value *map, const char *key);
/* A calendar date YYYY-MM-DD, or NULL. */
char *sg_field_date(const sg_fields *f, const sg_value *map, const char *key);
/* One of `choices` (NULL-terminated); returns its index, or -1 when absent/wrong. */
int sg_field_choice(const sg_fields *f, const sg_value *map, const char *key, const char *const *choices);
/* A plain e-mail address (sg_email_valid), or NULL; anything else is an error. */
char *sg_field_email(const sg_fields *f, const sg_value *map, const char *key);
/* A phone number as written, or NULL; *uri (when uri is not NULL) set to the number of
 * its tel: link (sg_phone_uri, malloc'd). A text that is not a phone number is an error. */
char *sg_field_phone(const sg_fields *f, const sg_value *map, const char *key, char **uri);
/* {name, phone, email[, address]}: the map under key, with the keys sg_key_sub(keys, key)
 * (keys: those of `map`); the address is read when they include it. */
void sg_field_contact(const sg_fields *f, const sg_value *map, const sg_key *keys, const char *key, sg_contact *out);
void sg_contact_clear(sg_contact *c);
/* Names (kommun names, target groups) are compared as written: an invisible soft
 * hyphen or zero-width character in `name` (read from v, a string or the string under
 * a map's key) is an error naming it and its place. `what` is e.g. "kommun name".
 * Returns false after the error. */
bool sg_field_name_visible(const sg_fields *f, const sg_value *v, const char *name, const char *what);
void sg_free_list(char **list, size_t n);

/* Position of a value for messages (falls back to the field set's line). */
int sg_fields_line(const sg_fields *f, const sg_value *v);
int sg_fields_col(const sg_value *v);
/* "2015-02-30" → false, with the reason in why (≥ 80 bytes). Only YYYY-MM-DD with
 * digits, years 0001–9998 (so the day after is still a four-digit date). */
bool sg_date_valid(const char *s, char *why, size_t why_len);
/* A day (YYYY-MM-DD), a month (YYYY-MM) or a year (YYYY), for what plans date no
 * closer than that (an insats that starts "januari 2008"). */
bool sg_period_valid(const char *s, char *why, size_t why_len);
char *sg_field_period(const sg_fields *f, const sg_value *map, const char *key);
/* "HH:MM" with digits, 00:00–23:59. */
bool sg_time_valid(const char *s);

#endif
