namespace AccountPlaybooks.IntegrationTests.Playbooks;

/// Playbooks for the API, folder and CLI tests: a valid one (pause two days, then wait a week for a reply), and the
/// same one broken three ways a manager might break it.
public static class PlaybooksApiSamples
{
    /// Its trigger names a tier no account reaches, so only the tests start instances.
    public static string Valid(string id) => $$"""
        {
          "id": "{{id}}", "name": "Follow-up {{id}}",
          "triggers": [ { "type": "tierEntered", "tier": "Tier9" } ],
          "exit": { "onSignals": ["unsubscribe"] },
          "nodes": [
            { "id": "start", "type": "Start" },
            { "id": "pause", "type": "Delay", "inputs": { "duration": "P2D" } },
            { "id": "wait", "type": "WaitForSignal", "inputs": { "types": ["email_reply"], "timeout": "P7D" } },
            { "id": "replied", "type": "End" },
            { "id": "silent", "type": "End" }
          ],
          "edges": [
            { "from": "start", "port": "Done", "to": "pause" },
            { "from": "pause", "port": "Done", "to": "wait" },
            { "from": "wait", "port": "Received", "to": "replied" },
            { "from": "wait", "port": "TimedOut", "to": "silent" }
          ]
        }
        """;

    /// A dangling edge from pause, a duration in words, and a misspelled input on wait.
    public static string Invalid(string id) => Valid(id)
        .Replace("""{ "from": "pause", "port": "Done", "to": "wait" }""", """{ "from": "pause", "port": "Done", "to": "nowhere" }""")
        .Replace("\"P2D\"", "\"2 days\"")
        .Replace("\"timeout\": \"P7D\"", "\"timout\": \"P7D\"");
}
