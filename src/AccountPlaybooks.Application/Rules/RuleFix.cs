namespace AccountPlaybooks.Application.Rules;

/// A "did you mean" the editor can apply: replace the characters <see cref="Replace"/> that start at 1-based
/// <see cref="Line"/> and <see cref="Column"/> of the file with <see cref="With"/>.
public sealed record RuleFix(string Replace, string With, int Line, int Column);
