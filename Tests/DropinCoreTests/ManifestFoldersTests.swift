@testable import DropinCore
import Foundation
import Testing

/// The cheap look at a manifest that finds the record: right on plain manifests, silent on
/// anything it is unsure of.
struct ManifestFoldersTests {
    static func hints(_ text: String) -> ManifestFolders? {
        ManifestFolders.scan(Data(text.utf8))
    }

    @Test func plainQuotedCommentedAndDefaultValuesAreRead() {
        #expect(Self.hints("version: 1\n") == ManifestFolders(output: "site", templates: nil))
        #expect(Self.hints("output: public # served\ntemplates: 'my templates'\n") == ManifestFolders(output: "public", templates: "my templates"))
        #expect(Self.hints("\u{FEFF}output: \"out/site\"\r\npages: []\r\n") == ManifestFolders(output: "out/site", templates: nil))
        #expect(Self.hints("pages:\n  - output: nested\noutputs: no\n") == ManifestFolders(output: "site", templates: nil))
        #expect(Self.hints("output: web\nprivateOutput: server\n") == ManifestFolders(output: "web", privateOutput: "server", templates: nil))
        #expect(Self.hints("output: web/\n")?.effectivePrivateOutput == "web-private")
    }

    @Test(arguments: ["output: a\noutput: b\n", "output:\n  x\n", "output: \"a\\tb\"\n", "output: *anchor\n",
                      "output: [a]\n", "output: a: b\n", "output: 'a' b\n",
                      "deployments:\n  staging: {output: a}\n", "privateOutput: a\nprivateOutput: b\n"])
    func anythingUnusualGivesNoHint(text: String) {
        #expect(Self.hints(text) == nil)
    }

    @Test func theParsedManifestAgreesWithTheHints() throws {
        let project = try Project(manifest: QuickCheckTests.manifest + "templates: 'tpl' # mine\n", files: ["tpl/.keep": ""])
        let manifest = try #require(ManifestValidator().validate(try project.source()).manifest)
        let hints = try #require(ManifestFolders.scan(try project.manifestFile().data))
        #expect(hints == ManifestFolders(output: manifest.output.value, templates: manifest.templates?.value))
        #expect(hints.effectivePrivateOutput == manifest.privateOutput.value)
    }
}
