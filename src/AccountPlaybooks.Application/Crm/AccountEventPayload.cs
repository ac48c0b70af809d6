using AccountPlaybooks.Application.Notifications;

namespace AccountPlaybooks.Application.Crm;

/// The one place the outbound account events are made (docs/crm.md documents the payload): a new field is one line here.
public static class AccountEventPayload
{
    public const string TierChanged = "account.tier_changed";
    public const string SegmentChanged = "account.segment_changed";
    public const string MotionChanged = "account.motion_changed";

    /// One event per kind of change the state carries: tier, segments, motion (in that order).
    public static IEnumerable<NotificationMessage> Messages(AccountState state)
    {
        if (state.TierChange is { } change)
        {
            yield return TierChangedMessage(state);
        }
        if (state.Memberships?.Segments.Count > 0)
        {
            var (entered, left) = (state.Memberships.Entered.ToList(), state.Memberships.Left.ToList());
            var text = $"{state.Account.Name}: " + string.Join("; ", new[]
            {
                entered.Count > 0 ? $"entered {string.Join(", ", entered)}" : null, left.Count > 0 ? $"left {string.Join(", ", left)}" : null,
            }.OfType<string>());
            var data = Data(state);
            (data["segmentsEntered"], data["segmentsLeft"]) = (entered, left);
            yield return new NotificationMessage(SegmentChanged, text, state.Account.Id, Data: data);
        }
        if (state.Memberships?.Motion is { } motion)
        {
            var data = Data(state);
            (data["fromMotion"], data["toMotion"]) = (motion.FromMotion, motion.ToMotion);
            yield return new NotificationMessage(MotionChanged, $"{state.Account.Name}: motion {motion.FromMotion ?? "(none)"} → {motion.ToMotion ?? "(none)"}",
                state.Account.Id, Data: data);
        }
    }

    public static NotificationMessage TierChangedMessage(AccountState state)
    {
        var change = state.TierChange ?? throw new ArgumentException("a tier change event needs the tier change", nameof(state));
        var text = $"{state.Account.Name} moved {change.FromTier ?? "(none)"} → {change.ToTier} ({change.Kind})";
        return new NotificationMessage(TierChanged, text, state.Account.Id, Data: Data(state));
    }

    /// The event's "data": who the account is, the change and its cause, the score behind it.
    public static Dictionary<string, object?> Data(AccountState state) => new()
    {
        ["accountId"] = state.Account.Id,
        ["accountName"] = state.Account.Name,
        ["fromTier"] = state.TierChange?.FromTier,
        ["toTier"] = state.TierChange?.ToTier ?? state.Score?.Tier,
        ["kind"] = state.TierChange?.Kind,
        ["causeRules"] = state.TierChange?.CauseRules ?? [],
        ["causeSignalIds"] = state.TierChange?.CauseSignalIds ?? [],
        ["compositeScore"] = state.Score is null ? null : Math.Round(state.Score.Composite, 2),
        ["componentScores"] = state.Score?.Components.ToDictionary(c => c.Key, c => Math.Round(c.Value, 2)) ?? [],
        ["topReasons"] = state.TopReasons,
        ["segments"] = state.Score?.Segments ?? [],
        ["motion"] = state.Score?.Motion,
        ["owners"] = new Dictionary<string, string?> { ["aeOwnerId"] = state.Account.AeOwnerId, ["sdrOwnerId"] = state.Account.SdrOwnerId },
        ["rulesetVersion"] = state.TierChange?.RulesetVersion ?? state.Score?.RulesetVersion,
        ["changedAt"] = state.TierChange?.ChangedAt,
    };
}
