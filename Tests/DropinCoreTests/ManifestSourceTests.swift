import DropinCore
import Foundation
import Testing

/// Reading the file: what is not UTF-8 or not YAML is a problem with the input, reported with
/// its place, before any manifest rule runs.
struct ManifestSourceTests {
    private func loadError(_ bytes: [UInt8]) -> Diagnostic? {
        do {
            _ = try ManifestSource.parse(Data(bytes), file: "dropin.yml")
            return nil
        } catch {
            return error.diagnostic
        }
    }

    @Test func bytesThatAreNotUTF8AreReportedWhereTheyStart() throws {
        let diagnostic = try #require(loadError(Array("version: 1\ntitle: caf".utf8) + [0xE9] + Array("\n".utf8)))
        #expect(diagnostic.code == "not-utf8")
        #expect(diagnostic.message == "dropin.yml is not UTF-8 text: save it as UTF-8")
        #expect(diagnostic.location == SourceLocation(file: "dropin.yml", line: 2, column: 11))
    }

    @Test func yamlSyntaxErrorsCarryLibyamlsPlace() throws {
        let diagnostic = try #require(loadError(Array("version: 1\npages:\n  - path: [a\n".utf8)))
        #expect(diagnostic.code == "not-yaml")
        #expect(diagnostic.message.hasPrefix("not valid YAML: "))
        #expect(diagnostic.location?.line == 4)
    }

    @Test func tabsForIndentationAreAYAMLError() throws {
        let diagnostic = try #require(loadError(Array("token:\n\turl: /t\n".utf8)))
        #expect(diagnostic.code == "not-yaml")
        #expect(diagnostic.location == SourceLocation(file: "dropin.yml", line: 2, column: 1))
    }

    @Test func aSecondDocumentIsRefused() throws {
        let diagnostic = try #require(loadError(Array("version: 1\n---\nversion: 1\n".utf8)))
        #expect(diagnostic.message.contains("expected a single document"))
    }

    @Test func aByteOrderMarkIsAccepted() throws {
        let text = manifest(components: "  - component: dwolla-personal-vcr")
        let result = try validate("\u{FEFF}" + text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.manifest != nil)
    }

    @Test func anEmptyFileSaysHowToStart() throws {
        let result = try validate("# nothing yet\n")
        #expect(result.diagnostics.map(\.code) == ["empty-manifest"])
        #expect(result.diagnostics.first?.message.contains("dropin init") == true)
    }

    @Test func aDocumentThatIsNotAMappingIsAManifestError() throws {
        let result = try validate("- version: 1\n")
        #expect(result.diagnostics.map(\.message) == ["this value must be a mapping, not a list"])
    }

    @Test func sourceLinesAreFoundForCarets() throws {
        let lines = ManifestFile(file: "x.yml", data: Data("\u{FEFF}a: 1\r\nb: 2\n".utf8)).lines()
        #expect(lines == ["a: 1", "b: 2", ""])
    }
}
