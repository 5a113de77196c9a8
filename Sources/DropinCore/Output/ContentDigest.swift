import Crypto
import Foundation

/// SHA-256, in lowercase hex, as the ownership record keeps it.
enum ContentDigest {
    static func of(_ bytes: some DataProtocol) -> String {
        hex(SHA256.hash(data: bytes))
    }

    static func of(_ text: String) -> String {
        var text = text
        return text.withUTF8 { of(UnsafeRawBufferPointer($0)) }
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var characters: [UInt8] = []
        characters.reserveCapacity(64)
        for byte in digest {
            characters.append(digits[Int(byte >> 4)])
            characters.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: characters, as: UTF8.self)
    }
}

/// SHA-256 over a sequence of fields, each prefixed by its length, so that no two different
/// sequences hash the same bytes.
struct FieldDigest {
    private var hash = SHA256()
    /// Fields are gathered and hashed a block at a time: a call into SHA-256 for each path and
    /// digest was most of what sealing a record of ten thousand files cost.
    private var pending: [UInt8] = []

    init(_ domain: String) {
        add(domain)
    }

    mutating func add(_ field: some Collection<UInt8>) {
        pending.append(contentsOf: String(field.count).utf8)
        pending.append(UInt8(ascii: ":"))
        pending.append(contentsOf: field)
        if pending.count >= 1 << 16 { flush() }
    }

    mutating func add(_ text: String) {
        add(text.utf8)
    }

    func finalize() -> String {
        var digest = self
        digest.flush()
        return ContentDigest.hex(digest.hash.finalize())
    }

    private mutating func flush() {
        hash.update(data: pending)
        pending.removeAll(keepingCapacity: true)
    }
}
