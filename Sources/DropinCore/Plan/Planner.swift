/// The plan stage: from a validated manifest to the list of files a build produces.
public struct Planner: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog = .dwolla) {
        self.catalog = catalog
    }

    static let configurePath = "dropin/configure.js"
    static let paramsPath = "dropin/params.js"
    static let indexPath = "index.html"
    static let samplePlaceholder = "sample"
    /// The head snippet's name, beside the pages' snippets; no page may take it.
    static let snippetHead = "head"
    /// The name the head snippet gives the app's CSRF token, in `token.mode: function`.
    static let csrfTokenParameter = "csrfToken"

    public func plan(_ manifest: Manifest) -> BuildPlan {
        let names = SharedValues(manifest: manifest, catalog: catalog)
        // Pages plan independently of each other: spread them over the cores, in manifest order.
        let pages = parallelMap(manifest.pages) { page in self.plannedPage(page, names) }
        var files = pages.map(\.file)
        for language in unique(manifest.partials.map(\.value)) {
            files.append(snippetHeadFile(language, names))
            files += parallelMap(pages) { page in self.snippetFile(page, language, names) }
        }
        files.append(PlannedFile(.public, path: Self.configurePath, content: .template(.configure(configure(manifest, names, module: false)))))
        files += frontEndFiles(manifest, names)
        if pages.contains(where: { $0.deferred }) {
            let context = ParamsContext(header: names.header, checks: paramChecks(pages))
            files.append(PlannedFile(.public, path: Self.paramsPath, content: .template(.params(context))))
        }
        files.append(indexFile(pages, manifest, names))
        let contract = tokenRouteContract(pages, manifest)
        for form in [TokenRouteContract.Form.openAPI, .allowlist] {
            // Each lists every page, so it renders about as long as a page per page.
            files.append(PlannedFile(.private, path: form.path, content: .tokenRoute(contract, form, comment: names.header),
                                     elementCount: pages.count))
        }
        for language in unique(manifest.server.map(\.value)) {
            files += serverFiles(language, names)
        }
        let elements = pages.flatMap(\.elements)
        files.append(stylesheetFile(elements, manifest, names))
        let plan = BuildPlan(files: files.sorted { ($0.root, $0.path) < ($1.root, $1.path) }, pageCount: pages.count,
                             componentCount: elements.count,
                             stylesheetHooks: stylesheetHooks(elements).flatMap(\.hooks), tokenRoute: contract,
                             header: names.header, manifestName: names.manifest, pagePolicy: names.csp)
        // The files keep what they need of the pages; the rest goes.
        releaseElsewhere(consume pages)
        releaseElsewhere(consume elements)
        return plan
    }

    /// One page of the manifest as every file that shows it needs it. A class: the plan passes
    /// each page around several times, and copying one is then a single reference.
    private final class PlannedPage: Sendable {
        let path: String
        let title: String
        let elements: [Element]
        /// The elements as the page and the index show them.
        let contexts: [ElementContext]
        let file: PlannedFile

        init(path: String, title: String, elements: [Element], contexts: [ElementContext], file: PlannedFile) {
            self.path = path
            self.title = title
            self.elements = elements
            self.contexts = contexts
            self.file = file
        }

        var deferred: Bool { contexts.contains { $0.shape.deferred } }
    }

    // MARK: Elements

    /// A component as the pages use it: attributes in the catalog's order (so the YAML's key
    /// order never changes the output), names lowercase as HTML has them, and its actions.
    /// A class, as its catalog entry is large and the plan gathers every page's elements.
    final class Element: Sendable {
        let spec: ComponentSpec
        let attributes: [(name: String, value: AttributeValue)]
        let actions: [Action]

        init(spec: ComponentSpec, attributes: [(name: String, value: AttributeValue)], actions: [Action]) {
            self.spec = spec
            self.attributes = attributes
            self.actions = actions
        }

        var params: [(attribute: String, name: String)] {
            attributes.compactMap { attribute in
                if case .parameter(let name) = attribute.value { return (attribute.name, name) }
                return nil
            }
        }
    }

    private func element(_ component: Manifest.Component) -> Element {
        // Validation has already matched every tag and attribute against the catalog.
        let spec = catalog.component(tag: component.tag.value)!
        let given = component.attributes.compactMap { attribute in
            spec.attribute(named: attribute.name).map { (spec: $0, value: attribute.value.value) }
        }
        let attributes = spec.attributes.compactMap { attributeSpec -> (String, AttributeValue)? in
            guard let value = given.first(where: { $0.spec.name == attributeSpec.name })?.value,
                  value != .flag(false) else { return nil }
            return (attributeSpec.name.lowercased(), value)
        }
        let switchedOn = Set(given.filter { $0.value == .flag(true) }.map(\.spec.name))
        let conditional = spec.conditionalActions.filter { switchedOn.contains($0.attribute) }.flatMap(\.actions)
        let stated = component.actions?.value.map { Action(rawValue: $0.value) } ?? []
        return Element(spec: spec, attributes: attributes, actions: unique((spec.actions ?? stated) + conditional))
    }

    private func elementContext(_ element: Element, placeholder: ((String) -> String)?) -> ElementContext {
        var attributes: [AttributeShape] = []
        var values: [String] = []
        var params: [ParamContext] = []
        for (name, value) in element.attributes {
            switch value {
            case .text(let text) where placeholder != nil:
                // In a snippet, literal text must render as written through the app's template
                // engine too: it comes already escaped, where the template writes it raw.
                attributes.append(AttributeShape(name: name, placeholder: SnippetText.literal(text)))
                values.append("")
            case .text(let text):
                attributes.append(AttributeShape(name: name, placeholder: ""))
                values.append(text)
            case .flag:
                attributes.append(AttributeShape(name: name, placeholder: ""))
                values.append("true")
            case .parameter(let parameter):
                if let placeholder {
                    attributes.append(AttributeShape(name: name, placeholder: placeholder(parameter)))
                    values.append("")
                } else {
                    params.append(ParamContext(attribute: name, name: parameter))
                }
            }
        }
        let shape = ElementShape(tag: element.spec.tag, summary: element.spec.summary, attributes: attributes, params: params,
                                 deferred: !params.isEmpty, actions: element.actions.map(\.rawValue))
        return ElementContext(shape: shape, values: values)
    }

    // MARK: Files

    private func plannedPage(_ page: Manifest.Page, _ names: SharedValues) -> PlannedPage {
        let path = page.path.value
        let elements = page.components.map(element)
        let contexts = elements.map { elementContext($0, placeholder: nil) }
        let frame = PageFrame(
            header: names.header, lang: page.lang?.value ?? names.lang, csp: names.csp,
            stylesheet: OutputPath.relative(from: path, to: names.styles),
            dwollaScript: names.dwollaScript,
            configureScript: OutputPath.relative(from: path, to: Self.configurePath),
            paramsScript: contexts.contains { $0.shape.deferred } ? OutputPath.relative(from: path, to: Self.paramsPath) : nil,
            csrfMeta: names.csrfMeta, index: OutputPath.relative(from: path, to: Self.indexPath))
        let context = PageContext(frame: frame, title: page.title.value, components: contexts)
        let file = PlannedFile(.public, path: path, content: .template(.page(context)), verifyAs: .document,
                               elementCount: contexts.count)
        return PlannedPage(path: path, title: page.title.value, elements: elements, contexts: contexts, file: file)
    }

    private func snippetFile(_ page: PlannedPage, _ language: PartialLanguage, _ names: SharedValues) -> PlannedFile {
        func snippet(_ placeholder: @escaping (String) -> String) -> TemplateInput {
            .snippet(SnippetContext(header: names.header,
                                    components: page.elements.map { elementContext($0, placeholder: placeholder) }))
        }
        return PlannedFile(.private, path: language.snippetPath(String(page.path.dropLast(".html".count))),
                           content: .template(snippet(language.placeholder)), verifyAs: .fragment,
                           verifyInput: Self.needsStandIn(language) ? snippet { _ in Self.samplePlaceholder } : nil,
                           elementCount: page.elements.count)
    }

    /// The scripts and meta tags every page with element snippets needs once.
    private func snippetHeadFile(_ language: PartialLanguage, _ names: SharedValues) -> PlannedFile {
        func head(_ placeholder: (String) -> String) -> TemplateInput {
            .snippetHead(SnippetHeadContext(header: names.header, dwollaScript: names.dwollaScript,
                                            configureScript: names.publicPath + Self.configurePath, csrfMeta: names.csrfMeta,
                                            csrfToken: placeholder(Self.csrfTokenParameter)))
        }
        return PlannedFile(.private, path: language.snippetPath(Self.snippetHead), content: .template(head(language.placeholder)),
                           verifyAs: .fragment, verifyInput: Self.needsStandIn(language) ? head { _ in Self.samplePlaceholder } : nil)
    }

    /// Whether the language's placeholders are not XML themselves (ERB's <%= %>): its snippets
    /// are then checked with a neutral value in their place; the others are checked as written.
    private static func needsStandIn(_ language: PartialLanguage) -> Bool {
        language.placeholder(samplePlaceholder).contains { "<>&\"".contains($0) }
    }

    private func configure(_ manifest: Manifest, _ names: SharedValues, module: Bool) -> ConfigureContext {
        ConfigureContext(
            header: names.header, module: module, environment: manifest.environment.value.rawValue,
            styles: module ? names.publicPath + names.styles : OutputPath.relative(from: Self.configurePath, to: names.styles),
            tokenURL: manifest.token.url.value, tokenFunction: manifest.token.mode.value == .function,
            csrfMeta: manifest.token.csrfMeta.value, csrfHeader: manifest.token.csrfHeader.value,
            success: manifest.callbacks.success?.value, error: manifest.callbacks.error?.value,
            userAgent: manifest.userAgent?.value)
    }

    private func tokenRouteContract(_ pages: [PlannedPage], _ manifest: Manifest) -> TokenRouteContract {
        /// One component's pages and actions. Most of its elements have the actions the one
        /// before had, which then need not be hashed again.
        struct Uses {
            var pages: [String] = []
            var actions: Set<Action> = []
            var lastActions: [Action] = []

            mutating func add(_ elementActions: [Action], page: String?) {
                if let page { pages.append(page) }
                if elementActions != lastActions {
                    actions.formUnion(elementActions)
                    lastActions = elementActions
                }
            }
        }
        var usesByTag: [String: Uses] = [:]
        for page in pages {
            for (index, element) in page.elements.enumerated() {
                let tag = element.spec.tag
                let isFirstOnPage = !page.elements[..<index].contains { $0.spec.tag == tag }
                usesByTag[tag, default: Uses()].add(element.actions, page: isFirstOnPage ? page.path : nil)
            }
        }
        return TokenRouteContract(
            environment: manifest.environment.value, tokenURL: manifest.token.url.value,
            payinAmounts: payinAmounts(pages),
            actions: usesByTag.values.reduce(into: Set<Action>()) { $0.formUnion($1.actions) }.map(\.rawValue).sorted(),
            components: usesByTag.keys.sorted().map { tag in
                TokenRouteContract.Use(tag: tag, actions: usesByTag[tag]!.actions.map(\.rawValue).sorted(), pages: usesByTag[tag]!.pages)
            })
    }

    /// The amounts the manifest's pay-ins fix; nil when one leaves it to the app's server.
    private func payinAmounts(_ pages: [PlannedPage]) -> [String]? {
        var amounts: [String] = []
        for element in pages.lazy.flatMap(\.elements) where element.spec.tag == "dwolla-payin" {
            guard case .text(let amount)? = element.attributes.first(where: { $0.name == "amount" })?.value else { return nil }
            amounts.append(amount)
        }
        return unique(amounts).sorted()
    }

    /// What params.js checks of each parameter, for each component and attribute that takes one.
    private func paramChecks(_ pages: [PlannedPage]) -> [ParamCheck] {
        var seen = Set<String>()
        var checks: [ParamCheck] = []
        for element in pages.lazy.flatMap(\.elements) {
            for (name, value) in element.attributes {
                guard case .parameter = value, let spec = element.spec.attribute(named: name),
                      seen.insert("\(element.spec.tag) \(name)").inserted else { continue }
                checks.append(ParamCheck(tag: element.spec.tag, attribute: name, spec: spec))
            }
        }
        return checks.sorted { $0.key < $1.key }
    }

    /// What a front end that bundles its own code takes from dropin (dropin/frontend/ in the
    /// private folder): the configure code as an ES module, and TypeScript declarations exact for
    /// the pinned dwolla-web.
    private func frontEndFiles(_ manifest: Manifest, _ names: SharedValues) -> [PlannedFile] {
        let pinned = DwollaWebVersion(manifest.dwollaWeb.value).map { min($0, catalog.newestVersion) } ?? catalog.newestVersion
        let types = TypeDeclarations(catalog: catalog, version: pinned, header: names.header)
        return [
            PlannedFile(.private, path: "dropin/frontend/configure.js",
                        content: .template(.configure(configure(manifest, names, module: true)))),
            PlannedFile(.private, path: "dropin/frontend/configure.d.ts", content: .text(types.moduleDeclarations)),
            PlannedFile(.private, path: "dropin/frontend/dwolla-web.d.ts", content: .text(types.dom)),
            PlannedFile(.private, path: "dropin/frontend/dwolla-web-react.d.ts", content: .text(types.react)),
        ]
    }

    /// The token route's code for one stack: the Node handler from its template, or the Swift
    /// sources dropin serve itself runs.
    private func serverFiles(_ language: ServerLanguage, _ names: SharedValues) -> [PlannedFile] {
        switch language {
        case .node:
            let folder = "dropin/server/node/"
            let declarations = "// \(names.header)\n" + NodeTokenRouteDeclarations.text
            return [
                PlannedFile(.private, path: folder + "dwolla-token-route.js",
                            content: .template(.nodeTokenRoute(TokenRouteCodeContext(header: names.header, module: false)))),
                PlannedFile(.private, path: folder + "dwolla-token-route.d.ts", content: .text(declarations)),
                PlannedFile(.private, path: folder + "dwolla-token-route.mjs",
                            content: .template(.nodeTokenRoute(TokenRouteCodeContext(header: names.header, module: true)))),
                PlannedFile(.private, path: folder + "dwolla-token-route.d.mts", content: .text(declarations)),
            ]
        case .python:
            return [PlannedFile(.private, path: "dropin/server/python/dwolla_token_route.py",
                                content: .template(.pythonTokenRoute(TokenRouteCodeContext(header: names.header, module: false))))]
        case .ruby:
            return [PlannedFile(.private, path: "dropin/server/ruby/dwolla_token_route.rb",
                                content: .template(.rubyTokenRoute(TokenRouteCodeContext(header: names.header, module: false))))]
        case .php:
            return [PlannedFile(.private, path: "dropin/server/php/DwollaTokenRoute.php",
                                content: .template(.phpTokenRoute(TokenRouteCodeContext(header: names.header, module: false))))]
        case .swift:
            return EmbeddedTemplates.tokenRouteSources.map { file in
                PlannedFile(.private, path: "dropin/server/swift/\(file.name)", content: .text("// \(names.header)\n" + file.text))
            }
        }
    }

    private func indexFile(_ pages: [PlannedPage], _ manifest: Manifest, _ names: SharedValues) -> PlannedFile {
        let context = IndexContext(
            header: names.header, lang: names.lang, title: "Dwolla drop-in pages", csp: names.csp,
            stylesheet: names.styles, environment: manifest.environment.value.rawValue,
            dwollaWeb: manifest.dwollaWeb.value,
            pages: pages.map { page in
                IndexPageContext(title: page.title, href: page.path, path: page.path, components: page.contexts)
            })
        return PlannedFile(.public, path: Self.indexPath, content: .template(.index(context)), verifyAs: .document,
                           elementCount: pages.reduce(0) { $0 + $1.elements.count })
    }

    /// Each hook once: under the shared heading, else under the first component in use that has it.
    private func stylesheetHooks(_ elements: [Element]) -> [StylesheetComponentContext] {
        let used = Set(elements.map(\.spec.tag))
        var seen = Set(catalog.sharedStyleHooks)
        let shared = StylesheetComponentContext(tag: "", summary: "", hooks: catalog.sharedStyleHooks)
        return [shared] + catalog.components.filter { used.contains($0.tag) }.compactMap { spec in
            let hooks = spec.styleHooks.filter { seen.insert($0).inserted }
            return hooks.isEmpty ? nil : StylesheetComponentContext(tag: spec.tag, summary: spec.summary, hooks: hooks)
        }
    }

    private func stylesheetFile(_ elements: [Element], _ manifest: Manifest, _ names: SharedValues) -> PlannedFile {
        let groups = stylesheetHooks(elements)
        let context = StylesheetContext(
            header: "Written once by dropin from \(names.manifest) as a starting point. It is yours: dropin never overwrites it, and dropin check lists hooks of components in use that it lacks.",
            sharedHooks: groups[0].hooks, components: Array(groups.dropFirst()))
        return PlannedFile(.public, path: names.styles, content: .template(.stylesheet(context)), ownership: .seeded)
    }
}

/// Values every file of one build shares.
private struct SharedValues {
    let manifest: String
    let header: String
    let lang: String
    let csp: String?
    let styles: String
    let dwollaScript: String
    let csrfMeta: String?
    let publicPath: String

    init(manifest: Manifest, catalog: Catalog) {
        self.manifest = ManifestName.shown(manifest.file)
        let deployment = manifest.deploymentName.map { " (deployment \($0))" } ?? ""
        header = "Generated by dropin from \(self.manifest)\(deployment). Do not edit: change \(self.manifest) and run dropin build."
        lang = manifest.lang.value
        csp = manifest.csp.enabled
            ? ContentSecurityPolicy.policy(
                environment: manifest.environment.value, tokenURL: manifest.token.url.value,
                additions: manifest.csp.additions.map { ($0.directive.value, $0.sources.map(\.value)) })
            : nil
        styles = manifest.styles.value
        dwollaScript = "https://cdn.dwolla.com/v\(manifest.dwollaWeb.value)/dwolla-web.js"
        csrfMeta = manifest.token.mode.value == .function ? manifest.token.csrfMeta.value : nil
        publicPath = manifest.publicPath.value
    }
}

extension PartialLanguage {
    /// Where the snippet named `name` (a page's path without `.html`, or `head`) is written,
    /// named as the engine looks templates up: Jinja `.html.j2`, Mustache `.mustache`, EJS
    /// `.ejs`, and ERB `_name.html.erb`, as Rails finds partials.
    func snippetPath(_ name: String) -> String {
        let folder = "dropin/partials/\(rawValue)/"
        switch self {
        case .mustache: return folder + name + ".mustache"
        case .jinja: return folder + name + ".html.j2"
        case .ejs: return folder + name + ".ejs"
        case .erb:
            let parent = OutputPath.folder(of: name)
            return folder + (parent.isEmpty ? "" : parent + "/") + "_" + OutputPath.name(of: name) + ".html.erb"
        }
    }

    /// The language's HTML-escaping expression for a parameter.
    var placeholder: @Sendable (String) -> String {
        switch self {
        case .mustache: return { "{{\($0)}}" }
        case .jinja: return { "{{ \($0)|e }}" }
        // ERB::Util.html_escape is plain ERB's own; Rails' `h` is the same function, in Rails only.
        case .erb: return { "<%= ERB::Util.html_escape(\($0)) %>" }
        case .ejs: return { "<%= \($0) %>" }
        }
    }
}

func unique<T: Hashable>(_ items: [T]) -> [T] {
    var seen = Set<T>()
    return items.filter { seen.insert($0).inserted }
}
