using System.ComponentModel.DataAnnotations;
namespace AccountPlaybooks.Server.Hosting;

/// The "Api" configuration section.
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// Largest request body for ordinary calls.
    [Range(1024, long.MaxValue)]
    public long MaxRequestBytes { get; set; } = 1 * 1024 * 1024;

    /// Largest request body for imports (accounts, signals); they are streamed, not buffered.
    [Range(1024, long.MaxValue)]
    public long MaxImportBytes { get; set; } = 512L * 1024 * 1024;
}
