/// A unified diff (`diff -u` style, three lines of context) between two texts.
public enum UnifiedDiff {
    private enum Edit {
        case same(Substring)
        case removed(Substring)
        case added(Substring)
    }

    public static func make(from old: String, to new: String, oldName: String, newName: String, context: Int = 3) -> String {
        let edits = editScript(lines(old), lines(new))
        // Where each edit sits in the old and the new text, counted from 1.
        var oldLines: [Int] = [], newLines: [Int] = []
        var oldLine = 1, newLine = 1
        for edit in edits {
            oldLines.append(oldLine)
            newLines.append(newLine)
            if case .added = edit {} else { oldLine += 1 }
            if case .removed = edit {} else { newLine += 1 }
        }
        let changes = edits.indices.filter { if case .same = edits[$0] { false } else { true } }
        var text = "--- \(oldName)\n+++ \(newName)\n"
        for group in groups(of: changes, within: context * 2) {
            let start = max(0, group.first! - context), end = min(edits.count, group.last! + context + 1)
            let hunk = edits[start..<end]
            let oldCount = hunk.filter { if case .added = $0 { false } else { true } }.count
            let newCount = hunk.filter { if case .removed = $0 { false } else { true } }.count
            text += "@@ -\(range(oldLines[start], oldCount)) +\(range(newLines[start], newCount)) @@\n"
            for edit in hunk {
                switch edit {
                case .same(let line): text += " \(line)\n"
                case .removed(let line): text += "-\(line)\n"
                case .added(let line): text += "+\(line)\n"
                }
            }
        }
        return text
    }

    /// Runs of change indices no more than `gap` apart share a hunk.
    private static func groups(of indices: [Int], within gap: Int) -> [[Int]] {
        var groups: [[Int]] = []
        for index in indices {
            if let last = groups.last?.last, index - last <= gap + 1 {
                groups[groups.count - 1].append(index)
            } else {
                groups.append([index])
            }
        }
        return groups
    }

    /// The first line where two texts differ, counted from 1.
    public static func firstDifferentLine(_ old: String, _ new: String) -> Int {
        let a = lines(old), b = lines(new)
        return (zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)) + 1
    }

    private static func lines(_ text: String) -> [Substring] {
        var result = text.split(separator: "\n", omittingEmptySubsequences: false)
        if result.last == "" { result.removeLast() }
        return result
    }

    private static func editScript(_ a: [Substring], _ b: [Substring]) -> [Edit] {
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in b.difference(from: a) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var edits: [Edit] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, removed.contains(i) {
                edits.append(.removed(a[i])); i += 1
            } else if j < b.count, inserted.contains(j) {
                edits.append(.added(b[j])); j += 1
            } else {
                edits.append(.same(a[i])); i += 1; j += 1
            }
        }
        return edits
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start)" : "\(count == 0 ? start - 1 : start),\(count)"
    }
}
