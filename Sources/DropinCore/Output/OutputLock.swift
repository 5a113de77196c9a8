import Foundation

/// One build at a time per output folder: an exclusive lock on the folder itself, held from
/// reading what is there to writing the record. A second build waits for it, then fails clearly
/// rather than interleaving its files with the first one's.
public final class OutputLock {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// Seconds to wait for another build: DROPIN_LOCK_TIMEOUT, or a minute.
    static var timeout: TimeInterval {
        ProcessInfo.processInfo.environment["DROPIN_LOCK_TIMEOUT"].flatMap(TimeInterval.init) ?? 60
    }

    /// Makes the folder if need be, then takes its lock.
    static func acquire(_ folder: OutputFolder, timeout: TimeInterval = OutputLock.timeout) throws(OutputWriter.Failure) -> OutputLock {
        func failure(_ message: String) -> OutputWriter.Failure {
            OutputWriter.Failure(diagnostic: .error("output-locked", message, at: nil))
        }
        do {
            try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        } catch {
            throw failure("\(folder.display)/ could not be made: check the permissions of the folder above it")
        }
        let descriptor = open(folder.url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("\(folder.display)/ could not be opened to lock it") }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                close(descriptor)
                throw failure("another dropin build is writing \(folder.display)/ and did not finish within \(Int(timeout)) s: wait for it, or stop it")
            }
            usleep(50_000)
        }
        return OutputLock(descriptor: descriptor)
    }
}
