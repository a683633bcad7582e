/*
 * graph.c - Tarjan's strongly connected components, without recursion.
 */
#include "graph.h"

#include <stdlib.h>

#define UNSEEN UINT32_MAX

/* The working arrays of one run, n entries each. */
struct tarjan {
    const uint32_t *first, *adj;
    uint32_t *comp, *size;
    uint32_t *index, *low; /* discovery order; lowest index reachable */
    uint32_t *stack;       /* nodes of components not yet closed */
    uint32_t *calls;       /* the depth-first path */
    uint32_t *next_edge;   /* per node on the path: next edge to follow */
    bool *on_stack;
    uint32_t n_stack, n_calls, counter, n_comp;
};

/* Marks v discovered and puts it on both stacks. */
static void
tarjan_visit(struct tarjan *t, uint32_t v)
{
    t->index[v] = t->low[v] = t->counter++;
    t->stack[t->n_stack++] = v;
    t->on_stack[v] = true;
    t->calls[t->n_calls++] = v;
    t->next_edge[v] = t->first[v];
}

/* v is done: when it roots a component, pops the component. */
static void
tarjan_close(struct tarjan *t, uint32_t v)
{
    uint32_t w, c;

    if (t->low[v] != t->index[v])
        return;
    c = t->n_comp++;
    t->size[c] = 0;
    do {
        w = t->stack[--t->n_stack];
        t->on_stack[w] = false;
        t->comp[w] = c;
        t->size[c]++;
    } while (w != v);
}

/* The depth-first search from root, one edge per step. */
static void
tarjan_run(struct tarjan *t, uint32_t root)
{
    tarjan_visit(t, root);
    while (t->n_calls > 0) {
        uint32_t v = t->calls[t->n_calls - 1];

        if (t->next_edge[v] < t->first[v + 1]) {
            uint32_t w = t->adj[t->next_edge[v]++];
            if (t->index[w] == UNSEEN)
                tarjan_visit(t, w);
            else if (t->on_stack[w] && t->index[w] < t->low[v])
                t->low[v] = t->index[w];
            continue;
        }
        t->n_calls--;
        tarjan_close(t, v);
        if (t->n_calls > 0) {
            uint32_t u = t->calls[t->n_calls - 1];
            if (t->low[v] < t->low[u])
                t->low[u] = t->low[v];
        }
    }
}

bool
graph_components(uint32_t n, const uint32_t *first, const uint32_t *adj,
                 uint32_t *comp, uint32_t *size)
{
    struct tarjan t = {.first = first, .adj = adj, .comp = comp, .size = size};
    size_t words = n ? n : 1;
    bool ok;

    t.index = malloc(words * sizeof *t.index);
    t.low = malloc(words * sizeof *t.low);
    t.stack = malloc(words * sizeof *t.stack);
    t.calls = malloc(words * sizeof *t.calls);
    t.next_edge = malloc(words * sizeof *t.next_edge);
    t.on_stack = calloc(words, sizeof *t.on_stack);
    ok = t.index && t.low && t.stack && t.calls && t.next_edge && t.on_stack;
    if (ok) {
        for (uint32_t v = 0; v < n; v++)
            t.index[v] = UNSEEN;
        for (uint32_t v = 0; v < n; v++)
            if (t.index[v] == UNSEEN)
                tarjan_run(&t, v);
    }
    free(t.on_stack);
    free(t.next_edge);
    free(t.calls);
    free(t.stack);
    free(t.low);
    free(t.index);
    return ok;
}
