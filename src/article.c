/* article.c: placeholder until the module lands. */
#include "config.h"
#include "article.h"
