namespace AccountPlaybooks.Domain.Imports;

/// One scheduled (or run-now) import of one drop-folder file or one URL fetch, with what it stored and its per-row
/// report, so ops can see what the inbound import did without reading logs (docs/import.md, "Scheduled import").
public sealed class ImportRun
{
    public const string OkStatus = "ok";
    public const string PartialStatus = "partial";
    public const string FailedStatus = "failed";

    public long Id { get; set; }

    /// The file name (as dropped) or the URL; never the token.
    public required string Source { get; set; }

    /// "accounts" or "signals".
    public required string Kind { get; set; }

    public DateTime StartedAt { get; set; }
    public DateTime FinishedAt { get; set; }

    /// ok (every row stored), partial (some rows rejected), failed (nothing could be read: the fatal error says why).
    public required string Status { get; set; }

    public int Received { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Failed { get; set; }

    /// The import report as JSON, its rejected rows capped (Errors lists at most the first ones; Failed counts all).
    public string? Report { get; set; }

    /// Why the run stopped: unreachable URL, an HTTP error, a file too large, a file broken part way.
    public string? Error { get; set; }
}
