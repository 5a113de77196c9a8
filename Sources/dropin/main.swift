import DropinCLI
import Foundation

exit(DropinCommand.main(Array(CommandLine.arguments.dropFirst())))
