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
        let validation = ManifestValidator(catalog: catalog).validate(source)
        var diagnostics = validation.diagnostics
        guard let manifest = validation.manifest else { return (nil, diagnostics) }

        let base = Location(manifestPath: manifestPath)
        let (templates, templateProblems) = TemplateSet.load(
            overrides: manifest.templates.map { base.url($0.value) },
            displayFolder: manifest.templates.map { base.display($0.value) } ?? "")
        diagnostics += templateProblems
        guard let templates else { return (nil, diagnostics) }

        let plan = Planner(catalog: catalog).plan(manifest)
        let renderer = Renderer(templates: templates)
        let folder = OutputFolder(url: base.url(manifest.output.value), display: base.display(manifest.output.value))
        let verifier = Verifier(renderer: renderer, outputDisplay: folder.display)
        // Pages render and verify independently: spread them over the cores.
        let results = parallelMap(plan.files) { file in
            let rendered = renderer.render(file)
            return (rendered, verifier.verify(file, rendered))
        }
        let files = results.map(\.0)
        diagnostics += results.flatMap(\.1)
        if diagnostics.hasErrors { return (nil, diagnostics) }
        return (Rendered(manifest: manifest, plan: plan, files: files, folder: folder), diagnostics)
    }

    public struct BuildResult: Sendable {
        public let rendered: Rendered?
        public let changes: OutputChanges?
        public let diagnostics: [Diagnostic]
        public var succeeded: Bool { !diagnostics.hasErrors }
    }

    /// Renders, verifies and writes what changed. Nothing is written when any stage reports an
    /// error, or with `dryRun`.
    public func build(_ source: ManifestSource, manifestPath: String, dryRun: Bool = false) -> BuildResult {
        let (rendered, renderDiagnostics) = render(source, manifestPath: manifestPath)
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
        public let rendered: Rendered?
        public let reports: [DriftCheck.FileReport]
        public let diagnostics: [Diagnostic]
        public var succeeded: Bool { !diagnostics.hasErrors }
    }

    /// Renders in memory and compares with the output folder; writes nothing.
    public func check(_ source: ManifestSource, manifestPath: String) -> CheckResult {
        let (rendered, renderDiagnostics) = render(source, manifestPath: manifestPath)
        var diagnostics = renderDiagnostics
        guard let rendered else { return CheckResult(rendered: nil, reports: [], diagnostics: diagnostics) }
        let (record, recordProblems) = rendered.folder.record()
        diagnostics += recordProblems
        let comparison = DriftCheck(folder: rendered.folder)
            .compare(rendered.files, record: record ?? .empty, stylesheetHooks: rendered.plan.stylesheetHooks)
        return CheckResult(rendered: rendered, reports: comparison.reports, diagnostics: diagnostics + comparison.diagnostics)
    }
}

/// Paths the manifest names, resolved against the manifest's folder, for the disk and for
/// messages.
private struct Location {
    let folder: URL
    let displayFolder: String

    init(manifestPath: String) {
        let url = URL(fileURLWithPath: manifestPath)
        folder = url.deletingLastPathComponent()
        let parts = manifestPath.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        displayFolder = parts.joined(separator: "/")
    }

    func url(_ relative: String) -> URL {
        folder.appendingPathComponent(relative).standardizedFileURL
    }

    func display(_ relative: String) -> String {
        displayFolder.isEmpty ? relative : displayFolder + "/" + relative
    }
}
