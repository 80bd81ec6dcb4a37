/* stopwords — English function words, which carry no topic of their own. */
#ifndef LEDE_TEXT_STOPWORDS_H
#define LEDE_TEXT_STOPWORDS_H

#include <stddef.h>

/* Is the lower-cased word a stopword? */
int lede_is_stopword(const char *word, size_t len);

#endif
