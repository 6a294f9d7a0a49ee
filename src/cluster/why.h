/* "Why is this article in this story": a clustering decision as JSON,
 * stored with the membership and shown by `crosscheck story ID --why`. */
#ifndef XC_WHY_H
#define XC_WHY_H

#include "cluster.h"

/* {"new_story":bool,"score","cosine","names","time_factor","gap_hours",
 *  "terms":[...],"shared_names":[...],"runner_up":{"story","score"}};
 * malloc'd, NULL when out of memory. */
char *xc_why_json(const xc_termdict *terms, const xc_cluster_decision *d);

#endif
