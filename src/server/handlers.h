/*
 * handlers.h - the handlers of the route table (routes.c) that live in
 * files of their own: static files, the shop, orders, the admin API.
 */
#ifndef ENCORE_SERVER_HANDLERS_H
#define ENCORE_SERVER_HANDLERS_H

#include "http.h"

/* static.c: /, /admin/..., /shop/..., /api/v1/openapi.json */
enum MHD_Result handle_root(struct request *r, struct MHD_Connection *c);
enum MHD_Result handle_admin_slash(struct request *r, struct MHD_Connection *c);
enum MHD_Result handle_shop_slash(struct request *r, struct MHD_Connection *c);
enum MHD_Result handle_admin_file(struct request *r, struct MHD_Connection *c);
enum MHD_Result handle_shop_file(struct request *r, struct MHD_Connection *c);
enum MHD_Result handle_openapi(struct request *r, struct MHD_Connection *c);

/* shop.c: GET /api/v1/shop/products[/{code}] */
enum MHD_Result handle_shop_products(struct request *r,
                                     struct MHD_Connection *c);
enum MHD_Result handle_shop_product(struct request *r,
                                    struct MHD_Connection *c);

/* orders.c: /api/v1/orders... */
enum MHD_Result handle_order_create(struct request *r,
                                    struct MHD_Connection *c);
enum MHD_Result handle_order_get(struct request *r, struct MHD_Connection *c);
enum MHD_Result handle_order_cancel(struct request *r,
                                    struct MHD_Connection *c);

/* admin.c: profiles and lines, validate, activate, deactivate */
enum MHD_Result handle_profiles_list(struct request *r,
                                     struct MHD_Connection *c);
enum MHD_Result handle_profile_create(struct request *r,
                                      struct MHD_Connection *c);
enum MHD_Result handle_profile_get(struct request *r, struct MHD_Connection *c);
enum MHD_Result handle_profile_put(struct request *r, struct MHD_Connection *c);
enum MHD_Result handle_profile_delete(struct request *r,
                                      struct MHD_Connection *c);
enum MHD_Result handle_line_create(struct request *r, struct MHD_Connection *c);
enum MHD_Result handle_lines_reorder(struct request *r,
                                     struct MHD_Connection *c);
enum MHD_Result handle_line_get(struct request *r, struct MHD_Connection *c);
enum MHD_Result handle_line_put(struct request *r, struct MHD_Connection *c);
enum MHD_Result handle_line_delete(struct request *r, struct MHD_Connection *c);
enum MHD_Result handle_profile_validate(struct request *r,
                                        struct MHD_Connection *c);
enum MHD_Result handle_profile_activate(struct request *r,
                                        struct MHD_Connection *c);
enum MHD_Result handle_profile_deactivate(struct request *r,
                                          struct MHD_Connection *c);

/* admin_data.c: catalogue, pickers, lists, availability, preview */
enum MHD_Result handle_catalogue_get(struct request *r,
                                     struct MHD_Connection *c);
enum MHD_Result handle_catalogue_put(struct request *r,
                                     struct MHD_Connection *c);
enum MHD_Result handle_products_search(struct request *r,
                                       struct MHD_Connection *c);
enum MHD_Result handle_product_get(struct request *r, struct MHD_Connection *c);
enum MHD_Result handle_seat_categories(struct request *r,
                                       struct MHD_Connection *c);
enum MHD_Result handle_audiences(struct request *r, struct MHD_Connection *c);
enum MHD_Result handle_channels(struct request *r, struct MHD_Connection *c);
enum MHD_Result handle_institution(struct request *r, struct MHD_Connection *c);
enum MHD_Result handle_availability(struct request *r,
                                    struct MHD_Connection *c);
enum MHD_Result handle_preview(struct request *r, struct MHD_Connection *c);

#endif
