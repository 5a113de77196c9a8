import Foundation

/// A build's public and private folders.
public typealias OutputFolders = PerRoot<OutputFolder>

extension PerRoot where Value == OutputFolder {
    /// The record of the files dropin owns in both folders, from the private one: empty when
    /// there is none yet, nil (with a diagnostic) when something else sits where it belongs. A
    /// record an older dropin left in the public folder is taken over, so that the first build
    /// moves its private files out of the web root.
    public func record() -> (OwnershipRecord?, [Diagnostic]) {
        let folder = self.private
        let path = BuildPlan.recordPath
        switch folder.entry(at: path) {
        case .absent:
            if case .file(let data) = self.public.entry(at: path), let legacy = OwnershipRecord.parseLegacy(data) {
                return (legacy, [])
            }
            return (.empty, [])
        case .file(let data):
            if let record = OwnershipRecord.parse(data) { return (record, []) }
            return (nil, [.error("foreign-record",
                "\(folder.display(path)) is not a record this dropin wrote; dropin keeps the list of files it owns there: move that file away",
                at: folder.location(path))])
        case .folder, .other:
            return (nil, [.error("foreign-record",
                "\(folder.display(path)) is not a file; dropin keeps the list of files it owns there: move it away",
                at: folder.location(path))])
        }
    }
}
