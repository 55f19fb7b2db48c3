using CareFlows.Server.Orders;

namespace CareFlows.Tests.Orders;

public class OrderValidationTests
{
    [Fact]
    public void a_complete_order_has_no_faults() => OrderValidation.Faults(TestData.Order()).ShouldBeEmpty();

    [Fact]
    public void a_missing_order_id_is_named() =>
        OrderValidation.Faults(TestData.Order() with { OrderId = "" }).ShouldContain("orderId is missing");

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("ada@")]
    [InlineData("Ada <ada@example.com>")]
    [InlineData("ada@example")]
    public void an_invalid_email_is_named_with_its_value(string email)
    {
        var order = TestData.Order();
        OrderValidation.Faults(order with { Customer = order.Customer with { Email = email } })
            .ShouldContain($"customer.email '{email}' is not an email address");
    }

    [Fact]
    public void a_missing_email_is_named()
    {
        var order = TestData.Order();
        OrderValidation.Faults(order with { Customer = order.Customer with { Email = " " } }).ShouldContain("customer.email is missing");
    }

    [Fact]
    public void an_invalid_order_throws_with_every_fault_in_the_message()
    {
        var error = Should.Throw<InvalidMessageException>(() => OrderValidation.ThrowIfInvalid(TestData.Order() with { OrderId = "", Currency = "euro" }));
        error.Message.ShouldContain("orderId is missing");
        error.Message.ShouldContain("currency must be an ISO 4217 code");
    }
}
