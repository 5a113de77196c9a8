import Foundation

/// The whole pipeline a reader can follow: load -> validate -> plan -> render -> verify, then
/// write (`build`) or compare (`check`), for each deployment. Each stage is a type of its own;
/// this file only chains them and stops at the first stage that reports an error.
public struct Pipeline: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog = .dwolla) {
        self.catalog = catalog
    }

    /// Which deployments a command acts on.
    public enum Deployments: Sendable, Equatable {
        /// Every one; the manifest itself when it has none.
        case all
        case named(String)
        /// The first sandbox deployment, as `dropin serve` serves.
        case firstSandbox
    }

    /// One deployment's output, rendered and verified, ready to write or compare.
    public struct Rendered: Sendable {
        /// The manifest with the deployment's values in place.
        public let manifest: Manifest
        public let plan: BuildPlan
        public let files: [RenderedFile]
        public let folders: OutputFolders
    }

    /// The manifest, and each chosen deployment's output.
    private struct RenderedManifest {
        let manifest: Manifest
        let deployments: [Rendered]
    }

    /// Validates, then plans, renders and verifies each chosen deployment; nil when any stage
    /// reports an error for any of them.
    private func render(_ source: ManifestSource, at base: ManifestLocation, _ chosen: Deployments) -> (RenderedManifest?, [Diagnostic]) {
        let validation = ManifestValidator(catalog: catalog).validate(source)
        var diagnostics = validation.diagnostics
        guard let manifest = validation.manifest else { return (nil, diagnostics) }
        let (manifests, choiceProblems) = Self.choose(chosen, of: manifest)
        diagnostics += choiceProblems
        guard !manifests.isEmpty else { return (nil, diagnostics) }
        diagnostics += ResolvedFolderRules.check(manifest.deployed(), at: base)
        if diagnostics.hasErrors { return (nil, diagnostics) }

        let plans = manifests.map { Planner(catalog: catalog).plan($0) }
        let (templates, templateProblems) = TemplateSet.load(
            overrides: manifest.templates.map { base.url($0.value) },
            displayFolder: manifest.templates.map { base.display($0.value) } ?? "",
            inside: base.folder,
            renders: Set(plans.flatMap(\.templateNames)))
        diagnostics += templateProblems
        guard let templates else { return (nil, diagnostics) }
        let renderer = Renderer(templates: templates)
        let validated = diagnostics
        var rendered: [Rendered] = []
        for (deployed, plan) in zip(manifests, plans) {
            let (one, problems) = render(deployed, plan: plan, source: source, renderer: renderer, vouched: validated.isEmpty, at: base)
            diagnostics += problems
            if let one { rendered.append(one) }
        }
        return diagnostics.hasErrors ? (nil, diagnostics) : (RenderedManifest(manifest: manifest, deployments: rendered), diagnostics)
    }

    private func render(_ manifest: Manifest, plan: BuildPlan, source: ManifestSource, renderer: Renderer, vouched: Bool,
                        at base: ManifestLocation) -> (Rendered?, [Diagnostic]) {
        let folders = base.outputFolders(public: manifest.output.value, private: manifest.privateOutput.value)
        let verifier = Verifier(overrides: renderer.templates.overrides, outputDisplays: folders.map { $1.display })
        // Files render and verify independently: spread them over the cores, largest first.
        let results = parallelMap(plan.files, largestFirst: \.elementCount) { file in
            let rendered = renderer.render(file)
            let problems = verifier.verify(renderer.textToCheck(file, rendered: rendered), of: file, renderedFrom: rendered.template)
            return (rendered, problems, ContentDigest.of(rendered.text))
        }
        let diagnostics = results.flatMap(\.1)
        if diagnostics.hasErrors { return (nil, diagnostics) }
        // Only a build without warnings vouches for its inputs: a check that skips rendering
        // could not show them again.
        let inputs = vouched && diagnostics.isEmpty
            ? InputFingerprint(manifestName: plan.manifestName, manifest: source.data, deployment: manifest.deploymentName,
                               folders: PerRoot(public: manifest.output.value, private: manifest.privateOutput.value),
                               templates: manifest.templates?.value, at: base).digest
            : nil
        let record = OwnershipRecord.file(listing: results.map { ($0.0, $0.2) }, plan: plan, inputs: inputs,
                                          deployments: manifest.deployments)
        let files = (results.map(\.0) + [record]).sorted { ($0.root, $0.path) < ($1.root, $1.path) }
        return (Rendered(manifest: manifest, plan: plan, files: files, folders: folders), diagnostics)
    }

    /// The manifests of the chosen deployments, in the manifest's order.
    static func choose(_ chosen: Deployments, of manifest: Manifest) -> ([Manifest], [Diagnostic]) {
        let names = manifest.deployments.map(\.name.value)
        switch chosen {
        case .all:
            return (manifest.deployed(), [])
        case .named(let name):
            if let deployment = manifest.deployments.first(where: { $0.name.value == name }) { return ([manifest.deployed(deployment)], []) }
            if names.isEmpty {
                return ([], [.error("unknown-deployment", "the manifest has no deployments, so there is no '\(name)': leave out --deployment")])
            }
            let started = names.filter { $0.lowercased().hasPrefix(name.lowercased()) }
            let guess = (Suggestion.closest(to: name, in: names) ?? (started.count == 1 ? started[0] : nil))
                .map { "; did you mean '\($0)'?" } ?? "."
            return ([], [.error("unknown-deployment",
                "the manifest has no deployment '\(name)'\(guess) Its deployments: \(names.joined(separator: ", "))")])
        case .firstSandbox:
            if manifest.deployments.isEmpty { return ([manifest], []) }
            if let deployment = manifest.deployments.first(where: { $0.environment.value == .sandbox }) {
                return ([manifest.deployed(deployment)], [])
            }
            return ([], [.error("no-sandbox-deployment",
                "no deployment uses the sandbox, which dropin serve serves unless told otherwise: pass --deployment NAME to serve one of \(names.joined(separator: ", "))")])
        }
    }

    /// The output folders a command looked at, and what is in them.
    public struct Totals: Sendable {
        public let folders: OutputFolders
        public let pageCount: Int
        public let componentCount: Int
        public let fileCount: Int

        init(_ rendered: Rendered) {
            self.init(folders: rendered.folders, pageCount: rendered.plan.pageCount,
                      componentCount: rendered.plan.componentCount, fileCount: rendered.files.count)
        }

        init(_ verified: QuickCheck.Verified) {
            let record = verified.record
            self.init(folders: verified.folders, pageCount: record.pageCount, componentCount: record.componentCount,
                      fileCount: record.files.public.count + record.files.private.count + 1)
        }

        private init(folders: OutputFolders, pageCount: Int, componentCount: Int, fileCount: Int) {
            self.folders = folders
            self.pageCount = pageCount
            self.componentCount = componentCount
            self.fileCount = fileCount
        }
    }

    /// What a build did for one deployment.
    public struct DeploymentBuild: Sendable {
        /// Nil for a manifest without deployments.
        public let name: String?
        /// Nil when the record showed the output up to date.
        public let rendered: Rendered?
        public let changes: PerRoot<OutputChanges>?
        /// Set when the ownership record showed the output up to date, and nothing was rendered.
        public var verified: QuickCheck.Verified? = nil
        public var totals: Totals? { rendered.map(Totals.init) ?? verified.map(Totals.init) }
    }

    public struct BuildResult: Sendable {
        /// Empty when a stage reported an error before anything was compared.
        public let deployments: [DeploymentBuild]
        /// Folders of deployments the manifest no longer has, and what the build removes there.
        public var retired: [RetiredOutput] = []
        public let diagnostics: [Diagnostic]
        public var succeeded: Bool { !diagnostics.hasErrors }

        /// The first deployment's (for a manifest without deployments, the only one's).
        public var rendered: Rendered? { deployments.first?.rendered }
        public var changes: PerRoot<OutputChanges>? { deployments.first?.changes }
        public var verified: QuickCheck.Verified? { deployments.first?.verified }
        public var totals: Totals? { deployments.first?.totals }
    }

    /// `build` from the manifest's bytes: nothing to do when the ownership record shows the
    /// output is already what these inputs make (`QuickCheck`); otherwise parse, render and
    /// write what changed.
    public func build(_ manifest: ManifestFile, manifestPath: String, dryRun: Bool = false, deployments: Deployments = .all)
        throws(ManifestSource.LoadError) -> BuildResult {
        let location = ManifestLocation(manifestPath: manifestPath)
        if deployments == .all, let verified = QuickCheck(manifest, at: location).verify() {
            let build = DeploymentBuild(name: nil, rendered: nil, changes: verified.changes, verified: verified)
            return BuildResult(deployments: [build], diagnostics: verified.diagnostics)
        }
        return build(try manifest.parse(), at: location, dryRun: dryRun, deployments: deployments)
    }

    /// Renders, verifies and writes what changed. Nothing is written when any stage reports an
    /// error for any deployment, or with `dryRun`.
    public func build(_ source: ManifestSource, manifestPath: String, dryRun: Bool = false, deployments: Deployments = .all) -> BuildResult {
        build(source, at: ManifestLocation(manifestPath: manifestPath), dryRun: dryRun, deployments: deployments)
    }

    private func build(_ source: ManifestSource, at location: ManifestLocation, dryRun: Bool, deployments chosen: Deployments) -> BuildResult {
        let (rendered, renderDiagnostics) = render(source, at: location, chosen)
        var diagnostics = renderDiagnostics
        guard let rendered else { return BuildResult(deployments: [], diagnostics: diagnostics) }
        // Held until this function returns: from reading what is there to writing the records.
        // They also keep a second build of this manifest out of the retired folders.
        var locks: [OutputLock] = []
        defer { withExtendedLifetime(locks) {} }
        var planned: [(Rendered, PerRoot<OutputChanges>)] = []
        var records: [OwnershipRecord] = []
        for deployment in rendered.deployments {
            if !dryRun {
                do {
                    locks.append(try OutputLock.acquire(deployment.folders))
                } catch {
                    return BuildResult(deployments: [], diagnostics: diagnostics + [error.diagnostic])
                }
            }
            let (record, changes, problems) = Self.changes(for: deployment)
            diagnostics += problems
            if let record, let changes {
                planned.append((deployment, changes))
                records.append(record)
            }
        }
        let builds = planned.map { DeploymentBuild(name: $0.0.manifest.deploymentName, rendered: $0.0, changes: $0.1) }
        // Building one deployment leaves the others', and their records' lists, alone.
        let retired = chosen == .all ? RetiredOutput.find(rendered.manifest, current: rendered.deployments, records: records, at: location) : []
        for output in retired {
            diagnostics += output.changes.all.flatMap { $0.value.diagnostics }
            diagnostics += OutputRoot.allCases.flatMap(output.keptWarnings)
        }
        var result = BuildResult(deployments: builds, retired: retired, diagnostics: diagnostics)
        guard !dryRun, !diagnostics.hasErrors else { return result }
        do {
            for (deployment, changes) in planned {
                try OutputWriter(folders: deployment.folders).apply(changes, files: deployment.files)
            }
            for output in retired {
                try OutputWriter(folders: output.folders).apply(output.changes, files: [])
            }
        } catch {
            result = BuildResult(deployments: builds, retired: retired, diagnostics: diagnostics + [error.diagnostic])
        }
        return result
    }

    /// What writing one deployment would change, and what stands in the way; nil record and
    /// changes when its record cannot be read.
    private static func changes(for rendered: Rendered) -> (OwnershipRecord?, PerRoot<OutputChanges>?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let (record, recordProblems) = rendered.folders.record()
        diagnostics += recordProblems
        guard let record else { return (nil, nil, diagnostics) }
        let changes = OutputChanges.plan(rendered.files, in: rendered.folders, record: record)
        for (root, rootChanges) in changes.all {
            diagnostics += rootChanges.diagnostics
            for path in rootChanges.kept {
                if case .file(let data) = rendered.folders[root].entry(at: path) {
                    diagnostics += StylesheetHooks.missing(rendered.plan.stylesheetHooks, in: String(decoding: data, as: UTF8.self),
                                                           path: path, folder: rendered.folders[root])
                }
            }
        }
        return (record, changes, diagnostics)
    }

    /// What `check` found for one deployment.
    public struct DeploymentFindings: Sendable {
        public let name: String?
        /// Nil when the record showed the output up to date.
        public let rendered: Rendered?
        public let reports: [DriftReport.FileReport]
        /// Set when file digests were compared with the record instead of rendering.
        public var verified: QuickCheck.Verified? = nil
        public var totals: Totals? { rendered.map(Totals.init) ?? verified.map(Totals.init) }
    }

    public struct CheckResult: Sendable {
        /// Empty when a stage reported an error before anything was compared.
        public let deployments: [DeploymentFindings]
        public let diagnostics: [Diagnostic]
        public var succeeded: Bool { !diagnostics.hasErrors }
        /// Whether every deployment was compared by the record's digests.
        public var byRecord: Bool { !deployments.isEmpty && deployments.allSatisfy { $0.verified != nil } }
        /// Every deployment's, in order.
        public var reports: [DriftReport.FileReport] { deployments.flatMap(\.reports) }

        /// The first deployment's (for a manifest without deployments, the only one's).
        public var rendered: Rendered? { deployments.first?.rendered }
        public var totals: Totals? { deployments.first?.totals }
    }

    /// `check` from the manifest's bytes: the output is up to date when the ownership record
    /// says so (`QuickCheck`); otherwise parse, render and compare, which explains every
    /// difference. `full` always renders.
    public func check(_ manifest: ManifestFile, manifestPath: String, full: Bool = false, deployments: Deployments = .all)
        throws(ManifestSource.LoadError) -> CheckResult {
        let location = ManifestLocation(manifestPath: manifestPath)
        if !full, deployments == .all, let verified = QuickCheck(manifest, at: location).verify() {
            let check = DeploymentFindings(name: nil, rendered: nil, reports: [], verified: verified)
            return CheckResult(deployments: [check], diagnostics: verified.diagnostics)
        }
        return check(try manifest.parse(), at: location, deployments: deployments)
    }

    /// Renders in memory and compares with the output folders; writes nothing.
    public func check(_ source: ManifestSource, manifestPath: String, deployments: Deployments = .all) -> CheckResult {
        check(source, at: ManifestLocation(manifestPath: manifestPath), deployments: deployments)
    }

    private func check(_ source: ManifestSource, at location: ManifestLocation, deployments chosen: Deployments) -> CheckResult {
        let (rendered, renderDiagnostics) = render(source, at: location, chosen)
        var diagnostics = renderDiagnostics
        guard let rendered else { return CheckResult(deployments: [], diagnostics: diagnostics) }
        var records: [OwnershipRecord] = []
        var checks = rendered.deployments.map { deployment in
            let (record, recordProblems) = deployment.folders.record()
            diagnostics += recordProblems
            if let record { records.append(record) }
            let comparison = DriftReport(folders: deployment.folders)
                .compare(deployment.files, record: record ?? .empty, stylesheetHooks: deployment.plan.stylesheetHooks)
            diagnostics += comparison.diagnostics
            return DeploymentFindings(name: deployment.manifest.deploymentName, rendered: deployment, reports: comparison.reports)
        }
        if chosen == .all {
            for output in RetiredOutput.find(rendered.manifest, current: rendered.deployments, records: records, at: location) {
                let found = output.reports()
                diagnostics += found.diagnostics
                checks.append(DeploymentFindings(name: output.name, rendered: nil, reports: found.reports))
            }
        }
        return CheckResult(deployments: checks, diagnostics: diagnostics)
    }
}
