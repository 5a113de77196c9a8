import DropinCore
import Foundation
import Testing

/// dropin's HTML check against html5lib, the reference implementation of HTML's parsing:
/// over the cases of the W3C "Polyglot Markup" note and of HTML's tree construction, and
/// 10,000 random documents (Tests/Oracles/html5_differential.py), the check accepts a text
/// exactly when html5lib parses it without a parse error into the tree the XML parser builds.
/// The allowed disagreement: the check refuses a text that html5lib reads the same, when every
/// problem is one only another reading has (a browser with scripting on, or HTML's parsing
/// since html5lib's release) or markup dropin refuses by policy (inline SVG and MathML,
/// obsolete elements): `MarkupProblem.reading`.
struct HTMLCheckDifferentialTests {
    struct Case: Decodable {
        let kind: String
        let text: String
        let html5lib: Bool
        let why: String
    }

    /// DROPIN_DIFFERENTIAL_SEED and DROPIN_DIFFERENTIAL_COUNT explore further than the suite;
    /// DROPIN_DIFFERENTIAL_MORE names a file of cases of one's own (see the script).
    static let seed = ProcessInfo.processInfo.environment["DROPIN_DIFFERENTIAL_SEED"] ?? "20261130"
    static let randomDocuments = ProcessInfo.processInfo.environment["DROPIN_DIFFERENTIAL_COUNT"].flatMap(Int.init) ?? 10_000

    @Test func theCheckAcceptsExactlyWhatHTML5libReadsAsTheXMLParserDoes() async throws {
        let python = try requireTool("python3")
        let outcome = try await runOffPool(python, [repositoryRoot.appendingPathComponent("Tests/Oracles/html5_differential.py").path,
                                                    Self.seed, String(Self.randomDocuments)]
                                               + (ProcessInfo.processInfo.environment["DROPIN_DIFFERENTIAL_MORE"].map { [$0] } ?? []))
        try #require(outcome.status == 0, "\(outcome.stderr.suffix(3000))")
        let cases = try outcome.stdout.split(separator: "\n").map { try JSONDecoder().decode(Case.self, from: Data($0.utf8)) }
        #expect(cases.count >= Self.randomDocuments)

        var disagreements: [String] = []
        var accepted = 0, refused = 0, otherReadings = 0, policy = 0
        for item in cases {
            let problems = PolyglotCheck.problems(in: item.text, as: item.kind == "document" ? .document : .fragment)
            switch (problems.isEmpty, item.html5lib) {
            case (true, true):
                accepted += 1
            case (false, false):
                refused += 1
            case (true, false):
                disagreements.append("accepted, but \(item.why): \(item.kind) \(item.text.debugDescription)")
            case (false, true) where problems.allSatisfy({ $0.reading != .every }):
                if problems.contains(where: { $0.reading == .other }) { otherReadings += 1 } else { policy += 1 }
            case (false, true):
                disagreements.append("refused (\(problems[0].line):\(problems[0].column) \(problems[0].message)), but html5lib reads it as XML does: \(item.kind) \(item.text.debugDescription)")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements, the first:\n\(disagreements.prefix(12).joined(separator: "\n"))")
        // Both verdicts are common, so neither side of the agreement is vacuous.
        #expect(accepted > cases.count / 5 && refused > cases.count / 5, "accepted \(accepted), refused \(refused)")
        #expect(otherReadings + policy < cases.count / 20, "\(otherReadings) refused for another reading alone, \(policy) by policy")
        print("HTML check against html5lib: \(cases.count) documents, \(accepted) accepted by both, \(refused) refused by both, \(otherReadings) refused for another reading alone, \(policy) by policy")
    }
}
