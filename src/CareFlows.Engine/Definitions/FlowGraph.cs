using CareFlows.Engine.Activities;

namespace CareFlows.Engine.Definitions;

/// <summary>Checks of the flow's shape: everything reachable from the trigger, and no loop that never waits.</summary>
internal static class FlowGraph
{
    public static void Check(FlowDefinition d, string triggerId, IReadOnlyDictionary<string, Activity> activities,
        IReadOnlyDictionary<(string Activity, string Port), string> next, Action<string, string> fault)
    {
        var successors = activities.Keys.ToDictionary(id => id, id => next.Where(n => n.Key.Activity == id).Select(n => n.Value).ToList());

        var reached = new HashSet<string>();
        var frontier = new Stack<string>([triggerId]);
        while (frontier.TryPop(out var id))
            if (reached.Add(id)) foreach (var s in successors[id]) frontier.Push(s);
        for (var i = 0; i < d.Activities.Count; i++)
            if (!reached.Contains(d.Activities[i].Id))
                fault($"$.activities[{i}]", $"'{d.Activities[i].Id}' cannot be reached from the trigger");

        // A loop is fine when something in it waits; without a wait it would run for ever in one step.
        static bool Waits(Activity a) => a is Delay or WaitForEvent;
        foreach (var cycle in Cycles(successors.Where(s => !Waits(activities[s.Key]))
                     .ToDictionary(s => s.Key, s => s.Value.Where(t => !Waits(activities[t])).ToList())))
        {
            var index = d.Activities.ToList().FindIndex(a => a.Id == cycle[0]);
            fault($"$.activities[{index}]", $"loop without a wait: {string.Join(" -> ", cycle)} -> {cycle[0]}");
        }
    }

    /// <summary>The strongly connected components that are loops (Tarjan's algorithm).</summary>
    private static List<List<string>> Cycles(Dictionary<string, List<string>> graph)
    {
        var index = 0;
        var indices = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var cycles = new List<List<string>>();

        void Visit(string v)
        {
            indices[v] = low[v] = index++;
            stack.Push(v);
            foreach (var w in graph[v])
            {
                if (!indices.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (stack.Contains(w)) low[v] = Math.Min(low[v], indices[w]);
            }
            if (low[v] != indices[v]) return;
            var component = new List<string>();
            string popped;
            do { popped = stack.Pop(); component.Add(popped); } while (popped != v);
            if (component.Count > 1 || graph[v].Contains(v)) { component.Reverse(); cycles.Add(component); }
        }

        foreach (var v in graph.Keys) if (!indices.ContainsKey(v)) Visit(v);
        return cycles;
    }
}
