/*
 * fragments.h - the fixed parts of answers (SPEC 8), serialised once per
 * snapshot, so the answer writer copies bytes instead of escaping codes
 * and names and formatting dates on every request. Private to codec/.
 *
 * Built by codec_catalogue_prepare() into the catalogue's arena and hung
 * on catalogue.encoded. Each list is an array of offsets into a blob:
 * fragment k of a list is blob[list[k] .. list[k + 1]). The records' lists
 * index blob, the lines' line_blob: an overlay (catalogue_overlay())
 * shares the records' fragments of its records owner and builds only
 * those of its lines.
 */
#ifndef ENCORE_CODEC_FRAGMENTS_H
#define ENCORE_CODEC_FRAGMENTS_H

#include <stdint.h>

struct codec_fragments {
    const char *blob;      /* products, names, rows, performances */
    const char *line_blob; /* lines and their texts */
    /* Per product: "product":"CODE","kind":"KIND","name":  */
    uint32_t *product_head;
    /* Per product: "CODE" */
    uint32_t *product_code;
    /* Per item of a product's name, from name_first[product]: "VALUE" */
    uint32_t *name_first;
    uint32_t *name_item;
    /* Per price row, from row_first[product]:
     * {"seat_category":"C","audience":"A","amount":N  (those it names) */
    uint32_t *row_first;
    uint32_t *row;
    /* Per performance: {"code":"CODE","start":"TIME"  and "CODE" */
    uint32_t *perf;
    uint32_t *perf_code;
    /* Per line, from line_first[profile]:
     * {"line":"ID","type":"TYPE","placement":"PLACEMENT"  */
    uint32_t *line_first;
    uint32_t *line_head;
    /* Per item of a line's text, from text_first[line_first[p] + l]:
     * ,"text":"VALUE" */
    uint32_t *text_first;
    uint32_t *text_item;
};

#endif
