using System.Text.Json;

namespace AccountPlaybooks.Application.Notifications;

/// One line that says what a stored notification is about, read from its payload: the "text" both formats carry
/// (JSON and Slack), else the first characters of the body. Never more than <see cref="MaxLength"/> characters.
public static class NotificationSummary
{
    public const int MaxLength = 200;

    public static string Of(string payload)
    {
        var text = TextOf(payload) ?? payload;
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
    }

    private static string? TextOf(string payload)
    {
        try
        {
            using var json = JsonDocument.Parse(payload);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("text", out var text)
                && text.ValueKind == JsonValueKind.String ? text.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
