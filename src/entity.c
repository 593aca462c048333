/* entity.c: placeholder until the module lands. */
#include "config.h"
#include "entity.h"
