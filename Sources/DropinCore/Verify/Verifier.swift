/// The verify stage: every HTML file a build would write, checked as polyglot HTML5 before
/// anything is written. A problem is reported at the rendered file's line and column and names
/// the template it came from.
public struct Verifier: Sendable {
    public let renderer: Renderer
    /// How messages name the output folder (`site`).
    public let outputDisplay: String

    public init(renderer: Renderer, outputDisplay: String) {
        self.renderer = renderer
        self.outputDisplay = outputDisplay
    }

    public func verify(_ file: PlannedFile, _ rendered: RenderedFile) -> [Diagnostic] {
        guard let kind = file.check else { return [] }
        let problems = PolyglotCheck.problems(in: renderer.textToCheck(file, rendered: rendered), as: kind)
        guard let first = problems.first else { return [] }
        let location = SourceLocation(file: outputDisplay + "/" + file.path, line: first.line, column: first.column)
        return [.error(first.isXMLError ? "not-well-formed" : "not-polyglot",
                       "\(first.message) (\(source(of: rendered)))", at: location)]
    }

    /// Names the template, and the user's overrides, since a page template includes others.
    private func source(of rendered: RenderedFile) -> String {
        guard let template = rendered.template else { return "written by dropin itself" }
        let overrides = renderer.templates.overrides
        if overrides.isEmpty {
            return "rendered from dropin's template \(template)\(TemplateSet.fileExtension): please report this"
        }
        return "rendered from template \(template) with your " + (overrides.count == 1 ? "template " : "templates ")
            + overrides.joined(separator: ", ")
    }
}
