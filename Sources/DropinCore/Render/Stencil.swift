/// A template's text for every context that differs from another only in values the template
/// shows as they are: rendered once with stand-ins where those values go, then filled in.
/// Pages differ in their titles and elements, elements in their attribute values; rendering
/// each of them whole was most of a build's time.
///
/// A stand-in is found in the text written ({{{name}}}) or escaped for HTML ({{name}}), and
/// its value is put in the same way. Values may also be a list of items (a page's elements),
/// shown one after another with the same text between any two. The stencil is only made when
/// rendering with a second set of stand-ins (and three items) gives what filling the stencil
/// with them gives: a template that transforms a value or escapes it for another language,
/// that shows items by their place, or whose fixed text looks like a stand-in, gets none, and
/// is rendered whole. What this cannot see is a template that tests a value (a section on it)
/// which no stand-in leaves empty: so stencils stand only for dropin's own templates, which
/// show these values and never test them.
struct Stencil: Sendable {
    private enum Piece: Sendable {
        case text(String)
        case value(Int, escaped: Bool)
        /// Where the items go; while reading a rendered text, one stand-in item by number.
        case items
        case item(Int)
    }

    private let pieces: [Piece]
    /// The text between two items.
    private let separator: String
    private let hasItems: Bool

    /// `render` renders the template with the values and items given: stand-ins for `values`
    /// values and, when `items` is true, for a list of items. The second rendering shows three
    /// items, so a list whose items are not all shown alike gets no stencil.
    static func make(values: Int, items: Bool, render: (_ values: [String], _ items: [String]) -> String) -> Stencil? {
        let first = StandIns(marker: "\u{E000}", values: values, items: items ? 2 : 0)
        let second = StandIns(marker: "\u{E001}", values: values, items: items ? 3 : 0)
        guard let stencil = Stencil(render(first.values, first.items), standIns: first),
              stencil.filled(values: second.values, items: second.items) == render(second.values, second.items)
        else { return nil }
        return stencil
    }

    /// The text with these values and items; nil when the stencil has items and there are none,
    /// as the text around the items may hold part of the first item's or last item's.
    func filled(values: [String], items: [String]) -> String? {
        if hasItems && items.isEmpty { return nil }
        var text = ""
        for piece in pieces {
            switch piece {
            case .text(let literal): text += literal
            case .value(let index, escaped: false): text += values[index]
            case .value(let index, escaped: true): text += HTMLContentType().escapeText(values[index])
            case .items, .item: text += items.joined(separator: separator)
            }
        }
        return text
    }

    /// From a text rendered with two stand-in items, if any: only plain text between them.
    private init?(_ rendered: String, standIns: StandIns) {
        guard let pieces = standIns.pieces(of: rendered) else { return nil }
        let places = pieces.indices.filter { if case .item = pieces[$0] { true } else { false } }
        guard !places.isEmpty else {
            (self.pieces, separator, hasItems) = (pieces, "", false)
            return
        }
        guard places.count == 2, case .item(0) = pieces[places[0]], case .item(1) = pieces[places[1]] else { return nil }
        switch pieces[(places[0] + 1)..<places[1]].first {
        case nil: separator = ""
        case .text(let text) where places[1] - places[0] == 2: separator = text
        default: return nil
        }
        self.pieces = Array(pieces[..<places[0]]) + [.items] + pieces[(places[1] + 1)...]
        hasItems = true
    }

    /// Stand-ins that carry their own kind and number between two markers: `\u{E000}vV3&\u{E000}`
    /// for the fourth value (its `&` shows whether the template escaped it, its letters whether
    /// it changed their case), `\u{E000}iI1\u{E000}` for the second item.
    private struct StandIns {
        let marker: Character
        let values: [String]
        let items: [String]

        init(marker: Character, values: Int, items: Int) {
            self.marker = marker
            self.values = (0..<values).map { "\(marker)vV\($0)&\(marker)" }
            self.items = (0..<items).map { "\(marker)iI\($0)\(marker)" }
        }

        /// The text cut at each stand-in; nil when a marker does not open a whole stand-in.
        func pieces(of text: String) -> [Piece]? {
            var pieces: [Piece] = []
            var rest = Substring(text)
            while let open = rest.firstIndex(of: marker) {
                if open > rest.startIndex { pieces.append(.text(String(rest[..<open]))) }
                let inside = rest[rest.index(after: open)...]
                guard let close = inside.firstIndex(of: marker), let piece = piece(named: inside[..<close]) else { return nil }
                pieces.append(piece)
                rest = inside[inside.index(after: close)...]
            }
            if !rest.isEmpty { pieces.append(.text(String(rest))) }
            return pieces
        }

        private func piece(named name: Substring) -> Piece? {
            if name.hasPrefix("iI") {
                return Int(name.dropFirst(2)).flatMap { $0 < items.count ? .item($0) : nil }
            }
            guard name.hasPrefix("vV") else { return nil }
            for (suffix, escaped) in [("&", false), ("&amp;", true)] where name.hasSuffix(suffix) {
                guard let index = Int(name.dropFirst(2).dropLast(suffix.count)), index < values.count else { return nil }
                return .value(index, escaped: escaped)
            }
            return nil
        }
    }
}
