using System.Net;
using AccountPlaybooks.Application.Demo;
using AccountPlaybooks.Data.Settings;

namespace AccountPlaybooks.Server.Demo;

public static class DemoMode
{
    public static void AddDemoMode(this WebApplicationBuilder builder)
    {
        var demo = builder.Services.AddSettings<DemoOptions>(builder.Configuration, DemoOptions.Section);
        if (demo.Enabled)
        {
            // After the first evaluation, the seeded demo gets 90 days of tier moves and worked tasks (the dashboard's data).
            builder.Services.AddScoped<DemoHistory>();
            builder.Services.AddHostedService<DemoHistoryBackfill>();
        }
    }

    /// First run in demo mode: ~2,000 accounts, ~20,000 signals, 8 reps and the demo logins.
    public static async Task SeedDemoDataAsync(this WebApplication app)
    {
        var demo = app.Services.GetRequiredService<DemoOptions>();
        if (!demo.Enabled)
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(demo.Accounts, demo.Signals);
    }

    /// The demo logins are public knowledge, so a demo server answers nobody but this machine.
    public static void UseDemoLoopbackGuard(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<DemoOptions>().Enabled)
        {
            return;
        }
        app.Use(async (context, next) =>
        {
            if (context.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote))
            {
                await Results.Problem(title: "Demo mode serves this machine only",
                    detail: "Turn Demo:Enabled off and add users with `accountplaybooks users add` to serve a network.",
                    statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
                return;
            }
            await next(context);
        });
    }
}
