namespace AccountPlaybooks.Application.Scoring;

/// How far a what-if is: Phase "accounts" (Done of Total accounts evaluated), then "playbooks" (Done of Total
/// playbooks simulated for the task estimate). Detail names what it is doing in words.
public sealed record WhatIfProgress(string Phase, int Done, int Total, string Detail)
{
    public const string Accounts = "accounts";
    public const string Playbooks = "playbooks";
}
