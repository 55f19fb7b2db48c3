using CareFlows.Server.Watching;

namespace CareFlows.Tests.Watching;

public class StepCountsTests
{
    [Fact]
    public void facts_of_one_step_fold_into_one_count_with_reasons_summed_and_busiest_first()
    {
        var counts = StepCounts.Fold([
            new StepFact("discount-email", StepCounts.Entered, "", 10),
            new StepFact("discount-email", StepCounts.Sent, "", 6),
            new StepFact("discount-email", StepCounts.Skipped, "no marketing consent", 3),
            new StepFact("discount-email", StepCounts.Skipped, "address bounced", 1),
            new StepFact("confirmation", StepCounts.Entered, "", 12),
            new StepFact("wait-for-delivery", StepCounts.Waiting, "", 4),
            new StepFact("wait-for-delivery", StepCounts.Exited, "OrderCancelled", 2),
        ]);

        counts.Select(c => c.ActivityId).ShouldBe(["confirmation", "discount-email", "wait-for-delivery"]);
        var discount = counts[1];
        discount.ShouldSatisfyAllConditions(
            d => d.Entered.ShouldBe(10),
            d => d.Sent.ShouldBe(6),
            d => d.WaitingNow.ShouldBe(0),
            d => d.Skipped.ShouldBe([new ReasonCount("no marketing consent", 3), new ReasonCount("address bounced", 1)]));
        counts[2].ShouldSatisfyAllConditions(
            w => w.WaitingNow.ShouldBe(4),
            w => w.Exited.ShouldBe([new ReasonCount("OrderCancelled", 2)]));
    }

    [Fact]
    public void no_facts_give_no_steps() => StepCounts.Fold([]).ShouldBeEmpty();
}
