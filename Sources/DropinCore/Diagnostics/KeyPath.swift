/// Where a value sits in the manifest, written the way users read it:
/// `pages[0].components[1].attributes.customerId`.
///
/// Stored as a chain of links that share their parents, because every value of a large
/// manifest carries its path: copying whole arrays made paths most of validation's memory.
public struct KeyPath: Hashable, Sendable, CustomStringConvertible {
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    private final class Link: Sendable {
        let parent: Link?
        let component: Component

        init(parent: Link?, component: Component) {
            self.parent = parent
            self.component = component
        }
    }

    private let last: Link?

    private init(last: Link?) {
        self.last = last
    }

    public init(_ components: [Component] = []) {
        var link: Link?
        for component in components { link = Link(parent: link, component: component) }
        last = link
    }

    public static let root = KeyPath()

    public var components: [Component] {
        var components: [Component] = []
        var link = last
        while let current = link {
            components.append(current.component)
            link = current.parent
        }
        return components.reversed()
    }

    public func appending(_ key: String) -> KeyPath {
        KeyPath(last: Link(parent: last, component: .key(key)))
    }

    public func appending(_ index: Int) -> KeyPath {
        KeyPath(last: Link(parent: last, component: .index(index)))
    }

    public var isRoot: Bool { last == nil }

    /// The last key, if the path ends in one.
    public var lastKey: String? {
        if case .key(let key) = last?.component { return key }
        return nil
    }

    public static func == (lhs: KeyPath, rhs: KeyPath) -> Bool {
        lhs.last === rhs.last || lhs.components == rhs.components
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(components)
    }

    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += key
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }
}
