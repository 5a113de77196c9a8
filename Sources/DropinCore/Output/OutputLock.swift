import Foundation

/// One build at a time per output folder: an exclusive lock on each folder itself, held from
/// reading what is there to writing the record. A second build waits for it, then fails clearly
/// rather than interleaving its files with the first one's.
public final class OutputLock {
    private let descriptors: [Int32]

    private init(descriptors: [Int32]) {
        self.descriptors = descriptors
    }

    deinit {
        for descriptor in descriptors {
            flock(descriptor, LOCK_UN)
            close(descriptor)
        }
    }

    /// Both folders, the private one (which holds the record) first, as every build takes them.
    static func acquire(_ folders: OutputFolders, timeout: TimeInterval = OutputLock.timeout) throws(OutputWriter.Failure) -> OutputLock {
        var descriptors: [Int32] = []
        for folder in [folders.private, folders.public] {
            do {
                descriptors.append(try lock(folder, timeout: timeout))
            } catch {
                descriptors.forEach { close($0) }
                throw error
            }
        }
        return OutputLock(descriptors: descriptors)
    }

    /// Seconds to wait for another build: DROPIN_LOCK_TIMEOUT, or a minute.
    static var timeout: TimeInterval {
        ProcessInfo.processInfo.environment["DROPIN_LOCK_TIMEOUT"].flatMap(TimeInterval.init) ?? 60
    }

    /// Makes the folder if need be, then takes its lock.
    private static func lock(_ folder: OutputFolder, timeout: TimeInterval) throws(OutputWriter.Failure) -> Int32 {
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
        return descriptor
    }
}
