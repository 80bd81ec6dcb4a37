/* section — the kinds of sections a segment file holds, as its footer lists them. */
#ifndef LEDE_INDEX_SECTION_H
#define LEDE_INDEX_SECTION_H

#include <stdint.h>

#define LEDE_SEGMENT_MAGIC "LEDESEG\0"
#define LEDE_SEGMENT_TAIL "LEDEEND\0"
#define LEDE_NO_FIELD UINT32_MAX

typedef enum lede_section_kind {
    LEDE_SECTION_FIELDS = 1,     /* document count, then each field: name, type, total length */
    LEDE_SECTION_STORED_OFFSETS, /* u64 per document + 1, into STORED */
    LEDE_SECTION_STORED,         /* stored records */
    LEDE_SECTION_DATES,          /* i64 per document */
    LEDE_SECTION_IDS,            /* sorted ids: count, u64 offsets, u32 documents, bytes */
    LEDE_SECTION_DICT,           /* per field: term count, entries, term bytes */
    LEDE_SECTION_POSTINGS,       /* per field */
    LEDE_SECTION_SKIPS,          /* per field: (u32 last document, u32 offset) per block */
    LEDE_SECTION_LENGTHS,        /* per text field: u32 per document */
    LEDE_SECTION_DOCVALUES,      /* per keyword field: u32 offsets per document + 1, u32 ordinals */
    LEDE_SECTION_DISPLAY         /* per keyword field: u32 offsets per term + 1, the terms as written */
} lede_section_kind;

typedef struct lede_section {
    uint32_t kind;
    uint32_t field; /* index in FIELDS, or LEDE_NO_FIELD */
    uint64_t offset;
    uint64_t length;
} lede_section;

#endif
