import RollcallCLI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Everything lives in RollcallCLI so it can be tested; this file only hands over the arguments.
exit(await RollcallMain.run(Array(CommandLine.arguments.dropFirst())))
