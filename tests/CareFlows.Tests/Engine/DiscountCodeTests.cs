using CareFlows.Engine.Runtime;

namespace CareFlows.Tests.Engine;

public class DiscountCodeTests
{
    [Fact]
    public void codes_carry_the_prefix_and_four_groups_of_unambiguous_characters() =>
        DiscountCodes.New("thanks").ShouldMatch("^THANKS-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$");

    [Fact]
    public void codes_do_not_repeat() =>
        Enumerable.Range(0, 10_000).Select(_ => DiscountCodes.New("X")).Distinct().Count().ShouldBe(10_000);

    [Fact]
    public void a_seeded_source_repeats_its_sequence_for_the_simulator()
    {
        var first = DiscountCodes.Seeded(7);
        var second = DiscountCodes.Seeded(7);
        first("A").ShouldBe(second("A"));
    }
}
