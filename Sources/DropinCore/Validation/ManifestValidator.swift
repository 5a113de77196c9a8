/// The validate stage: from a parsed manifest to a typed `Manifest`, reporting every problem in
/// one pass. The manifest comes back only when there is no error.
public struct ManifestValidator: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog = .dwolla) {
        self.catalog = catalog
    }

    public struct Result: Sendable {
        public let manifest: Manifest?
        /// In reading order.
        public let diagnostics: [Diagnostic]
    }

    public func validate(_ source: ManifestSource) -> Result {
        let file = source.file
        guard let root = source.takeRoot() else {
            return Result(manifest: nil, diagnostics: [.error("empty-manifest",
                "\(file) is empty: start from `dropin init`, or add version, environment, token and pages",
                at: SourceLocation(file: file, line: 1, column: 1))])
        }
        if let mismatch = DropinRequirement.problem(in: root, file: file) {
            return Result(manifest: nil, diagnostics: [mismatch])
        }
        var checker = ShapeChecker(file: file)
        let checked = checker.check(root, against: ManifestSchema.shape(catalog: catalog), path: .root)
        releaseElsewhere(consume root)
        var diagnostics = checker.diagnostics
        guard let checked else {
            return Result(manifest: nil, diagnostics: diagnostics.sortedByLocation())
        }
        let manifest = decodeAndCheck(checked, file: file, into: &diagnostics)
        releaseElsewhere(consume checked)
        return Result(manifest: diagnostics.hasErrors ? nil : manifest, diagnostics: diagnostics.sortedByLocation())
    }

    private func decodeAndCheck(_ root: CheckedValue, file: String, into diagnostics: inout [Diagnostic]) -> Manifest? {
        let decoder = ManifestDecoder(file: file, catalog: catalog)
        let project = ProjectRules(catalog: catalog)
        let environment = decoder.environment(root)
        let dwollaWeb = decoder.dwollaWeb(root)
        let pinned = project.dwollaWeb(dwollaWeb, into: &diagnostics)
        if root["dwollaWeb"] == nil {
            diagnostics.append(project.unpinned(dwollaWeb))
        }
        let output = decoder.output(root), styles = decoder.styles(root)
        let privateOutput = decoder.privateOutput(root, output: output)
        let token = decoder.token(root), callbacks = decoder.callbacks(root)
        let lang = decoder.lang(root), publicPath = decoder.publicPath(root), templates = decoder.templates(root)
        let partials = decoder.partials(root), csp = decoder.csp(root), userAgent = decoder.userAgent(root)
        let folderProblems = project.folder(output, key: "output") + (privateOutput.map { project.folder($0, key: "privateOutput") } ?? [])
        // Where the two folders lie only means something once each is a folder.
        diagnostics += folderProblems.isEmpty ? project.folders(output: output, privateOutput: privateOutput) : folderProblems
        diagnostics += project.styles(styles) + project.callbacks(callbacks)
        diagnostics += ProjectRules.lang(lang) + project.publicPath(publicPath) + project.csp(csp)
        diagnostics += templates.map(project.templates) ?? []
        if let templates, folderProblems.isEmpty {
            diagnostics += project.templates(templates, apartFrom: [output] + (privateOutput.map { [$0] } ?? []))
        }
        diagnostics += userAgent.map(project.userAgent) ?? []
        // With deployments, the environment's rules apply to each deployment instead.
        let deploymentList = root["deployments"]
        if let token { diagnostics += project.token(token, environment: deploymentList == nil ? environment?.value : nil) }
        var deployments: [Manifest.Deployment] = []
        if let deploymentList, let environment, let token {
            let defaults = DeploymentRules.Defaults(
                environment: environment, output: output, privateOutput: privateOutput,
                namesPrivateOutput: root["privateOutput"] != nil, publicPath: publicPath, tokenURL: token.url, csp: csp,
                templates: templates)
            deployments = DeploymentRules(decoder: decoder, project: project).deployments(deploymentList, defaults: defaults, into: &diagnostics)
        }

        let componentRules = ComponentRules(catalog: catalog, pinned: pinned)
        let pageRules = PageRules(writesSnippets: !partials.isEmpty)
        // Each page is decoded and checked on its own: spread them over the cores, in order.
        var checkedPages = parallelMap(root["pages"]?.list ?? []) { pageValue -> (Manifest.Page?, [Diagnostic]) in
            let components = (pageValue["components"]?.list ?? []).compactMap(decoder.component)
            var problems = components.flatMap(componentRules.component)
            let page = decoder.page(pageValue, components: components)
            if let page { problems += pageRules.page(page, styles: styles.value) }
            return (page, problems)
        }
        diagnostics += checkedPages.flatMap(\.1)
        // Moved out rather than copied: a page holds many values, each counted on copy.
        var pages: [Manifest.Page] = []
        pages.reserveCapacity(checkedPages.count)
        for index in checkedPages.indices {
            if let page = checkedPages[index].0.take() { pages.append(page) }
        }
        diagnostics += pageRules.distinctPaths(pages)

        guard let version = decoder.version(root), let environment, let token, let privateOutput else { return nil }
        return Manifest(file: file, version: version, environment: environment, dwollaWeb: dwollaWeb,
                        output: output, privateOutput: privateOutput, styles: styles, lang: lang, publicPath: publicPath, templates: templates,
                        partials: partials, csp: csp, server: decoder.server(root), token: token, callbacks: callbacks, userAgent: userAgent, pages: pages,
                        deployments: deployments)
    }
}
