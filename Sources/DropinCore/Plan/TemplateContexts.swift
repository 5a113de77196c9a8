// The values each default template receives, named as the templates use them. Mustache shows
// `{{name}}` escaped for the template's context (HTML, or JavaScript in configure.js);
// `{{{name}}}` is the visible opt-out, used only for template-language placeholders.
// They are classes: Mustache holds values as `Any` and casts them to its protocols for every
// name it looks up, and each cast of a struct this size copied it whole into a new box.

/// A page as `page.html` shows it: its frame, its title and its elements. Pages with equal
/// frames share one stencil (`PageStencils`), which their titles and elements fill in.
public final class PageContext: Sendable {
    public let frame: PageFrame
    public let title: String
    public let components: [ElementContext]

    init(frame: PageFrame, title: String, components: [ElementContext]) {
        self.frame = frame
        self.title = title
        self.components = components
    }
}

/// Everything a page shows but its title and elements. A value added here is part of what
/// decides which pages share a stencil, without being named anywhere else.
public struct PageFrame: Hashable, Sendable {
    public let header: String
    public let lang: String
    /// nil when the manifest turns the policy off.
    public let csp: String?
    public let stylesheet: String
    public let dwollaScript: String
    public let configureScript: String
    /// Present when an element waits for parameters from the page's address.
    public let paramsScript: String?
    public let csrfMeta: String?
    public let index: String
}

/// An element as `element.html` and `index-element.html` show it: its shape and its attribute
/// values. Elements of equal shapes share one stencil per partial (`SharedPartials`), which
/// their values fill in.
public final class ElementContext: Sendable {
    public let shape: ElementShape
    /// The attributes' values, in the order of `shape.attributes`.
    public let values: [String]
    /// Each attribute with its value, as the templates list them.
    public let attributes: [AttributeContext]

    init(shape: ElementShape, values: [String]) {
        self.shape = shape
        self.values = values
        attributes = zip(shape.attributes, values).map { AttributeContext(shape: $0, value: $1) }
    }
}

/// Everything an element shows but its attribute values. A value added here is part of what
/// decides which elements share a stencil, without being named anywhere else.
public struct ElementShape: Hashable, Sendable {
    public let tag: String
    public let summary: String
    public let attributes: [AttributeShape]
    /// Parameters the element waits for; the page's params.js sets them before dwolla-web.js
    /// sees the element, which is why such an element starts inside a `<template>`.
    public let params: [ParamContext]
    public let deferred: Bool
    public let actions: [String]
}

/// An attribute but for its value.
public struct AttributeShape: Hashable, Sendable {
    public let name: String
    /// A template-language expression written unescaped in place of the value (snippets only).
    public let placeholder: String
}

public final class AttributeContext: Sendable {
    public let shape: AttributeShape
    public let value: String

    init(shape: AttributeShape, value: String) {
        self.shape = shape
        self.value = value
    }
}

public struct ParamContext: Hashable, Sendable {
    public let attribute: String
    public let name: String
}

/// A page's elements as a snippet for the app's own templates; the head snippet brings the
/// scripts they need.
public final class SnippetContext: Sendable {
    public let header: String
    public let components: [ElementContext]

    init(header: String, components: [ElementContext]) {
        self.header = header
        self.components = components
    }
}

/// The head snippet: what a page needs once, however many element snippets it includes.
public final class SnippetHeadContext: Sendable {
    public let header: String
    public let dwollaScript: String
    public let configureScript: String
    /// The CSRF meta tag's name, in `token.mode: function`.
    public let csrfMeta: String?
    /// The template-language expression that writes the app's CSRF token, unescaped.
    public let csrfToken: String

    init(header: String, dwollaScript: String, configureScript: String, csrfMeta: String?, csrfToken: String) {
        self.header = header
        self.dwollaScript = dwollaScript
        self.configureScript = configureScript
        self.csrfMeta = csrfMeta
        self.csrfToken = csrfToken
    }
}

public final class ConfigureContext: Sendable {
    public let header: String
    /// The ES module form for bundlers (an exported `configureDropin()`), instead of the script.
    public let module: Bool
    public let environment: String
    /// The script's stylesheet is relative to configure.js, which resolves it against its own
    /// address; the module's is the path the site serves it at, as a bundle moves the module.
    public let styles: String
    public let tokenURL: String
    public let tokenFunction: Bool
    public let csrfMeta: String
    public let csrfHeader: String
    public let success: String?
    public let error: String?
    /// `dwolla.configure`'s `userAgent`, when the manifest sets one.
    public let userAgent: String?

    init(header: String, module: Bool, environment: String, styles: String, tokenURL: String, tokenFunction: Bool, csrfMeta: String,
         csrfHeader: String, success: String?, error: String?, userAgent: String?) {
        self.header = header
        self.module = module
        self.environment = environment
        self.styles = styles
        self.tokenURL = tokenURL
        self.tokenFunction = tokenFunction
        self.csrfMeta = csrfMeta
        self.csrfHeader = csrfHeader
        self.success = success
        self.error = error
        self.userAgent = userAgent
    }
}

public final class ParamsContext: Sendable {
    public let header: String
    public let checks: [ParamCheck]

    init(header: String, checks: [ParamCheck]) {
        self.header = header
        self.checks = checks
    }
}

/// What params.js requires of one attribute's parameter on one component.
public final class ParamCheck: Sendable {
    /// `tag attribute`, the attribute in lowercase as it stands in the page.
    public let key: String
    /// uuid, url, amount, choice or text.
    public let kind: String
    public let required: Bool
    /// Taken only from the page as the server made it, never from its address.
    public let serverOnly: Bool
    public let choices: [String]

    init(tag: String, attribute: String, spec: AttributeSpec) {
        key = "\(tag) \(attribute.lowercased())"
        switch spec.kind {
        case .uuid: kind = "uuid"
        case .url: kind = "url"
        case .amount: kind = "amount"
        case .choice: kind = "choice"
        case .text, .boolean: kind = "text"
        }
        required = spec.isRequired
        // An amount decides money, like the pay-in's token and blob: the address never sets it.
        serverOnly = spec.isPerRequest || spec.kind == .amount
        if case .choice(let values) = spec.kind { choices = values } else { choices = [] }
    }
}

/// A token route's code, which shows nothing of the manifest but the header (it reads the
/// allowlist at run time); for Node, as CommonJS or as an ES module.
public final class TokenRouteCodeContext: Sendable {
    public let header: String
    public let module: Bool

    init(header: String, module: Bool) {
        self.header = header
        self.module = module
    }
}

public final class IndexContext: Sendable {
    public let header: String
    public let lang: String
    public let title: String
    public let csp: String?
    public let stylesheet: String
    public let environment: String
    public let dwollaWeb: String
    public let pages: [IndexPageContext]

    init(header: String, lang: String, title: String, csp: String?, stylesheet: String, environment: String,
         dwollaWeb: String, pages: [IndexPageContext]) {
        self.header = header
        self.lang = lang
        self.title = title
        self.csp = csp
        self.stylesheet = stylesheet
        self.environment = environment
        self.dwollaWeb = dwollaWeb
        self.pages = pages
    }
}

public final class IndexPageContext: Sendable {
    public let title: String
    public let href: String
    public let path: String
    public let components: [ElementContext]

    init(title: String, href: String, path: String, components: [ElementContext]) {
        self.title = title
        self.href = href
        self.path = path
        self.components = components
    }
}

public final class StylesheetContext: Sendable {
    public let header: String
    public let sharedHooks: [String]
    public let components: [StylesheetComponentContext]

    init(header: String, sharedHooks: [String], components: [StylesheetComponentContext]) {
        self.header = header
        self.sharedHooks = sharedHooks
        self.components = components
    }
}

public final class StylesheetComponentContext: Sendable {
    public let tag: String
    public let summary: String
    public let hooks: [String]

    init(tag: String, summary: String, hooks: [String]) {
        self.tag = tag
        self.summary = summary
        self.hooks = hooks
    }
}
