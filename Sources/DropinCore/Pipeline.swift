import Foundation

/// The whole pipeline a reader can follow: load -> validate -> plan -> render -> verify, then
/// write (`build`) or compare (`check`). Each stage is a type of its own; this file only chains
/// them and stops at the first stage that reports an error.
public struct Pipeline: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog = .dwolla) {
        self.catalog = catalog
    }

    /// Rendered and verified output, ready to write or compare.
    public struct Rendered: Sendable {
        public let manifest: Manifest
        public let plan: BuildPlan
        public let files: [RenderedFile]
        public let folder: OutputFolder
    }

    /// `manifestPath` is the manifest's path as the user gave it; output paths in messages are
    /// shown relative to the same place.
    public func render(_ source: ManifestSource, manifestPath: String) -> (Rendered?, [Diagnostic]) {
        render(source, at: ManifestLocation(manifestPath: manifestPath))
    }

    private func render(_ source: ManifestSource, at base: ManifestLocation) -> (Rendered?, [Diagnostic]) {
        let validation = ManifestValidator(catalog: catalog).validate(source)
        var diagnostics = validation.diagnostics
        guard let manifest = validation.manifest else { return (nil, diagnostics) }

        let plan = Planner(catalog: catalog).plan(manifest)
        let templatesFolder = manifest.templates.map { base.url($0.value) }
        let (templates, templateProblems) = TemplateSet.load(
            overrides: templatesFolder,
            displayFolder: manifest.templates.map { base.display($0.value) } ?? "",
            inside: base.folder,
            renders: plan.templateNames)
        diagnostics += templateProblems
        guard let templates else { return (nil, diagnostics) }

        let renderer = Renderer(templates: templates)
        let folder = base.outputFolder(manifest.output.value)
        let verifier = Verifier(overrides: templates.overrides, outputDisplay: folder.display)
        // Files render and verify independently: spread them over the cores, largest first.
        let results = parallelMap(plan.files, largestFirst: \.elementCount) { file in
            let rendered = renderer.render(file)
            let problems = verifier.verify(renderer.textToCheck(file, rendered: rendered), of: file, renderedFrom: rendered.template)
            return (rendered, problems, ContentDigest.of(rendered.text))
        }
        diagnostics += results.flatMap(\.1)
        if diagnostics.hasErrors { return (nil, diagnostics) }
        // Only a build without warnings vouches for its inputs: a check that skips rendering
        // could not show them again.
        let inputs = diagnostics.isEmpty
            ? InputFingerprint(manifestName: plan.manifestName, manifest: source.data, output: manifest.output.value,
                               templates: manifest.templates?.value, at: base).digest
            : nil
        let record = OwnershipRecord.file(listing: results.map { ($0.0, $0.2) }, plan: plan, inputs: inputs)
        let files = (results.map(\.0) + [record]).sorted { $0.path < $1.path }
        return (Rendered(manifest: manifest, plan: plan, files: files, folder: folder), diagnostics)
    }

    /// The output folder a command looked at, and what is in it.
    public struct Totals: Sendable {
        public let folder: OutputFolder
        public let pageCount: Int
        public let componentCount: Int
        public let fileCount: Int

        init(_ rendered: Rendered) {
            self.init(folder: rendered.folder, pageCount: rendered.plan.pageCount,
                      componentCount: rendered.plan.componentCount, fileCount: rendered.files.count)
        }

        init(_ verified: QuickCheck.Verified) {
            let record = verified.record
            self.init(folder: verified.folder, pageCount: record.pageCount, componentCount: record.componentCount,
                      fileCount: record.generated.count + record.seeded.count + 1)
        }

        private init(folder: OutputFolder, pageCount: Int, componentCount: Int, fileCount: Int) {
            self.folder = folder
            self.pageCount = pageCount
            self.componentCount = componentCount
            self.fileCount = fileCount
        }
    }

    public struct BuildResult: Sendable {
        /// Nil when the record showed the output up to date, or a stage reported an error.
        public let rendered: Rendered?
        public let changes: OutputChanges?
        public let diagnostics: [Diagnostic]
        /// Set when the ownership record showed the output up to date, and nothing was rendered.
        public var verified: QuickCheck.Verified? = nil
        public var succeeded: Bool { !diagnostics.hasErrors }
        public var totals: Totals? { rendered.map(Totals.init) ?? verified.map(Totals.init) }
    }

    /// `build` from the manifest's bytes: nothing to do when the ownership record shows the
    /// output is already what these inputs make (`QuickCheck`); otherwise parse, render and
    /// write what changed.
    public func build(_ manifest: ManifestFile, manifestPath: String, dryRun: Bool = false)
        throws(ManifestSource.LoadError) -> BuildResult {
        let location = ManifestLocation(manifestPath: manifestPath)
        if let verified = QuickCheck(manifest, at: location).verify() {
            return BuildResult(rendered: nil, changes: verified.changes, diagnostics: verified.diagnostics, verified: verified)
        }
        return build(try manifest.parse(), at: location, dryRun: dryRun)
    }

    /// Renders, verifies and writes what changed. Nothing is written when any stage reports an
    /// error, or with `dryRun`.
    public func build(_ source: ManifestSource, manifestPath: String, dryRun: Bool = false) -> BuildResult {
        build(source, at: ManifestLocation(manifestPath: manifestPath), dryRun: dryRun)
    }

    private func build(_ source: ManifestSource, at location: ManifestLocation, dryRun: Bool) -> BuildResult {
        let (rendered, renderDiagnostics) = render(source, at: location)
        var diagnostics = renderDiagnostics
        guard let rendered else { return BuildResult(rendered: nil, changes: nil, diagnostics: diagnostics) }
        // Held until this function returns: from reading what is there to writing the record.
        var lock: OutputLock?
        if !dryRun {
            do {
                lock = try OutputLock.acquire(rendered.folder)
            } catch {
                return BuildResult(rendered: rendered, changes: nil, diagnostics: diagnostics + [error.diagnostic])
            }
        }
        defer { withExtendedLifetime(lock) {} }
        let (record, recordProblems) = rendered.folder.record()
        diagnostics += recordProblems
        guard let record else { return BuildResult(rendered: rendered, changes: nil, diagnostics: diagnostics) }
        let changes = OutputChanges.plan(rendered.files, in: rendered.folder, record: record)
        diagnostics += changes.diagnostics
        for path in changes.kept {
            if case .file(let data) = rendered.folder.entry(at: path) {
                diagnostics += StylesheetHooks.missing(rendered.plan.stylesheetHooks, in: String(decoding: data, as: UTF8.self),
                                                       path: path, folder: rendered.folder)
            }
        }
        if !dryRun && !diagnostics.hasErrors {
            do {
                try OutputWriter(folder: rendered.folder).apply(changes, files: rendered.files)
            } catch {
                diagnostics.append(error.diagnostic)
            }
        }
        return BuildResult(rendered: rendered, changes: changes, diagnostics: diagnostics)
    }

    public struct CheckResult: Sendable {
        /// Nil when the record showed the output up to date, or a stage reported an error.
        public let rendered: Rendered?
        public let reports: [DriftReport.FileReport]
        public let diagnostics: [Diagnostic]
        /// Set when file digests were compared with the record instead of rendering.
        public var verified: QuickCheck.Verified? = nil
        public var succeeded: Bool { !diagnostics.hasErrors }
        public var byRecord: Bool { verified != nil }
        public var totals: Totals? { rendered.map(Totals.init) ?? verified.map(Totals.init) }
    }

    /// `check` from the manifest's bytes: the output is up to date when the ownership record
    /// says so (`QuickCheck`); otherwise parse, render and compare, which explains every
    /// difference. `full` always renders.
    public func check(_ manifest: ManifestFile, manifestPath: String, full: Bool = false)
        throws(ManifestSource.LoadError) -> CheckResult {
        let location = ManifestLocation(manifestPath: manifestPath)
        if !full, let verified = QuickCheck(manifest, at: location).verify() {
            return CheckResult(rendered: nil, reports: [], diagnostics: verified.diagnostics, verified: verified)
        }
        return check(try manifest.parse(), at: location)
    }

    /// Renders in memory and compares with the output folder; writes nothing.
    public func check(_ source: ManifestSource, manifestPath: String) -> CheckResult {
        check(source, at: ManifestLocation(manifestPath: manifestPath))
    }

    private func check(_ source: ManifestSource, at location: ManifestLocation) -> CheckResult {
        let (rendered, renderDiagnostics) = render(source, at: location)
        var diagnostics = renderDiagnostics
        guard let rendered else { return CheckResult(rendered: nil, reports: [], diagnostics: diagnostics) }
        let (record, recordProblems) = rendered.folder.record()
        diagnostics += recordProblems
        let comparison = DriftReport(folder: rendered.folder)
            .compare(rendered.files, record: record ?? .empty, stylesheetHooks: rendered.plan.stylesheetHooks)
        return CheckResult(rendered: rendered, reports: comparison.reports, diagnostics: diagnostics + comparison.diagnostics)
    }
}
