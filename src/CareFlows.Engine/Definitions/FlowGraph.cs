using CareFlows.Engine.Activities;

namespace CareFlows.Engine.Definitions;

/// <summary>Checks of the flow's shape: everything reachable from the trigger, and no loop that never waits.</summary>
internal static class FlowGraph
{
    public static void Check(FlowDefinition d, string triggerId, IReadOnlyDictionary<string, Activity> activities,
        IReadOnlyDictionary<(string Activity, string Port), string> next, Action<string, string> fault)
    {
        var successors = activities.Keys.ToDictionary(id => id, _ => new List<string>());
        foreach (var ((from, _), to) in next) successors[from].Add(to);

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
            var index = d.Activities.Select((a, i) => (a.Id, i)).First(a => a.Id == cycle[0]).i;
            fault($"$.activities[{index}]", $"loop without a wait: {string.Join(" -> ", cycle)} -> {cycle[0]}");
        }
    }

    /// <summary>
    /// The strongly connected components that are loops (Tarjan's algorithm), with an explicit stack instead of
    /// recursion: a chain of thousands of activities must not overflow the thread's stack.
    /// </summary>
    private static List<List<string>> Cycles(Dictionary<string, List<string>> graph)
    {
        var index = 0;
        var indices = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var cycles = new List<List<string>>();

        foreach (var root in graph.Keys)
        {
            if (indices.ContainsKey(root)) continue;
            var work = new Stack<(string Node, int NextEdge)>();
            Enter(root);
            work.Push((root, 0));
            while (work.TryPop(out var frame))
            {
                var (v, edge) = frame;
                if (edge < graph[v].Count)
                {
                    work.Push((v, edge + 1));
                    var w = graph[v][edge];
                    if (!indices.ContainsKey(w)) { Enter(w); work.Push((w, 0)); }
                    else if (onStack.Contains(w)) low[v] = Math.Min(low[v], indices[w]);
                    continue;
                }
                // v is done: hand its low-link to the caller, and close its component if it is the root of one.
                if (work.TryPeek(out var caller)) low[caller.Node] = Math.Min(low[caller.Node], low[v]);
                if (low[v] != indices[v]) continue;
                var component = new List<string>();
                string popped;
                do { popped = stack.Pop(); onStack.Remove(popped); component.Add(popped); } while (popped != v);
                if (component.Count > 1 || graph[v].Contains(v)) { component.Reverse(); cycles.Add(component); }
            }
        }
        return cycles;

        void Enter(string v)
        {
            indices[v] = low[v] = index++;
            stack.Push(v);
            onStack.Add(v);
        }
    }
}
