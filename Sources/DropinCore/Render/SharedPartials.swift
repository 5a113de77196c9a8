import Foundation
import Mustache

/// The text of dropin's own partials, made once for many (`Stencil`): an element as
/// `element.html` or `index-element.html` shows it, from a stencil shared by all elements that
/// differ only in attribute values; a page's entry in the index (`index-page.html`), from one
/// stencil filled with its link, path and elements. Pages repeat the same elements with other
/// values and the index lists every page: rendering each whole was most of a build's time.
///
/// Only where a partial and those it includes are dropin's own (`TemplateSet.sharedParts`): a
/// default partial looks at nothing but its element or page. dropin's own templates include a
/// stand-in, `{{{markup}}}`, in its place (`TemplateSet.libraryWithStandIns`), and each element
/// or page brings its text made here (`PartShown`, which shows everything else of the element
/// or page as it is); an override that includes the partial gets it as written. An overridden
/// partial could look further up the context, so it is rendered where it is included.
final class SharedPartials: Sendable {
    private let parts: [String: MustacheTemplate]
    private let library: MustacheLibrary
    private let stencils = SharedMemo<Key, Stencil?>()

    /// Elements of equal shapes share a stencil per partial; all index entries share one.
    private struct Key: Hashable {
        let part: String
        let shape: ElementShape?
    }

    init(templates: TemplateSet) {
        parts = templates.sharedParts
        library = templates.libraryWithStandIns
    }

    /// The values the template shows, with its elements' or pages' text where a shared part
    /// shows them; as they are when its partials are not shared.
    func shown(_ input: TemplateInput) -> Any {
        switch input {
        case .page(let page) where parts[TemplateSet.element] != nil:
            return withElements(page, page.components, by: TemplateSet.element)
        case .snippet(let snippet) where parts[TemplateSet.element] != nil:
            return withElements(snippet, snippet.components, by: TemplateSet.element)
        case .index(let index) where parts[TemplateSet.indexPage] != nil:
            // Each page with its elements' text too, for an index override that includes the
            // page partial as written, which includes the element partial's stand-in.
            return ListShown(context: index, name: "pages", items: index.pages.map { page in
                let elements = withElements(page, page.components, by: TemplateSet.indexElement)
                return PartShown(context: elements, markup: entry(of: page, elements))
            })
        case .index(let index) where parts[TemplateSet.indexElement] != nil:
            return ListShown(context: index, name: "pages", items: index.pages.map {
                withElements($0, $0.components, by: TemplateSet.indexElement)
            })
        default:
            return input.context
        }
    }

    /// The element's text as `part` shows it; `part` must be one of the shared parts.
    func markup(of element: ElementContext, by part: String) -> String {
        stencil(for: element, by: part)?.filled(values: element.values, items: [])
            ?? parts[part]!.render(element, library: library)
    }

    /// The stencil of the element and all of the same shape.
    func stencil(for element: ElementContext, by part: String) -> Stencil? {
        stencils.value(for: Key(part: part, shape: element.shape)) {
            Stencil.make(values: element.values.count, items: false) { values, _ in
                parts[part]!.render(ElementContext(shape: element.shape, values: values), library: library)
            }
        }
    }

    /// The page's entry in the index, given the page with its elements' text. Its partial
    /// includes the index's element partial, which is shared whenever it is
    /// (`TemplateSet.includes`).
    private func entry(of page: IndexPageContext, _ elements: ListShown<PartShown>) -> String {
        let markups = elements.items.map(\.markup)
        return entryStencil?.filled(values: [page.href, page.title, page.path], items: markups)
            ?? parts[TemplateSet.indexPage]!.render(elements, library: library)
    }

    /// The stencil of every page's entry in the index.
    var entryStencil: Stencil? {
        stencils.value(for: Key(part: TemplateSet.indexPage, shape: nil)) {
            Stencil.make(values: 3, items: true) { values, items in
                let page = IndexPageContext(title: values[1], href: values[0], path: values[2], components: [])
                let standIn = ListShown(context: page, name: "components", items: items.map { PartShown(context: nil, markup: $0) })
                return parts[TemplateSet.indexPage]!.render(standIn, library: library)
            }
        }
    }

    private func withElements(_ context: any MustacheParent & Sendable, _ elements: [ElementContext], by part: String)
        -> ListShown<PartShown> {
        ListShown(context: context, name: "components", items: elements.map { PartShown(context: $0, markup: markup(of: $0, by: part)) })
    }
}

/// A context with one of its lists given as other items: elements or pages with their text.
struct ListShown<Item: MustacheParent & Sendable>: MustacheParent, Sendable {
    let context: any MustacheParent & Sendable
    let name: String
    let items: [Item]

    func child(named name: String) -> Any? {
        name == self.name ? items : context.child(named: name)
    }
}

/// An element or a page and its text, which the stand-in partial shows as `{{{markup}}}`; nil
/// for a stand-in item of a stencil.
struct PartShown: MustacheParent, Sendable {
    let context: (any MustacheParent & Sendable)?
    let markup: String

    func child(named name: String) -> Any? {
        name == "markup" ? MustacheText(markup) : context?.child(named: name)
    }
}
