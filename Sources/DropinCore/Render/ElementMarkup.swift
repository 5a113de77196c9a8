import Foundation
import Mustache

/// Each distinct element rendered once per build by each template that shows one element.
/// Pages repeat the same elements (one whose values come from the page's address is the same on
/// every page that shows it): the element template was most of rendering a page, and the
/// index's element template most of rendering the index, which lists every page.
///
/// Only where the element template and the templates that include it are dropin's own
/// (`TemplateSet.sharedParts`): a default element template looks at nothing but its element,
/// so the element alone decides its text, and the default includers include it only for their
/// elements. There the element template is registered as `{{{markup}}}` and each element brings
/// its text rendered here. An override could look further up the context, so with any of them
/// overridden, every element is rendered where it is included, as written.
final class ElementMarkup: Sendable {
    private let parts: [String: MustacheTemplate]
    private let library: MustacheLibrary
    private let rendered = SharedMemo<Key, String>()

    /// Hashed once, before `rendered` takes its lock: the other core waits while it is held.
    private struct Key: Hashable {
        let part: String
        /// What the part reads of the element, which alone decides its text.
        let reads: AnyHashable
        let hash: Int

        init(part: String, reads: AnyHashable) {
            self.part = part
            self.reads = reads
            var hasher = Hasher()
            hasher.combine(part)
            hasher.combine(reads)
            hash = hasher.finalize()
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(hash)
        }

        static func == (left: Key, right: Key) -> Bool {
            left.hash == right.hash && left.part == right.part && left.reads == right.reads
        }
    }

    /// The index's element template shows no attribute values, so elements that differ only
    /// there share one entry.
    private struct IndexReads: Hashable {
        let tag: String
        let summary: String
        let actions: [String]
        let deferred: Bool
        let params: [ParamContext]
    }

    private static func reads(of element: ElementContext, by part: String) -> AnyHashable {
        guard part == TemplateSet.indexElement else { return element }
        return IndexReads(tag: element.tag, summary: element.summary, actions: element.actions, deferred: element.deferred,
                          params: element.params)
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

    private func shown(_ context: any MustacheParent & Sendable, _ elements: [ElementContext], by part: String) -> ListShown {
        ListShown(context: context, name: "components", items: elements.map { markup(of: $0, by: part) })
    }

    private func markup(of element: ElementContext, by part: String) -> ElementShown {
        let markup = rendered.value(for: Key(part: part, reads: Self.reads(of: element, by: part))) {
            parts[part]!.render(element, library: library)
        }
        return ElementShown(element: element, markup: markup)
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
