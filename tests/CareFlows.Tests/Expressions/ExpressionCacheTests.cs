using CareFlows.Engine.Expressions;
using Scriban.Runtime;

namespace CareFlows.Tests.Expressions;

public class ExpressionCacheTests
{
    [Fact]
    public void the_parse_cache_never_grows_past_its_bound()
    {
        var model = new ScriptObject { ["order"] = new ScriptObject { ["total"] = 10 } };
        for (var i = 0; i < FlowExpressions.CacheLimit * 2; i++)
            FlowExpressions.IsTrue($"order.total >= {i}", model);
        FlowExpressions.CachedCount.ShouldBeLessThanOrEqualTo(FlowExpressions.CacheLimit);
    }
}
