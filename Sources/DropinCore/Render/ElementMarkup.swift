import Foundation
import Mustache

/// Each distinct element rendered once per build. Pages repeat the same elements (one whose
/// values come from the page's address is the same on every page that shows it), and the
/// element template was most of rendering a page.
///
/// Only with dropin's own element, page and snippet templates (`TemplateSet.sharedElement`):
/// the default element template looks at nothing but its element, so the element alone decides
/// its text, and the default page and snippet include it only for their elements. There,
/// `element.html` is registered as `{{{markup}}}` and each element brings its text rendered
/// here. An override could look further up the context, so with any of the three overridden,
/// every element is rendered in its page as written.
final class ElementMarkup: @unchecked Sendable {
    private let template: MustacheTemplate
    private let library: MustacheLibrary
    private let lock = NSLock()
    private var rendered: [ElementContext: String] = [:]

    init(template: MustacheTemplate, library: MustacheLibrary) {
        self.template = template
        self.library = library
    }

    /// The context with its elements' text, for a page or a snippet; anything else as it is.
    func shown(_ context: any Sendable) -> any Sendable {
        switch context {
        case let page as PageContext: ElementsShown(context: page, components: page.components.map(shown))
        case let snippet as SnippetContext: ElementsShown(context: snippet, components: snippet.components.map(shown))
        default: context
        }
    }

    private func shown(_ element: ElementContext) -> ElementShown {
        if let markup = lock.withLock({ rendered[element] }) { return ElementShown(element: element, markup: markup) }
        // Two threads may render the same element at once; both get the same text.
        let markup = template.render(element, library: library)
        lock.withLock { rendered[element] = markup }
        return ElementShown(element: element, markup: markup)
    }
}

/// A page or snippet whose elements carry their text.
struct ElementsShown: MustacheParent, Sendable {
    let context: any MustacheParent & Sendable
    let components: [ElementShown]

    func child(named name: String) -> Any? {
        name == "components" ? components : context.child(named: name)
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
