/* textview — token questions shared by the extractors. */
#include "extract/textview.h"

#include <string.h>
#include "text/utf8.h"
#include "text/wordlist.h"

void lede_textview_init(lede_textview *v, const lede_article *a, const char *text, size_t len)
{
    v->tok = lede_article_tokens(a, &v->ntok);
    v->sent = lede_article_sentences(a, &v->nsent);
    v->para = lede_article_paragraphs(a, &v->npara);
    v->text = text;
    v->len = len;
    /* A text shorter than the one analysed must not be read out of bounds: see nothing then. */
    if (!text || (v->ntok && v->tok[v->ntok - 1].span.end > len)) {
        v->ntok = 0;
        v->nsent = 0;
        v->npara = 0;
    }
}

int lede_tv_is(const lede_textview *v, size_t i, const char *word)
{
    if (i >= v->ntok || v->tok[i].kind != LEDE_TOKEN_WORD)
        return 0;
    size_t n = strlen(word);
    return v->tok[i].lower_len == n && memcmp(v->tok[i].lower, word, n) == 0;
}

int lede_tv_in(const lede_textview *v, size_t i, const char *const *list, size_t n)
{
    if (i >= v->ntok || v->tok[i].kind != LEDE_TOKEN_WORD)
        return 0;
    return lede_wordlist_find(list, n, v->tok[i].lower, v->tok[i].lower_len) >= 0;
}

int lede_tv_capitalised(const lede_textview *v, size_t i)
{
    if (i >= v->ntok || v->tok[i].kind != LEDE_TOKEN_WORD)
        return 0;
    const lede_span s = v->tok[i].span;
    size_t width;
    int invalid;
    uint32_t cp = lede_utf8_decode((const unsigned char *)v->text, s.end, s.start, &width, &invalid);
    return !invalid && lede_charclass_of(cp) == LEDE_CC_UPPER;
}

int lede_tv_single_mark(const lede_textview *v, size_t i)
{
    const unsigned char *s = (const unsigned char *)v->text + v->tok[i].span.start;
    size_t n = v->tok[i].span.end - v->tok[i].span.start;
    if (n == 1)
        return s[0] == '\'' || s[0] == '`';
    /* U+2018..U+201B are the single marks, U+2039/U+203A the single guillemets. */
    return n >= 3 && s[0] == 0xE2 && s[1] == 0x80 &&
           ((s[2] >= 0x98 && s[2] <= 0x9B) || s[2] == 0xB9 || s[2] == 0xBA);
}

size_t lede_tv_sentence_start(const lede_textview *v, size_t i)
{
    return v->sent[v->tok[i].sentence].first_token;
}

size_t lede_tv_sentence_end(const lede_textview *v, size_t i)
{
    const lede_sentence *s = &v->sent[v->tok[i].sentence];
    return s->first_token + s->token_count;
}
