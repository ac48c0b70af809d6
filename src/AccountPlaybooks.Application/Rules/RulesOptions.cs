using System.ComponentModel.DataAnnotations;
namespace AccountPlaybooks.Application.Rules;

/// The "Rules" configuration section.
public sealed class RulesOptions
{
    public const string Section = "Rules";

    /// The folder of rule files; golden cases live in its tests/ subfolder.
    [Required(AllowEmptyStrings = false)]
    public string Folder { get; set; } = "rules";

    /// Saves closer together than this count as one change (editors write a file in several steps).
    [Range(0, 60_000)]
    public int DebounceMilliseconds { get; set; } = 400;

    /// Watch the folder and publish saved changes.
    public bool Watch { get; set; } = true;
}
