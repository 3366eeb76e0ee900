/* escape.h — escaping text for the output formats sofgen writes (HTML and XML). */
#ifndef SG_ESCAPE_H
#define SG_ESCAPE_H
#include <stddef.h>

#include "buf.h"

/* Appends s with & < > " ' replaced by entities: safe in element content and in
 * quoted attribute values (HTML and XML alike). */
void sg_escape_html(sg_buf *out, const char *s, size_t len);

/* The value of the hex digit c (0–15, either case), or -1. */
int sg_hex_digit(char c);

#endif
