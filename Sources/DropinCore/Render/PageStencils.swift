import Mustache

/// Pages made by dropin's own page template with equal frames (`PageFrame`: all a page shows
/// but its title and elements) share one stencil (`Stencil`), which a page's title and its
/// elements' text fill in. Only while the page template and the element template are dropin's
/// own (`TemplateSet.sharedPage`); otherwise each page is rendered whole.
final class PageStencils: Sendable {
    private let library: MustacheLibrary
    private let parts: SharedPartials
    private let stencils = SharedMemo<PageFrame, Stencil?>()

    init(templates: TemplateSet, parts: SharedPartials) {
        library = templates.libraryWithStandIns
        self.parts = parts
    }

    /// The page's text; nil when its frame has no stencil.
    func text(of page: PageContext) -> String? {
        let stencil = stencils.value(for: page.frame) {
            Stencil.make(values: 1, items: true) { values, items in
                let standIn = ListShown(context: PageContext(frame: page.frame, title: values[0], components: []),
                                        name: "components", items: items.map { PartShown(context: nil, markup: $0) })
                return library.render(standIn, withTemplate: TemplateSet.page) ?? ""
            }
        }
        let markups = page.components.map { parts.markup(of: $0, by: TemplateSet.element) }
        return stencil?.filled(values: [page.title], items: markups)
    }
}
