/* query.c: placeholder until the module lands. */
#include "config.h"
#include "query.h"
