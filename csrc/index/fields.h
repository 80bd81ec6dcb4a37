/* fields — what the index does with a named value (see lede_field in lede.h). */
#ifndef LEDE_INDEX_FIELDS_H
#define LEDE_INDEX_FIELDS_H

#include <stddef.h>
#include <stdint.h>

typedef enum lede_field_type {
    LEDE_FIELD_ID = 1,  /* the document's unique id */
    LEDE_FIELD_TEXT,    /* analysed, with positions */
    LEDE_FIELD_KEYWORD, /* whole, case-folded value; facets */
    LEDE_FIELD_DATE,    /* ISO 8601; a column of epoch seconds */
    LEDE_FIELD_STORED   /* kept, not searched */
} lede_field_type;

lede_field_type lede_field_type_of(const char *name, size_t len);

/* Field names are short identifiers: letters, digits and '_', at most 64 bytes. */
int lede_field_name_valid(const char *name, size_t len);

#endif
