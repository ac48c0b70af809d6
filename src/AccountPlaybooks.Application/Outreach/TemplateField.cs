namespace AccountPlaybooks.Application.Outreach;

/// One value a template can read, as the Studio's field panel lists it: `account.annual_revenue`, what it is, its type
/// in words, whether it may be empty for a real account, the text to insert (`signal?.type` where the parent may be
/// missing, so it passes validation) and what it prints for the full sample.
public sealed record TemplateField(string Path, string Type, string Description, bool MayBeEmpty, string Insert, string Example);
