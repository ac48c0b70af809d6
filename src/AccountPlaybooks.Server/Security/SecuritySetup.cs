using AccountPlaybooks.Data.Settings;

namespace AccountPlaybooks.Server.Security;

public static class SecuritySetup
{
    /// The "Security" section (validated at start) and the rate limiter it configures.
    public static void AddAccountPlaybooksSecurity(this WebApplicationBuilder builder)
    {
        var options = builder.Services.AddSettings<SecurityOptions>(builder.Configuration, SecurityOptions.Section);
        builder.Services.AddAccountPlaybooksRateLimits(options.RateLimits);
    }
}
