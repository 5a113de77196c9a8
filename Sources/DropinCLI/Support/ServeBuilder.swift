import ArgumentParser
import DropinCore
import Foundation

/// The builds `dropin serve` makes: one at start, then one each time the manifest or a template
/// changes. Each shows its diagnostics on the terminal as `dropin build` does; a failed one also
/// hands back that report, for the page the server shows instead of a stale one.
package struct ServeBuilder: Sendable {
    package enum Outcome: Sendable {
        case built(Pipeline.Rendered)
        /// The report without colours, and the status it means when serving cannot start.
        case failed(report: String, status: ExitCode)
    }

    let manifest: String
    let deployments: Pipeline.Deployments

    package init(options: ServeOptions) {
        manifest = options.manifestOption.manifest
        deployments = options.deployment.map(Pipeline.Deployments.named) ?? .firstSandbox
    }

    package func build() -> Outcome {
        let reporter = Reporter(command: "serve", manifest: manifest)
        let file: ManifestFile
        do {
            file = try ManifestReader.read(manifest)
        } catch {
            return failed([error.diagnostic], source: nil, status: ExitStatus.usage, reporter)
        }
        let source: ManifestSource
        do {
            source = try file.parse()
        } catch {
            return failed([error.diagnostic], source: nil, status: ExitStatus.usage, reporter)
        }
        let build = Pipeline().build(source, manifestPath: manifest, deployments: deployments)
        guard build.succeeded, let rendered = build.rendered else {
            return failed(build.diagnostics, source: file, status: ExitStatus.failure, reporter)
        }
        reporter.show(build.diagnostics, source: file, summary: nil)
        return .built(rendered)
    }

    private func failed(_ diagnostics: [Diagnostic], source: ManifestFile?, status: ExitCode, _ reporter: Reporter) -> Outcome {
        reporter.show(diagnostics, source: source, summary: nil)
        return .failed(report: reporter.text(diagnostics, source: source), status: status)
    }

    /// What the build reads, for the watcher to compare: the manifest, and the templates folder
    /// the last good build named.
    package func inputs(templates: Located<String>?) -> WatchedInputs {
        let folder = URL(fileURLWithPath: manifest).deletingLastPathComponent()
        return WatchedInputs(manifest: URL(fileURLWithPath: manifest),
                             templates: templates.map { folder.appendingPathComponent($0.value) })
    }
}

/// The bytes of the files a build reads. Comparing bytes, not modification times, sees every
/// save (also an editor's that replaces the file) and nothing else; these are a few small files.
package struct WatchedInputs: Sendable {
    let manifest: URL
    let templates: URL?

    package struct Contents: Equatable, Sendable {
        let manifest: Data?
        let templates: [String: Data]
    }

    package func read() -> Contents {
        var templateFiles: [String: Data] = [:]
        if let templates, let names = try? FileManager.default.contentsOfDirectory(atPath: templates.path) {
            for name in names {
                templateFiles[name] = (try? Data(contentsOf: templates.appendingPathComponent(name))) ?? Data()
            }
        }
        return Contents(manifest: try? Data(contentsOf: manifest), templates: templateFiles)
    }
}
