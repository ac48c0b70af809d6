namespace AccountPlaybooks.Application.Outreach;

/// A save from the API: the catalog validates, writes, swaps (a bad template changes nothing) and stores the accepted
/// text with its author, so the Studio can say who made the live version live and when, and every node loads it.
public sealed class TemplateSaver(TemplateCatalog catalog)
{
    public Task<IReadOnlyList<TemplateProblem>> SaveAsync(string name, string text, string author, CancellationToken cancellationToken = default) =>
        catalog.SaveAsync(name, text, author, cancellationToken);
}
