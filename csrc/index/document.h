/* document — a stored record decoded into named values. */
#ifndef LEDE_INDEX_DOCUMENT_H
#define LEDE_INDEX_DOCUMENT_H

#include "lede.h"
#include "index/segment.h"
#include "util/vec.h"

/* Appends the values of doc's record to `out` (items: lede_field, pointing into the segment). */
lede_status lede_record_decode(const lede_segment *s, uint32_t doc, lede_vec *out);

/* The first value of `name` among fields[0..n), or NULL. */
const lede_field *lede_fields_find(const lede_field *fields, size_t n, const char *name);

#endif
