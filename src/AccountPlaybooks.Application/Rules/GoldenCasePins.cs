using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Application.Scoring.Facts;
using AccountPlaybooks.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Rules;

/// "Pin this account": a real account's facts and signals now, and what the live rules give for them, written as a new
/// golden case file in rules/tests/. From then on every publish must keep giving that result. An existing file is
/// only replaced when the caller says so.
public sealed class GoldenCasePins(AppDbContext db, AccountEvaluator evaluator, RulesetRegistry registry, RulesOptions options)
{
    public const int MaxNameLength = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<PinResult> PinAsync(PinAccountRequest request, string author, CancellationToken cancellationToken)
    {
        var file = Validate(request);
        if (registry.Active is not { } rules)
        {
            return PinResult.Refused(PinRefusal.NoLiveRules, "No rules are live yet, so there is no result to pin.");
        }
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.AccountId, cancellationToken);
        if (account is null)
        {
            return PinResult.Refused(PinRefusal.AccountNotFound, $"There is no account '{request.AccountId}'.");
        }
        var stored = await db.AccountScores.AsNoTracking().Where(s => s.AccountId == account.Id).Select(s => s.Tier).SingleOrDefaultAsync(cancellationToken);
        var (facts, window, _) = await evaluator.FactsAsync(account, cancellationToken);
        var now = new DateTime(window.Now.Ticks - window.Now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        var signals = window.All.Where(s => s.OccurredAt <= window.Now).OrderByDescending(s => s.OccurredAt)
            .Select(s => new GoldenSignal
            {
                Type = s.Type,
                DaysAgo = Math.Max(0, Math.Round((now - s.OccurredAt).TotalDays, 4)),
                Properties = new Dictionary<string, string>(s.Properties),
            }).ToList();
        var origin = new GoldenCaseOrigin(account.Id, account.Name, author, now, rules.Version, stored);

        // The expectation comes from the case as it will be read back, so the written file passes by construction.
        var unexpected = Read(Write(request.Name ?? account.Name, now, origin, facts, signals, new GoldenExpectation()));
        var (outcome, decision) = GoldenCases.Evaluate(rules, unexpected);
        var expect = new GoldenExpectation
        {
            Tier = decision.Tier,
            Components = outcome.Components.ToDictionary(),
            Composite = outcome.Composite,
            Triggers = outcome.Triggers.Select(t => t.Rule).Order().ToList(),
        };
        var name = string.IsNullOrWhiteSpace(request.Name) ? $"{account.Name} ({account.Id}) is {decision.Tier}" : request.Name.Trim();
        var content = Write(name, now, origin, facts, signals, expect);
        var result = GoldenCases.Compare(rules, Read(content), file, 0);

        var replaced = File.Exists(Path.Combine(options.Folder, file));
        if (!await RulesFolder.WriteAsync(options.Folder, new RuleFile(file, content), cancellationToken, overwrite: request.Overwrite))
        {
            return PinResult.Refused(PinRefusal.FileExists, $"{file} already exists; choose another name or replace it.");
        }
        var note = stored is not null && stored != decision.Tier
            ? $"The account is stored as {stored}; the case expects {decision.Tier}, what the rules give for these facts without holds or waiting days."
            : null;
        return new PinResult(new PinnedCase(file, name, replaced, content, result, note), null, null);
    }

    /// Removes a golden case file from rules/tests/; false when there is none.
    public bool Delete(string fileName)
    {
        var file = RulesFolder.CaseFileName(fileName) ?? throw new ValidationException("file", NameRule(fileName));
        var path = Path.Combine(options.Folder, file);
        if (!File.Exists(path))
        {
            return false;
        }
        File.Delete(path);
        return true;
    }

    private static string Validate(PinAccountRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.AccountId))
        {
            errors["accountId"] = ["name the account to pin"];
        }
        var file = RulesFolder.CaseFileName(request.File ?? "");
        if (file is null)
        {
            errors["file"] = [NameRule(request.File ?? "")];
        }
        if (request.Name is { Length: > MaxNameLength })
        {
            errors["name"] = [$"the case name is {request.Name.Length} characters long; the limit is {MaxNameLength}"];
        }
        return errors.Count > 0 ? throw new ValidationException(errors) : file!;
    }

    private static string NameRule(string name) =>
        $"'{name}' is not a golden case file name: letters, digits, '-', '_' and '.', up to 100 characters (\"acme-tier1\" becomes tests/acme-tier1.json)";

    private static GoldenCase Read(string content) => GoldenCases.Read(new RuleFile("pinned", content)) switch
    {
        ({ Count: 1 } cases, null) => cases[0],
        (_, var problem) => throw new InvalidOperationException($"a pinned case does not read back: {problem}"),
    };

    /// The case as a person would write it: one line per signal, the expectation spelled out.
    private static string Write(string name, DateTime now, GoldenCaseOrigin origin, AccountFacts facts, List<GoldenSignal> signals,
        GoldenExpectation expect)
    {
        var lines = new List<string>
        {
            "[",
            "  {",
            $"    \"name\": {Inline(JsonValue.Create(name))},",
            $"    \"now\": \"{now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}\",",
            $"    \"pinned\": {Inline(JsonSerializer.SerializeToNode(origin, Json))},",
            $"    \"account\": {Inline(Account(facts))},",
        };
        if (signals.Count == 0)
        {
            lines.Add("    \"signals\": [],");
        }
        else
        {
            lines.Add("    \"signals\": [");
            lines.AddRange(signals.Select((s, i) => "      " + Inline(JsonSerializer.SerializeToNode(s, Json)) + (i < signals.Count - 1 ? "," : "")));
            lines.Add("    ],");
        }
        var expectation = JsonSerializer.SerializeToNode(expect, Json)!.AsObject();
        var parts = expectation.Where(p => p.Value is not null).ToList();
        lines.Add("    \"expect\": {");
        lines.AddRange(parts.Select((p, i) => $"      {Inline(JsonValue.Create(p.Key))}: {Inline(p.Value)}" + (i < parts.Count - 1 ? "," : "")));
        lines.Add("    }");
        lines.Add("  }");
        lines.Add("]");
        return string.Join("\n", lines) + "\n";
    }

    /// The facts that differ from an empty account (the reader fills in the rest).
    private static JsonObject Account(AccountFacts facts)
    {
        var account = new JsonObject { ["id"] = facts.Id };
        void Text(string key, string value)
        {
            if (value.Length > 0)
            {
                account[key] = value;
            }
        }
        Text("name", facts.Name);
        Text("domain", facts.Domain);
        Text("industry", facts.Industry);
        if (facts.EmployeeCount != 0)
        {
            account["employeeCount"] = facts.EmployeeCount;
        }
        if (facts.AnnualRevenue != 0)
        {
            account["annualRevenue"] = facts.AnnualRevenue;
        }
        Text("country", facts.Country);
        Text("region", facts.Region);
        Text("fundingStage", facts.FundingStage);
        if (facts.DaysSinceFunding != new AccountFacts().DaysSinceFunding)
        {
            account["daysSinceFunding"] = facts.DaysSinceFunding;
        }
        if (facts.TechStack.Count > 0)
        {
            account["techStack"] = new JsonArray(facts.TechStack.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
        }
        if (facts.Lifecycle != new AccountFacts().Lifecycle)
        {
            account["lifecycle"] = facts.Lifecycle;
        }
        Text("segment", facts.Segment);
        if (facts.CustomFields.Count > 0)
        {
            account["customFields"] = JsonSerializer.SerializeToNode(facts.CustomFields, Json);
        }
        Text("currentTier", facts.CurrentTier);
        return account;
    }

    private static string Inline(JsonNode? node) => node switch
    {
        JsonObject o when o.Count == 0 => "{}",
        JsonObject o => "{ " + string.Join(", ", o.Where(p => p.Value is not null).Select(p => $"{Inline(JsonValue.Create(p.Key))}: {Inline(p.Value)}")) + " }",
        JsonArray a => "[" + string.Join(", ", a.Select(Inline)) + "]",
        null => "null",
        _ => node.ToJsonString(Json),
    };
}

public sealed record PinAccountRequest(string AccountId, string File, string? Name = null, bool Overwrite = false);

/// The case written: its file ("tests/x.json"), name, whether it replaced a file, its text, how it runs on the live
/// rules (it passes), and a note when the stored tier differs from the one the rules give for these facts.
public sealed record PinnedCase(string File, string Name, bool Replaced, string Content, GoldenCaseResult Result, string? Note);

public enum PinRefusal
{
    AccountNotFound,
    NoLiveRules,
    FileExists,
}

public sealed record PinResult(PinnedCase? Pinned, PinRefusal? Refusal, string? Message)
{
    public static PinResult Refused(PinRefusal refusal, string message) => new(null, refusal, message);
}
