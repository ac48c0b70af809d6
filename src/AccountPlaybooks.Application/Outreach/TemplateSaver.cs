using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Outreach;

namespace AccountPlaybooks.Application.Outreach;

/// A save from the API: the catalog validates, writes and swaps (a bad template changes nothing), and an accepted save
/// is recorded with its author, so the Studio can say who made the live version live and when.
public sealed class TemplateSaver(TemplateCatalog catalog, AppDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<TemplateProblem>> SaveAsync(string name, string text, string author, CancellationToken cancellationToken = default)
    {
        var problems = await catalog.SaveAsync(name, text, cancellationToken);
        if (problems.Count > 0)
        {
            return problems;
        }
        db.TemplateSaves.Add(new TemplateSave { Name = name, Hash = TemplateRenderer.HashOf(text), Author = author, SavedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }
}
