namespace AccountPlaybooks.Application.Outreach;

/// A parsed business duration. Days and time stay apart because they mean different things: one working day keeps the
/// time of day, while 24 working hours are three 8-hour working days.
public readonly record struct BusinessDuration(int Days, TimeSpan Time);
