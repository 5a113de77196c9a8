import Mustache

/// Pages made by dropin's own page template differ in their titles and elements alone, among
/// pages at the same depth (their links to scripts and the stylesheet) with or without
/// parameters: each such family shares one stencil (`Stencil`), which a page's title and its
/// elements' text fill in. Only while the page template and the element template are dropin's
/// own (`TemplateSet.sharedPage`); otherwise each page is rendered whole.
final class PageStencils: Sendable {
    private let library: MustacheLibrary
    private let parts: SharedPartials
    private let stencils = SharedMemo<Family, Stencil?>()

    init(library: MustacheLibrary, parts: SharedPartials) {
        self.library = library
        self.parts = parts
    }

    /// The page's text; nil when its family has no stencil.
    func text(of page: PageContext) -> String? {
        let stencil = stencils.value(for: Family(page: page)) {
            Stencil.make(values: 1, items: true) { values, items in
                let standIn = ListShown(context: page.with(title: values[0]), name: "components",
                                        items: items.map { PartShown(context: nil, markup: $0) })
                return library.render(standIn, withTemplate: TemplateSet.page) ?? ""
            }
        }
        let markups = page.components.map { parts.markup(of: $0, by: TemplateSet.element) }
        return stencil?.filled(values: [page.title], items: markups)
    }

    /// A page but for its title and elements. Hashed once, before `stencils` takes its lock.
    private struct Family: Hashable {
        let page: PageContext
        let hash: Int

        init(page: PageContext) {
            self.page = page
            var hasher = Hasher()
            for text in [page.header, page.lang, page.csp, page.stylesheet, page.dwollaScript, page.configureScript,
                         page.paramsScript, page.csrfMeta, page.index] {
                hasher.combine(text)
            }
            hash = hasher.finalize()
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(hash)
        }

        static func == (left: Family, right: Family) -> Bool {
            let (one, other) = (left.page, right.page)
            return left.hash == right.hash && one.header == other.header && one.lang == other.lang && one.csp == other.csp
                && one.stylesheet == other.stylesheet && one.dwollaScript == other.dwollaScript
                && one.configureScript == other.configureScript && one.paramsScript == other.paramsScript
                && one.csrfMeta == other.csrfMeta && one.index == other.index
        }
    }
}

private extension PageContext {
    func with(title: String) -> PageContext {
        PageContext(header: header, lang: lang, title: title, csp: csp, stylesheet: stylesheet, dwollaScript: dwollaScript,
                    configureScript: configureScript, paramsScript: paramsScript, csrfMeta: csrfMeta, index: index,
                    components: components)
    }
}
