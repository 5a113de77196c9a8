/// The verify stage: every HTML file a build would write, checked as polyglot HTML5 before
/// anything is written. A problem is reported at the rendered file's line and column and names
/// the template it came from.
public struct Verifier: Sendable {
    /// The user's template files, as messages name them.
    public let overrides: [String]
    /// How messages name the output folders (`site`, `site-private`).
    public let outputDisplays: PerRoot<String>

    public init(overrides: [String], outputDisplays: PerRoot<String>) {
        self.overrides = overrides
        self.outputDisplays = outputDisplays
    }

    /// Problems in `text`, the file's text as its check sees it (`Renderer.textToCheck`).
    public func verify(_ text: String, of file: PlannedFile, renderedFrom template: String?) -> [Diagnostic] {
        guard let kind = file.verifyAs else { return [] }
        let problems = PolyglotCheck.problems(in: text, as: kind)
        guard let first = problems.first else { return [] }
        let location = SourceLocation(file: outputDisplays[file.root] + "/" + file.path, line: first.line, column: first.column)
        return [.error(first.isXMLError ? "not-well-formed" : "not-polyglot",
                       "\(first.message) (\(source(template)))", at: location)]
    }

    /// Names the template, and the user's overrides, since a page template includes others.
    private func source(_ template: String?) -> String {
        guard let template else { return "written by dropin itself" }
        if overrides.isEmpty {
            return "rendered from dropin's template \(template)\(TemplateSet.fileExtension): please report this"
        }
        return "rendered from template \(template) with your " + (overrides.count == 1 ? "template " : "templates ")
            + overrides.joined(separator: ", ")
    }
}
