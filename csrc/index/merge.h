/*
 * merge — combines segments of the working set into one, dropping deleted documents. Documents
 * are re-inverted from their stored records, so a merged segment is exactly what indexing those
 * documents afresh would give.
 */
#ifndef LEDE_INDEX_MERGE_H
#define LEDE_INDEX_MERGE_H

#include "lede.h"
#include "index/index.h"

/* With `all`, merges every segment; otherwise applies the merge policy (keep the segment count
 * small by merging the smallest segments once there are too many). The caller commits. */
lede_status lede_index_merge(lede_index *ix, int all);

/* Writes a buffer as a new segment at the end of the working set (index.c). */
lede_status lede_index_write_segment(lede_index *ix, const lede_buffer *b);

#endif
