@testable import DropinCore
import Foundation
import Testing

/// A long list of pages is checked in parts on every core; what a user sees must not depend on
/// how the parts were spread.
struct LongManifestTests {
    /// `count` pages, each four lines from line 6 on; page `broken` gets the extra lines given.
    static func pages(_ count: Int, broken: [Int: String] = [:]) -> String {
        var text = "version: 1\nenvironment: sandbox\ntoken:\n  url: /t\npages:\n"
        for index in 0..<count {
            text += "  - path: p\(index).html\n    title: P\(index)\n    components:\n      - component: dwolla-personal-vcr\n"
            text += broken[index] ?? ""
        }
        return text + dwollaWebPin
    }

    @Test func problemsAcrossALongListComeOutInReadingOrderEveryTime() throws {
        let broken = [
            3: "        attribute: {}\n",
            400: "        attributes: {firstName: [Ada]}\n",
            999: "    colour: red\n",
        ]
        let text = Self.pages(1_000, broken: broken)
        let expected = [
            "22:9 error unknown-key unknown key 'attribute' in pages[3].components[0]; did you mean 'attributes'? [pages[3].components[0].attribute]",
            "1611:33 error wrong-type 'firstName' must be text, true or false, a number or {param: ...}, not a list [pages[400].components[0].attributes.firstName]",
            "4008:5 error unknown-key unknown key 'colour' in pages[999]; the keys here are path, title, lang, components [pages[999].colour]",
        ]
        for _ in 0..<5 {
            let result = try validate(text)
            #expect(result.manifest == nil)
            #expect(result.diagnostics.map(\.summary) == expected)
        }
    }

    @Test func aLongValidListKeepsEveryPageInOrder() throws {
        let manifest = try #require(try validate(Self.pages(1_000)).manifest)
        #expect(manifest.pages.map(\.path.value) == (0..<1_000).map { "p\($0).html" })
        #expect(manifest.pages[777].title.location.line == 6 + 777 * 4 + 1)
    }

    /// Past the value limit, the parts stop wherever they are when they notice; the message
    /// must still name the same place every time. (A lower limit than a build's keeps it quick.)
    @Test func anAliasBombInALongListStopsAtTheSamePlaceEveryTime() throws {
        let components = Array(repeating: "*c", count: 100).joined(separator: ", ")
        let pages = Array(repeating: "*p", count: 300).joined(separator: ", ")
        let text = """
            version: 1
            environment: sandbox
            token: {url: /t}
            pages: [&p {path: a.html, title: A, components: [&c {component: dwolla-personal-vcr, attributes: {firstName: Ada}}, \(components)]}, \(pages)]
            dwollaWeb: "3.0.0"

            """
        func check() throws -> [String] {
            let root = try #require(try ManifestSource.parse(Data(text.utf8), file: "dropin.yml").takeRoot())
            var checker = ShapeChecker(file: "dropin.yml", limit: 20_000)
            _ = checker.check(root, against: ManifestSchema.shape(catalog: .dwolla), path: .root)
            return checker.diagnostics.map(\.summary)
        }
        let first = try check()
        // Six values before the pages, 408 in each: the 20,001st is page 49's title, as when
        // checked one by one.
        #expect(first == ["4:34 error too-many-values the manifest expands to more than 20000 values: YAML aliases (*name) repeat what their anchor (&name) holds; write the values out instead [pages[49].title]"])
        for _ in 0..<10 {
            #expect(try check() == first)
        }
    }
}
