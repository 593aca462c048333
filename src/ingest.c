/* ingest.c: placeholder until the module lands. */
#include "config.h"
#include "ingest.h"
