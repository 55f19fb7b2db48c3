namespace CareFlows.TestSupport;

/// <summary>
/// A flow with no email, so timers and steps are measured and tested on their own: OrderPlaced -> wait a day -> wait a
/// day. Its steps are the ActivityCompleted events of "first-wait" and "second-wait". Shared by the benchmark and the
/// timer tests, so both look at the same work.
/// </summary>
public static class WaitingFlow
{
    public static string Json(string id) => $$"""
        {
          "id": "{{id}}", "name": "Two waits ({{id}})", "version": 1,
          "activities": [
            { "id": "placed", "type": "OrderPlaced" },
            { "id": "first-wait", "type": "Delay", "properties": { "duration": "P1D" } },
            { "id": "second-wait", "type": "Delay", "properties": { "duration": "P1D" } }
          ],
          "connections": [
            { "source": { "activity": "placed", "port": "Done" }, "target": { "activity": "first-wait" } },
            { "source": { "activity": "first-wait", "port": "Done" }, "target": { "activity": "second-wait" } }
          ]
        }
        """;

    /// <summary>A new folder holding only this flow, for a server's Flows:WorkflowsPath.</summary>
    public static async Task<string> FolderAsync(string id)
    {
        var folder = Directory.CreateTempSubdirectory("careflows-waiting-flow-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, $"{id}.json"), Json(id));
        return folder;
    }
}
