using AccountPlaybooks.Application.Outreach;
using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Application.Rules;

namespace AccountPlaybooks.Application.Hosting;

/// The one way content goes live in a process, server or CLI alike: task templates first (a playbook's publish checks
/// that the templates it names exist), then every stored playbook version and the folder's playbooks, then the rules
/// (the folder's, or the last good version stored). Folders older than what the database has live are brought up to
/// date first, so a node that was down while another published does not publish its old files (ADR 0027).
public sealed class LiveContent(TemplateCatalog templates, PlaybookCatalog playbooks, PlaybooksOptions playbooksOptions,
    RulesetRegistry rules, RulesOptions rulesOptions, LiveContentSync sync)
{
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        await sync.UpdateFoldersAsync(cancellationToken);
        await templates.LoadAsync(cancellationToken);
        await playbooks.LoadAsync(playbooksOptions.Folder, cancellationToken);
        await rules.LoadAsync(rulesOptions.Folder, cancellationToken);
    }
}
