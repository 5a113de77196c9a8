import DropinCLI
import Foundation

exit(await CommandRunner.run(ServeServer.self, Array(CommandLine.arguments.dropFirst())))
