/// Everything a build will produce, decided before any text is rendered: each file's path in the
/// output folder, the template that renders it and the values it gets.
public struct BuildPlan: Sendable {
    public let files: [PlannedFile]
    public let pageCount: Int
    public let componentCount: Int
    /// The styling hooks of the components in use, which the user's stylesheet should have.
    public let stylesheetHooks: [String]
    /// What the app's token route must allow.
    public let tokenRoute: TokenRouteContract
    /// The first line of every generated file: where it came from, and not to edit it.
    public let header: String
    /// The manifest's file name as the headers show it.
    public let manifestName: String
    /// The pages' Content-Security-Policy; nil when the manifest turns it off.
    public let pagePolicy: String?

    /// The templates the files are rendered from.
    public var templateNames: Set<String> {
        Set(files.compactMap { if case .template(let input) = $0.content { input.template } else { nil } })
    }

    /// The ownership record, in the private folder: which files in both folders dropin owns,
    /// and their digests. Not in `files`: it is made from the other files once they are rendered.
    public static let recordPath = "dropin/owned.json"
}

public struct PlannedFile: Sendable {
    public enum Ownership: Sendable, Equatable {
        /// dropin writes it on every build and `check` compares it byte for byte.
        case generated
        /// Written once as a starting point, then the user's: never overwritten.
        case seeded
    }

    public enum Content: Sendable {
        case template(TemplateInput)
        /// Text computed in code rather than from a template (the token route's sources).
        case text(String)
        /// The token route's contract in one of its two forms, headed by `comment`.
        case tokenRoute(TokenRouteContract, TokenRouteContract.Form, comment: String)
    }

    /// The folder it goes in.
    public let root: OutputRoot
    /// Relative to its folder, with `/`.
    public let path: String
    public let content: Content
    public let ownership: Ownership
    /// How the rendered text is verified; nil for files that are not HTML.
    public let verifyAs: PolyglotCheck.Kind?
    /// For snippets: the same template with neutral values in place of template-language
    /// placeholders, which need not be well-formed XML themselves.
    public let verifyInput: TemplateInput?
    /// How many elements the file shows, which is what its rendering time grows with; the
    /// index, which shows every page's, takes as long as thousands of pages.
    public let elementCount: Int

    init(_ root: OutputRoot, path: String, content: Content, ownership: Ownership = .generated,
         verifyAs: PolyglotCheck.Kind? = nil, verifyInput: TemplateInput? = nil, elementCount: Int = 0) {
        self.root = root
        self.path = path
        self.content = content
        self.ownership = ownership
        self.verifyAs = verifyAs
        self.verifyInput = verifyInput
        self.elementCount = elementCount
    }
}
