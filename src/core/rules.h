/*
 * rules.h - pieces of the rules that the checks of SPEC 6 share with
 * propose.c. Private to core.
 */
#ifndef ENCORE_CORE_RULES_H
#define ENCORE_CORE_RULES_H

#include "model.h"

/*
 * R7: what is left at performance pf for a price row of seat category sc
 * (-1: none): the pool of that category, else the shared pool "*"; -1 when
 * neither exists.
 */
int64_t rules_pool_left(const struct enc_performance *pf, int32_t sc);

/* R7: the index in pf->pools of that pool, or -1 (see above). */
int32_t rules_pool_index(const struct enc_performance *pf, int32_t sc);

/* R9: a price row passes a target's seat category and audience filters
 * (each only if given; a row without one passes that filter). */
bool rules_price_allowed(const struct enc_target *t,
                         const struct enc_price *row);

#endif
