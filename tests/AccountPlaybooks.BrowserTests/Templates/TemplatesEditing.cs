using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AccountPlaybooks.BrowserTests.Designer;
using AccountPlaybooks.BrowserTests.Fixtures;
using Microsoft.Playwright;

namespace AccountPlaybooks.BrowserTests.Templates;

/// Ops edit a task template with a live preview for a real account and signal, insert model fields from the panel,
/// save, and have a broken save refused at its line while the live version keeps rendering; managers read templates;
/// reps see none of it.
public sealed class TemplatesEditing(ServerProcess server, Chromium chromium) : BrowserTest(server, chromium)
{
    [Fact]
    public async Task OpsPreviewATemplateForAnAccountAndSeeASyntaxErrorWhereItIs()
    {
        var (_, account) = await FirstAccountAsync();
        await LoginAsync("ops");
        // Ops land on Rules, which opens its first file when its list arrives: a click before that is undone by it.
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/rules/[^/?]+"));
        await Page.GetByRole(AriaRole.Link, new() { Name = "Templates", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "escalation" }).First.ClickAsync();

        await Page.Field("Preview for account").FillAsync(account);
        await Page.GetByRole(AriaRole.Option, new() { Name = account }).First.ClickAsync();
        var preview = Page.GetByRole(AriaRole.Region, new() { Name = "Preview" });
        await Assertions.Expect(preview.GetByText($"Escalation: {account} missed its response SLA")).ToBeVisibleAsync();
        await ScreenshotAsync("template-preview");

        // The server answers a draft with problems 422, which the browser logs: expected here.
        ExpectConsoleError("status of 422");
        await ReplaceEditorTextAsync(Page.GetByRole(AriaRole.Textbox, new() { Name = "escalation.sbn" }), "Escalation: {{ account.name }\nbody");
        await Assertions.Expect(preview.GetByRole(AriaRole.Alert).GetByText("line 1:29").First).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator(".cm-lintRange-error").First).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("not saved")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OpsEditPickASignalInsertAFieldSaveAndKeepTheLiveVersionWhenASaveIsRefused()
    {
        var (accountId, account, signalType) = await AccountWithASignalAsync();
        using var api = ApiWith("demo-ops-token");
        var original = await api.GetStringAsync("api/templates/tier2-call");
        await LoginAsync("ops");
        await Page.GotoAsync("/templates/tier2-call");
        var editor = Page.GetByRole(AriaRole.Textbox, new() { Name = "tier2-call.sbn" });
        var preview = Page.GetByRole(AriaRole.Region, new() { Name = "Preview" });

        await Page.Field("Preview for account").FillAsync(account);
        await Page.GetByRole(AriaRole.Option, new() { Name = account }).First.ClickAsync();
        var task = preview.GetByRole(AriaRole.Article, new() { Name = "Rendered task" });
        await Assertions.Expect(task.GetByText($"Call {account}: Tier 2 sequence call")).ToBeVisibleAsync();

        // Typing changes the preview (after a pause, without saving).
        await ReplaceEditorTextAsync(editor, original.Replace("Call {{ account.name }}: Tier 2", "Call {{ account.name }} today: Tier 2", StringComparison.Ordinal));
        await Assertions.Expect(task.GetByText($"Call {account} today: Tier 2 sequence call")).ToBeVisibleAsync();

        // A field from the panel goes in at the cursor: the end of the text, on a new line.
        await editor.ClickAsync();
        await Page.Keyboard.PressAsync("Control+End");
        await Page.Keyboard.TypeAsync("\nTriggered by: ");
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Fields" }).ClickAsync();
        var fields = Page.GetByRole(AriaRole.Region, new() { Name = "Fields" });
        await fields.GetByLabel("Search fields").FillAsync("signal type");
        await Assertions.Expect(fields.GetByRole(AriaRole.Button, new() { Name = "Insert signal?.type" })).ToBeVisibleAsync();
        await ScreenshotAsync("template-fields");
        await fields.GetByRole(AriaRole.Button, new() { Name = "Insert signal?.type" }).ClickAsync();
        await Assertions.Expect(editor).ToContainTextAsync("Triggered by: {{ signal?.type }}");

        // The preview for that account's signal shows what the inserted field prints.
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Preview" }).ClickAsync();
        await Page.Field("Signal").ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = signalType.Replace('_', ' ') }).First.ClickAsync();
        await Assertions.Expect(task.GetByText($"Triggered by: {signalType}")).ToBeVisibleAsync();
        Assert.Contains($"account={accountId}", Page.Url, StringComparison.Ordinal); // a link to this page previews the same
        await ScreenshotAsync("template-signal");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("tier2-call.sbn is live")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("saved by ops@demo.accountplaybooks.test")).ToBeVisibleAsync();
        var saved = await LiveHashAsync(api);

        // A broken save is refused at its line; the version saved above stays live and keeps rendering.
        ExpectConsoleError("status of 422");
        var broken = (await api.GetStringAsync("api/templates/tier2-call")).Replace("Call **{{ account.name }}**", "Call **{{ account.nmae }}**", StringComparison.Ordinal);
        await ReplaceEditorTextAsync(editor, broken);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var refusal = Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Not saved" });
        await Assertions.Expect(refusal).ToContainTextAsync($"the live version {saved[..12]} stays");
        await Assertions.Expect(refusal).ToContainTextAsync("tier2-call.sbn:2:");
        await Assertions.Expect(refusal).ToContainTextAsync("unknown field account.nmae. Did you mean name?");
        await Page.Keyboard.PressAsync("Control+Home");
        await Assertions.Expect(Page.Locator(".cm-lintRange-error").First).ToHaveTextAsync("nmae"); // the marker is on the unknown field
        await preview.GetByText("Live version", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(task.GetByText($"Call {account} today: Tier 2 sequence call")).ToBeVisibleAsync();
        await Assertions.Expect(task.GetByText($"Triggered by: {signalType}")).ToBeVisibleAsync();
        await ScreenshotAsync("template-refused");

        Assert.Equal(saved, await LiveHashAsync(api));
        var live = await (await api.PostAsJsonAsync("api/templates/tier2-call/preview", new { accountId })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"Call {account} today: Tier 2 sequence call", live.GetProperty("title").GetString());

        await Page.GetByRole(AriaRole.Tab, new() { Name = "Used by" }).ClickAsync();
        var usages = Page.GetByRole(AriaRole.Region, new() { Name = "Used by" });
        await Assertions.Expect(usages.GetByRole(AriaRole.Region, new() { Name = "Used in Tier 2 — target accounts" })).ToContainTextAsync("touch-4-call");
        await ScreenshotAsync("template-used-by");
    }

    [Fact]
    public async Task ManagersReadTemplatesAndOpenTheStepsThatUseThemRepsSeeNone()
    {
        var (_, account) = await FirstAccountAsync();
        await LoginAsync("manager");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Templates", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "tier2-call" }).First.ClickAsync();

        await Assertions.Expect(Page.GetByText("read only", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToHaveCountAsync(0);
        await Assertions.Expect(Page.GetByRole(AriaRole.Textbox, new() { Name = "tier2-call.sbn" })).ToHaveAttributeAsync("aria-readonly", "true");
        await Page.Field("Preview for account").FillAsync(account);
        await Page.GetByRole(AriaRole.Option, new() { Name = account }).First.ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Article, new() { Name = "Rendered task" })).ToContainTextAsync(account);
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Fields" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Read only: ops and admins insert fields")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Insert account.name" })).ToHaveCountAsync(0);
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Used by" }).ClickAsync();
        await ScreenshotAsync("template-manager");

        // The step link opens the designer with that step selected.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Open step touch-4-call of Tier 2 — target accounts in the designer" }).ClickAsync();
        // The designer's canvas and layout engine load on first use: a patient wait on a busy machine.
        await Assertions.Expect(Page.GetByRole(AriaRole.Region, new() { Name = "Inspector: touch-4-call" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(Page.Node("touch-4-call")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("selected"));

        await using var rep = await OpenPageAsync();
        await DemoLogin.LoginAsync(rep.Page, "rep");
        await Assertions.Expect(rep.Page.GetByRole(AriaRole.Link, new() { Name = "Templates", Exact = true })).ToHaveCountAsync(0);
        await rep.Page.GotoAsync("/templates/tier2-call");
        await Assertions.Expect(rep.Page.GetByText("The templates area is not open to your role")).ToBeVisibleAsync();
        using var repApi = ApiWith("demo-rep-token");
        Assert.Equal(HttpStatusCode.Forbidden, (await repApi.GetAsync("api/templates")).StatusCode);
    }

    /// A demo account with at least one signal: its id, name and newest signal's type.
    private async Task<(string Id, string Name, string SignalType)> AccountWithASignalAsync()
    {
        using var api = ApiWith("demo-ops-token");
        var accounts = (await api.GetFromJsonAsync<JsonElement>("api/accounts?pageSize=20")).GetProperty("items");
        foreach (var account in accounts.EnumerateArray())
        {
            var id = account.GetProperty("id").GetString()!;
            var signals = (await api.GetFromJsonAsync<JsonElement>($"api/signals?accountId={Uri.EscapeDataString(id)}&pageSize=1")).GetProperty("items");
            if (signals.GetArrayLength() > 0)
            {
                return (id, account.GetProperty("name").GetString()!, signals[0].GetProperty("type").GetString()!);
            }
        }
        throw new InvalidOperationException("no demo account among the first 20 has a signal");
    }

    private static async Task<string> LiveHashAsync(HttpClient api) =>
        (await api.GetFromJsonAsync<JsonElement>("api/templates")).EnumerateArray()
        .Single(t => t.GetProperty("name").GetString() == "tier2-call").GetProperty("hash").GetString()!;
}
