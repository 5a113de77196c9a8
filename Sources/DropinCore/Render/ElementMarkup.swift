import Foundation
import Mustache

/// Each element's text for each template that shows one element, from a stencil made once for
/// all elements that differ only in their attribute values (`Stencil`). Pages repeat the same
/// elements with other values: the element template was most of rendering a page, and the
/// index's element template most of rendering the index, which lists every page.
///
/// Only where the element template and the templates that include it are dropin's own
/// (`TemplateSet.sharedParts`): a default element template looks at nothing but its element,
/// so the element alone decides its text, and the default includers include it only for their
/// elements. There they include a stand-in, `{{{markup}}}`, in its place, and each element
/// brings its text made here; an override that includes the element template gets it whole. An override could look further up the context, so with any of them
/// overridden, every element is rendered where it is included, as written.
final class ElementMarkup: Sendable {
    private let parts: [String: MustacheTemplate]
    private let library: MustacheLibrary
    /// Elements that differ only in attribute values share a stencil, which the values fill in.
    private let stencils = SharedMemo<Key, Stencil?>()

    /// Hashed once, before `stencils` takes its lock: the other core waits while it is held.
    private struct Key: Hashable {
        let part: String
        let shape: ElementShape
        let hash: Int

        init(part: String, element: ElementContext) {
            self.part = part
            shape = ElementShape(element: element)
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

    /// The context with its elements' text, for a page, a snippet or the index; anything else,
    /// or one whose element template is not shared, as it is.
    func shown(_ context: any Sendable) -> any Sendable {
        switch context {
        case let page as PageContext where parts[TemplateSet.element] != nil:
            return shown(page, page.components, by: TemplateSet.element)
        case let snippet as SnippetContext where parts[TemplateSet.element] != nil:
            return shown(snippet, snippet.components, by: TemplateSet.element)
        case let index as IndexContext where parts[TemplateSet.indexElement] != nil:
            let pages = index.pages.map { shown($0, $0.components, by: TemplateSet.indexElement) }
            return ListShown(context: index, name: "pages", items: pages)
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

    private func shown(_ context: any MustacheParent & Sendable, _ elements: [ElementContext], by part: String) -> ListShown {
        ListShown(context: context, name: "components", items: elements.map {
            ElementShown(element: $0, markup: markup(of: $0, by: part))
        })
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

/// A context with one of its lists given as other items: elements with their text, or index
/// entries whose elements have theirs.
struct ListShown: MustacheParent, Sendable {
    let context: any MustacheParent & Sendable
    let name: String
    let items: [any MustacheParent & Sendable]

    func child(named name: String) -> Any? {
        name == self.name ? items : context.child(named: name)
    }
}

/// An element and its text, which the stand-in element template shows as `{{{markup}}}`.
struct ElementShown: MustacheParent, Sendable {
    let element: ElementContext
    let markup: String

    func child(named name: String) -> Any? {
        name == "markup" ? MustacheText(markup) : element.child(named: name)
    }
}
