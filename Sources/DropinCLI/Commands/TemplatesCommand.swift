import ArgumentParser
import DropinCore

struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Show the default templates, to copy and change.",
        discussion: """
        Put a file named like a default (page.html.mustache) in the folder the manifest's \
        'templates' key names, and it replaces the default. {{name}} writes a value escaped for \
        where it stands; {{{name}}} writes it raw.
        """,
        subcommands: [List.self, Cat.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Name every default template and what it renders.")

        func run() {
            let names = TemplateSet.defaults.map { $0.name + TemplateSet.fileExtension }
            let width = (names.map(\.count).max() ?? 0) + 2
            let lines = zip(names, TemplateSet.defaults).map { name, template in
                name.padding(toLength: width, withPad: " ", startingAt: 0) + (TemplateSet.purposes[template.name] ?? "")
            }
            Console().out(lines.joined(separator: "\n") + "\n")
        }
    }

    struct Cat: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cat",
            abstract: "Print a default template, e.g. dropin templates cat page.html > templates/page.html.mustache")

        @Argument(help: "The template's name, with or without .mustache.")
        var name: String

        func run() throws {
            let wanted = name.hasSuffix(TemplateSet.fileExtension) ? String(name.dropLast(TemplateSet.fileExtension.count)) : name
            guard let template = TemplateSet.defaults.first(where: { $0.name == wanted }) else {
                let names = TemplateSet.defaults.map(\.name)
                Console().err("error: there is no template '\(name)'"
                    + (Suggestion.closest(to: wanted, in: names).map { "; did you mean \($0)?" } ?? "")
                    + " The templates are: \(names.joined(separator: ", "))\n")
                throw ExitStatus.usage
            }
            Console().out(template.text)
        }
    }
}
