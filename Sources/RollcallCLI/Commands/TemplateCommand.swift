import RollcallKit

/// `rollcall template roster|workshop`: prints the built-in copy of `templates/<kind>`.
enum TemplateCommand {
    static func run(_ kind: TemplateKind, console: Console) -> ExitStatus {
        switch kind {
        case .roster: console.out(RollcallTemplates.roster)
        case .workshop: console.out(RollcallTemplates.workshop)
        }
        return .success
    }
}
