using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using AccountPlaybooks.BrowserTests.Fixtures;
using AccountPlaybooks.Tests;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AccountPlaybooks.BrowserTests.Designer;

/// A 150-step playbook stays workable: every step renders and a drag moves one. The frame times of the drag and the
/// time to first render are measured and written to TestResults/perf/designer-150.json, never asserted (speed is
/// judged by people reading the numbers, not by a timed test on a shared 2-core machine).
public sealed class LargePlaybookCanvas(ServerProcess server, Chromium chromium, ITestOutputHelper output) : BrowserTest(server, chromium)
{
    private const int Steps = 150;

    [Fact]
    public async Task RendersAndDragsA150StepPlaybook()
    {
        await SaveDraftAsync(LargeDefinition("large-150"));
        await LoginAsync("manager");

        var clock = Stopwatch.StartNew();
        await Page.GotoAsync("/playbooks/large-150");
        // A locator, not WaitForFunction: a string predicate is eval'd in the page, which the Studio's CSP forbids.
        await Assertions.Expect(Page.Locator(".react-flow__node")).ToHaveCountAsync(Steps, new() { Timeout = 30_000 });
        var firstRender = clock.Elapsed;

        var node = Page.Node("delay-10");
        var before = await node.GetAttributeAsync("style");
        var box = (await node.BoundingBoxAsync())!;
        await Page.EvaluateAsync(FrameRecorder);
        await Page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + 8);
        await Page.Mouse.DownAsync();
        await Page.Mouse.MoveAsync(box.X + box.Width / 2 + 160, box.Y + 90, new() { Steps = 40 });
        await Page.Mouse.UpAsync();
        var frames = await Page.EvaluateAsync<double[]>("() => { window.__stopFrames = true; return window.__frames; }");

        Assert.NotEqual(before, await node.GetAttributeAsync("style"));
        await Assertions.Expect(Page.Locator(".react-flow__node")).ToHaveCountAsync(Steps);
        await ScreenshotAsync("large-150");
        var report = Report(firstRender, frames);
        output.WriteLine(report);
        var file = Path.Combine(RepoPaths.Root, "TestResults", "perf", "designer-150.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, report);
    }

    /// Records the interval between animation frames until the test stops it.
    private const string FrameRecorder = """
        () => {
          window.__frames = []; window.__stopFrames = false;
          let last = performance.now();
          const tick = (t) => { window.__frames.push(t - last); last = t; if (!window.__stopFrames) requestAnimationFrame(tick); };
          requestAnimationFrame(tick);
        }
        """;

    private static string Report(TimeSpan firstRender, double[] frames)
    {
        var sorted = frames.Order().ToArray();
        double At(double q) => sorted.Length == 0 ? 0 : sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(q * sorted.Length))];
        return JsonSerializer.Serialize(new
        {
            steps = Steps, firstRenderMs = Math.Round(firstRender.TotalMilliseconds), dragFrames = frames.Length,
            frameMsP50 = Math.Round(At(0.5), 1), frameMsP95 = Math.Round(At(0.95), 1), frameMsMax = Math.Round(sorted.LastOrDefault(), 1),
        }, new JsonSerializerOptions { WriteIndented = true });
    }

    /// Start, 148 delays in a chain laid out in rows of ten, and End.
    private static object LargeDefinition(string id)
    {
        var ids = Enumerable.Range(0, Steps).Select(i => i == 0 ? "start" : i == Steps - 1 ? "end" : $"delay-{i}").ToList();
        var nodes = ids.Select((node, i) => new
        {
            id = node,
            type = i == 0 ? "Start" : i == Steps - 1 ? "End" : "Delay",
            inputs = i == 0 || i == Steps - 1 ? new Dictionary<string, object>() : new() { ["duration"] = "P1D" },
            ui = new { x = i % 10 * 320, y = i / 10 * 160 },
        });
        var edges = ids.Zip(ids.Skip(1), (from, to) => new { from, port = "Done", to });
        return new { id, name = "Large — 150 steps", triggers = Array.Empty<object>(), nodes, edges };
    }

    private async Task SaveDraftAsync(object definition)
    {
        using var http = ApiWith("demo-manager-token");
        (await http.PutAsJsonAsync("api/playbooks/large-150", definition)).EnsureSuccessStatusCode();
    }
}
