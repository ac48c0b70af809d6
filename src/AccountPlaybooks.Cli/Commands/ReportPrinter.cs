using AccountPlaybooks.Application;
using AccountPlaybooks.Application.Import;

namespace AccountPlaybooks.Cli.Commands;

internal static class ReportPrinter
{
    public static async Task PrintAsync(TextWriter output, string file, string what, ImportReport report)
    {
        await output.WriteLineAsync(
            $"{file}: {report.Received} {what} read — {report.Created} created, {report.Updated} updated, " +
            $"{report.Unchanged} unchanged, {report.Duplicates} duplicates, {report.Failed} rejected");
        foreach (var error in report.Errors)
        {
            await output.WriteLineAsync($"  {file}: {error}");
        }
        if (report.Failed > report.Errors.Count)
        {
            await output.WriteLineAsync($"  … and {report.Failed - report.Errors.Count} more rejected rows");
        }
        if (report.IgnoredColumns.Count > 0)
        {
            await output.WriteLineAsync($"  ignored columns (not a known field): {string.Join(", ", report.IgnoredColumns)}");
        }
        if (report.Aborted is not null)
        {
            await output.WriteLineAsync($"  {file}: stopped reading: {report.Aborted}");
        }
    }

    public static async Task PrintAsync(TextWriter output, string source, ValidationException invalid)
    {
        foreach (var (field, messages) in invalid.Errors)
        {
            await output.WriteLineAsync($"{source}: {field}: {string.Join("; ", messages)}");
        }
    }
}
