import Mustache

// Each context names its values for Mustache directly. Without this Mustache finds them by
// reflection (Mirror), which cost most of a build's time (BENCHMARKS.md).

extension TemplateInput {
    /// The values as the template looks them up.
    var context: any MustacheParent & Sendable {
        switch self {
        case .page(let context): context
        case .snippet(let context): context
        case .snippetHead(let context): context
        case .index(let context): context
        case .configure(let context): context
        case .params(let context): context
        case .stylesheet(let context): context
        case .nodeTokenRoute(let context), .pythonTokenRoute(let context), .rubyTokenRoute(let context), .phpTokenRoute(let context): context
        }
    }
}

extension PageContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": return MustacheText(title)
        case "components": return components
        default: return frame.child(named: name)
        }
    }
}

extension PageFrame {
    func child(named name: String) -> Any? {
        switch name {
        case "header": return MustacheText(header)
        case "lang": return MustacheText(lang)
        case "csp": return csp.map(MustacheText.init)
        case "stylesheet": return MustacheText(stylesheet)
        case "dwollaScript": return MustacheText(dwollaScript)
        case "configureScript": return MustacheText(configureScript)
        case "paramsScript": return paramsScript.map(MustacheText.init)
        case "csrfMeta": return csrfMeta.map(MustacheText.init)
        case "index": return MustacheText(index)
        default: return nil
        }
    }
}

extension ElementContext: MustacheParent {
    public func child(named name: String) -> Any? {
        name == "attributes" ? attributes : shape.child(named: name)
    }
}

extension ElementShape {
    func child(named name: String) -> Any? {
        switch name {
        case "tag": return MustacheText(tag)
        case "summary": return MustacheText(summary)
        case "params": return params
        case "deferred": return deferred
        case "actions": return actions
        default: return nil
        }
    }
}

extension AttributeContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": return MustacheText(shape.name)
        case "value": return MustacheText(value)
        case "placeholder": return MustacheText(shape.placeholder)
        default: return nil
        }
    }
}

extension ParamContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "attribute": return MustacheText(attribute)
        case "name": return MustacheText(self.name)
        default: return nil
        }
    }
}

extension SnippetContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "header": return MustacheText(header)
        case "components": return components
        default: return nil
        }
    }
}

extension SnippetHeadContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "header": return MustacheText(header)
        case "dwollaScript": return MustacheText(dwollaScript)
        case "configureScript": return MustacheText(configureScript)
        case "csrfMeta": return csrfMeta.map(MustacheText.init)
        case "csrfToken": return MustacheText(csrfToken)
        default: return nil
        }
    }
}

extension ConfigureContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "header": return MustacheText(header)
        case "module": return module
        case "environment": return MustacheText(environment)
        case "styles": return MustacheText(styles)
        case "tokenURL": return MustacheText(tokenURL)
        case "tokenFunction": return tokenFunction
        case "csrfMeta": return MustacheText(csrfMeta)
        case "csrfHeader": return MustacheText(csrfHeader)
        case "success": return success.map(MustacheText.init)
        case "error": return error.map(MustacheText.init)
        case "userAgent": return userAgent.map(MustacheText.init)
        default: return nil
        }
    }
}

extension ParamsContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "header": return MustacheText(header)
        case "checks": return checks
        default: return nil
        }
    }
}

extension ParamCheck: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "key": return MustacheText(key)
        case "kind": return MustacheText(kind)
        case "required": return required
        case "serverOnly": return serverOnly
        case "choices": return choices.map(MustacheText.init)
        default: return nil
        }
    }
}

extension TokenRouteCodeContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "header": return MustacheText(header)
        case "module": return module
        default: return nil
        }
    }
}

extension IndexContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "header": return MustacheText(header)
        case "lang": return MustacheText(lang)
        case "title": return MustacheText(title)
        case "csp": return csp.map(MustacheText.init)
        case "stylesheet": return MustacheText(stylesheet)
        case "environment": return MustacheText(environment)
        case "dwollaWeb": return MustacheText(dwollaWeb)
        case "pages": return pages
        default: return nil
        }
    }
}

extension IndexPageContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": return MustacheText(title)
        case "href": return MustacheText(href)
        case "path": return MustacheText(path)
        case "components": return components
        default: return nil
        }
    }
}

extension StylesheetContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "header": return MustacheText(header)
        case "sharedHooks": return sharedHooks
        case "components": return components
        default: return nil
        }
    }
}

extension StylesheetComponentContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "tag": return MustacheText(tag)
        case "summary": return MustacheText(summary)
        case "hooks": return hooks
        default: return nil
        }
    }
}

/// A text value as Mustache renders it. Mustache renders a plain String by asking the runtime how
/// to describe it, a handful of dynamic casts for every value a page shows.
struct MustacheText: MustacheCustomRenderable {
    let renderText: String
    var isNull: Bool { false }

    init(_ text: String) {
        renderText = text
    }
}

/// Transforms (`{{uppercased(title)}}`) work on a text value as they would on a String.
extension MustacheText: MustacheTransformable {
    func transform(_ name: String) -> Any? {
        renderText.transform(name)
    }
}
