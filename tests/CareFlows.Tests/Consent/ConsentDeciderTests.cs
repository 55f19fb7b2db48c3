using CareFlows.Engine.Consent;

namespace CareFlows.Tests.Consent;

public class ConsentDeciderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly ConsentPolicy Defaults = new(new Dictionary<string, bool> { ["service"] = true, ["marketing"] = false }, []);
    private static readonly ConsentPolicy DoubleOptIn = new(new Dictionary<string, bool> { ["service"] = true, ["marketing"] = false }, ["marketing"]);

    private static CustomerConsentState Run(ConsentPolicy policy, params ConsentCommand[] commands) =>
        commands.Aggregate((CustomerConsentState?)null, (state, command) =>
            new ConsentDecider(policy).Decide(state, command).Events.Aggregate(state ?? new CustomerConsentState(), (s, e) => s.Apply(e)))!;

    private static ChangeConsent Change(string category, bool optIn, DateTimeOffset at, string source = "api") =>
        new("c-1", "ada@example.com", "email", category, optIn, source, at);

    [Fact]
    public void a_customer_who_never_decided_gets_the_shops_defaults()
    {
        Defaults.Check(null, "email", "service").Allowed.ShouldBeTrue();
        var marketing = Defaults.Check(null, "email", "marketing");
        marketing.Allowed.ShouldBeFalse();
        marketing.Reason.ShouldBe("no marketing consent (default: opted out)");
    }

    [Fact]
    public void transactional_mail_goes_even_after_unsubscribing_from_everything()
    {
        var state = Run(Defaults, Change("marketing", true, T0), new UnsubscribeAll("c-1", "email", "preference-page", null, T0.AddDays(1)));
        Defaults.Check(state, "email", "transactional").Allowed.ShouldBeTrue();
        Defaults.Check(state, "email", "service").Allowed.ShouldBeFalse();
        Defaults.Check(state, "email", "marketing").Reason.ShouldBe("opted out of marketing (preference-page, 2026-11-02)");
    }

    [Fact]
    public void an_older_decision_arriving_late_does_not_override_a_newer_one()
    {
        var state = Run(Defaults, Change("marketing", true, T0.AddHours(2), "checkout"));
        var late = new ConsentDecider(Defaults).Decide(state, Change("marketing", false, T0.AddHours(1), "support"));
        late.Outcome.ShouldBe(ConsentOutcome.Superseded);
        late.Events.ShouldBeEmpty();
    }

    [Fact]
    public void the_same_decision_replayed_records_nothing_the_second_time()
    {
        var state = Run(Defaults, Change("marketing", true, T0));
        var again = new ConsentDecider(Defaults).Decide(state, Change("marketing", true, T0));
        again.Outcome.ShouldBe(ConsentOutcome.Unchanged);
        again.Events.ShouldBeEmpty();
    }

    [Fact]
    public void a_decision_repeated_later_keeps_an_older_opposite_one_arriving_after_it_from_winning()
    {
        // Out at 9:00 and out again at 9:07; the opt-in made at 9:06 arrives last and must not stand.
        var state = Run(Defaults, Change("marketing", false, T0, "support-0"), Change("marketing", false, T0.AddMinutes(7), "support-7"),
            Change("marketing", true, T0.AddMinutes(6), "support-6"));
        state.DecisionFor("email", "marketing").ShouldBe(new ConsentDecision(false, "support-7", T0.AddMinutes(7)));
    }

    [Fact]
    public void unsubscribing_from_everything_again_later_is_recorded_so_an_older_opt_in_cannot_win()
    {
        var state = Run(Defaults, new UnsubscribeAll("c-1", "email", "api", null, T0), new UnsubscribeAll("c-1", "email", "support", null, T0.AddMinutes(7)),
            Change("service", true, T0.AddMinutes(6)));
        state.DecisionFor("email", "service")!.OptedIn.ShouldBeFalse();
    }

    [Fact]
    public void a_one_click_link_used_twice_changes_nothing_the_second_time()
    {
        var state = Run(Defaults, new UnsubscribeAll("c-1", "email", "one-click-unsubscribe", "link-1", T0), Change("marketing", true, T0.AddDays(1)));
        var replay = new ConsentDecider(Defaults).Decide(state, new UnsubscribeAll("c-1", "email", "one-click-unsubscribe", "link-1", T0.AddDays(2)));
        replay.Outcome.ShouldBe(ConsentOutcome.LinkAlreadyUsed);
        Defaults.Check(state, "email", "marketing").Allowed.ShouldBeTrue();
    }

    [Fact]
    public void with_double_opt_in_marketing_counts_only_after_the_confirmation()
    {
        var requested = Run(DoubleOptIn, Change("marketing", true, T0, "checkout"));
        DoubleOptIn.Check(requested, "email", "marketing").Reason.ShouldBe("marketing consent awaits confirmation");

        var confirmed = Run(DoubleOptIn, Change("marketing", true, T0, "checkout"), new ConfirmDoubleOptIn("c-1", "email", "marketing", T0.AddMinutes(3)));
        DoubleOptIn.Check(confirmed, "email", "marketing").Allowed.ShouldBeTrue();
        confirmed.DecisionFor("email", "marketing")!.Source.ShouldBe("confirmation-link");
    }

    [Fact]
    public void a_confirmation_after_the_customer_opted_out_again_confirms_nothing()
    {
        var state = Run(DoubleOptIn, Change("marketing", true, T0), Change("marketing", false, T0.AddMinutes(1)));
        new ConsentDecider(DoubleOptIn).Decide(state, new ConfirmDoubleOptIn("c-1", "email", "marketing", T0.AddMinutes(2))).Outcome
            .ShouldBe(ConsentOutcome.NothingToConfirm);
    }

    [Fact]
    public void a_bounce_is_on_the_record_until_the_email_changes()
    {
        var bounced = Run(Defaults, Change("service", true, T0), new RecordBounce("c-1", "ada@example.com", "550 no such user", T0.AddDays(1)));
        bounced.Bounced!.Reason.ShouldBe("550 no such user");

        var moved = Run(Defaults, Change("service", true, T0), new RecordBounce("c-1", "ada@example.com", "550", T0.AddDays(1)),
            new ChangeConsent("c-1", "ada@new.example", "email", "service", true, "support", T0.AddDays(2)));
        moved.Email.ShouldBe("ada@new.example");
        moved.Bounced.ShouldBeNull();
        Defaults.Check(moved, "email", "service").Allowed.ShouldBeTrue();
    }

    [Theory]
    [InlineData("ada@example.com", true)]
    [InlineData(" Ada@Example.COM ", true)]
    [InlineData("ada@example", false)]
    [InlineData("not an email", false)]
    [InlineData("Ada <ada@example.com>", false)]
    [InlineData("", false)]
    public void consent_is_only_kept_under_a_plain_valid_address(string email, bool valid) =>
        EmailAddresses.IsValid(email).ShouldBe(valid);

    [Fact]
    public void an_opt_in_repeated_while_its_confirmation_waits_sends_no_second_email_within_the_hour()
    {
        var requested = Run(DoubleOptIn, Change("marketing", true, T0, "checkout"));
        var decider = new ConsentDecider(DoubleOptIn);

        var again = decider.Decide(requested, Change("marketing", true, T0.AddMinutes(5), "checkout"));
        again.Outcome.ShouldBe(ConsentOutcome.ConfirmationRequested);
        again.Events.ShouldBeEmpty();

        var later = decider.Decide(requested, Change("marketing", true, T0 + ConsentDecider.ConfirmationResendAfter, "checkout"));
        later.Events.ShouldHaveSingleItem().ShouldBeOfType<DoubleOptInRequested>();
    }
}
