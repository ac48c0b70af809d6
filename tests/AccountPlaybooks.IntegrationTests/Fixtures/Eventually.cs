namespace AccountPlaybooks.IntegrationTests.Fixtures;

/// Waits for something the server does in the background (hot reload, queued re-evaluation).
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }
            Assert.True(DateTime.UtcNow < deadline, $"within {seconds} s: {what}; last seen {value}");
            await Task.Delay(100);
        }
    }
}
