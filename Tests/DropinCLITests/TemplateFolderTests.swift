import Foundation
import Testing

/// The templates folder is the project's own: a manifest cannot make a build read files from
/// elsewhere on the machine, by path or through a symbolic link.
struct TemplateFolderTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
        try scratch.write("outside/page.html.mustache", "<p>{{title}}</p>\n")
    }

    private func manifest(templates: String) throws {
        try scratch.write("project/dropin.yml", """
            version: 1
            environment: sandbox
            templates: \(templates)
            token: {url: /t}
            pages:
              - {path: a.html, title: A, components: [{component: dwolla-personal-vcr}]}
            dwollaWeb: "3.0.0"
            """)
    }

    private var project: URL { scratch.url.appendingPathComponent("project") }

    @Test func aTemplatesFolderOutsideTheProjectIsRefused() throws {
        try manifest(templates: "../outside")
        let outcome = try run(dropinBinary, ["build"], in: project)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("dropin.yml:3:12: error: 'templates' must stay inside the manifest's folder"), "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("site").path))
    }

    @Test func aTemplatesFolderThatLinksOutsideIsRefused() throws {
        try manifest(templates: "templates")
        try FileManager.default.createSymbolicLink(at: project.appendingPathComponent("templates"),
                                                   withDestinationURL: scratch.url.appendingPathComponent("outside"))
        let outcome = try run(dropinBinary, ["build"], in: project)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("leads outside the manifest's folder through a symbolic link"), "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("site").path))
    }

    @Test func aSymlinkedTemplateFileIsRefused() throws {
        try manifest(templates: "templates")
        try FileManager.default.createDirectory(at: project.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: project.appendingPathComponent("templates/page.html.mustache"),
                                                   withDestinationURL: scratch.url.appendingPathComponent("outside/page.html.mustache"))
        let outcome = try run(dropinBinary, ["build"], in: project)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("templates/page.html.mustache is a symbolic link"), "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("site").path))
    }
}
