import Foundation
import VitrineCLI

exit(VitrineCLI.runProcess(Array(CommandLine.arguments.dropFirst())))
