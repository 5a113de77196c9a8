import ArgumentParser
import DropinCore

/// `--deployment NAME`: one of the manifest's deployments instead of all of them.
package struct DeploymentOption: ParsableArguments {
    @Option(help: "Only this deployment of the manifest's deployments.")
    package var deployment: String?

    package init() {}

    var chosen: Pipeline.Deployments {
        deployment.map(Pipeline.Deployments.named) ?? .all
    }
}
