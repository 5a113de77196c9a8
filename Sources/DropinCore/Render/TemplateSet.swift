import Foundation
import Mustache

/// The templates a build renders with: dropin's defaults (Templates/, compiled in), each
/// replaced by a file of the same name in the manifest's `templates` folder.
public struct TemplateSet: Sendable {
    public enum Origin: Sendable, Equatable {
        case builtIn
        /// The user's file, as messages should name it.
        case override(String)
    }

    public static let fileExtension = ".mustache"

    /// The default templates, by name (`page.html`), as shipped.
    public static let defaults: [(name: String, text: String)] = EmbeddedTemplates.all.map { file in
        (String(file.name.dropLast(fileExtension.count)), file.text)
    }

    /// What each default renders, for `dropin templates list`.
    public static let purposes: [String: String] = [
        "page.html": "each page: its head, scripts and drop-in elements",
        "element.html": "one drop-in element; included by page.html and snippet.html",
        "index-page.html": "one page in the site index; included by index.html",
        "index-element.html": "one element in the site index; included by index-page.html",
        "snippet.html": "a page's elements for an app's own templates (dropin/partials/LANG/)",
        "snippet-head.html": "the scripts and meta tags a page with element snippets needs once (dropin/partials/LANG/head)",
        "index.html": "the site index: pages, components and their token actions",
        "configure.js": "the dwolla.configure call every page loads (dropin/configure.js)",
        "params.js": "fills in page parameters from the address (dropin/params.js)",
        "styles.css": "the stylesheet starting point, written once and then yours",
        "token-route.js": "the token route for Node 18+ (dropin/server/node/), with server: [node]",
        "token-route.php": "the token route for PHP 8.1+, plain PHP or a framework's controller (dropin/server/php/), with server: [php]",
        "token-route.rb": "the token route for Ruby 3.0+, a Rack app (dropin/server/ruby/), with server: [ruby]",
        "token-route.py": "the token route for Python 3.9+, WSGI and ASGI (dropin/server/python/), with server: [python]",
    ]

    /// Every template as written, the overrides in place of the defaults they replace.
    let library: MustacheLibrary
    /// The same, but where dropin's own templates include a shared part they get its stand-in,
    /// `{{{markup}}}`: its text for one element or page, made once for many (`SharedPartials`).
    /// dropin's own templates render from here, an override from `library`, so that an
    /// override that includes a part gets the part as written.
    let libraryWithStandIns: MustacheLibrary
    let origins: [String: Origin]
    /// dropin's partials, by name, where they and the partials they include are dropin's own,
    /// and so is one of the templates that include them: their text is then made once for many
    /// elements or pages.
    let sharedParts: [String: MustacheTemplate]
    /// Whether the page template and the element template it includes are dropin's own: pages
    /// then share stencils (`PageStencils`).
    var sharedPage: Bool { origin(of: Self.page) == .builtIn && sharedParts[Self.element] != nil }

    static let page = "page.html"
    static let snippet = "snippet.html"
    static let index = "index.html"
    static let element = "element.html"
    static let indexPage = "index-page.html"
    static let indexElement = "index-element.html"
    /// The partials, and dropin's templates that include each.
    static let includers = [element: [page, snippet], indexPage: [index], indexElement: [indexPage]]
    /// The partials each partial includes: shared only with them, as a shared part's text is
    /// made on its own, without the templates around it.
    static let includes = [indexPage: [indexElement]]

    /// The library the template renders from: dropin's own templates take shared parts' text.
    func library(for name: String) -> MustacheLibrary {
        origin(of: name) == .builtIn ? libraryWithStandIns : library
    }

    public func origin(of name: String) -> Origin {
        origins[name] ?? .builtIn
    }

    /// The user's template files in use, as messages name them.
    public var overrides: [String] {
        origins.values.compactMap { if case .override(let path) = $0 { path } else { nil } }.sorted()
    }

    /// The defaults other templates include rather than a build renders as a file.
    static let partials = Set(includers.keys)

    /// Loads the defaults and the overrides in `folder`; `displayFolder` is how messages name it.
    /// Of the defaults, only those a build `renders` (and the partials) are parsed: the Node
    /// route's template alone is over half the text, which a small build need not parse.
    /// With overrides, every default is parsed, as an override may include any of them.
    /// Problems (an unknown or unreadable file, a template that does not parse) come back as
    /// diagnostics; the set is nil when there are any.
    /// `inside` is the manifest's folder: the overrides' folder must resolve inside it, whatever
    /// symbolic links lead there.
    public static func load(overrides folder: URL?, displayFolder: String, inside root: URL? = nil, renders: Set<String>? = nil)
        -> (TemplateSet?, [Diagnostic]) {
        _ = ContentTypes.registered
        var texts = Dictionary(uniqueKeysWithValues: defaults.map { ($0.name, $0.text) })
        var origins: [String: Origin] = [:]
        var diagnostics: [Diagnostic] = []
        if let folder, let root, !resolves(folder, inside: root) {
            return (nil, [.error("invalid-path",
                "the templates folder \(displayFolder) leads outside the manifest's folder through a symbolic link: keep the templates inside the project",
                at: SourceLocation(file: displayFolder, line: 1, column: 1))])
        }
        if let folder {
            let (overrides, problems) = readOverrides(folder, displayFolder: displayFolder, known: Array(texts.keys).sorted())
            diagnostics += problems
            for (name, text, display) in overrides {
                texts[name] = text
                origins[name] = .override(display)
            }
        }
        if let renders, origins.isEmpty {
            texts = texts.filter { renders.contains($0.key) || partials.contains($0.key) }
        }
        let shared = includers.keys.filter { part in
            ([part] + (includes[part] ?? [])).allSatisfy { origins[$0] == nil } && includers[part]!.contains { origins[$0] == nil }
        }
        var library = MustacheLibrary()
        var parsed: [String: MustacheTemplate] = [:]
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            do {
                let template = try MustacheTemplate(string: text)
                parsed[name] = template
                library.register(template, named: name)
            } catch let error as MustacheTemplate.ParserError {
                let file = origins[name].flatMap { if case .override(let path) = $0 { path } else { nil } } ?? name + fileExtension
                diagnostics.append(.error("template-syntax",
                    "the template \(name) does not parse: \(describe(error.error))",
                    at: SourceLocation(file: file, line: error.context.lineNumber, column: error.context.columnNumber)))
            } catch {
                diagnostics.append(.error("template-syntax", "the template \(name) does not parse: \(error)"))
            }
        }
        var sharedParts: [String: MustacheTemplate] = [:]
        var libraryWithStandIns = library
        for part in shared {
            sharedParts[part] = parsed[part]
            libraryWithStandIns.register(partStandIn, named: part)
        }
        guard diagnostics.isEmpty else { return (nil, diagnostics) }
        return (TemplateSet(library: library, libraryWithStandIns: libraryWithStandIns, origins: origins, sharedParts: sharedParts),
                [])
    }

    /// What dropin's own templates include for a shared part (`libraryWithStandIns`).
    private static let partStandIn = try! MustacheTemplate(string: "{{{markup}}}")

    private static func readOverrides(_ folder: URL, displayFolder: String, known: [String])
        -> ([(name: String, text: String, display: String)], [Diagnostic]) {
        guard let entries = try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil) else {
            return ([], [.error("no-templates-folder",
                "the templates folder \(displayFolder) cannot be read: create it, or remove 'templates' from the manifest")])
        }
        var overrides: [(String, String, String)] = []
        var diagnostics: [Diagnostic] = []
        for entry in entries.sorted(by: { $0.lastPathComponent < $1.lastPathComponent })
        where !entry.lastPathComponent.hasPrefix(".") {
            let file = entry.lastPathComponent
            let display = displayFolder + "/" + file
            let name = file.hasSuffix(fileExtension) ? String(file.dropLast(fileExtension.count)) : file
            guard known.contains(name) else {
                diagnostics.append(.error("unknown-template",
                    "\(display) does not replace any template dropin uses"
                    + (Suggestion.closest(to: name, in: known).map { "; did you mean \($0)\(fileExtension)?" }
                       ?? "; `dropin templates list` names them"),
                    at: SourceLocation(file: display, line: 1, column: 1)))
                continue
            }
            guard !isSymbolicLink(entry) else {
                diagnostics.append(.error("unreadable-template",
                    "\(display) is a symbolic link: copy the template into \(displayFolder) instead, so the build reads only the project's own files",
                    at: SourceLocation(file: display, line: 1, column: 1)))
                continue
            }
            guard let data = try? Data(contentsOf: entry), let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(.error("unreadable-template", "\(display) cannot be read as UTF-8 text",
                                          at: SourceLocation(file: display, line: 1, column: 1)))
                continue
            }
            overrides.append((name, text, display))
        }
        return (overrides, diagnostics)
    }

    /// True when the folder does not exist (reported when it is read) or its real path is
    /// inside the root's.
    private static func resolves(_ folder: URL, inside root: URL) -> Bool {
        guard let real = realpath(folder.path, nil) else { return true }
        defer { free(real) }
        guard let realRoot = realpath(root.path, nil) else { return true }
        defer { free(realRoot) }
        let path = String(cString: real), rootPath = String(cString: realRoot)
        return path == rootPath || path.hasPrefix(rootPath == "/" ? "/" : rootPath + "/")
    }

    private static func isSymbolicLink(_ url: URL) -> Bool {
        var status = stat()
        return lstat(url.path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: "a section is closed with another name than it was opened with"
        case MustacheTemplate.Error.unfinishedName: "a tag is not finished with }}"
        case MustacheTemplate.Error.expectedSectionEnd: "a section is opened and never closed"
        case MustacheTemplate.Error.invalidSetDelimiter: "a set-delimiter tag is malformed"
        default: "\(error)"
        }
    }
}
