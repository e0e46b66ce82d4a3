import Foundation
import VitrineCLI

exit(VitrineCLI.main(Array(CommandLine.arguments.dropFirst())))
