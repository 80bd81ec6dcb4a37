/*
 * cursor — reads one term's postings in one segment: documents in ascending order, with the
 * term's frequency and positions for text fields, and skips whole blocks through the skip table
 * when asked for a document further on. Damaged bytes end the list and set `corrupt`.
 */
#ifndef LEDE_INDEX_CURSOR_H
#define LEDE_INDEX_CURSOR_H

#include <stdint.h>
#include "index/segment.h"

#define LEDE_NO_DOC UINT32_MAX

typedef struct lede_cursor {
    const unsigned char *start, *p, *end;
    const unsigned char *skips;
    uint32_t nskips;
    uint32_t read;        /* documents decoded so far */
    uint64_t base;        /* the current document + 1 */
    uint32_t doc;         /* LEDE_NO_DOC when exhausted */
    uint32_t tf;
    const unsigned char *pos, *pos_end; /* positions of the current document */
    int positions;
    int corrupt;
} lede_cursor;

void lede_cursor_init(lede_cursor *c, const lede_term_info *info, int positions);
uint32_t lede_cursor_next(lede_cursor *c);
/* Moves to the first document >= target (never backwards). */
uint32_t lede_cursor_advance(lede_cursor *c, uint32_t target);

/* Reads the positions of the current document one by one: *position is updated, 0 at the end. */
typedef struct lede_positions {
    const unsigned char *p, *end;
    uint32_t value;
    int started;
} lede_positions;

static inline lede_positions lede_cursor_positions(const lede_cursor *c)
{
    lede_positions it = { c->pos, c->pos_end, 0, 0 };
    return it;
}

int lede_positions_next(lede_positions *it, uint32_t *position);

#endif
