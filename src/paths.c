/* paths.c: placeholder until the module lands. */
#include "config.h"
#include "paths.h"
