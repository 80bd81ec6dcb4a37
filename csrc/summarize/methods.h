/*
 * methods — the sentence-ranking methods. Each sets `score` on every sentence of the set (higher
 * is better); selection under a budget is select.c's job.
 */
#ifndef LEDE_SUMMARIZE_METHODS_H
#define LEDE_SUMMARIZE_METHODS_H

#include "lede.h"
#include "summarize/sentences.h"

lede_status lede_rank_lead(lede_sset *set);
lede_status lede_rank_luhn(lede_sset *set);
lede_status lede_rank_lexrank(lede_sset *set, int thresholded);
lede_status lede_rank_textrank(lede_sset *set);
lede_status lede_rank_centroid(lede_sset *set);
lede_status lede_rank_pacsum(lede_sset *set);
lede_status lede_rank_auto(lede_sset *set);

#endif
