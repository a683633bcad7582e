/*
 * graph.h - strongly connected components, to find packages that contain
 * themselves (SPEC 7) with a path that names the culprit.
 */
#ifndef ENCORE_CODEC_GRAPH_H
#define ENCORE_CODEC_GRAPH_H

#include <stdbool.h>
#include <stdint.h>

/*
 * The strongly connected components of a directed graph of n nodes; the
 * edges of node v go to adj[first[v]] .. adj[first[v + 1] - 1]. comp[v]
 * gets v's component, size[c] the number of nodes in component c (both
 * arrays hold n entries). Iterative (Tarjan), so a long chain of packages
 * does not recurse. Returns false when out of memory.
 */
bool graph_components(uint32_t n, const uint32_t *first, const uint32_t *adj,
                      uint32_t *comp, uint32_t *size);

#endif
