using System.Text.Json;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Playbooks;
using AccountPlaybooks.Workflows.Activities;
using AccountPlaybooks.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Outreach;

/// Which playbook nodes use which template: every input of kind Template, in each playbook's published version and in
/// its newest draft when that is newer than every published, superseded or retracted version (the work in progress the
/// designer opens). A node that leaves the input out uses the activity's default (Escalate: escalation).
public sealed class TemplateUsageQuery(AppDbContext db, ActivityRegistry registry)
{
    public async Task<List<TemplateUsage>> AllAsync(CancellationToken cancellationToken = default)
    {
        var keys = await db.PlaybookVersions.AsNoTracking().Select(v => new { v.DefinitionId, v.Number, v.Status }).ToListAsync(cancellationToken);
        var wanted = new HashSet<(string Id, int Number)>();
        foreach (var playbook in keys.GroupBy(k => k.DefinitionId))
        {
            if (playbook.FirstOrDefault(k => k.Status == PlaybookVersionStatus.Published) is { } published)
            {
                wanted.Add((playbook.Key, published.Number));
            }
            var draft = playbook.Where(k => k.Status == PlaybookVersionStatus.Draft).Max(k => (int?)k.Number);
            if (draft > (playbook.Where(k => k.Status != PlaybookVersionStatus.Draft).Max(k => (int?)k.Number) ?? 0))
            {
                wanted.Add((playbook.Key, draft.Value));
            }
        }
        var ids = wanted.Select(w => w.Id).Distinct().ToList();
        var numbers = wanted.Select(w => w.Number).Distinct().ToList();
        var rows = await db.PlaybookVersions.AsNoTracking().Where(v => ids.Contains(v.DefinitionId) && numbers.Contains(v.Number))
            .Select(v => new { v.DefinitionId, v.Number, v.Status, v.Json }).ToListAsync(cancellationToken);
        return rows.Where(r => wanted.Contains((r.DefinitionId, r.Number)))
            .SelectMany(r => PlaybookJson.Read(r.Json).Definition is { } definition
                ? UsagesIn(definition, r.Number, r.Status == PlaybookVersionStatus.Draft ? "Draft" : "Published")
                : [])
            .OrderBy(u => u.PlaybookName, StringComparer.OrdinalIgnoreCase).ThenBy(u => u.PlaybookId, StringComparer.Ordinal)
            .ThenByDescending(u => u.Version).ThenBy(u => u.NodeId, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<List<TemplateUsage>> ForAsync(string template, CancellationToken cancellationToken = default) =>
        (await AllAsync(cancellationToken)).Where(u => u.Template == template).ToList();

    private IEnumerable<TemplateUsage> UsagesIn(PlaybookDefinition definition, int version, string status)
    {
        foreach (var node in definition.Nodes)
        {
            foreach (var input in registry.Find(node.Type)?.Inputs.Where(i => i.Kind == InputKind.Template) ?? [])
            {
                if (TemplateNamed(node, input) is { Length: > 0 } template)
                {
                    yield return new TemplateUsage(template, definition.Id, definition.Name, version, status, node.Id, node.Type, input.Name);
                }
            }
        }
    }

    private static string? TemplateNamed(NodeDefinition node, InputDescriptor input)
    {
        if (node.Inputs.TryGetValue(input.Name, out var given) && given.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
        {
            return given.ValueKind == JsonValueKind.String ? TemplatesFolder.NameOf(given.GetString()!) : null;
        }
        return input.Default is { } json && JsonSerializer.Deserialize<JsonElement>(json) is { ValueKind: JsonValueKind.String } value
            ? TemplatesFolder.NameOf(value.GetString()!)
            : null;
    }
}
