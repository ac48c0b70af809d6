using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AccountPlaybooks.BrowserTests.Designer;

/// How a person works the designer's canvas with the mouse: drag from the palette, drag port to node, pick in selects.
internal static class Canvas
{
    public static ILocator Node(this IPage page, string id) => page.Locator($".react-flow__node[data-id=\"{id}\"]");

    public static ILocator Port(this IPage page, string nodeId, string port) =>
        page.Node(nodeId).Locator($".react-flow__handle.source[data-handleid=\"{port}\"]");

    /// Drags an activity from the palette and drops it at (x, y) within the canvas.
    public static async Task DropAsync(this IPage page, string activityLabel, float x, float y)
    {
        var item = page.GetByRole(AriaRole.Button, new() { Name = $"Add {activityLabel}:" });
        await item.DragToAsync(page.Locator(".react-flow__pane"), new() { TargetPosition = new() { X = x, Y = y } });
    }

    /// Drags from a node's port handle onto another node's input handle.
    public static async Task ConnectAsync(this IPage page, string from, string port, string to)
    {
        await page.Port(from, port).DragToAsync(page.Node(to).Locator(".react-flow__handle.target"));
        await Assertions.Expect(page.Locator($".react-flow__edge[data-id=\"{from}:{port}->{to}\"]")).ToHaveCountAsync(1);
    }

    /// Selects a node the way a person does: a click on its title.
    public static Task SelectAsync(this IPage page, string id) =>
        page.Node(id).ClickAsync(new() { Position = new() { X = 60, Y = 14 } });

    /// The input labelled so, required or not (a select's option list carries the same label).
    public static ILocator Field(this IPage page, string label) =>
        page.Locator("input, textarea").And(page.GetByLabel(new Regex($"^{Regex.Escape(label)}( \\*)?$"))).First;

    /// Opens a Mantine select by its label and clicks the option.
    public static async Task ChooseAsync(this IPage page, string label, string option)
    {
        await page.Field(label).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option }).First.ClickAsync();
    }
}
