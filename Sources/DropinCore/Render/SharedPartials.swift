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
/// stand-in, `{{{markup}}}`, in its place, and each element or page brings its text made here
/// (`PartShown`, which shows everything else of the element or page as it is); an override that
/// includes the partial gets it as written. An overridden partial could look further up the
/// context, so it is rendered where it is included.
final class SharedPartials: Sendable {
    private let parts: [String: MustacheTemplate]
    private let library: MustacheLibrary
    private let stencils = SharedMemo<Key, Stencil?>()

    /// Hashed once, before `stencils` takes its lock: the other core waits while it is held.
    private struct Key: Hashable {
        let part: String
        /// Elements that differ only in attribute values share a stencil; all index entries do.
        let shape: ElementShape?
        let hash: Int

        init(part: String, element: ElementContext?) {
            self.part = part
            shape = element.map(ElementShape.init)
            var hasher = Hasher()
            hasher.combine(part)
            hasher.combine(shape)
            hash = hasher.finalize()
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(hash)
        }

        static func == (left: Key, right: Key) -> Bool {
            left.hash == right.hash && left.part == right.part && left.shape == right.shape
        }
    }

    init(parts: [String: MustacheTemplate], library: MustacheLibrary) {
        self.parts = parts
        self.library = library
    }

    /// The context with its elements' or pages' text, for a page, a snippet or the index;
    /// anything else, or one whose partials are not shared, as it is.
    func shown(_ context: any Sendable) -> any Sendable {
        switch context {
        case let page as PageContext where parts[TemplateSet.element] != nil:
            return withElements(page, page.components, by: TemplateSet.element)
        case let snippet as SnippetContext where parts[TemplateSet.element] != nil:
            return withElements(snippet, snippet.components, by: TemplateSet.element)
        case let index as IndexContext where parts[TemplateSet.indexPage] != nil:
            // Each page with its elements' text too, for an index override that includes the
            // page partial as written, which includes the element partial's stand-in.
            return ListShown(context: index, name: "pages", items: index.pages.map { page in
                let elements = withElements(page, page.components, by: TemplateSet.indexElement)
                return PartShown(context: elements, markup: entry(of: page, elements))
            })
        case let index as IndexContext where parts[TemplateSet.indexElement] != nil:
            return ListShown(context: index, name: "pages", items: index.pages.map {
                withElements($0, $0.components, by: TemplateSet.indexElement)
            })
        default:
            return context
        }
    }

    /// The element's text as `part` shows it; `part` must be one of the shared parts.
    func markup(of element: ElementContext, by part: String) -> String {
        stencil(for: element, by: part)?.filled(values: element.attributes.map(\.value), items: [])
            ?? parts[part]!.render(element, library: library)
    }

    /// The stencil of the element and all that differ from it only in attribute values.
    func stencil(for element: ElementContext, by part: String) -> Stencil? {
        stencils.value(for: Key(part: part, element: element)) {
            Stencil.make(values: element.attributes.count, items: false) { values, _ in
                parts[part]!.render(element.with(values: values), library: library)
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
        stencils.value(for: Key(part: TemplateSet.indexPage, element: nil)) {
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

/// An element but for its attribute values: all a default element template shows of it but
/// them, as the index's shows no values at all.
private struct ElementShape: Hashable {
    let element: ElementContext

    static func == (left: ElementShape, right: ElementShape) -> Bool {
        let (one, other) = (left.element, right.element)
        return one === other || (one.tag == other.tag && one.summary == other.summary && one.params == other.params
            && one.deferred == other.deferred && one.actions == other.actions
            && one.attributes.elementsEqual(other.attributes) { $0.name == $1.name && $0.placeholder == $1.placeholder })
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(element.tag)
        for attribute in element.attributes {
            hasher.combine(attribute.name)
            hasher.combine(attribute.placeholder)
        }
        hasher.combine(element.params)
    }
}

private extension ElementContext {
    /// The same element showing other attribute values, in order.
    func with(values: [String]) -> ElementContext {
        ElementContext(tag: tag, summary: summary,
                       attributes: zip(attributes, values).map { AttributeContext(name: $0.name, value: $1, placeholder: $0.placeholder) },
                       params: params, deferred: deferred, actions: actions)
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
