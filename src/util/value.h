/* value.h — a dynamically typed data tree: what YAML front matter is loaded into and
 * what templates are rendered against. Values are reference counted: a container owns
 * one reference to each child, so one subtree (an insats card, say) can be shared by
 * many lists without copying. Reference counts are atomic, so page contexts that share
 * subtrees can be built and released on several threads at once; a value itself must
 * not be changed (put, push) once another thread can see it. Read-only access
 * (everything that takes a const pointer) is safe from many threads at once. Every
 * value may carry the source position it was read from. */
#ifndef SG_VALUE_H
#define SG_VALUE_H
#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

typedef enum {
	SG_VAL_NULL,
	SG_VAL_BOOL,
	SG_VAL_NUMBER,
	SG_VAL_STRING,
	SG_VAL_LIST,
	SG_VAL_MAP
} sg_value_kind;

typedef struct sg_value sg_value;

/* Constructors return a new value with one reference, owned by the caller. */
sg_value *sg_value_null(void);
sg_value *sg_value_bool(bool b);
sg_value *sg_value_number(double d);
/* A number that remembers how it was written (YAML `12.50` stays "12.50" as text). */
sg_value *sg_value_number_text(double d, const char *text, size_t len);
sg_value *sg_value_string(const char *s, size_t len);
sg_value *sg_value_cstring(const char *s);
/* Takes ownership of a malloc'd NUL-terminated string. */
sg_value *sg_value_string_take(char *s);
sg_value *sg_value_list(void);
sg_value *sg_value_map(void);

sg_value *sg_value_ref(sg_value *v);
void sg_value_unref(sg_value *v); /* NULL is fine */

sg_value_kind sg_value_kind_of(const sg_value *v); /* NULL counts as SG_VAL_NULL */
const char *sg_value_kind_name(sg_value_kind k);   /* "text", "list", … for messages */
bool sg_value_as_bool(const sg_value *v);
double sg_value_as_number(const sg_value *v);
/* The text of a string, or the written form of a number or bool; NULL for others. */
const char *sg_value_as_string(const sg_value *v, size_t *len);

/* Lists and maps: count of items/entries (0 for scalars); borrowed children. */
size_t sg_value_count(const sg_value *v);
sg_value *sg_value_item(const sg_value *v, size_t i);
const char *sg_value_key(const sg_value *v, size_t i);
sg_value *sg_value_get(const sg_value *map, const char *key);
sg_value *sg_value_getn(const sg_value *map, const char *key, size_t keylen);

/* Containers take ownership of the reference passed in. */
void sg_value_push(sg_value *list, sg_value *item);
void sg_value_put(sg_value *map, const char *key, sg_value *val); /* replaces */
void sg_value_put_str(sg_value *map, const char *key, const char *s); /* NULL s → no entry */
void sg_value_put_num(sg_value *map, const char *key, double d);
void sg_value_put_bool(sg_value *map, const char *key, bool b);

void sg_value_set_pos(sg_value *v, int line, int col);
int sg_value_line(const sg_value *v); /* 1-based; 0 when unknown */
int sg_value_col(const sg_value *v);

/* Mustache truthiness: false, null, empty list and empty string are falsy. */
bool sg_value_truthy(const sg_value *v);
/* Same kind and content, recursively (map keys in the same order); positions ignored. */
bool sg_value_equal(const sg_value *a, const sg_value *b);
/* Appends the interpolation text: null → "", bool → true/false, numbers shortest. */
void sg_value_to_text(const sg_value *v, sg_buf *out);
/* Shortest decimal form of d that reads back exactly ("1.21", "505", "12.5"). */
void sg_number_format(double d, char out[32]);

#endif
