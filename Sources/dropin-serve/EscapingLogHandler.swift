import DropinTokenRoute
import Logging

/// Every line serve logs, its own and Hummingbird's, with control characters in message and
/// metadata escaped (`LogText`): a request's path or headers can neither start a line of their
/// own nor send the terminal an escape sequence. Backslashes stay: the token route escaped its
/// own values whole, and escaping them twice would make them hard to read.
struct EscapingLogHandler: LogHandler {
    var wrapped: any LogHandler

    var logLevel: Logger.Level {
        get { wrapped.logLevel }
        set { wrapped.logLevel = newValue }
    }

    var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { wrapped[metadataKey: key] }
        set { wrapped[metadataKey: key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String,
             file: String, function: String, line: UInt) {
        wrapped.log(level: level, message: "\(LogText.escaped(message.description, backslashes: false))", metadata: metadata.map(Self.escaped),
                    source: source, file: file, function: function, line: line)
    }

    private static func escaped(_ metadata: Logger.Metadata) -> Logger.Metadata {
        metadata.mapValues(escaped)
    }

    private static func escaped(_ value: Logger.Metadata.Value) -> Logger.Metadata.Value {
        switch value {
        case .string(let text): .string(LogText.escaped(text, backslashes: false))
        case .stringConvertible(let item): .string(LogText.escaped(item.description, backslashes: false))
        case .array(let items): .array(items.map(escaped))
        case .dictionary(let entries): .dictionary(entries.mapValues(escaped))
        }
    }
}
