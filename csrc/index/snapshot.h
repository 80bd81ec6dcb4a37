/*
 * snapshot — the segments of one commit with their deletions, as searches see them. A snapshot
 * never changes: a commit makes a new one, and a search (with its results) holds a reference to
 * the one it started on, so it stays consistent however the index moves on.
 */
#ifndef LEDE_INDEX_SNAPSHOT_H
#define LEDE_INDEX_SNAPSHOT_H

#include <stddef.h>
#include <stdint.h>
#include "index/segment.h"

typedef struct lede_snap_segment {
    lede_segment *seg;
    uint8_t *deleted; /* one bit per document, NULL when none is deleted */
    uint32_t ndeleted;
} lede_snap_segment;

typedef struct lede_snapshot {
    int refs;
    lede_snap_segment *segs;
    size_t nsegs;
    uint64_t generation;
    uint64_t live_docs;
} lede_snapshot;

static inline int lede_is_deleted(const lede_snap_segment *s, uint32_t doc)
{
    return s->deleted && ((s->deleted[doc >> 3] >> (doc & 7)) & 1);
}

static inline void lede_snapshot_retain(lede_snapshot *s) { s->refs++; }
void lede_snapshot_release(lede_snapshot *s);

#endif
