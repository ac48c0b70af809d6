using Microsoft.Playwright;

namespace AccountPlaybooks.BrowserTests.Fixtures;

/// Signs in through the Studio's login page with a documented demo login (src/AccountPlaybooks.Application/Demo/DemoUsers.cs).
public static class DemoLogin
{
    private const string Password = "demo-password";

    private static readonly Dictionary<string, string> NameByRole = new()
    {
        ["admin"] = "Demo Admin",
        ["ops"] = "Demo RevOps",
        ["manager"] = "Demo Manager",
        ["rep"] = "Demo Rep",
    };

    /// The Studio's contract: signed out, `/` shows "Email", "Password" and a "Sign in" button; signed in, the user's name.
    /// Returns the name shown.
    public static async Task<string> LoginAsync(IPage page, string role)
    {
        var name = NameByRole.TryGetValue(role, out var known) ? known
            : throw new ArgumentException($"no demo login for '{role}'; one of {string.Join(", ", NameByRole.Keys)}", nameof(role));
        await page.GotoAsync("/");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync($"{role}@demo.accountplaybooks.test");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByText(name).First).ToBeVisibleAsync();
        return name;
    }
}
