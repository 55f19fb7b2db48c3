using CareFlows.Server.Orders;

using CareFlows.Server.Hosting;

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
    public void an_invalid_email_is_named_but_not_repeated_since_faults_reach_logs_and_queues(string email)
    {
        var order = TestData.Order();
        var faults = OrderValidation.Faults(order with { Customer = order.Customer with { Email = email } });
        faults.ShouldContain("customer.email is not an email address");
        faults.ShouldAllBe(f => !f.Contains(email));
    }

    [Theory]
    [InlineData("../surprise-discount/en")]
    [InlineData("/etc/passwd")]
    [InlineData("English")]
    public void a_locale_that_is_not_a_language_tag_is_refused(string locale)
    {
        var order = TestData.Order();
        OrderValidation.Faults(order with { Customer = order.Customer with { Locale = locale } })
            .ShouldContain("customer.locale must be a language tag such as de or de-AT");
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
