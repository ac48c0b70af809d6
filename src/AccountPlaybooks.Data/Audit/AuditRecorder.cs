using System.Collections;
using System.Globalization;
using AccountPlaybooks.Domain.Audit;
using AccountPlaybooks.Domain.Outreach;
using AccountPlaybooks.Domain.Playbooks;
using AccountPlaybooks.Domain.Reps;
using AccountPlaybooks.Domain.Scoring;
using AccountPlaybooks.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace AccountPlaybooks.Data.Audit;

/// Turns the tracked changes to audited entities into audit entries, added to the same SaveChanges (so the same
/// transaction) as the change itself. Whatever path changes a user or publishes a rule set, it is recorded.
internal static class AuditRecorder
{
    private static readonly Dictionary<Type, AuditedType> Types = new()
    {
        [typeof(RulesetRecord)] = new(AuditKinds.Ruleset, e => ((RulesetRecord)e).Id, e => $"rule set {((RulesetRecord)e).Id}",
            Set(nameof(RulesetRecord.Hash), nameof(RulesetRecord.CreatedAt)), Set()),
        [typeof(PlaybookVersion)] = new(AuditKinds.Playbook, e => $"{((PlaybookVersion)e).DefinitionId} v{((PlaybookVersion)e).Number}",
            e => $"playbook {((PlaybookVersion)e).DefinitionId} v{((PlaybookVersion)e).Number}",
            Set(nameof(PlaybookVersion.CreatedAt), nameof(PlaybookVersion.Problems)), Set(nameof(PlaybookVersion.Json))),
        [typeof(TemplateSave)] = new(AuditKinds.Template, e => ((TemplateSave)e).Name, e => $"template {((TemplateSave)e).Name}",
            Set(nameof(TemplateSave.Id), nameof(TemplateSave.SavedAt)), Set(nameof(TemplateSave.Text))),
        [typeof(User)] = new(AuditKinds.User, e => ((User)e).Id.ToString(), e => $"user {((User)e).Email}",
            Set(nameof(User.CreatedAt)), Set(nameof(User.PasswordHash))),
        [typeof(ApiToken)] = new(AuditKinds.Token, e => ((ApiToken)e).Id.ToString(), e => $"token {((ApiToken)e).Prefix}… ({((ApiToken)e).Name})",
            Set(nameof(ApiToken.TokenHash), nameof(ApiToken.LastUsedAt), nameof(ApiToken.CreatedAt)), Set()),
        [typeof(Rep)] = new(AuditKinds.Rep, e => ((Rep)e).Id, e => $"rep {((Rep)e).Id} ({((Rep)e).Name})",
            Set(nameof(Rep.Version)), Set()),
        [typeof(TierReview)] = new(AuditKinds.TierReview, e => ((TierReview)e).DecidedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            e => $"tier review ({((TierReview)e).Decision})", Set(nameof(TierReview.DecidedAt)), Set()),
    };

    public static void Record(DbContext db, DateTime now)
    {
        var actor = AuditActor.Current ?? AuditActor.System;
        var entries = new List<AuditEntry>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted &&
                Types.TryGetValue(entry.Metadata.ClrType, out var type) && Describe(entry, type, actor, now) is { } audit)
            {
                entries.Add(audit);
            }
        }
        db.AddRange(entries);
    }

    private static AuditEntry? Describe(EntityEntry entry, AuditedType type, AuditActor actor, DateTime now)
    {
        var changes = new List<AuditChange>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (type.Ignored.Contains(name) || property.Metadata.IsShadowProperty())
            {
                continue;
            }
            var opaque = type.Opaque.Contains(name);
            switch (entry.State)
            {
                case EntityState.Added when property.CurrentValue is not null and not ICollection { Count: 0 } && !property.Metadata.IsKey():
                    changes.Add(new AuditChange(Field(name), null, opaque ? "(set)" : Format(property.CurrentValue)));
                    break;
                case EntityState.Modified when property.IsModified && !Equals(Format(property.OriginalValue), Format(property.CurrentValue)):
                    changes.Add(opaque
                        ? new AuditChange(Field(name), "(old)", "(changed)")
                        : new AuditChange(Field(name), Format(property.OriginalValue), Format(property.CurrentValue)));
                    break;
            }
        }
        // The fields that say most first: a publish reads "status Draft → Published", a user change "role Rep → Manager".
        changes = changes.OrderBy(c => c.Field is "status" or "role" ? 0 : 1).ToList();
        if (entry.State == EntityState.Modified && changes.Count == 0)
        {
            return null; // only bookkeeping changed (a token's last use, a concurrency stamp)
        }
        var (action, label) = (entry.State switch { EntityState.Added => "created", EntityState.Deleted => "deleted", _ => "changed" }, type.Label(entry.Entity));
        return new AuditEntry
        {
            At = now,
            ActorId = actor.Id,
            Actor = Truncate(actor.Name, 256),
            Kind = type.Kind,
            EntityId = Truncate(type.Id(entry.Entity), 256),
            Action = action,
            Summary = Truncate(Summarize(action, label, changes), 1000),
            Changes = changes,
        };
    }

    private static string Summarize(string action, string label, List<AuditChange> changes) => action switch
    {
        "changed" => $"{label}: " + string.Join("; ", changes.Select(c => c.To is "(changed)" ? $"{c.Field} changed" : $"{c.Field} {c.From ?? "(none)"} → {c.To ?? "(none)"}")),
        _ when changes.FirstOrDefault(c => c.Field is "status" or "role") is { } headline => $"{label} {action} ({headline.Field} {headline.To})",
        _ => $"{label} {action}",
    };

    private static string Field(string property) => char.ToLowerInvariant(property[0]) + property[1..];

    private static string? Format(object? value) => value switch
    {
        null => null,
        string text => Truncate(text, AuditEntry.MaxValueLength),
        DateTime time => time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        IDictionary dictionary => Truncate(string.Join(", ", dictionary.Keys.Cast<object>().Select(k => k.ToString()).Order(StringComparer.Ordinal)), AuditEntry.MaxValueLength),
        IEnumerable items => Truncate(string.Join(", ", items.Cast<object>()), AuditEntry.MaxValueLength),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => Truncate(value.ToString() ?? "", AuditEntry.MaxValueLength),
    };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static HashSet<string> Set(params string[] names) => [.. names];
}
