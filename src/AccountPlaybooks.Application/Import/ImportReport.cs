namespace AccountPlaybooks.Application.Import;

/// What an import stored and what it rejected. Good rows are stored even when others fail.
public class ImportReport
{
    /// Only the first errors are listed; <see cref="Failed"/> counts them all.
    public const int MaxListedErrors = 1000;

    public int Received { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Duplicates { get; set; }
    public int Failed { get; set; }
    public List<ImportError> Errors { get; } = [];
    public SortedSet<string> IgnoredColumns { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// Set when the file itself is broken (bad JSON, bad quoting): reading stopped there; earlier chunks are stored.
    public string? Aborted { get; set; }

    public bool HasErrors => Failed > 0 || Aborted is not null;

    public void Merge(ImportReport chunk)
    {
        Received += chunk.Received;
        Created += chunk.Created;
        Updated += chunk.Updated;
        Unchanged += chunk.Unchanged;
        Duplicates += chunk.Duplicates;
        Failed += chunk.Failed;
        Errors.AddRange(chunk.Errors.Take(MaxListedErrors - Errors.Count));
        IgnoredColumns.UnionWith(chunk.IgnoredColumns);
    }

    public void Reject(ImportError error)
    {
        Failed++;
        List(error);
    }

    /// Lists an error without counting a failed row (one row may have several errors).
    public void List(ImportError error)
    {
        if (Errors.Count < MaxListedErrors)
        {
            Errors.Add(error);
        }
    }
}
