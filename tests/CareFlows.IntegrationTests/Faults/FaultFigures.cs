namespace CareFlows.IntegrationTests.Faults;

/// <summary>
/// The figures of the fault suite, one row per fault, written to artifacts/fault-suite.md beside the repository's
/// root; ./test.sh prints the table after the tests. The tests assert the bounds; this only reports what was seen.
/// </summary>
public static class FaultFigures
{
    private static readonly object Gate = new();

    public static string FilePath => Path.Combine(Infrastructure.CareFlowsFixture.RepositoryFolder("src"), "..", "artifacts", "fault-suite.md");

    public static void Record(string fault, int expected, int distinct, int duplicates, int missing, TimeSpan lastAfterFaultEnded)
    {
        lock (Gate)
        {
            var path = Path.GetFullPath(FilePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!File.Exists(path))
                File.WriteAllText(path, "| fault | emails expected | distinct | duplicates | missing | last one after the fault ended |\n|---|---|---|---|---|---|\n");
            File.AppendAllText(path, $"| {fault} | {expected} | {distinct} | {duplicates} | {missing} | {lastAfterFaultEnded.TotalSeconds:0.0} s |\n");
        }
    }
}
