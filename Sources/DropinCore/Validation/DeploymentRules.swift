/// Rules on `deployments`: each is resolved against the top level, its own values are checked as
/// the top level's are, every rule that depends on the environment is applied to it, and no two
/// deployments write into the same folder.
struct DeploymentRules {
    let decoder: ManifestDecoder
    let project: ProjectRules

    /// The top level's values, which a deployment keeps unless it gives its own.
    struct Defaults {
        let environment: Located<Environment>
        let output: Located<String>
        let privateOutput: Located<String>?
        /// Whether the manifest names its private folder, which a deployment with its own
        /// output then keeps, instead of one beside that output.
        let namesPrivateOutput: Bool
        let publicPath: Located<String>
        let tokenURL: Located<String>
        let csp: Manifest.CSPSettings
        /// dropin's own template overrides, which no deployment may write into.
        let templates: Located<String>?
    }

    /// Deployment names go on command lines and into messages: plain words.
    static func isName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic || ("0"..."9").contains(first)
        else { return false }
        return name.count <= 64 && name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
        }
    }

    func deployments(_ list: CheckedValue, defaults: Defaults, into diagnostics: inout [Diagnostic]) -> [Manifest.Deployment] {
        if list.entries.isEmpty {
            diagnostics.append(.error("no-deployments",
                "deployments is empty: name at least one (such as staging: {environment: sandbox}), or remove the key to build one deployment from the top level",
                at: list.location, path: list.path))
        }
        var deployments: [Manifest.Deployment] = []
        for entry in list.entries {
            if let deployment = deployment(entry, defaults: defaults, into: &diagnostics) { deployments.append(deployment) }
        }
        diagnostics += sharedFolders(deployments)
        return deployments
    }

    private func deployment(_ entry: CheckedValue.Entry, defaults: Defaults, into diagnostics: inout [Diagnostic]) -> Manifest.Deployment? {
        let value = entry.value
        let name = Located(entry.key, at: entry.keyLocation, path: value.path)
        if !Self.isName(entry.key) {
            diagnostics.append(.error("invalid-deployment-name",
                "'\(entry.key)' is not a deployment name: use letters, digits, '-' and '_', starting with a letter or digit (such as staging)",
                at: name.location, path: name.path))
        }
        func text(_ key: String) -> Located<String>? {
            value[key].flatMap { item in item.string.map { item.located($0) } }
        }
        let ownOutput = text("output"), ownPrivateOutput = text("privateOutput")
        let output = ownOutput ?? defaults.output
        let privateOutput = ownPrivateOutput
            ?? (ownOutput != nil && !defaults.namesPrivateOutput ? decoder.privateOutput(value, output: output) : defaults.privateOutput)
        let ownURL = value["token"]?["url"].flatMap { item in item.string.map { item.located($0) } }
        let environment = value["environment"].flatMap { item in item.string.flatMap(Environment.init(rawValue:)).map { item.located($0) } }
            ?? defaults.environment
        let ownCSP = value["csp"].map { _ in decoder.csp(value) }

        let folderProblems = [ownOutput.map { project.folder($0, key: "output") }, ownPrivateOutput.map { project.folder($0, key: "privateOutput") }]
            .compactMap { $0 }.flatMap { $0 }
        diagnostics += folderProblems
        if folderProblems.isEmpty, ownOutput != nil || ownPrivateOutput != nil {
            diagnostics += project.folders(output: output, privateOutput: privateOutput, deployment: entry.key)
            if let templates = defaults.templates {
                diagnostics += project.templates(templates, apartFrom: [ownOutput, ownPrivateOutput].compactMap { $0 })
            }
        }
        diagnostics += text("publicPath").map(project.publicPath) ?? []
        diagnostics += ownCSP.map(project.csp) ?? []
        let urlProblems = ownURL.map(project.tokenURL) ?? []
        diagnostics += urlProblems
        if urlProblems.isEmpty {
            diagnostics += project.tokenURL(ownURL ?? defaults.tokenURL, in: environment.value, deployment: entry.key)
        }
        guard let privateOutput else { return nil }
        return Manifest.Deployment(name: name, environment: environment, output: output, privateOutput: privateOutput,
                                   publicPath: text("publicPath") ?? defaults.publicPath, tokenURL: ownURL ?? defaults.tokenURL,
                                   csp: ownCSP ?? defaults.csp)
    }

    /// Two deployments writing into one folder (or one inside the other's) would remove each
    /// other's files: each must have its own.
    private func sharedFolders(_ deployments: [Manifest.Deployment]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (index, later) in deployments.enumerated() {
            let laterFolders = [later.output, later.privateOutput]
            for earlier in deployments[..<index] {
                let earlierFolders = [earlier.output, earlier.privateOutput]
                guard let folder = laterFolders.first(where: { mine in
                    earlierFolders.contains { theirs in FolderPath(mine.value).overlaps(FolderPath(theirs.value)) }
                }) else { continue }
                diagnostics.append(.error("shared-output",
                    "deployments \(earlier.name.value) and \(later.name.value) both write into \(folder.value): give each deployment its own output (and privateOutput, if the manifest sets one)",
                    at: later.name.location, path: later.name.path))
                break
            }
        }
        return diagnostics
    }
}
