using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AccountPlaybooks.Domain.Reps;
using AccountPlaybooks.Domain.Tasks;

namespace AccountPlaybooks.Application.Notifications;

/// The words of the messages a rep receives: a Tier 1 task due today, the daily digest, a test. Slack receivers get a
/// mention when the address is a Slack member id; every receiver gets `to` (the address, else the rep's e-mail).
public static partial class RepMessages
{
    public const string Tier1TaskEvent = "rep.tier1_task";
    public const string DigestEvent = "rep.daily_digest";
    public const string TestEvent = "rep.test";

    /// A Slack member id (U… or W…), as Slack shows it in a profile's "Copy member ID".
    [GeneratedRegex("^[UW][A-Z0-9]{6,20}$")]
    public static partial Regex SlackMemberId();

    public static NotificationMessage Tier1Task(Rep rep, OutreachTask task, string accountName, string tier, DateTime localDue) =>
        new(Tier1TaskEvent, $"{Greeting(rep)}new {tier} task due today at {localDue:HH:mm}: {task.Title} ({accountName})",
            task.AccountId, task.Id, Fields(rep, new() { ["tier"] = tier, ["dueAt"] = task.DueAt.ToString("O", CultureInfo.InvariantCulture) }));

    public static NotificationMessage Digest(Rep rep, DateOnly day, IReadOnlyList<DigestLine> created, IReadOnlyList<DigestLine> dueToday,
        IReadOnlyList<DigestLine> breached)
    {
        var text = new StringBuilder($"{Greeting(rep)}your day, {day:ddd d MMM}: {Count(created.Count, "new task")}, {dueToday.Count} due today, {breached.Count} past SLA.");
        Section(text, "Past SLA", breached);
        Section(text, "Due today", dueToday);
        Section(text, "New", created);
        return new(DigestEvent, text.ToString(), Fields: Fields(rep, new()
        {
            ["day"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["new"] = created.Count.ToString(CultureInfo.InvariantCulture),
            ["dueToday"] = dueToday.Count.ToString(CultureInfo.InvariantCulture),
            ["breached"] = breached.Count.ToString(CultureInfo.InvariantCulture),
        }));
    }

    public static NotificationMessage Test(Rep rep) =>
        new(TestEvent, $"{Greeting(rep)}this is how AccountPlaybooks will reach you: a daily digest and Tier 1 tasks due today.",
            Fields: Fields(rep, []));

    /// One task in a digest: its title and account.
    public sealed record DigestLine(string Title, string AccountName);

    private const int LinesPerSection = 5;

    private static void Section(StringBuilder text, string heading, IReadOnlyList<DigestLine> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }
        text.Append($"\n{heading}:");
        foreach (var line in lines.Take(LinesPerSection))
        {
            text.Append($"\n• {line.Title} ({line.AccountName})");
        }
        if (lines.Count > LinesPerSection)
        {
            text.Append($"\n• and {lines.Count - LinesPerSection} more in the Studio inbox");
        }
    }

    private static string Greeting(Rep rep) =>
        rep.Notifications.Address is { } address && SlackMemberId().IsMatch(address) ? $"<@{address}> " : $"{rep.Name}, ";

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static Dictionary<string, string> Fields(Rep rep, Dictionary<string, string> fields)
    {
        fields["repId"] = rep.Id;
        fields["to"] = rep.Notifications.Address ?? rep.Email;
        return fields;
    }
}
