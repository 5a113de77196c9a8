import CPolyglotCheck

/// A place where generated text breaks polyglot HTML.
public struct MarkupProblem: Hashable, Sendable {
    public let line: Int
    public let column: Int
    public let message: String
    /// True when the text is not well-formed XML; false for an HTML rule the XML parser misses.
    public let isXMLError: Bool
    /// Which readings of the text build another tree than the XML parser.
    public let reading: Reading

    public enum Reading: Sendable {
        /// html5lib's, the reference implementation of HTML's parsing, as well as browsers'.
        case every
        /// Only another reading: a browser with scripting on, or HTML's parsing as it changed
        /// after html5lib's release.
        case other
        /// None, or none dropin knows of: markup dropin refuses rather than checks (inline SVG
        /// and MathML, obsolete elements).
        case policy
    }
}

/// Checks text as polyglot HTML5 with libxml2 (see Sources/CPolyglotCheck).
public enum PolyglotCheck {
    public enum Kind: Sendable {
        /// A whole page: DOCTYPE and an `html` root in the XHTML namespace.
        case document
        /// A snippet for an app's own templates, checked as the content of an element.
        case fragment
    }

    /// The problems, in the order found; the first is the one to show.
    public static func problems(in text: String, as kind: Kind) -> [MarkupProblem] {
        switch kind {
        case .document: return run(text, isDocument: true)
        case .fragment: return fragmentProblems(text)
        }
    }

    private static func run(_ text: String, isDocument: Bool) -> [MarkupProblem] {
        var result = dropin_polyglot_result()
        var utf8 = text.utf8CString
        utf8.withUnsafeMutableBufferPointer { buffer in
            dropin_polyglot_check(buffer.baseAddress, buffer.count - 1, isDocument ? 1 : 0, &result)
        }
        return withUnsafeBytes(of: &result.problems) { raw in
            let problems = raw.bindMemory(to: dropin_polyglot_problem.self)
            return (0..<Int(result.count)).map { index in
                var problem = problems[index]
                let message = withUnsafeBytes(of: &problem.message) { bytes in
                    String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                }
                let reading: MarkupProblem.Reading = switch Int(problem.reading) {
                case DROPIN_OTHER_READING: .other
                case DROPIN_POLICY: .policy
                default: .every
                }
                return MarkupProblem(line: Int(problem.line), column: Int(problem.column), message: message,
                                     isXMLError: problem.is_xml_error != 0, reading: reading)
            }
        }
    }

    /// A fragment is checked inside a synthetic root on the same first line; positions and
    /// messages are mapped back so they speak of the user's text alone.
    private static func fragmentProblems(_ text: String) -> [MarkupProblem] {
        let open = "<dropin-fragment>", close = "</dropin-fragment>"
        let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
        return run(open + text + close, isDocument: false).map { problem in
            var line = problem.line, column = problem.column
            if line == 1 { column = max(1, column - open.count) }
            if line > lineCount { line = lineCount; column = 1 }
            let message = problem.message.replacing("dropin-fragment", with: "the snippet's end")
            return MarkupProblem(line: line, column: column, message: message, isXMLError: problem.isXMLError,
                                 reading: problem.reading)
        }
    }
}
