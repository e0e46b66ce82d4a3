// The VitrineCLI module.
