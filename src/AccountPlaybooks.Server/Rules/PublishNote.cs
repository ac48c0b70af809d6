using AccountPlaybooks.Application;
using AccountPlaybooks.Domain.Scoring;

namespace AccountPlaybooks.Server.Rules;

/// The ?note= of a publish or rollback: trimmed, empty means none, too long is the field's error (400).
internal static class PublishNote
{
    public static string? Read(string? note)
    {
        var trimmed = note?.Trim();
        if (trimmed is { Length: > RulesetRecord.MaxNoteLength })
        {
            throw new ValidationException("note", $"the note has {trimmed.Length} characters; at most {RulesetRecord.MaxNoteLength} are kept");
        }
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
