#ifndef DROPIN_HTML_ELEMENTS_H
#define DROPIN_HTML_ELEMENTS_H

/// What HTML's tree construction does with an element, as far as it builds a tree other than
/// XML's from well-formed markup. Where HTML's parsing changed after html5lib's (2020), a
/// category holds what every reading agrees on, and `E_CLOSES_P_NEWER` what only newer ones do.
enum {
    /// Written `<x/>`: a browser never gives it content.
    E_VOID = 1 << 0,
    /// Its start tag ends an open `<p>` in button scope.
    E_CLOSES_P = 1 << 1,
    /// Ends an open `<p>` in HTML's parsing since html5lib (dialog, search), not in html5lib's.
    E_CLOSES_P_NEWER = 1 << 2,
    /// "Special" in every reading: the search for an open `<li>`, `<dd>` or `<dt>` stops here.
    E_SPECIAL = 1 << 3,
    /// Bounds an element's scope in every reading (applet, caption, html, marquee, object,
    /// table, td, th).
    E_SCOPE = 1 << 4,
    /// Starts a new list of active formatting elements (applet, caption, marquee, object, td, th).
    E_MARKER = 1 << 5,
    E_HEADING = 1 << 6,
    /// Raw text: the content is text, `&` and `<` included (script, style, xmp, iframe,
    /// noembed, noframes, noscript with scripting on).
    E_RAW_TEXT = 1 << 7,
    /// Escapable raw text: text with character references, but no elements (textarea, title).
    E_RCDATA = 1 << 8,
    /// A line feed right after the start tag is dropped (pre, listing, textarea).
    E_LEADING_LF = 1 << 9,
    /// Obsolete elements a browser drops or rewrites.
    E_REFUSED = 1 << 10,
    /// Refused though HTML may build the same tree: obsolete elements, and foreign content
    /// (svg, math), whose names and attributes HTML rewrites by tables dropin does not check.
    E_POLICY = 1 << 13,
    /// A formatting element: kept in HTML's list of active formatting elements.
    E_FORMATTING = 1 << 14,
    /// May stand in `<head>`.
    E_IN_HEAD = 1 << 11,
    /// Table structure: belongs directly in one kind of parent.
    E_TABLE_PART = 1 << 12,
};

/// Elements whose rules name them one by one.
typedef enum {
    EL_OTHER = 0,
    EL_A, EL_BODY, EL_BUTTON, EL_CAPTION, EL_COL, EL_COLGROUP, EL_DD, EL_DT, EL_FORM, EL_HEAD,
    EL_HTML, EL_LI, EL_NOBR, EL_NOSCRIPT, EL_OPTGROUP, EL_OPTION, EL_P, EL_RB, EL_RP, EL_RT,
    EL_RTC, EL_RUBY, EL_SCRIPT, EL_SELECT, EL_STYLE, EL_TABLE, EL_TBODY, EL_TD, EL_TEMPLATE,
    EL_TFOOT, EL_TH, EL_THEAD, EL_TR,
} element_id;

typedef struct {
    element_id id;
    unsigned flags;
} element_kind;

/// What the rules know of an element by its (lowercase) local name; unknown names, custom
/// elements among them, are ordinary: `{EL_OTHER, 0}`.
element_kind html_element_kind(const char *name);

#endif
