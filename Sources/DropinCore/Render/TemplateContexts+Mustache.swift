import Mustache

// Each context names its values for Mustache directly. Without this Mustache finds them by
// reflection (Mirror), which was two thirds of a build's time.

extension PageContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "header": return header
        case "lang": return lang
        case "title": return title
        case "csp": return csp
        case "stylesheet": return stylesheet
        case "dwollaScript": return dwollaScript
        case "configureScript": return configureScript
        case "paramsScript": return paramsScript
        case "csrfMeta": return csrfMeta
        case "index": return index
        case "components": return components
        default: return nil
        }
    }
}

extension ElementContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "tag": return tag
        case "summary": return summary
        case "attributes": return attributes
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
        case "name": return self.name
        case "value": return value
        case "placeholder": return placeholder
        default: return nil
        }
    }
}

extension ParamContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "attribute": return attribute
        case "name": return self.name
        default: return nil
        }
    }
}

extension SnippetContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "header": return header
        case "dwollaScript": return dwollaScript
        case "configureScript": return configureScript
        case "components": return components
        default: return nil
        }
    }
}

extension ConfigureContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "header": return header
        case "environment": return environment
        case "styles": return styles
        case "tokenURL": return tokenURL
        case "tokenFunction": return tokenFunction
        case "csrfMeta": return csrfMeta
        case "csrfHeader": return csrfHeader
        case "success": return success
        case "error": return error
        default: return nil
        }
    }
}

extension ParamsContext: MustacheParent {
    public func child(named name: String) -> Any? {
        name == "header" ? header : nil
    }
}

extension IndexContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "header": return header
        case "lang": return lang
        case "title": return title
        case "csp": return csp
        case "stylesheet": return stylesheet
        case "environment": return environment
        case "dwollaWeb": return dwollaWeb
        case "pages": return pages
        default: return nil
        }
    }
}

extension IndexPageContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "href": return href
        case "path": return path
        case "components": return components
        default: return nil
        }
    }
}

extension StylesheetContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "header": return header
        case "sharedHooks": return sharedHooks
        case "components": return components
        default: return nil
        }
    }
}

extension StylesheetComponentContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "tag": return tag
        case "summary": return summary
        case "hooks": return hooks
        default: return nil
        }
    }
}
