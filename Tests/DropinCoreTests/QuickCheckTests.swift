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
        let dates = try project.modificationDates("site")
        let warm = try project.build()
        #expect(warm.succeeded && warm.rendered == nil)
        #expect(try project.modificationDates("site") == dates)
        #expect(warm.changes?.unchanged == first.changes?.created)
        #expect(warm.changes?.writes == [] && warm.changes?.removed == [])
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
            let record = try project.read("site/dropin/owned.json")
            let digest = try #require(record.firstMatch(of: /"vcr.html" : "([0-9a-f]{64})"/)?.1)
            try project.write("site/dropin/owned.json", record.replacingOccurrences(of: digest, with: String(repeating: "0", count: 64)))
        case "the manifest edited":
            try project.write("dropin.yml", try project.read("dropin.yml").replacingOccurrences(of: "Ada", with: "Eve"))
        case "a comment added to the manifest":
            try project.write("dropin.yml", "# unchanged output\n" + (try project.read("dropin.yml")))
        case "a template added":
            try project.write("templates/page.html.mustache", "{{% CONTENT_TYPE: HTML}}<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>{{title}}</title></head><body></body></html>\n")
        case "a folder replaced by a link to a copy":
            // The same bytes, but a build would refuse to write through the link: so must check.
            let folder = project.root.appendingPathComponent("site/dropin/partials")
            let copy = project.root.appendingPathComponent("copy")
            try FileManager.default.copyItem(at: folder, to: copy)
            try FileManager.default.removeItem(at: folder)
            try FileManager.default.createSymbolicLink(at: folder, withDestinationURL: copy)
            #expect(try !project.build().succeeded)
        default:
            try project.write("site/dropin/partials/mustache/gone.html", "<p>old</p>\n")
            let record = try project.read("site/dropin/owned.json")
            try project.write("site/dropin/owned.json", record.replacingOccurrences(
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
        #expect(try project.build().changes?.kept == ["styles/dwolla.css"])
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

            """)
        let build = try project.build()
        #expect(build.diagnostics.map(\.code) == ["undocumented-component"])
        #expect(!(try project.read("site/dropin/owned.json")).contains("\"fingerprint\""))
        let check = try project.check()
        #expect(!check.byRecord)
        #expect(check.diagnostics.map(\.code) == ["undocumented-component"])
    }

    @Test func aFingerprintFromOtherInputsStillPassesAndTheNextBuildRenewsIt() throws {
        let project = try Project(manifest: Self.manifest)
        try project.build()
        let record = try project.read("site/dropin/owned.json")
        let old = try #require(record.firstMatch(of: /"fingerprint" : "([0-9a-f]{64})"/)?.1)
        try project.write("site/dropin/owned.json", record.replacingOccurrences(of: old, with: String(repeating: "1", count: 64)))
        let check = try project.check()
        #expect(check.succeeded && !check.byRecord)
        let build = try project.build()
        #expect(build.changes?.updated == [BuildPlan.recordPath])
        #expect(try project.read("site/dropin/owned.json") == record)
        #expect(try project.check().byRecord)
    }

    @Test func aRecordOfTheFirstFormatIsReadAndReplaced() throws {
        let project = try Project(manifest: Self.manifest)
        try project.build()
        let paths = try project.tree("site").keys.filter { $0 != BuildPlan.recordPath && $0 != "styles/dwolla.css" }.sorted()
        let legacy = JSONValue.object(["$comment": .string("old"), "formatVersion": .int(1),
                                       "generated": .array(paths.map(JSONValue.string)),
                                       "seeded": .array([.string("styles/dwolla.css")])]).rendered()
        try project.write("site/dropin/owned.json", legacy)
        #expect(!(try project.check()).byRecord)
        let build = try project.build()
        #expect(build.succeeded && build.changes?.updated == [BuildPlan.recordPath])
        #expect(try project.check().byRecord)
    }
}
