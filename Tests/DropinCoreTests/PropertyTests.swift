import DropinCore
import Foundation
import Testing

/// For any manifest that validates: build succeeds (so every HTML file passed the check), check
/// passes right after, and a second build writes nothing. Manifests come from a seeded generator
/// over the whole catalog, so a failure can be replayed from its seed.
struct PropertyTests {
    struct Generator {
        var state: UInt64

        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }

        mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }

        mutating func text() -> String {
            let pieces = ["Ada", " ", "<b>", "&", "\"", "'", "</script>", "-->", "]]>", "é", "漢", "{{x}}", "%",
                          "\u{E000}vV0&\u{E000}", "\u{E001}iI1\u{E001}", "\u{301}"]
            return "T" + (0..<(1 + next(5))).map { _ in pick(pieces) }.joined()
        }
    }

    /// By scalar: a quote followed by a combining mark is one Character, which replacing
    /// Characters would miss.
    static func yamlQuoted(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\\" || scalar == "\"" { quoted += "\\" }
            quoted.unicodeScalars.append(scalar)
        }
        return quoted + "\""
    }

    /// A manifest using random components with every required attribute, valid for 3.0.0.
    static func manifest(_ generator: inout Generator) -> String {
        let catalog = Catalog.dwolla
        var yaml = "version: 1\nenvironment: \(generator.pick(["sandbox", "production"]))\n"
        yaml += "partials: [\(["mustache", "jinja", "erb", "ejs"].filter { _ in generator.next(2) == 0 }.joined(separator: ", "))]\n"
        yaml += "server: [\(["node", "swift"].filter { _ in generator.next(2) == 0 }.joined(separator: ", "))]\n"
        if generator.next(3) == 0 { yaml += "csp: {enabled: false}\n" }
        yaml += "token:\n  url: /api/token\n  mode: \(generator.pick(["url", "function"]))\n"
        if generator.next(2) == 0 { yaml += "callbacks: {success: app.ok, error: onError}\n" }
        yaml += "pages:\n"
        for page in 0..<(1 + generator.next(4)) {
            yaml += "  - path: \(generator.pick(["", "a/", "a/b/"]))p\(page).html\n    title: \(yamlQuoted(generator.text()))\n"
            if generator.next(3) == 0 { yaml += "    lang: \(generator.pick(["fr", "es-MX"]))\n" }
            yaml += "    components:\n"
            for _ in 0..<(1 + generator.next(3)) {
                let spec = generator.pick(catalog.components.filter { $0.actions != nil })
                yaml += "      - component: \(spec.tag)\n        attributes: {"
                var chosen: [String] = []
                for attribute in spec.attributes where attribute.isRequired || generator.next(3) == 0 {
                    if spec.tag == "dwolla-customer-create" && attribute.name == "type" { continue }
                    chosen.append("\(attribute.name): \(value(for: attribute, &generator))")
                }
                yaml += chosen.joined(separator: ", ") + "}\n"
            }
        }
        return yaml
    }

    static func value(for attribute: AttributeSpec, _ generator: inout Generator) -> String {
        switch attribute.kind {
        case .boolean: return generator.pick(["true", "false"])
        case .url: return generator.pick(["https://example.com/terms?a=1&b=2", "/privacy"])
        case .uuid: return "{param: \(attribute.name)}"
        case .text where attribute.isPerRequest: return "{param: \(attribute.name)}"
        case .amount: return generator.pick(["\"10.00\"", "5"])
        case .choice(let values): return values[0]
        case .text: return generator.next(3) == 0 ? "{param: p\(attribute.name)}" : yamlQuoted(generator.text())
        }
    }

    @Test(arguments: 0..<40)
    func everyValidManifestBuildsChecksAndRebuildsToNothing(seed: Int) throws {
        var generator = Generator(state: UInt64(seed) &+ 20_261_128)
        let yaml = Self.manifest(&generator)
        let project = try Project(manifest: yaml)
        let validation = ManifestValidator().validate(try project.source())
        try #require(!validation.diagnostics.hasErrors, "seed \(seed) made an invalid manifest:\n\(yaml)\n\(validation.diagnostics.map(\.message))")
        let first = try project.build()
        #expect(first.succeeded, "seed \(seed): \(first.diagnostics.map(\.message))")
        let check = try project.check()
        #expect(check.succeeded, "seed \(seed): \(check.diagnostics.map(\.message))")
        let second = try project.build()
        #expect(second.changes?.count(\.writes) == 0, "seed \(seed)")
    }

    @Test(arguments: 0..<20)
    func stencilsGiveWhatRenderingWholeGives(seed: Int) throws {
        var generator = Generator(state: UInt64(seed) &+ 20_261_129)
        let yaml = Self.manifest(&generator)
        let whole = try built(yaml, overriding: TemplateSet.htmlTemplates)
        #expect(!whole.isEmpty)
        #expect(try built(yaml) == whole, "seed \(seed):\n\(yaml)")
        #expect(try built(yaml, overriding: ["page.html", "snippet.html", "index.html"]) == whole, "seed \(seed):\n\(yaml)")
    }
}
