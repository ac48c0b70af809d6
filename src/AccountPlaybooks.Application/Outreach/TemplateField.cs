namespace AccountPlaybooks.Application.Outreach;

/// One value a template can read, as the Studio's field panel lists it: `account.annual_revenue`, what it is, its type
/// in words and whether it may be empty for a real account. <see cref="Insert"/> is the expression to use inside
/// `{{ … }}` (`signal?.type` where the parent may be missing, so it passes validation); <see cref="Print"/> is what to
/// write between braces to print it readably in the text (dates formatted, lists joined, a dictionary's first key);
/// <see cref="Example"/> is what <see cref="Print"/> gives for the full sample (a dictionary's: its keys there).
public sealed record TemplateField(string Path, string Type, string Description, bool MayBeEmpty, string Insert, string Print, string Example);
