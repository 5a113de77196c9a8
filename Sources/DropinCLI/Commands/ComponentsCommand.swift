import ArgumentParser
import DropinCore

struct ComponentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "components",
        abstract: "List the Dwolla drop-in components dropin knows: attributes, token actions, versions, status.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "text (for people) or json (versioned, for programs).")
    var format: Format = .text

    func run() {
        let catalog = Catalog.dwolla
        switch format {
        case .json: Console().out(CatalogDocument.json(catalog).rendered())
        case .text: Console().out(CatalogDocument.text(catalog))
        }
    }
}

/// The catalog as `dropin components` shows it.
enum CatalogDocument {
    static func json(_ catalog: Catalog) -> JSONValue {
        .object([
            "formatVersion": .int(1),
            "dwollaWebVersions": .array(catalog.versions.map { .string($0.description) }),
            "newestDwollaWeb": .string(catalog.newestVersion.description),
            "sharedStyleHooks": .array(catalog.sharedStyleHooks.map(JSONValue.string)),
            "components": .array(catalog.components.map(component)),
        ])
    }

    private static func component(_ spec: ComponentSpec) -> JSONValue {
        .object([
            "tag": .string(spec.tag),
            "summary": .string(spec.summary),
            "since": .string(spec.since.description),
            "status": .string(spec.status.name),
            "attributes": .array(spec.attributes.map(attribute)),
            "actions": spec.actions.map { .array($0.map { .string($0.rawValue) }) } ?? .null,
            "conditionalActions": .array(spec.conditionalActions.map {
                .object(["attribute": .string($0.attribute), "actions": .array($0.actions.map { .string($0.rawValue) })])
            }),
            "styleHooks": .array(spec.styleHooks.map(JSONValue.string)),
        ])
    }

    private static func attribute(_ spec: AttributeSpec) -> JSONValue {
        var object: [String: JSONValue] = [
            "name": .string(spec.name),
            "kind": .string(spec.kind.name),
            "required": .bool(spec.isRequired),
            "since": spec.since.map { .string($0.description) } ?? .null,
            "note": spec.note.map(JSONValue.string) ?? .null,
        ]
        if case .choice(let values) = spec.kind { object["values"] = .array(values.map(JSONValue.string)) }
        return .object(object)
    }

    static func text(_ catalog: Catalog) -> String {
        var text = "dwolla-web versions: \(catalog.versions.map(\.description).joined(separator: ", ")) (newest \(catalog.newestVersion))\n"
        for spec in catalog.components {
            text += "\n\(spec.tag)  since \(spec.since)"
            if case .undocumented(let since) = spec.status { text += "  (undocumented since \(since))" }
            text += "\n  \(spec.summary)\n"
            // One a line, with its note: where the catalog learned of it, or what it is for.
            let width = spec.attributes.map(\.name.count).max() ?? 0
            let attributes = spec.attributes.map { attribute in
                var facts = [attribute.kind.name]
                if attribute.isRequired { facts.append("required") }
                if let since = attribute.since { facts.append("since \(since)") }
                let note = attribute.note.map { "; \($0)" } ?? ""
                return "    " + attribute.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + facts.joined(separator: ", ") + note
            }
            text += attributes.isEmpty ? "  attributes: none\n" : "  attributes:\n" + attributes.joined(separator: "\n") + "\n"
            if let actions = spec.actions {
                text += "  actions: \(actions.map(\.rawValue).joined(separator: ", "))\n"
            } else {
                text += "  actions: none documented; list them under 'actions' in the manifest\n"
            }
            for conditional in spec.conditionalActions {
                text += "  with \(conditional.attribute): \(conditional.actions.map(\.rawValue).joined(separator: ", "))\n"
            }
        }
        return text
    }
}
