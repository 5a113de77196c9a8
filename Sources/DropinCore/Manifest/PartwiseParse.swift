import Foundation
import Yams

/// Parses a long manifest in parts, one per core. The page list is nearly all of a large
/// manifest, and Yams builds its tree on one core (what this buys: BENCHMARKS.md).
///
/// The text is cut only before a line that starts a page: `- ` at the list's own indentation,
/// inside the `pages:` block. Such a line ends every block value before it, so the part before
/// parses as it does in the whole text, or fails: a quote or bracket still open at the cut
/// leaves it unfinished. Each later part is parsed as `pages:` and blank lines up to its own
/// first line, so its nodes carry the lines and columns they have in the whole text, and are
/// then appended to the first part's list. Whenever something does not fit (a part does not
/// parse, an alias names an anchor in another part, the parts do not line up as expected), the
/// caller parses the whole text, which also gives any error exactly.
package enum PartwiseParse {
    /// Shorter manifests are parsed whole: a few hundred pages parse in a millisecond or two.
    static let bytesWorthSplitting = 256 * 1024

    /// The tree, or nil when the text should be parsed whole.
    package static func root(of text: String, parts: Int = ProcessInfo.processInfo.activeProcessorCount,
                     minimumBytes: Int = bytesWorthSplitting) -> Node? {
        guard parts > 1, text.utf8.count >= minimumBytes else { return nil }
        var text = text
        guard let plan = text.withUTF8({ PartPlan($0, parts: parts) }) else { return nil }
        let roots = parallelMap(plan.texts) { part in
            ParsedPart(root: try? ManifestSource.yamlRoot(of: part))
        }
        return merge(roots.map(\.root), plan: plan)
    }

    /// Appends each later part's pages to the first part's list; the last part also brings the
    /// keys that follow the list.
    private static func merge(_ roots: [Node?], plan: PartPlan) -> Node? {
        guard case .mapping(let head)? = roots.first else { return nil }
        var pairs = Array(head)
        guard let (key, list) = pairs.popLast(), key.string == "pages", key.mark?.line == plan.pagesLine,
              case .sequence(let headPages) = list else { return nil }
        guard endsBefore(plan.firstLines[0], headPages) else { return nil }
        var pages = Array(headPages)
        var following: [(Node, Node)] = []
        for (index, root) in roots.dropFirst().enumerated() {
            guard case .mapping(let part)? = root else { return nil }
            let partPairs = Array(part)
            let isLast = index == roots.count - 2
            guard let (partKey, partList) = partPairs.first, partKey.string == "pages", partKey.mark?.line == 1,
                  case .sequence(let partPages) = partList, partPages.first?.mark?.line == plan.firstLines[index],
                  isLast || (partPairs.count == 1 && endsBefore(plan.firstLines[index + 1], partPages)) else { return nil }
            pages += partPages
            if isLast { following = Array(partPairs.dropFirst()) }
        }
        pairs.append((key, .sequence(Node.Sequence(pages, headPages.tag, headPages.style, headPages.mark))))
        return .mapping(Node.Mapping(pairs + following, head.tag, head.style, head.mark))
    }

    /// Whether every node of a part's last page lies before the line the next part starts on.
    /// An empty value (`title:` with nothing after it) takes its place from whatever comes next:
    /// at the end of a part that is the line after, at its first column, where the whole text
    /// has the next page's `-`. Such a part is not used.
    private static func endsBefore(_ line: Int, _ pages: Node.Sequence) -> Bool {
        func lastLine(_ node: Node) -> Int {
            let own = node.mark?.line ?? 0
            switch node {
            case .scalar: return own
            case .mapping(let mapping): return mapping.reduce(own) { max($0, lastLine($1.key), lastLine($1.value)) }
            case .sequence(let sequence): return sequence.reduce(own) { max($0, lastLine($1)) }
            }
        }
        return pages.last.map(lastLine).map { $0 < line } ?? true
    }
}

extension Node {
    /// Every node with its place, tag and style, so that the tests and the fuzzer can compare a
    /// tree parsed in parts with the whole parse in full (Yams's `==` ignores places).
    package var outline: String {
        let place = mark.map { "\($0.line):\($0.column)" } ?? "-"
        switch self {
        case .scalar(let scalar):
            return "\(place) \(scalar.tag) \(scalar.style) \(scalar.string.debugDescription)"
        case .mapping(let mapping):
            return "\(place) \(mapping.tag) \(mapping.style) {"
                + mapping.map { $0.key.outline + ": " + $0.value.outline }.joined(separator: ", ") + "}"
        case .sequence(let sequence):
            return "\(place) \(sequence.tag) \(sequence.style) [" + sequence.map(\.outline).joined(separator: ", ") + "]"
        }
    }
}

/// Yams's nodes are not marked Sendable; each part's tree is built by one thread, then only read.
private struct ParsedPart: @unchecked Sendable {
    let root: Node?
}

/// Where the text is cut, and the text of each part.
private struct PartPlan {
    /// The line of `pages:`.
    let pagesLine: Int
    /// The first line of each part after the first.
    let firstLines: [Int]
    let texts: [String]

    init?(_ bytes: UnsafeBufferPointer<UInt8>, parts: Int) {
        guard let block = PagesBlock(bytes) else { return nil }
        var cuts: [(offset: Int, line: Int)] = []
        var candidates = block.pageStarts[...]
        for part in 1..<parts {
            let target = block.start + (block.end - block.start) * part / parts
            candidates = candidates.drop { $0.offset < target }
            guard let cut = candidates.first else { break }
            cuts.append(cut)
            candidates = candidates.dropFirst()
        }
        guard !cuts.isEmpty else { return nil }
        pagesLine = block.pagesLine
        firstLines = cuts.map(\.line)
        let bounds = [0] + cuts.map(\.offset) + [bytes.count]
        texts = (0..<bounds.count - 1).map { index in
            let body = String(decoding: UnsafeBufferPointer(rebasing: bytes[bounds[index]..<bounds[index + 1]]), as: UTF8.self)
            guard index > 0 else { return body }
            return "pages:\n" + String(repeating: "\n", count: cuts[index - 1].line - 2) + body
        }
    }
}

/// The top-level `pages:` block of a manifest written in block style, found line by line: where
/// its items start, and the lines that start a page.
private struct PagesBlock {
    private(set) var pagesLine = 0
    /// The offset of the first page, and of the line after the block.
    private(set) var start = 0
    private(set) var end = 0
    /// Lines that start a page, after the first.
    private(set) var pageStarts: [(offset: Int, line: Int)] = []

    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !Self.hasOtherLineBreaks(bytes) else { return nil }
        var indent: Int?
        var offset = 0, line = 1
        end = bytes.count
        while offset < bytes.count {
            let lineEnd = bytes.firstIndex(of: 0x0A, from: offset) ?? bytes.count
            let text = UnsafeBufferPointer(rebasing: bytes[offset..<lineEnd])
            if pagesLine == 0 {
                if Self.isPagesKey(text) { pagesLine = line }
            } else if let indent {
                if Self.startsItem(text, at: indent) {
                    pageStarts.append((offset, line))
                } else if Self.endsBlock(text, indent: indent) {
                    end = offset
                    break
                }
            } else if !Self.isBlankOrComment(text) {
                // The first page says how far the list is indented; anything else is not a
                // block list, and is left to the whole parse.
                guard let spaces = text.firstIndex(where: { $0 != 0x20 }), Self.startsItem(text, at: spaces) else { return nil }
                indent = spaces
                start = offset
            }
            offset = lineEnd + 1
            line += 1
        }
        guard indent != nil else { return nil }
    }

    /// libyaml also ends a line at `\r` (inside a quoted text too), U+0085, U+2028 and U+2029;
    /// this scan counts `\n` only, so with any of those the parts' lines would not be the
    /// whole text's.
    private static func hasOtherLineBreaks(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func occurrences(of lead: UInt8) -> some Sequence<Int> {
            sequence(state: 0) { (start: inout Int) -> Int? in
                let found = bytes.firstIndex(of: lead, from: start)
                start = (found ?? bytes.count) + 1
                return found
            }
        }
        func follows(_ index: Int, _ tail: UInt8...) -> Bool {
            index + tail.count < bytes.count && tail.indices.allSatisfy { bytes[index + 1 + $0] == tail[$0] }
        }
        return bytes.firstIndex(of: 0x0D, from: 0) != nil
            || occurrences(of: 0xC2).contains { follows($0, 0x85) }
            || occurrences(of: 0xE2).contains { follows($0, 0x80, 0xA8) || follows($0, 0x80, 0xA9) }
    }

    /// `pages:` at the start of a line, with nothing after it but spaces.
    private static func isPagesKey(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        text.starts(with: pagesKey) && text.dropFirst(pagesKey.count).allSatisfy { $0 == 0x20 }
    }

    private static let pagesKey = Array("pages:".utf8)

    /// Exactly `indent` spaces, then `- `.
    private static func startsItem(_ text: UnsafeBufferPointer<UInt8>, at indent: Int) -> Bool {
        text.count > indent + 1 && text[indent] == 0x2D && text[indent + 1] == 0x20
            && text[..<indent].allSatisfy { $0 == 0x20 }
    }

    private static func isBlankOrComment(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = text.first(where: { $0 != 0x20 }) else { return true }
        return first == 0x23
    }

    /// A line at the first column that is not a page of a list written there: the next key.
    private static func endsBlock(_ text: UnsafeBufferPointer<UInt8>, indent: Int) -> Bool {
        guard let first = text.first, first != 0x20, first != 0x23 else { return false }
        return !(indent == 0 && startsItem(text, at: 0))
    }
}
