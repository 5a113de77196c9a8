import Foundation
import Yams

/// Checks a YAML node tree against a `Shape`, reporting every structural problem (unknown and
/// duplicate keys, missing keys, wrong types, values outside a fixed set) and returning the parts
/// that fit as a `CheckedValue` tree.
struct ShapeChecker {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Values a manifest may expand to. YAML aliases repeat what their anchor holds, so a few
    /// lines of `&a`/`*a` can stand for billions of values (the "billion laughs"); a 10,000-page
    /// manifest has about 300,000.
    static let maximumValues = 2_000_000
    /// `maximumValues`, or a smaller limit in tests.
    private let limit: Int
    /// Lists this long are checked in parts at once.
    static let itemsWorthSplitting = 256
    /// Mappings with more keys than this find duplicates by hashing.
    static let keysWorthHashing = 16
    private var visited = 0
    /// Set for a checker of one part of a long list while other parts are checked at once.
    private let sharedCount: SharedCount?

    init(file: String, limit: Int = Self.maximumValues) {
        self.init(file: file, limit: limit, sharedCount: nil)
    }

    private init(file: String, limit: Int, sharedCount: SharedCount?) {
        self.file = file
        self.limit = limit
        self.sharedCount = sharedCount
    }

    mutating func check(_ node: Node, against shape: Shape, path: KeyPath) -> CheckedValue? {
        visited += 1
        if let sharedCount, visited % SharedCount.batch == 0, sharedCount.add(SharedCount.batch) > limit {
            visited = limit
        }
        if visited > limit {
            if visited == limit + 1 {
                report(node, path, "too-many-values",
                       "the manifest expands to more than \(limit) values: YAML aliases (*name) repeat what their anchor (&name) holds; write the values out instead")
            }
            return nil
        }
        switch shape.kind {
        case .string(let choices): return checkString(node, choices: choices, shape: shape, path: path)
        case .integer(let choices): return checkInteger(node, choices: choices, shape: shape, path: path)
        case .boolean:
            if isOtherBoolean(node) {
                reportOtherBoolean(node, path)
                return nil
            }
            guard let scalar = scalar(node, is: Self.booleanTags, expected: shape, path: path) else { return nil }
            return value(.bool(node.bool ?? false), scalar, path)
        case .number:
            guard let scalar = scalar(node, is: Self.numberTags, expected: shape, path: path) else { return nil }
            return value(.number(scalar.string), scalar, path)
        case .object(let object): return checkObject(node, object, shape: shape, path: path)
        case .dictionary(let valueShape): return checkDictionary(node, valueShape, shape: shape, path: path)
        case .array(let item, let minItems): return checkArray(node, item, minItems: minItems, shape: shape, path: path)
        case .oneOf(let alternatives): return checkOneOf(node, alternatives, shape: shape, path: path)
        }
    }

    // MARK: Scalars

    private mutating func checkString(_ node: Node, choices: [String]?, shape: Shape, path: KeyPath) -> CheckedValue? {
        // Numbers and dates are taken as the text the user wrote (`title: 404`); true/false and
        // null are not, since YAML turns `yes`, `no` and `~` into those behind the user's back.
        guard let scalar = scalar(node, is: Self.textTags, expected: shape, path: path)
        else { return nil }
        if let choices, !choices.contains(scalar.string) {
            let advice = Suggestion.closest(to: scalar.string, in: choices).map { "did you mean '\($0)'?" }
                ?? "use one of \(choices.joined(separator: ", "))"
            report(node, path, "invalid-value", "'\(scalar.string)' is not allowed for '\(path.lastKey ?? path.description)'; \(advice)")
            return nil
        }
        return value(.string(scalar.string), scalar, path)
    }

    private mutating func checkInteger(_ node: Node, choices: [Int]?, shape: Shape, path: KeyPath) -> CheckedValue? {
        guard let scalar = scalar(node, is: Self.integerTags, expected: shape, path: path),
              let number = Int(scalar.string) else { return nil }
        if let choices, !choices.contains(number) {
            report(node, path, "invalid-value",
                   "\(path.lastKey ?? "value") \(number) is not supported; use \(choices.map(String.init).joined(separator: " or "))")
            return nil
        }
        return value(.int(number), scalar, path)
    }

    // Built once: a set literal at each call was built anew for every scalar of the manifest.
    // Yams does not mark Tag.Name Sendable; these lists are never changed.
    nonisolated(unsafe) private static let booleanTags: [Tag.Name] = [.bool]
    nonisolated(unsafe) private static let numberTags: [Tag.Name] = [.int, .float]
    nonisolated(unsafe) private static let textTags: [Tag.Name] = [.str, .int, .float, .timestamp]
    nonisolated(unsafe) private static let integerTags: [Tag.Name] = [.int]

    /// `yes`, `no`, `on`, `off`, `True`...: YAML 1.1 reads them as booleans, which someone reading
    /// the manifest easily misses (`"true"` in quotes is text, `yes` is not).
    private func isOtherBoolean(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, node.resolvedTag == .bool else { return false }
        return scalar.string != "true" && scalar.string != "false"
    }

    private mutating func reportOtherBoolean(_ node: Node, _ path: KeyPath) {
        let text = node.scalar?.string ?? ""
        let meant = node.bool == true ? "true" : "false"
        report(node, path, "yaml-boolean",
               "'\(text)' is read by YAML as \(meant): write \(meant), or put \"\(text)\" in quotes where the value is text")
    }

    private mutating func scalar(_ node: Node, is tags: [Tag.Name], expected shape: Shape, path: KeyPath) -> Node.Scalar? {
        guard case .scalar(let scalar) = node, tags.contains(node.resolvedTag) else {
            reportWrongType(node, expected: shape, path: path)
            return nil
        }
        return scalar
    }

    // MARK: Collections

    private mutating func checkObject(_ node: Node, _ object: ObjectShape, shape: Shape, path: KeyPath) -> CheckedValue? {
        guard let pairs = mappingPairs(node, expected: shape, path: path) else { return nil }
        var entries: [CheckedValue.Entry] = []
        // Keys an unknown key was taken for: one typo is one error, not also a missing key.
        var suggested = Set<String>()
        for (key, keyNode, valueNode) in pairs {
            let valuePath = path.appending(key)
            guard let field = object.field(named: key) else {
                let known = object.fields.map(\.name)
                let suggestion = Suggestion.closest(to: key, in: known)
                if let suggestion { suggested.insert(suggestion) }
                report(keyNode, valuePath, "unknown-key",
                       "unknown key '\(key)'\(path.isRoot ? "" : " in \(path)")"
                       + (suggestion.map { "; did you mean '\($0)'?" } ?? "; the keys here are " + known.joined(separator: ", ")))
                continue
            }
            if let checked = check(valueNode, against: field.shape, path: valuePath) {
                entries.append(CheckedValue.Entry(key: key, keyLocation: location(of: keyNode), value: checked))
            }
        }
        for field in object.fields
        where field.isRequired && !suggested.contains(field.name) && !pairs.contains(where: { $0.key == field.name }) {
            report(node, path.appending(field.name), "missing-key",
                   "missing required key '\(field.name)'\(path.isRoot ? "" : " in \(path)"): add it (\(field.shape.expectation))")
        }
        return CheckedValue(kind: .map(entries), location: location(of: node), path: path)
    }

    private mutating func checkDictionary(_ node: Node, _ valueShape: Shape, shape: Shape, path: KeyPath) -> CheckedValue? {
        guard let pairs = mappingPairs(node, expected: shape, path: path) else { return nil }
        let entries = pairs.compactMap { key, keyNode, valueNode -> CheckedValue.Entry? in
            check(valueNode, against: valueShape, path: path.appending(key)).map {
                CheckedValue.Entry(key: key, keyLocation: location(of: keyNode), value: $0)
            }
        }
        return CheckedValue(kind: .map(entries), location: location(of: node), path: path)
    }

    private mutating func checkArray(_ node: Node, _ item: Shape, minItems: Int, shape: Shape, path: KeyPath) -> CheckedValue? {
        guard case .sequence(let sequence) = node else {
            reportWrongType(node, expected: shape, path: path)
            return nil
        }
        if sequence.count < minItems {
            report(node, path, "empty-list", "'\(path.lastKey ?? "list")' needs at least \(minItems) item\(minItems == 1 ? "" : "s")")
        }
        let items = checkItems(Array(sequence), against: item, path: path)
        return CheckedValue(kind: .list(items), location: location(of: node), path: path)
    }

    /// A long list (the pages of a large manifest) is checked in parts on every core; the parts'
    /// values and diagnostics are put back in the list's order, so the outcome is the same.
    private mutating func checkItems(_ nodes: [Node], against item: Shape, path: KeyPath) -> [CheckedValue] {
        guard sharedCount == nil, nodes.count >= Self.itemsWorthSplitting else {
            return checkOneByOne(nodes, against: item, path: path)
        }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let partSize = max(Self.itemsWorthSplitting / 4, nodes.count / (cores * 4))
        let parts = stride(from: 0, to: nodes.count, by: partSize).map { $0..<min($0 + partSize, nodes.count) }
        let count = SharedCount(visited)
        let tree = ReadOnlyNodes(nodes: nodes), file = file, limit = limit
        let checked = parallelMap(parts) { part in
            var checker = ShapeChecker(file: file, limit: limit, sharedCount: count)
            let values = part.compactMap { index in
                checker.check(tree.nodes[index], against: item, path: path.appending(index))
            }
            return (values, checker.diagnostics, checker.visited)
        }
        let visitedInParts = checked.reduce(0) { $0 + $1.2 }
        // Past the limit, where the parts stopped depends on timing: check again one by one, so
        // the message names the same place every time.
        guard visited + visitedInParts <= limit else {
            return checkOneByOne(nodes, against: item, path: path)
        }
        visited += visitedInParts
        diagnostics += checked.flatMap(\.1)
        return checked.flatMap(\.0)
    }

    private mutating func checkOneByOne(_ nodes: [Node], against item: Shape, path: KeyPath) -> [CheckedValue] {
        nodes.enumerated().compactMap { index, node in check(node, against: item, path: path.appending(index)) }
    }

    private mutating func checkOneOf(_ node: Node, _ alternatives: [Shape], shape: Shape, path: KeyPath) -> CheckedValue? {
        if isOtherBoolean(node), alternatives.contains(where: { if case .boolean = $0.kind { true } else { false } }) {
            reportOtherBoolean(node, path)
            return nil
        }
        let fitting = alternatives.filter { accepts($0, kindOf: node) }
        if fitting.count == 1 { return check(node, against: fitting[0], path: path) }
        // A trial that cannot take the scalar's type would fail, and build a message to discard.
        for alternative in fitting where mayAccept(alternative, typeOf: node) {
            var trial = ShapeChecker(file: file, limit: limit)
            if let value = trial.check(node, against: alternative, path: path), trial.diagnostics.isEmpty {
                return value
            }
        }
        reportWrongType(node, expected: shape, path: path)
        return nil
    }

    private func mayAccept(_ shape: Shape, typeOf node: Node) -> Bool {
        guard case .scalar = node else { return true }
        switch shape.kind {
        case .string: return Self.textTags.contains(node.resolvedTag)
        case .boolean: return Self.booleanTags.contains(node.resolvedTag)
        case .integer: return Self.integerTags.contains(node.resolvedTag)
        case .number: return Self.numberTags.contains(node.resolvedTag)
        default: return true
        }
    }

    private func accepts(_ shape: Shape, kindOf node: Node) -> Bool {
        switch (shape.kind, node) {
        case (.object, .mapping), (.dictionary, .mapping), (.array, .sequence): return true
        case (.string, .scalar), (.integer, .scalar), (.boolean, .scalar), (.number, .scalar): return true
        case (.oneOf(let alternatives), _): return alternatives.contains { accepts($0, kindOf: node) }
        default: return false
        }
    }

    /// The mapping's string keys, reporting duplicate and non-text keys.
    private mutating func mappingPairs(_ node: Node, expected shape: Shape, path: KeyPath) -> [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            reportWrongType(node, expected: shape, path: path)
            return nil
        }
        // Looked up by position: iterating a Yams mapping copies all its pairs first. Most
        // mappings have a handful of keys, where comparing each with the others beats hashing.
        var seen: [String: Node]? = mapping.count > Self.keysWorthHashing ? [:] : nil
        var pairs: [(key: String, keyNode: Node, value: Node)] = []
        pairs.reserveCapacity(mapping.count)
        for index in mapping.indices {
            let (keyNode, valueNode) = mapping[index]
            guard case .scalar(let keyScalar) = keyNode else {
                report(keyNode, path, "invalid-key", "a key must be plain text, not \(describe(keyNode))")
                continue
            }
            let key = keyScalar.string
            if let first = seen != nil ? seen?[key] : pairs.first(where: { $0.key == key })?.keyNode {
                let firstLine = location(of: first).line
                report(keyNode, path.appending(key), "duplicate-key",
                       "duplicate key '\(key)' (first given on line \(firstLine)); YAML keeps only one: remove the other")
                continue
            }
            seen?[key] = keyNode
            pairs.append((key, keyNode, valueNode))
        }
        return pairs
    }

    // MARK: Reporting

    private func value(_ kind: CheckedValue.Kind, _ scalar: Node.Scalar, _ path: KeyPath) -> CheckedValue {
        CheckedValue(kind: kind, location: location(of: .scalar(scalar)), path: path)
    }

    func location(of node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    private mutating func report(_ node: Node, _ path: KeyPath, _ code: String, _ message: String) {
        diagnostics.append(.error(code, message, at: location(of: node), path: path))
    }

    private mutating func reportWrongType(_ node: Node, expected shape: Shape, path: KeyPath) {
        var message = "\(path.lastKey.map { "'\($0)'" } ?? "this value") must be \(shape.expectation), not \(describe(node))"
        if case .scalar = node, node.resolvedTag == .bool || node.resolvedTag == .null {
            if case .string = shape.kind {
                message += "; put it in quotes if you mean the text"
            }
        }
        report(node, path, "wrong-type", message)
    }

    private func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar):
            switch node.resolvedTag {
            case .bool: return "the boolean \(scalar.string)"
            case .null: return scalar.string.isEmpty ? "an empty value" : "null"
            case .int, .float: return "the number \(scalar.string)"
            default: return "the text '\(scalar.string)'"
            }
        }
    }
}

/// Values the checkers of a list's parts have visited between them, told in batches so that
/// together they stop near the limit instead of each going up to it.
private final class SharedCount: @unchecked Sendable {
    static let batch = 1024
    private let lock = NSLock()
    private var count: Int

    init(_ count: Int) {
        self.count = count
    }

    func add(_ visited: Int) -> Int {
        lock.withLock {
            count += visited
            return count
        }
    }
}

/// Yams's nodes are not marked Sendable; once parsed, the checkers only read them.
private struct ReadOnlyNodes: @unchecked Sendable {
    let nodes: [Node]
}

private extension Node {
    /// The tag YAML gives the node: quoted text stays text, `yes` is a boolean.
    var resolvedTag: Tag.Name { ScalarTag.of(self) }
}
