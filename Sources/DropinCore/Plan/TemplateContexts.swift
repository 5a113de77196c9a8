// The values each default template receives, named as the templates use them. Mustache shows
// `{{name}}` escaped for the template's context (HTML, or JavaScript in configure.js);
// `{{{name}}}` is the visible opt-out, used only for template-language placeholders.

public struct PageContext: Sendable {
    public let header: String
    public let lang: String
    public let title: String
    /// nil when the manifest turns the policy off.
    public let csp: String?
    public let stylesheet: String
    public let dwollaScript: String
    public let configureScript: String
    /// Present when an element waits for parameters from the page's address.
    public let paramsScript: String?
    public let csrfMeta: String?
    public let index: String
    public let components: [ElementContext]
}

public struct ElementContext: Sendable {
    public let tag: String
    public let summary: String
    public let attributes: [AttributeContext]
    /// Parameters the element waits for; the page's params.js sets them before dwolla-web.js
    /// sees the element, which is why such an element starts inside a `<template>`.
    public let params: [ParamContext]
    public let deferred: Bool
    public let actions: [String]
}

public struct AttributeContext: Sendable {
    public let name: String
    public let value: String
    /// A template-language expression written unescaped in place of the value (snippets only).
    public let placeholder: String
}

public struct ParamContext: Sendable {
    public let attribute: String
    public let name: String
}

public struct SnippetContext: Sendable {
    public let header: String
    public let dwollaScript: String
    public let configureScript: String
    public let components: [ElementContext]
}

public struct ConfigureContext: Sendable {
    public let header: String
    public let environment: String
    /// The stylesheet relative to configure.js, which resolves it against its own address.
    public let styles: String
    public let tokenURL: String
    public let tokenFunction: Bool
    public let csrfMeta: String
    public let csrfHeader: String
    public let success: String?
    public let error: String?
}

public struct ParamsContext: Sendable {
    public let header: String
}

public struct IndexContext: Sendable {
    public let header: String
    public let lang: String
    public let title: String
    public let csp: String?
    public let stylesheet: String
    public let environment: String
    public let dwollaWeb: String
    public let pages: [IndexPageContext]
}

public struct IndexPageContext: Sendable {
    public let title: String
    public let href: String
    public let path: String
    public let components: [ElementContext]
}

public struct StylesheetContext: Sendable {
    public let header: String
    public let sharedHooks: [String]
    public let components: [StylesheetComponentContext]
}

public struct StylesheetComponentContext: Sendable {
    public let tag: String
    public let summary: String
    public let hooks: [String]
}
