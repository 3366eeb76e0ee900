/* value.c — reference-counted data tree (see value.h). Maps keep insertion order and
 * are searched linearly: front matter and template contexts have few keys per map. */
#include "value.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "i18n.h"

/* 48 bytes: a build holds millions (every front-matter field, every template datum),
 * so scalars and containers share their storage. */
struct sg_value {
	sg_value_kind kind;
	unsigned refs;
	int line, col;
	union {
		struct { /* null, bool, number, string */
			char *str; /* string text, or the written form of a number; often right after the struct */
			size_t len;
			double num;
			bool b;
		};
		struct { /* list, map */
			sg_value **items;
			char **keys;      /* maps only; each is a byte holding the key's length (255: long), then the key */
			uint64_t keymask; /* maps: bit key_bit() of every key, so most misses need no search */
			uint32_t count, cap;
		};
	};
};

static bool is_container(const sg_value *v) { return v->kind == SG_VAL_LIST || v->kind == SG_VAL_MAP; }

/* One of 64 bits for a key, from its length and end bytes. Template lookups walk up
 * the context stack and miss in most maps they pass. */
static uint64_t key_bit(const char *key, size_t len)
{
	unsigned h = len ? (unsigned)len * 31u + (unsigned char)key[0] * 7u + (unsigned char)key[len - 1] : 0;
	return (uint64_t)1 << (h & 63);
}

static sg_value *make(sg_value_kind kind)
{
	sg_value *v = sg_calloc(1, sizeof *v);
	v->kind = kind;
	v->refs = 1;
	return v;
}

sg_value *sg_value_null(void) { return make(SG_VAL_NULL); }

sg_value *sg_value_bool(bool b)
{
	sg_value *v = make(SG_VAL_BOOL);
	v->b = b;
	return v;
}

/* A value with its text in the same allocation, right after the struct (one malloc
 * instead of two: a build makes millions of them). */
static sg_value *make_text(sg_value_kind kind, const char *text, size_t len)
{
	sg_value *v = sg_malloc(sizeof *v + len + 1);
	*v = (sg_value){.kind = kind, .refs = 1, .str = (char *)(v + 1), .len = len};
	memcpy(v->str, text, len);
	v->str[len] = '\0';
	return v;
}

sg_value *sg_value_number_text(double d, const char *text, size_t len)
{
	sg_value *v = make_text(SG_VAL_NUMBER, text, len);
	v->num = d;
	return v;
}

sg_value *sg_value_number(double d)
{
	char tmp[32];
	sg_number_format(d, tmp);
	return sg_value_number_text(d, tmp, strlen(tmp));
}

sg_value *sg_value_string(const char *s, size_t len) { return make_text(SG_VAL_STRING, s, len); }

sg_value *sg_value_cstring(const char *s) { return sg_value_string(s, strlen(s)); }

sg_value *sg_value_string_take(char *s)
{
	sg_value *v = make(SG_VAL_STRING);
	v->str = s;
	v->len = strlen(s);
	return v;
}

sg_value *sg_value_list(void) { return make(SG_VAL_LIST); }
sg_value *sg_value_map(void) { return make(SG_VAL_MAP); }

sg_value *sg_value_ref(sg_value *v)
{
	if (v)
		__atomic_fetch_add(&v->refs, 1, __ATOMIC_RELAXED);
	return v;
}

void sg_value_unref(sg_value *v)
{
	if (!v || __atomic_sub_fetch(&v->refs, 1, __ATOMIC_ACQ_REL) > 0)
		return;
	if (is_container(v)) {
		for (size_t i = 0; i < v->count; i++) {
			sg_value_unref(v->items[i]);
			if (v->keys)
				free(v->keys[i]);
		}
		free(v->items);
		free(v->keys);
	} else if (v->str != (char *)(v + 1)) {
		free(v->str);
	}
	free(v);
}

sg_value_kind sg_value_kind_of(const sg_value *v) { return v ? v->kind : SG_VAL_NULL; }

const char *sg_value_kind_name(sg_value_kind k)
{
	switch (k) {
	case SG_VAL_NULL: return _("nothing");
	case SG_VAL_BOOL: return _("true/false");
	case SG_VAL_NUMBER: return _("a number");
	case SG_VAL_STRING: return _("text");
	case SG_VAL_LIST: return _("a list");
	case SG_VAL_MAP: return _("a map of keys");
	}
	return "?";
}

bool sg_value_as_bool(const sg_value *v) { return v && v->kind == SG_VAL_BOOL && v->b; }
double sg_value_as_number(const sg_value *v) { return v && v->kind == SG_VAL_NUMBER ? v->num : 0.0; }

const char *sg_value_as_string(const sg_value *v, size_t *len)
{
	if (!v)
		return NULL;
	if (v->kind == SG_VAL_BOOL) {
		if (len)
			*len = v->b ? 4 : 5;
		return v->b ? "true" : "false";
	}
	if (v->kind != SG_VAL_STRING && v->kind != SG_VAL_NUMBER)
		return NULL;
	if (len)
		*len = v->len;
	return v->str;
}

size_t sg_value_count(const sg_value *v)
{
	return v && (v->kind == SG_VAL_LIST || v->kind == SG_VAL_MAP) ? v->count : 0;
}

sg_value *sg_value_item(const sg_value *v, size_t i) { return i < sg_value_count(v) ? v->items[i] : NULL; }

const char *sg_value_key(const sg_value *v, size_t i)
{
	return v && v->kind == SG_VAL_MAP && i < v->count ? v->keys[i] + 1 : NULL;
}

sg_value *sg_value_getn(const sg_value *map, const char *key, size_t keylen)
{
	if (!map || map->kind != SG_VAL_MAP || !(map->keymask & key_bit(key, keylen)))
		return NULL;
	/* the length byte and the first byte first: most keys differ there */
	unsigned char lb = keylen < 255 ? (unsigned char)keylen : 255;
	for (size_t i = 0; i < map->count; i++) {
		const char *k = map->keys[i] + 1;
		if ((unsigned char)k[-1] == lb && (keylen == 0 || k[0] == key[0]) &&
		    (lb < 255 || strnlen(k, keylen + 1) == keylen) && memcmp(k, key, keylen) == 0)
			return map->items[i];
	}
	return NULL;
}

sg_value *sg_value_get(const sg_value *map, const char *key) { return sg_value_getn(map, key, strlen(key)); }

static void reserve(sg_value *v)
{
	if (v->count < v->cap)
		return;
	if (v->cap > UINT32_MAX / 2)
		sg_out_of_memory(); /* four billion entries: out of memory long before */
	v->cap = v->cap ? v->cap * 2 : 4;
	v->items = sg_realloc(v->items, v->cap * sizeof *v->items);
	if (v->kind == SG_VAL_MAP)
		v->keys = sg_realloc(v->keys, v->cap * sizeof *v->keys);
}

void sg_value_push(sg_value *list, sg_value *item)
{
	if (!list || list->kind != SG_VAL_LIST) {
		sg_value_unref(item);
		return;
	}
	reserve(list);
	list->items[list->count++] = item;
}

void sg_value_put(sg_value *map, const char *key, sg_value *val)
{
	if (!map || map->kind != SG_VAL_MAP) {
		sg_value_unref(val);
		return;
	}
	size_t len = strlen(key);
	uint64_t bit = key_bit(key, len);
	for (size_t i = 0; (map->keymask & bit) && i < map->count; i++)
		if (strcmp(map->keys[i] + 1, key) == 0) {
			sg_value_unref(map->items[i]);
			map->items[i] = val;
			return;
		}
	reserve(map);
	map->keymask |= bit;
	char *k = sg_malloc(len + 2);
	k[0] = (char)(len < 255 ? len : 255);
	memcpy(k + 1, key, len + 1);
	map->keys[map->count] = k;
	map->items[map->count++] = val;
}

void sg_value_put_str(sg_value *map, const char *key, const char *s)
{
	if (s)
		sg_value_put(map, key, sg_value_cstring(s));
}

void sg_value_put_num(sg_value *map, const char *key, double d) { sg_value_put(map, key, sg_value_number(d)); }
void sg_value_put_bool(sg_value *map, const char *key, bool b) { sg_value_put(map, key, sg_value_bool(b)); }

void sg_value_set_pos(sg_value *v, int line, int col)
{
	if (v)
		v->line = line, v->col = col;
}

int sg_value_line(const sg_value *v) { return v ? v->line : 0; }
int sg_value_col(const sg_value *v) { return v ? v->col : 0; }

bool sg_value_truthy(const sg_value *v)
{
	if (!v)
		return false;
	switch (v->kind) {
	case SG_VAL_NULL: return false;
	case SG_VAL_BOOL: return v->b;
	case SG_VAL_NUMBER: return true;
	case SG_VAL_STRING: return v->len > 0;
	case SG_VAL_LIST: return v->count > 0;
	case SG_VAL_MAP: return true;
	}
	return false;
}

void sg_number_format(double d, char out[32])
{
	if (isnan(d) || isinf(d)) {
		snprintf(out, 32, "%s", isnan(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
		return;
	}
	if (d == 0) {
		snprintf(out, 32, "0");
		return;
	}
	/* whole numbers (participants, tkr) are most of them: their digits, without the
	 * snprintf/strtod search below */
	if (fabs(d) < 1e15 && d == trunc(d)) {
		char tmp[24];
		size_t k = sizeof tmp;
		unsigned long long u = (unsigned long long)fabs(d);
		tmp[--k] = '\0';
		do
			tmp[--k] = (char)('0' + u % 10);
		while (u /= 10);
		if (d < 0)
			tmp[--k] = '-';
		memcpy(out, tmp + k, sizeof tmp - k);
		return;
	}
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(out, 32, "%.*g", prec, d);
		if (strtod(out, NULL) == d)
			break;
	}
	/* %g writes 1500 as "1.5e+03": below 1e21 spell the same digits out ("1500",
	 * "0.00001"), as JavaScript does */
	const char *e = strchr(out, 'e');
	if (!e || fabs(d) >= 1e21 || fabs(d) < 1e-7)
		return;
	char digits[24];
	size_t n = 0;
	for (const char *p = out; p < e; p++)
		if (*p >= '0' && *p <= '9')
			digits[n++] = *p;
	int exp10 = atoi(e + 1);
	char tmp[32];
	size_t k = 0;
	if (d < 0)
		tmp[k++] = '-';
	if (exp10 < 0) {
		tmp[k++] = '0', tmp[k++] = '.';
		for (int z = -1; z > exp10; z--)
			tmp[k++] = '0';
		for (size_t i = 0; i < n; i++)
			tmp[k++] = digits[i];
	} else {
		for (size_t i = 0; i < n || (int)i <= exp10; i++) {
			if ((int)i == exp10 + 1)
				tmp[k++] = '.';
			tmp[k++] = i < n ? digits[i] : '0';
		}
	}
	tmp[k] = '\0';
	memcpy(out, tmp, k + 1);
}

void sg_value_to_text(const sg_value *v, sg_buf *out)
{
	size_t len;
	const char *s = sg_value_as_string(v, &len);
	if (s && sg_value_kind_of(v) != SG_VAL_NUMBER) {
		sg_buf_put(out, s, len);
		return;
	}
	if (sg_value_kind_of(v) == SG_VAL_NUMBER) {
		char tmp[32];
		sg_number_format(v->num, tmp);
		sg_buf_puts(out, tmp);
	}
}

bool sg_value_equal(const sg_value *a, const sg_value *b)
{
	if (a == b)
		return true;
	if (sg_value_kind_of(a) != sg_value_kind_of(b))
		return false;
	if (!a || !b)
		return true; /* both NULL-ish */
	switch (a->kind) {
	case SG_VAL_BOOL: return a->b == b->b;
	case SG_VAL_NUMBER:
		if (a->num != b->num || !a->str != !b->str)
			return false;
		return !a->str || (a->len == b->len && memcmp(a->str, b->str, a->len) == 0);
	case SG_VAL_STRING: return a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
	case SG_VAL_LIST:
	case SG_VAL_MAP:
		if (a->count != b->count)
			return false;
		for (size_t i = 0; i < a->count; i++) {
			if (a->kind == SG_VAL_MAP && strcmp(a->keys[i] + 1, b->keys[i] + 1) != 0)
				return false;
			if (!sg_value_equal(a->items[i], b->items[i]))
				return false;
		}
		return true;
	default: return true;
	}
}
