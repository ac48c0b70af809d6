using Serilog;
using Serilog.Formatting.Compact;

namespace AccountPlaybooks.Server.Hosting;

/// Serilog's two-stage bootstrap: a console logger until configuration is read, then the configured one.
public static class Logging
{
    public static Serilog.ILogger CreateBootstrapLogger() =>
        new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();

    public static void AddAccountPlaybooksLogging(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        var logFolder = builder.Configuration["Logging:Folder"] ?? "data/logs";
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .WriteTo.File(new CompactJsonFormatter(), Path.Combine(logFolder, "accountplaybooks-.json"),
                    rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14);
            if (development)
            {
                logger.WriteTo.Console();
            }
            else
            {
                logger.WriteTo.Console(new CompactJsonFormatter());
            }
        });
    }
}
