#ifndef DROPIN_CHECK_STATE_H
#define DROPIN_CHECK_STATE_H

#include "html_elements.h"
#include "polyglot_check.h"

#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>

/// How deep the rules follow the open elements; deeper markup is refused by policy.
#define DROPIN_MAX_OPEN_ELEMENTS 300

/// One element on the stack of open elements, as HTML's tree construction keeps it.
typedef struct {
    const char *name;
    element_kind kind;
    /// Byte offset in the checked text just past the start tag: where raw text content begins.
    size_t content_start;
    int element_children;
    /// An element, text or comment came after the start tag.
    int saw_content;
    /// Inside a `<select>`, where only options and scripts may stand.
    int in_select;
    /// A `<noscript>` in `<head>`.
    int in_head;
    /// A formatting element (b, i, a, ...) and whether it is still in HTML's list of active
    /// formatting elements, which forgets the earliest of four identical ones.
    int is_formatting;
    int in_formatting_list;
    /// Its attributes, as the list compares them: how many, and an order-free digest.
    int attribute_count;
    unsigned long long attribute_digest;
} open_element;

/// What one check carries between callbacks, reached through the parser context's _private.
typedef struct {
    dropin_polyglot_result *result;
    const char *text;
    size_t length;
    int is_document;
    int saw_doctype;
    int saw_fatal;
    int reported_subset;
    /// The start tag being checked: its bytes in the text, and the parser's place at its end;
    /// its problems point at its `<`, found only when there is one. `in_tag` is 0 elsewhere.
    int in_tag;
    size_t tag_start;
    size_t tag_end;
    int tag_end_line;
    int tag_end_column;
    /// How many open elements are `<svg>` or `<math>`.
    int foreign_depth;
    /// How many elements are open beyond `open`'s room; libxml2's push parser sets no limit.
    int overflow;
    int open_count;
    open_element open[DROPIN_MAX_OPEN_ELEMENTS];
} check_state;

static inline check_state *state_of(void *ctx) {
    return (check_state *)((xmlParserCtxtPtr)ctx)->_private;
}

/// A rule broken at the parser's current position (or the start tag's `<`); `reading` is one of
/// DROPIN_EVERY_READING, DROPIN_OTHER_READING, DROPIN_POLICY.
void report_here(void *ctx, int reading, const char *format, ...) __attribute__((format(printf, 3, 4)));

/// HTML's tree construction, checked on libxml2's SAX events (tree_rules.c).
void tree_start_element(void *ctx, const char *name, element_kind kind, int attribute_count, const xmlChar **attributes);
/// Inside `<svg>` or `<math>`, which dropin refuses by policy: rules for HTML elements do not apply.
int tree_in_foreign_content(check_state *state);
/// The parser's place as an offset in the checked text, never past its end.
size_t tree_cursor_offset(xmlParserCtxtPtr ctxt, const check_state *state);
/// A name holding a code point HTML's parser reports.
void tree_check_name(void *ctx, const char *name);
void tree_end_element(void *ctx);
void tree_characters(void *ctx, const xmlChar *text, int length);
void tree_comment(void *ctx, const xmlChar *text);

#endif
