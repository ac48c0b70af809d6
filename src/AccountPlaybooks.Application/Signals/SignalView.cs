using AccountPlaybooks.Domain.Signals;

namespace AccountPlaybooks.Application.Signals;

public sealed record SignalView(string Id, string AccountId, string Type, DateTime OccurredAt, string? Source,
    IReadOnlyDictionary<string, string> Properties, DateTime ReceivedAt)
{
    public static SignalView From(Signal s) => new(s.Id, s.AccountId, s.Type, s.OccurredAt, s.Source, s.Properties, s.ReceivedAt);
}
