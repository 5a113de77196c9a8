/// The shape of dropin.yml, format version 1. `dropin schema` and the structural check both
/// come from this one description.
public enum ManifestSchema {
    public static let supportedVersions = [1]
    public static let defaultOutput = "site"
    public static let defaultStyles = "styles/dwolla.css"
    public static let defaultLang = "en"
    public static let defaultPublicPath = "/"
    public static let defaultPartials: [PartialLanguage] = [.mustache]

    /// The private folder when the manifest names none: beside the public one, `site` giving
    /// `site-private`. Nil when `output` has no last name to add to (`.`, `..`).
    public static func defaultPrivateOutput(besides output: String) -> String? {
        var path = output
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        guard let last = path.split(separator: "/").last, last != ".", last != ".." else { return nil }
        return path + "-private"
    }

    public static func shape(catalog: Catalog) -> Shape {
        .object("A dropin project manifest: the Dwolla drop-in components an app uses, page by page.", [
            Field("version", .integer("Manifest format version.", choices: supportedVersions), required: true),
            Field("dropin", .oneOf(
                "The dropin versions this manifest may be built with: \"0.1\" (any 0.1.x), \"0.1.2\", \">= 0.1, < 0.3\". Another dropin stops before writing anything.",
                [.string(), .number()])),
            Field("environment", .string("Dwolla environment the pages talk to.",
                                         choices: Environment.allCases.map(\.rawValue)), required: true),
            Field("dwollaWeb", .string(
                "dwolla-web.js version to pin, exactly X.Y.Z. Known: "
                + catalog.versions.map(\.description).joined(separator: ", ") + ".",
                choices: nil), default: catalog.newestVersion.description),
            Field("output", .string("The public folder: what the app serves to browsers (pages, scripts, stylesheet), relative to this manifest."),
                  default: defaultOutput),
            Field("privateOutput", .string(
                "The private folder, outside the web root: snippets, token route code, its contract and dropin's record, under dropin/. Relative to this manifest; beside output by default (site gives site-private).")),
            Field("styles", .string("The components' stylesheet, relative to output."), default: defaultStyles),
            Field("lang", .string("Language of the pages, as in <html lang>."), default: defaultLang),
            Field("publicPath", .string("URL path where output is served, for the partials' script links; ends in /."),
                  default: defaultPublicPath),
            Field("templates", .string("Folder of your own templates, relative to this manifest; a file named like a default replaces it.")),
            Field("partials", .array("Template languages to write page snippets for, under dropin/partials/ in the private folder.",
                                     of: .string(choices: PartialLanguage.allCases.map(\.rawValue)))),
            Field("csp", csp),
            Field("server", .array("Token route code to write under dropin/server/ in the private folder: node, swift, python, ruby, php.",
                                   of: .string(choices: ServerLanguage.allCases.map(\.rawValue)))),
            Field("token", token, required: true),
            Field("callbacks", callbacks),
            Field("userAgent", .string("dwolla.configure's userAgent: how your app names itself to Dwolla, such as \"acme-marketplace/2.3\" (printable ASCII, at most 200 characters).")),
            Field("pages", .array("The pages to generate.", of: page(catalog: catalog), minItems: 1), required: true),
            Field("deployments", .dictionary(
                "Deployments by name (such as staging and production), each built to its own folders with what differs for it; everything else comes from the top level.",
                of: deployment)),
        ])
    }

    static let deployment = Shape.object("What differs for one deployment; what it leaves out comes from the top level.", [
        Field("environment", .string("Dwolla environment of this deployment.", choices: Environment.allCases.map(\.rawValue))),
        Field("output", .string("This deployment's public folder, relative to the manifest.")),
        Field("privateOutput", .string("This deployment's private folder; beside its output by default.")),
        Field("publicPath", .string("URL path where this deployment's public folder is served; ends in /.")),
        Field("token", .object("This deployment's token route.", [
            Field("url", .string("Path (or https URL) of the route."), required: true),
        ])),
        Field("csp", csp),
    ])

    static let token = Shape.object("The app's route that mints Dwolla client tokens.", [
        Field("url", .string("Path (or https URL) of the route, e.g. /api/dwolla/client-token."), required: true),
        Field("mode", .string("url: dwolla.configure gets tokenUrl; function: a token(req) function POSTs there.",
                              choices: TokenMode.allCases.map(\.rawValue)), default: TokenMode.url.rawValue),
        Field("csrf", .object("With mode function: where the anti-CSRF token comes from and how it is sent.", [
            Field("meta", .string("Name of the <meta> tag your server fills with the token."), default: defaultCSRFMeta),
            Field("header", .string("Request header that carries it."), default: defaultCSRFHeader),
        ])),
    ])

    public static let defaultCSRFMeta = "csrf-token"
    public static let defaultCSRFHeader = "X-CSRF-Token"

    static let csp = Shape.object("The pages' Content-Security-Policy.", [
        Field("enabled", .boolean("false leaves the policy out of the pages."), default: "true"),
        Field("add", .dictionary("Sources to allow beyond what the components need, by directive.",
                                 of: .array(of: .string()))),
    ])

    static let callbacks = Shape.object("Names of the app's global JavaScript functions.", [
        Field("success", .string("Called with {resource, response} after every Dwolla API call.")),
        Field("error", .string("Called with a message when dwolla-web.js itself fails.")),
    ])

    static func page(catalog: Catalog) -> Shape {
        .object("One generated HTML page.", [
            Field("path", .string("Where the page is written, relative to output; ends in .html."), required: true),
            Field("title", .string("The page title."), required: true),
            Field("lang", .string("Language of this page, as in <html lang>; the manifest's lang when left out.")),
            Field("components", .array("Drop-in components on the page, in order.",
                                       of: component(catalog: catalog), minItems: 1), required: true),
        ])
    }

    static let parameter = Shape.object("A value known only when the page is served.", [
        Field("param", .string("Name of the parameter (letters, digits, underscores)."), required: true),
    ])

    static let attributeValue = Shape.oneOf("An attribute value.", [
        .string(), .boolean(), .number(), parameter,
    ])

    static func component(catalog: Catalog) -> Shape {
        .object("One drop-in component element.", [
            Field("component", .string("The component's tag.", choices: catalog.components.map(\.tag)), required: true),
            Field("attributes", .dictionary("The element's attributes, by their documented names.", of: attributeValue)),
            Field("actions", .array("Client-token actions, only for components whose actions Dwolla does not document.",
                                    of: .string())),
        ], refinements: catalog.components.map(refinement))
    }

    private static func refinement(_ component: ComponentSpec) -> Refinement {
        var allowed: [String: Shape] = [:]
        for attribute in component.attributes {
            allowed[attribute.name] = attributeShape(attribute)
        }
        return Refinement(key: "component", value: component.tag, field: "attributes",
                          allowedKeys: allowed,
                          requiredKeys: component.attributes.filter(\.isRequired).map(\.name))
    }

    private static func attributeShape(_ attribute: AttributeSpec) -> Shape {
        let summary = attribute.note
        switch attribute.kind {
        case .boolean: return .boolean(summary)
        case .choice(let values): return .oneOf(summary, [.string(choices: values), parameter])
        case .amount: return .oneOf(summary, [.string(), .number(), parameter])
        case .text, .url, .uuid: return .oneOf(summary, [.string(), parameter])
        }
    }
}
