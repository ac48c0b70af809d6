using System.ComponentModel;

namespace AccountPlaybooks.Application.Outreach;

/// `owner` in a template: the rep the task is for (the account's AE, else its SDR).
public sealed record TemplateOwner(
    [property: Description("The rep's name")] string Name,
    [property: Description("The rep's e-mail address")] string Email,
    [property: Description("AE, SDR, Marketing or Manager")] string Role,
    [property: Description("The rep's team")] string? Team,
    [property: Description("The rep's IANA time zone, e.g. Europe/Berlin")] string TimeZone);
