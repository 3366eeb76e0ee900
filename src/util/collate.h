/* collate.h — Swedish alphabetical order, as ICU's "sv" collation (CLDR) has it:
 * a–z, then å, ä, ö; v and w are two letters (SAOL since 2006); é sorts with e, ü with
 * y, æ with ä, ø with ö; case and marks decide only between names that are otherwise
 * equal. The collator is opened once, on first use (pthread_once), and only read after
 * that: ICU allows const use of one collator (comparing, sort keys) from many threads. */
#ifndef SG_COLLATE_H
#define SG_COLLATE_H
#include <stdbool.h>

/* <0, 0 or >0 as a sorts before, with or after b (UTF-8). Names that collate equal
 * are ordered by their bytes, so the order is total and the same on every machine. */
int sg_collate(const char *a, const char *b);

/* The sort key of s (malloc'd, NUL-terminated): strcmp of two keys orders the names
 * as sg_collate does, before its tie-break by bytes. For sorting many names: one key
 * per name instead of converting both names in every comparison. */
char *sg_collate_key(const char *s);

/* True when a and b are the same name but for case ("Borås", "BORÅS"); "Habo" and
 * "Håbo", "Asa" and "Åsa" are two names. */
bool sg_same_name(const char *a, const char *b);

#endif
