using AccountPlaybooks.Application.Signals;

namespace AccountPlaybooks.Server.Playbooks;

/// What the designer's pickers offer: tiers of the live ruleset in rank order, trigger rules, segments and motions,
/// signal types, the custom fields accounts carry (for date triggers), templates,
/// task channels and assignees (from the activities' own inputs), reps, and the business calendar.
public sealed record DesignerVocabulary(string? RulesVersion, IReadOnlyList<TierChoice> Tiers, IReadOnlyList<string> TriggerRules,
    IReadOnlyList<string> Segments, IReadOnlyList<string> Motions, IReadOnlyList<string> CustomFields, IReadOnlyList<string> TriggerTypes, IReadOnlyList<SignalVocabulary.SignalType> SignalTypes, IReadOnlyList<string> ObservedSignalTypes,
    IReadOnlyList<TemplateChoice> Templates, IReadOnlyList<string> Channels, IReadOnlyList<string> Assignees, IReadOnlyList<RepChoice> Reps,
    CalendarView Calendar);

/// A tier as the rules name it; Rank 1 is the first tier rule; Cap is its size limit, if any.
public sealed record TierChoice(string Tier, int Rank, int? Cap);

/// A template; only Live ones pass a publish's check (a template whose file has problems and no good version is not live).
public sealed record TemplateChoice(string Name, bool Live);

public sealed record RepChoice(string Id, string Name, string Role, string? Team, string TimeZone, IReadOnlyList<DayOfWeek> WorkingDays);

/// Business time: CreateTask due/sla and Escalate due count working hours on working days in the assignee's own time zone
/// (each rep has their WorkingDays, default Monday to Friday); Delay and wait timeouts count calendar time (24-hour days, UTC).
public sealed record CalendarView(string WorkdayStart, string WorkdayEnd, IReadOnlyList<string> Holidays, IReadOnlyList<DayOfWeek> DefaultWorkingDays,
    string Note);
