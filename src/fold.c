/* fold.c: placeholder until the module lands. */
#include "config.h"
#include "text.h"
