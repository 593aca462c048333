/* fts.c: placeholder until the module lands. */
#include "config.h"
#include "fts.h"
