/// Where a value sits in the manifest, written the way users read it:
/// `pages[0].components[1].attributes.customerId`.
public struct KeyPath: Hashable, Sendable, CustomStringConvertible {
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    public private(set) var components: [Component]

    public init(_ components: [Component] = []) {
        self.components = components
    }

    public static let root = KeyPath()

    public func appending(_ key: String) -> KeyPath {
        KeyPath(components + [.key(key)])
    }

    public func appending(_ index: Int) -> KeyPath {
        KeyPath(components + [.index(index)])
    }

    /// The last key, if the path ends in one.
    public var lastKey: String? {
        if case .key(let key) = components.last { return key }
        return nil
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
