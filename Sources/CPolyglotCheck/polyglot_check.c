#define _GNU_SOURCE  // memrchr
#include "check_state.h"

#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const xhtml_namespace = "http://www.w3.org/1999/xhtml";

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void init_parser(void) { xmlInitParser(); }

static void add_problem_v(check_state *state, int line, int column, int is_xml_error, int reading,
                          const char *format, va_list arguments) {
    dropin_polyglot_result *result = state->result;
    if (result->count >= DROPIN_POLYGLOT_MAX_PROBLEMS) return;
    dropin_polyglot_problem *problem = &result->problems[result->count++];
    problem->line = line;
    problem->column = column;
    problem->is_xml_error = is_xml_error;
    problem->reading = reading;
    vsnprintf(problem->message, sizeof problem->message, format, arguments);
}

static void add_problem(check_state *state, int line, int column, int is_xml_error, const char *format, ...) {
    va_list arguments;
    va_start(arguments, format);
    add_problem_v(state, line, column, is_xml_error, 0, format, arguments);
    va_end(arguments);
}

/// The line and column of the current start tag's `<`, from the parser's place at its end.
static void tag_start_position(const check_state *state, int *line, int *column) {
    *line = state->tag_end_line;
    *column = state->tag_end_column;
    int crossed_line = 0;
    for (size_t index = state->tag_end; index > state->tag_start; index--) {
        unsigned char c = (unsigned char)state->text[index - 1];
        if (c == '\n') {
            --*line;
            crossed_line = 1;
        } else if (!crossed_line && (c & 0xc0) != 0x80) {
            --*column;
        }
    }
    if (crossed_line) {
        // The tag spans lines: count its first line's characters before the `<`.
        size_t line_start = state->tag_start;
        while (line_start > 0 && state->text[line_start - 1] != '\n') line_start--;
        *column = 1;
        for (size_t index = line_start; index < state->tag_start; index++) {
            if (((unsigned char)state->text[index] & 0xc0) != 0x80) ++*column;
        }
    }
}

void report_here(void *ctx, int reading, const char *format, ...) {
    xmlParserCtxtPtr ctxt = ctx;
    check_state *state = state_of(ctx);
    int line = ctxt->input->line, column = ctxt->input->col;
    if (state->in_tag) tag_start_position(state, &line, &column);
    va_list arguments;
    va_start(arguments, format);
    add_problem_v(state, line, column, 0, reading, format, arguments);
    va_end(arguments);
}

/// Notes where the start tag the parser has just read lies: its cursor is on the tag's end,
/// and the text before it holds no `<` but the tag's own.
static void enter_tag(xmlParserCtxtPtr ctxt, check_state *state) {
    size_t end = tree_cursor_offset(ctxt, state);
    const char *open = memrchr(state->text, '<', end);
    state->in_tag = 1;
    state->tag_start = open ? (size_t)(open - state->text) : 0;
    state->tag_end = end;
    state->tag_end_line = ctxt->input->line;
    state->tag_end_column = ctxt->input->col;
}

static int has_uppercase(const char *name) {
    for (; *name; name++) {
        if (*name >= 'A' && *name <= 'Z') return 1;
    }
    return 0;
}

static int equal_ignoring_ascii_case(const char *a, const char *b) {
    for (; *a && *b; a++, b++) {
        char x = (*a >= 'A' && *a <= 'Z') ? *a + 32 : *a;
        char y = (*b >= 'A' && *b <= 'Z') ? *b + 32 : *b;
        if (x != y) return 0;
    }
    return *a == *b;
}

static void check_attribute_case(void *ctx, int count, const xmlChar **attributes) {
    // libxml2 passes five pointers per attribute: localname, prefix, URI, value, end.
    for (int i = 0; i < count; i++) {
        const char *name = (const char *)attributes[i * 5];
        if (attributes[i * 5 + 1] == NULL && has_uppercase(name)) {
            report_here(ctx, DROPIN_EVERY_READING, "attribute '%s' must be lowercase: HTML lowercases it, XML does not", name);
        }
        for (int j = i + 1; j < count; j++) {
            const char *other = (const char *)attributes[j * 5];
            if (equal_ignoring_ascii_case(name, other) && strcmp(name, other) != 0) {
                report_here(ctx, DROPIN_EVERY_READING, "attributes '%s' and '%s' differ only in case: a browser keeps one of them", name, other);
            }
        }
    }
}

static void on_start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                             int namespace_count, const xmlChar **namespaces, int attribute_count,
                             int defaulted_count, const xmlChar **attributes) {
    (void)namespaces; (void)namespace_count; (void)defaulted_count;
    xmlParserCtxtPtr ctxt = ctx;
    check_state *state = state_of(ctx);
    const char *name = (const char *)localname;
    element_kind kind = html_element_kind(name);
    // The parser calls this with its cursor on the tag's end: "/>" or ">".
    int self_closed = ctxt->input->cur[0] == '/';
    int is_root = state->open_count == 0;
    enter_tag(ctxt, state);
    if (state->is_document && is_root) {
        if (strcmp(name, "html") != 0 || uri == NULL || strcmp((const char *)uri, xhtml_namespace) != 0) {
            report_here(ctx, DROPIN_EVERY_READING, "the root element must be <html xmlns=\"http://www.w3.org/1999/xhtml\">, not <%s>", name);
        }
    }
    // Inside <svg> or <math>, refused by policy, HTML's rules for its own elements do not apply.
    if (!tree_in_foreign_content(state)) {
        if (prefix != NULL) {
            report_here(ctx, DROPIN_EVERY_READING, "element <%s:%s> has a namespace prefix, which HTML keeps in its name: write <%s>", (const char *)prefix, name, name);
        }
        if (!((name[0] >= 'a' && name[0] <= 'z') || (name[0] >= 'A' && name[0] <= 'Z'))) {
            report_here(ctx, DROPIN_EVERY_READING, "element <%s> starts with other than an ASCII letter: HTML reads the tag as text; rename it", name);
        }
        if (has_uppercase(name)) {
            report_here(ctx, DROPIN_EVERY_READING, "element <%s> must be lowercase: HTML lowercases it, XML does not", name);
        }
        if (kind.flags & E_POLICY) {
            // Refused as a whole, however it is written.
        } else if ((kind.flags & E_VOID) && !self_closed) {
            report_here(ctx, DROPIN_EVERY_READING, "void element <%s> must be written self-closed, as <%s ... />", name, name);
        } else if (!(kind.flags & E_VOID) && self_closed) {
            report_here(ctx, DROPIN_EVERY_READING, "<%s/> is not closed to a browser: write <%s ...></%s> instead", name, name, name);
        }
        check_attribute_case(ctx, attribute_count, attributes);
        tree_check_name(ctx, name);
        for (int index = 0; index < attribute_count; index++) tree_check_name(ctx, (const char *)attributes[index * 5]);
        const char *expected = state->is_document ? xhtml_namespace : NULL;
        int in_namespace = uri == NULL ? expected == NULL : expected != NULL && strcmp((const char *)uri, expected) == 0;
        if (!is_root && !in_namespace && !(kind.flags & E_POLICY)) {
            report_here(ctx, DROPIN_EVERY_READING, "element <%s> is in the namespace %s, which HTML does not read: remove its xmlns declaration",
                        name, uri ? (const char *)uri : "none");
        }
    }
    tree_start_element(ctx, name, kind, attribute_count, attributes);
    state->in_tag = 0;
}

static void on_end_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri) {
    (void)localname; (void)prefix; (void)uri;
    tree_end_element(ctx);
}

static void on_characters(void *ctx, const xmlChar *text, int length) {
    tree_characters(ctx, text, length);
}

static void on_comment(void *ctx, const xmlChar *text) {
    tree_comment(ctx, text);
}

static void report_subset(void *ctx);

static void on_internal_subset(void *ctx, const xmlChar *name, const xmlChar *external_id, const xmlChar *system_id) {
    xmlParserCtxtPtr ctxt = ctx;
    check_state *state = state_of(ctx);
    state->saw_doctype = 1;
    // HTML's own spellings: the name in any case, and the legacy-compat system identifier.
    int legacy = external_id == NULL && system_id != NULL && strcmp((const char *)system_id, "about:legacy-compat") == 0;
    if (!state->is_document) {
        report_here(ctx, DROPIN_EVERY_READING, "a snippet must not have a DOCTYPE (%s)", (const char *)name);
    } else if (!equal_ignoring_ascii_case((const char *)name, "html") || external_id != NULL || (system_id != NULL && !legacy)) {
        report_here(ctx, DROPIN_EVERY_READING, "the DOCTYPE must be exactly <!DOCTYPE html>, not one naming '%s' or a DTD", (const char *)name);
    }
    // The parser stops on the internal subset's '[', even one that declares nothing.
    if (ctxt->input->cur[0] == '[') report_subset(ctx);
}

static void report_subset(void *ctx) {
    check_state *state = state_of(ctx);
    if (state->reported_subset) return;
    state->reported_subset = 1;
    report_here(ctx, DROPIN_EVERY_READING, "DTD declarations are not allowed: write <!DOCTYPE html> with nothing inside");
}

static void on_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *public_id,
                           const xmlChar *system_id, xmlChar *content) {
    (void)name; (void)type; (void)public_id; (void)system_id; (void)content;
    report_subset(ctx);
}

static void on_element_decl(void *ctx, const xmlChar *name, int type, xmlElementContentPtr content) {
    (void)name; (void)type; (void)content;
    report_subset(ctx);
}

static void on_attribute_decl(void *ctx, const xmlChar *element, const xmlChar *fullname, int type, int def,
                              const xmlChar *default_value, xmlEnumerationPtr tree) {
    (void)element; (void)fullname; (void)type; (void)def; (void)default_value; (void)tree;
    report_subset(ctx);
}

static void on_processing_instruction(void *ctx, const xmlChar *target, const xmlChar *data) {
    (void)data;
    report_here(ctx, DROPIN_EVERY_READING, "processing instruction <?%s ...?> is not HTML: remove it", (const char *)target);
}

static void on_cdata(void *ctx, const xmlChar *value, int length) {
    (void)value; (void)length;
    report_here(ctx, DROPIN_EVERY_READING, "CDATA sections are not HTML: escape the text instead");
}

static void on_error(void *user_data, xmlErrorPtr error) {
    check_state *state = state_of(user_data);
    int counts = error->level == XML_ERR_FATAL || error->domain == XML_FROM_NAMESPACE;
    // After the first fatal error libxml2 reports a cascade of follow-on errors: keep the first.
    if (!counts || state->saw_fatal) return;
    state->saw_fatal = error->level == XML_ERR_FATAL;
    char message[DROPIN_POLYGLOT_MESSAGE_SIZE];
    snprintf(message, sizeof message, "%s", error->message ? error->message : "not well-formed");
    size_t length = strlen(message);
    while (length > 0 && (message[length - 1] == '\n' || message[length - 1] == ' ')) message[--length] = '\0';
    add_problem(state, error->line, error->int2, 1, "%s", message);
}

void dropin_polyglot_check(const char *text, size_t length, int is_document, dropin_polyglot_result *result) {
    pthread_once(&init_once, init_parser);
    memset(result, 0, sizeof *result);
    // A byte-order mark is no part of the markup; with the encoding fixed, libxml2 would read it
    // as content, so the check starts after it.
    if (length >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
        text += 3;
        length -= 3;
    }
    check_state state = { .result = result, .text = text, .length = length, .is_document = is_document };
    if (length >= 5 && memcmp(text, "<?xml", 5) == 0) {
        add_problem(&state, 1, 1, 0, "an XML declaration (<?xml ...?>) is a comment to a browser: remove it, the page is UTF-8 without it");
    }

    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = on_start_element;
    sax.endElementNs = on_end_element;
    sax.internalSubset = on_internal_subset;
    sax.entityDecl = on_entity_decl;
    sax.elementDecl = on_element_decl;
    sax.attributeDecl = on_attribute_decl;
    sax.processingInstruction = on_processing_instruction;
    sax.cdataBlock = on_cdata;
    sax.characters = on_characters;
    sax.ignorableWhitespace = on_characters;
    sax.comment = on_comment;
    sax.serror = on_error;

    // With no user data, libxml2 hands the parser context itself to every callback.
    xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&sax, NULL, NULL, 0, NULL);
    if (ctxt == NULL) {
        add_problem(&state, 1, 1, 1, "libxml2 could not start a parser (out of memory)");
        return;
    }
    ctxt->_private = &state;
    // The text is UTF-8, whatever it declares or starts like: a declared encoding would make
    // libxml2 re-encode its input, and the byte offsets the rules read the text by drift.
    xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_IGNORE_ENC);
    // Documents over INT_MAX bytes go in pieces, as the push parser takes an int length.
    const size_t piece = 1 << 30;
    size_t offset = 0;
    do {
        size_t size = length - offset < piece ? length - offset : piece;
        int last = offset + size >= length;
        xmlParseChunk(ctxt, text + offset, (int)size, last);
        offset += size;
    } while (offset < length);
    if (is_document && !state.saw_doctype && !state.saw_fatal) {
        add_problem(&state, 1, 1, 0, "the document must start with <!DOCTYPE html>");
    }
    xmlFreeParserCtxt(ctxt);
}
