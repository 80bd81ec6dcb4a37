#include "index/cursor.h"

#include "index/codec.h"

void lede_cursor_init(lede_cursor *c, const lede_term_info *info, int positions)
{
    c->start = c->p = info->postings;
    c->end = info->postings_end;
    c->skips = info->skips;
    c->nskips = info->nskips;
    c->read = 0;
    c->base = 0;
    c->doc = 0;
    c->tf = 0;
    c->pos = c->pos_end = NULL;
    c->positions = positions;
    c->corrupt = 0;
}

static uint32_t stop(lede_cursor *c, int corrupt)
{
    c->doc = LEDE_NO_DOC;
    c->corrupt |= corrupt;
    return LEDE_NO_DOC;
}

uint32_t lede_cursor_next(lede_cursor *c)
{
    if (c->p >= c->end)
        return stop(c, 0);
    uint64_t gap;
    const unsigned char *p = lede_varint_next(c->p, c->end, &gap);
    if (!p || gap == 0 || c->base + gap - 1 >= LEDE_NO_DOC)
        return stop(c, 1);
    c->base += gap;
    c->tf = 1;
    if (c->positions) {
        uint64_t tf, bytes;
        p = lede_varint_next(p, c->end, &tf);
        p = p ? lede_varint_next(p, c->end, &bytes) : NULL;
        if (!p || tf == 0 || tf > UINT32_MAX || bytes > (uint64_t)(c->end - p))
            return stop(c, 1);
        c->tf = (uint32_t)tf;
        c->pos = p;
        c->pos_end = p + bytes;
        p += bytes;
    }
    c->p = p;
    c->read++;
    c->doc = (uint32_t)(c->base - 1);
    return c->doc;
}

uint32_t lede_cursor_advance(lede_cursor *c, uint32_t target)
{
    if (c->doc != LEDE_NO_DOC && c->read > 0 && c->doc >= target)
        return c->doc;
    /* Jump over every whole block that ends before the target and has not been read yet. */
    uint32_t block = c->read / LEDE_SKIP_BLOCK; /* the block the next document belongs to */
    uint32_t jump = block;
    while (jump < c->nskips && lede_load_u32(c->skips + (size_t)jump * 8) < target)
        jump++;
    if (jump > block) {
        const unsigned char *s = c->skips + (size_t)(jump - 1) * 8;
        uint32_t offset = lede_load_u32(s + 4);
        if (offset > (size_t)(c->end - c->start))
            return stop(c, 1);
        c->p = c->start + offset;
        c->base = (uint64_t)lede_load_u32(s) + 1;
        c->read = jump * LEDE_SKIP_BLOCK;
    }
    while (lede_cursor_next(c) != LEDE_NO_DOC && c->doc < target)
        ;
    return c->doc;
}

int lede_positions_next(lede_positions *it, uint32_t *position)
{
    if (it->p >= it->end)
        return 0;
    uint64_t gap;
    const unsigned char *p = lede_varint_next(it->p, it->end, &gap);
    if (!p || gap > UINT32_MAX - it->value)
        return 0;
    it->p = p;
    it->value += (uint32_t)gap;
    *position = it->value;
    return 1;
}
