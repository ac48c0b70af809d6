namespace AccountPlaybooks.Data.Audit;

/// Who the changes saved on this async flow are made by. The server sets it per request from the signed-in user, the
/// CLI once for its run; work the server does on its own (start-up, folder watcher, schedules) is "system".
public sealed record AuditActor(Guid? Id, string Name)
{
    private static readonly AsyncLocal<AuditActor?> Ambient = new();

    public static readonly AuditActor System = new(null, "system");

    public static AuditActor? Current
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }
}
