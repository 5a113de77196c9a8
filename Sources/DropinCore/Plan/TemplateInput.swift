/// A file rendered from a template: which template, and the values it shows. Each template
/// takes its own kind of values, so the renderer never has to guess what it was given.
public enum TemplateInput: Sendable {
    case page(PageContext)
    case snippet(SnippetContext)
    case snippetHead(SnippetHeadContext)
    case index(IndexContext)
    case configure(ConfigureContext)
    case params(ParamsContext)
    case stylesheet(StylesheetContext)
    case nodeTokenRoute(TokenRouteCodeContext)
    case pythonTokenRoute(TokenRouteCodeContext)
    case rubyTokenRoute(TokenRouteCodeContext)
    case phpTokenRoute(TokenRouteCodeContext)

    /// The template's name, as in Templates/ without `.mustache`.
    public var template: String {
        switch self {
        case .page: TemplateSet.page
        case .snippet: TemplateSet.snippet
        case .snippetHead: "snippet-head.html"
        case .index: TemplateSet.index
        case .configure: "configure.js"
        case .params: "params.js"
        case .stylesheet: "styles.css"
        case .nodeTokenRoute: "token-route.js"
        case .pythonTokenRoute: "token-route.py"
        case .rubyTokenRoute: "token-route.rb"
        case .phpTokenRoute: "token-route.php"
        }
    }
}
