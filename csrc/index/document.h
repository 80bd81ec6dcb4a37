/*
 * document — stored records: the values of a document as it was added, kept so that results,
 * reports and merges need no second store. A record is a varint count of values, each a varint
 * field index and the value's bytes; records over a few hundred bytes are stored compressed
 * (Zstandard, fastest level), which takes news text to about a third of its size.
 */
#ifndef LEDE_INDEX_DOCUMENT_H
#define LEDE_INDEX_DOCUMENT_H

#include "lede.h"
#include "index/segment.h"
#include "util/vec.h"

/* Appends a record for fields[0..n) to `out`, field names numbered by `field_index`. `cctx` is
 * the caller's Zstandard context, reused from record to record (making one per record costs more
 * than compressing a news article). */
struct ZSTD_CCtx_s;
lede_status lede_record_encode(const lede_field *fields, size_t n, const uint32_t *field_index,
                               struct ZSTD_CCtx_s *cctx, lede_vec *scratch, lede_vec *out);

/* Appends the values of doc's record to `out` (items: lede_field). Values point into the segment,
 * or into `storage` (bytes, replaced) when the record was compressed: keep it while they are used. */
lede_status lede_record_decode(const lede_segment *s, uint32_t doc, lede_vec *out,
                               lede_vec *storage);

/* The first value of `name` among fields[0..n), or NULL. */
const lede_field *lede_fields_find(const lede_field *fields, size_t n, const char *name);

#endif
