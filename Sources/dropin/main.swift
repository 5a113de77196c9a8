import DropinCLI
import Foundation

exit(await DropinCommand.main(Array(CommandLine.arguments.dropFirst())))
