/// The commented manifest `dropin init` writes: small, valid, and a tour of the keys.
public enum StarterManifest {
    /// The JSON Schema `dropin init` writes beside the manifest, which its `$schema` line names.
    public static let schemaFile = "dropin.schema.json"

    public static func text(catalog: Catalog = .dwolla) -> String {
        """
        # dropin.yml: the Dwolla drop-in components this app uses, page by page.
        # Check it with `dropin validate`; generate the pages with `dropin build`.
        # Completion in editors (YAML language server): from dropin.schema.json, which dropin init
        # wrote; after upgrading dropin, refresh it with `dropin schema > dropin.schema.json`.
        # yaml-language-server: $schema=\(schemaFile)

        # The manifest format version.
        version: 1

        # The dropin this project builds with: developers and CI must run the same one, since
        # another writes other bytes. Another version stops before writing anything.
        dropin: "\(DropinVersion.current.split(separator: ".").prefix(2).joined(separator: "."))"

        # sandbox while you build, production when you go live.
        environment: sandbox

        # The dwolla-web.js release the pages load. Dwolla asks apps to pin an exact version.
        dwollaWeb: "\(catalog.newestVersion)"

        # The folder your app serves (pages, scripts, stylesheet), relative to this file.
        # Snippets and token route code go beside it, to \(ManifestSchema.defaultOutput)-private (set privateOutput
        # to put them elsewhere, never inside output).
        output: \(ManifestSchema.defaultOutput)

        # The stylesheet dwolla-web.js links into each component, relative to output.
        styles: \(ManifestSchema.defaultStyles)

        token:
          # Your server's route that mints a client token for each action a component performs.
          url: /api/dwolla/client-token
          # url: dwolla-web.js POSTs there itself.
          # function: a generated token(req) function POSTs there with your app's CSRF header.
          mode: url

        # Your own global JavaScript functions to call; without them dropin's default handlers
        # dispatch DOM events on each component.
        # callbacks:
        #   success: onDwollaSuccess
        #   error: onDwollaError

        pages:
          - path: onboarding/personal.html
            title: Verify your identity
            components:
              - component: dwolla-personal-vcr
                attributes:
                  terms: https://example.com/terms
                  privacy: https://example.com/privacy
          - path: account/balance.html
            title: Your balance
            components:
              - component: dwolla-balance-display
                attributes:
                  # Known only when the page is served: from the URL, or your template.
                  customerId: {param: customerId}

        """
    }
}
