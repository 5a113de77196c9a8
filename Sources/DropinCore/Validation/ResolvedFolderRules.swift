/// The output folders' rules again, on the folders as the disk resolves them: a `..` through
/// the project's own folder, or a symbolic link on the way, gives one folder two names, which
/// the manifest's text cannot show. Checked before anything is read or written.
enum ResolvedFolderRules {
    static func check(_ manifests: [Manifest], at base: ManifestLocation) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: [(name: String?, folders: [FolderPath])] = []
        for manifest in manifests {
            let publicPath = FolderPath(resolving: base.url(manifest.output.value))
            let privatePath = FolderPath(resolving: base.url(manifest.privateOutput.value))
            let whose = (manifest.deploymentName.map { " (deployment \($0))" } ?? "") + " (through '..' or a symbolic link)"
            let problems = ProjectRules.apart(output: (manifest.output, publicPath), privateOutput: (manifest.privateOutput, privatePath),
                                              whose: whose)
            diagnostics += problems
            let folders = [publicPath, privatePath]
            if problems.isEmpty, let earlier = seen.first(where: { other in
                other.folders.contains { theirs in folders.contains { $0.overlaps(theirs) } }
            }) {
                diagnostics.append(.error("shared-output",
                    "deployments \(earlier.name ?? "") and \(manifest.deploymentName ?? "") write into one folder (through '..' or a symbolic link): give each deployment folders of its own",
                    at: manifest.output.location, path: manifest.output.path))
            }
            seen.append((manifest.deploymentName, folders))
        }
        return diagnostics
    }
}
