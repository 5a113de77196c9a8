/// Every Dwolla drop-in component, as ../DOMAIN facts give them: the one source of truth for
/// validation, `dropin components`, the token route allowlist and the stylesheet stubs.
/// Actions follow Dwolla's current API reference table.
public struct Catalog: Sendable {
    public let components: [ComponentSpec]
    public let versions: [DwollaWebVersion]
    /// Hooks every component's shadow DOM shares.
    public let sharedStyleHooks: [String]

    public func component(tag: String) -> ComponentSpec? {
        components.first { $0.tag == tag }
    }

    public var newestVersion: DwollaWebVersion { versions.max()! }

    /// Every action any component can ask for.
    public var knownActions: Set<Action> {
        Set(components.flatMap(\.allActions))
    }
}

extension Catalog {
    public static let dwolla = Catalog(
        components: [
            customerCreate, customerUpdate, personalVCR, businessVCR, beneficialOwners,
            documentUpload, fundingSourceCreate, microDepositsVerify, balanceDisplay, payin,
            accountOpening,
        ],
        versions: [
            DwollaWebVersion(2, 0, 0), DwollaWebVersion(2, 1, 0), DwollaWebVersion(2, 1, 3),
            DwollaWebVersion(2, 1, 6), DwollaWebVersion(2, 1, 8), DwollaWebVersion(2, 1, 9),
            DwollaWebVersion(2, 2, 0), DwollaWebVersion(2, 2, 1), DwollaWebVersion(2, 2, 2),
            DwollaWebVersion(3, 0, 0),
        ],
        sharedStyleHooks: [
            ".dwolla-input-container", ".dwolla-submit", ".dwolla-loading", ".dwolla-link",
            "#dwolla-success", "#dwolla-success-message", "#dwolla-error", "#dwolla-error-message",
            "#dwolla-info", "#dwolla-info-message",
        ]
    )
}

// MARK: - The components

private let v2_0_0 = DwollaWebVersion(2, 0, 0)
private let v2_1_8 = DwollaWebVersion(2, 1, 8)

private let correlationId = AttributeSpec("correlationId", since: v2_1_8)
private let terms = AttributeSpec("terms", .url, note: "link to your terms of service")
private let privacy = AttributeSpec("privacy", .url, note: "link to your privacy policy")
private let customerId = AttributeSpec("customerId", .uuid, required: true)
private let personFields = [
    AttributeSpec("firstName"), AttributeSpec("lastName"), AttributeSpec("email"),
    AttributeSpec("ipAddress"), correlationId, terms, privacy,
]

private let customerHooks = [
    ".dwolla-customer-input", ".dwolla-customer-firstName", ".dwolla-customer-lastName",
    ".dwolla-customer-email", ".dwolla-customer-address1", ".dwolla-customer-address2",
    ".dwolla-customer-city", ".dwolla-customer-state", ".dwolla-customer-postal",
    ".dwolla-customer-country", ".dwolla-customer-dob", ".dwolla-customer-ssn",
    ".dwolla-customer-tos", ".dwolla-customer-checkbox", ".dwolla-customer-text",
]
private let documentHooks = [
    ".dwolla-document-type", ".dwolla-document-type-select", ".dwolla-document-type-select-label",
    ".dwolla-document-choose", ".dwolla-document-chooser", ".dwolla-document-chooser-label",
    ".dwolla-document-name", ".dwolla-document-name-display", ".dwolla-document-name-span",
    ".dwolla-document-description", ".dwolla-document-label", ".dwolla-document-submit",
    ".dwolla-file-name",
]
private let vcrActions: [Action] = [
    "customer.create", "customer.read", "customer.update", "customer.documents.create",
]

private let customerCreate = ComponentSpec(
    tag: "dwolla-customer-create",
    summary: "Creates a receive-only or an unverified customer.",
    since: v2_0_0, status: .documented,
    attributes: [
        AttributeSpec("type", .choice(["receive-only"]),
                      note: "omit for an unverified customer"),
        AttributeSpec("isBusiness", .boolean),
        AttributeSpec("firstName"), AttributeSpec("lastName"), AttributeSpec("email"),
        AttributeSpec("businessName", since: v2_1_8), AttributeSpec("ipAddress"),
        correlationId, terms, privacy,
    ],
    actions: ["customer.create"], conditionalActions: [],
    conditionalRequirements: [
        ConditionalRequirement(attribute: "type", value: "receive-only",
                               since: DwollaWebVersion(3, 0, 0), requires: ["terms", "privacy"]),
    ],
    styleHooks: customerHooks + [".dwolla-customer-submit"]
)

private let customerUpdate = ComponentSpec(
    tag: "dwolla-customer-update",
    summary: "Updates an existing customer's details.",
    since: v2_0_0, status: .documented,
    attributes: [customerId] + personFields,
    actions: ["customer.read", "customer.update"], conditionalActions: [],
    conditionalRequirements: [],
    styleHooks: customerHooks + [".dwolla-customer-submit"]
)

private let personalVCR = ComponentSpec(
    tag: "dwolla-personal-vcr",
    summary: "Creates and verifies a personal verified customer.",
    since: v2_0_0, status: .documented,
    attributes: personFields + [
        AttributeSpec("customerId", .uuid, note: "in Dwolla's React types only"),
    ],
    actions: vcrActions, conditionalActions: [], conditionalRequirements: [],
    styleHooks: customerHooks + [".dwolla-vcr-submit"]
)

private let businessVCR = ComponentSpec(
    tag: "dwolla-business-vcr",
    summary: "Creates and verifies a business verified customer.",
    since: DwollaWebVersion(2, 1, 0), status: .documented,
    attributes: personFields + [
        AttributeSpec("customerId", .uuid, note: "in Dwolla's React types only"),
        AttributeSpec("hideDBAField", .boolean, since: v2_1_8),
    ],
    actions: vcrActions + ["businessclassifications.read"], conditionalActions: [],
    conditionalRequirements: [],
    styleHooks: customerHooks + [
        ".dwolla-vcr-submit", ".dwolla-half-button", ".dwolla-half-button-secondary",
        ".dwolla-customer-businessIndustry", ".dwolla-customer-businessClassification",
        ".dwolla-customer-businessType", ".tooltip", ".tooltiptext", ".tooltip-shift",
    ] + documentHooks
)

private let beneficialOwners = ComponentSpec(
    tag: "dwolla-beneficial-owners",
    summary: "Adds, edits and certifies a business customer's beneficial owners.",
    since: DwollaWebVersion(2, 1, 3), status: .documented,
    attributes: [customerId],
    actions: [
        "beneficialowners.create", "beneficialowners.read", "beneficialowners.update",
        "beneficialowners.delete", "beneficialownership.read", "beneficialownership.certify",
        "beneficialowner.documents.create", "customer.read", "customer.update",
    ],
    conditionalActions: [], conditionalRequirements: [],
    styleHooks: [
        ".dwolla-bo-submit", ".dwolla-width-1", ".dwolla-width-2", ".dwolla-width-3",
        ".dwolla-span-container", ".dwolla-text-container", ".dwolla-button-label-container",
        ".dwolla-button-label-container-nb", ".dwolla-owner", ".dwolla-owner-name",
        ".dwolla-owner-delete", ".dwolla-owner-header", ".dwolla-owners-summary-container",
        ".dwolla-owners-empty", ".dwolla-add-owners-button", ".dwolla-owner-status",
        ".dwolla-owner-status-verified", ".dwolla-owner-status-incomplete",
        ".dwolla-owner-status-document",
    ]
)

private let documentUpload = ComponentSpec(
    tag: "dwolla-document-upload",
    summary: "Uploads identity documents for a customer or a beneficial owner.",
    since: v2_0_0, status: .documented,
    attributes: [
        customerId,
        AttributeSpec("ownerId", .uuid, note: "in Dwolla's example app only"),
        AttributeSpec("type", .choice(["beneficial-owner"]), note: "in Dwolla's example app only"),
    ],
    actions: [
        "customer.read", "customer.documents.create", "customer.documents.read",
        "beneficialowners.read", "beneficialowner.documents.create",
    ],
    conditionalActions: [], conditionalRequirements: [],
    styleHooks: documentHooks
)

private let fundingSourceCreate = ComponentSpec(
    tag: "dwolla-funding-source-create",
    summary: "Attaches a bank account to a customer, optionally sending micro-deposits.",
    since: DwollaWebVersion(2, 2, 0), status: .documented,
    attributes: [customerId, AttributeSpec("initiateMicroDeposits", .boolean)],
    actions: ["customer.fundingsources.create"],
    conditionalActions: [
        ConditionalActions(attribute: "initiateMicroDeposits", actions: ["customer.microdeposits.create"]),
    ],
    conditionalRequirements: [],
    styleHooks: [
        ".dwolla-funding-source-input", ".dwolla-funding-source-name",
        ".dwolla-funding-source-type", ".dwolla-funding-source-routingNumber",
        ".dwolla-funding-source-accountNumber", ".dwolla-funding-source-submit",
    ]
)

private let microDepositsVerify = ComponentSpec(
    tag: "dwolla-micro-deposits-verify",
    summary: "Verifies a bank account with the two micro-deposit amounts.",
    since: DwollaWebVersion(2, 2, 0), status: .documented,
    attributes: [customerId, AttributeSpec("fundingSourceId", .uuid, required: true)],
    actions: ["customer.fundingsources.read", "customer.microdeposits.verify"],
    conditionalActions: [], conditionalRequirements: [],
    styleHooks: [
        ".dwolla-micro-deposits-input", ".dwolla-micro-deposits-amount-one",
        ".dwolla-micro-deposits-amount-two", ".dwolla-micro-deposits-submit",
    ]
)

private let balanceDisplay = ComponentSpec(
    tag: "dwolla-balance-display",
    summary: "Shows the balance of a customer's Dwolla balance funding source.",
    since: v2_0_0, status: .documented,
    attributes: [customerId, AttributeSpec("hideZeroBalance", .boolean, since: DwollaWebVersion(2, 1, 9))],
    actions: ["customer.fundingsources.read"],
    conditionalActions: [], conditionalRequirements: [],
    styleHooks: [".dwolla-balance", ".dwolla-balance-display", ".dwolla-balance-header"]
)

private let payin = ComponentSpec(
    tag: "dwolla-payin",
    summary: "Takes a payment from a customer's bank account.",
    since: v2_0_0, status: .documented,
    attributes: [
        customerId,
        AttributeSpec("blob", required: true, perRequest: true,
                      note: "from your server's customer.transfers.send client-token call, per payment"),
        AttributeSpec("token", required: true, perRequest: true,
                      note: "from your server's customer.transfers.send client-token call, per payment"),
        AttributeSpec("amount", .amount),
    ],
    actions: ["customer.fundingsources.read", "customer.transfers.send"],
    conditionalActions: [], conditionalRequirements: [],
    styleHooks: [
        ".dwolla-payin", ".dwolla-payin-submit", ".dwolla-amount", ".dwolla-amount-label",
        ".dwolla-amount-display", ".dwolla-funding-sources", ".dwolla-funding-source-label",
        ".dwolla-payin-title",
    ]
)

private let accountOpening = ComponentSpec(
    tag: "dwolla-account-opening",
    summary: "Opens an account for a customer (no longer in Dwolla's docs).",
    since: DwollaWebVersion(2, 1, 9), status: .undocumented(since: "December 2024"),
    attributes: [
        AttributeSpec("clientAccountId"), AttributeSpec("hideDBAField", .boolean),
        AttributeSpec("website"), AttributeSpec("correlationId"),
        AttributeSpec("firstName"), AttributeSpec("lastName"), AttributeSpec("email"),
        AttributeSpec("ipAddress"), terms, privacy,
    ],
    actions: nil, conditionalActions: [], conditionalRequirements: [],
    styleHooks: []
)
