/// What `validate` can say about Unity Catalog and workspace-local groups without a network.
///
/// It cannot see whether a group exists as an account group, only whether an account is
/// configured. So it warns for every roster group other than the workshop's default (which the
/// organizer usually made at the account level beforehand, as the template's `workshop-users`)
/// when the workshop grants Unity Catalog privileges and no account is configured; `import
/// --dry-run` then says for certain, per group, after reading the workspace.
public enum OfflineGroupCheck {
    public static func warnings(
        for report: RosterReport, config: WorkshopConfig, accountConfigured: Bool
    ) -> [RosterDiagnostic] {
        guard !accountConfigured, !config.unityCatalog.grants.isEmpty else { return [] }
        return report.groups.filter { $0.name != config.defaultGroup }.map { group in
            RosterDiagnostic(
                file: report.file, line: group.firstLine, severity: .warning,
                message: LocalGroupAdvice.offlineWarning(group: group.name))
        }
    }
}
