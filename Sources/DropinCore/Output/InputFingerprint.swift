import Foundation

/// Everything that decides what a build writes, reduced to one SHA-256: the dropin that builds
/// (a digest of its own sources and of Package.swift, which pins its dependencies exactly), the
/// manifest's name and bytes, the deployment, its output and templates folders, and the files in the templates
/// folder. Two builds with the same fingerprint write
/// the same bytes, so a file whose digest matches the record is what a build would write.
struct InputFingerprint {
    let manifestName: String
    let manifest: Data
    /// The deployment built, nil for a manifest without deployments.
    let deployment: String?
    let folders: PerRoot<String>
    let templates: String?
    /// The templates folder on disk, when there is one.
    let templatesFolder: URL?
    /// This dropin's sources and Package.swift, whose exact pins name its dependencies' versions.
    let sourceDigest: String

    /// The fingerprint of a manifest at `location`, whose folders it names relative to itself.
    init(manifestName: String, manifest: Data, deployment: String? = nil, folders: PerRoot<String>, templates: String?,
         at location: ManifestLocation) {
        self.init(manifestName: manifestName, manifest: manifest, deployment: deployment, folders: folders, templates: templates,
                  templatesFolder: templates.map(location.url))
    }

    init(manifestName: String, manifest: Data, deployment: String? = nil, folders: PerRoot<String>, templates: String?,
         templatesFolder: URL?,
         sourceDigest: String = EmbeddedTemplates.sourceDigest) {
        self.sourceDigest = sourceDigest
        self.manifestName = manifestName
        self.manifest = manifest
        self.deployment = deployment
        self.folders = folders
        self.templates = templates
        self.templatesFolder = templatesFolder
    }

    /// Nil when the templates folder cannot be read: then nothing is trusted.
    var digest: String? {
        var digest = FieldDigest("dropin-inputs-2")
        digest.add(sourceDigest)
        digest.add(manifestName)
        digest.add(manifest)
        digest.add(deployment.map { "deployment:" + $0 } ?? "no deployment")
        digest.add(folders.public)
        digest.add(folders.private)
        digest.add(templates.map { "templates:" + $0 } ?? "no templates")
        if let templatesFolder {
            guard let files = Self.files(in: templatesFolder) else { return nil }
            for (name, bytes) in files {
                digest.add(name)
                digest.add(bytes)
            }
        }
        return digest.finalize()
    }

    /// Every entry of the folder by name, with a regular file's bytes; anything else counts by
    /// its name alone.
    private static func files(in folder: URL) -> [(String, Data)]? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return nil }
        return names.sorted().map { name in
            (name, (try? Data(contentsOf: folder.appendingPathComponent(name))) ?? Data("not a file".utf8))
        }
    }
}
