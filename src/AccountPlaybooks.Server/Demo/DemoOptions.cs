using System.ComponentModel.DataAnnotations;
namespace AccountPlaybooks.Server.Demo;

/// The "Demo" configuration section. The README's start command turns it on; production leaves it off.
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// Seeds demo data on first run and accepts the documented demo logins, from loopback only.
    public bool Enabled { get; set; }

    [Range(0, 1_000_000)]
    public int Accounts { get; set; } = 2000;
    [Range(0, 10_000_000)]
    public int Signals { get; set; } = 20000;
}
