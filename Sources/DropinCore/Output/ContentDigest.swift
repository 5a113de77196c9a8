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

    init(_ domain: String) {
        add(domain)
    }

    mutating func add(_ field: some DataProtocol) {
        hash.update(data: Data("\(field.count):".utf8))
        hash.update(data: field)
    }

    mutating func add(_ text: String) {
        add(Data(text.utf8))
    }

    func finalize() -> String {
        ContentDigest.hex(hash.finalize())
    }
}
