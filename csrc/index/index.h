/* index — the lede_index object: the working set of segments, the buffer, commits and locking.
 * Private to the core: search.c reads the snapshot and the analyzer from it. */
#ifndef LEDE_INDEX_INDEX_H
#define LEDE_INDEX_INDEX_H

#include "lede.h"
#include "index/buffer.h"
#include "index/snapshot.h"
#include "util/vec.h"

/* A segment of the working set: committed, or written since the last commit. */
typedef struct lede_work_segment {
    lede_segment *seg;
    lede_vec deleted; /* uint32_t, ascending: committed and pending deletions */
} lede_work_segment;

struct lede_index {
    char *dir;
    char error[512];
    lede_analyzer *analyzer;
    uint64_t generation;   /* of the last commit */
    uint32_t next_segment; /* number for the next segment file */
    lede_vec work;         /* lede_work_segment */
    lede_buffer buffer;
    uint64_t pending;      /* changes since the last commit */
    lede_snapshot *snapshot;
    int lock_fd;           /* -1 until the first change takes the write lock */
};

/* Sets ix->error from a format and returns status. */
lede_status lede_index_fail(lede_index *ix, lede_status status, const char *fmt, ...);

#endif
