using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AccountPlaybooks.IntegrationTests.Scoring;

/// Stands for a crash at the worst moment: the score and tier change of an account are written, and the command
/// that stores the playbook its new tier starts fails. Armed for one account id at a time.
public sealed class FailingPlaybookStart : DbCommandInterceptor
{
    public string? AccountId { get; set; }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Fail(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Fail(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Fail(DbCommand command)
    {
        if (AccountId is { } id && command.CommandText.Contains("INSERT INTO \"PlaybookInstances\"", StringComparison.Ordinal) &&
            command.Parameters.Cast<DbParameter>().Any(p => Equals(p.Value, id)))
        {
            throw new IOException($"simulated crash while storing the playbook of account {id}");
        }
    }
}
