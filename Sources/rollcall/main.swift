import RollcallCLI

// Placeholder until the command line lands with the roster-intake issue.
print("rollcall \(RollcallVersion.current)")
