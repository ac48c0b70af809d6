namespace AccountPlaybooks.Application.Playbooks;

/// What is wrong with an expression and where: Start and End are 0-based character offsets into it (End exclusive), so
/// an editor can underline them; Line and Column (1-based) are set when the problem has a position.
public sealed record ExpressionProblem(string Message, int? Line, int? Column, int Start, int End);
