import DropinCore
import Testing

/// The catalog against the facts it was written from (DOMAIN.md's API reference table).
struct CatalogTests {
    let catalog = Catalog.dwolla

    @Test func everyDocumentedComponentIsKnown() {
        #expect(catalog.components.map(\.tag) == [
            "dwolla-customer-create", "dwolla-customer-update", "dwolla-personal-vcr", "dwolla-business-vcr",
            "dwolla-beneficial-owners", "dwolla-document-upload", "dwolla-funding-source-create",
            "dwolla-micro-deposits-verify", "dwolla-balance-display", "dwolla-payin", "dwolla-account-opening",
        ])
    }

    @Test(arguments: [
        ("dwolla-customer-create", ["customer.create"]),
        ("dwolla-customer-update", ["customer.read", "customer.update"]),
        ("dwolla-personal-vcr", ["customer.create", "customer.read", "customer.update", "customer.documents.create"]),
        ("dwolla-business-vcr", ["customer.create", "customer.read", "customer.update", "customer.documents.create",
                                 "businessclassifications.read"]),
        ("dwolla-beneficial-owners", ["beneficialowners.create", "beneficialowners.read", "beneficialowners.update",
                                      "beneficialowners.delete", "beneficialownership.read", "beneficialownership.certify",
                                      "beneficialowner.documents.create", "customer.read", "customer.update"]),
        ("dwolla-document-upload", ["customer.read", "customer.documents.create", "customer.documents.read",
                                    "beneficialowners.read", "beneficialowner.documents.create"]),
        ("dwolla-funding-source-create", ["customer.fundingsources.create"]),
        ("dwolla-micro-deposits-verify", ["customer.fundingsources.read", "customer.microdeposits.verify"]),
        ("dwolla-balance-display", ["customer.fundingsources.read"]),
        ("dwolla-payin", ["customer.fundingsources.read", "customer.transfers.send"]),
    ])
    func actionsFollowTheAPIReference(tag: String, actions: [String]) throws {
        let spec = try #require(catalog.component(tag: tag))
        #expect(spec.actions?.map(\.rawValue) == actions)
    }

    @Test func microDepositsAreAskedOnlyWhenInitiated() throws {
        let spec = try #require(catalog.component(tag: "dwolla-funding-source-create"))
        #expect(spec.conditionalActions.map(\.attribute) == ["initiateMicroDeposits"])
        #expect(spec.conditionalActions.first?.actions == ["customer.microdeposits.create"])
    }

    @Test func accountOpeningIsUndocumentedWithoutActions() throws {
        let spec = try #require(catalog.component(tag: "dwolla-account-opening"))
        #expect(spec.actions == nil)
        #expect(spec.status == .undocumented(since: "December 2024"))
    }

    @Test func requiredAttributesMatchTheDocs() {
        let required = Dictionary(uniqueKeysWithValues: catalog.components.map {
            ($0.tag, $0.attributes.filter(\.isRequired).map(\.name))
        })
        #expect(required["dwolla-payin"] == ["customerId", "blob", "token"])
        #expect(required["dwolla-micro-deposits-verify"] == ["customerId", "fundingSourceId"])
        #expect(required["dwolla-personal-vcr"] == [])
        #expect(required["dwolla-customer-create"] == [])
    }

    @Test func newestVersionIsThreeZero() {
        #expect(catalog.newestVersion == DwollaWebVersion(3, 0, 0))
        #expect(DwollaWebVersion("2.2.2")! < DwollaWebVersion("3.0.0")!)
        #expect(DwollaWebVersion("v2.2.2") == nil)
        #expect(DwollaWebVersion("2.2") == nil)
    }

    @Test func everyComponentSinceIsAKnownVersion() {
        for spec in catalog.components {
            #expect(catalog.versions.contains(spec.since), "\(spec.tag)")
            for attribute in spec.attributes {
                if let since = attribute.since { #expect(catalog.versions.contains(since), "\(spec.tag).\(attribute.name)") }
            }
        }
    }
}
