using AccountPlaybooks.Workflows.Activities;
using AccountPlaybooks.Workflows.Definitions;

namespace AccountPlaybooks.Application.Playbooks;

/// When an account enters or leaves a playbook, as pure rules on the definition: the runtime acts on them and the
/// rules what-if counts with them, so the two cannot disagree.
public static class EnrollmentPolicy
{
    public const string TierEntered = "tierEntered";
    public const string TriggerRule = "triggerRule";
    public const string SegmentEntered = "segmentEntered";
    public const string SegmentLeft = "segmentLeft";
    public const string MotionEntered = "motionEntered";
    public const string DateApproaching = "dateApproaching";

    public static bool StartsOnTier(PlaybookDefinition definition, string tier) =>
        definition.Triggers.Any(t => t.Type == TierEntered && t.Tier == tier);

    public static bool StartsOnRule(PlaybookDefinition definition, string rule) =>
        definition.Triggers.Any(t => t.Type == TriggerRule && t.Rule == rule);

    public static bool StartsOnSegment(PlaybookDefinition definition, string segment, bool entered) =>
        definition.Triggers.Any(t => t.Type == (entered ? SegmentEntered : SegmentLeft) && string.Equals(t.Segment, segment, StringComparison.OrdinalIgnoreCase));

    public static bool StartsOnMotion(PlaybookDefinition definition, string motion) =>
        definition.Triggers.Any(t => t.Type == MotionEntered && string.Equals(t.Motion, motion, StringComparison.OrdinalIgnoreCase));

    /// A running instance ends when the tier changes (or the account is disqualified) if its exit policy says so.
    public static bool ExitsOnTierChange(PlaybookDefinition definition, bool disqualified) =>
        definition.Exit.OnTierChange || (disqualified && definition.Exit.OnDisqualification);

    /// May an account start this playbook, given its last instance of it (none: yes; still running: no; ended: only
    /// under a cooldown policy whose cooldown has passed)?
    public static bool MayEnroll(PlaybookDefinition definition, bool enrolledBefore, DateTime? lastEndedAt, DateTime now)
    {
        if (!enrolledBefore)
        {
            return true;
        }
        if (lastEndedAt is not { } ended)
        {
            return false; // already in it
        }
        return definition.Reenrollment.Policy == "cooldown" && InputBinder.TryParseDuration(definition.Reenrollment.Cooldown, out var cooldown) &&
               ended + cooldown <= now;
    }
}
