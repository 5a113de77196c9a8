import Foundation

extension UnsafeBufferPointer<UInt8> {
    /// Where `byte` next occurs from `start`, found with memchr: manifests are megabytes of text
    /// scanned for the few bytes that matter.
    func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        guard let base = baseAddress, start < count, let found = memchr(base + start, Int32(byte), count - start) else {
            return nil
        }
        return UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
    }
}
