/* bench_rand.h: the deterministic random numbers of the benchmark
 * programs (bench_gen, bench_query): the same seed, the same corpus. */
#ifndef LEDE_BENCH_RAND_H
#define LEDE_BENCH_RAND_H

#include <stdint.h>

#include "util.h"

/* The generator's state; each program sets its seed. */
static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

/* xorshift64*: a small deterministic generator. */
static inline uint64_t rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

/* A uniform double in [0, 1). */
static inline double uniform(void)
{
	return (double)(rng() >> 11) / 9007199254740992.0;
}

/* Cumulative weights 1/(k+1) of a Zipf-like law over n items, scaled to
 * end at 1: item k is about k + 1 times rarer than item 0. */
static inline double *zipf_table(int n)
{
	double *c = xmalloc((size_t)n * sizeof *c);
	double sum = 0;
	for (int k = 0; k < n; k++) {
		sum += 1.0 / (k + 1);
		c[k] = sum;
	}
	for (int k = 0; k < n; k++)
		c[k] /= sum;
	return c;
}

/* Draws an item from a zipf_table of n items, by binary search. */
static inline int zipf_draw(const double *c, int n)
{
	double u = uniform();
	int lo = 0, hi = n - 1;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (c[mid] < u)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

#endif
