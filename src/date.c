/* date.c: placeholder until the module lands. */
#include "config.h"
#include "date.h"
