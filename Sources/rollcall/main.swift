// Placeholder entry point; the command line arrives with the roster-intake issue.
print("rollcall 0.1.0")
