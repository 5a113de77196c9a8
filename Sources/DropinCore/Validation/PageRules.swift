import Foundation

/// Rules on pages: where each is written, its title, its language, and paths that clash.
struct PageRules {
    /// Paths dropin writes itself, which a page may not take.
    static let reservedPaths = ["index.html"]
    static let reservedFolders = ["dropin"]
    /// Whether the build writes snippets, whose head snippet takes the name a page `head.html`
    /// would give its own.
    let writesSnippets: Bool

    func page(_ page: Manifest.Page, styles: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let path = page.path
        func pathError(_ message: String) {
            diagnostics.append(.error("invalid-page-path", message, at: path.location, path: path.path))
        }
        let lowercased = path.value.lowercased()
        if let problem = RelativePath.problem(in: path.value) {
            pathError(RelativePath.explain(problem, key: "path", folder: "the output folder"))
        } else if !lowercased.hasSuffix(".html") {
            pathError("a page path must end in .html, like \(suggestedName(for: path.value))")
        } else if Self.reservedPaths.contains(lowercased) {
            pathError("'\(path.value)' is the site index dropin writes: choose another path for this page")
        } else if writesSnippets && lowercased == Planner.snippetHead + ".html" {
            pathError("'\(path.value)' would give its snippets the name of the head snippet every page includes (dropin/partials/LANG/\(Planner.snippetHead)): choose another path for this page")
        } else if let folder = path.value.split(separator: "/").first, path.value.utf8.contains(UInt8(ascii: "/")),
                  Self.reservedFolders.contains(folder.lowercased()) {
            pathError("'\(folder)/' holds the files dropin generates beside the pages: put this page in another folder")
        } else if lowercased == styles.lowercased() {
            pathError("'\(path.value)' is also the stylesheet path ('styles'): choose another path")
        }
        if let lang = page.lang {
            diagnostics += ProjectRules.lang(lang)
        }
        // White_Space is the set Foundation trims as whitespacesAndNewlines, without a trip
        // through Foundation for every title.
        if page.title.value.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            diagnostics.append(.error("empty-title", "the page title is empty: give the page a title people will see in their tab",
                                      at: page.title.location, path: page.title.path))
        } else if page.title.value.unicodeScalars.contains(where: RelativePath.isControl) {
            diagnostics.append(.error("control-character", "the page title contains a control character: remove it",
                                      at: page.title.location, path: page.title.path))
        }
        return diagnostics
    }

    /// Two pages may not share a file, nor names that differ only in case (one file on macOS
    /// and Windows).
    func distinctPaths(_ pages: [Manifest.Page]) -> [Diagnostic] {
        // By position: keeping each page itself meant copying every page of a long manifest.
        var seen: [String: Int] = [:]
        seen.reserveCapacity(pages.count)
        var diagnostics: [Diagnostic] = []
        for (index, page) in pages.enumerated() {
            let key = page.path.value.lowercased()
            if let firstIndex = seen[key] {
                let first = pages[firstIndex]
                let sameCase = first.path.value == page.path.value
                diagnostics.append(.error("duplicate-page-path",
                    sameCase
                        ? "two pages have the path '\(page.path.value)' (the first on line \(first.path.location.line)): give each page its own path"
                        : "'\(page.path.value)' and '\(first.path.value)' (line \(first.path.location.line)) differ only in case, and are one file on macOS and Windows: rename one",
                    at: page.path.location, path: page.path.path))
            } else {
                seen[key] = index
            }
        }
        return diagnostics
    }

    private func suggestedName(for path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path + ".html" }
        return path[..<dot] + ".html"
    }
}
