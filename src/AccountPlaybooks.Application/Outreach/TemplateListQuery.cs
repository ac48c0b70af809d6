using AccountPlaybooks.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Outreach;

/// Every template for the list: the catalog's status, the save that made the live version live (or, for a file
/// changed in the folder, the file's time) and how many playbook nodes use it.
public sealed class TemplateListQuery(TemplateCatalog catalog, TemplatesOptions options, AppDbContext db, TemplateUsageQuery usages)
{
    public async Task<List<TemplateSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var templates = catalog.All;
        var names = templates.Select(t => t.Name).ToList();
        var saves = (await db.TemplateSaves.AsNoTracking().Where(s => names.Contains(s.Name)).ToListAsync(cancellationToken))
            .GroupBy(s => (s.Name, s.Hash)).ToDictionary(g => g.Key, g => g.MaxBy(s => s.SavedAt)!);
        var uses = (await usages.AllAsync(cancellationToken)).CountBy(u => u.Template).ToDictionary();
        return templates.Select(t =>
        {
            (string? By, DateTime? At) saved = t.Live is not { } live ? (null, null)
                : saves.GetValueOrDefault((t.Name, live.Hash)) is { } save ? (save.Author, save.SavedAt)
                : t.Problems.Count == 0 ? (null, FileTime(t.Name))
                : (null, null);
            return new TemplateSummary(t.Name, t.Live?.Hash, catalog.Render(t.Name, TaskTemplateModel.Sample).Task?.Title, t.Problems, saved.By,
                saved.At, uses.GetValueOrDefault(t.Name));
        }).ToList();
    }

    private DateTime? FileTime(string name)
    {
        var file = new FileInfo(Path.Combine(options.Folder, TemplatesFolder.FileOf(name)));
        return file.Exists ? file.LastWriteTimeUtc : null;
    }
}
