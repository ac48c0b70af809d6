using AccountPlaybooks.Application.Scoring;

namespace AccountPlaybooks.Server.Rules;

/// One line of a streamed what-if (application/x-ndjson): Type "progress" with Progress, any number of times; then
/// either "report" with Report, or "failed" with Error (the run broke after the answer had begun, so it cannot be a
/// status code any more). A client that closes the connection stops the run.
public sealed record WhatIfStreamLine(string Type, WhatIfProgress? Progress = null, WhatIfReport? Report = null, WhatIfFailure? Error = null)
{
    public const string ProgressType = "progress";
    public const string ReportType = "report";
    public const string FailedType = "failed";
}

/// Why a streamed what-if stopped without a report.
public sealed record WhatIfFailure(string Title, string Detail);
