import ArgumentParser
import DropinCore
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter dropin.yml. Never overwrites an existing file.")

    @OptionGroup var manifestOption: ManifestOption

    func run() throws {
        let path = manifestOption.manifest
        let console = Console()
        // O_EXCL makes "create only if absent" one step, so a file appearing meanwhile is never overwritten.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            let reason = errno == EEXIST
                ? "\(path) already exists; dropin init never overwrites a file: edit it, or pass --manifest NEW_PATH"
                : "\(path) could not be created: \(String(cString: strerror(errno)))"
            console.err("error: \(reason)\n")
            throw ExitStatus.usage
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data(StarterManifest.text().utf8))
            try handle.close()
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            console.err("error: \(path) could not be written: \(error.localizedDescription)\n")
            throw ExitStatus.usage
        }
        console.out("wrote \(path); check it with `dropin validate`\n")
    }
}
