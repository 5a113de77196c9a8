@testable import DropinCore
import Testing

struct OutputPathTests {
    @Test(arguments: [
        ("index.html", "styles/dwolla.css", "styles/dwolla.css"),
        ("a/b.html", "dropin/configure.js", "../dropin/configure.js"),
        ("a/b/c.html", "index.html", "../../index.html"),
        ("dropin/configure.js", "styles/dwolla.css", "../styles/dwolla.css"),
        ("dropin/partials/erb/x.html", "dropin/params.js", "../../params.js"),
        // A folder whose name begins like another's is not shared.
        ("ab/x.html", "a/y.css", "../a/y.css"),
        ("a/x.html", "ab/y.css", "../ab/y.css"),
        ("a/b.html", "a/b.css", "b.css"),
        ("é/ü.html", "é/ö.css", "ö.css"),
        ("a.html", "a.html/x.css", "a.html/x.css"),
    ])
    func linksBetweenFilesOfTheOutput(from: String, to: String, expected: String) {
        #expect(OutputPath.relative(from: from, to: to) == expected)
    }

    @Test(arguments: [
        ("index.html", "", "index.html"),
        ("a/b.html", "a", "b.html"),
        ("dropin/partials/erb/x.html", "dropin/partials/erb", "x.html"),
        ("é/ü.html", "é", "ü.html"),
    ])
    func aFilesFolderAndName(path: String, folder: String, name: String) {
        #expect(OutputPath.folder(of: path) == folder)
        #expect(OutputPath.name(of: path) == name)
    }

    @Test func theFoldersOfFilesEachOnce() {
        let paths = ["a/x.html", "a/y.html", "b/x.html", "a/z.html", "index.html", "a/b/c.html"]
        #expect(OutputPath.folders(of: paths) == ["a", "b", "", "a/b"])
        #expect(OutputPath.folders(of: []).isEmpty)
    }
}
