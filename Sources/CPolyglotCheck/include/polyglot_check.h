#ifndef DROPIN_POLYGLOT_CHECK_H
#define DROPIN_POLYGLOT_CHECK_H

#include <stddef.h>

/// How many problems one check keeps; the first is what users need, the rest give context.
#define DROPIN_POLYGLOT_MAX_PROBLEMS 8
#define DROPIN_POLYGLOT_MESSAGE_SIZE 240

enum { DROPIN_EVERY_READING = 0, DROPIN_OTHER_READING = 1, DROPIN_POLICY = 2 };

typedef struct {
    int line;
    int column;
    /// 1 when libxml2 found the text not well-formed; 0 for a polyglot rule it does not know.
    int is_xml_error;
    /// Which readings of the markup build another tree than the XML parser: DROPIN_EVERY_READING
    /// (html5lib's too), DROPIN_OTHER_READING (only a browser with scripting on, or HTML's parsing
    /// as it changed after html5lib's release), or DROPIN_POLICY (none: markup dropin does not
    /// check, which it refuses). dropin refuses all three.
    int reading;
    char message[DROPIN_POLYGLOT_MESSAGE_SIZE];
} dropin_polyglot_problem;

typedef struct {
    int count;
    dropin_polyglot_problem problems[DROPIN_POLYGLOT_MAX_PROBLEMS];
} dropin_polyglot_result;

/// Checks that `text` is polyglot HTML5: well-formed XML (libxml2's XML parser, no network, no
/// entity expansion, no DTD loading) from which HTML's parser builds the same tree without a
/// parse error: void elements self-closed and no other element, lowercase names, no attributes
/// equal but for case, no internal DTD subset, processing instructions, CDATA or namespaces but
/// XHTML's, and HTML's tree-construction rules (tree_rules.c): no start tag that closes an open
/// element, no element where HTML moves or drops it, raw text as text. With `is_document`,
/// also a `<!DOCTYPE html>` and an `html` root in the XHTML namespace holding head and body.
/// `text` is UTF-8, whatever it declares, and `length` bytes long; it may hold NULs, which the
/// check refuses. Safe to call from several threads at once: every call has its own parser context.
void dropin_polyglot_check(const char *text, size_t length, int is_document, dropin_polyglot_result *result);

#endif
