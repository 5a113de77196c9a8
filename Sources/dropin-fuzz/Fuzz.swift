import DropinCore
import Foundation

// libFuzzer over dropin's parsers. An input starting with "H" is text for the polyglot HTML
// check, as a page and as a snippet; any other input is a manifest, taken through `check`: the
// line scan that finds the ownership record, then load, validate, plan, render, verify and
// compare (output paths point nowhere: nothing is read back or written). A manifest is also
// parsed in parts, as long ones are, which must give the whole parse's tree or none; and a
// valid one's files rendered from dropin's stencils must be those its templates give rendered
// whole. A crash, a hang or a sanitizer report is a bug; diagnostics are the expected answer.
// scripts/fuzz builds it with libFuzzer (DROPIN_FUZZ=1 defines FUZZING); other builds get a
// stub that says so.

func fuzzOne(_ data: Data) {
    if data.first == UInt8(ascii: "H") {
        let text = String(decoding: data.dropFirst(), as: UTF8.self)
        _ = PolyglotCheck.problems(in: text, as: .document)
        _ = PolyglotCheck.problems(in: text, as: .fragment)
        return
    }
    let text = String(decoding: data, as: UTF8.self)
    if let partwise = PartwiseParse.root(of: text, parts: 2, minimumBytes: 0),
       partwise.outline != (try? ManifestSource.yamlRoot(of: text))??.outline {
        fatalError("parsed in parts, the manifest gives another tree than parsed whole")
    }
    _ = try? Pipeline().check(ManifestFile(file: "fuzz.yml", data: data), manifestPath: "/nonexistent/fuzz.yml")
    // Rendered again rather than taken from check, which keeps no text when a page fails its
    // markup check: a stencil that breaks the markup must show here too.
    if let source = try? ManifestSource.parse(data, file: "fuzz.yml"), let manifest = ManifestValidator().validate(source).manifest {
        for file in Planner().plan(manifest).files where Renderers.stenciled.render(file).text != Renderers.whole.render(file).text {
            fatalError("\(file.path) from stencils is not what its template gives rendered whole")
        }
    }
}

/// Renderers with dropin's templates, as they fill stencils, and with the same texts as
/// overrides, as they render every page whole.
enum Renderers {
    static let stenciled = Renderer(templates: TemplateSet.load(overrides: nil, displayFolder: "templates").0!)

    static let whole: Renderer = {
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: Renderers.folder) }
        for (name, text) in TemplateSet.defaults where name.hasSuffix(".html") {
            try! text.write(to: folder.appendingPathComponent(name + TemplateSet.fileExtension), atomically: true, encoding: .utf8)
        }
        return Renderer(templates: TemplateSet.load(overrides: folder, displayFolder: "templates").0!)
    }()

    static let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dropin-fuzz-templates-\(getpid())")
}

#if FUZZING
/// libFuzzer's callback, by the name its runtime expects.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzOne(bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@main
struct Fuzz {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runDriver(&argc, &argv, fuzzTestOneInput))
    }
}
#else
@main
struct Fuzz {
    static func main() {
        FileHandle.standardError.write(Data("dropin-fuzz runs only as built by scripts/fuzz\n".utf8))
        exit(2)
    }
}
#endif
