using System.Text.Json;
using System.Text.Json.Serialization;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Reps;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Reps;

/// Reps, teams and territories: create, update, remove, import. Every write is validated by field.
public sealed class RepDirectory(AppDbContext db)
{
    private static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public async Task<Rep> SaveAsync(RepInput input, CancellationToken cancellationToken = default)
    {
        var id = string.IsNullOrWhiteSpace(input.Id) ? IdFromEmail(input.Email) : input.Id.Trim();
        var rep = await db.Reps.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        await ValidateAsync(id, input, cancellationToken);
        if (rep is null)
        {
            rep = new Rep { Id = id, Email = "", Name = "" };
            db.Reps.Add(rep);
        }
        else if (input.Version is { } expected && expected != rep.Version)
        {
            throw new ConcurrencyException($"rep '{id}' was changed by someone else; reload it and try again");
        }
        rep.Email = input.Email.Trim().ToLowerInvariant();
        rep.Name = input.Name.Trim();
        rep.Role = input.Role;
        rep.Team = input.Team?.Trim();
        rep.ManagerId = input.ManagerId;
        rep.Territories = input.Territories ?? [];
        rep.Tier1Capacity = input.Tier1Capacity ?? rep.Tier1Capacity;
        rep.TimeZone = input.TimeZone ?? rep.TimeZone;
        rep.WorkingDays = input.WorkingDays ?? rep.WorkingDays;
        rep.OutOfOfficeFrom = input.OutOfOfficeFrom;
        rep.OutOfOfficeUntil = input.OutOfOfficeUntil;
        rep.PairRepId = input.PairRepId;
        rep.AssignmentWeight = input.AssignmentWeight ?? rep.AssignmentWeight;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyException($"rep '{id}' was changed by someone else; reload it and try again");
        }
        return rep;
    }

    public async Task<bool> RemoveAsync(string id, CancellationToken cancellationToken = default) =>
        await db.Reps.Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    /// Imports a JSON array of reps (managers first is not required: the file is saved in dependency order).
    public async Task<int> ImportAsync(Stream json, CancellationToken cancellationToken = default)
    {
        List<RepInput> inputs;
        try
        {
            inputs = await JsonSerializer.DeserializeAsync<List<RepInput>>(json, FileJson, cancellationToken) ?? [];
        }
        catch (JsonException exception)
        {
            throw new ValidationException(exception.Path ?? "$", exception.Message.Split(". ")[0]);
        }
        var ordered = inputs.OrderBy(r => r.ManagerId is null ? 0 : 1).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        for (var i = 0; i < ordered.Count; i++)
        {
            try
            {
                await SaveAsync(ordered[i], cancellationToken);
            }
            catch (ValidationException exception)
            {
                throw new ValidationException(exception.Errors.ToDictionary(
                    e => $"reps[{inputs.IndexOf(ordered[i])}].{e.Key}", e => e.Value));
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return ordered.Count;
    }

    private async Task ValidateAsync(string id, RepInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        if (string.IsNullOrWhiteSpace(input.Email) || !input.Email.Contains('@', StringComparison.Ordinal))
        {
            Fail("email", $"'{input.Email}' is not an email address");
        }
        else if (await db.Reps.AnyAsync(r => r.Email == input.Email.Trim().ToLowerInvariant() && r.Id != id, cancellationToken))
        {
            Fail("email", $"another rep already has email '{input.Email}'");
        }
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            Fail("name", "name is required");
        }
        if (!Enum.IsDefined(input.Role))
        {
            Fail("role", $"role must be one of {string.Join(", ", Enum.GetNames<RepRole>())}");
        }
        if (input.ManagerId is not null && (input.ManagerId == id ||
            !await db.Reps.AnyAsync(r => r.Id == input.ManagerId, cancellationToken)))
        {
            Fail("managerId", input.ManagerId == id ? "a rep cannot manage themselves" : $"no rep has id '{input.ManagerId}'");
        }
        if (input.AssignmentWeight is < 0 or > 100)
        {
            Fail("assignmentWeight", "assignmentWeight must be between 0 (never assigned by round-robin) and 100");
        }
        if (input.PairRepId is not null && input.PairRepId == id)
        {
            Fail("pairRepId", "a rep cannot be their own pair");
        }
        if (input.Tier1Capacity is < 0 or > 1000)
        {
            Fail("tier1Capacity", "tier1Capacity must be between 0 and 1000");
        }
        if (input.TimeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(input.TimeZone, out _))
        {
            Fail("timeZone", $"'{input.TimeZone}' is not a time zone (use an IANA id such as Europe/Berlin)");
        }
        if (input.OutOfOfficeFrom is { } from && input.OutOfOfficeUntil is { } until && until <= from)
        {
            Fail("outOfOfficeUntil", "outOfOfficeUntil must be after outOfOfficeFrom");
        }
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }

    private static string IdFromEmail(string email) =>
        "rep-" + string.Concat(email.Split('@')[0].ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-'));
}
