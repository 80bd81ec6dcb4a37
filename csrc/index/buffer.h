/*
 * buffer — the documents added since the last flush, inverted in memory: per field, a dictionary
 * of terms with their postings already encoded as they will be on disk, field lengths, dates,
 * keyword values and stored records. segment_write turns a buffer into a segment file.
 */
#ifndef LEDE_INDEX_BUFFER_H
#define LEDE_INDEX_BUFFER_H

#include <stddef.h>
#include <stdint.h>
#include "lede.h"
#include "index/fields.h"
#include "util/strmap.h"
#include "util/vec.h"

/* A term's postings while they are built. */
typedef struct lede_term_buf {
    lede_vec bytes;    /* encoded postings (format in docs/INDEX-FORMAT.md) */
    uint32_t df;
    uint32_t last_doc; /* valid when df > 0 */
    uint32_t max_tf;
    uint32_t min_len;  /* shortest field among the documents that hold the term */
    lede_vec skips;    /* lede_skip_entry, one per full block of LEDE_SKIP_BLOCK documents */
} lede_term_buf;

enum { LEDE_SKIP_BLOCK = 128 };

typedef struct lede_skip_entry {
    uint32_t last_doc; /* the last document of the block */
    uint32_t offset;   /* where the next block starts in the term's postings */
} lede_skip_entry;

/* A recently seen term, kept inline: most occurrences find their term here without touching
 * the dictionary's large table, whose probes miss the processor's cache. */
enum { LEDE_HOT_TERMS = 8192, LEDE_HOT_TERM_BYTES = 18 };

typedef struct lede_hot_term {
    uint32_t hash;
    uint32_t number;
    uint8_t len; /* 0: empty */
    char bytes[LEDE_HOT_TERM_BYTES];
} lede_hot_term;

typedef struct lede_field_buf {
    char *name;
    size_t name_len;
    lede_field_type type;
    lede_strmap terms;    /* numbered like `postings` */
    lede_hot_term *hot;   /* LEDE_HOT_TERMS entries in front of `terms` */
    lede_vec postings;    /* lede_term_buf */
    lede_vec seen_in;     /* uint32_t per term: document + 1 it was last seen in while inverting */
    lede_vec slot;        /* uint32_t per term: its place among that document's distinct terms */
    lede_vec lengths;     /* uint32_t per document (text fields) */
    uint64_t total_len;   /* sum of lengths (text fields) */
    lede_vec dv_offsets;  /* uint32_t per document + 1: where its values start in dv_terms */
    lede_vec dv_terms;    /* uint32_t term numbers, per document (keyword fields) */
    lede_vec displays;    /* lede_strmap_key per term: a keyword as first written (keyword fields) */
    lede_vec display_bytes;
} lede_field_buf;

typedef struct lede_buffer {
    lede_vec fields;          /* lede_field_buf * */
    uint32_t ndocs;
    uint64_t bytes;           /* memory the buffer holds, roughly: when to flush */
    lede_vec stored;          /* bytes: every stored record */
    lede_vec stored_offsets;  /* uint64_t per document + 1 */
    lede_vec dates;           /* int64_t per document, INT64_MIN when none */
    lede_strmap ids;          /* id → the buffered document that has it (numbered like id_docs) */
    lede_vec id_docs;         /* uint32_t: document number of each id */
    lede_vec deleted;         /* uint32_t: buffered documents replaced or deleted before flush */
    lede_vec scratch;         /* bytes */
    lede_vec record;          /* bytes: the record being encoded */
    lede_vec occurrences;     /* term occurrences of the field being inverted */
    lede_vec distinct;        /* the distinct terms of the field being inverted */
    struct ZSTD_CCtx_s *zstd; /* compresses stored records */
} lede_buffer;

/* Prepares an empty buffer; LEDE_ERR_NOMEM when its compressor cannot be made. */
lede_status lede_buffer_init(lede_buffer *b);
void lede_buffer_free(lede_buffer *b);
/* Empties the buffer after a flush, keeping its memory for the next documents. */
void lede_buffer_reset(lede_buffer *b);

/* Inverts one document into the buffer. A bad field (no id, bad date, bad name) is
 * LEDE_ERR_INVALID with a message in `error`. */
lede_status lede_buffer_add(lede_buffer *b, lede_analyzer *analyzer, const lede_field *fields,
                            size_t nfields, char *error, size_t errlen);

/* Marks the buffered document with this id deleted; returns 1 when there was one. */
int lede_buffer_delete(lede_buffer *b, const char *id, size_t len);

/* The field named so, or NULL. */
lede_field_buf *lede_buffer_field(const lede_buffer *b, const char *name, size_t len);

#endif
