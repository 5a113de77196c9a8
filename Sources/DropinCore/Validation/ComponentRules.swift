import Foundation

/// Rules on one component element against the catalog and the pinned dwolla-web version.
struct ComponentRules {
    let catalog: Catalog
    /// nil when the pinned version is itself invalid: version rules are then skipped.
    let pinned: DwollaWebVersion?
    let verdicts = LiteralVerdicts()

    func component(_ component: Manifest.Component) -> [Diagnostic] {
        guard let spec = catalog.component(tag: component.tag.value) else { return [] }
        var diagnostics: [Diagnostic] = []
        let tag = component.tag
        if let pinned, spec.since > pinned {
            diagnostics.append(.error("component-too-new",
                "\(spec.tag) came with dwolla-web \(spec.since), but dwollaWeb pins \(pinned): raise dwollaWeb to \(spec.since) or newer, or remove the component",
                at: tag.location, path: tag.path))
        }
        if case .undocumented(let since) = spec.status {
            diagnostics.append(.warning("undocumented-component",
                "\(spec.tag) has not been in Dwolla's docs since \(since) and may change or disappear without notice; prefer a documented component",
                at: tag.location, path: tag.path))
        }
        diagnostics += actions(component, spec)
        diagnostics += attributes(component, spec)
        return diagnostics
    }

    // MARK: Actions

    private func actions(_ component: Manifest.Component, _ spec: ComponentSpec) -> [Diagnostic] {
        switch (spec.actions, component.actions) {
        case (nil, nil):
            return [.error("missing-actions",
                "Dwolla documents no client-token actions for \(spec.tag): list the ones it needs under 'actions' so the token route allows exactly those",
                at: component.tag.location, path: component.keyPath.appending("actions"))]
        case (nil, let given?):
            if given.value.isEmpty {
                return [.error("missing-actions", "'actions' is empty: list the client-token actions \(spec.tag) needs",
                               at: given.location, path: given.path)]
            }
            return given.value.filter { !Self.isActionName($0.value) }.map { action in
                .error("invalid-action",
                       "'\(action.value)' is not a client-token action name; they look like customer.read"
                       + Suggestion.didYouMean(action.value, in: catalog.knownActions.map(\.rawValue).sorted()),
                       at: action.location, path: action.path)
            }
        case (let known?, let given?):
            return [.error("unexpected-actions",
                "remove 'actions': dropin knows the actions of \(spec.tag) (\(known.map(\.rawValue).joined(separator: ", ")))",
                at: given.location, path: given.path)]
        case (_?, nil):
            return []
        }
    }

    static func isActionName(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || $0 == "-" }
        }
    }

    // MARK: Attributes

    private func attributes(_ component: Manifest.Component, _ spec: ComponentSpec) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: [String: Manifest.Attribute] = [:]
        for attribute in component.attributes {
            let path = attribute.value.path
            guard let attributeSpec = spec.attribute(named: attribute.name) else {
                let names = spec.attributes.map(\.name)
                diagnostics.append(.error("unknown-attribute",
                    "\(spec.tag) has no attribute '\(attribute.name)'"
                    + (Suggestion.closest(to: attribute.name, in: names).map { "; did you mean '\($0)'?" }
                       ?? (names.isEmpty ? "; it takes none" : "; it takes \(names.joined(separator: ", "))")),
                    at: attribute.nameLocation, path: path))
                continue
            }
            let key = attributeSpec.name.lowercased()
            if let first = seen[key] {
                diagnostics.append(.error("duplicate-attribute",
                    "'\(attribute.name)' and '\(first.name)' (line \(first.nameLocation.line)) are one attribute to a browser, which ignores case: keep one",
                    at: attribute.nameLocation, path: path))
                continue
            }
            seen[key] = attribute
            if let pinned, let since = attributeSpec.since, since > pinned {
                diagnostics.append(.error("attribute-too-new",
                    "'\(attributeSpec.name)' on \(spec.tag) came with dwolla-web \(since), but dwollaWeb pins \(pinned): raise dwollaWeb or remove the attribute",
                    at: attribute.nameLocation, path: path))
            }
            diagnostics += AttributeValueRules.check(attribute, attributeSpec, tag: spec.tag, verdicts: verdicts)
        }
        diagnostics += missing(component, spec, present: seen)
        return diagnostics
    }

    private func missing(_ component: Manifest.Component, _ spec: ComponentSpec,
                         present: [String: Manifest.Attribute]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let path = component.keyPath.appending("attributes")
        let unreadable = Set(component.unreadable.map { $0.lowercased() })
        for attribute in spec.attributes
        where attribute.isRequired && present[attribute.name.lowercased()] == nil && !unreadable.contains(attribute.name.lowercased()) {
            let example = attribute.kind == .uuid || attribute.isPerRequest
                ? "\(attribute.name): {param: \(attribute.name)}" : "\(attribute.name): ..."
            diagnostics.append(.error("missing-attribute",
                "\(spec.tag) needs the attribute '\(attribute.name)': add it under attributes, e.g. \(example)",
                at: component.tag.location, path: path.appending(attribute.name)))
        }
        for requirement in spec.conditionalRequirements {
            guard let pinned, pinned >= requirement.since,
                  present[requirement.attribute.lowercased()]?.value.value == .text(requirement.value)
            else { continue }
            let absent = requirement.requires.filter { present[$0.lowercased()] == nil }
            guard !absent.isEmpty else { continue }
            diagnostics.append(.error("missing-attribute",
                "with \(requirement.attribute): \(requirement.value), \(spec.tag) on dwolla-web \(requirement.since.major).x needs "
                + absent.map { "'\($0)'" }.joined(separator: " and ")
                + ": add links to your terms of service and privacy policy",
                at: component.tag.location, path: path.appending(absent[0])))
        }
        return diagnostics
    }
}
