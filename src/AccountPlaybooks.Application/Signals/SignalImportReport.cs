using System.Text.Json.Serialization;
using AccountPlaybooks.Application.Import;

namespace AccountPlaybooks.Application.Signals;

/// The answer to POST /api/signals: the import report, and — when the caller asked to wait — each stored signal's
/// status with the tasks it created (the first <see cref="ImportReport.MaxListedErrors"/> signals).
public sealed class SignalImportReport : ImportReport
{
    public IReadOnlyList<SignalStatusView>? Signals { get; set; }

    /// The ids this request stored or found stored (duplicates), in order: what a wait waits for.
    [JsonIgnore]
    public List<string> StoredIds { get; } = [];
}
