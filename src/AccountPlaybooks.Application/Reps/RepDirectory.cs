using System.Text.Json;
using System.Text.Json.Serialization;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Reps;
using AccountPlaybooks.Domain.Tasks;
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

    /// Reps by team and name; only <paramref name="onlyRepId"/> when given (a rep sees their own record), of one team when asked.
    public async Task<List<RepView>> ListAsync(string? onlyRepId, string? team, CancellationToken cancellationToken = default)
    {
        var query = db.Reps.AsNoTracking();
        if (onlyRepId is not null)
        {
            query = query.Where(r => r.Id == onlyRepId);
        }
        if (!string.IsNullOrWhiteSpace(team))
        {
            query = query.Where(r => r.Team == team);
        }
        return (await query.OrderBy(r => r.Team).ThenBy(r => r.Name).ToListAsync(cancellationToken)).Select(RepView.From).ToList();
    }

    public async Task<RepView?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        await db.Reps.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is { } rep ? RepView.From(rep) : null;

    public Task<bool> ExistsAsync(string id, CancellationToken cancellationToken = default) => db.Reps.AnyAsync(r => r.Id == id, cancellationToken);

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
        rep.Territories = input.Territories?.Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList() ?? [];
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

    /// Removes a rep nobody depends on; false when there is no such rep. A rep with open tasks, accounts, reports or a
    /// user is refused with what still points at them, so nothing is left pointing at nobody.
    public async Task<bool> RemoveAsync(string id, CancellationToken cancellationToken = default)
    {
        var rep = await db.Reps.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rep is null)
        {
            return false;
        }
        var uses = new List<string>();
        void Count(int count, string what)
        {
            if (count > 0)
            {
                uses.Add($"{count} {what}{(count == 1 ? "" : "s")}");
            }
        }
        Count(await db.Tasks.CountAsync(t => t.AssigneeRepId == id && t.Status == OutreachTaskStatus.Open, cancellationToken), "open task");
        Count(await db.Accounts.CountAsync(a => a.AeOwnerId == id || a.SdrOwnerId == id, cancellationToken), "owned account");
        Count(await db.Reps.CountAsync(r => r.ManagerId == id, cancellationToken), "report");
        Count(await db.Users.CountAsync(u => u.RepId == id, cancellationToken), "user signing in as them");
        if (uses.Count > 0)
        {
            throw new RefusedException("The rep is still in use",
                $"{rep.Name} has {string.Join(", ", uses)}; hand these over (or unlink the user) first, then remove the rep.");
        }
        // Tracked, not a bulk delete, so that the removal is audited in the same transaction.
        db.Reps.Remove(rep);
        return await db.SaveChangesAsync(cancellationToken) > 0;
    }

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
        if (input.PairRepId is not null && (input.PairRepId == id || !await db.Reps.AnyAsync(r => r.Id == input.PairRepId, cancellationToken)))
        {
            Fail("pairRepId", input.PairRepId == id ? "a rep cannot be their own pair" : $"no rep has id '{input.PairRepId}'");
        }
        if (input.Tier1Capacity is < 0 or > 1000)
        {
            Fail("tier1Capacity", "tier1Capacity must be between 0 and 1000");
        }
        if (input.TimeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(input.TimeZone, out _))
        {
            Fail("timeZone", $"'{input.TimeZone}' is not a time zone (use an IANA id such as Europe/Berlin)");
        }
        if (input.WorkingDays is { Count: 0 })
        {
            Fail("workingDays", "choose at least one working day");
        }
        if (input.Territories?.FirstOrDefault(t => string.IsNullOrWhiteSpace(t) || t.Length > 64) is { } badTerritory)
        {
            Fail("territories", $"'{badTerritory}' is not a territory name (1 to 64 characters)");
        }
        if (input.Team is { Length: > 64 })
        {
            Fail("team", "a team name has at most 64 characters");
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
