@testable import DropinCore
import Foundation
import Testing

/// build and check on real folders: determinism, idempotence, drift, and never touching what
/// is not dropin's.
struct BuildTests {
    static let manifest = """
        version: 1
        environment: sandbox
        dwollaWeb: "2.2.2"
        output: site
        token:
          url: /api/dwolla/client-token
          mode: url
        pages:
          - path: a/balance.html
            title: Balance
            components:
              - component: dwolla-balance-display
                attributes:
                  customerId: {param: customerId}
                  hideZeroBalance: true
          - path: vcr.html
            title: Verify
            components:
              - component: dwolla-personal-vcr
                attributes:
                  firstName: Ada
                  lastName: Lovelace
                  terms: https://example.com/terms

        """

    /// The same manifest with every mapping's keys in another order.
    static let shuffled = """
        pages:
          - components:
              - attributes:
                  hideZeroBalance: true
                  customerId: {param: customerId}
                component: dwolla-balance-display
            title: Balance
            path: a/balance.html
          - title: Verify
            components:
              - component: dwolla-personal-vcr
                attributes:
                  terms: https://example.com/terms
                  lastName: Lovelace
                  firstName: Ada
            path: vcr.html
        token:
          mode: url
          url: /api/dwolla/client-token
        output: site
        dwollaWeb: "2.2.2"
        environment: sandbox
        version: 1

        """

    @Test func keyOrderNeverChangesTheOutput() throws {
        let first = try Project(manifest: Self.manifest)
        let second = try Project(manifest: Self.shuffled)
        #expect(try first.build().succeeded)
        #expect(try second.build().succeeded)
        #expect(try first.tree("site") == second.tree("site"))
        let a = try first.tree("site-private"), b = try second.tree("site-private")
        #expect(a.keys.sorted() == b.keys.sorted())
        // Only the record's fingerprint of the manifest's bytes may differ.
        for (path, data) in a where path != BuildPlan.recordPath { #expect(b[path] == data, "\(path) differs") }
        let records = [a, b].map { OwnershipRecord.apartFromFingerprint(String(decoding: $0[BuildPlan.recordPath] ?? Data(), as: UTF8.self)) }
        #expect(records[0] == records[1])
    }

    @Test func aSecondBuildWritesNothingAndCheckPasses() throws {
        let project = try Project(manifest: Self.manifest)
        let first = try project.build()
        #expect(first.changes?.count(\.created) == 16)
        let dates = try ["site", "site-private"].map(project.modificationDates)
        let second = try project.build()
        #expect(second.changes?.count(\.writes) == 0)
        #expect(second.changes?.count(\.unchanged) == 16)
        #expect(try ["site", "site-private"].map(project.modificationDates) == dates)
        let check = try project.check()
        #expect(check.succeeded, "\(check.diagnostics.map(\.message))")
        #expect(check.reports.isEmpty)
    }

    @Test func checkCatchesATamperedFile() throws {
        let project = try Project(manifest: Self.manifest)
        try project.build()
        try project.write("site/vcr.html", try project.read("site/vcr.html").replacingOccurrences(of: "Ada", with: "Eve"))
        let check = try project.check()
        #expect(!check.succeeded)
        #expect(check.reports.map(\.status) == [.editedByHand])
        let diagnostic = try #require(check.diagnostics.first)
        #expect(diagnostic.location?.file.hasSuffix("site/vcr.html") == true)
        #expect(diagnostic.location?.line == 17)
        let diff = try #require(check.reports.first?.diff)
        #expect(diff.contains("-<dwolla-personal-vcr firstname=\"Eve\""))
        #expect(diff.contains("+<dwolla-personal-vcr firstname=\"Ada\""))
    }

    @Test func checkCatchesADeletedFile() throws {
        let project = try Project(manifest: Self.manifest)
        try project.build()
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("site/dropin/configure.js"))
        let check = try project.check()
        #expect(check.reports.map(\.status) == [.missing])
        #expect(check.reports.map(\.path) == ["dropin/configure.js"])
    }

    @Test func checkCatchesAStrayOwnedFileAndBuildRemovesIt() throws {
        let project = try Project(manifest: Self.manifest)
        try project.build()
        // Drop the first page: its page, snippet and folder are now leftovers.
        let fewer = Self.manifest.replacingOccurrences(of: """
              - path: a/balance.html
                title: Balance
                components:
                  - component: dwolla-balance-display
                    attributes:
                      customerId: {param: customerId}
                      hideZeroBalance: true

            """, with: "")
        try project.write("dropin.yml", fewer)
        let check = try project.check()
        #expect(!check.succeeded)
        #expect(check.reports.filter { $0.status == .shouldBeRemoved }.map { "\($0.root):\($0.path)" }
                == ["public:a/balance.html", "public:dropin/params.js", "private:dropin/partials/mustache/a/balance.mustache"])
        let build = try project.build()
        #expect(build.changes?.public.removed == ["a/balance.html", "dropin/params.js"])
        #expect(build.changes?.private.removed == ["dropin/partials/mustache/a/balance.mustache"])
        #expect(!project.exists("site/a"))
        #expect(!project.exists("site-private/dropin/partials/mustache/a"))
        #expect(try project.check().succeeded)
    }

    @Test func aFileDropinDidNotWriteIsNeverTouched() throws {
        let project = try Project(manifest: Self.manifest, files: ["site/vcr.html": "<p>mine</p>\n"])
        let result = try project.build()
        #expect(!result.succeeded)
        #expect(result.diagnostics.map(\.code) == ["not-dropins-file"])
        #expect(result.diagnostics.first?.message.contains("site/vcr.html exists and dropin did not write it") == true)
        #expect(try project.read("site/vcr.html") == "<p>mine</p>\n")
        #expect(try project.tree("site").keys.sorted() == ["vcr.html"])
        #expect(try project.check().reports.map(\.status).contains(.notDropins))
    }

    @Test func aFileAlreadyIdenticalIsAdoptedNotReported() throws {
        let project = try Project(manifest: Self.manifest)
        try project.build()
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("site-private/dropin/owned.json"))
        let rebuilt = try project.build()
        #expect(rebuilt.succeeded)
        #expect(rebuilt.changes?.public.created == [] && rebuilt.changes?.private.created == ["dropin/owned.json"])
    }

    @Test func theStylesheetIsSeededOnceAndThenLeftAlone() throws {
        let project = try Project(manifest: Self.manifest)
        try project.build()
        let seeded = try project.read("site/styles/dwolla.css")
        #expect(seeded.contains(".dwolla-balance-display {\n}"))
        #expect(seeded.contains(".dwolla-vcr-submit {\n}"))
        let edited = seeded.replacingOccurrences(of: ".dwolla-balance-display {\n}", with: ".dwolla-balance-display {\n  color: teal;\n}")
        try project.write("site/styles/dwolla.css", edited)
        let rebuild = try project.build()
        #expect(rebuild.changes?.public.kept == ["styles/dwolla.css"])
        #expect(try project.read("site/styles/dwolla.css") == edited)
        let check = try project.check()
        #expect(check.succeeded)
        #expect(check.diagnostics.isEmpty)
    }

    @Test func hooksTheUsersStylesheetLacksAreWarnings() throws {
        let project = try Project(manifest: Self.manifest)
        try project.build()
        try project.write("site/styles/dwolla.css", ".dwolla-balance { color: teal; }\n")
        let check = try project.check()
        #expect(check.succeeded)
        let warning = try #require(check.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.code == "missing-style-hooks")
        #expect(warning.message.contains(".dwolla-balance-display"))
        #expect(!warning.message.contains(".dwolla-balance,"))
    }

    @Test func aDryRunWritesNothing() throws {
        let project = try Project(manifest: Self.manifest)
        let result = try project.build(dryRun: true)
        #expect(result.succeeded)
        #expect(result.changes?.count(\.created) == 16)
        #expect(!project.exists("site"))
    }

    @Test func aBrokenOverrideTemplateWritesNothingAndIsNamed() throws {
        let project = try Project(manifest: Self.manifest)
        try project.build()
        let before = try [project.tree("site"), project.tree("site-private")]
        try project.write("dropin.yml", Self.manifest.replacingOccurrences(of: "output: site", with: "output: site\ntemplates: templates"))
        try project.write("templates/element.html.mustache", "<{{tag}}{{#attributes}} {{name}}={{value}}{{/attributes}}></{{tag}}>\n")
        let result = try project.build()
        #expect(!result.succeeded)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == "not-well-formed")
        #expect(diagnostic.location?.file.hasSuffix("site/a/balance.html") == true)
        #expect(diagnostic.location?.line == 17)
        #expect(diagnostic.message.hasSuffix("(rendered from template page.html with your template \(project.root.path)/templates/element.html.mustache)"))
        #expect(try [project.tree("site"), project.tree("site-private")] == before)
    }

    /// Values reach templates as dropin's own text type; Mustache's transforms, escaping and
    /// sections must treat them as they treat text.
    @Test func overridesSeeValuesAsText() throws {
        let page = """
            {{% CONTENT_TYPE: HTML}}
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><meta charset="utf-8" /><title>t</title></head><body>
            <h1>{{uppercased(title)}}</h1>
            {{#title}}<p>{{.}}</p>{{/title}}{{^title}}<p>untitled</p>{{/title}}
            {{#components}}<p>{{tag}}{{#attributes}} {{name}}={{value}}{{/attributes}}</p>{{/components}}
            </body></html>

            """
        let project = try Project(manifest: Self.manifest.replacingOccurrences(of: "output: site", with: "output: site\ntemplates: templates")
                                      .replacingOccurrences(of: "firstName: Ada", with: "firstName: \"Ada <&>\""),
                                  files: ["templates/page.html.mustache": page])
        let result = try project.build()
        #expect(result.diagnostics.isEmpty)
        #expect(try project.read("site/vcr.html") == """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><meta charset="utf-8" /><title>t</title></head><body>
            <h1>VERIFY</h1>
            <p>Verify</p>
            <p>dwolla-personal-vcr firstname=Ada &lt;&amp;&gt; lastname=Lovelace terms=https://example.com/terms</p>
            </body></html>

            """)
    }

    /// With dropin's own templates pages and elements are filled into stencils (`Stencil`); the
    /// files must be those the templates give when each page renders whole. The values include
    /// what stencils must not mistake: text to escape, and text written like their stand-ins.
    @Test func stencilsGiveTheFilesRenderedWhole() throws {
        let manifest = Self.manifest.replacingOccurrences(of: "output: site", with: "output: site\npartials: [erb]") + """
              - path: b/balance.html
                title: Balance again
                components:
                  - component: dwolla-balance-display
                    attributes:
                      customerId: {param: customerId}
                      hideZeroBalance: true
              - path: c/d/two.html
                title: "Tom & \\"Jerry\\" <b>'s \\uE000iI0\\uE000 \\uE001vV0&\\uE001"
                components:
                  - component: dwolla-personal-vcr
                    attributes:
                      firstName: "\\uE000vV0&\\uE000"
                      lastName: "O'Brien <x> & \\uE000iI1\\uE000"
                      terms: https://example.com/terms?a=1&b=2
                  - component: dwolla-balance-display
                    attributes:
                      customerId: {param: customerId}
              - path: c/three.html
                title: Three
                components:
                  - component: dwolla-personal-vcr
                    attributes:
                      firstName: "\\uE001vV0&amp;\\uE001"
                      lastName: Lovelace
                  - component: dwolla-personal-vcr
                    attributes:
                      firstName: Ada
                      lastName: Byron
                  - component: dwolla-personal-vcr
                    attributes:
                      firstName: Ada

            """
        let whole = try built(manifest, overriding: TemplateSet.htmlTemplates)
        #expect(whole.count == 21)
        #expect(try built(manifest) == whole)
        #expect(try built(manifest, overriding: ["page.html", "snippet.html", "index.html"]) == whole)
    }

    /// Per language, one head snippet with what a page needs once, and per page its elements
    /// alone, each named as its engine looks templates up.
    @Test func snippetsAreAHeadAndEachPagesElementsNamedForTheirEngine() throws {
        let manifest = Self.manifest
            .replacingOccurrences(of: "output: site", with: "output: site\npartials: [mustache, jinja, erb, ejs]")
            .replacingOccurrences(of: "  mode: url", with: "  mode: function")
        let files = try built(manifest).mapValues { String(decoding: $0, as: UTF8.self) }
        let snippets = files.keys.filter { $0.hasPrefix("dropin/partials/") }.sorted()
        #expect(snippets == [
            "dropin/partials/ejs/a/balance.ejs", "dropin/partials/ejs/head.ejs", "dropin/partials/ejs/vcr.ejs",
            "dropin/partials/erb/_head.html.erb", "dropin/partials/erb/_vcr.html.erb", "dropin/partials/erb/a/_balance.html.erb",
            "dropin/partials/jinja/a/balance.html.j2", "dropin/partials/jinja/head.html.j2", "dropin/partials/jinja/vcr.html.j2",
            "dropin/partials/mustache/a/balance.mustache", "dropin/partials/mustache/head.mustache",
            "dropin/partials/mustache/vcr.mustache",
        ])
        let heads = ["mustache/head.mustache": "{{csrfToken}}", "jinja/head.html.j2": "{{ csrfToken|e }}",
                     "erb/_head.html.erb": "<%= ERB::Util.html_escape(csrfToken) %>", "ejs/head.ejs": "<%= csrfToken %>"]
        for (path, token) in heads {
            let head = try #require(files["dropin/partials/" + path])
            #expect(head.contains(#"<meta name="csrf-token" content="\#(token)" />"#), "\(path): \(head)")
            #expect(head.contains(#"<script src="https://cdn.dwolla.com/v2.2.2/dwolla-web.js"></script>"#), "\(path)")
            #expect(head.contains(#"<script src="/dropin/configure.js"></script>"#), "\(path)")
        }
        for path in snippets where !heads.keys.contains(String(path.dropFirst("dropin/partials/".count))) {
            let snippet = try #require(files[path])
            #expect(!snippet.contains("<script") && !snippet.contains("<meta"), "\(path): \(snippet)")
            #expect(snippet.contains("<dwolla-"), "\(path): \(snippet)")
        }
    }

    @Test func aPageMayNotTakeTheHeadSnippetsName() throws {
        let manifest = Self.manifest.replacingOccurrences(of: "path: vcr.html", with: "path: Head.html")
        let problem = try #require(try validate(manifest).diagnostics.first { $0.code == "invalid-page-path" })
        #expect(problem.message.hasPrefix("'Head.html' would give its snippets the name of the head snippet"))
        let withoutSnippets = manifest.replacingOccurrences(of: "output: site", with: "output: site\npartials: []")
        #expect(try validate(withoutSnippets).diagnostics.isEmpty)
    }

    /// A page's own `lang` is part of its frame: pages beside it in the same folder keep the
    /// manifest's, though they would otherwise share one stencil.
    @Test func aPageTakesItsOwnLanguage() throws {
        let manifest = Self.manifest + """
              - path: a/solde.html
                title: Solde
                lang: fr-CA
                components:
                  - component: dwolla-balance-display
                    attributes:
                      customerId: {param: customerId}

            """
        let files = try built(manifest)
        #expect(String(decoding: try #require(files["a/solde.html"]), as: UTF8.self).contains(#"lang="fr-CA""#))
        #expect(String(decoding: try #require(files["a/balance.html"]), as: UTF8.self).contains(#"lang="en""#))
        #expect(try built(manifest, overriding: TemplateSet.htmlTemplates) == files)

        let invalidText = manifest.replacingOccurrences(of: "lang: fr-CA", with: "lang: fr_CA")
        let line = try #require(invalidText.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("fr_CA") })
        let problem = try #require(try validate(invalidText).diagnostics.first { $0.code == "invalid-lang" })
        #expect(problem.message == "'fr_CA' is not a language tag: write one such as fr-CA")
        #expect(problem.location?.line == line + 1 && problem.location?.column == 11)
    }

    /// An overridden element template may show what is around it, so it is rendered for each
    /// page, not once for all pages with the same element.
    @Test func anElementOverrideSeesItsOwnPage() throws {
        let manifest = Self.manifest.replacingOccurrences(of: "output: site", with: "output: site\ntemplates: templates")
            + "  - path: b/balance.html\n    title: Balance again\n    components:\n      - component: dwolla-balance-display\n"
            + "        attributes:\n          customerId: {param: customerId}\n          hideZeroBalance: true\n"
        let project = try Project(manifest: manifest, files: [
            "templates/element.html.mustache": "{{% CONTENT_TYPE: HTML}}<{{tag}} data-page=\"{{title}}\"></{{tag}}>\n"])
        #expect(try project.build().succeeded)
        #expect(try project.read("site/a/balance.html").contains("<dwolla-balance-display data-page=\"Balance\">"))
        #expect(try project.read("site/b/balance.html").contains("<dwolla-balance-display data-page=\"Balance again\">"))
    }

    /// An override may include any default partial, also one that dropin's own templates
    /// include through a stencil: it gets the partial's text.
    @Test func anOverrideIncludesASharedPartialAsWritten() throws {
        let manifest = Self.manifest.replacingOccurrences(of: "output: site", with: "output: site\ntemplates: templates\npartials: [mustache]")
        let project = try Project(manifest: manifest, files: [
            "templates/snippet.html.mustache": "{{% CONTENT_TYPE: HTML}}\n{{#components}}\n{{> index-element.html}}\n{{/components}}\n"])
        #expect(try project.build().succeeded)
        let snippet = try project.read("site-private/dropin/partials/mustache/vcr.mustache")
        #expect(snippet.contains("<p><code>dwolla-personal-vcr</code>:"), "\(snippet)")
    }

    @Test func partsAreSharedOnlyWhileTheyAreDropinsOwn() throws {
        func shares(_ overrides: [String]) throws -> (parts: [String], page: Bool) {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dropin-templates-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            for name in overrides {
                let text = TemplateSet.defaults.first { $0.name == name }!.text
                try text.write(to: folder.appendingPathComponent(name + TemplateSet.fileExtension), atomically: true, encoding: .utf8)
            }
            let (templates, problems) = TemplateSet.load(overrides: overrides.isEmpty ? nil : folder, displayFolder: "templates")
            #expect(problems.isEmpty)
            let set = try #require(templates)
            return (set.sharedParts.keys.sorted(), set.sharedPage)
        }
        let all = ["element.html", "index-element.html", "index-page.html"]
        // An overridden includer includes the partial as written; dropin's own still share it.
        for overrides in [[], ["configure.js", "params.js"], ["snippet.html"]] {
            #expect(try shares(overrides) == (all, true), "with \(overrides) overridden")
        }
        #expect(try shares(["page.html"]) == (all, false))
        // With every template that includes a partial overridden, nothing takes its stand-in.
        #expect(try shares(["page.html", "snippet.html"]) == (["index-element.html", "index-page.html"], false))
        #expect(try shares(["index.html"]) == (["element.html", "index-element.html"], true))
        #expect(try shares(["element.html"]) == (["index-element.html", "index-page.html"], false))
        // The index's page partial includes its element partial: shared only with it.
        #expect(try shares(["index-page.html"]) == (["element.html"], true))
        #expect(try shares(["index-element.html"]) == (["element.html"], true))
    }

    @Test func anOverrideThatDoesNotParseIsReportedAtItsPlace() throws {
        let project = try Project(manifest: Self.manifest.replacingOccurrences(of: "output: site", with: "output: site\ntemplates: templates"),
                                  files: ["templates/page.html.mustache": "<html>\n{{#components}}\n</html>\n",
                                          "templates/pages.html.mustache": "x"])
        let result = try project.build()
        #expect(result.diagnostics.map(\.code) == ["unknown-template", "template-syntax"])
        #expect(result.diagnostics[0].message.hasSuffix("templates/pages.html.mustache does not replace any template dropin uses; did you mean page.html.mustache?"))
        let syntax = result.diagnostics[1]
        #expect(syntax.message == "the template page.html does not parse: a section is opened and never closed")
        #expect(syntax.location?.file.hasSuffix("templates/page.html.mustache") == true)
        #expect(!project.exists("site"))
    }

    @Test func aFolderWhereAFileGoesIsAnError() throws {
        let project = try Project(manifest: Self.manifest)
        try FileManager.default.createDirectory(at: project.root.appendingPathComponent("site/vcr.html"), withIntermediateDirectories: true)
        let result = try project.build()
        #expect(result.diagnostics.map(\.code) == ["not-a-file"])
        #expect(try project.tree("site").isEmpty)
    }

    /// `userAgent` reaches dwolla.configure as a JavaScript string, whatever it holds; text that
    /// cannot go into a header is refused.
    @Test func theUserAgentIsPassedToConfigureEscaped() throws {
        let project = try Project(manifest: Self.manifest + #"userAgent: "acme/1.0 \"x\" </script> \\ y""# + "\n")
        #expect(try project.build().succeeded)
        let script = try project.read("site/dropin/configure.js")
        #expect(script.contains(#"    userAgent: "acme/1.0 \"x\" \u003c/script\u003e \\ y","#), "\(script)")
        let plain = try Project(manifest: Self.manifest)
        #expect(try plain.build().succeeded)
        #expect(!(try plain.read("site/dropin/configure.js")).contains("userAgent"))
        for bad in [#""a\tb""#, #""""#, "\"" + String(repeating: "x", count: 201) + "\"", #""café""#] {
            #expect(try validate(Self.manifest + "userAgent: \(bad)\n").diagnostics.map(\.code) == ["invalid-user-agent"], "\(bad)")
        }
    }

    /// A dwolla-web release newer than dropin's catalog is no dead end: it builds, with a warning
    /// that it was checked as the newest release dropin knows.
    @Test func aNewerDwollaWebBuildsWithAWarning() throws {
        let project = try Project(manifest: Self.manifest.replacingOccurrences(of: "dwollaWeb: \"2.2.2\"", with: "dwollaWeb: \"3.1.0\""))
        let build = try project.build()
        #expect(build.succeeded)
        #expect(build.diagnostics.map(\.code) == ["newer-dwolla-web"])
        #expect(build.diagnostics.first?.severity == .warning)
        #expect(build.diagnostics.first?.message.hasPrefix("dropin knows dwolla-web up to 3.0.0: the pages load 3.1.0") == true)
        #expect(try project.read("site/vcr.html").contains(#"<script src="https://cdn.dwolla.com/v3.1.0/dwolla-web.js"></script>"#))
    }

    @Test func aForeignOwnershipRecordStopsTheBuild() throws {
        let project = try Project(manifest: Self.manifest, files: ["site-private/dropin/owned.json": "{\"mine\": true}\n"])
        let result = try project.build()
        #expect(result.diagnostics.map(\.code) == ["foreign-record"])
        #expect(try project.read("site-private/dropin/owned.json") == "{\"mine\": true}\n")
        #expect(!project.exists("site/index.html"))
    }

    /// The private folder may be the app's own (its templates folder): a record edited to list
    /// one of the app's files there, outside dropin/, must not make a build remove it.
    @Test func aRecordNamingAPrivateFileOutsideDropinsFolderIsForeign() throws {
        let project = try Project(manifest: Self.manifest, files: ["site-private/app.html": "keep me\n"])
        try project.build()
        let record = try project.read("site-private/dropin/owned.json")
        let entry = "\"app.html\" : \"\(ContentDigest.of("keep me\n"))\",\n      "
        try project.write("site-private/dropin/owned.json", record.replacingOccurrences(
            of: "\"dropin/token-route.json\"", with: entry + "\"dropin/token-route.json\""))
        let result = try project.build()
        #expect(result.diagnostics.map(\.code) == ["foreign-record"])
        #expect(try project.read("site-private/app.html") == "keep me\n")
    }

    /// A record edited to list a file outside the output folder (say, in a pull request) must
    /// not make a build remove that file as one the manifest no longer produces.
    @Test(arguments: ["../precious.txt", "/tmp/precious.txt", "a/../../precious.txt", "a//b.html"])
    func aRecordNamingAPathOutsideTheOutputIsForeign(path: String) throws {
        let project = try Project(manifest: Self.manifest, files: ["precious.txt": "keep me\n"])
        try project.build()
        let record = try project.read("site-private/dropin/owned.json")
        let target = path.hasPrefix("/") ? project.root.appendingPathComponent("precious.txt").path : path
        try project.write("site-private/dropin/owned.json", record.replacingOccurrences(
            of: "\"generated\" : {\n", with: "\"generated\" : {\n    \"\(target)\" : \"\",\n"))
        let result = try project.build()
        #expect(result.diagnostics.map(\.code) == ["foreign-record"])
        #expect(try project.read("precious.txt") == "keep me\n")
        #expect(!(try project.check()).succeeded)
    }
}
