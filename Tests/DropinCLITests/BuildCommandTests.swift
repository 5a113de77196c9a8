import Foundation
import Testing

/// `dropin build`, `check` and `templates` end to end: output, formats and exit statuses.
struct BuildCommandTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
        try scratch.write("dropin.yml", ValidateCommandTests.valid)
    }

    @Test func buildWritesTheSiteAndSummarises() throws {
        let outcome = try dropin("build", in: scratch.url)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr == "")
        let lines = outcome.stdout.split(separator: "\n")
        #expect(Array(lines.prefix(5)) == ["Pages            | 1", "Components       | 1", "Files written    | 14",
                                           "Files unchanged  | 0", "Files removed    | 0"])
        #expect(lines.last?.hasPrefix("Built site/ and site-private/ in ") == true)
        #expect(try scratch.read("site/a.html").contains("<dwolla-balance-display data-dropin-param-customerid=\"customerId\">"))
    }

    @Test func dryRunListsAndWritesNothing() throws {
        let outcome = try dropin("build", "--dry-run", in: scratch.url)
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasPrefix("would create site/a.html\nwould create site/dropin/configure.js\n"))
        #expect(outcome.stdout.contains("Files to write   | 14"))
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("site").path))
    }

    @Test func buildReportsAsJSON() throws {
        let outcome = try dropin("build", "--format", "json", in: scratch.url)
        #expect(outcome.status == 0)
        let document = try parseJSON(outcome.stdout)
        #expect(document["command"] as? String == "build")
        let deployments = try #require(document["deployments"] as? [[String: Any]])
        #expect(deployments.count == 1)
        #expect(deployments.first?["name"] is NSNull)
        #expect(deployments.first?["pages"] as? Int == 1)
        #expect(deployments.first?["output"] as? String == "site" && deployments.first?["privateOutput"] as? String == "site-private")
        let files = try #require(deployments.first?["files"] as? [String: [String]])
        #expect(files["created"]?.count == 14)
        #expect(files["created"]?.contains("site-private/dropin/owned.json") == true)
        #expect(files["removed"] == [])
    }

    @Test func buildRefusesToOverwriteAUsersFile() throws {
        try scratch.write("site/a.html", "mine\n")
        let outcome = try dropin("build", in: scratch.url)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("site/a.html:1:1: error: site/a.html exists and dropin did not write it"))
        #expect(try scratch.read("site/a.html") == "mine\n")
    }

    @Test func buildStopsOnAnInvalidManifestWithoutWriting() throws {
        try scratch.write("dropin.yml", ValidateCommandTests.broken)
        let outcome = try dropin("build", in: scratch.url)
        #expect(outcome.status == 1)
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("site").path))
    }

    @Test func checkPassesOnAFreshBuildAndFailsWithADiffOnDrift() throws {
        _ = try dropin("build", in: scratch.url)
        let clean = try dropin("check", in: scratch.url)
        #expect(clean.status == 0)
        #expect(clean.stdout == "site/ and site-private/ are up to date: 14 files checked (against the digests in site-private/dropin/owned.json)\n")
        let full = try dropin("check", "--full", in: scratch.url)
        #expect(full.status == 0)
        #expect(full.stdout == "site/ and site-private/ are up to date: 14 files checked (rendered and compared)\n")
        for (arguments, way) in [(["check"], "digests"), (["check", "--full"], "rendering")] {
            let json = try parseJSON(try run(dropinBinary, arguments + ["--format", "json"], in: scratch.url).stdout)
            #expect(json["comparedBy"] as? String == way)
        }

        try scratch.write("site/a.html", try scratch.read("site/a.html").replacingOccurrences(of: "<h1>A</h1>", with: "<h1>B</h1>"))
        let stale = try dropin("check", in: scratch.url)
        #expect(stale.status == 1)
        #expect(stale.stdout == "")
        #expect(stale.stderr == """
            site/a.html:16:1: error: edited by hand since the last build: change the manifest or a template instead, then run dropin build (which overwrites this file)
            --- site/a.html (committed)
            +++ site/a.html (dropin build)
            @@ -13,7 +13,7 @@
             </head>
             <body>
             <main>
            -<h1>B</h1>
            +<h1>A</h1>
             <template data-dropin-element=""><dwolla-balance-display data-dropin-param-customerid="customerId"></dwolla-balance-display></template>
             </main>
             <script src="dropin/params.js"></script>
            dropin.yml: 1 error, 0 warnings

            """)
    }

    @Test func checkAnnotatesEachFileForGitHubAndListsThemInJSON() throws {
        _ = try dropin("build", in: scratch.url)
        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("site/index.html"))
        try scratch.write("site/a.html", "tampered\n")
        let github = try dropin("check", "--format", "github", in: scratch.url)
        #expect(github.status == 1)
        #expect(github.stdout == """
            ::error file=site/a.html,line=1,col=1,title=dropin check%3A edited-by-hand::edited by hand since the last build: change the manifest or a template instead, then run dropin build (which overwrites this file)
            ::error file=site/index.html,line=1,col=1,title=dropin check%3A missing::missing: run dropin build and commit what it writes

            """)
        let json = try parseJSON(try dropin("check", "--format", "json", in: scratch.url).stdout)
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(files.map { $0["status"] as? String } == ["edited-by-hand", "missing"])
        #expect((files[0]["diff"] as? String)?.contains("-tampered") == true)
    }

    @Test func checkWithoutAManifestExitsTwo() throws {
        let outcome = try dropin("check", "--manifest", "missing.yml", in: scratch.url)
        #expect(outcome.status == 2)
    }

    @Test func templatesAreListedAndPrinted() throws {
        let list = try dropin("templates", "list", in: scratch.url)
        #expect(list.status == 0)
        #expect(list.stdout.contains("page.html.mustache           each page: its head, scripts and drop-in elements"))
        #expect(list.stdout.contains("index-element.html.mustache  one element in the site index; included by index-page.html"))
        #expect(list.stdout.contains("index-page.html.mustache     one page in the site index; included by index.html"))
        #expect(list.stdout.contains("token-route.py.mustache      the token route for Python 3.9+, WSGI and ASGI (dropin/server/python/), with server: [python]"))
        #expect(list.stdout.split(separator: "\n").count == 14)
        let page = try dropin("templates", "cat", "page.html", in: scratch.url)
        #expect(page.status == 0)
        #expect(page.stdout == (try String(contentsOf: repositoryRoot.appendingPathComponent("Templates/page.html.mustache"), encoding: .utf8)))
        let unknown = try dropin("templates", "cat", "pages.html", in: scratch.url)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("error: there is no template 'pages.html'; did you mean page.html?"))
    }

    /// Markup that is well-formed XML but that a browser parses into another tree, in a page
    /// template of the user's: the build fails at the rendered line and column, names the
    /// template, says what to write instead, and writes nothing.
    @Test(arguments: [
        ("<p>intro<div>block</div></p>", 9, "<div> inside <p> ends the <p> in a browser: close the <p> first, or use a <div> around both"),
        ("<table><tr><td>cell</td></tr></table>", 8, "<tr> belongs directly in <thead>, <tbody> or <tfoot> (a browser adds a <tbody> around rows written in <table>)"),
        ("<a href=\"/a\">one <a href=\"/b\">two</a></a>", 18, "<a> inside <a> ends the outer link in a browser: links cannot nest"),
    ])
    func markupABrowserReadsDifferentlyFailsTheBuildWhereItStands(_ markup: String, column: Int, message: String) throws {
        try scratch.write("dropin.yml", ValidateCommandTests.valid)
        #expect(try dropin("build", in: scratch.url).status == 0)
        let built = try scratch.read("site/a.html")
        let mainLine = try #require(built.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("<main>") }) + 1
        let page = try dropin("templates", "cat", "page.html.mustache", in: scratch.url)
        try scratch.write("templates/page.html.mustache", page.stdout.replacingOccurrences(of: "<main>", with: "<main>\n" + markup))
        try scratch.write("dropin.yml", ValidateCommandTests.valid + "templates: templates\n")
        let outcome = try dropin("build", in: scratch.url)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("site/a.html:\(mainLine + 1):\(column): error: \(message)"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("(rendered from template page.html with your template templates/page.html.mustache)"))
        #expect(try scratch.read("site/a.html") == built)
    }

    @Test func aCopiedOutTemplateOverridesTheDefault() throws {
        let page = try dropin("templates", "cat", "page.html.mustache", in: scratch.url)
        try scratch.write("templates/page.html.mustache", page.stdout.replacingOccurrences(of: "<main>", with: "<main class=\"mine\">"))
        try scratch.write("dropin.yml", ValidateCommandTests.valid + "templates: templates\n")
        let outcome = try dropin("build", in: scratch.url)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(try scratch.read("site/a.html").contains("<main class=\"mine\">"))
    }
}
