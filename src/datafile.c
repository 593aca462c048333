/* datafile.c: placeholder until the module lands. */
#include "config.h"
#include "datafile.h"
