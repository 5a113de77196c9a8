@testable import DropinCore
import Foundation
import Testing

/// `check` and a warm `build` that compare file digests with the ownership record instead of
/// rendering: taken only when the inputs are the very ones the record was built from, and
/// always giving the same verdict as a full render and compare.
struct QuickCheckTests {
    static let manifest = BuildTests.manifest + "partials: [mustache]\n"

    @Test func anUntouchedOutputIsCheckedByDigestWithTheFullChecksVerdict() throws {
        let project = try Project(manifest: Self.manifest)
        try project.build()
        let quick = try project.check()
        let full = try project.check(full: true)
        #expect(quick.byRecord && !full.byRecord)
        #expect(quick.succeeded && full.succeeded)
        #expect(quick.rendered == nil)
        #expect(quick.totals?.fileCount == full.totals?.fileCount)
        #expect(quick.totals?.pageCount == 2 && quick.totals?.componentCount == 2)
    }

    @Test func aWarmBuildRendersNothingWritesNothingAndReportsWhatAFullBuildWould() throws {
        let project = try Project(manifest: Self.manifest)
        let first = try project.build()
        let dates = try ["site", "site-private"].map(project.modificationDates)
        let warm = try project.build()
        #expect(warm.succeeded && warm.rendered == nil)
        #expect(try ["site", "site-private"].map(project.modificationDates) == dates)
        #expect(warm.changes?.public.unchanged.sorted() == first.changes?.public.created.sorted())
        #expect(warm.changes?.private.unchanged.sorted() == first.changes?.private.created.sorted())
        #expect(warm.changes?.count(\.writes) == 0 && warm.changes?.count(\.removed) == 0)
    }

    /// Each of these makes the record's fingerprint wrong, so the full path runs and explains.
    @Test(arguments: ["a page edited", "a page deleted", "the record's digest edited", "the manifest edited",
                      "a comment added to the manifest", "a template added", "a stray owned file",
                      "a folder replaced by a link to a copy"])
    func anythingUnlikeTheRecordGoesTheFullWay(change: String) throws {
        let project = try Project(manifest: Self.manifest + "templates: templates\n",
                                  files: ["templates/.keep": ""])
        try project.build()
        switch change {
        case "a page edited":
            try project.write("site/vcr.html", try project.read("site/vcr.html").replacingOccurrences(of: "Ada", with: "Eve"))
        case "a page deleted":
            try FileManager.default.removeItem(at: project.root.appendingPathComponent("site/vcr.html"))
        case "the record's digest edited":
            let record = try project.read("site-private/dropin/owned.json")
            let digest = try #require(record.firstMatch(of: /"vcr.html" : "([0-9a-f]{64})"/)?.1)
            try project.write("site-private/dropin/owned.json", record.replacingOccurrences(of: digest, with: String(repeating: "0", count: 64)))
        case "the manifest edited":
            try project.write("dropin.yml", try project.read("dropin.yml").replacingOccurrences(of: "Ada", with: "Eve"))
        case "a comment added to the manifest":
            try project.write("dropin.yml", "# unchanged output\n" + (try project.read("dropin.yml")))
        case "a template added":
            try project.write("templates/page.html.mustache", "{{% CONTENT_TYPE: HTML}}<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>{{title}}</title></head><body></body></html>\n")
        case "a folder replaced by a link to a copy":
            // The same bytes, but a build would refuse to write through the link: so must check.
            let folder = project.root.appendingPathComponent("site-private/dropin/partials")
            let copy = project.root.appendingPathComponent("copy")
            try FileManager.default.copyItem(at: folder, to: copy)
            try FileManager.default.removeItem(at: folder)
            try FileManager.default.createSymbolicLink(at: folder, withDestinationURL: copy)
            #expect(try !project.build().succeeded)
        default:
            try project.write("site-private/dropin/partials/mustache/gone.html", "<p>old</p>\n")
            let record = try project.read("site-private/dropin/owned.json")
            try project.write("site-private/dropin/owned.json", record.replacingOccurrences(
                of: "\"generated\" : {\n", with: "\"generated\" : {\n    \"dropin/partials/mustache/gone.html\" : \"\(ContentDigest.of("<p>old</p>\n"))\",\n"))
        }
        let quick = try project.check()
        let full = try project.check(full: true)
        #expect(!quick.byRecord)
        #expect(quick.succeeded == full.succeeded)
        #expect(quick.reports.map(\.path) == full.reports.map(\.path))
        if change == "a comment added to the manifest" {
            #expect(quick.succeeded, "same output from other bytes: up to date, though not by record")
        } else {
            #expect(!quick.succeeded)
        }
    }

    @Test func theStylesheetsMissingHooksAreWarnedAboutEitherWay() throws {
        let project = try Project(manifest: Self.manifest)
        try project.build()
        try project.write("site/styles/dwolla.css", "/* mine */\n")
        let quick = try project.check(), full = try project.check(full: true)
        #expect(quick.byRecord)
        #expect(quick.diagnostics == full.diagnostics)
        #expect(quick.diagnostics.map(\.code) == ["missing-style-hooks"])
        #expect(try project.build().changes?.public.kept == ["styles/dwolla.css"])
    }

    @Test func aManifestWithWarningsIsAlwaysCheckedInFull() throws {
        let project = try Project(manifest: """
            version: 1
            environment: sandbox
            token: {url: /t}
            pages:
              - path: open.html
                title: Open
                components:
                  - component: dwolla-account-opening
                    actions: [customer.create]
            dwollaWeb: "3.0.0"
            """)
        let build = try project.build()
        #expect(build.diagnostics.map(\.code) == ["undocumented-component"])
        #expect(!(try project.read("site-private/dropin/owned.json")).contains("\"fingerprint\""))
        let check = try project.check()
        #expect(!check.byRecord)
        #expect(check.diagnostics.map(\.code) == ["undocumented-component"])
    }

    @Test func aFingerprintFromOtherInputsStillPassesAndTheNextBuildRenewsIt() throws {
        let project = try Project(manifest: Self.manifest)
        try project.build()
        let record = try project.read("site-private/dropin/owned.json")
        let old = try #require(record.firstMatch(of: /"fingerprint" : "([0-9a-f]{64})"/)?.1)
        try project.write("site-private/dropin/owned.json", record.replacingOccurrences(of: old, with: String(repeating: "1", count: 64)))
        let check = try project.check()
        #expect(check.succeeded && !check.byRecord)
        let build = try project.build()
        #expect(build.changes?.private.updated == [BuildPlan.recordPath] && build.changes?.public.updated == [])
        #expect(try project.read("site-private/dropin/owned.json") == record)
        #expect(try project.check().byRecord)
    }

    /// Before the private folder, everything (the record too) was in the one output folder. The
    /// first build takes that record over: it moves the private files out of the web root and
    /// leaves nothing of dropin's there that a browser should not load.
    @Test(arguments: [1, 2])
    func aRecordFromBeforeThePrivateFolderIsTakenOver(format: Int) throws {
        let project = try Project(manifest: Self.manifest)
        try project.build()
        let site = project.root.appendingPathComponent("site"), privateFolder = project.root.appendingPathComponent("site-private")
        let moved = try project.tree("site-private").keys.filter { $0 != BuildPlan.recordPath }.sorted()
        for path in moved {
            try project.write("site/" + path, try project.read("site-private/" + path))
        }
        try FileManager.default.removeItem(at: privateFolder)
        let generated = (try project.tree("site").keys.filter { $0 != "styles/dwolla.css" }).sorted()
        func list(_ paths: [String]) -> JSONValue {
            format == 1 ? .array(paths.map(JSONValue.string))
                        : .object(Dictionary(uniqueKeysWithValues: paths.map { ($0, JSONValue.string(String(repeating: "0", count: 64))) }))
        }
        try project.write("site/dropin/owned.json", JSONValue.object([
            "$comment": .string("old"), "formatVersion": .int(format), "generated": list(generated), "seeded": list(["styles/dwolla.css"]),
            "stylesheetHooks": .array([]), "pages": .int(2), "components": .int(2),
        ]).rendered())
        #expect(!(try project.check()).succeeded)
        let build = try project.build()
        #expect(build.succeeded, "\(build.diagnostics)")
        #expect(build.changes?.public.removed == (moved + [BuildPlan.recordPath]).sorted())
        #expect(try project.tree("site").keys.sorted() == ["a/balance.html", "dropin/configure.js", "dropin/params.js", "index.html", "styles/dwolla.css", "vcr.html"])
        #expect(FileManager.default.fileExists(atPath: privateFolder.appendingPathComponent(BuildPlan.recordPath).path))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("dropin/partials").path))
        #expect(try project.check().byRecord)
    }
}
