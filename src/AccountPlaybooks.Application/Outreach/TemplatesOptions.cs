using System.ComponentModel.DataAnnotations;
namespace AccountPlaybooks.Application.Outreach;

/// The "Templates" configuration section: where the task templates are and the limits every render runs under.
public sealed class TemplatesOptions
{
    public const string Section = "Templates";

    /// The folder of task templates (one Scriban file each, *.sbn).
    [Required(AllowEmptyStrings = false)]
    public string Folder { get; set; } = "templates";

    /// Watch the folder and load saved changes.
    public bool Watch { get; set; } = true;

    /// Saves closer together than this count as one change (editors write a file in several steps).
    [Range(0, 60_000)]
    public int DebounceMilliseconds { get; set; } = 400;

    /// Iterations of all loops in one render, nested loops included.
    [Range(1, 10_000_000)]
    public int LoopLimit { get; set; } = 1000;

    /// Depth of nested function calls in one render.
    [Range(1, 1000)]
    public int RecursiveLimit { get; set; } = 20;

    /// Characters one render may write (and the longest string it may build).
    [Range(1, 100_000_000)]
    public int MaxOutputChars { get; set; } = 64 * 1024;

    /// Wall-clock time one render may take.
    [Range(1, 600_000)]
    public int TimeLimitMilliseconds { get; set; } = 1000;

    /// The longest template text accepted.
    [Range(1, 100_000_000)]
    public int MaxTemplateChars { get; set; } = 64 * 1024;
}
