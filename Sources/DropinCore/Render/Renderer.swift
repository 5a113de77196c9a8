/// A file's text as a build would write it, and where the text came from.
public struct RenderedFile: Sendable {
    public let root: OutputRoot
    public let path: String
    public let text: String
    public let ownership: PlannedFile.Ownership
    /// The template that rendered it; nil for text made in code.
    public let template: String?
}

/// The render stage: every planned file's text, from the templates.
public struct Renderer: Sendable {
    public let templates: TemplateSet
    private let parts: SharedPartials?
    private let pages: PageStencils?

    public init(templates: TemplateSet) {
        self.templates = templates
        let parts = templates.sharedParts.isEmpty ? nil : SharedPartials(templates: templates)
        self.parts = parts
        pages = parts.flatMap { templates.sharedPage ? PageStencils(templates: templates, parts: $0) : nil }
    }

    public func render(_ file: PlannedFile) -> RenderedFile {
        switch file.content {
        case .text(let text):
            return RenderedFile(root: file.root, path: file.path, text: text, ownership: file.ownership, template: nil)
        case .tokenRoute(let contract, let form, let comment):
            return RenderedFile(root: file.root, path: file.path, text: contract.rendered(as: form, comment: comment), ownership: file.ownership,
                                template: nil)
        case .template(let input):
            return RenderedFile(root: file.root, path: file.path, text: text(of: input), ownership: file.ownership, template: input.template)
        }
    }

    /// The text the verify stage checks: the file itself, or for a snippet the same template
    /// with neutral values where template-language placeholders go.
    func textToCheck(_ file: PlannedFile, rendered: RenderedFile) -> String {
        file.verifyInput.map(text(of:)) ?? rendered.text
    }

    private func text(of input: TemplateInput) -> String {
        if case .page(let page) = input, let text = pages?.text(of: page) { return text }
        // Every name the plan uses is a default template, so the library always has it.
        return templates.library(for: input.template).render(parts?.shown(input) ?? input.context, withTemplate: input.template)
            ?? ""
    }
}
