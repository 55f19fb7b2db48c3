using CareFlows.Engine.Expressions;

namespace CareFlows.Tests.Engine;

/// <summary>The expressions the designer's condition builder writes (src/CareFlows.Designer/src/conditions.js) evaluate as meant.</summary>
public class BuilderExpressionTests
{
    private static bool Eval(string expression, int orders = 1) =>
        FlowExpressions.IsTrue(expression, ExpressionModel.For(TestData.Order() with { ShippingCountry = "IE" }, orders, new Dictionary<string, object?>(), []));

    [Theory]
    [InlineData("order.total >= 10 && customer.is_first_order", true)]
    [InlineData("order.total >= 1000 || !customer.is_first_order", false)]
    [InlineData("(order.shipping_country == 'GB' || order.shipping_country == 'IE')", true)]
    [InlineData("(array.contains order.skus 'NOPE-99')", false)]
    [InlineData("!(array.contains order.skus 'NOPE-99')", true)]
    [InlineData("!(order.shipping_country == 'GB' || order.shipping_country == 'IE')", false)]
    [InlineData("string.starts_with customer.locale 'en'", true)]
    [InlineData("(order.shipping_country == 'FR' || order.shipping_country == 'DE')", false)]
    [InlineData("feedback.score <= 2", true)] // 0: not rated yet, which is why the builder guards it
    [InlineData("(feedback.answered && feedback.score <= 2)", false)]
    public void what_the_builder_writes_evaluates_as_meant(string expression, bool expected) => Eval(expression).ShouldBe(expected);

    [Fact]
    public void a_sku_the_order_has_is_found()
    {
        var sku = TestData.Order().Lines[0].Sku;
        Eval($"(array.contains order.skus '{sku}')").ShouldBeTrue();
    }
}
