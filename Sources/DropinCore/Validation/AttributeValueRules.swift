import Foundation

/// Checks one attribute's value against its kind: booleans are booleans, links are http(s),
/// IDs are UUIDs, parameters have usable names.
enum AttributeValueRules {
    static func check(_ attribute: Manifest.Attribute, _ spec: AttributeSpec, tag: String, verdicts: LiteralVerdicts) -> [Diagnostic] {
        let value = attribute.value
        func error(_ code: String, _ message: String) -> [Diagnostic] {
            [.error(code, message, at: value.location, path: value.path)]
        }
        switch (spec.kind, value.value) {
        case (.boolean, .flag):
            return []
        case (.boolean, .text(let text)):
            return error("expected-boolean",
                "'\(spec.name)' is a boolean attribute: write true or false without quotes, not '\(text)'")
        case (.boolean, .parameter):
            return error("expected-boolean",
                "'\(spec.name)' is a boolean attribute and cannot come from a parameter: write true or false")
        case (_, .flag):
            return error("expected-text",
                "'\(spec.name)' takes \(spec.kind == .text ? "text" : "a \(spec.kind.name)"), not a boolean; put the value in quotes if you mean the text")
        case (_, .parameter(let name)):
            return isParameterName(name) ? [] : error("invalid-parameter",
                "'\(name)' is not a usable parameter name: use letters, digits and underscores, starting with a letter (e.g. customerId)")
        case (_, .text(let text)) where isQuotedParameter(text):
            return error("quoted-parameter",
                "'\(text)' is text here, because of its quotes: remove the quotes to make it a parameter, as in \(spec.name): \(text)")
        case (let kind, .text(let text)):
            if text.unicodeScalars.contains(where: RelativePath.isControl) {
                return error("control-character", "the value of '\(spec.name)' contains a control character: remove it")
            }
            if spec.isPerRequest {
                return [.warning("fixed-per-request-value",
                    "'\(spec.name)' of \(tag) is made by your server for each payment and expires; a fixed value will stop working: use {param: \(spec.name)}",
                    at: value.location, path: value.path)]
            }
            return verdicts.value(for: LiteralValue(text: text, attribute: spec.name, tag: tag)) {
                literal(text, kind: kind, spec: spec, tag: tag)
            }.map { error($0.code, $0.message) } ?? []
        }
    }

    private static func literal(_ text: String, kind: AttributeKind, spec: AttributeSpec, tag: String) -> (code: String, message: String)? {
        switch kind {
        case .text, .boolean:
            return nil
        case .url:
            return isSafeLink(text) ? nil : ("unsafe-url",
                "'\(spec.name)' must be an http or https link (or a path starting with '/'), not '\(text)': other schemes such as javascript: run code when clicked")
        case .uuid:
            return UUID(uuidString: text) != nil ? nil : ("invalid-id",
                "'\(spec.name)' must be a Dwolla ID, a UUID such as 6d23bbd6-2ab4-4cba-9ba6-fa4a3fd2d9c6, not '\(text)'; use {param: \(spec.name)} when it is known only when the page is served")
        case .amount:
            guard isAmount(text) else {
                return ("invalid-amount", "'\(spec.name)' must be an amount in dollars such as 10.00, not '\(text)'")
            }
            // The route mints no pay-in of nothing: a page fixing one could never be paid.
            return text.contains(where: { $0 != "0" && $0 != "." }) ? nil : ("invalid-amount",
                "'\(spec.name)' must be more than 0.00: a pay-in of nothing cannot be taken; write the price, such as 10.00")
        case .choice(let values):
            return values.contains(text) ? nil : ("invalid-value",
                "'\(spec.name)' of \(tag) takes only \(values.map { "'\($0)'" }.joined(separator: " or "))"
                + (spec.note.map { " (\($0))" } ?? "") + ", not '\(text)'")
        }
    }

    static func isParameterName(_ name: String) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
        }
        guard let first = name.utf8.first, isLetter(first) else { return false }
        return name.utf8.allSatisfy { isLetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "_") }
    }

    static func isSafeLink(_ text: String) -> Bool {
        if text.hasPrefix("/") { return !text.hasPrefix("//") }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty else { return false }
        return scheme == "https" || scheme == "http"
    }

    /// Text that reads `{param: name}`: a parameter the user quoted, which YAML then hands over
    /// as text.
    ///
    /// Scanned rather than matched with a Regex: a regex literal is parsed again each time it is
    /// evaluated, which for every attribute of every page was half a large build. Spaces are
    /// any Unicode white space, as the regular expression's `\s`.
    static func isQuotedParameter(_ text: String) -> Bool {
        var scalars = text.unicodeScalars[...]
        func skipSpaces() { while let scalar = scalars.first, scalar.properties.isWhitespace { scalars.removeFirst() } }
        func take(_ literal: String) -> Bool {
            guard scalars.starts(with: literal.unicodeScalars) else { return false }
            scalars.removeFirst(literal.unicodeScalars.count)
            return true
        }
        guard take("{") else { return false }
        skipSpaces()
        guard take("param") else { return false }
        skipSpaces()
        guard take(":") else { return false }
        skipSpaces()
        let isStart = { (scalar: Unicode.Scalar) in ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) || scalar == "_" }
        guard let first = scalars.first, isStart(first) else { return false }
        while let scalar = scalars.first, isStart(scalar) || ("0"..."9").contains(scalar) { scalars.removeFirst() }
        skipSpaces()
        return take("}") && scalars.isEmpty
    }

    private static func isAmount(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].allSatisfy(\.isASCII),
              parts[0].allSatisfy(\.isNumber) else { return false }
        return parts.count == 1 || ((1...2).contains(parts[1].count) && parts[1].allSatisfy { $0.isASCII && $0.isNumber })
    }
}

/// What the rules said of each literal value already checked in one manifest. Pages repeat the
/// same values (the same terms and privacy links on every page), and checking a link parses it
/// as a URL.
typealias LiteralVerdicts = SharedMemo<LiteralValue, (code: String, message: String)?>

/// A literal value where it is given, which alone decides its verdict.
struct LiteralValue: Hashable {
    let text: String
    let attribute: String
    let tag: String
}
