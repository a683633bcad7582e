/*
 * store_private.h - what every store backend shares, behind store.h.
 *
 * A backend's handle starts with struct store, so store.c can reach the
 * backend's table of functions from any handle it was given.
 */
#ifndef ENCORE_STORE_STORE_PRIVATE_H
#define ENCORE_STORE_STORE_PRIVATE_H

#include "store.h"

struct store {
    const struct store_ops *ops;
};

#endif
