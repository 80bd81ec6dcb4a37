/*
 * segment — one immutable index file: the documents of one flush or merge, with per-field term
 * dictionaries, postings (with positions for text fields), skip tables, field lengths, dates,
 * keyword values and stored records. The layout is in docs/INDEX-FORMAT.md.
 *
 * A segment is opened by mapping the file and checking its checksum and every section's bounds,
 * so that nothing read later can point outside the file. Segments are shared by the index and by
 * the searches running on a snapshot, hence the reference count.
 */
#ifndef LEDE_INDEX_SEGMENT_H
#define LEDE_INDEX_SEGMENT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "lede.h"
#include "index/buffer.h"
#include "index/fields.h"

#define LEDE_SEGMENT_VERSION 1u

enum { LEDE_DICT_ENTRY_SIZE = 40 };

typedef struct lede_seg_field {
    char *name;
    size_t name_len;
    lede_field_type type;
    uint64_t total_len;              /* text fields: sum of the field's lengths */
    uint32_t nterms;
    const unsigned char *dict;       /* nterms entries of LEDE_DICT_ENTRY_SIZE bytes */
    const unsigned char *term_bytes;
    size_t term_bytes_len;
    const unsigned char *postings;
    size_t postings_len;
    const unsigned char *skips;      /* (last_doc, offset) pairs of u32 */
    size_t nskips;
    const unsigned char *lengths;    /* text fields: u32 per document */
    const unsigned char *dv_offsets; /* keyword fields: u32 per document + 1 */
    const unsigned char *dv_ords;    /* keyword fields: u32 term ordinals */
    size_t ndv;
    const unsigned char *display_offsets; /* keyword fields: u32 per term + 1, or NULL */
    const unsigned char *display_bytes;
} lede_seg_field;

typedef struct lede_segment {
    int refs;
    char *name;                      /* file name inside the index directory */
    unsigned char *map;
    size_t size;
    uint32_t ndocs;
    lede_seg_field *fields;
    size_t nfields;
    const unsigned char *stored_offsets; /* u64 per document + 1 */
    const unsigned char *stored;
    size_t stored_len;
    uint32_t nids;
    const unsigned char *id_offsets; /* u64 per id + 1, ids sorted */
    const unsigned char *id_docs;    /* u32 per id */
    const unsigned char *id_bytes;
    size_t id_bytes_len;
    const unsigned char *dates;      /* i64 per document */
} lede_segment;

typedef struct lede_term_info {
    uint32_t df;
    uint32_t max_tf;
    uint32_t min_len;
    uint32_t nskips;
    const unsigned char *postings;
    const unsigned char *postings_end;
    const unsigned char *skips;      /* nskips (last_doc, offset) pairs */
} lede_term_info;

static inline uint32_t lede_load_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline uint64_t lede_load_u64(const unsigned char *p)
{
    return (uint64_t)lede_load_u32(p) | (uint64_t)lede_load_u32(p + 4) << 32;
}

/* Writes the buffer as a segment file at `path` and syncs it to disk. Documents listed in
 * b->deleted are written too (their ids are left out); the caller deletes them in the manifest. */
lede_status lede_segment_write(const lede_buffer *b, const char *path, char *error, size_t errlen);

/* Opens and checks dir/name. */
lede_status lede_segment_open(const char *dir, const char *name, lede_segment **out, char *error,
                              size_t errlen);
static inline void lede_segment_retain(lede_segment *s) { s->refs++; }
void lede_segment_release(lede_segment *s);

const lede_seg_field *lede_segment_field(const lede_segment *s, const char *name, size_t len);

/* Looks up a term; returns 1 and fills *info when the field has it. */
int lede_segment_term(const lede_seg_field *f, const char *term, size_t len, lede_term_info *info);
/* How the keyword at dictionary index i was first written (the term itself when unknown). */
const char *lede_segment_display(const lede_seg_field *f, uint32_t i, size_t *len);

/* The first term >= key, as an index into the dictionary (nterms when none). */
uint32_t lede_segment_lower_bound(const lede_seg_field *f, const char *key, size_t len);
/* The term at index i of the dictionary, and its postings. */
const char *lede_segment_term_at(const lede_seg_field *f, uint32_t i, size_t *len,
                                 lede_term_info *info);

/* The document holding `id`, or -1. */
int64_t lede_segment_find_id(const lede_segment *s, const char *id, size_t len);

/* The stored record of doc: a varint count of values, each a varint field index and bytes. */
const unsigned char *lede_segment_record(const lede_segment *s, uint32_t doc, size_t *len);

static inline int64_t lede_segment_date(const lede_segment *s, uint32_t doc)
{
    return (int64_t)lede_load_u64(s->dates + (size_t)doc * 8);
}

static inline uint32_t lede_segment_length(const lede_seg_field *f, uint32_t doc)
{
    return f->lengths ? lede_load_u32(f->lengths + (size_t)doc * 4) : 0;
}

#endif
