namespace AccountPlaybooks.Server.Auth;

/// Every /api endpoint names one of these. Admins pass every policy.
public static class Policies
{
    /// Any signed-in role: read accounts, own tasks, own rep record.
    public const string AnyRole = nameof(AnyRole);

    /// Data loading and rules: admin, ops.
    public const string Ops = nameof(Ops);

    /// Reps, teams, playbooks: admin, manager.
    public const string Managers = nameof(Managers);

    /// The playbook designer's helpers (expression checks, vocabulary, publish impact): admin, manager, ops.
    public const string Designers = nameof(Designers);

    /// Dashboard and reports (/api/reports): admin, manager, ops — ops own the tiers the reports count.
    public const string Reports = nameof(Reports);

    /// Users and tokens: admin.
    public const string Admin = nameof(Admin);
}
