import ArgumentParser
import DropinCore

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of dropin.yml, for editor completion and checks.",
        discussion: """
        Save it beside the manifest and point your editor at it, e.g. with the comment:
        # yaml-language-server: $schema=dropin.schema.json
        """)

    func run() {
        Console().out(Self.text)
    }

    static var text: String {
        JSONSchema.document(for: ManifestSchema.shape(catalog: .dwolla), title: "dropin manifest (dropin.yml), version 1").rendered()
    }
}
