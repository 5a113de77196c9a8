import DropinCore
import Foundation
import Testing

/// What a valid manifest turns into, and how the model copes with size.
struct ManifestModelTests {
    @Test func defaultsApplyWhenKeysAreLeftOut() throws {
        let result = try validate(manifest(components: "  - component: dwolla-personal-vcr").replacingOccurrences(of: dwollaWebPin, with: ""))
        let model = try #require(result.manifest)
        #expect(model.dwollaWeb.value == Catalog.dwolla.newestVersion.description)
        // Said, with the line to add: upgrading dropin would otherwise change every page's script.
        let newest = Catalog.dwolla.newestVersion
        #expect(result.diagnostics.map(\.summary) == [
            "1:1 warning unpinned-dwolla-web no dwollaWeb: the pages load dwolla-web \(newest), the newest this dropin knows, and another dropin would load another; pin it with dwollaWeb: \"\(newest)\" at the top level [dwollaWeb]",
        ])
        #expect(model.output.value == "site")
        #expect(model.styles.value == "styles/dwolla.css")
        #expect(model.token.mode.value == .url)
        #expect(model.callbacks.success == nil)
    }

    @Test func everyValueKeepsItsTypeAndPlace() throws {
        let result = try validate(manifest(components: """
              - component: dwolla-funding-source-create
                attributes:
                  customerId: {param: customerId}
                  initiateMicroDeposits: true
            """, header: "dwollaWeb: \"2.2.2\"\n"))
        let page = try #require(result.manifest?.pages.first)
        let attributes = try #require(page.components.first?.attributes)
        #expect(attributes.map(\.name) == ["customerId", "initiateMicroDeposits"])
        #expect(attributes.map(\.value.value) == [.parameter("customerId"), .flag(true)])
        #expect(attributes[1].value.location == SourceLocation(file: "dropin.yml", line: 13, column: 34))
        #expect(page.path.path.description == "pages[0].path")
    }

    @Test func aLargeManifestValidatesCleanly() throws {
        let pageCount = 2_000
        var yaml = "version: 1\nenvironment: production\ntoken:\n  url: https://app.example.com/dwolla/token\n  mode: function\npages:\n"
        let tags = ["dwolla-balance-display", "dwolla-micro-deposits-verify", "dwolla-funding-source-create"]
        for index in 0..<pageCount {
            yaml += """
              - path: customers/\(index)/page.html
                title: "Page \(index): \\"quotes\\" & <angles>"
                components:
                  - component: \(tags[index % tags.count])
                    attributes:
                      customerId: {param: customerId}
                      fundingSourceId: {param: fundingSourceId}

            """
        }
        yaml += dwollaWebPin
        // fundingSourceId belongs to micro-deposits-verify only: fix the others by dropping it.
        yaml = yaml.replacingOccurrences(of: """
                  - component: dwolla-balance-display
                    attributes:
                      customerId: {param: customerId}
                      fundingSourceId: {param: fundingSourceId}
            """, with: """
                  - component: dwolla-balance-display
                    attributes:
                      customerId: {param: customerId}
            """).replacingOccurrences(of: """
                  - component: dwolla-funding-source-create
                    attributes:
                      customerId: {param: customerId}
                      fundingSourceId: {param: fundingSourceId}
            """, with: """
                  - component: dwolla-funding-source-create
                    attributes:
                      customerId: {param: customerId}
            """)
        let result = try validate(yaml)
        #expect(result.diagnostics.map(\.summary) == [])
        let model = try #require(result.manifest)
        #expect(model.pages.count == pageCount)
        #expect(model.pages[1_999].title.value == "Page 1999: \"quotes\" & <angles>")
        let lastPathLine = yaml.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("customers/1999/") }.map { $0 + 1 }
        #expect(model.pages[1_999].path.location.line == lastPathLine)
    }

    @Test func oneErrorAmongManyPagesIsFoundWithItsPlace() throws {
        var yaml = "version: 1\nenvironment: sandbox\ntoken: {url: /t}\npages:\n"
        for index in 0..<500 {
            let tag = index == 321 ? "dwolla-balance-displya" : "dwolla-personal-vcr"
            yaml += "  - {path: p\(index).html, title: P, components: [{component: \(tag)}]}\n"
        }
        yaml += dwollaWebPin
        let result = try validate(yaml)
        #expect(result.diagnostics.map(\.summary) == [
            "326:58 error invalid-value 'dwolla-balance-displya' is not allowed for 'component'; did you mean 'dwolla-balance-display'? [pages[321].components[0].component]",
        ])
    }
}
