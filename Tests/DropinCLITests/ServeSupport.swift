import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// A token route under test in a process of its own (`dropin serve`, or the generated Node
/// handler), with its output kept for inspection.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var output = ""
    private(set) var port = 0

    static let key = "test-key-7b1e"
    static let secret = "test-secret-5f9d2c"
    static let customer = "6d23bbd6-2ab4-4cba-9ba6-fa4a3fd2d9c6"

    /// Starts serve in `folder` and waits until it listens.
    convenience init(in folder: URL, arguments: [String], credentials: Bool = true) throws {
        try self.init(dropinBinary, ["serve", "--port", "0"] + arguments, in: folder, credentials: credentials)
    }

    /// Starts a program that prints "at http://127.0.0.1:PORT/" once it listens, and waits for that.
    init(_ executable: URL, _ arguments: [String], in folder: URL, credentials: Bool = true) throws {
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["NO_PROXY"] = "127.0.0.1,localhost"
        if credentials {
            environment["DWOLLA_KEY"] = Self.key
            environment["DWOLLA_SECRET"] = Self.secret
        } else {
            environment.removeValue(forKey: "DWOLLA_KEY")
            environment.removeValue(forKey: "DWOLLA_SECRET")
        }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            self?.lock.withLock { self?.output += text }
        }
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline && process.isRunning {
            if let port = listeningPort() {
                self.port = port
                return
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    var log: String { lock.withLock { output } }

    var url: String { "http://127.0.0.1:\(port)" }

    private func listeningPort() -> Int? {
        guard let range = log.range(of: "at http://127.0.0.1:") else { return nil }
        return Int(log[range.upperBound...].prefix { $0.isNumber })
    }

    /// Stops serve as a terminal or a process manager would, and returns its exit status.
    @discardableResult
    func stop(signal: Int32 = SIGTERM) -> Int32 {
        if process.isRunning { kill(process.processIdentifier, signal) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Resident memory of the serve process, in kilobytes.
    var residentKilobytes: Int {
        let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}

/// An HTTP answer, as tests look at it.
struct Answer: Sendable {
    let status: Int
    let contentType: String
    let json: [String: any Sendable]
}

let loopback: URLSession = {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.connectionProxyDictionary = [:]
    configuration.httpMaximumConnectionsPerHost = 64
    configuration.timeoutIntervalForRequest = 30
    return URLSession(configuration: configuration)
}()

func post(_ url: String, body: String, headers: [String: String] = [:]) async throws -> Answer {
    var request = URLRequest(url: URL(string: url)!)
    request.httpMethod = "POST"
    request.httpBody = Data(body.utf8)
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    let (data, response) = try await loopback.data(for: request)
    let http = response as! HTTPURLResponse
    let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    return Answer(status: http.statusCode, contentType: http.value(forHTTPHeaderField: "Content-Type") ?? "",
                  json: object.mapValues { "\($0)" })
}

func tokenRequest(_ action: String, customer: String? = ServeProcess.customer) -> String {
    guard let customer else { return #"{"action":"\#(action)"}"# }
    let href = "https://api-sandbox.dwolla.com/customers/\(customer)"
    return #"{"action":"\#(action)","_links":{"customer":{"href":"\#(href)"}},"links":{"customer":{"href":"\#(href)"}}}"#
}

/// The repository's example site, served by `dropin serve` against a fake Dwolla of its own.
final class ServedExample {
    let scratch: Scratch
    let dwolla: FakeDwolla
    let serve: ServeProcess

    private init(scratch: Scratch, dwolla: FakeDwolla, serve: ServeProcess) {
        self.scratch = scratch
        self.dwolla = dwolla
        self.serve = serve
    }

    /// `dwollaTimeout` replaces serve's 10 s wait for Dwolla. The fake Dwolla answers on this test
    /// process's shared threads, which other suites' work can hold for seconds on two cores; a
    /// test about many connections, not Dwolla's latency, gives it longer.
    /// Serve's rate limit is off: these tests ask for many tokens as one customer.
    static func start(dwollaTimeout: Double? = nil, arguments extra: [String] = []) async throws -> ServedExample {
        let scratch = try Scratch()
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("dropin.yml"),
                                         to: scratch.url.appendingPathComponent("dropin.yml"))
        let dwolla = FakeDwolla()
        try await dwolla.start()
        let timeout = dwollaTimeout.map { ["--dwolla-timeout", String($0)] } ?? []
        let serve = try ServeProcess(in: scratch.url,
                                     arguments: ["--customer-id", ServeProcess.customer, "--dwolla-api", dwolla.url, "--rate-limit", "0"]
                                        + timeout + extra)
        if serve.port == 0 {
            dwolla.stop()
            Issue.record("serve did not start: \(serve.log)")
            throw ServeDidNotStart()
        }
        return ServedExample(scratch: scratch, dwolla: dwolla, serve: serve)
    }

    var tokenRoute: String { "\(serve.url)/api/dwolla/client-token" }

    func stop() {
        serve.stop()
        dwolla.stop()
    }
}

struct ServeDidNotStart: Error {}
