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
        let shape = ManifestSchema.shape(catalog: .dwolla)
        Console().out(JSONSchema.document(for: shape, title: "dropin manifest (dropin.yml), version 1").rendered())
    }
}
