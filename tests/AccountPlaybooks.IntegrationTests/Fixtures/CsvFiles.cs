using System.Globalization;
using System.Text;

namespace AccountPlaybooks.IntegrationTests.Fixtures;

/// Account files shaped like a CRM export, with chosen rows broken.
public static class CsvFiles
{
    public const string CrmHeader = "Record ID,Company name,Company Domain Name,Number of Employees,Annual Revenue,Country/Region,Industry";

    public static string CrmAccounts(int rows, IReadOnlyDictionary<int, string>? brokenRows = null)
    {
        var csv = new StringBuilder(CrmHeader).Append('\n');
        for (var i = 1; i <= rows; i++)
        {
            csv.Append(brokenRows?.GetValueOrDefault(i) ?? string.Create(CultureInfo.InvariantCulture, $"crm-{i:D5},Company {i},company{i}.com,{50 + i},\"{i * 1000:N0}\",Germany,Software"))
               .Append('\n');
        }
        return csv.ToString();
    }
}
