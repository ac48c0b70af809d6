using AccountPlaybooks.Application.Signals;

namespace AccountPlaybooks.Server.Signals;

/// Refuses signals while the intake is full before anything else is paid for: a token lookup is a database query,
/// and under overload those queue for the connection pool, turning an "at once" 503 into seconds.
internal static class SignalIntakeGuard
{
    public static void UseSignalIntakeGuard(this WebApplication app)
    {
        var backlog = app.Services.GetRequiredService<SignalBacklog>();
        var options = app.Services.GetRequiredService<SignalIntakeOptions>();
        app.Use(async (context, next) =>
        {
            if (!backlog.HasRoom && context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == SignalsApi.IngestName)
            {
                await SignalsApi.IntakeFull(context, options).ExecuteAsync(context);
                return;
            }
            await next(context);
        });
    }
}
