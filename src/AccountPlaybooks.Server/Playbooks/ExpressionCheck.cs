using AccountPlaybooks.Application.Playbooks;

namespace AccountPlaybooks.Server.Playbooks;

/// Body of POST /api/playbooks/expressions/check: the text and what it is, "decision" (a Decision condition) or
/// "signalFilter" (a { "property": "value" } filter of WaitForSignal or a signal trigger, as JSON text).
public sealed record ExpressionCheckRequest(string Expression, string Kind);

/// Ok when a publish would accept the expression; else its problems, with offsets to underline.
public sealed record ExpressionCheckResult(bool Ok, IReadOnlyList<ExpressionProblem> Problems);
