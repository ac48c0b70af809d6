using AccountPlaybooks.Application.Import;
using AccountPlaybooks.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Signals;

/// Finds the accounts a chunk of signals names, by id or by domain, in one query.
internal sealed class AccountResolver
{
    private readonly HashSet<string> _ids;
    private readonly ILookup<string, string> _idsByDomain;

    private AccountResolver(HashSet<string> ids, ILookup<string, string> idsByDomain)
    {
        _ids = ids;
        _idsByDomain = idsByDomain;
    }

    public static async Task<AccountResolver> LoadAsync(AppDbContext db, IEnumerable<SignalDraft> drafts,
        CancellationToken cancellationToken)
    {
        var list = drafts.ToList();
        var ids = list.Where(d => d.AccountId is not null).Select(d => d.AccountId!).Distinct().ToList();
        var domains = list.Where(d => d.AccountDomain is not null).Select(d => d.AccountDomain!).Distinct().ToList();
        var found = await db.Accounts
            .Where(a => ids.Contains(a.Id) || (a.Domain != null && domains.Contains(a.Domain)))
            .Select(a => new { a.Id, a.Domain })
            .ToListAsync(cancellationToken);
        return new AccountResolver(
            found.Select(a => a.Id).ToHashSet(),
            found.Where(a => a.Domain is not null).ToLookup(a => a.Domain!, a => a.Id));
    }

    public string? Resolve(SignalDraft draft)
    {
        if (draft.AccountId is not null)
        {
            return _ids.Contains(draft.AccountId) ? draft.AccountId : null;
        }
        var matches = _idsByDomain[draft.AccountDomain!].ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    public ImportError Explain(int row, SignalDraft draft)
    {
        if (draft.AccountId is not null)
        {
            return new ImportError(row, "accountId", $"no account has id '{draft.AccountId}'");
        }
        var count = _idsByDomain[draft.AccountDomain!].Count();
        return count == 0
            ? new ImportError(row, "accountDomain", $"no account has domain '{draft.AccountDomain}'")
            : new ImportError(row, "accountDomain", $"{count} accounts share domain '{draft.AccountDomain}'; send accountId instead");
    }
}
