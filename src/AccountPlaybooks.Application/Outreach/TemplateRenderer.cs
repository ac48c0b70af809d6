using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AccountPlaybooks.Application.Rules;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace AccountPlaybooks.Application.Outreach;

/// Renders task templates safely. Parsed templates are cached by content hash; every render gets a fresh
/// <see cref="TemplateContext"/> with strict variables, no include, and loop, recursion, output and time limits that
/// throw. Problems come back with file, line and column, never as exceptions.
public sealed partial class TemplateRenderer(TemplatesOptions options)
{
    public const int MaxTitleLength = 200;
    private const int MaxCachedTemplates = 512;

    private readonly ConcurrentDictionary<string, Parsed> _parsed = new(StringComparer.Ordinal);

    /// How many parsed templates the cache holds (tests).
    internal int CachedTemplates => _parsed.Count;

    public static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// Renders the text against the model; the first non-empty line of the output is the title, the rest the body.
    public RenderResult Render(string file, string text, TaskTemplateModel model)
    {
        var parsed = Parse(text);
        if (parsed.Problems.Count > 0)
        {
            return RenderResult.Failed(parsed.Problems.Select(p => At(file, p.Span, p.Message)).ToList());
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(options.TimeLimitMilliseconds));
        var context = NewContext(model, timeout.Token);
        try
        {
            return Split(file, parsed.Template.Render(context));
        }
        catch (ScriptAbortException abort)
        {
            return RenderResult.Failed(At(file, abort.Span, TimeLimitMessage));
        }
        catch (ScriptRuntimeException error)
        {
            return RenderResult.Failed(At(file, error.Span, Explain(error.OriginalMessage)));
        }
        catch (OperationCanceledException)
        {
            return RenderResult.Failed(At(file, context.CurrentNode?.Span, TimeLimitMessage));
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // A builtin function failing in a way Scriban does not wrap: still the template's problem, not the host's.
            return RenderResult.Failed(At(file, context.CurrentNode?.Span, error.Message));
        }
    }

    /// What a save or a load checks: the text parses, every model field it names exists, and it renders against the
    /// full sample and against the minimal one (no signal, owner or playbook; optional account fields empty).
    public IReadOnlyList<TemplateProblem> Validate(string file, string text)
    {
        if (text.Length > options.MaxTemplateChars)
        {
            return [new TemplateProblem(file, null, null, $"the template has {text.Length} characters; at most {options.MaxTemplateChars} are allowed")];
        }
        var full = Render(file, text, TaskTemplateModel.Sample);
        if (full.Problems.Count > 0)
        {
            return full.Problems;
        }
        return Render(file, text, TaskTemplateModel.Minimal).Problems
            .Select(p => p with { Message = $"{p.Message} (with the minimal sample: no signal, owner or playbook, optional account fields empty)" })
            .ToList();
    }

    private string TimeLimitMessage => $"the render took longer than {options.TimeLimitMilliseconds} ms (time limit); look for work that grows " +
                                       "with every call, such as a function that calls itself more than once";

    private TemplateContext NewContext(TaskTemplateModel model, CancellationToken cancellationToken)
    {
        var context = new TemplateContext
        {
            TemplateLoader = null,
            StrictVariables = true,
            // Missing keys of the data dictionaries (components, custom, properties) read as empty; the model's own
            // fields are checked when the template is parsed (TemplateFields).
            EnableRelaxedMemberAccess = true,
            LoopLimit = options.LoopLimit,
            LoopLimitQueryable = options.LoopLimit,
            RecursiveLimit = options.RecursiveLimit,
            LimitToString = options.MaxOutputChars,
            OnStringLimit = ScriptLimitBehavior.Throw,
            OutputLimit = options.MaxOutputChars,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            RegexTimeOut = TimeSpan.FromMilliseconds(options.TimeLimitMilliseconds),
            CancellationToken = cancellationToken,
            MemberRenamer = StandardMemberRenamer.Default,
            NewLine = "\n",
        };
        var globals = new ScriptObject();
        globals.Import(model, renamer: StandardMemberRenamer.Default);
        foreach (var name in TemplateFields.Variables)
        {
            globals.SetReadOnly(name, true);
        }
        context.PushGlobal(globals);
        return context;
    }

    private Parsed Parse(string text)
    {
        var hash = HashOf(text);
        if (_parsed.TryGetValue(hash, out var cached))
        {
            return cached;
        }
        if (_parsed.Count >= MaxCachedTemplates)
        {
            _parsed.Clear(); // drafts previewed once should not pile up; the live templates parse again on next use
        }
        var template = Template.Parse(text);
        List<(SourceSpan?, string)> problems = template.HasErrors || template.Page is not { } page
            ? template.Messages.Where(m => m.Type == ParserMessageType.Error).Select(m => ((SourceSpan?)m.Span, m.Message)).ToList()
            : TemplateFields.Check(page).Select(p => ((SourceSpan?)p.Node.Span, p.Message)).OrderBy(p => p.Item1?.Start.Offset).ToList();
        return _parsed.GetOrAdd(hash, new Parsed(template, problems));
    }

    private sealed record Parsed(Template Template, IReadOnlyList<(SourceSpan? Span, string Message)> Problems);

    private static TemplateProblem At(string file, SourceSpan? span, string message) =>
        span is { } at ? new TemplateProblem(file, at.Start.Line + 1, at.Start.Column + 1, message) : new TemplateProblem(file, null, null, message);

    /// Scriban's words, with what the limit is for and what to do.
    private string Explain(string message)
    {
        if (message.Contains("TemplateLoader", StringComparison.Ordinal))
        {
            return "include is not allowed in task templates: a template cannot read other files; put the text in this template";
        }
        if (UnknownVariable().Match(message) is { Success: true } unknown)
        {
            var closest = Suggestions.Closest(unknown.Groups[1].Value, TemplateFields.Variables);
            return $"unknown variable {unknown.Groups[1].Value}. {(closest is null ? "" : $"Did you mean {closest}? ")}" +
                   $"Variables: {string.Join(", ", TemplateFields.Variables)}, and those the template sets itself.";
        }
        if (message.Contains("null object", StringComparison.Ordinal) || message.Contains("is null", StringComparison.Ordinal))
        {
            return $"{message} Signal, owner and playbook may be missing, and so may most account fields: test them first, " +
                   "e.g. {{ if signal }}...{{ end }}";
        }
        if (message.Contains("iteration limit", StringComparison.Ordinal) || message.Contains("LoopLimit", StringComparison.Ordinal))
        {
            return $"{message} (loop limit: at most {options.LoopLimit} iterations in one render, nested loops included)";
        }
        if (message.Contains("recursive depth limit", StringComparison.Ordinal))
        {
            return $"{message} (recursion limit: functions may nest at most {options.RecursiveLimit} calls deep)";
        }
        if (message.Contains("OutputLimit", StringComparison.Ordinal) || message.Contains("LimitToString", StringComparison.Ordinal))
        {
            return $"{message} (output limit: a task's text is at most {options.MaxOutputChars} characters)";
        }
        if (message.Contains("Regex engine has timed out", StringComparison.Ordinal))
        {
            return $"the regular expression ran longer than {options.TimeLimitMilliseconds} ms (time limit); nested repetition such as (a+)+ " +
                   "backtracks without end on some text: write it without a repeated group";
        }
        return message;
    }

    [GeneratedRegex("The variable or function `([^`]+)` was not found")]
    private static partial Regex UnknownVariable();

    private static RenderResult Split(string file, string output)
    {
        var lines = output.ReplaceLineEndings("\n").Split('\n');
        var first = Array.FindIndex(lines, line => !string.IsNullOrWhiteSpace(line));
        if (first < 0)
        {
            return RenderResult.Failed(new TemplateProblem(file, null, null, "the template rendered nothing: its first non-empty line is the task's title"));
        }
        var title = lines[first].Trim();
        if (title.Length > MaxTitleLength)
        {
            title = title[..(MaxTitleLength - 1)].TrimEnd() + "…";
        }
        // Blank lines (Scriban statements on their own lines leave them) collapse to one, as markdown reads them anyway.
        var body = new List<string>();
        foreach (var line in lines.Skip(first + 1))
        {
            var blank = string.IsNullOrWhiteSpace(line);
            if (!blank || (body.Count > 0 && body[^1].Length > 0))
            {
                body.Add(blank ? "" : line);
            }
        }
        return new RenderResult(new RenderedTask(title, string.Join('\n', body).TrimEnd()), []);
    }
}
