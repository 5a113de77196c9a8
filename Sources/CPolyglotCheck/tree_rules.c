// HTML's tree construction, checked on the events of libxml2's XML parser: each rule refuses
// well-formed markup from which an HTML parser builds another tree than the XML parser does
// (https://html.spec.whatwg.org/multipage/parsing.html#tree-construction, and the W3C note
// "Polyglot Markup"). The markup is well-formed, so every end tag closes the current node; what
// differs is what a start tag, text or a comment does to the elements already open.

#include "check_state.h"

#include <string.h>

size_t tree_cursor_offset(xmlParserCtxtPtr ctxt, const check_state *state) {
    size_t offset = (size_t)ctxt->input->consumed + (size_t)(ctxt->input->cur - ctxt->input->base);
    return offset < state->length ? offset : state->length;
}

static open_element *current_node(check_state *state) {
    return state->open_count > 0 ? &state->open[state->open_count - 1] : NULL;
}

/// Whether an element `id` is open with no scope boundary above it (HTML's "has an element in
/// scope", or "in button scope" with `button_scope`).
static int in_scope(check_state *state, element_id id, int button_scope) {
    for (int index = state->open_count - 1; index >= 0; index--) {
        const open_element *node = &state->open[index];
        if (node->kind.id == id) return 1;
        if (node->kind.flags & E_SCOPE) return 0;
        if (button_scope && node->kind.id == EL_BUTTON) return 0;
    }
    return 0;
}

static int is_open(check_state *state, element_id id) {
    for (int index = 0; index < state->open_count; index++) {
        if (state->open[index].kind.id == id) return 1;
    }
    return 0;
}

/// Inside a table cell or caption, where html5lib keeps the line feed HTML drops after `<pre>`.
static int in_cell(check_state *state) {
    for (int index = state->open_count - 1; index >= 0; index--) {
        element_id id = state->open[index].kind.id;
        if (id == EL_TD || id == EL_TH || id == EL_CAPTION) return 1;
        if (id == EL_TABLE) return 0;
    }
    return 0;
}

static int is_whitespace(const xmlChar *text, int length) {
    for (int index = 0; index < length; index++) {
        xmlChar c = text[index];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') return 0;
    }
    return 1;
}

/// The first code point HTML's parser reports as a parse error that XML accepts: a control
/// character (carriage return, DEL, C1) or a noncharacter; 0 when there is none.
static unsigned refused_code_point(const xmlChar *text, size_t length) {
    for (size_t index = 0; index < length; index++) {
        xmlChar c = text[index];
        if (c < 0x7f && c != '\r') continue;
        if (c == '\r' || c == 0x7f) return c;
        if (c == 0xc2 && index + 1 < length && text[index + 1] < 0xa0) return text[index + 1];
        if (c == 0xef && index + 2 < length) {
            unsigned point = ((c & 0x0fu) << 12) | ((text[index + 1] & 0x3fu) << 6) | (text[index + 2] & 0x3fu);
            if ((point >= 0xfdd0 && point <= 0xfdef) || point >= 0xfffe) return point;
        }
        if (c >= 0xf0 && index + 3 < length) {
            unsigned point = ((c & 0x07u) << 18) | ((text[index + 1] & 0x3fu) << 12)
                | ((text[index + 2] & 0x3fu) << 6) | (text[index + 3] & 0x3fu);
            if ((point & 0xfffe) == 0xfffe) return point;
        }
    }
    return 0;
}

static void check_code_points(void *ctx, const xmlChar *text, size_t length, const char *where) {
    unsigned point = refused_code_point(text, length);
    if (point == '\r') {
        report_here(ctx, DROPIN_EVERY_READING, "a carriage return (&#13;) in %s is a parse error in HTML: write &#10; for a line break", where);
    } else if (point != 0) {
        report_here(ctx, DROPIN_EVERY_READING, "U+%04X in %s is a control character or noncharacter, a parse error in HTML: remove it", point, where);
    }
}

void tree_check_name(void *ctx, const char *name) {
    check_code_points(ctx, (const xmlChar *)name, strlen(name), "a name");
}

/// XML reads a tab or line break inside an attribute value as a space; HTML keeps it.
static void check_raw_attribute_whitespace(void *ctx, check_state *state) {
    const char *tag = state->text + state->tag_start;
    size_t length = state->tag_end - state->tag_start;
    // Nearly every tag has none of the three: look for them first, quotes only then.
    if (!memchr(tag, '\n', length) && !memchr(tag, '\t', length) && !memchr(tag, '\r', length)) return;
    char quote = 0;
    for (size_t index = 0; index < length; index++) {
        char c = tag[index];
        if (quote) {
            if (c == quote) quote = 0;
            else if (c == '\n' || c == '\t' || c == '\r') {
                report_here(ctx, DROPIN_EVERY_READING, "an attribute value holds a raw %s, which XML reads as a space and HTML keeps: write %s instead",
                            c == '\t' ? "tab" : "line break", c == '\t' ? "&#9;" : "&#10;");
                return;
            }
        } else if (c == '"' || c == '\'') {
            quote = c;
        }
    }
}

static void check_attributes(void *ctx, const char *name, int attribute_count, const xmlChar **attributes, int foreign) {
    // libxml2 passes five pointers per attribute: localname, prefix, URI, value, end.
    for (int index = 0; index < attribute_count; index++) {
        const xmlChar **attribute = &attributes[index * 5];
        if (attribute[1] != NULL && !foreign) {
            report_here(ctx, DROPIN_EVERY_READING, "attribute '%s:%s' on <%s> has a namespace only XML reads (HTML sees an attribute named '%s:%s' in none): %s",
                        (const char *)attribute[1], (const char *)attribute[0], name, (const char *)attribute[1], (const char *)attribute[0],
                        strcmp((const char *)attribute[1], "xml") == 0 && strcmp((const char *)attribute[0], "lang") == 0
                            ? "write lang=\"...\" alone" : "remove the prefix");
        }
        check_code_points(ctx, attribute[3], (size_t)(attribute[4] - attribute[3]), "an attribute value");
    }
}

static const char *table_part_parent(element_id id) {
    switch (id) {
    case EL_CAPTION: case EL_COLGROUP: case EL_THEAD: case EL_TBODY: case EL_TFOOT: return "<table>";
    case EL_COL: return "<colgroup>";
    case EL_TR: return "<thead>, <tbody> or <tfoot> (a browser adds a <tbody> around rows written in <table>)";
    default: return "<tr>";
    }
}

static int is_table_part_parent(element_id part, element_id parent) {
    switch (part) {
    case EL_CAPTION: case EL_COLGROUP: case EL_THEAD: case EL_TBODY: case EL_TFOOT: return parent == EL_TABLE;
    case EL_COL: return parent == EL_COLGROUP;
    case EL_TR: return parent == EL_THEAD || parent == EL_TBODY || parent == EL_TFOOT;
    default: return parent == EL_TR;
    }
}

static int is_script_like(element_id id) {
    return id == EL_SCRIPT || id == EL_STYLE;
}

/// What a parent that holds only some elements refuses: 1 when the child may not stand there.
static int check_restricted_parent(void *ctx, const open_element *parent, const char *name, element_kind kind) {
    element_id id = kind.id, of = parent->kind.id;
    if (parent->kind.flags & (E_RAW_TEXT | E_RCDATA)) {
        int noscript = of == EL_NOSCRIPT;
        report_here(ctx, noscript ? DROPIN_OTHER_READING : DROPIN_EVERY_READING, "<%s> holds text only: a browser reads the <%s> tag inside it as text%s; move it out",
                    parent->name, name, noscript ? " (with scripting on, as browsers run)" : "");
        return 1;
    }
    switch (of) {
    case EL_HTML:
        if ((id == EL_HEAD && parent->element_children == 0) || (id == EL_BODY && parent->element_children == 1)) return 0;
        report_here(ctx, DROPIN_EVERY_READING, "<html> holds <head> and then <body>, nothing else: a browser moves <%s> elsewhere", name);
        return 1;
    case EL_HEAD:
        if (id == EL_TEMPLATE) {
            report_here(ctx, DROPIN_EVERY_READING, "<template> in <head> is misplaced by html5lib's parsing (2020), unlike a browser's: put it in <body>");
            return 1;
        }
        if (kind.flags & E_IN_HEAD) return 0;
        report_here(ctx, DROPIN_EVERY_READING, "<%s> in <head> ends the head in a browser, which moves it into <body>: put it in <body>", name);
        return 1;
    case EL_TABLE:
        if (id == EL_CAPTION || id == EL_COLGROUP || id == EL_THEAD || id == EL_TBODY || id == EL_TFOOT || is_script_like(id)) return 0;
        break;
    case EL_THEAD: case EL_TBODY: case EL_TFOOT:
        if (id == EL_TR || is_script_like(id)) return 0;
        break;
    case EL_TR:
        if (id == EL_TD || id == EL_TH || is_script_like(id)) return 0;
        break;
    case EL_COLGROUP:
        if (id == EL_COL) return 0;
        report_here(ctx, DROPIN_EVERY_READING, "<colgroup> holds only <col>: a browser ends it at <%s>", name);
        return 1;
    case EL_SELECT: case EL_OPTGROUP: case EL_OPTION:
        if (!parent->in_select) return 0;
        if (id == EL_SCRIPT) return 0;
        if (id == EL_OPTION && of != EL_OPTION) return 0;
        if (id == EL_OPTGROUP && of == EL_SELECT) return 0;
        report_here(ctx, DROPIN_EVERY_READING, "<%s> in a <select> holds %s: html5lib's parsing drops or moves <%s>, and the select parsing of 2025 keeps more, so the readings differ; write it outside the <select>",
                    parent->name, of == EL_SELECT ? "only <option>, <optgroup> and <script>"
                                  : of == EL_OPTGROUP ? "only <option> and <script>" : "text only", name);
        return 1;
    default:
        return 0;
    }
    if (kind.flags & E_TABLE_PART) return 0;  // in a table part's wrong place: its own rule says where
    if (id == EL_TEMPLATE) {
        report_here(ctx, DROPIN_EVERY_READING, "<template> directly in <%s> is misplaced by html5lib's parsing (2020), unlike a browser's: put it in a <td> or <th>", parent->name);
        return 1;
    }
    report_here(ctx, DROPIN_EVERY_READING, "<%s> directly in <%s> is moved before the table by a browser: put it in a <td> or <th>", name, parent->name);
    return 1;
}

/// Start tags that make an HTML parser close elements the XML parser keeps open.
static void check_implied_ends(void *ctx, check_state *state, const char *name, element_kind kind) {
    open_element *current = current_node(state);
    if ((kind.flags & (E_CLOSES_P | E_CLOSES_P_NEWER)) && in_scope(state, EL_P, 1)) {
        int newer = !(kind.flags & E_CLOSES_P);
        report_here(ctx, newer ? DROPIN_OTHER_READING : DROPIN_EVERY_READING, "<%s> inside <p> ends the <p> in a browser%s: close the <p> first, or use a <div> around both",
                    name, newer ? " (in HTML's parsing since html5lib's; html5lib keeps it)" : "");
    }
    if ((kind.flags & E_HEADING) && current && (current->kind.flags & E_HEADING)) {
        report_here(ctx, DROPIN_EVERY_READING, "<%s> directly inside <%s> ends the heading in a browser: close <%s> first", name, current->name, current->name);
    }
    if (kind.id == EL_LI || kind.id == EL_DD || kind.id == EL_DT) {
        for (int index = state->open_count - 1; index >= 0; index--) {
            const open_element *node = &state->open[index];
            int same = kind.id == EL_LI ? node->kind.id == EL_LI : (node->kind.id == EL_DD || node->kind.id == EL_DT);
            if (same) {
                report_here(ctx, DROPIN_EVERY_READING, "<%s> inside <%s> ends the <%s> in a browser: nest it in its own %s", name, node->name, node->name,
                            kind.id == EL_LI ? "<ul> or <ol>" : "<dl>");
                break;
            }
            if ((node->kind.flags & E_SPECIAL) && strcmp(node->name, "address") != 0 && strcmp(node->name, "div") != 0
                && node->kind.id != EL_P) break;
        }
    }
    if (kind.id == EL_BUTTON && in_scope(state, EL_BUTTON, 0)) {
        report_here(ctx, DROPIN_EVERY_READING, "<button> inside <button> ends the outer button in a browser: buttons cannot nest");
    }
    if (kind.id == EL_NOBR && in_scope(state, EL_NOBR, 0)) {
        report_here(ctx, DROPIN_EVERY_READING, "<nobr> inside <nobr> ends the outer one in a browser: remove the inner one");
    }
    if (kind.id == EL_A) {
        for (int index = state->open_count - 1; index >= 0 && !(state->open[index].kind.flags & E_MARKER); index--) {
            if (state->open[index].kind.id == EL_A) {
                report_here(ctx, DROPIN_EVERY_READING, "<a> inside <a> ends the outer link in a browser: links cannot nest");
                break;
            }
        }
    }
    if (kind.id == EL_FORM && is_open(state, EL_FORM)) {
        report_here(ctx, DROPIN_EVERY_READING, "<form> inside <form> is dropped by a browser: forms cannot nest; close the outer form first");
    }
    if ((kind.id == EL_OPTION || kind.id == EL_OPTGROUP) && current && current->kind.id == EL_OPTION && !current->in_select) {
        report_here(ctx, DROPIN_EVERY_READING, "<%s> directly inside <option> ends the option in a browser: make them siblings", name);
    }
    if ((kind.id == EL_RP || kind.id == EL_RT) && in_scope(state, EL_RUBY, 0) && current && current->kind.id != EL_RUBY) {
        report_here(ctx, DROPIN_EVERY_READING, "<%s> belongs directly in its <ruby>: a browser closes <%s> before it", name, current->name);
    }
    if ((kind.id == EL_RB || kind.id == EL_RTC) && in_scope(state, EL_RUBY, 0) && current
        && (current->kind.id == EL_RB || current->kind.id == EL_RP || current->kind.id == EL_RT || current->kind.id == EL_RTC)) {
        report_here(ctx, DROPIN_OTHER_READING, "<%s> inside <%s> ends the <%s> in a browser (html5lib keeps it): make them siblings in the <ruby>",
                    name, current->name, current->name);
    }
}

static void check_placement(void *ctx, check_state *state, const char *name, element_kind kind) {
    open_element *parent = current_node(state);
    if (kind.flags & E_REFUSED) {
        report_here(ctx, DROPIN_EVERY_READING, "<%s> is obsolete, and a browser drops or rewrites it: remove it", name);
        return;
    }
    if (kind.flags & E_POLICY) {
        if (strcmp(name, "svg") == 0 || strcmp(name, "math") == 0) {
            report_here(ctx, DROPIN_POLICY, "inline <%s> is not checked by dropin (HTML rewrites its element and attribute names): use an image file, <img src=\"...\" alt=\"...\" />", name);
        } else {
            // <command> is no element at all to HTML's parsing since html5lib's, so not closed at once.
            report_here(ctx, strcmp(name, "command") == 0 ? DROPIN_OTHER_READING : DROPIN_POLICY,
                        "<%s> is obsolete, and browsers disagree on it: remove it", name);
        }
        return;
    }
    if ((kind.id == EL_HTML && parent != NULL) || ((kind.id == EL_HEAD || kind.id == EL_BODY) && !(parent && parent->kind.id == EL_HTML))) {
        report_here(ctx, DROPIN_EVERY_READING, "<%s> may only be %s: a browser drops it here and merges its attributes",
                    name, kind.id == EL_HTML ? "the page's root" : "a child of <html>");
        return;
    }
    if (parent && check_restricted_parent(ctx, parent, name, kind)) return;
    if ((kind.flags & E_TABLE_PART) && !(parent && is_table_part_parent(kind.id, parent->kind.id))) {
        report_here(ctx, DROPIN_EVERY_READING, "<%s> belongs directly in %s: elsewhere a browser drops it or adds elements around it", name, table_part_parent(kind.id));
    }
}

static int is_foreign_root(const char *name) {
    return strcmp(name, "svg") == 0 || strcmp(name, "math") == 0;
}

int tree_in_foreign_content(check_state *state) {
    return state->foreign_depth > 0;
}

/// An order-free digest of the attributes, as HTML's list of active formatting elements
/// compares them: by name and value.
static unsigned long long attribute_digest(int attribute_count, const xmlChar **attributes) {
    unsigned long long total = 0;
    for (int index = 0; index < attribute_count; index++) {
        const xmlChar **attribute = &attributes[index * 5];
        unsigned long long hash = 0xcbf29ce484222325ULL;
        for (const xmlChar *c = attribute[0]; *c; c++) hash = (hash ^ *c) * 0x100000001b3ULL;
        hash = (hash ^ '=') * 0x100000001b3ULL;
        for (const xmlChar *c = attribute[3]; c < attribute[4]; c++) hash = (hash ^ *c) * 0x100000001b3ULL;
        total += hash;
    }
    return total;
}

/// HTML's "Noah's Ark" clause: of four identical formatting elements open since the last
/// marker, the list of active formatting elements forgets the earliest.
static void remember_formatting(check_state *state, open_element *node) {
    int identical = 0, earliest = -1;
    for (int index = state->open_count - 2; index >= 0 && !(state->open[index].kind.flags & E_MARKER); index--) {
        const open_element *other = &state->open[index];
        if (other->is_formatting && other->in_formatting_list && strcmp(other->name, node->name) == 0
            && other->attribute_count == node->attribute_count && other->attribute_digest == node->attribute_digest) {
            identical++;
            earliest = index;
        }
    }
    if (identical >= 3) state->open[earliest].in_formatting_list = 0;
}

/// The end tag of a formatting element the list forgot: html5lib then ends another one of the
/// same name that the list still holds.
static void check_forgotten_formatting(void *ctx, check_state *state, const open_element *node) {
    for (int index = state->open_count - 2; index >= 0 && !(state->open[index].kind.flags & E_MARKER); index--) {
        const open_element *other = &state->open[index];
        if (other->is_formatting && other->in_formatting_list && strcmp(other->name, node->name) == 0) {
            report_here(ctx, DROPIN_EVERY_READING, "four identical <%s> nested inside another <%s>: HTML's parser forgets the outermost of the four and ends the wrong one; nest fewer, or give them other attributes",
                        node->name, node->name);
            return;
        }
    }
}

void tree_start_element(void *ctx, const char *name, element_kind kind, int attribute_count, const xmlChar **attributes) {
    check_state *state = state_of(ctx);
    int is_root = state->open_count == 0;
    int foreign = tree_in_foreign_content(state);
    // A snippet is checked inside a synthetic root element that HTML never sees.
    if ((!is_root || state->is_document) && !foreign) {
        check_placement(ctx, state, name, kind);
        check_implied_ends(ctx, state, name, kind);
    }
    check_attributes(ctx, name, attribute_count, attributes, foreign);
    check_raw_attribute_whitespace(ctx, state);

    open_element *parent = current_node(state);
    if (parent) {
        parent->element_children++;
        parent->saw_content = 1;
    }
    if (state->open_count == DROPIN_MAX_OPEN_ELEMENTS) {
        if (state->overflow++ == 0) {
            report_here(ctx, DROPIN_POLICY, "elements nested deeper than %d are not checked by dropin: nest them less deeply", DROPIN_MAX_OPEN_ELEMENTS);
        }
        return;
    }
    open_element *node = &state->open[state->open_count++];
    // The parser calls this with its cursor on the tag's end: "/>" or ">".
    *node = (open_element){
        .name = name, .kind = kind, .content_start = state->tag_end + 1,
        .in_select = kind.id == EL_SELECT || (parent && parent->in_select),
        .in_head = parent && parent->kind.id == EL_HEAD,
        .is_formatting = (kind.flags & E_FORMATTING) != 0, .in_formatting_list = 1,
        .attribute_count = attribute_count, .attribute_digest = attribute_digest(attribute_count, attributes),
    };
    if (node->is_formatting) remember_formatting(state, node);
    if ((kind.flags & E_POLICY) && is_foreign_root(name)) state->foreign_depth++;
}

/// Raw text is not decoded: `&amp;` in a `<script>` is those five characters to a browser.
static void check_raw_text(void *ctx, check_state *state, const open_element *node, size_t end) {
    size_t close = end;
    while (close > node->content_start && !(close + 1 < state->length && state->text[close] == '<' && state->text[close + 1] == '/')) close--;
    if (close <= node->content_start) return;
    const char *ampersand = memchr(state->text + node->content_start, '&', close - node->content_start);
    if (ampersand == NULL) return;
    int noscript = node->kind.id == EL_NOSCRIPT;
    report_here(ctx, noscript ? DROPIN_OTHER_READING : DROPIN_EVERY_READING, "'&' in <%s> is not decoded by a browser, which reads its content as raw text%s: write the character itself",
                node->name, noscript ? " (with scripting on)" : "");
}

void tree_end_element(void *ctx) {
    xmlParserCtxtPtr ctxt = ctx;
    check_state *state = state_of(ctx);
    if (state->overflow > 0) {
        state->overflow--;
        return;
    }
    if (state->open_count == 0) return;
    open_element *node = &state->open[state->open_count - 1];
    if ((node->kind.flags & E_RAW_TEXT) && node->saw_content) check_raw_text(ctx, state, node, tree_cursor_offset(ctxt, state));
    if (node->is_formatting && !node->in_formatting_list) check_forgotten_formatting(ctx, state, node);
    if ((node->kind.flags & E_POLICY) && is_foreign_root(node->name)) state->foreign_depth--;
    if (node->kind.id == EL_HTML && node->element_children != 2) {
        report_here(ctx, DROPIN_EVERY_READING, "<html> must hold <head> and <body>: a browser adds the missing one");
    }
    state->open_count--;
}

void tree_characters(void *ctx, const xmlChar *text, int length) {
    check_state *state = state_of(ctx);
    open_element *parent = current_node(state);
    if (parent == NULL) return;
    if (!parent->saw_content && (parent->kind.flags & E_LEADING_LF) && length > 0 && text[0] == '\n') {
        report_here(ctx, in_cell(state) ? DROPIN_OTHER_READING : DROPIN_EVERY_READING,
                    "a line break right after <%s> is dropped by a browser: start the content on the same line, or begin it with two line breaks", parent->name);
    }
    parent->saw_content = 1;
    check_code_points(ctx, text, (size_t)length, "text");
    if (is_whitespace(text, length)) return;
    switch (parent->kind.id) {
    case EL_HTML: case EL_HEAD:
        report_here(ctx, DROPIN_EVERY_READING, "text directly in <%s> starts the body in a browser: put it in <body>", parent->name);
        break;
    case EL_TABLE: case EL_THEAD: case EL_TBODY: case EL_TFOOT: case EL_TR: case EL_COLGROUP:
        report_here(ctx, DROPIN_EVERY_READING, "text directly in <%s> is moved before the table by a browser: put it in a <td> or <th>", parent->name);
        break;
    case EL_NOSCRIPT:
        if (parent->in_head) {
            report_here(ctx, DROPIN_EVERY_READING, "text in a <noscript> in <head> ends the head in a browser with scripting off: put the <noscript> in <body>");
        }
        break;
    default:
        break;
    }
}

void tree_comment(void *ctx, const xmlChar *text) {
    check_state *state = state_of(ctx);
    open_element *parent = current_node(state);
    if (text[0] == '>' || (text[0] == '-' && text[1] == '>')) {
        report_here(ctx, DROPIN_EVERY_READING, "a comment starting with '%s' ends at once in a browser: begin it with a space", text[0] == '>' ? ">" : "->");
    }
    check_code_points(ctx, text, strlen((const char *)text), "a comment");
    if (parent == NULL) return;
    if (parent->kind.flags & (E_RAW_TEXT | E_RCDATA)) {
        int noscript = parent->kind.id == EL_NOSCRIPT;
        report_here(ctx, noscript ? DROPIN_OTHER_READING : DROPIN_EVERY_READING, "a comment inside <%s> is text to a browser%s: remove it", parent->name,
                    noscript ? " (with scripting on)" : "");
    }
    parent->saw_content = 1;
}
