import ArgumentParser
import DropinCore
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter dropin.yml, and dropin.schema.json beside it for editors. Never overwrites a file.")

    @OptionGroup var manifestOption: ManifestOption

    func run() throws {
        let path = manifestOption.manifest
        let console = Console()
        switch create(path, StarterManifest.text()) {
        case .written: break
        case .exists:
            console.err("error: \(path) already exists; dropin init never overwrites a file: edit it, or pass --manifest NEW_PATH\n")
            throw ExitStatus.usage
        case .failed(let reason):
            console.err("error: \(path) \(reason)\n")
            throw ExitStatus.usage
        }
        // The starter's `$schema` comment names this file, beside the manifest.
        let schema = (path.range(of: "/", options: .backwards).map { String(path[..<$0.upperBound]) } ?? "") + StarterManifest.schemaFile
        switch create(schema, SchemaCommand.text) {
        case .written:
            console.out("wrote \(path) and \(schema) (for editors); check it with `dropin validate`\n")
        case .exists:
            console.out("wrote \(path), and kept the existing \(schema) (refresh it with `dropin schema > \(schema)`); check it with `dropin validate`\n")
        case .failed(let reason):
            console.out("wrote \(path); check it with `dropin validate`\n")
            console.err("warning: \(schema) \(reason); editors complete the manifest once it exists: `dropin schema > \(schema)`\n")
        }
    }

    private enum Outcome {
        case written
        case exists
        case failed(String)
    }

    /// Writes a new file, or nothing at all: never over a file, never half of one.
    private func create(_ path: String, _ text: String) -> Outcome {
        // O_EXCL makes "create only if absent" one step, so a file appearing meanwhile is never overwritten.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            return errno == EEXIST ? .exists : .failed("could not be created: \(String(cString: strerror(errno)))")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data(text.utf8))
            try handle.close()
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            return .failed("could not be written: \(error.localizedDescription)")
        }
        return .written
    }
}
