/* Elapsed time for timings and deadlines: seconds on the monotonic clock
 * (never set back, unlike the time of day). */
#ifndef XC_CLOCK_H
#define XC_CLOCK_H

#include <time.h>

static inline double xc_seconds_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

#endif
