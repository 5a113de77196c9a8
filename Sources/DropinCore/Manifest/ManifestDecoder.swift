/// Turns the structurally checked `CheckedValue` tree into typed manifest parts. Parts that lack a
/// required key (already reported by the structural check) come back nil, so the rules after
/// this see only complete values.
struct ManifestDecoder {
    let file: String
    let catalog: Catalog

    func version(_ root: CheckedValue) -> Located<Int>? {
        guard let value = root["version"], let number = value.int else { return nil }
        return Located(number, at: value.location, path: value.path)
    }

    func environment(_ root: CheckedValue) -> Located<Environment>? {
        root["environment"].flatMap { value in
            value.string.flatMap(Environment.init(rawValue:)).map { value.located($0) }
        }
    }

    func dwollaWeb(_ root: CheckedValue) -> Located<String> {
        text(root, "dwollaWeb", default: catalog.newestVersion.description)
    }

    func output(_ root: CheckedValue) -> Located<String> {
        text(root, "output", default: ManifestSchema.defaultOutput)
    }

    /// Nil when the manifest names none and `output` has no name to put one beside.
    func privateOutput(_ root: CheckedValue, output: Located<String>) -> Located<String>? {
        if let value = root["privateOutput"], let text = value.string { return value.located(text) }
        return ManifestSchema.defaultPrivateOutput(besides: output.value).map {
            Located($0, at: output.location, path: root.path.appending("privateOutput"))
        }
    }

    func styles(_ root: CheckedValue) -> Located<String> {
        text(root, "styles", default: ManifestSchema.defaultStyles)
    }

    func lang(_ root: CheckedValue) -> Located<String> {
        text(root, "lang", default: ManifestSchema.defaultLang)
    }

    func publicPath(_ root: CheckedValue) -> Located<String> {
        text(root, "publicPath", default: ManifestSchema.defaultPublicPath)
    }

    func userAgent(_ root: CheckedValue) -> Located<String>? {
        root["userAgent"].flatMap { value in value.string.map { value.located($0) } }
    }

    func templates(_ root: CheckedValue) -> Located<String>? {
        root["templates"].flatMap { value in value.string.map { value.located($0) } }
    }

    func partials(_ root: CheckedValue) -> [Located<PartialLanguage>] {
        guard let list = root["partials"] else {
            return ManifestSchema.defaultPartials.map { Located($0, at: root.location, path: KeyPath.root.appending("partials")) }
        }
        return list.list.compactMap { item in item.string.flatMap(PartialLanguage.init(rawValue:)).map { item.located($0) } }
    }

    func server(_ root: CheckedValue) -> [Located<ServerLanguage>] {
        (root["server"]?.list ?? []).compactMap { item in item.string.flatMap(ServerLanguage.init(rawValue:)).map { item.located($0) } }
    }

    func csp(_ root: CheckedValue) -> Manifest.CSPSettings {
        let csp = root["csp"]
        let additions = (csp?["add"]?.entries ?? []).map { entry in
            (directive: Located(entry.key, at: entry.keyLocation, path: entry.value.path),
             sources: entry.value.list.compactMap { item in item.string.map { item.located($0) } })
        }
        return Manifest.CSPSettings(enabled: csp?["enabled"]?.bool ?? true, additions: additions)
    }

    func token(_ root: CheckedValue) -> Manifest.Token? {
        guard let token = root["token"], let url = token["url"], let urlText = url.string else { return nil }
        let mode = token["mode"].flatMap { value in
            value.string.flatMap(TokenMode.init(rawValue:)).map { value.located($0) }
        } ?? token.located(.url)
        let csrf = token["csrf"] ?? token
        return Manifest.Token(url: url.located(urlText), mode: mode,
                              csrfMeta: text(csrf, "meta", default: ManifestSchema.defaultCSRFMeta),
                              csrfHeader: text(csrf, "header", default: ManifestSchema.defaultCSRFHeader))
    }

    func callbacks(_ root: CheckedValue) -> Manifest.Callbacks {
        let callbacks = root["callbacks"]
        func name(_ key: String) -> Located<String>? {
            callbacks?[key].flatMap { value in value.string.map { value.located($0) } }
        }
        return Manifest.Callbacks(success: name("success"), error: name("error"))
    }

    func page(_ value: CheckedValue, components: [Manifest.Component]) -> Manifest.Page? {
        guard let path = value["path"], let pathText = path.string,
              let title = value["title"], let titleText = title.string,
              value["components"] != nil
        else { return nil }
        let lang = value["lang"].flatMap { lang in lang.string.map { lang.located($0) } }
        return Manifest.Page(path: path.located(pathText), title: title.located(titleText), lang: lang,
                             components: components, location: value.location, keyPath: value.path)
    }

    func component(_ value: CheckedValue) -> Manifest.Component? {
        guard let tag = value["component"], let tagText = tag.string else { return nil }
        var attributes: [Manifest.Attribute] = []
        var unreadable: [String] = []
        for entry in value["attributes"]?.entries ?? [] {
            if let attribute = attributeValue(entry.value) {
                attributes.append(Manifest.Attribute(name: entry.key, nameLocation: entry.keyLocation,
                                                     value: entry.value.located(attribute)))
            } else {
                unreadable.append(entry.key)
            }
        }
        let actions = value["actions"].map { list in
            list.located(list.list.compactMap { item in item.string.map { item.located($0) } })
        }
        return Manifest.Component(tag: tag.located(tagText), attributes: attributes, unreadable: unreadable, actions: actions,
                                  location: value.location, keyPath: value.path)
    }

    /// nil for a `{param}` mapping that lacks its name; the structural check reported it.
    private func attributeValue(_ value: CheckedValue) -> AttributeValue? {
        switch value.kind {
        case .bool(let flag): return .flag(flag)
        case .string(let text), .number(let text): return .text(text)
        case .int(let number): return .text(String(number))
        case .map: return value["param"]?.string.map(AttributeValue.parameter)
        case .list: return nil
        }
    }

    private func text(_ parent: CheckedValue, _ key: String, default defaultValue: String) -> Located<String> {
        if let value = parent[key], let text = value.string { return value.located(text) }
        return Located(defaultValue, at: parent.location, path: parent.path.appending(key))
    }
}
