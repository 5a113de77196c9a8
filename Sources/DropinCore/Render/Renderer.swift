/// A file's text as a build would write it, and where the text came from.
public struct RenderedFile: Sendable {
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
        let parts = templates.sharedParts.isEmpty ? nil : SharedPartials(parts: templates.sharedParts, library: templates.library)
        self.parts = parts
        pages = parts.flatMap { templates.sharedPage ? PageStencils(library: templates.library, parts: $0) : nil }
    }

    public func render(_ file: PlannedFile) -> RenderedFile {
        switch file.content {
        case .text(let text):
            return RenderedFile(path: file.path, text: text, ownership: file.ownership, template: nil)
        case .tokenRoute(let contract, let form, let comment):
            return RenderedFile(path: file.path, text: contract.rendered(as: form, comment: comment), ownership: file.ownership,
                                template: nil)
        case .template(let name, let context):
            return RenderedFile(path: file.path, text: render(name, context), ownership: file.ownership, template: name)
        }
    }

    /// The text the verify stage checks: the file itself, or for a snippet the same template
    /// with neutral values where template-language placeholders go.
    func textToCheck(_ file: PlannedFile, rendered: RenderedFile) -> String {
        guard case .template(let name, _) = file.content, let checkContext = file.checkContext else { return rendered.text }
        return render(name, checkContext)
    }

    private func render(_ name: String, _ context: any Sendable) -> String {
        if name == TemplateSet.page, let page = context as? PageContext, let text = pages?.text(of: page) { return text }
        // Every name the plan uses is a default template, so the library always has it.
        return templates.library.render(parts?.shown(context) ?? context, withTemplate: name) ?? ""
    }
}

extension RenderedFile {
    /// The ownership record of a build's files, given each file's digest.
    static func record(of files: [(RenderedFile, String)], plan: BuildPlan, inputs: String?) -> RenderedFile {
        func listed(_ ownership: PlannedFile.Ownership) -> [(path: String, digest: String)] {
            files.filter { $0.0.ownership == ownership }.map { ($0.0.path, $0.1) }.sorted { $0.path < $1.path }
        }
        var record = OwnershipRecord(generated: listed(.generated), seeded: listed(.seeded), stylesheetHooks: plan.stylesheetHooks,
                                     pageCount: plan.pageCount, componentCount: plan.componentCount, fingerprint: nil)
        record.fingerprint = inputs.map(record.sealed)
        return RenderedFile(path: BuildPlan.recordPath, text: record.rendered(comment: plan.header), ownership: .generated,
                            template: nil)
    }
}
